"""Who met whom: grammar of meetings, talks and visits (CAMEO 04) that the general rules miss.

- a meeting's topic is not a party to it: "held talks on Iran's nuclear programme", "met over Kosovo's
  status" (``topic``, ``behind_topic``);
- talks held by coordinated actors need no "with" ("X and Y began talks": each meets the other;
  ``shared_holder``);
- talks "between X and Y" are between X and Y, whoever hosts them ("Turkey hosted talks between Syria
  and Israel"; ``between_parties``);
- "visiting X" before a name is X's visit, also where the parser hung the participle on the clause's verb
  ("Hu told visiting US Treasury Secretary Paulson": Paulson visits, Hu hosts; ``attributive_visit``);
- who moves without visiting: troops that arrive or planes that fly somewhere, and troops that leave a
  country withdraw from it (``deployment``); a summit hosted is no visit by its organisation
  (``hosted_gathering``); advisers sent "to support X" are military aid to X, funds raised "to support X" economic aid
  (``supporting_aid``);
- "their" meeting that sets a clause is between the clause's subject and the one it addresses ("X told Y during
  their meeting that ..."; ``shared_encounter``);
- a mediation is between the parties its purpose names ("launched a mediation effort to end the rift between
  X and Y"; ``mediated_parties``);
- a visit set in a place is to that place ("X is in Berlin on a two-day visit", "X, in Moscow on an official
  visit, said"; ``visited_place``).
"""

from __future__ import annotations

from .craft import CRAFT
from .lexicon import child
from .nominal import ENCOUNTER_PREPS

# prepositions that give what a meeting is about ("talks on X's programme", "met over the crisis")
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})
MEETING_ROOT = "04"
MEDIATION = "045"  # "a mediation effort between X and Y" is the mediator's act
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})  # named entities that are places, not people


def topic(tok) -> bool:
    """Whether ``tok`` is the object of a topic preposition: what is talked about, not who talks."""
    return tok.dep_ == "pobj" and tok.head.lower_ in TOPIC_PREPS


def behind_topic(tok, top) -> bool:
    """Whether ``tok``, inside the phrase headed by ``top``, is in a topic preposition's object ("a round of
    talks on [Tehran's programme]")."""
    while tok.i != top.i and tok.head.i != tok.i:
        if topic(tok):
            return True
        tok = tok.head
    return False


# nouns that measure an event noun in "two days of talks", "a new round of negotiations"
MEASURES = frozenset("round day week month year hour series wave spate string".split())


def measured(noun):
    """The quantity noun that stands for the event noun in its clause ("concluded [two days] of talks"),
    else the noun itself."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.lemma_ in MEASURES:
        return head.head
    return noun


# the nouns of talks that coordinated actors may gather for
TALKS = frozenset("talk talks meeting negotiation discussion consultation conversation dialogue summit".split())


def shared_holder(noun, actors, subject_of) -> bool:
    """Whether the event noun ``noun`` is the object of a verb whose subject is coordinated actors ("X
    and Y began talks", "X and Y resumed negotiations"), or whose purpose it is ("X and Y gathered in Z for
    talks"): they may act on each other with no "with"."""
    noun = measured(noun)
    purpose = (noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.dep_ == "prep"
               and noun.lemma_.lower() in TALKS)  # not "X and Y were jailed for espionage"
    verb = noun.head.head if purpose else noun.head
    if not (purpose or noun.dep_ == "dobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    subj = subject_of(verb)
    return subj is not None and len(actors.all_at(subj)) > 1


# clauses that say what a mediation is for ("an effort to resolve the rift between X and Y", "designed to
# help X and Y reach a settlement", "mediated to end the dispute between X and Y")
PURPOSE_DEPS = frozenset({"acl", "xcomp", "advcl", "relcl"})


def mediated_parties(trig, actors) -> list:
    """The parties a mediation with no named target is between, read from its purpose clause: the object of
    "between" ("to prevent a confrontation between X and Y") or whom it helps ("to help X and Y reach")."""
    holders = [trig] + ([trig.head] if trig.dep_ == "compound" else [])
    clauses = [c for h in holders for c in h.children if c.dep_ in PURPOSE_DEPS and c.pos_ in ("VERB", "AUX")]
    for clause in clauses:
        for t in clause.subtree:
            if t.dep_ == "prep" and t.lower_ == "between" and child(t, "pobj") is not None:
                return actors.all_at(child(t, "pobj"))
            if t.lemma_ == "help" and t.pos_ == "VERB":
                helped = child(t, "dobj") or child(next((c for c in t.children if c.dep_ in ("ccomp", "xcomp")),
                                                        None), "nsubj")
                found = actors.all_at(helped) if helped is not None else []
                if found:
                    return found
    return []


def between_parties(pattern, targets) -> bool:
    """Whether talks (a 04 noun with "between") name their parties as ``targets``: they meet each other."""
    code = pattern.code or ""
    return pattern.target == "between" and len(targets) > 1 and code[:2] == MEETING_ROOT and code != MEDIATION


def attributive_visit(verb) -> bool:
    """"told visiting Secretary X", "with visiting President Y": the participle "visiting" right before its
    object, in the place of an adjective (after a verb, a preposition or a determiner, with no subject
    of its own), names the object's visit; it is not the visit of the clause's subject."""
    if verb.lower_ != "visiting" or verb.i == 0 or child(verb, "nsubj") is not None:
        return False
    obj = child(verb, "dobj")  # a person ("visiting Secretary X"), not a place ("after visiting Kabul")
    if obj is None or obj.pos_ != "PROPN" or obj.ent_type_ in PLACE_ENTS or min(t.i for t in obj.subtree) != verb.i + 1:
        return False
    before = verb.doc[verb.i - 1]
    return before.pos_ in ("ADP", "DET") or (before.pos_ == "VERB" and before.i == verb.head.i)


# who travels somewhere without visiting: armed units are deployed, vehicles and people on the move arrive
TROOPS = frozenset("troop soldier force peacekeeper contingent battalion brigade unit marine paratrooper "
                   "commando".split())
NOT_VISITORS = TROOPS | CRAFT | frozenset("refugee migrant".split())
VISIT = "042"
PEACEKEEPING = "074"
WITHDRAWAL = "0874"
DEPARTURES = frozenset({"leave"})  # verbs that are a withdrawal only when armed units do them
FIELD_MEETINGS = frozenset({"meet"})  # verbs that are an encounter, not talks, between armed units


def deployment(pattern_code: str | None, subj, verb=None) -> str | None:
    """The code of a visit verb ("arrived in", "flew to") whose subject ``subj`` is no visitor: peacekeepers
    who arrive give military protection (074); other troops, planes, ships and refugees make no visit
    (None). A departure ``verb`` ("left X") is a withdrawal only for troops ("US troops left Iraq"; not
    "Britain will leave the EU"): None for other subjects. Armed units that "meet" armed units meet in the
    field, no talks ("Kurdish troops met government forces on the river": None). Other codes and subjects:
    unchanged."""
    if (pattern_code == WITHDRAWAL and verb is not None and verb.lemma_ in DEPARTURES
            and (subj is None or subj.lemma_.lower() not in TROOPS)):
        return None
    if (pattern_code or "").startswith(MEETING_ROOT) and verb is not None and field_encounter(verb, subj):
        return None
    if not (pattern_code or "").startswith(VISIT) or subj is None or subj.lemma_.lower() not in NOT_VISITORS:
        return pattern_code
    words = {t.lemma_.lower() for t in subj.subtree}  # "contingents of peacekeeping troops"
    return PEACEKEEPING if "peacekeeper" in words or "peacekeeping" in words else None


def field_encounter(verb, subj) -> bool:
    """Whether armed units (``subj``, the subject of ``verb``) "meet" armed units: "Kurdish troops met government
    forces on the river" is an encounter in the field, not talks (commanders or officers who meet do talk)."""
    obj = child(verb, "dobj")
    return (verb.lemma_ in FIELD_MEETINGS and subj is not None and subj.lemma_.lower() in TROOPS
            and obj is not None and obj.lemma_.lower() in TROOPS)


# gatherings a state hosts: their organiser or members meet there, it is no one's visit to the host
GATHERINGS = frozenset("summit conference meeting session forum congress convention assembly games".split())


def hosted_gathering(verb) -> bool:
    """"Iraq hosted the Arab League summit": the host receives a gathering, not a visit by the League."""
    obj = child(verb, "dobj")
    return obj is not None and obj.lemma_.lower() in GATHERINGS


# sending armed men or military advisers to support someone is military aid (072); money given or
# raised to support someone is economic aid (071)
SENDING = frozenset("send deploy dispatch".split())
MILITARY_HELPERS = TROOPS | frozenset("adviser advisor instructor trainer".split())
MONEY = frozenset("fund funding money cash grant loan dollar euro pound million billion".split())
SUPPORT_ROOTS = ("05", "07")
MILITARY_AID = "072"
ECONOMIC_AID = "071"


def supporting_aid(verb) -> str | None:
    """The aid a purpose infinitive of support is: "Iran sent military advisers to support X", "deployed
    troops to help X" (military aid, 072, after the sending of armed men or advisers); "mobilised funds to
    support X", "gave $5 million to help X" (economic aid, 071, after money); else None."""
    if verb.dep_ not in ("advcl", "xcomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    obj = child(verb.head, "dobj")
    if obj is None:
        return None
    if verb.head.lemma_ in SENDING and obj.lemma_.lower() in MILITARY_HELPERS:
        return MILITARY_AID
    return ECONOMIC_AID if obj.lemma_.lower() in MONEY else None


# verbs that report what their subject says of its own dealings ("X said talks with Y had been constructive")
REPORTING = frozenset("say tell announce report state add insist note confirm stress describe call".split())
# words saying the talks are someone else's (a third party reporting on them): no reporter takes part then
_THIRD_PARTY = frozenset({"between", "among", "amongst"})


def reported_encounter(noun, pattern):
    """The reporter of a meeting ``noun`` with no agent of its own that is the subject of a reported clause: "Iran
    said talks with the EU had been constructive" (Iran met the EU), "X told reporters the meeting with Y went
    well"; None otherwise, or where the talks are between others."""
    if (pattern.code or pattern.reverse or "")[:2] != "04" or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(c.dep_ == "prep" and c.lower_ in _THIRD_PARTY for c in noun.children):
        return None
    clause = noun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in REPORTING:
        return None
    return child(clause.head, "nsubj")


# the host verb's slots naming the other party to "their" meeting: "told Y", "assured Y", "said to Y"
_ADDRESSEE_DEPS = frozenset({"dobj", "dative"})


def shared_encounter(noun):
    """The one addressed by the verb whose clause "their" meeting ``noun`` sets ("X told Y during their meeting
    that ...": X met Y; "at their talks, X assured Y"), or None."""
    if noun.dep_ != "pobj" or not any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children):
        return None
    prep, host = noun.head, noun.head.head
    if prep.lower_ not in ENCOUNTER_PREPS or host.pos_ not in ("VERB", "AUX"):
        return None
    for c in host.children:
        if c.dep_ in _ADDRESSEE_DEPS and c.pos_ in ("PROPN", "NOUN"):
            return c
        if c.dep_ == "prep" and c.lower_ == "to" and child(c, "pobj") is not None:
            return child(c, "pobj")
    return None


def visited_place(noun):
    """The place a visit ``noun`` with no "to" that sets a clause is paid to: the clause's "in" object ("X is in
    Berlin on a visit", "X, in Moscow on an official visit, said") or its own ("during his visit in Berlin");
    None otherwise."""
    if noun.lemma_ != "visit" or noun.dep_ != "pobj" or noun.head.lower_ not in ENCOUNTER_PREPS:
        return None
    host = noun.head.head
    for holder in (noun, host) if host.pos_ in ("VERB", "AUX") or host.dep_ == "appos" else (noun,):
        prep = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        pobj = child(prep, "pobj") if prep is not None else None
        if pobj is not None and pobj.ent_type_ in PLACE_ENTS:
            return pobj
    return None

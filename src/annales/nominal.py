"""Roles of nominal events that their clause sets, and preposition objects the parser hid:

- an act the governing verb's subject undergoes ("Iran faces criticism from the UN", "came under attack
  from rebels"): the subject is the target, whoever it comes from the source;
- a meeting or visit that is the setting of a clause ("during talks with X, Y said", "Y, on a visit to
  Z, met W"): the clause's subject took part in it;
- the possessor who undergoes an act ("the tanker's release");
- a preposition whose object the parser made a gerund clause ("an attack on [X calling it ...]",
  "a lawsuit against [visiting Prince X]").
"""

from __future__ import annotations

from .lexicon import Pattern, child
from .modality import SPEECH_VERBS


# verbs whose subject undergoes the act their object names ("faced criticism", "drew condemnation from")
UNDERGO_VERBS = frozenset("face draw receive attract suffer endure incur weather".split())
# verbs of obtaining: their subject undergoes an act given "from" someone ("won backing from", "earned a rebuke
# from", "got a loan from"); without a giver they name what the subject achieved ("won the release of")
OBTAIN_VERBS = frozenset("win gain garner earn get enjoy".split())


def undergone(noun):
    """The verb of which ``noun`` names an act its subject undergoes ("faces criticism", "came under
    attack", "came in for criticism", "won backing from"), or None."""
    gov = noun.head
    if noun.dep_ == "pobj" and gov.head.lemma_ == "come" and (gov.lower_ == "under" or gov.lower_ == "for" and any(
            c.dep_ in ("prt", "prep", "advmod") and c.lower_ == "in" for c in gov.head.children)):
        return gov.head
    if noun.dep_ != "dobj" or gov.pos_ != "VERB":
        return None
    if gov.lemma_ in UNDERGO_VERBS or gov.lemma_ in OBTAIN_VERBS and any(
            c.dep_ == "prep" and c.lower_ == "from" for c in (*noun.children, *gov.children)):
        return gov
    return None


# acts whose possessor undergoes them ("the tanker's release", "Navalny's arrest", "the envoy's expulsion")
PATIENT_NOUNS = frozenset("release freeing arrest detention imprisonment jailing extradition deportation "
                          "execution assassination killing murder kidnapping abduction".split())


def possessed_patient(noun):
    """The possessor of ``noun`` when it is who undergoes the act ("ordered the tanker's release"), not who
    does it: an act of that kind with no "of" object; else None."""
    if noun.lemma_.lower() not in PATIENT_NOUNS or any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)


# prepositions that set a clause during or after a meeting or visit ("during talks with", "on a visit to")
ENCOUNTER_PREPS = frozenset({"during", "at", "on", "in", "after", "following"})


def encounter_host(noun, pattern: Pattern):
    """The verb of the clause a meeting or visit ``noun`` is the setting of ("during talks with X, Y
    said", "Y, on a visit to Z, met W"), or None: its subject took part in the encounter."""
    if (pattern.code or pattern.reverse or "")[:2] != "04" or noun.dep_ != "pobj":
        return None
    prep, host = noun.head, noun.head.head
    if prep.dep_ != "prep" or prep.lower_ not in ENCOUNTER_PREPS:
        return None
    if host.dep_ in ("nsubj", "nsubjpass") and prep.i > 0 and prep.doc[prep.i - 1].lower_ == ",":
        host = host.head  # "Y, in talks with X, said": the parser hangs the set-off phrase on the subject
    return host if host.pos_ in ("VERB", "AUX") else None


def agent_prep(noun):
    """The "by" phrase of an act ``noun`` names ("attacks on X by Y"), also where the parser hung it on the
    active verb whose object the noun is ("condemned the attacks on X by Y"); or None."""
    by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
    verb = noun.head
    if by is None and noun.dep_ == "dobj" and not any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        by = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > noun.i
                   and child(c, "pobj") is not None), None)
    return by


def stray_agent(verb, event_nouns):
    """The "by" phrase of a passive ``verb`` that the parser hung on a plain noun of its complement ("was accused
    of stealing public funds by government officials"); None where there is none, or where a passive verb or
    an act's noun between them may own it ("accused of the killing of X by Y", "funds stolen by Y")."""
    by = next((t for t in verb.subtree if t.dep_ == "prep" and t.lower_ == "by" and t.i > verb.i
               and child(t, "pobj") is not None), None)
    if by is None:
        return None
    head = by.head
    while head.i != verb.i:
        key = head.lemma_.lower()
        if head.pos_ in ("VERB", "AUX") and head.tag_ == "VBN" or key in event_nouns or key in PATIENT_NOUNS or (
                head.pos_ not in ("NOUN", "PROPN", "VERB", "ADP", "NUM")):
            return None
        head = head.head
    return by


# participles used as adjectives before a name ("against visiting Crown Prince X", "with outgoing President Y")
ATTRIBUTIVE_PARTICIPLES = frozenset("visiting outgoing incoming ruling governing leading".split())


def prep_object(prep):
    """The object of a preposition, also where the parser made it a gerund clause: "an attack on [X
    calling it ...]" (X, the gerund's subject), "a lawsuit against [visiting Prince X]" (a participle
    read as an adjective: its object), "agreed with [what X proposed]" (a free relative: its subject)."""
    pobj = child(prep, "pobj")
    if pobj is not None:
        return pobj
    clause = child(prep, "pcomp")
    if clause is not None and clause.left_edge.lower_ == "what" and clause.left_edge.tag_ == "WP":
        if clause.lemma_ in SPEECH_VERBS or clause.lemma_ in ("call", "describe", "term"):
            return None  # "complained about what X says was firing by Y": X only names it
        subj = child(clause, "nsubj")  # "agreed with what X proposed": a free relative, X's
        return subj if subj is not None and subj.pos_ in ("NOUN", "PROPN") else None
    if clause is None or clause.tag_ != "VBG" or any(
            c.dep_ in ("aux", "auxpass", "mark") or c.tag_ in ("WDT", "WP", "WRB") for c in clause.children):
        return None  # "comment on whether X was considering": a clause, not the object
    subj = child(clause, "nsubj")
    if subj is not None and subj.i < clause.i and subj.pos_ in ("NOUN", "PROPN"):
        return subj
    if clause.lower_ in ATTRIBUTIVE_PARTICIPLES and clause.i == prep.i + 1:
        obj = child(clause, "dobj")
        return obj if obj is not None and obj.pos_ == "PROPN" else None
    return None


# modifiers of an event noun that name who did it ("Russia's attack", "Israeli air strikes")
AGENT_MODIFIERS = frozenset({"poss", "amod", "compound", "nmod"})


def noun_agents(noun, actors) -> list:
    """Who did the act an event noun names, as the noun itself says: its possessor or modifier, else its
    "by" agent ("Israeli strikes", "the bombing by rebels"); never an actor in its other arguments ("the
    attack on the UN compound killed 17": the UN was attacked)."""
    found = [p for c in noun.children if c.dep_ in AGENT_MODIFIERS for p in actors.all_at(c)]
    if not found:
        by = next((c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"), None)
        pobj = prep_object(by) if by is not None else None
        found = actors.all_at(pobj) if pobj is not None else []
    return found


# verbs of an event's starting, going on or taking place: their subject is the event ("fighting erupted")
HAPPEN_VERBS = frozenset("erupt break flare rage continue resume escalate intensify begin start occur "
                         "take".split())


def happening(noun):
    """The verb of which the event ``noun`` is the subject when that verb only says the event happened
    ("Fighting erupted between X and Y", "talks took place between X and Y"): the parser hangs the noun's
    "between" phrase on it. Else None."""
    verb = noun.head
    if noun.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_ not in HAPPEN_VERBS:
        return None
    if verb.lemma_ in ("break", "flare", "take") and not any(
            c.dep_ in ("prt", "dobj") and c.lower_ in ("out", "up", "place") for c in verb.children):
        return None  # "broke out", "flared up", "took place"; not "talks broke down"
    return verb

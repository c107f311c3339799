"""Filters over one sentence's coded events, applied after coding (:class:`annales.events.EventCoder`): the act an
appeal asks for, a speech or threat frame around its reported act (and a dictionary verb whose object does a coded
to-infinitive), a nominal event inside a verb event's argument, the reproach a reaction names, an act of force an
act was for, a statement to no hearer, a question put, a war's country as its target, a protest verb that shows
something, and duplicates of one source, target and root; and two mends, the country of a strike's victims
(:func:`strike_victims`) and backing that is aid (:func:`backing_as_aid`). Each takes and returns a list of
:class:`annales.pairing.RawEvent`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ._data import data_path, read_tsv
from .modality import SPEECH_VERBS, THREAT_HEADS, pledged_act
from .lexicon import infinitive_clause
from .nominal import noun_agents
from .requested import REQUESTED_DEPS

if TYPE_CHECKING:
    from .actors import Actors
    from .pairing import RawEvent

__all__ = ["drop_requested", "drop_speech_frames", "drop_governed_nouns", "drop_reasons", "drop_unheard",
           "drop_questions", "drop_shown", "drop_war_names", "drop_purposes", "dedupe", "strike_victims",
           "backing_as_aid"]

# acts that comment on or look into an event named by their object, not do it ("praised", "investigated",
# "condemned", "rejected the agreement with Y", "protested the killing of Y")
REACTION_ROOTS = frozenset({"05", "09", "11", "12", "14"})
REQUEST_ROOTS = ("02", "10")  # appeals and demands: what they ask for has not happened
FRAME_HEADS = THREAT_HEADS  # "threatened to X": the threat is X, recoded (an offer to X stays an offer too)
# protest verbs that mean "show" when they take an object or a clause ("demonstrated that ...", "its resolve")
SHOWING_VERBS = frozenset({"demonstrate"})



def drop_requested(events: list[RawEvent], asks: list) -> list[RawEvent]:
    """"urged Uganda to repatriate", "asked banks to help finance", "called for sanctions against",
    "demanded that X withdraw": the act an appeal or demand verb (``asks``: its token and pattern) asks
    for is not an event itself, nor is an appeal or demand asked for ("urged China to press Pyongyang": no
    demand on Pyongyang yet, and none by the appealer); the appeal is, whether or not it was coded."""
    inside: set[int] = set()
    for tok, pattern in asks:
        for c in tok.children:
            if reported_clause(tok, pattern, c):
                continue  # "X said Y attacked Z" with a dictionary's "SAID [023]": a report, whatever its code
            if c.dep_ in REQUESTED_DEPS and c.i > tok.i and c.pos_ in ("VERB", "AUX") and (
                    c.dep_ != "advcl" or any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)):
                inside.update(t.i for t in c.subtree)
            elif c.dep_ == "prep" and c.lower_ == "for" or c.dep_ == "dobj" and not pattern.words:
                inside.update(t.i for t in c.subtree if t.i != c.i or c.dep_ == "dobj")
    if not inside:
        return events
    return [e for e in events if e.trigger not in inside]


def reported_clause(tok, pattern, clause) -> bool:
    """Whether ``clause`` is the finite clause a speech verb reports ("X said Y had attacked Z"), which a
    dictionary's code for the verb ("SAID [023]", a number of the dictionary's own scheme) does not make an act
    asked for; a to-infinitive ("told X to leave") still may be one."""
    return (pattern.dictionary and tok.lemma_ in SPEECH_VERBS and clause.dep_ == "ccomp"
            and not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children))


def object_clauses(verb) -> list:
    """A verb's object with a to-infinitive of its own: "hosting [X to celebrate]" (the parser's clause with a
    subject), "hosting X to celebrate" (an object, then the infinitive hung on the verb)."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return [c for c in verb.children if infinitive_clause(c) or (
        obj is not None and c.dep_ in ("xcomp", "advcl") and c.i > obj.i
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))]


def drop_speech_frames(events: list[RawEvent], sent) -> list[RawEvent]:
    """A speech verb whose reported clause carries an event is not an event itself, nor is a verb of threat
    whose complement carries one ("threatened to break off relations with Y over its ties with Z": the
    threat is the breaking off, recoded under 13); nor a bare pledge of such an act (modality.pledged_act)."""
    triggers = {e.trigger for e in events}
    acts = {(e.trigger, e.source.code, e.target.code) for e in events if e.target is not None}
    doc = sent.doc
    keep = []
    for e in events:
        tok = doc[e.trigger]
        frame = "ccomp" if tok.lemma_ in SPEECH_VERBS else "xcomp" if (
            tok.lemma_ in FRAME_HEADS and not e.pattern.dictionary) else None
        if frame and any(t.i in triggers and t.i != tok.i for c in tok.children if c.dep_ == frame for t in c.subtree):
            continue
        if e.pattern.dictionary and any(t.i in triggers and t.i != tok.i
                                        for c in object_clauses(tok) for t in c.subtree):
            continue  # "hosting X to celebrate Y with Z": the hosting's object is the celebration (PETRARCH-2)
        if pledged_act(tok, e.pattern, e.source, e.target, acts):
            continue
        keep.append(e)
    return keep


def drop_governed_nouns(events: list[RawEvent], sent) -> list[RawEvent]:
    """"Rebels killed 46 civilians in an attack on a village": the nominal event in the argument of a
    verb event with the same source and root is that verb's event, not a second one."""
    verbs = {}
    for e in events:
        if not e.by_noun:
            verbs.setdefault(e.trigger, set()).add((e.source.code, e.code[:2]))
    if not verbs:
        return events
    doc = sent.doc
    keep = []
    for e in events:
        if e.by_noun and e.code[:2] != "04":  # "met X on a visit to Y": the visit is an encounter of its own
            tok = doc[e.trigger]
            gov = tok.head.head if tok.dep_ == "pobj" else tok.head
            if gov.i in verbs and (e.source.code, e.code[:2]) in verbs[gov.i]:
                continue
        keep.append(e)
    return keep


def drop_reasons(events: list[RawEvent], sent, actors: Actors) -> list[RawEvent]:
    """"Albania denounced Serbia's suppression of the unrest": a conflictual act (14-20) that a reaction
    blames on its own target ("Serbia's suppression") is the content of the reproach, as an accusation's
    is (annales.unasserted), not a second event; nor are the acts named inside it ("the unrest"). Acts
    not laid on the target stay ("condemned the fighting between X and Y")."""
    blamed = {}  # reaction trigger -> codes of its targets
    for e in events:
        if not e.by_noun and e.code[:2] in REACTION_ROOTS and e.target is not None:
            blamed.setdefault(e.trigger, set()).add(e.target.code)
    doc = sent.doc
    topics = set()
    for e in events:
        if e.by_noun and not e.pattern.dictionary and e.code[:2] >= "14":
            tok = doc[e.trigger]
            verb = next((h for h in tok.ancestors if h.pos_ in ("VERB", "AUX")), None)
            if (verb is not None and e.source.code in blamed.get(verb.i, ())
                    and e.source in noun_agents(tok, actors)):
                topics.add(e.trigger)
    inside = {t.i for i in topics for t in doc[i].subtree}
    return [e for e in events
            if not (e.by_noun and not e.pattern.dictionary and e.code[:2] >= "14" and e.trigger in inside)]


PURPOSE_ROOTS = frozenset({"18", "19", "20"})  # violence that an act may be for
OPERATING_VERBS = frozenset("launch mount begin start conduct carry stage step intensify continue".split())


def drop_purposes(events: list[RawEvent], sent) -> list[RawEvent]:
    """"Kenya sent troops to fight al-Shabaab", "the US is training Iraqi forces to fight the insurgents": violence
    (18-20) named by an infinitive of purpose, or by one whose doer is the governing verb's object, is what the
    governing act was for, not an act done (nor one by the governing verb's subject); the governing act stays.
    Not "vowed to fight", "continued to attack" (no object: the subject's own act or intent), nor an operation
    launched to do it ("launched operations to detain 110 soldiers", "mounted an offensive to retake the town")."""
    doc = sent.doc
    out = []
    for e in events:
        tok = doc[e.trigger]
        if (not e.pattern.dictionary and e.code[:2] in PURPOSE_ROOTS and tok.pos_ == "VERB"
                and tok.head.lemma_ not in OPERATING_VERBS
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                and (tok.dep_ == "advcl" or tok.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in tok.head.children))):
            continue
        out.append(e)
    return out


STATEMENT = "010"
# verbs whose object is the hearer ("told the minister", "briefed envoys"); the object of other speech verbs is
# what was said ("announced the Budget date"), and a hearer comes after "to" ("said in a letter to the king")
TELL_VERBS = frozenset("tell inform brief assure remind notify warn".split())
HEARER_PREPS = frozenset({"to"})


def drop_unheard(events: list[RawEvent], sent) -> list[RawEvent]:
    """A plain statement (010) whose target is not its hearer: a venue or programme it was made at or on ("said
    at the motor show", "said on the radio's Africa programme"), what it was about ("announced the Budget date",
    "declared the defeat of X"), or the possessor of the outlet ("told France's LCI television"). The hearer is
    the object of a verb of telling (the subject of its passive) or comes after "to"; a target reached another way
    is no hearer."""
    doc = sent.doc
    keep = []
    for e in events:
        if e.code == STATEMENT and e.target is not None and not e.pattern.dictionary:
            tok, trig = doc[e.target.head], doc[e.trigger]
            path = [tok]
            while path[-1].head.i != path[-1].i and path[-1].head.i != trig.i:
                path.append(path[-1].head)
            if path[-1].head.i == trig.i:  # the target hangs from the trigger: how?
                prep = next((t for t in path if t.dep_ in ("prep", "agent")), None)
                heard = (prep.lower_ in HEARER_PREPS if prep is not None
                         else trig.lemma_ in TELL_VERBS and path[-1].dep_ in ("dobj", "dative", "nsubjpass")
                         and tok.dep_ != "poss")
                if not heard:
                    continue
        keep.append(e)
    return keep


# words that open an indirect question ("asked whether ...", "asked him why ...")
QUESTION_WORDS = frozenset("whether if what why how when where who whom which".split())


def drop_questions(events: list[RawEvent], sent) -> list[RawEvent]:
    """A question put is no appeal (02): "X asked: 'Would it not be ironic ...?'", "asked whether the minister
    would resign", "asked him why ...". An appeal asks for an act, with "to" ("asked Y to resign") or "for"
    ("asked for help"). Nor is an act a question names an event ("Did X know of protesters later killed by
    Y?", "Why does Y not help the rebuilding of Z?"): a sentence that ends in a question mark asserts none."""
    doc = sent.doc
    start = question_start(sent)
    if start is not None:
        events = [e for e in events if e.pattern.dictionary or e.trigger < start]
    return [e for e in events if not (e.code.startswith("02") and not e.pattern.dictionary
                                      and doc[e.trigger].lemma_ == "ask" and _a_question(doc[e.trigger], sent))]


def question_start(sent) -> int | None:
    """Where the question of a sentence that ends in a question mark (before closing quotes) begins: after its
    last colon or semicolon ("asked to X, raising the question: ...?"), else at its start; None for a sentence
    that asks nothing. Acts named from there on are asked about, not asserted."""
    last = next((t for t in reversed(sent) if not (t.is_punct and t.text != "?") and not t.is_space), None)
    if last is None or last.text != "?":
        return None
    return max((t.i for t in sent if t.text in (":", ";")), default=sent.start)


def _a_question(trig, sent) -> bool:
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "for" for c in trig.children):
        return False
    for c in trig.children:
        if c.dep_ == "ccomp" and (next(iter(c.subtree)).lower_ in QUESTION_WORDS
                                  or any(m.dep_ == "mark" and m.lower_ in QUESTION_WORDS for m in c.children)):
            return True
    return any(t.text == "?" for t in sent)  # a question quoted before or after "asked"


# nouns of a war: a country that names or places one ("the Spanish civil war", "the war in Iraq", "Turkey's
# battles") is not the target of what is done in or about it ("fought in", "opposed", "backed"); its enemy
# follows "against", "with" or "on" and stays the target ("joined the war against Iraq")
WAR_NOUNS = frozenset("war wars conflict conflicts battle battles warfare".split())
NAMING_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod"})
PLACING_PREPS = frozenset({"in", "of", "over"})


def drop_war_names(events: list[RawEvent], sent) -> list[RawEvent]:
    """An act whose target is only the country that names or places a war the act is about or took part in:
    "students who fought in Spain's civil war", "the group, which opposed the war in Iraq", "mercenaries
    fighting Turkey's battles". The war's noun is not the trigger itself ("the war in Yemen" as an event)."""
    doc = sent.doc
    keep = []
    for e in events:
        if e.target is not None:
            path, trig = [doc[e.target.head]], e.trigger
            while path[-1].head.i not in (path[-1].i, trig):
                path.append(path[-1].head)
            if path[-1].head.i == trig and any(
                    w.lemma_.lower() in WAR_NOUNS and (below.dep_ in NAMING_DEPS or below.dep_ == "prep"
                                                       and below.lower_ in PLACING_PREPS)
                    for below, w in zip(path, path[1:])):
                continue
        keep.append(e)
    return keep


def drop_shown(events: list[RawEvent], sent) -> list[RawEvent]:
    """"The results demonstrated that ...", "X demonstrated its resolve", "demonstrated how reckless Y is": a
    protest verb with a direct object or a clause shows something; only with no object does it name a protest
    ("demonstrated in the capital", "demonstrated against the war")."""
    doc = sent.doc
    return [e for e in events if not (
        (e.pattern.code or "").startswith("14") and not e.pattern.dictionary and e.pattern.trigger in SHOWING_VERBS
        and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in doc[e.trigger].children))]


def dedupe(events: list[RawEvent]) -> list[RawEvent]:
    """One event per sentence, source code, target code and root ("pressed Justices X and Y", one court: one
    demand; PETRARCH's "officials in X and Y", one head word: two): verbs before nouns, specific patterns
    first; and no targetless event beside one of the same source and root with a target ("summoned China's
    envoy to protest": one complaint, to China)."""
    best: dict[tuple, RawEvent] = {}
    for e in events:
        k = (e.sent_start, e.source.code, e.target.code if e.target else None, e.code[:2])
        cur = best.get(k)
        if cur is None or (e.by_noun, -e.pattern.specificity) < (cur.by_noun, -cur.pattern.specificity):
            best[k] = e
    aimed = {(e.source.head, e.source.code, e.code[:2]) for e in best.values() if e.target is not None}
    kept = [e for e in best.values() if e.target is not None or (e.source.head, e.source.code, e.code[:2]) not in aimed]
    return sorted(kept, key=lambda e: (e.trigger, e.source.start, e.target.start if e.target else -1))


FORCE_ROOTS = ("18", "19", "20")


def strike_victims(events: list[RawEvent], sent) -> list[RawEvent]:
    """"Israeli jets struck a depot near the Syrian city of Homs, killing two soldiers": the victims of a use of
    force, named with no country of their own in a participle of the strike, are of the country struck."""
    doc = sent.doc
    struck = {e.trigger: e for e in events if e.code[:2] in FORCE_ROOTS and e.target is not None
              and e.target.country and not e.target.org}
    out = []
    for e in events:
        tok = doc[e.trigger]
        strike = struck.get(tok.head.i) if tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "conj") else None
        t = e.target
        if (strike is not None and strike is not e and e.code[:2] in FORCE_ROOTS and t is not None
                and not (t.country or t.org or t.prefix) and strike.source.code == e.source.code
                and not e.pattern.dictionary):
            e = replace(e, target=replace(t, country=strike.target.country, siblings=[]))
        out.append(e)
    return out


# verbs and nouns of backing that code endorsement (051) ("supported the rebels", "US backing for Saddam")
BACKING_WORDS = frozenset("support back backing sponsor".split())
ENDORSE = "051"
_AID_KINDS = {row["word"]: row["code"] for _, row in read_tsv(data_path("backing.tsv"))}
# sectors of armed groups: support given to them is arms, money or training, not words
ARMED = frozenset({"REB", "MIL", "INS", "UAF"})


def backing_as_aid(events: list[RawEvent], sent) -> list[RawEvent]:
    """"Turkey's logistical support for the rebels", "Iran is supporting the Houthis", "backed them with arms": support
    named by a kind of help, or given to an armed group, is aid (07, ``data/backing.tsv``), not endorsement (051);
    "backed the plan", "supports the president" stay endorsement."""
    out = []
    for e in events:
        if e.code == ENDORSE and not e.pattern.dictionary:
            tok = sent.doc[e.trigger]
            if tok.lemma_.lower() in BACKING_WORDS or tok.lower_ in BACKING_WORDS:
                kinds = [c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound")]
                kinds += [g.lemma_.lower() for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                          for g in c.children if g.dep_ == "pobj"]
                code = next((_AID_KINDS[k] for k in kinds if k in _AID_KINDS), None)
                if code is None and e.target is not None and e.target.sector in ARMED:
                    code = _AID_KINDS["*armed*"]
                if code is not None:
                    e = replace(e, code=code)
        out.append(e)
    return out

"""Demands and appeals in reported speech: in "X says Y must do Z" X demands (100) of Y, or with "should",
"ought to" or "needs to" appeals (020) to Y, the sub-code from the act Z asked for; Z itself is no event."""

from __future__ import annotations

from dataclasses import replace

from .actors import Actors
from .clauses import subject_of
from .lexicon import Lexicon, Pattern, child
from .modality import HYPOTHETICAL_AUX, SPEECH_VERBS, tense_of
from .pairing import RawEvent
from .parse import tokens
from .requested import asked, requested_code

# "X says Y must / should do Z": X demands (100) of / appeals (020) to Y; the modal is the trigger
OBLIGATIONS = {"must": Pattern("100", "must", (), "dobj", "SPEAKER says * must"),
               "should": Pattern("020", "should", (), "dobj", "SPEAKER says * should"),
               "ought": Pattern("020", "ought", (), "dobj", "SPEAKER says * ought to"),
               "need": Pattern("020", "need", (), "dobj", "SPEAKER says * needs to")}  # a verb: "Y needs to"


def obligations(events: list[RawEvent], sent, actors: Actors, lexicon: Lexicon) -> list[RawEvent]:
    """"Canada says Venezuela must halt its raids": Canada demands of Venezuela, and the events of the demanded
    clause ("halt") are dropped."""
    demands = _demands(sent, actors, lexicon)
    if not demands:
        return events
    inside = {t.i for d in demands for t in _obliged(sent.doc[d.trigger]).subtree}
    return [e for e in events if e.trigger not in inside] + demands


def _demands(sent, actors: Actors, lexicon: Lexicon) -> list[RawEvent]:
    """The speaker's demand of the subject of each obligation word in a clause it reports."""
    out = []
    lower = tokens(sent.doc).lower
    lemmas = tokens(sent.doc).lemma
    for i in range(sent.start, sent.end):
        pattern = OBLIGATIONS.get(lower[i]) or (OBLIGATIONS["need"] if lemmas[i] == "need" else None)
        if pattern is None:
            continue
        tok = sent.doc[i]
        clause = _obliged(tok)
        if (tok.dep_ != "aux" and clause is tok.head or clause.dep_ != "ccomp"
                or clause.head.lemma_ not in SPEECH_VERBS):
            continue
        speaker, subject = subject_of(clause.head), child(clause, "nsubj")
        if speaker is None or subject is None:
            continue
        # the one obliged is the subject itself, not a modifier of it ("government reform must continue")
        heads = {subject.i, *(c.i for c in subject.conjuncts)}
        sources = actors.all_at(speaker)
        targets = [p for p in actors.all_at(subject) if any(p.start <= i < p.end for i in heads)]
        negated = any(c.dep_ == "neg" for c in clause.children)
        act_clause = clause if clause is not tok else child(tok, "xcomp")
        act = asked(act_clause, lexicon, "verb")  # "must release the prisoners": 1053
        if act is not None and act.code:
            pattern = replace(pattern, code=requested_code(pattern.code, act_clause, lexicon, act.code))
        for s in sources:
            for t in targets:
                if t.code != s.code:
                    out.append(RawEvent(sent.start, tok.i, s, t, pattern, pattern.code, "asserted", negated,
                                        tense_of(clause.head), False))
    return out


def _obliged(tok):
    """The clause an obligation word sets: the head of a modal ("Y must [halt]"), or the verb "need" itself
    when it governs an infinitive ("Y needs to halt")."""
    if tok.dep_ != "aux" and tok.lemma_ == "need" and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children):
        # not "X would need to": a judgement of what it would take
        return tok.head if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in tok.children) else tok
    return tok.head

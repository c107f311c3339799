"""Acts of force their doer claims: "the Houthis claimed that they had attacked the airport" is a claim of
responsibility (CAMEO 015) by the Houthis for an attack on its target, besides the attack it reports
(annales.events adds the claim). A claim "of responsibility for" an act (the lexicon's) is aimed where the
act was: "claimed responsibility for the bombing of a bus in Kabul" (Afghanistan). Admitting a deed named by a
gerund is an admission (015) aimed at no one: "admitted leaking secrets", "admitted to taking bribes"
(``admissions``)."""

from __future__ import annotations

from dataclasses import replace

from .actors import Actors
from .lexicon import Pattern, child
from .modality import has_negation, tense_of
from .nominal import ATTRIBUTIVE_PARTICIPLES

CLAIM_VERBS = frozenset({"claim"})
CLAIMED = "015"
FORCE_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})  # the acts one claims responsibility for


def claimed_acts(events: list, sent, actors: Actors) -> list:
    """Claims of responsibility for the acts of force in ``events`` (RawEvents) that are reported in a
    "claim" verb's clause whose subject is their source; not for a dictionary's acts (built-in knowledge: a
    PETRARCH dictionary codes only what its own verbs say)."""
    doc = sent.doc
    out, seen = [], set()
    for e in events:
        if e.code[:2] not in FORCE_ROOTS or e.by_noun or e.pattern.dictionary:
            continue
        claim = _claim_of(doc[e.trigger])
        claimer = child(claim, "nsubj") if claim is not None else None
        if claimer is None or e.source.code not in {p.code for p in actors.all_at(claimer)}:
            continue
        key = (claim.i, e.source.code, e.target.code if e.target else None)
        if key not in seen:
            seen.add(key)
            out.append(replace(e, trigger=claim.i, code=CLAIMED, modality="asserted", negated=False))
    return out


def claimed_target(trig, actors: Actors, nouns) -> list:
    """The first actor in the act (an event noun of ``nouns``) that "responsibility for" names."""
    holders = [trig, *(c for c in trig.children if c.dep_ == "dobj" and c.lemma_ == "responsibility")]
    if len(holders) < 2:
        return []
    for c in (c for h in holders for c in h.children):
        act = child(c, "pobj") if c.dep_ == "prep" and c.lower_ == "for" else None
        if act is None or act.lemma_.lower() not in nouns:
            continue
        for t in act.subtree:
            p = actors.by_token.get(t.i)
            if p is not None:
                return actors.all_at(t.doc[p.head])
    return []


def _claim_of(tok):
    """The "claim" verb whose complement clause ``tok`` heads (or is conjoined in)."""
    for _ in range(3):
        if tok.dep_ == "ccomp" and tok.head.lemma_ in CLAIM_VERBS:
            return tok.head
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


ADMITTING = frozenset({"admit"})
ADMISSION = Pattern(CLAIMED, "admit", (), None, "admit VERB-ing")


def _admitted_deed(verb):
    """The gerund ``verb`` admits ("admitted leaking", "admitted to taking"), or None."""
    for c in verb.children:
        if c.dep_ == "xcomp" and (c.tag_ == "VBG" or any(a.lower_ == "having" for a in c.children)):
            return c
        if c.dep_ == "prep" and c.lower_ == "to" and (g := child(c, "pcomp")) is not None and g.tag_ == "VBG":
            return g
        if (c.dep_ == "dobj" and (g := verb.doc[verb.i + 1]).tag_ == "VBG" and g.dep_ == "amod" and g.head.i == c.i
                and g.lower_ not in ATTRIBUTIVE_PARTICIPLES):
            return g  # the parser's "admitted [leaking secrets]" as a gerund adjective of the object
    return None


def admissions(sent, actors: Actors, subject_of, raw_event) -> list:
    """The admissions of ``sent``: an actor admitting a deed named by a gerund, not where the admission is
    negated, under a modal or governed by another verb ("refused to admit")."""
    out = []
    for verb in sent:
        if verb.lemma_ not in ADMITTING or verb.pos_ != "VERB" or verb.dep_ in ("xcomp", "acl", "amod"):
            continue
        if has_negation(verb) or any(a.dep_ == "aux" and a.tag_ == "MD" for a in verb.children):
            continue
        subj = subject_of(verb) if _admitted_deed(verb) is not None else None
        for s in actors.all_at(subj) if subj is not None else []:
            out.append(raw_event(sent.start, verb.i, s, None, ADMISSION, CLAIMED, "asserted", False, tense_of(verb),
                                 False))
    return out

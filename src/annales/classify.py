"""Classifying a given source/target pair in a sentence (``annales classify``).

Input records are ``{"id", "text", "source": [start, end], "target": [start, end]}`` with character
offsets. The coder runs with exactly these two actors; an event it codes from source to target wins.
Otherwise every lexicon trigger in the text is scored by how close it stands to both actors in the
dependency tree, and the nearest decides. ``scores`` gives each candidate PLOVER type a weight.
"""

from __future__ import annotations

from collections import defaultdict

from . import ontology
from .actors import ActorPhrase, Actors
from .events import RawEvent
from .lexicon import match


def _phrase(doc, start: int, end: int) -> ActorPhrase | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return ActorPhrase(head=span.root.i, start=span.start, end=span.end, name=span.text)


def _distance(a, b) -> int:
    """Number of dependency edges between two tokens."""
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return 99


def classify_pair(pipeline, text: str, source: tuple[int, int], target: tuple[int, int]) -> dict:
    """-> ``{"cameo", "plover", "quad_class", "scores"}`` for the pair; codes are None when no trigger
    is found."""
    doc = pipeline.nlp(text)
    src, tgt = _phrase(doc, *source), _phrase(doc, *target)
    if src is None or tgt is None:
        return {"cameo": None, "plover": None, "quad_class": None, "scores": {}}
    candidates: list[tuple[float, str]] = []
    raw: list[RawEvent] = pipeline.coder(doc, Actors([src, tgt]))
    for r in raw:
        if r.source is src and r.target is tgt:
            candidates.append((1.0 + 0.1 * r.pattern.specificity, r.code))
    if not candidates:
        lex = pipeline.lexicon
        for tok in doc:
            table = lex.verbs if tok.pos_ in ("VERB", "AUX") else lex.nouns if tok.pos_ in ("NOUN", "PROPN") else None
            key = tok.lemma_ if table is lex.verbs else tok.lemma_.lower()
            if table is None or key not in table:
                continue
            pattern = match(tok, table[key])
            if pattern is None:
                continue
            d = _distance(tok, doc[src.head]) + _distance(tok, doc[tgt.head])
            if pattern.code:
                candidates.append((1.0 / (1 + d), pattern.code))
    if not candidates:
        return {"cameo": None, "plover": None, "quad_class": None, "scores": {}}
    candidates.sort(key=lambda c: -c[0])
    best = candidates[0][1]
    entry = ontology.lookup(best)
    scores: dict[str, float] = defaultdict(float)
    for weight, code in candidates:
        label = ontology.lookup(code).plover or f"CAMEO{code[:2]}"
        scores[label] = max(scores[label], weight)
    total = sum(scores.values())
    return {"cameo": best, "plover": entry.plover, "quad_class": entry.quad_class,
            "scores": {k: round(v / total, 4) for k, v in sorted(scores.items(), key=lambda kv: -kv[1])}}

"""Classifying a given source/target pair in a sentence (``annales classify``).

Input records are ``{"id", "text", "source": [start, end], "target": [start, end]}`` with character
offsets. Two opinions are combined:

- the rule coder, run with exactly these two actors: an event it codes from source to target, else the
  lexicon trigger standing closest to both actors in the dependency tree;
- the learned pair classifier (:class:`PairModel`: MiniLM fine-tuned on the training split of a PLOVER
  pair set by ``benchmarks/train_plover.py``, shipped as int8 ONNX), which decides the PLOVER type.

The model's most probable type wins, except in a near tie: when the rule coder's best candidate is of the
model's second type and that type has at least ``runner_up_ratio`` (the shipped model's description; chosen
on out-of-fold probabilities of the training side by ``benchmarks/tune_runner_up.py``) times the first one's
probability, the second type wins. The CAMEO code is the rule coder's when it agrees with the chosen type,
else the type's generic code (``data/plover.tsv``). ``scores`` are the model's probabilities by PLOVER type (the rule coder's
normalised weights when the model is off or missing).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from . import _onnx, ontology
from ._data import data_path, read_tsv
from .actors import ActorPhrase, Actors
from .events import RawEvent

MODEL = "models/plover_pairs.onnx"


class PairModel:
    """The learned PLOVER pair classifier: ``model.scores([(text, source_span, target_span)])`` ->
    one ``{PLOVER type: probability}`` per pair (YIELD of the 2016 training labels is CONCEDE)."""

    def __init__(self, path=None, threads: int = 2):
        import numpy as np

        path = path or data_path(MODEL)
        meta = _onnx.read_meta(path)
        self.labels = ["CONCEDE" if lab == "YIELD" else lab for lab in meta["labels"]]
        self.src, self.tgt = meta["markers"]["source"], meta["markers"]["target"]
        self.tok = _onnx.tokenizer(int(meta["max_len"]))
        self.session = _onnx.session(path, threads)
        self.inputs = {i.name for i in self.session.get_inputs()}
        self.np = np
        self.marks = (self.tok.token_to_id(self.src), self.tok.token_to_id(self.tgt))
        self.runner_up = meta.get("runner_up_ratio")  # None: the model's type always wins

    @classmethod
    def available(cls) -> bool:
        return _onnx.available(MODEL)

    def mark(self, text: str, source: tuple[int, int], target: tuple[int, int]) -> str:
        """``@ source @`` and ``# target #`` around the spans, as in training."""
        cuts = sorted([(source[0], f"{self.src} "), (source[1], f" {self.src}"),
                       (target[0], f"{self.tgt} "), (target[1], f" {self.tgt}")], key=lambda c: c[0], reverse=True)
        for pos, mark in cuts:
            text = text[:pos] + mark + text[pos:]
        return text

    def scores(self, items: list[tuple[str, tuple[int, int], tuple[int, int]]]) -> list[dict[str, float]]:
        """One pair at a time: in a batch a pair's probabilities depend on the other pairs (the int8 model's
        activation quantization and the padding; 0.52 alone vs 0.38 beside a longer sentence was seen)."""
        return [self._score(item) for item in items]

    def _score(self, item: tuple[str, tuple[int, int], tuple[int, int]]) -> dict[str, float]:
        np = self.np
        feed = _onnx.encode(self.tok, [self.mark(*item)])
        ids = feed["input_ids"]
        pos = np.zeros((len(ids), 4), dtype=np.int64)  # first/second source mark, first/second target mark
        for j, row in enumerate(ids):
            a, h = np.where(row == self.marks[0])[0], np.where(row == self.marks[1])[0]
            pos[j, :2] = (a[0], a[1]) if len(a) >= 2 else ((a[0], a[0]) if len(a) else (0, 0))
            pos[j, 2:] = (h[0], h[1]) if len(h) >= 2 else ((h[0], h[0]) if len(h) else (0, 0))
        s0, s1, t0, t1 = pos.T
        lo = np.where(s1 < t0, s1 + 1, t1 + 1)
        hi = np.maximum(np.where(s1 < t0, t0, s0), lo)
        feed.update(s_pos=s0, t_pos=t0, b_lo=lo, b_hi=hi)
        logits = self.session.run(["logits"], {k: v for k, v in feed.items() if k in self.inputs})[0]
        probs = np.exp(logits - logits.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        return {lab: float(p) for lab, p in zip(self.labels, probs[0])}


@lru_cache(maxsize=1)
def default_model() -> PairModel | None:
    return PairModel() if PairModel.available() else None


@lru_cache(maxsize=1)
def generic_codes() -> dict[str, str]:
    """PLOVER type -> the CAMEO code of an event known only by its type."""
    return {row["type"]: row["cameo"] for _, row in read_tsv(data_path("plover.tsv"))}


def _phrase(doc, start: int, end: int) -> ActorPhrase | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    # a given actor of no known code: "---" (the coder codes no event between actors with no country)
    return ActorPhrase(head=span.root.i, start=span.start, end=span.end, name=span.text, country="---")


def _distance(a, b) -> int:
    """Number of dependency edges between two tokens."""
    up_a = {t.i: n for n, t in enumerate([a, *a.ancestors])}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return n + up_a[t.i]
    return 99


def rule_candidates(pipeline, doc, src: ActorPhrase, tgt: ActorPhrase) -> list[tuple[float, str]]:
    """(weight, CAMEO code) candidates from the rule coder, best first: its events between the two actors, else
    the sentence's lexicon triggers, nearest to both first (:meth:`Lexicon.pattern_for`: not where a "-" row
    says the word names no event, "struck a conciliatory tone")."""
    candidates: list[tuple[float, str]] = []
    raw: list[RawEvent] = pipeline.coder(doc, Actors([src, tgt]))
    for r in raw:
        if r.source is src and r.target is tgt:
            candidates.append((1.0 + 0.1 * r.pattern.specificity, r.code))
    if not candidates:
        for tok in doc:
            kind = "verb" if tok.pos_ in ("VERB", "AUX") else "noun" if tok.pos_ in ("NOUN", "PROPN") else None
            pattern = pipeline.lexicon.pattern_for(tok, kind) if kind else None
            if pattern is not None and pattern.code:
                d = _distance(tok, doc[src.head]) + _distance(tok, doc[tgt.head])
                candidates.append((1.0 / (1 + d), pattern.code))
    return sorted(candidates, key=lambda c: -c[0])


def _runner_up(scores: dict[str, float], candidates: list[tuple[float, str]], ratio: float | None) -> str:
    """The model's most probable type, or its second when the rule coder's best candidate is of that type and
    the second has at least ``ratio`` times the first one's probability."""
    first, second = sorted(scores, key=scores.get, reverse=True)[:2]
    if ratio is None or not candidates or scores[second] < ratio * scores[first]:
        return first
    plover = ontology.lookup(candidates[0][1]).plover
    same = plover is not None and ontology.plover_family(plover) == ontology.plover_family(second)
    return second if same else first


def classify_pair(pipeline, text: str, source: tuple[int, int], target: tuple[int, int],
                  model: PairModel | None | bool = True) -> dict:
    """-> ``{"cameo", "plover", "quad_class", "scores"}`` for the pair; None codes when nothing is found.
    ``model``: True for the shipped classifier (if installed), False for rules only, or a PairModel."""
    if model is True:
        model = default_model()
    doc = pipeline.nlp(text)
    src, tgt = _phrase(doc, *source), _phrase(doc, *target)
    if src is None or tgt is None:
        return {"cameo": None, "plover": None, "quad_class": None, "scores": {}}
    candidates = rule_candidates(pipeline, doc, src, tgt)
    if model:
        scores = model.scores([(text, source, target)])[0]
        best_type = _runner_up(scores, candidates, model.runner_up)
        family = ontology.plover_family(best_type)
        code = next((c for _, c in candidates if ontology.plover_family(ontology.lookup(c).plover) == family),
                    generic_codes()[best_type])
        entry = ontology.lookup(code)
        return {"cameo": code, "plover": entry.plover or best_type, "quad_class": entry.quad_class,
                "scores": {k: round(v, 4) for k, v in sorted(scores.items(), key=lambda kv: -kv[1])}}
    if not candidates:
        return {"cameo": None, "plover": None, "quad_class": None, "scores": {}}
    best = candidates[0][1]
    entry = ontology.lookup(best)
    weights: dict[str, float] = defaultdict(float)
    for weight, code in candidates:
        label = ontology.lookup(code).plover or f"CAMEO{code[:2]}"
        weights[label] = max(weights[label], weight)
    total = sum(weights.values())
    return {"cameo": best, "plover": entry.plover, "quad_class": entry.quad_class,
            "scores": {k: round(v / total, 4) for k, v in sorted(weights.items(), key=lambda kv: -kv[1])}}

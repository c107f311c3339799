"""Calibrated confidence: the chance that a person reading the sentence judges a coded event right.

The coder's own score (``pipeline._confidence`` for rule events, the classifier's for learned ones) ranks
events but means nothing as a number: an event scored 0.8 was right about one time in four. This step
turns it, with what else the record shows (how it was coded, its modality and class, whether its actors have
countries, where the sentence sits in the article, how crowded the sentence is), into the probability that
the event is **right** in the sense of the event audit (``benchmarks/gold/README.md``: this act, by this
source, on this target, with the CAMEO root and the actors' countries right).

The weights are a logistic regression fitted on the judged events of the audit's *development* rounds only
(``benchmarks/train_confidence.py``; the test rounds measure it) and live in ``data/models/confidence.json``
with the figures of that fit. It runs once per article, after the focus country is given to domestic roles
(``annales.focus``), so it sees the countries the record will carry. ``[coder] calibrated_confidence = false``
keeps the coder's own score. A learned event is marked by ``method = 'learned'``, not by its confidence.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from typing import Sequence

from ._data import data_path
from .records import Event

__all__ = ["Calibrator", "features"]

MODEL = "models/confidence.json"
_QUOTE = re.compile(r"[\"\u201c\u201d]")
# sectors of states and of the groups that contend for power in them; a coded actor with a country and no
# sector is its state
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "OPP", "REB", "IGO"})
NAMES = ("score", "learned", "reported", "intended", "hypothetical", "quad1", "quad2", "quad3", "quad4",
         "statement", "source_country", "target", "target_country", "source_state", "target_state",
         "source_business_media", "target_business_media", "domestic", "first_sentence", "position", "length",
         "quote", "sentence_events", "article_density", "date_inferred", "place", "trigger_capitalised")


def _state(actor) -> bool:
    return actor is not None and ((actor.sector or "") in STATE_SECTORS or (bool(actor.country) and not actor.sector))


def features(e: Event, sentence_events: int, article_events: int, n_sentences: int) -> list[float]:
    """The values of ``NAMES`` for one event of an article with ``n_sentences`` sentences and
    ``article_events`` events, ``sentence_events`` of them in this event's sentence."""
    s, t = e.source, e.target
    f = (e.confidence, e.method == "learned",
         *(e.modality == m for m in ("reported", "intended", "hypothetical")),
         *(e.quad_class == q for q in (1, 2, 3, 4)),
         e.cameo_root in ("01", "02"), bool(s.country), t is not None, bool(t and t.country), _state(s), _state(t),
         (s.sector or "") in ("BUS", "MED"), t is not None and (t.sector or "") in ("BUS", "MED"),
         t is not None and bool(s.country) and s.country == t.country,
         e.sentence_index == 0, e.sentence_index / max(n_sentences, 1), min(len(e.sentence.split()), 80) / 40,
         bool(_QUOTE.search(e.sentence)), min(sentence_events, 5) / 5, min(article_events / max(n_sentences, 1), 1),
         e.date_inferred, e.location is not None, e.trigger.text[:1].isupper())
    return [float(v) for v in f]


class Calibrator:
    """``Calibrator()(events, n_sentences)`` sets each event's ``confidence`` to the model's probability."""

    def __init__(self, model: dict | None = None):
        model = model or _load()
        if list(model["weights"]) != list(NAMES):
            raise ValueError(f"{MODEL} was fitted on other features; refit it with benchmarks/train_confidence.py")
        self.weights = [float(model["weights"][n]) for n in NAMES]
        self.intercept = float(model["intercept"])

    def probability(self, x: Sequence[float]) -> float:
        """The model's probability for one event's ``features``."""
        return 1 / (1 + math.exp(-(self.intercept + sum(w * v for w, v in zip(self.weights, x)))))

    def __call__(self, events: Sequence[Event], n_sentences: int) -> None:
        per_sentence: dict[int, int] = {}
        for e in events:
            per_sentence[e.sentence_index] = per_sentence.get(e.sentence_index, 0) + 1
        for e in events:
            x = features(e, per_sentence[e.sentence_index], len(events), n_sentences)
            e.confidence = round(self.probability(x), 3)


@lru_cache(maxsize=1)
def _load() -> dict:
    return json.loads(data_path(MODEL).read_text(encoding="utf-8"))

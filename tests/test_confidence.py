"""annales.confidence: the features each event gives the calibration model, and the probability it sets."""

from __future__ import annotations

import math

import pytest

from annales.confidence import NAMES, Calibrator, _load, features
from annales.records import Actor, Event, Trigger


def _event(sentence_index=0, source=("FRA", "GOV"), target=("IRN", "GOV"), modality="asserted", method="rules",
           quad=4, root="17", sentence="France sanctioned Iran.", confidence=0.8) -> Event:
    def actor(c):
        return Actor(text="x", start=0, end=1, code=(c[0] or "---") + (c[1] or ""), country=c[0], sector=c[1])
    return Event(event_id=f"e{sentence_index}", article_id="a", sentence_index=sentence_index, sentence=sentence,
                 source=actor(source), target=actor(target) if target else None, cameo=root + "0", cameo_root=root,
                 plover=None, plover_mode=None, quad_class=quad, goldstein=-5.0, date=None, date_precision=None,
                 date_inferred=True, trigger=Trigger("sanctioned", 7, 17), modality=modality, method=method,
                 confidence=confidence)


def test_features_read_the_record():
    f = dict(zip(NAMES, features(_event(sentence_index=3, target=("FRA", None)), 2, 4, 10)))
    assert len(f) == len(NAMES)
    assert f["score"] == 0.8 and f["learned"] == 0 and f["quad4"] == 1 and f["quad1"] == 0
    assert f["source_country"] == f["target_country"] == f["domestic"] == 1  # France on France
    assert f["target_state"] == 1  # a country with no sector is its state
    assert f["position"] == pytest.approx(0.3) and f["first_sentence"] == 0
    assert f["sentence_events"] == pytest.approx(0.4) and f["article_density"] == pytest.approx(0.4)
    g = dict(zip(NAMES, features(_event(target=None, source=(None, "BUS"), modality="intended", method="learned"),
                                 1, 1, 1)))
    assert g["target"] == g["source_country"] == g["domestic"] == g["source_state"] == 0
    assert g["source_business_media"] == g["intended"] == g["learned"] == g["first_sentence"] == 1


def test_calibrator_applies_the_logistic_model():
    model = {"intercept": -1.0, "weights": {n: (2.0 if n == "score" else 0.0) for n in NAMES}}
    events = [_event(0, confidence=0.9), _event(1, confidence=0.2)]
    Calibrator(model)(events, n_sentences=5)
    assert [e.confidence for e in events] == [round(1 / (1 + math.exp(-(2 * s - 1))), 3) for s in (0.9, 0.2)]


def test_a_model_of_other_features_is_refused():
    with pytest.raises(ValueError, match="train_confidence.py"):
        Calibrator({"intercept": 0.0, "weights": {"score": 1.0}})


def test_the_shipped_model_matches_the_features():
    model = _load()
    assert list(model["weights"]) == list(NAMES) and model["examples"] > 100
    events = [_event(0), _event(1, source=(None, None), target=None, modality="hypothetical")]
    Calibrator()(events, 4)
    assert all(0 < e.confidence < 1 for e in events)

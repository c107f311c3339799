"""Scoring against ConfliBERT-style five-class sentences (annales.evaluate.pentaclass_pairs)."""

import json

import pytest

from annales.evaluate import _find_span, pentaclass, pentaclass_pairs, read_pentaclass


@pytest.mark.parametrize("code, cls", [("010", 0), ("0211", 0), ("036", 1), ("057", 1), ("061", 2), ("0874", 2),
                                       ("090", 3), ("112", 3), ("161", 3), ("1412", 4), ("173", 4), ("195", 4),
                                       (None, None)])
def test_pentaclass_of_cameo_codes(code, cls):
    assert pentaclass(code) == cls


def test_tokenised_span_is_found_in_plain_text():
    text = "Oslo rejected the Danish government's offer on Friday."
    start, end = _find_span(text, "Danish government 's offer")
    assert text[start:end] == "Danish government's offer"
    assert _find_span(text, "Swedish ministers") is None
    south = "South Sudanese troops crossed into Sudan."
    assert south[slice(*_find_span(south, "Sudan"))] == "Sudan" and _find_span(south, "Sudan")[0] > 20


def _write(tmp_path, records):
    path = tmp_path / "penta.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


def _record(i, text, cls, source, target):
    return {"id": f"r{i}", "text": text, "date": None,
            "events": [{"pentaclass": cls, "source_text": source, "target_text": target, "reciprocal_text": []}]}


def test_split_halves_are_disjoint_and_cover_the_file(tmp_path):
    path = _write(tmp_path, [_record(i, f"Sentence number {i} about a meeting.", 1, [], []) for i in range(40)])
    dev, test = read_pentaclass(path, "dev"), read_pentaclass(path, "test")
    assert {r["id"] for r in dev} | {r["id"] for r in test} == {f"r{i}" for i in range(40)}
    assert not {r["id"] for r in dev} & {r["id"] for r in test}
    assert 8 < len(test) < 32  # about half


def test_pairs_scored_by_span_and_class(pipeline, tmp_path):
    path = _write(tmp_path, [
        _record(0, "French troops attacked Malian rebels near Gao on Monday.", 4, ["French troops"], ["Malian rebels"]),
        # the coder links the pair, but the labelled class is another one
        _record(1, "Kenyan police arrested Somali traders in Nairobi on Tuesday.", 1, ["Kenyan police"],
                ["Somali traders"]),
        _record(2, "The weather in Lisbon was mild on Sunday.", 3, [], []),
    ])
    rows = read_pentaclass(path)
    r = pentaclass_pairs(pipeline, rows)
    assert r["sentences"] == 3 and r["pairs"] == 2
    assert r["pair_found"] == 1.0 and r["pair_class"] == 0.5
    assert r["sentence_recall"] == pytest.approx(1 / 3, abs=1e-3)
    assert r["sentence_precision"] == 0.5
    assert r["per_class_recall"] == {"Verbal Cooperation": 0.0, "Verbal Conflict": 0.0, "Material Conflict": 1.0}

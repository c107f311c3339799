"""Tests for annales.export: each format round-trips, tables render, errors are clear."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

import annales.export as export
from annales.errors import ConfigError
from annales.export import FORMATS, export_store, write_events
from annales.store import Store
from annales.store_rows import EVENT_COLUMNS, EVENT_SCHEMA, unflatten_event
from test_store import V, articles, batch  # noqa: F401  (fixtures)


@pytest.fixture
def events(batch):  # noqa: F811
    return [e for _, evs, _ in batch for e in evs]


@pytest.fixture
def store(batch):  # noqa: F811
    with Store(":memory:") as s:
        s.write_batch(batch, V)
        yield s


def test_jsonl_round_trip(tmp_path, events):
    path = tmp_path / "out.jsonl"
    assert write_events(events, "jsonl", path) == 4
    text = path.read_text(encoding="utf-8")
    assert "Ürümqi" in text and "Genève" in text  # ensure_ascii=False
    lines = text.splitlines()
    assert [json.loads(line) for line in lines] == [e.to_dict() for e in events]
    first = json.loads(lines[0])
    assert first["cameo"] == "042" and isinstance(first["source"], dict)
    assert first["trigger"] == {"text": "met", "start": 7, "end": 10, "lemma": "meet"}


def test_jsonl_to_stream_and_stdout(events, capsys):
    buf = io.StringIO()
    assert write_events(events[:2], "jsonl", buf) == 2
    assert len(buf.getvalue().splitlines()) == 2
    write_events(events[:1], "jsonl")
    write_events(events[:1], "jsonl", "-")
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_csv(tmp_path, events):
    path = tmp_path / "out.csv"
    assert write_events(events, "csv", path) == 4
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows = [dict(zip(header, r)) for r in reader]
    assert tuple(header) == EVENT_COLUMNS
    assert [r["cameo"] for r in rows] == ["042", "111", "040", "173"]
    r0 = rows[0]
    assert r0["source_code"] == "RUS" and r0["target_code"] == "UKR" and r0["trigger_text"] == "met"
    assert r0["date"] == "2024-03-05" and r0["negated"] == "false" and r0["goldstein"] == "1.9"
    assert json.loads(r0["location"])["name"] == "Genève"
    assert rows[2]["target_code"] == "" and rows[2]["date"] == ""
    assert rows[1]["negated"] == "true"


def test_csv_empty_has_header():
    buf = io.StringIO()
    assert write_events([], "csv", buf) == 0
    assert buf.getvalue() == ",".join(EVENT_COLUMNS) + "\n"


def test_parquet_round_trip(tmp_path, events):
    path = tmp_path / "out.parquet"
    assert write_events(events, "parquet", path) == 4
    table = pq.read_table(path)
    assert table.schema.remove_metadata() == EVENT_SCHEMA
    assert table.column("cameo").to_pylist() == ["042", "111", "040", "173"]
    assert [unflatten_event(r) for r in table.to_pylist()] == events


def test_parquet_many_row_groups(tmp_path, events, monkeypatch):
    monkeypatch.setattr(export, "_CHUNK", 3)
    path = tmp_path / "out.parquet"
    assert write_events(iter(events), "parquet", str(path)) == 4
    assert pq.ParquetFile(path).num_row_groups == 2
    assert pq.read_table(path).num_rows == 4


def test_table_plain_text(events):
    buf = io.StringIO()
    assert write_events(events, "table", buf) == 4
    out = buf.getvalue()
    assert "\x1b[" not in out  # not a TTY: no colour codes
    for text in ("date", "source", "trigger", "cameo", "met", "RUS", "UKR", "USAGOV", "042", "173",
                 "2024-03-05"):
        assert text in out
    assert max(len(line) for line in out.splitlines()) <= 120


def test_table_marks_a_negated_act(events):
    from dataclasses import replace
    buf = io.StringIO()
    write_events([replace(events[0], negated=True)], "table", buf)  # "will not recall its ambassador"
    assert f"not {events[0].trigger.text}" in buf.getvalue()


def test_table_width_and_blocks(events, monkeypatch):
    monkeypatch.setattr(export, "_CHUNK", 3)
    buf = io.StringIO()
    assert write_events(events, "table", buf, console_width=80) == 4
    lines = buf.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80
    assert sum(1 for line in lines if line.lstrip().startswith("date")) == 1  # one header
    assert sum(1 for line in lines if " met " in line) == 4


def test_parquet_needs_path(events, capsys):
    for out in (None, "-", io.StringIO()):
        with pytest.raises(ConfigError, match="E032.*parquet"):
            write_events(events, "parquet", out)
    assert capsys.readouterr().out == ""


def test_unknown_format(tmp_path, events):
    path = tmp_path / "out.xml"
    with pytest.raises(ConfigError, match="E014.*'xml'.*jsonl, csv, table, parquet") as info:
        write_events(events, "xml", path)
    assert info.value.code == "E014"
    assert not path.exists()


def test_unwritable_path(tmp_path, events):
    with pytest.raises(ConfigError, match="E033"):
        write_events(events, "jsonl", tmp_path / "no" / "such" / "dir.jsonl")
    with pytest.raises(ConfigError, match="E033"):
        write_events(events, "parquet", tmp_path / "no" / "such" / "dir.parquet")


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_store(tmp_path, store, fmt):
    path = tmp_path / f"out.{fmt}"
    assert export_store(store, fmt, path) == 4
    stored = list(store.events())
    if fmt == "jsonl":
        lines = path.read_text(encoding="utf-8").splitlines()
        assert [json.loads(line) for line in lines] == [e.to_dict() for e in stored]
    elif fmt == "parquet":
        assert [unflatten_event(r) for r in pq.read_table(path).to_pylist()] == stored
    elif fmt == "csv":
        assert path.read_text(encoding="utf-8").count("\n") == 5
    else:
        assert "met" in path.read_text(encoding="utf-8")


def test_export_empty_store(tmp_path):
    with Store(":memory:") as s:
        assert export_store(s, "parquet", tmp_path / "e.parquet") == 0
        assert pq.read_table(tmp_path / "e.parquet").num_rows == 0
        buf = io.StringIO()
        assert export_store(s, "table", buf) == 0
        assert "date" in buf.getvalue()


@pytest.mark.parametrize("fmt", ["jsonl", "parquet", "csv"])
def test_export_keeps_events_above_a_confidence(tmp_path, batch, fmt):  # noqa: F811
    for n, (_, evs, _) in enumerate(batch):
        for e in evs:
            e.confidence = 0.1 if n == 0 else 0.6
    low = sum(len(evs) for _, evs, _ in batch[:1])
    with Store(":memory:") as s:
        s.write_batch(batch, V)
        total = export_store(s, fmt, tmp_path / f"all.{fmt}")
        path = tmp_path / f"kept.{fmt}"
        assert 0 < low < total and export_store(s, fmt, path, min_confidence=0.5) == total - low
        if fmt == "parquet":
            assert min(pq.read_table(path)["confidence"].to_pylist()) == 0.6
        elif fmt == "jsonl":
            assert {json.loads(line)["confidence"] for line in path.read_text(encoding="utf-8").splitlines()} == {0.6}
        assert export_store(s, fmt, tmp_path / f"none.{fmt}", min_confidence=0.9) == 0

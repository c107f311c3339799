"""The command line: exact exit codes and messages, in-process with click's runner."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from annales.cli import main

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "examples" / "articles"


@pytest.fixture(autouse=True)
def _shared_pipeline(pipeline, monkeypatch):
    """Reuse the session's loaded model instead of loading it for every command."""
    import annales.cli as cli

    monkeypatch.setattr(cli, "_pipeline", lambda *args, **kwargs: pipeline)


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input, catch_exceptions=False)


def test_help_shows_an_example_for_every_command():
    for command in ("code", "clean", "classify", "export", "stats", "evaluate"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example:" in result.output, command


def test_code_stores_prints_and_resumes(tmp_path):
    db = tmp_path / "a.duckdb"
    first = run("code", ARTICLES, "--db", db, "--format", "jsonl")
    assert first.exit_code == 0, first.output
    lines = [json.loads(x) for x in first.stdout.splitlines()]
    assert len(lines) > 20
    assert {e["article_id"] for e in lines} >= {"01_g7_north_korea", "ge-2024-10-28-election"}
    assert "coded 10 articles; " in first.stderr
    again = run("code", ARTICLES, "--db", db, "--format", "jsonl")
    assert again.exit_code == 0
    assert "coded 0 articles, 10 unchanged;" in again.stderr
    assert sorted(json.loads(x)["event_id"] for x in again.stdout.splitlines()) == sorted(e["event_id"] for e in lines)
    stats = run("stats", "--db", db, "--json")
    assert json.loads(stats.stdout)["events"] == len(lines)


def test_bad_inputs_are_skipped_named_and_counted(tmp_path):
    good = tmp_path / "in" / "good.jsonl"
    good.parent.mkdir()
    good.write_text(
        json.dumps({"id": "g1", "text": "France and Germany condemned Iran over the executions."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "g2", "text": ""}) + "\n"
        + json.dumps({"id": "g3", "text": "Israeli jets struck a weapons depot near Damascus."}) + "\n")
    (tmp_path / "in" / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    db = tmp_path / "b.duckdb"
    result = run("code", tmp_path / "in", "--db", db, "--format", "jsonl", "--published", "2024-03-06")
    assert result.exit_code == 1
    err = result.stderr
    assert f"skipped {tmp_path / 'in' / 'good.jsonl'}:2: [E003] malformed JSON" in err
    assert f"skipped {tmp_path / 'in' / 'good.jsonl'}:3: [E004] article has no text" in err
    assert f"{tmp_path / 'in' / 'blob.txt'}: [E002] binary file" in err
    assert "3 input(s) skipped:" in err
    ids = {json.loads(x)["article_id"] for x in result.stdout.splitlines()}
    assert ids == {"g1", "g3"}
    dates = {json.loads(x)["date"] for x in result.stdout.splitlines()}
    assert dates == {"2024-03-06"}


def test_on_error_stop_keeps_what_came_before(tmp_path):
    src = tmp_path / "s.jsonl"
    src.write_text(json.dumps({"id": "ok", "text": "France condemned Iran."}) + "\nnope\n"
                   + json.dumps({"id": "after", "text": "Germany condemned Iran."}) + "\n")
    db = tmp_path / "c.duckdb"
    result = run("code", src, "--db", db, "--on-error", "stop", "--format", "jsonl")
    assert result.exit_code == 1
    assert f"stopped at {src}:2; everything before it is stored" in result.stderr
    exported = run("export", "--db", db, "--format", "jsonl")
    assert {json.loads(x)["article_id"] for x in exported.stdout.splitlines()} == {"ok"}


def test_stdin_and_export_formats(tmp_path):
    db = tmp_path / "d.duckdb"
    result = run("code", "-", "--db", db, "--format", "csv", "--published", "2024-03-06",
                 input="Israeli jets struck a weapons depot near Damascus on Sunday.\n")
    assert result.exit_code == 0
    header, row = result.stdout.splitlines()[:2]
    assert header.startswith("event_id,article_id,")
    assert ",190," in row or ",195," in row
    out = tmp_path / "e.parquet"
    exported = run("export", "--db", db, "--format", "parquet", "-o", out)
    assert exported.exit_code == 0 and "wrote 1 events" in exported.stderr
    table = pq.read_table(out)
    assert table.num_rows == 1 and table.column("cameo").to_pylist()[0] in ("190", "195")
    assert run("export", "--db", db, "--format", "parquet").exit_code == 2
    conf = table.column("confidence").to_pylist()[0]
    kept = run("export", "--db", db, "--format", "jsonl", "--min-confidence", str(conf))
    assert kept.exit_code == 0 and len(kept.stdout.splitlines()) == 1
    above = run("export", "--db", db, "--format", "jsonl", "--min-confidence", str(min(conf + 0.01, 1)))
    assert above.exit_code == 0 and above.stdout == ""
    bad = run("export", "--db", db, "--format", "jsonl", "--min-confidence", "2")
    assert bad.exit_code == 2 and "2.0 is not in the range 0<=x<=1" in bad.output
    copy = run("export", "--db", db, "--format", "duckdb", "-o", tmp_path / "c.duckdb", "--min-confidence", "0.5")
    assert copy.exit_code == 2 and "--min-confidence does not apply" in copy.output


def test_missing_store_and_bad_date_are_usage_errors(tmp_path):
    assert run("stats", "--db", tmp_path / "nope.duckdb").exit_code == 2
    bad = run("code", ARTICLES, "--db", tmp_path / "x.duckdb", "--published", "05/03/2024")
    assert bad.exit_code == 2 and "is not an ISO date" in bad.output


def test_clean_shows_removed_lines():
    result = run("clean", ARTICLES / "02_france_iran_sanctions.txt")
    assert result.exit_code == 0
    assert "[photo-caption]" in result.stdout and "[tags]" in result.stdout
    assert "[email-placeholder]" in result.stdout


def test_classify_pairs(tmp_path):
    lines = [{"id": 1, "text": "Russia attacked Ukraine on Monday.", "source": [0, 6], "target": [16, 23]},
             {"id": 2, "text": "Japan's prime minister praised India.", "source": [0, 22], "target": [31, 36]},
             {"id": 3, "text": "bad", "source": [0]}]
    result = run("classify", "-", input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [(o["id"], o["cameo"][:2], o["quad_class"]) for o in out] == [(1, "19", 4), (2, "05", 1)]
    assert abs(sum(out[0]["scores"].values()) - 1) < 1e-2
    assert "skipped -:3:" in result.stderr


def test_evaluate_prints_three_levels(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(r) for r in [
        {"id": "1", "text": "France and Germany condemned Iran.", "date": "2024-03-06",
         "events": [{"source": "FRA", "target": "IRN", "code": "111"}, {"source": "DEU", "target": "IRN", "code": "111"}]},
        {"id": "2", "text": "Israeli jets struck a depot in Syria.", "date": "2024-03-06",
         "events": [{"source": "ISRMIL", "target": "SYR", "code": "195"}]},
    ]) + "\n")
    result = run("evaluate", gold, "--json")
    assert result.exit_code == 0
    scores = json.loads(result.stdout)
    assert scores["records"] == 2
    assert scores["dyad+root"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "tp": 3, "fp": 0, "fn": 0}
    assert scores["root"]["f1"] == 1.0


def test_evaluate_compares_plover_2016_and_2021_names_as_one(tmp_path):
    # PLOVER gold of 2016 names DISAPPROVE; annales writes the 2021 name ACCUSE
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "1", "text": "France condemned Iran.", "date": "2024-03-06",
                                "events": [{"source": "FRA", "target": "IRN", "code": "DISAPPROVE"}]}) + "\n")
    scores = json.loads(run("evaluate", gold, "--json").stdout)
    assert scores["dyad+root"]["tp"] == scores["dyad+code"]["tp"] == 1

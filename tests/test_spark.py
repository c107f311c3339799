"""Coding on Spark (annales.spark) in local mode, local[2], against the local pipeline and store.

One SparkSession for the module; skipped when PySpark or Java is missing. The inputs are the team's
example articles (examples/articles), written out as JSONL, Parquet and a WARC built here.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from annales.ingest import read_inputs
from annales.records import Article
from annales.store import Store
from annales.store_rows import ARTICLE_COLUMN_SPEC, EVENT_SCHEMA, MENTION_COLUMN_SPEC

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles"
MENTION_COLS = [c for c, _, _ in MENTION_COLUMN_SPEC]
ARTICLE_COLS = [c for c, _, _ in ARTICLE_COLUMN_SPEC if c != "coded_at"]


# ------------------------------------------------------------------ without Spark

def test_arrow_types_map_to_spark_types():
    T = pytest.importorskip("pyspark.sql.types")
    from annales.spark import spark_schema, spark_type

    assert spark_type(pa.int32()) == T.IntegerType()
    assert spark_type(pa.timestamp("us")) == T.TimestampNTZType()
    assert spark_type(pa.list_(pa.string())) == T.ArrayType(T.StringType(), True)
    assert [f.name for f in spark_schema(MENTION_COLUMN_SPEC).fields] == MENTION_COLS
    with pytest.raises(TypeError):
        spark_type(pa.binary())


def test_format_from_suffix():
    from annales.spark import detect_format

    assert detect_format("a/b.jsonl") == "jsonl" and detect_format("x.JSONL.gz") == "jsonl"
    assert detect_format("part-0.parquet") == "parquet"
    assert detect_format("CC-NEWS-2024.warc.gz") == "warc" and detect_format("a.txt") is None


def _warc_bytes(pages: list[tuple[str, bytes, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, payload, ctype in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": "2024-10-16T08:00:00Z"}))
    return buf.getvalue()


def _page_warc() -> bytes:
    html = (EXAMPLES / "09_south_china_sea_standoff.html").read_bytes()
    return _warc_bytes([("https://news.example.org/scarborough", html, "text/html; charset=utf-8"),
                        ("https://news.example.org/logo.png", b"\x89PNG\r\n", "image/png"),
                        ("https://news.example.org/empty", b"<html><body></body></html>", "text/html")])


def test_warc_records_become_articles():
    pytest.importorskip("warcio")
    from annales.errors import InputError
    from annales.warc import iter_warc_articles

    items = list(iter_warc_articles(io.BytesIO(_page_warc()), "t.warc.gz"))
    arts = [i for i in items if isinstance(i, Article)]
    errs = [i for i in items if isinstance(i, InputError)]
    assert len(arts) == 1 and len(errs) == 1 and errs[0].code == "E015"  # the image is skipped silently
    a = arts[0]
    assert a.title.startswith("China blocks Philippine ship") and a.published == date(2024, 10, 15)
    assert a.origin == "t.warc.gz@0" and len(a.id) == 36 and "Scarborough Shoal" in a.text
    assert [e.code for e in iter_warc_articles(io.BytesIO(b"not a warc\n"), "x.warc")] == ["E001"]


# ------------------------------------------------------------------ Spark local mode

def _java() -> bool:
    home = os.environ.get("JAVA_HOME")
    return bool(shutil.which("java") or (home and Path(home, "bin", "java").exists()))


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark", reason="PySpark not installed (pip install -e '.[spark]')")
    if not _java():
        pytest.skip("Spark needs Java 17 or newer on PATH or in JAVA_HOME")
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("annales-tests")
               .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", "2").config("spark.default.parallelism", "2")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    """The example articles as JSONL, with an id-less line, a repeated line, a blank and a bad line."""
    rows = []
    for a in read_inputs([EXAMPLES]):
        assert isinstance(a, Article)
        rows.append({"id": a.id, "title": a.title, "url": a.url, "source": a.source, "text": a.text,
                     "published": a.published.isoformat() if a.published else None})
    lines = [json.dumps(r) for r in rows]
    no_id = dict(rows[0], text=rows[0]["text"].replace("North Korea", "Iran"))
    del no_id["id"]
    lines += [lines[1], "", json.dumps(no_id), '{"id": "broken", "text": "unterminated']
    path = tmp_path_factory.mktemp("in") / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _local(pipeline, items) -> Store:
    """Code ``items`` (Articles) into an in-memory store, as ``annales code`` does."""
    store = Store(":memory:")
    coded = [(c.article, c.events, c.mentions) for c in pipeline.pipe(items)]
    store.write_batch(coded, pipeline.version)
    return store


@pytest.fixture(scope="module")
def local_store(pipeline, feed):
    from annales.batch import RunSummary, code_inputs

    store = Store(":memory:")
    summary = RunSummary()
    list(code_inputs([str(feed)], store, pipeline, summary))
    assert len(summary.failed) == 1
    yield store
    store.close()


def _rows(store: Store, table: str, cols: list[str]) -> list[dict]:
    quoted = ", ".join(f'"{c}"' for c in cols)
    sql = f"SELECT {quoted} FROM {table}"
    rows = [dict(zip(cols, r)) for r in store.con.execute(sql).fetchall()]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def _read(path: Path, cols: list[str] | None = None) -> list[dict]:
    rows = pq.read_table(path).to_pylist()
    rows = [{c: r[c] for c in cols} for r in rows] if cols else rows
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def _events(store: Store) -> list[dict]:
    return store.query_events_arrow().to_pylist()


def _spark_events(out: Path) -> list[dict]:
    table = pq.read_table(out / "events")
    assert table.schema.equals(EVENT_SCHEMA), table.schema
    return table.sort_by([("article_id", "ascending"), ("sentence_index", "ascending"),
                          ("trigger_start", "ascending"), ("event_id", "ascending")]).to_pylist()


@pytest.fixture(scope="module")
def coded(spark, feed, tmp_path_factory) -> tuple[Path, dict]:
    from annales.spark import code_on_spark

    out = tmp_path_factory.mktemp("out") / "run"
    return out, code_on_spark(spark, str(feed), str(out), partitions=3)


def test_spark_events_equal_local_store(coded, local_store):
    out, result = coded
    events = _spark_events(out)
    assert events == _events(local_store)
    assert len(events) >= 20 and result["events"] == len(events)
    assert _read(out / "mentions") == _rows(local_store, "mentions", MENTION_COLS)
    assert _read(out / "articles", ARTICLE_COLS) == _rows(local_store, "articles", ARTICLE_COLS)
    schema = pq.read_table(out / "articles").schema
    assert [(f.name, f.type) for f in schema] == [(c, t) for c, _, t in ARTICLE_COLUMN_SPEC]


def test_bad_line_goes_to_errors(coded, feed):
    out, result = coded
    errors = _read(out / "errors")
    n = len(feed.read_text(encoding="utf-8").splitlines())
    assert result["errors"] == 1 and len(errors) == 1
    assert errors[0]["code"] == "E003" and errors[0]["origin"] == f"{feed}:{n}"
    ids = {r["article_id"] for r in _read(out / "articles")}
    assert f"feed:{n - 1}" in ids and "broken" not in ids  # the id-less line is coded under stem:LINE


def test_rerun_does_not_duplicate(spark, coded, feed):
    from annales.spark import code_on_spark

    out, first = coded
    before = _spark_events(out)
    again = code_on_spark(spark, str(feed), str(out), mode="append", partitions=2)
    assert again["articles"] == 0 and again["events"] == 0  # everything is coded already
    assert _spark_events(out) == before
    code_on_spark(spark, str(feed), str(out), partitions=2)  # overwrite: same ids, same rows
    assert _spark_events(out) == before


def test_parquet_input(spark, coded, tmp_path):
    from annales.spark import code_on_spark

    out, _ = coded
    events = _spark_events(out)
    arts = _read(out / "articles")[:3]
    table = pa.table({"id": [a["article_id"] for a in arts], "text": [a["text"] for a in arts],
                      "title": [a["title"] for a in arts], "published": pa.array([a["published"] for a in arts]),
                      "source": [a["source"] for a in arts], "url": [a["url"] for a in arts]})
    (tmp_path / "in").mkdir()
    pq.write_table(table, tmp_path / "in" / "part-0.parquet")
    result = code_on_spark(spark, str(tmp_path / "in"), str(tmp_path / "out"), partitions=2)
    ids = {a["article_id"] for a in arts}
    assert result["format"] == "parquet" and result["errors"] == 0
    assert _spark_events(tmp_path / "out") == [e for e in events if e["article_id"] in ids]


def test_warc_input(spark, pipeline, tmp_path):
    pytest.importorskip("warcio")
    from annales.spark import code_on_spark
    from annales.warc import iter_warc_articles

    src = tmp_path / "crawl"
    src.mkdir()
    warc = _page_warc()  # record ids are random UUIDs: code the same bytes both ways
    (src / "news-00000.warc.gz").write_bytes(warc)
    (src / "news-00001.warc.gz").write_bytes(b"<html>not a WARC</html>\n")
    result = code_on_spark(spark, str(src), str(tmp_path / "out"), partitions=2)
    assert result["format"] == "warc" and result["files"] == 2 and result["articles"] == 1
    assert sorted(e["code"] for e in _read(tmp_path / "out" / "errors")) == ["E001", "E015"]
    origin = str(src) + "/news-00000.warc.gz"
    arts = [a for a in iter_warc_articles(io.BytesIO(warc), origin) if isinstance(a, Article)]
    with _local(pipeline, arts) as store:
        expected = _events(store)
    assert expected and _spark_events(tmp_path / "out") == expected


def test_cli_spark(spark, tmp_path):
    from click.testing import CliRunner

    from annales.cli import main

    src = tmp_path / "one.jsonl"
    text = (EXAMPLES / "04_syria_depot_strike.txt").read_text(encoding="utf-8")
    src.write_text(json.dumps({"id": "s1", "text": text, "published": "2023-03-13"}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["spark", str(src), str(tmp_path / "out"), "--partitions", "1"])
    assert result.exit_code == 0, result.output
    assert "coded 1 articles" in result.output and (tmp_path / "out" / "events" / "_SUCCESS").exists()
    missing = CliRunner().invoke(main, ["spark", str(tmp_path / "nope.jsonl"), str(tmp_path / "o2")])
    assert missing.exit_code == 1 and "E010" in missing.output
    assert CliRunner().invoke(main, ["spark", str(src), str(tmp_path / "o3"), "--format", "csv"]).exit_code == 2

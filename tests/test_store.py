"""Tests for annales.store: round trips, replacement on re-coding, atomicity, stats, errors.

The ``store`` fixture (tests/conftest.py) runs each test that takes it against both backends: DuckDB
(in memory) and PostgreSQL (a fresh schema of a throwaway server)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

import annales.store as store_mod
from annales.errors import ConfigError, StoreError
from annales.records import Actor, Article, Event, Mention, Trigger
from annales.store import Store, open_store
from annales.store_rows import events_to_arrow, flatten_event, unflatten_event

V = "test-1.0"


def _event(article: Article, i: int, *, sentence_index: int, trigger_start: int, cameo: str,
           source: Actor, target: Actor | None, date_: str | None = "2024-03-05", **kw) -> Event:
    return Event(
        event_id=f"{article.id}-e{i}", article_id=article.id, sentence_index=sentence_index,
        sentence=f"Sentence {sentence_index} of {article.id}: Ürümqi talks.",
        source=source, target=target, cameo=cameo, cameo_root=cameo[:2],
        plover=kw.pop("plover", "CONSULT"), plover_mode=kw.pop("plover_mode", "visit"),
        quad_class=kw.pop("quad_class", 1), goldstein=kw.pop("goldstein", 1.9), date=date_,
        date_precision="day" if date_ else None, date_inferred=kw.pop("date_inferred", False),
        trigger=Trigger("met", trigger_start, trigger_start + 3, "meet"),
        negated=kw.pop("negated", False), modality=kw.pop("modality", "asserted"),
        location=kw.pop("location", {"name": "Genève", "country": "CHE", "lat": 46.2, "lon": 6.14}),
        confidence=kw.pop("confidence", 0.8), coder_version=V, sentence_start=sentence_index * 40,
    )


@pytest.fixture
def articles():
    a1 = Article(id="a1", text="Russia met Ukraine. The US criticized China.", title="Talks",
                 url="https://example.org/1", published=date(2024, 3, 5), source="Reuters",
                 authors=["Jane Roe", "Ivan Petrov"], place="GENEVA", origin="in.jsonl:1")
    a2 = Article(id="a2", text="Police arrested protesters.", title=None, published=None,
                 origin="in.jsonl:2")
    return a1, a2


@pytest.fixture
def batch(articles):
    """Two articles, four events (one without target, one negated), and their mentions."""
    a1, a2 = articles
    rus = Actor("Russia", 0, 6, "RUS", "RUS", None, "Russia")
    ukr = Actor("Ukraine", 11, 18, "UKR", "UKR", None, "Ukraine")
    usa = Actor("The US", 0, 6, "USAGOV", "USA", "GOV", "United States")
    chn = Actor("China", 18, 23, "CHN", "CHN", None, "China")
    cop = Actor("Police", 0, 6, "COP", None, "COP", None)
    e1 = [
        _event(a1, 1, sentence_index=0, trigger_start=7, cameo="042", source=rus, target=ukr),
        _event(a1, 2, sentence_index=1, trigger_start=7, cameo="111", source=usa, target=chn,
               quad_class=3, goldstein=-2.0, plover="DISAPPROVE", plover_mode=None,
               modality="reported", negated=True, location=None, date_="2024-03-04"),
        _event(a1, 3, sentence_index=0, trigger_start=2, cameo="040", source=rus, target=None,
               date_=None, date_inferred=True),
    ]
    e2 = [_event(a2, 1, sentence_index=0, trigger_start=7, cameo="173", source=cop, target=None,
                 quad_class=4, goldstein=-5.0, plover="ARREST", date_="2024-01-01")]
    m1 = [Mention("a1", 0, rus), Mention("a1", 0, ukr), Mention("a1", 1, usa), Mention("a1", 1, chn)]
    m2 = [Mention("a2", 0, cop)]
    return [(a1, e1, m1), (a2, e2, m2)]


def _sorted(events):
    return sorted(events, key=lambda e: (e.article_id, e.sentence_index, e.trigger.start))


def test_flatten_unflatten_round_trip(batch):
    for _, events, _ in batch:
        for e in events:
            row = flatten_event(e)
            assert list(row) == list(store_mod.EVENT_COLUMNS)
            assert unflatten_event(row) == e


def test_events_to_arrow_schema(batch):
    table = events_to_arrow(batch[0][1])
    assert table.schema == store_mod.EVENT_SCHEMA
    assert table.column("cameo").to_pylist() == ["042", "111", "040"]


def test_round_trip_through_store(store, batch):
    assert store.write_batch(batch, V) == 4
    original = _sorted(e for _, evs, _ in batch for e in evs)
    stored = list(store.events())
    assert stored == original
    first = stored[0]
    assert first.cameo == "040" and first.target is None and first.date is None
    e042 = next(e for e in stored if e.event_id == "a1-e1")
    assert e042.cameo == "042" and e042.cameo_root == "04"
    assert e042.location == {"name": "Genève", "country": "CHE", "lat": 46.2, "lon": 6.14}
    assert e042.trigger == Trigger("met", 7, 10, "meet")
    assert store.article_count() == 2


def test_events_filters_and_limit(store, batch):
    store.write_batch(batch, V)
    assert [e.event_id for e in store.events({"cameo_root": "04"})] == ["a1-e3", "a1-e1"]
    assert [e.event_id for e in store.events({"article_id": "a2"})] == ["a2-e1"]
    assert [e.event_id for e in store.events({"source_country": "USA", "target_country": "CHN"})] == ["a1-e2"]
    assert {e.event_id for e in store.events({"target_code": None})} == {"a1-e3", "a2-e1"}
    assert {e.event_id for e in store.events({"cameo": ["042", "173"]})} == {"a1-e1", "a2-e1"}
    assert len(list(store.events(limit=2))) == 2
    with pytest.raises(ConfigError, match="E031"):
        list(store.events({"cameo; DROP TABLE events": "x"}))


def test_rewrite_replaces_rows(store, batch):
    store.write_batch(batch, V)
    before = store.stats()
    store.write_batch(batch, V)
    assert store.stats() == before  # same counts, nothing duplicated

    a1, e1, m1 = batch[0]
    changed = [replace(e1[0], goldstein=7.0, sentence="Changed.")]
    assert store.write_batch([(a1, changed, m1[:1])], V) == 1
    s = store.stats()
    assert (s["articles"], s["events"], s["mentions"]) == (2, 2, 2)
    got = list(store.events({"article_id": "a1"}))
    assert got == changed
    # the other article is untouched
    assert list(store.events({"article_id": "a2"})) == batch[1][1]


def test_duplicate_article_in_batch_keeps_last(store, batch):
    a1, e1, m1 = batch[0]
    assert store.write_batch([(a1, e1, m1), (a1, e1[:1], [])], V) == 1
    assert store.article_count() == 1
    assert [e.event_id for e in store.events()] == ["a1-e1"]


def test_duplicate_event_in_article_written_once(store, batch):
    a1, e1, m1 = batch[0]
    assert store.write_batch([(a1, [e1[0], e1[0]], m1)], V) == 1


def test_event_id_collision_across_articles(store, batch):
    (a1, e1, m1), (a2, e2, m2) = batch
    store.write_batch([(a1, e1, m1)], V)
    clash = [replace(e2[0], event_id="a1-e1")]
    with pytest.raises(StoreError, match="E030.*a1-e1"):
        store.write_batch([(a2, clash, m2)], V)
    with pytest.raises(StoreError, match="E030.*a1-e1"):
        store.write_batch([(a1, e1, m1), (a2, clash, m2)], V)
    assert store.article_count() == 1
    assert len(list(store.events())) == 3


def test_event_of_other_article_rejected(store, batch):
    a1, e1, m1 = batch[0]
    with pytest.raises(StoreError, match="E030"):
        store.write_batch([(a1, [replace(e1[0], article_id="zz")], m1)], V)
    assert store.article_count() == 0


def test_coded_hashes(store, batch, articles):
    a1, a2 = articles
    assert store.coded_hashes(V) == {}
    store.write_batch(batch[:1], V)
    store.write_batch(batch[1:], "other")
    assert store.coded_hashes(V) == {"a1": a1.content_hash}
    assert store.coded_hashes("other") == {"a2": a2.content_hash}
    store.write_batch(batch[:1], "other")  # re-coding with a new version moves it
    assert store.coded_hashes(V) == {}
    assert set(store.coded_hashes("other")) == {"a1", "a2"}


def test_failed_batch_rolls_back(store, batch, monkeypatch, articles):
    (a1, e1, m1), (a2, e2, m2) = batch
    store.write_batch([(a1, e1, m1)], V)
    before = (list(store.events()), store.stats(), store.coded_hashes(V))

    real_insert = type(store)._insert

    def failing_insert(self, table, data):
        real_insert(self, table, data)  # articles and events of both are in the transaction...
        if table == "mentions":
            raise RuntimeError("disk on fire")  # ...then the batch fails

    monkeypatch.setattr(type(store), "_insert", failing_insert)
    a1b = replace(a1, text="Different text.")
    with pytest.raises(RuntimeError, match="disk on fire"):
        store.write_batch([(a1b, e1[:1], []), (a2, e2, m2)], V)
    monkeypatch.undo()

    assert (list(store.events()), store.stats(), store.coded_hashes(V)) == before
    assert store.write_batch([(a2, e2, m2)], V) == 1  # the store is still usable


def test_failed_batch_bad_record(store, batch):
    (a1, e1, m1), (a2, e2, m2) = batch
    store.write_batch([(a1, e1, m1)], V)
    bad = [replace(e2[0], date="not a date")]
    with pytest.raises(StoreError, match="E030"):
        store.write_batch([(a1, [], []), (a2, bad, m2)], V)
    assert len(list(store.events())) == 3 and store.article_count() == 1


def test_partial_dates_padded(store, batch):
    a2, e2, m2 = batch[1]
    store.write_batch([(a2, [replace(e2[0], date="2024-05", date_precision="month")], m2)], V)
    (e,) = store.events()
    assert e.date == "2024-05-01" and e.date_precision == "month"


def test_stats_exact(store, batch):
    assert store.stats() == {"articles": 0, "events": 0, "mentions": 0, "merged_events": 0, "by_root": [],
                             "top_dyads": [], "date_span": (None, None)}
    store.write_batch(batch, V)
    s = store.stats(top=5)
    assert (s["articles"], s["events"], s["mentions"]) == (2, 4, 5)
    assert [(r, n) for r, _, n in s["by_root"]] == [("04", 2), ("11", 1), ("17", 1)]
    assert s["top_dyads"] == [("RUS", "UKR", 1), ("USAGOV", "CHN", 1)]
    assert s["date_span"] == ("2024-01-01", "2024-03-05")


def test_query_events_arrow(store, batch):
    store.write_batch(batch, V)
    table = store.query_events_arrow()
    assert table.schema == store_mod.EVENT_SCHEMA
    assert table.num_rows == 4
    rows = table.to_pylist()
    assert [unflatten_event(r) for r in rows] == list(store.events())
    assert store.query_events_arrow({"article_id": "a2"}).num_rows == 1


def test_file_store_persists(tmp_path, batch):
    path = tmp_path / "sub" / "events.duckdb"
    with Store(path) as s:
        s.write_batch(batch, V)
    with Store(path, read_only=True) as s:
        assert s.article_count() == 2
        assert list(s.events()) == _sorted(e for _, evs, _ in batch for e in evs)
        with pytest.raises(StoreError, match="read-only"):
            s.write_batch(batch, V)
    with Store(str(path)) as s:
        assert s.stats()["events"] == 4


def test_corrupt_file(tmp_path):
    bad = tmp_path / "bad.duckdb"
    bad.write_bytes(b"this is not a database at all\n" * 200)
    with pytest.raises(StoreError, match="E012") as info:
        Store(bad)
    assert str(bad) in str(info.value)


def test_missing_file_read_only(tmp_path):
    with pytest.raises(StoreError, match="E012.*no such file"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_directory_path(tmp_path):
    with pytest.raises(StoreError, match="E012"):
        Store(tmp_path)


def test_closed_store(store):
    s = store
    s.close()
    s.close()  # idempotent
    with pytest.raises(StoreError, match="closed"):
        s.article_count()


def test_write_10k_events_in_one_batch(store, articles):  # its speed: benchmarks/store_write.py
    a1, _ = articles
    src, tgt = Actor("Russia", 0, 6, "RUS", "RUS"), Actor("Ukraine", 11, 18, "UKR", "UKR")
    items = []
    for k in range(200):
        art = replace(a1, id=f"art{k}")
        evs = [_event(art, i, sentence_index=i, trigger_start=7, cameo="042", source=src, target=tgt)
               for i in range(50)]
        items.append((art, evs, [Mention(art.id, 0, src)]))
    assert store.write_batch(items, V) == 10_000
    assert store.stats()["events"] == 10_000


def test_open_store_picks_the_backend(tmp_path):
    with open_store(tmp_path / "s.duckdb") as s:
        assert isinstance(s, Store)
    with open_store(":memory:") as s:
        assert isinstance(s, Store)
    assert store_mod.is_server_url("postgresql://u@h/db") and store_mod.is_server_url("postgres://h/db")
    assert not store_mod.is_server_url("annales.duckdb") and not store_mod.is_server_url(tmp_path)


def test_order_and_text_sort_bytewise(store, batch):
    """Both backends order text byte by byte (PostgreSQL's columns are COLLATE "C")."""
    a1, e1, m1 = batch[0]
    items = [(replace(a1, id=aid), [replace(e1[0], event_id=f"{aid}-e", article_id=aid)], [])
             for aid in ("b", "B", "a_", "a-", "Ä", "a")]
    store.write_batch(items, V)
    assert [e.article_id for e in store.events()] == sorted(aid for aid in ("b", "B", "a_", "a-", "Ä", "a"))


def test_store_reopened_and_read_only(store_db, batch):
    with open_store(store_db) as s:
        s.write_batch(batch, V)
    with open_store(store_db, read_only=True) as s:
        assert s.article_count() == 2 and s.stats()["events"] == 4
        assert list(s.events()) == _sorted(e for _, evs, _ in batch for e in evs)
        with pytest.raises(StoreError, match="E030.*read-only"):
            s.write_batch(batch, V)
    with open_store(store_db) as s:  # opening an existing store again changes nothing
        s.write_batch(batch, V)
        assert s.stats()["events"] == 4


def test_postgres_read_only_empty_database(postgres_url):
    with pytest.raises(StoreError, match="E012.*not an annales store"):
        open_store(postgres_url, read_only=True)


def test_postgres_unreachable_server():
    with pytest.raises(StoreError, match=r"E012.*127\.0\.0\.1.*server running") as info:
        open_store("postgresql://annales:secret@127.0.0.1:1/nowhere?connect_timeout=3")
    assert "secret" not in str(info.value) and "annales:***@" in str(info.value)


def test_postgres_column_types(postgres_url):
    """The DuckDB column specs' types, mapped once (annales.store_pg.pg_type)."""
    from annales.store_pg import pg_type

    assert pg_type("VARCHAR PRIMARY KEY") == 'text COLLATE "C" PRIMARY KEY'
    assert [pg_type(t) for t in ("INTEGER", "DOUBLE", "DATE", "BOOLEAN", "JSON", "VARCHAR[]", "FLOAT[]",
                                 "TIMESTAMP")] == ["integer", "double precision", "date", "boolean", "jsonb",
                                                   "text[]", "real[]", "timestamp"]
    with open_store(postgres_url) as s:
        types = dict(s.con.execute(
            "SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ?", ["merged_events"]).fetchall())
        assert (types["location"], types["mention_ids"], types["date"], types["goldstein"]) == \
            ("jsonb", "_text", "date", "float8")
        tables = {t for t, in s.con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = current_schema()").fetchall()}
        assert tables == {"meta", *store_mod.TABLE_SPECS, "event_mentions"}
        assert s.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == \
            [(str(store_mod.SCHEMA_VERSION),)]


def _cli(*args: str) -> str:
    from click.testing import CliRunner

    from annales.cli import main

    out = CliRunner().invoke(main, list(args))
    assert out.exit_code == 0, out.output
    return out.output


def test_cli_code_stats_export_on_postgres(postgres_url, tmp_path):
    """`annales code/stats/export/explain --db postgresql://...` give what they give on DuckDB, and coding
    the same inputs again changes nothing."""
    import json
    from pathlib import Path

    examples = str(Path(__file__).resolve().parent.parent / "examples" / "articles")
    duck = str(tmp_path / "same.duckdb")
    for db in (postgres_url, duck):
        _cli("code", examples, "--db", db, "--format", "jsonl", "-q", "-o", str(tmp_path / "coded.jsonl"))
    stats = json.loads(_cli("stats", "--db", postgres_url, "--json"))
    assert stats["articles"] == 10 and stats["events"] > 0 and 0 < stats["merged_events"] <= stats["events"]
    assert stats == json.loads(_cli("stats", "--db", duck, "--json"))

    _cli("code", examples, "--db", postgres_url, "--format", "jsonl", "-q", "-o", str(tmp_path / "again.jsonl"))
    assert json.loads(_cli("stats", "--db", postgres_url, "--json")) == stats  # idempotent

    def export(db: str, fmt: str, *more: str) -> str:
        out = tmp_path / f"{fmt}-{'pg' if db == postgres_url else 'duck'}.out"
        _cli("export", "--db", db, "--format", fmt, "-o", str(out), *more)
        return out.read_text(encoding="utf-8")

    gdelt = export(postgres_url, "gdelt")
    assert gdelt.count("\n") > 0 and all(len(line.split("\t")) == 61 for line in gdelt.splitlines())
    for fmt in ("gdelt", "polecat"):
        assert export(postgres_url, fmt) == export(duck, fmt)
    for more in ((), ("--merged",)):  # equal records; the key order of `location` is jsonb's
        assert ([json.loads(x) for x in export(postgres_url, "jsonl", *more).splitlines()]
                == [json.loads(x) for x in export(duck, "jsonl", *more).splitlines()])
    _cli("export", "--db", postgres_url, "--format", "parquet", "-o", str(tmp_path / "e.parquet"))
    first = json.loads(export(postgres_url, "jsonl", "--merged").splitlines()[0])
    assert json.loads(_cli("explain", first["event_id"], "--db", postgres_url, "--json"))["event"] == first

    # a DuckDB copy of the PostgreSQL store, for what needs DuckDB (the explorer)
    copy = str(tmp_path / "copy.duckdb")
    _cli("export", "--db", postgres_url, "--format", "duckdb", "-o", copy)
    assert json.loads(_cli("stats", "--db", copy, "--json")) == stats
    from click.testing import CliRunner

    from annales.cli import main

    refused = CliRunner().invoke(main, ["serve", "--db", postgres_url])
    assert refused.exit_code == 3 and "E035" in refused.output and "--format duckdb" in refused.output


def test_watch_into_postgres(postgres_url, tmp_path, pipeline):
    from annales.watch import watch

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "note.txt").write_text("The government of France condemned Germany on Tuesday over the border "
                                    "dispute.\n", encoding="utf-8")
    total = watch(inbox, postgres_url, pipeline, once=True, settle=0.05)
    assert (total.files, total.coded, total.failed) == (1, 1, [])
    assert watch(inbox, postgres_url, pipeline, once=True, settle=0.05).files == 0  # done: not read again
    with open_store(postgres_url, read_only=True) as s:
        assert s.con.execute("SELECT status FROM watch_files").fetchall() == [("done",)]
        assert s.stats()["merged_events"] >= 1


def test_postgres_writers_take_turns(postgres_url, batch):
    """Two processes' stores re-coding the same articles and rebuilding merged events at once: no write
    fails (they take turns under an advisory lock) and nothing is duplicated."""
    import threading

    errors = []

    def writer():
        try:
            with open_store(postgres_url) as s:
                for _ in range(5):
                    s.write_batch(batch, V)
                    s.replace_merged({"a1": "s1", "a2": "s2"}, [], [])
                    s.add_story_vectors({"k1": [0.5, 0.25], "k2": [1.0, 0.0]})
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    with open_store(postgres_url):
        pass  # the schema exists before the writers start
    threads = [threading.Thread(target=writer) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with open_store(postgres_url) as s:
        s2 = s.stats()
        assert (s2["articles"], s2["events"], s2["mentions"]) == (2, 4, 5)
        assert sorted(s.story_vectors()) == ["k1", "k2"]

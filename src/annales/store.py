"""The embedded event store: one DuckDB file.

Tables written by coding (``annales code``):

* ``articles``: one row per article; ``events``: one row per coded record (an event as one
  sentence reports it: GDELT's "mention", with the sentence kept); ``mentions``: every actor found.

Tables derived from those by :func:`annales.merge.merge_store` (``annales merge``; rebuilt after
each ``annales code`` run):

* ``stories`` (article -> story), ``merged_events`` (one row per real-world event, with
  ``num_mentions``, ``num_articles``, ``num_sources``), ``merge_links`` (record -> merged event and
  the reason), and the view ``event_mentions``: every merged event's reports with their article's
  title, outlet, URL and publication date.

Events are stored flat, one column per field (``source_code``, ``trigger_start``...);
:func:`flatten_event` / :func:`unflatten_event` map an :class:`Event` to such a row and back,
and :func:`events_to_arrow` builds a pyarrow table of them (the exporters reuse all three).

Writes go through :meth:`Store.write_batch`: one transaction per batch that replaces the rows
of each article, so re-coding never duplicates and a failed batch leaves nothing behind.
``Store(":memory:")`` gives a throwaway store for tests.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from .errors import AnnalesError, ConfigError, StoreError
from .records import Actor, Article, Event, Mention, MergedEvent, Trigger

SCHEMA_VERSION = 2
_UPGRADABLE = {"1"}  # older versions whose tables are a subset: upgraded in place

_ACTOR_FIELDS = ("text", "start", "end", "code", "country", "sector", "name")
_ACTOR_TYPES = {"start": ("INTEGER", pa.int32()), "end": ("INTEGER", pa.int32())}


def _actor_columns(prefix: str) -> list[tuple[str, str, pa.DataType]]:
    return [(f"{prefix}_{f}", *_ACTOR_TYPES.get(f, ("VARCHAR", pa.string()))) for f in _ACTOR_FIELDS]


# (column, DuckDB type, Arrow type) for the flat event row, in table order.
EVENT_COLUMN_SPEC: list[tuple[str, str, pa.DataType]] = [
    ("event_id", "VARCHAR PRIMARY KEY", pa.string()),
    ("article_id", "VARCHAR NOT NULL", pa.string()),
    ("sentence_index", "INTEGER", pa.int32()),
    ("sentence_start", "INTEGER", pa.int32()),
    ("sentence", "VARCHAR", pa.string()),
    *_actor_columns("source"),
    *_actor_columns("target"),
    ("cameo", "VARCHAR", pa.string()),
    ("cameo_root", "VARCHAR", pa.string()),
    ("plover", "VARCHAR", pa.string()),
    ("plover_mode", "VARCHAR", pa.string()),
    ("quad_class", "INTEGER", pa.int32()),
    ("goldstein", "DOUBLE", pa.float64()),
    ("date", "DATE", pa.date32()),
    ("date_precision", "VARCHAR", pa.string()),
    ("date_inferred", "BOOLEAN", pa.bool_()),
    ("trigger_text", "VARCHAR", pa.string()),
    ("trigger_start", "INTEGER", pa.int32()),
    ("trigger_end", "INTEGER", pa.int32()),
    ("trigger_lemma", "VARCHAR", pa.string()),
    ("negated", "BOOLEAN", pa.bool_()),
    ("modality", "VARCHAR", pa.string()),
    ("location", "JSON", pa.string()),  # JSON text in Arrow, CSV and Parquet
    ("confidence", "DOUBLE", pa.float64()),
    ("coder_version", "VARCHAR", pa.string()),
]
EVENT_COLUMNS: tuple[str, ...] = tuple(c for c, _, _ in EVENT_COLUMN_SPEC)
EVENT_SCHEMA = pa.schema([(c, t) for c, _, t in EVENT_COLUMN_SPEC])

ARTICLE_COLUMN_SPEC: list[tuple[str, str, pa.DataType]] = [
    ("article_id", "VARCHAR PRIMARY KEY", pa.string()),
    ("content_hash", "VARCHAR NOT NULL", pa.string()),
    ("title", "VARCHAR", pa.string()),
    ("url", "VARCHAR", pa.string()),
    ("published", "DATE", pa.date32()),
    ("source", "VARCHAR", pa.string()),
    ("authors", "VARCHAR[]", pa.list_(pa.string())),
    ("place", "VARCHAR", pa.string()),
    ("origin", "VARCHAR", pa.string()),
    ("text", "VARCHAR", pa.string()),
    ("coder_version", "VARCHAR", pa.string()),
    ("coded_at", "TIMESTAMP", pa.timestamp("us")),
]
MENTION_COLUMN_SPEC: list[tuple[str, str, pa.DataType]] = [
    ("article_id", "VARCHAR NOT NULL", pa.string()),
    ("sentence_index", "INTEGER", pa.int32()),
    *[(f, *_ACTOR_TYPES.get(f, ("VARCHAR", pa.string()))) for f in _ACTOR_FIELDS],
]
STORY_COLUMN_SPEC: list[tuple[str, str, pa.DataType]] = [
    ("article_id", "VARCHAR PRIMARY KEY", pa.string()),
    ("story_id", "VARCHAR NOT NULL", pa.string()),
]
_FLAT_ACTOR = [(f"{p}_{f}", "VARCHAR", pa.string()) for p in ("source", "target")
               for f in ("code", "country", "sector", "name")]
MERGED_COLUMN_SPEC: list[tuple[str, str, pa.DataType]] = [
    ("event_id", "VARCHAR PRIMARY KEY", pa.string()),
    ("story_id", "VARCHAR", pa.string()),
    ("date", "DATE", pa.date32()),
    ("date_precision", "VARCHAR", pa.string()),
    ("date_inferred", "BOOLEAN", pa.bool_()),
    *_FLAT_ACTOR,
    ("cameo", "VARCHAR", pa.string()),
    ("cameo_root", "VARCHAR", pa.string()),
    ("plover", "VARCHAR", pa.string()),
    ("plover_mode", "VARCHAR", pa.string()),
    ("quad_class", "INTEGER", pa.int32()),
    ("goldstein", "DOUBLE", pa.float64()),
    ("negated", "BOOLEAN", pa.bool_()),
    ("location", "JSON", pa.string()),
    ("num_mentions", "INTEGER", pa.int32()),
    ("num_articles", "INTEGER", pa.int32()),
    ("num_sources", "INTEGER", pa.int32()),
    ("first_published", "DATE", pa.date32()),
    ("last_published", "DATE", pa.date32()),
    ("article_id", "VARCHAR", pa.string()),
    ("source_url", "VARCHAR", pa.string()),
    ("sentence", "VARCHAR", pa.string()),
    ("confidence", "DOUBLE", pa.float64()),
    ("mention_ids", "VARCHAR[]", pa.list_(pa.string())),
]
MERGED_COLUMNS: tuple[str, ...] = tuple(c for c, _, _ in MERGED_COLUMN_SPEC)
LINK_COLUMN_SPEC: list[tuple[str, str, pa.DataType]] = [
    ("mention_id", "VARCHAR PRIMARY KEY", pa.string()),
    ("event_id", "VARCHAR NOT NULL", pa.string()),
    ("reason", "VARCHAR", pa.string()),
]
VECTOR_COLUMN_SPEC: list[tuple[str, str, pa.DataType]] = [
    ("key", "VARCHAR PRIMARY KEY", pa.string()),  # annales.stories.embed_key: SHA-1 of the embedded text
    ("vector", "FLOAT[]", pa.list_(pa.float32())),
]
_SPECS = {"articles": ARTICLE_COLUMN_SPEC, "events": EVENT_COLUMN_SPEC, "mentions": MENTION_COLUMN_SPEC,
          "stories": STORY_COLUMN_SPEC, "merged_events": MERGED_COLUMN_SPEC, "merge_links": LINK_COLUMN_SPEC,
          "story_vectors": VECTOR_COLUMN_SPEC}
_DERIVED = ("stories", "merged_events", "merge_links")
_MENTIONS_VIEW = f"""CREATE OR REPLACE VIEW event_mentions AS
SELECT l.event_id, l.mention_id, l.reason, a.title, a.source AS outlet, a.url, a.published,
       {", ".join(f'e."{c}"' for c, _, _ in EVENT_COLUMN_SPEC if c != "event_id")}
FROM merge_links l JOIN events e ON e.event_id = l.mention_id JOIN articles a ON a.article_id = e.article_id"""
_ORDER = "ORDER BY article_id, sentence_index, trigger_start, event_id"


def _q(name: str) -> str:
    return f'"{name}"'  # quote: "end", "date", "text" are (near-)keywords


def _cols(table: str, cast_json: bool = False) -> str:
    return ", ".join(f"{_q(c)}::VARCHAR AS {_q(c)}" if cast_json and t == "JSON" else _q(c)
                     for c, t, _ in _SPECS[table])


def _parse_date(value: str | date | None) -> date | None:
    """ISO date -> ``date``; a partial "YYYY" or "YYYY-MM" is padded to the first day."""
    if value is None or isinstance(value, date):
        return value
    s = str(value).strip()
    if len(s) == 4:
        s += "-01-01"
    elif len(s) == 7:
        s += "-01"
    return date.fromisoformat(s[:10])


def flatten_event(e: Event) -> dict:
    """Event -> flat row (``source_code``, ``trigger_start``...; ``date`` as a ``date``,
    ``location`` as JSON text). Keys and order are :data:`EVENT_COLUMNS`."""
    row = {"event_id": e.event_id, "article_id": e.article_id, "sentence_index": e.sentence_index,
           "sentence_start": e.sentence_start, "sentence": e.sentence}
    for prefix, actor in (("source", e.source), ("target", e.target)):
        for f in _ACTOR_FIELDS:
            row[f"{prefix}_{f}"] = getattr(actor, f) if actor is not None else None
    row.update(
        cameo=e.cameo, cameo_root=e.cameo_root, plover=e.plover, plover_mode=e.plover_mode,
        quad_class=e.quad_class, goldstein=e.goldstein, date=_parse_date(e.date),
        date_precision=e.date_precision, date_inferred=e.date_inferred,
        trigger_text=e.trigger.text, trigger_start=e.trigger.start, trigger_end=e.trigger.end,
        trigger_lemma=e.trigger.lemma, negated=e.negated, modality=e.modality,
        location=json.dumps(e.location, ensure_ascii=False) if e.location is not None else None,
        confidence=e.confidence, coder_version=e.coder_version,
    )
    return row


def unflatten_event(row: Mapping) -> Event:
    """Flat row (from the store, a CSV reader or Arrow) -> Event; inverse of :func:`flatten_event`."""
    def actor(prefix: str) -> Actor | None:
        vals = {f: row.get(f"{prefix}_{f}") for f in _ACTOR_FIELDS}
        if vals["text"] is None and vals["code"] is None and vals["start"] is None:
            return None
        return Actor(**vals)

    d, loc = row.get("date"), row.get("location")
    return Event(
        event_id=row["event_id"], article_id=row["article_id"],
        sentence_index=row["sentence_index"], sentence=row["sentence"],
        source=actor("source"), target=actor("target"),
        cameo=row["cameo"], cameo_root=row["cameo_root"],
        plover=row.get("plover"), plover_mode=row.get("plover_mode"),
        quad_class=row["quad_class"], goldstein=row["goldstein"],
        date=d.isoformat() if isinstance(d, date) else d,
        date_precision=row.get("date_precision"), date_inferred=bool(row.get("date_inferred")),
        trigger=Trigger(row["trigger_text"], row["trigger_start"], row["trigger_end"],
                        row.get("trigger_lemma")),
        negated=bool(row.get("negated")), modality=row.get("modality") or "asserted",
        location=json.loads(loc) if isinstance(loc, str) else loc,
        confidence=row["confidence"], coder_version=row.get("coder_version") or "",
        sentence_start=row.get("sentence_start") or 0,
    )


def _to_arrow(rows: list[dict], spec) -> pa.Table:
    return pa.table({c: pa.array([r[c] for r in rows], type=t) for c, _, t in spec})


def events_to_arrow(events: Iterable[Event]) -> pa.Table:
    """Events -> pyarrow table with :data:`EVENT_SCHEMA` (``cameo`` stays a string)."""
    return _to_arrow([flatten_event(e) for e in events], EVENT_COLUMN_SPEC)


def lookup_cameo_label(code: str | None) -> str | None:
    """Short CAMEO label from ``annales.ontology`` when that module is available, else None."""
    if not code:
        return None
    try:
        from .ontology import cameo_label
    except ImportError:
        return None
    try:
        return cameo_label(code) or None
    except (LookupError, ValueError, OSError, AnnalesError):  # a label is cosmetic: never fail on it
        return None


def _open_hint(reason: str) -> str:
    low = reason.lower()
    if "lock" in low:
        return (f"{reason} (another annales process has it open; wait for it to finish "
                "or pass a different store path)")
    if "not a valid duckdb" in low or "database file" in low or "corrupt" in low:
        return f"{reason} (not a DuckDB database file; pass a different path or move the file away)"
    return reason


class Store:
    """Events store in DuckDB: tables articles, events, mentions. ``Store(":memory:")`` for tests.

    One writer at a time (the main process); opening a file another process holds raises
    :class:`StoreError` E012.
    """

    def __init__(self, path: str | Path = "annales.duckdb", read_only: bool = False):
        self.path = str(path)
        self.read_only = read_only
        memory = self.path == ":memory:"
        if not memory:
            p = Path(self.path)
            if read_only and not p.exists():
                raise StoreError("E012", path=self.path, reason="no such file; code some articles first")
            if p.is_dir():
                raise StoreError("E012", path=self.path, reason="is a directory; pass a file path")
        try:
            if not memory and not read_only:
                p.parent.mkdir(parents=True, exist_ok=True)
                if p.is_file() and p.stat().st_size == 0:
                    p.unlink()  # an empty placeholder (e.g. a temp file): DuckDB refuses it
            self._con = duckdb.connect(self.path, read_only=read_only and not memory)
        except (duckdb.Error, OSError) as exc:
            raise StoreError("E012", path=self.path, reason=_open_hint(str(exc))) from exc
        try:
            self._init_schema()
        except BaseException:
            self._con.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def _init_schema(self) -> None:
        con = self._con
        has_meta = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchall()[0][0]
        if not has_meta and self.read_only and self.path != ":memory:":
            raise StoreError("E012", path=self.path,
                             reason="not an annales store (no meta table); code some articles first")
        if not self.read_only:
            con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
            for table, spec in _SPECS.items():
                cols = ", ".join(f"{_q(c)} {t}" for c, t, _ in spec)
                con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
            con.execute(_MENTIONS_VIEW)
            con.execute("INSERT INTO meta SELECT 'schema_version', ? WHERE NOT EXISTS "
                        "(SELECT 1 FROM meta WHERE key = 'schema_version')", [str(SCHEMA_VERSION)])
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND value IN "
                        f"({', '.join('?' * len(_UPGRADABLE))})", [str(SCHEMA_VERSION), *_UPGRADABLE])
        rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        row = rows[0] if rows else None
        if row is None or row[0] != str(SCHEMA_VERSION):
            raise StoreError("E012", path=self.path, reason=(
                f"schema version {row[0] if row else None}, this annales expects {SCHEMA_VERSION}; "
                "re-create the store or use a matching annales version"))

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("E030", path=self.path, reason="store is closed")
        return self._con

    # -- writing ---------------------------------------------------------------------------

    def coded_hashes(self, coder_version: str) -> dict[str, str]:
        """article_id -> content_hash of the articles already coded with ``coder_version``."""
        rows = self.con.execute("SELECT article_id, content_hash FROM articles WHERE coder_version = ?",
                                [coder_version]).fetchall()
        return dict(rows)

    def write_batch(self, items: Iterable[tuple[Article, list[Event], list[Mention]]],
                    coder_version: str) -> int:
        """Replace the rows of each article (by ``article_id``) with the new ones, in one transaction.

        Returns the number of events written. On any failure the transaction is rolled back:
        nothing of this batch is stored, earlier batches stay. An article given twice keeps
        its last version; an event id repeated within one article is written once.
        """
        if self.read_only:
            raise StoreError("E030", path=self.path, reason="store was opened read-only")
        batch: dict[str, tuple[Article, list[Event], list[Mention]]] = {}
        for article, events, mentions in items:
            batch[article.id] = (article, list(events), list(mentions))
        if not batch:
            return 0
        coded_at = datetime.now(timezone.utc).replace(tzinfo=None)
        art_rows, ev_rows, men_rows = [], [], []
        owner: dict[str, str] = {}  # event_id -> article_id, to catch collisions before writing
        try:
            for aid, (a, events, mentions) in batch.items():
                art_rows.append({
                    "article_id": aid, "content_hash": a.content_hash, "title": a.title, "url": a.url,
                    "published": _parse_date(a.published), "source": a.source,
                    "authors": list(a.authors or []), "place": a.place, "origin": a.origin,
                    "text": a.text, "coder_version": coder_version, "coded_at": coded_at})
                for e in events:
                    if e.article_id != aid:
                        raise ValueError(f"event {e.event_id} has article_id {e.article_id!r}, "
                                         f"written under article {aid!r}")
                    prev = owner.get(e.event_id)
                    if prev == aid:
                        continue  # the same event found twice in one article
                    if prev is not None:
                        raise ValueError(
                            f"event id {e.event_id} occurs in articles {prev!r} and {aid!r} "
                            "(ids derive from the content hash: the same text under two article ids)")
                    owner[e.event_id] = aid
                    ev_rows.append(flatten_event(e))
                for m in mentions:
                    men_rows.append({"article_id": aid, "sentence_index": m.sentence_index,
                                     **{f: getattr(m.actor, f) for f in _ACTOR_FIELDS}})
            tables = {"articles": _to_arrow(art_rows, ARTICLE_COLUMN_SPEC),
                      "events": _to_arrow(ev_rows, EVENT_COLUMN_SPEC),
                      "mentions": _to_arrow(men_rows, MENTION_COLUMN_SPEC)}
        except (ValueError, TypeError, pa.ArrowException) as exc:
            raise StoreError("E030", path=self.path, reason=f"bad record: {exc}") from exc

        con = self.con
        ids = pa.table({"article_id": pa.array(list(batch), pa.string())})
        con.register("_annales_ids", ids)
        con.begin()
        try:
            for table in ("events", "mentions", "articles"):
                con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT article_id FROM _annales_ids)")
            for table in ("articles", "events", "mentions"):
                self._insert(table, tables[table])
            con.commit()
        except BaseException as exc:
            con.rollback()
            if isinstance(exc, duckdb.Error):
                reason = str(exc)
                if "duplicate key" in reason.lower() and "event_id" in reason:
                    reason += (" (an event id already stored for another article; ids derive from "
                               "the content hash, so the same text under two article ids collides)")
                raise StoreError("E030", path=self.path, reason=reason) from exc
            raise
        finally:
            for name in ("ids", *tables):
                with contextlib.suppress(duckdb.Error):
                    con.unregister(f"_annales_{name}")
        return len(ev_rows)

    def _insert(self, table: str, data: pa.Table) -> None:
        """INSERT all rows of an Arrow table (scanned in place by DuckDB) into ``table``."""
        if data.num_rows == 0:
            return
        name = f"_annales_{table}"  # unregistered by write_batch, after commit or rollback
        cols = _cols(table)
        self.con.register(name, data)
        self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")

    # -- reading ---------------------------------------------------------------------------

    def _where(self, where: dict | None, columns: tuple[str, ...] = EVENT_COLUMNS) -> tuple[str, list]:
        if not where:
            return "", []
        clauses, params = [], []
        for col, value in where.items():
            if col not in columns:
                raise ConfigError("E031", column=col, choices=", ".join(columns))
            if value is None:
                clauses.append(f"{_q(col)} IS NULL")
            elif isinstance(value, (list, tuple, set, frozenset)):
                values = list(value)
                if not values:
                    clauses.append("FALSE")
                else:
                    clauses.append(f"{_q(col)} IN ({', '.join('?' * len(values))})")
                    params.extend(values)
            else:
                clauses.append(f"{_q(col)} = ?")
                params.append(value)
        return " WHERE " + " AND ".join(clauses), params

    def events(self, where: dict | None = None, limit: int | None = None) -> Iterator[Event]:
        """Stored events ordered by article_id, sentence_index, trigger start.

        ``where`` maps event columns to values: equality, ``None`` for IS NULL, a list for IN.
        """
        clause, params = self._where(where)
        sql = f"SELECT {_cols('events', cast_json=True)} FROM events{clause} {_ORDER}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        cur = self.con.cursor()
        try:
            cur.execute(sql, params)
            names = [d[0] for d in cur.description]
            while rows := cur.fetchmany(2048):
                for r in rows:
                    yield unflatten_event(dict(zip(names, r)))
        finally:
            cur.close()

    def query_events_arrow(self, where: dict | None = None) -> pa.Table:
        """All (or filtered) events as flat rows with :data:`EVENT_SCHEMA`, in :meth:`events` order."""
        clause, params = self._where(where)
        rel = self.con.sql(f"SELECT {_cols('events', cast_json=True)} FROM events{clause} {_ORDER}",
                           params=params or None)
        table = rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()
        return table.cast(EVENT_SCHEMA)

    def article_count(self) -> int:
        return self.con.execute("SELECT count(*) FROM articles").fetchall()[0][0]

    def stats(self, top: int = 10) -> dict:
        """Counts, events per CAMEO root (with label when known), top dyads and the event date span."""
        con = self.con
        count = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                 for t in ("articles", "events", "mentions", "merged_events")}
        roots = con.execute("SELECT cameo_root, count(*) AS n FROM events GROUP BY 1 "
                            "ORDER BY n DESC, cameo_root").fetchall()
        dyads = con.execute(
            "SELECT source_code, target_code, count(*) AS n FROM events "
            "WHERE source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY 1, 2 "
            "ORDER BY n DESC, source_code, target_code LIMIT ?", [int(top)]).fetchall()
        lo, hi = con.execute('SELECT min("date"), max("date") FROM events').fetchall()[0]
        return {
            **count,
            "by_root": [(r, lookup_cameo_label(r), n) for r, n in roots],
            "top_dyads": [(s, t, n) for s, t, n in dyads],
            "date_span": (lo.isoformat() if lo else None, hi.isoformat() if hi else None),
        }

    # -- merged events ---------------------------------------------------------------------

    def merge_inputs(self) -> tuple[list[dict], dict[str, dict]]:
        """What merging reads: every coded record as a flat row, and each article's
        ``{"published", "source", "url", "title", "text", "countries"}`` (actor countries found in it)."""
        cur = self.con.cursor()
        try:
            cur.execute(f"SELECT {_cols('events', cast_json=True)} FROM events {_ORDER}")
            names = [d[0] for d in cur.description]
            rows = [dict(zip(names, r)) for r in cur.fetchall()]
            cur.execute("SELECT a.article_id, a.published, a.source, a.url, a.title, a.text, "
                        "list(DISTINCT m.country) FILTER (WHERE m.country IS NOT NULL) "
                        "FROM articles a LEFT JOIN mentions m USING (article_id) GROUP BY ALL")
            articles = {aid: {"published": pub, "source": src, "url": url, "title": title, "text": text,
                              "countries": sorted(c or [])}
                        for aid, pub, src, url, title, text, c in cur.fetchall()}
        finally:
            cur.close()
        return rows, articles

    def replace_merged(self, stories: Mapping[str, str], events: Iterable[MergedEvent],
                       links: Iterable[tuple[str, str, str]]) -> int:
        """Replace the derived tables (stories, merged_events, merge_links) in one transaction."""
        if self.read_only:
            raise StoreError("E030", path=self.path, reason="store was opened read-only")
        merged = []
        for e in events:
            row = e.to_dict()
            row["date"] = _parse_date(row["date"])
            row["first_published"] = _parse_date(row["first_published"])
            row["last_published"] = _parse_date(row["last_published"])
            row["location"] = json.dumps(row["location"], ensure_ascii=False) if row["location"] else None
            merged.append(row)
        tables = {"stories": _to_arrow([{"article_id": a, "story_id": s} for a, s in sorted(stories.items())],
                                       STORY_COLUMN_SPEC),
                  "merged_events": _to_arrow(merged, MERGED_COLUMN_SPEC),
                  "merge_links": _to_arrow([{"mention_id": m, "event_id": e, "reason": r} for m, e, r in links],
                                           LINK_COLUMN_SPEC)}
        con = self.con
        con.begin()
        try:
            for table in _DERIVED:
                con.execute(f"DELETE FROM {table}")
                self._insert(table, tables[table])
            con.commit()
        except BaseException as exc:
            con.rollback()
            if isinstance(exc, duckdb.Error):
                raise StoreError("E030", path=self.path, reason=str(exc)) from exc
            raise
        finally:
            for table in _DERIVED:
                with contextlib.suppress(duckdb.Error):
                    self.con.unregister(f"_annales_{table}")
        return len(merged)

    def story_vectors(self) -> dict:
        """The cache of article embeddings used by story clustering (key -> numpy vector)."""
        import numpy as np

        rows = self.con.execute("SELECT key, vector FROM story_vectors").fetchall()
        return {k: np.asarray(v, dtype=np.float32) for k, v in rows}

    def add_story_vectors(self, vectors: Mapping) -> None:
        """Store new cache entries (keys already stored are left as they are)."""
        if self.read_only or not vectors:
            return
        data = pa.table({"key": pa.array(list(vectors), pa.string()),
                         "vector": pa.array([list(map(float, v)) for v in vectors.values()], pa.list_(pa.float32()))})
        self.con.register("_annales_vectors", data)
        try:
            self.con.execute("INSERT INTO story_vectors SELECT key, vector FROM _annales_vectors "
                             "WHERE key NOT IN (SELECT key FROM story_vectors)")
        finally:
            self.con.unregister("_annales_vectors")

    def merged_events(self, where: dict | None = None, limit: int | None = None) -> Iterator[MergedEvent]:
        """Merged events ordered by first publication, then id; ``where`` as in :meth:`events`
        but over ``merged_events`` columns."""
        clause, params = self._where(where, MERGED_COLUMNS)
        sql = (f"SELECT {_cols('merged_events', cast_json=True)} FROM merged_events{clause} "
               "ORDER BY first_published NULLS LAST, event_id")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        cur = self.con.cursor()
        try:
            cur.execute(sql, params)
            names = [d[0] for d in cur.description]
            while rows := cur.fetchmany(2048):
                for r in rows:
                    yield _merged_from_row(dict(zip(names, r)))
        finally:
            cur.close()

    def explain(self, event_id: str) -> tuple[MergedEvent, list[dict]] | None:
        """A merged event (given its id or the id of any record it merges) and its reports,
        each a dict of the ``event_mentions`` view; None when the id is unknown."""
        cur = self.con.cursor()  # a cursor of its own: safe beside other threads' queries
        try:
            rows = cur.execute("SELECT event_id FROM merge_links WHERE mention_id = ? OR event_id = ? LIMIT 1",
                               [event_id, event_id]).fetchall()
            if not rows:
                return None
            merged = next(self.merged_events({"event_id": rows[0][0]}), None)
            if merged is None:
                return None
            cur.execute("SELECT * EXCLUDE (location), location::VARCHAR AS location FROM event_mentions "
                        "WHERE event_id = ? ORDER BY published NULLS LAST, article_id, sentence_index, "
                        "trigger_start", [merged.event_id])
            names = [d[0] for d in cur.description]
            mentions = [dict(zip(names, r)) for r in cur.fetchall()]
        finally:
            cur.close()
        return merged, mentions


def _merged_from_row(row: dict) -> MergedEvent:
    row = dict(row)
    for key in ("date", "first_published", "last_published"):
        row[key] = row[key].isoformat() if row[key] is not None else None
    row["location"] = json.loads(row["location"]) if row["location"] else None
    row["mention_ids"] = list(row["mention_ids"] or [])
    return MergedEvent(**row)

"""The event store: one DuckDB file (:class:`Store`), or a PostgreSQL database shared by many users
(:class:`annales.store_pg.PgStore`); :func:`open_store` opens either from ``--db``.

Tables written by coding (``annales code``):

* ``articles``: one row per article; ``events``: one row per coded record (an event as one
  sentence reports it: GDELT's "mention", with the sentence kept); ``mentions``: every actor found.

Tables derived from those by :func:`annales.merge.merge_store` (``annales merge``; rebuilt after
each ``annales code`` run):

* ``stories`` (article -> story), ``merged_events`` (one row per real-world event, with
  ``num_mentions``, ``num_articles``, ``num_sources``), ``merge_links`` (record -> merged event and
  the reason), and the view ``event_mentions``: every merged event's reports with their article's
  title, outlet, URL and publication date.

Events are stored flat, one column per field (``source_code``, ``trigger_start``...): the columns and the
rows are in :mod:`annales.store_rows`, shared with the exporters and the Spark job.

Writes go through :meth:`Store.write_batch`: one transaction per batch that replaces the rows
of each article, so re-coding never duplicates and a failed batch leaves nothing behind.
``Store(":memory:")`` gives a throwaway store for tests.

Both backends share :class:`BaseStore`: the schema (built from the column specs of :mod:`annales.store_rows`),
the row building (:func:`~annales.store_rows.batch_rows`, :func:`~annales.store_rows.merged_rows`), the
transactions' shape and every query, written once in portable SQL with ``?`` placeholders; a backend adds only its
connection, column types and bulk insert.
"""

from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import duckdb
import pyarrow as pa

from .errors import ConfigError, StoreError
from .records import Article, Event, Mention, MergedEvent
from .store_rows import (EVENT_COLUMN_SPEC, EVENT_COLUMNS, EVENT_SCHEMA, MERGED_COLUMNS, TABLE_SPECS, batch_rows,
                         lookup_cameo_label, merged_rows, to_arrow, unflatten_event)

SCHEMA_VERSION = 4
_UPGRADABLE = {"1", "2", "3"}  # upgraded in place: 2 added tables, 3 the events' method column,
# 4 the merged events' method column and the mentions' sentence_start (NULL in rows stored before)

_DERIVED = ("stories", "merged_events", "merge_links")
_MENTIONS_VIEW = f"""CREATE OR REPLACE VIEW event_mentions AS
SELECT l.event_id, l.mention_id, l.reason, a.title, a.source AS outlet, a.url, a.published,
       {", ".join(f'e."{c}"' for c, _, _ in EVENT_COLUMN_SPEC if c != "event_id")}
FROM merge_links l JOIN events e ON e.event_id = l.mention_id JOIN articles a ON a.article_id = e.article_id"""
_ORDER = "ORDER BY article_id, sentence_index, trigger_start, event_id"


def _q(name: str) -> str:
    return f'"{name}"'  # quote: "end", "date", "text" are (near-)keywords


def column_list(table: str, cast_json: bool = False) -> str:
    """A table's columns, quoted, for SELECT and COPY (JSON ones as text with ``cast_json``)."""
    return ", ".join(f"{_q(c)}::VARCHAR AS {_q(c)}" if cast_json and t == "JSON" else _q(c)
                     for c, t, _ in TABLE_SPECS[table])


def _open_hint(reason: str) -> str:
    low = reason.lower()
    if "lock" in low:
        return (f"{reason} (another annales process has it open; wait for it to finish "
                "or pass a different store path)")
    if "not a valid duckdb" in low or "database file" in low or "corrupt" in low:
        return f"{reason} (not a DuckDB database file; pass a different path or move the file away)"
    return reason


def _write_reason(reason: str) -> str:
    """A database's write error as one line, with a hint for the id collision that re-coding can hit."""
    reason = " ".join(reason.split())
    if "duplicate key" in reason.lower() and "event_id" in reason:
        reason += (" (an event id already stored for another article; ids derive from "
                   "the content hash, so the same text under two article ids collides)")
    return reason


# the event_mentions view's columns, for selecting them by name (location last, as text)
_MENTION_VIEW_COLUMNS = ("event_id", "mention_id", "reason", "title", "outlet", "url", "published",
                         *(c for c in EVENT_COLUMNS if c not in ("event_id", "location")))


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def is_server_url(db: str | Path) -> bool:
    """True for a PostgreSQL URL (``postgresql://...`` or ``postgres://...``), False for a DuckDB path."""
    return isinstance(db, str) and db.lower().startswith(("postgresql://", "postgres://"))


def open_store(db: str | Path = "annales.duckdb", read_only: bool = False) -> "BaseStore":
    """The store ``db`` names: a PostgreSQL URL opens :class:`annales.store_pg.PgStore`, anything else
    (a file path, ``":memory:"``) the DuckDB :class:`Store`."""
    if is_server_url(db):
        from .store_pg import PgStore

        return PgStore(str(db), read_only=read_only)
    return Store(db, read_only=read_only)


class BaseStore:
    """What the DuckDB :class:`Store` and the PostgreSQL :class:`annales.store_pg.PgStore` share: the
    schema, the writes (one transaction each) and every query. SQL here is written once, with ``?``
    placeholders and types of the column specs; a backend supplies the connection (``con``, whose
    ``execute(sql, params)`` takes that SQL), the column types, transactions and bulk inserts."""

    path: str
    read_only: bool
    _DB_ERRORS: tuple[type[BaseException], ...] = ()  # the backend's errors: mapped to StoreError E030

    # -- backend hooks ---------------------------------------------------------------------

    @property
    def con(self):
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _column_type(self, spec_type: str) -> str:
        """A column spec's type (DuckDB's spelling, with any constraint) in this database's SQL."""
        return spec_type

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        raise NotImplementedError

    def _prepare(self, table: str, rows: list[dict]):
        """Rows of ``table`` (dicts keyed by column) -> what :meth:`_insert` takes."""
        raise NotImplementedError

    def _insert(self, table: str, data) -> None:
        """Insert prepared rows into ``table`` (inside the caller's transaction)."""
        raise NotImplementedError

    def _rows(self, sql: str, params: list | None = None) -> Iterator[dict]:
        """The rows of a query as dicts, fetched in chunks."""
        cur = self.con.cursor()  # a cursor of its own: safe beside other threads' queries
        try:
            cur.execute(sql, params or [])
            names = [d[0] for d in cur.description]
            while rows := cur.fetchmany(2048):
                for r in rows:
                    yield dict(zip(names, r))
        finally:
            cur.close()

    # -- lifecycle -------------------------------------------------------------------------

    def _all(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params).fetchall() if params else self.con.execute(sql).fetchall()

    def _init_schema(self) -> None:
        has_meta = self._all("SELECT count(*) FROM information_schema.tables "
                             "WHERE table_name = 'meta' AND table_schema = current_schema()")[0][0]
        if not has_meta and self.read_only and self.path != ":memory:":
            raise StoreError("E012", path=self.path,
                             reason="not an annales store (no meta table); code some articles first")
        if not self.read_only:
            with self._transaction():
                self._create_tables()
        rows = self._all("SELECT value FROM meta WHERE key = 'schema_version'")
        row = rows[0] if rows else None
        if row is None or row[0] != str(SCHEMA_VERSION):
            raise StoreError("E012", path=self.path, reason=(
                f"schema version {row[0] if row else None}, this annales expects {SCHEMA_VERSION}; "
                "re-create the store or use a matching annales version"))

    def _create_tables(self) -> None:
        con = self.con
        con.execute(f"CREATE TABLE IF NOT EXISTS meta (key {self._column_type('VARCHAR PRIMARY KEY')}, "
                    f"value {self._column_type('VARCHAR')})")
        for table, spec in TABLE_SPECS.items():
            cols = ", ".join(f"{_q(c)} {self._column_type(t)}" for c, t, _ in spec)
            con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({cols})")
        for table in ("events", "merged_events"):  # from schema 2 and 3
            con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS method VARCHAR DEFAULT 'rules'")
        con.execute("ALTER TABLE mentions ADD COLUMN IF NOT EXISTS sentence_start INTEGER")  # from schema 3
        con.execute(_MENTIONS_VIEW)
        con.execute("INSERT INTO meta SELECT 'schema_version', ? WHERE NOT EXISTS "
                    "(SELECT 1 FROM meta WHERE key = 'schema_version')", [str(SCHEMA_VERSION)])
        con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND value IN "
                    f"({', '.join('?' * len(_UPGRADABLE))})", [str(SCHEMA_VERSION), *_UPGRADABLE])

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction: committed at the end, rolled back on any error (the backend's
        errors become StoreError E030)."""
        if self.read_only:
            raise StoreError("E030", path=self.path, reason="store was opened read-only")
        try:
            with self._transaction():
                yield
        except self._DB_ERRORS as exc:
            raise StoreError("E030", path=self.path, reason=_write_reason(str(exc))) from exc

    def _prepared(self, rows: dict[str, list[dict]]) -> dict:
        try:
            return {table: self._prepare(table, r) for table, r in rows.items()}
        except (ValueError, TypeError, pa.ArrowException) as exc:
            raise StoreError("E030", path=self.path, reason=f"bad record: {exc}") from exc

    def coded_hashes(self, coder_version: str) -> dict[str, str]:
        """article_id -> content_hash of the articles already coded with ``coder_version``."""
        return dict(self._all("SELECT article_id, content_hash FROM articles WHERE coder_version = ?",
                              [coder_version]))

    def write_batch(self, items: Iterable[tuple[Article, list[Event], list[Mention]]],
                    coder_version: str) -> int:
        """Replace the rows of each article (by ``article_id``) with the new ones, in one transaction.

        Returns the number of events written. On any failure the transaction is rolled back:
        nothing of this batch is stored, earlier batches stay. An article given twice keeps
        its last version; an event id repeated within one article is written once.
        """
        if self.read_only:
            raise StoreError("E030", path=self.path, reason="store was opened read-only")
        try:
            ids, rows = batch_rows(items, coder_version)
        except (ValueError, TypeError) as exc:
            raise StoreError("E030", path=self.path, reason=f"bad record: {exc}") from exc
        if not ids:
            return 0
        data = self._prepared(rows)
        with self._writing():
            for table in ("events", "mentions", "articles"):
                self.con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            for table in ("articles", "events", "mentions"):
                self._insert(table, data[table])
        return len(rows["events"])

    def replace_merged(self, stories: Mapping[str, str], events: Iterable[MergedEvent],
                       links: Iterable[tuple[str, str, str]]) -> int:
        """Replace the derived tables (stories, merged_events, merge_links) in one transaction."""
        if self.read_only:
            raise StoreError("E030", path=self.path, reason="store was opened read-only")
        rows = merged_rows(stories, events, links)
        data = self._prepared(rows)
        with self._writing():
            for table in _DERIVED:
                self.con.execute(f"DELETE FROM {table}")
                self._insert(table, data[table])
        return len(rows["merged_events"])

    def add_story_vectors(self, vectors: Mapping) -> None:
        """Store new cache entries (keys already stored are left as they are)."""
        if self.read_only or not vectors:
            return
        with self._writing():
            known = {k for k, in self._all("SELECT key FROM story_vectors")}
            rows = [{"key": k, "vector": [float(x) for x in v]} for k, v in vectors.items() if k not in known]
            self._insert("story_vectors", self._prepared({"story_vectors": rows})["story_vectors"])

    def copy_to(self, other: "BaseStore", chunk: int = 50_000) -> dict[str, int]:
        """Copy every table of this store into ``other`` (replacing what it had) in one transaction of
        ``other``; returns the rows copied per table. ``annales export --format duckdb`` makes a DuckDB
        file of a PostgreSQL store this way."""
        counts = {}
        with other._writing():
            for table in TABLE_SPECS:
                other.con.execute(f"DELETE FROM {table}")
                rows = self._rows(f"SELECT {column_list(table, cast_json=True)} FROM {table}")
                counts[table] = 0
                while part := list(itertools.islice(rows, chunk)):
                    other._insert(table, other._prepared({table: part})[table])
                    counts[table] += len(part)
        return counts

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
        sql = f"SELECT {column_list('events', cast_json=True)} FROM events{clause} {_ORDER}"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        for row in self._rows(sql, params):
            yield unflatten_event(row)

    def query_events_arrow(self, where: dict | None = None) -> pa.Table:
        """All (or filtered) events as flat rows with :data:`EVENT_SCHEMA`, in :meth:`events` order."""
        clause, params = self._where(where)
        rows = list(self._rows(f"SELECT {column_list('events', cast_json=True)} FROM events{clause} {_ORDER}", params))
        return to_arrow(rows, EVENT_COLUMN_SPEC)

    def article_count(self) -> int:
        return self._all("SELECT count(*) FROM articles")[0][0]

    def stats(self, top: int = 10) -> dict:
        """Counts, events per CAMEO root (with label when known), top dyads and the event date span."""
        count = {t: self._all(f"SELECT count(*) FROM {t}")[0][0]
                 for t in ("articles", "events", "mentions", "merged_events")}
        roots = self._all("SELECT cameo_root, count(*) AS n FROM events GROUP BY 1 "
                          "ORDER BY n DESC, cameo_root")
        dyads = self._all(
            "SELECT source_code, target_code, count(*) AS n FROM events "
            "WHERE source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY 1, 2 "
            "ORDER BY n DESC, source_code, target_code LIMIT ?", [int(top)])
        lo, hi = self._all('SELECT min("date"), max("date") FROM events')[0]
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
        rows = list(self._rows(f"SELECT {column_list('events', cast_json=True)} FROM events {_ORDER}"))
        countries: dict[str, list[str]] = {}
        for aid, country in self._all("SELECT DISTINCT article_id, country FROM mentions "
                                      "WHERE country IS NOT NULL ORDER BY article_id, country"):
            countries.setdefault(aid, []).append(country)
        articles = {r["article_id"]: {"published": r["published"], "source": r["source"], "url": r["url"],
                                      "title": r["title"], "text": r["text"],
                                      "countries": countries.get(r["article_id"], [])}
                    for r in self._rows("SELECT article_id, published, source, url, title, text "
                                        "FROM articles ORDER BY article_id")}
        return rows, articles

    def story_vectors(self) -> dict:
        """The cache of article embeddings used by story clustering (key -> numpy vector)."""
        import numpy as np

        return {k: np.asarray(v, dtype=np.float32) for k, v in self._all("SELECT key, vector FROM story_vectors")}

    def merged_events(self, where: dict | None = None, limit: int | None = None) -> Iterator[MergedEvent]:
        """Merged events ordered by first publication, then id; ``where`` as in :meth:`events`
        but over ``merged_events`` columns."""
        clause, params = self._where(where, MERGED_COLUMNS)
        sql = (f"SELECT {column_list('merged_events', cast_json=True)} FROM merged_events{clause} "
               "ORDER BY first_published NULLS LAST, event_id")
        if limit is not None:
            sql += " LIMIT ?"
            params.append(int(limit))
        for row in self._rows(sql, params):
            yield _merged_from_row(row)

    def explain(self, event_id: str) -> tuple[MergedEvent, list[dict]] | None:
        """A merged event (given its id or the id of any record it merges) and its reports,
        each a dict of the ``event_mentions`` view; None when the id is unknown."""
        found = list(self._rows("SELECT event_id FROM merge_links WHERE mention_id = ? OR event_id = ? LIMIT 1",
                                [event_id, event_id]))
        if not found:
            return None
        merged = next(self.merged_events({"event_id": found[0]["event_id"]}), None)
        if merged is None:
            return None
        cols = ", ".join(_q(c) for c in _MENTION_VIEW_COLUMNS)
        mentions = list(self._rows(
            f'SELECT {cols}, "location"::VARCHAR AS "location" FROM event_mentions WHERE event_id = ? '
            "ORDER BY published NULLS LAST, article_id, sentence_index, trigger_start", [merged.event_id]))
        return merged, mentions


class Store(BaseStore):
    """Events store in DuckDB: tables articles, events, mentions. ``Store(":memory:")`` for tests.

    One writer at a time (the main process); opening a file another process holds raises
    :class:`StoreError` E012.
    """

    _DB_ERRORS = (duckdb.Error,)

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

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("E030", path=self.path, reason="store is closed")
        return self._con

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        con = self.con
        con.begin()
        try:
            yield
            con.commit()
        except BaseException:
            con.rollback()
            raise

    def _prepare(self, table: str, rows: list[dict]) -> pa.Table:
        return to_arrow(rows, TABLE_SPECS[table])

    def _insert(self, table: str, data: pa.Table) -> None:
        """INSERT all rows of an Arrow table (scanned in place by DuckDB) into ``table``."""
        if data.num_rows == 0:
            return
        name = f"_annales_{table}"
        cols = column_list(table)
        self.con.register(name, data)
        try:
            self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {name}")
        finally:
            with contextlib.suppress(duckdb.Error):
                self.con.unregister(name)

    def query_events_arrow(self, where: dict | None = None) -> pa.Table:
        """All (or filtered) events as flat rows with :data:`EVENT_SCHEMA`, in :meth:`events` order."""
        clause, params = self._where(where)
        rel = self.con.sql(f"SELECT {column_list('events', cast_json=True)} FROM events{clause} {_ORDER}",
                           params=params or None)
        table = rel.to_arrow_table() if hasattr(rel, "to_arrow_table") else rel.arrow()
        return table.cast(EVENT_SCHEMA)


def _merged_from_row(row: dict) -> MergedEvent:
    row = dict(row)
    for key in ("date", "first_published", "last_published"):
        row[key] = row[key].isoformat() if row[key] is not None else None
    row["location"] = json.loads(row["location"]) if row["location"] else None
    row["mention_ids"] = list(row["mention_ids"] or [])
    return MergedEvent(**row)

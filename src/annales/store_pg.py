"""The event store in PostgreSQL, for many users sharing one store: ``--db postgresql://user@host/db``.

:class:`PgStore` has the interface of the DuckDB :class:`annales.store.Store` and the same tables,
columns, view and schema version: everything but the connection, the column types, transactions and
bulk inserts is :class:`annales.store.BaseStore`, shared with DuckDB. Column types come from the
store's column specs through :func:`pg_type` (``VARCHAR`` -> ``text COLLATE "C"``, so text sorts
byte by byte as in DuckDB; ``JSON`` -> ``jsonb``; ``FLOAT[]`` -> ``real[]`` ...).

Writes are transactions as in DuckDB (``write_batch`` deletes and re-inserts an article's rows, with
COPY), and each takes a transaction-level advisory lock, so writers sharing a database (or a schema
of it: the tables go to the first schema on the search path, e.g.
``postgresql://host/db?options=-csearch_path%3Dnews``) take turns while readers never wait.

Requires psycopg 3 (``pip install 'annales[postgres]'``).
"""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Iterator

from .errors import StoreError
from .store import BaseStore, column_list, redact
from .store_rows import TABLE_SPECS

_PG_TYPES = {"VARCHAR": 'text COLLATE "C"', "INTEGER": "integer", "BIGINT": "bigint", "DOUBLE": "double precision",
             "DATE": "date", "BOOLEAN": "boolean", "JSON": "jsonb", "VARCHAR[]": "text[]", "FLOAT[]": "real[]",
             "TIMESTAMP": "timestamp"}
_cursor_ids = itertools.count()


def pg_type(spec_type: str) -> str:
    """A column spec's DuckDB type, with any constraint after it, in PostgreSQL:
    ``"VARCHAR PRIMARY KEY"`` -> ``'text COLLATE "C" PRIMARY KEY'``, ``"FLOAT[]"`` -> ``"real[]"``."""
    base, _, constraint = spec_type.partition(" ")
    return f"{_PG_TYPES[base.upper()]} {constraint}".rstrip()


def pg_sql(sql: str) -> str:
    """SQL written for DuckDB's ``?`` placeholders -> psycopg's ``%s`` (a literal ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PgConnection:
    """The psycopg connection with the DuckDB calls annales makes on ``store.con``: ``execute`` and
    ``executemany`` with ``?`` placeholders (without parameters the SQL is sent as it is)."""

    def __init__(self, raw):
        self.raw = raw

    def execute(self, sql: str, params=None):
        return self.raw.execute(sql) if params is None else self.raw.execute(pg_sql(sql), params)

    def executemany(self, sql: str, seq) -> None:
        with self.raw.cursor() as cur:
            cur.executemany(pg_sql(sql), seq)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class PgStore(BaseStore):
    """Events store in a PostgreSQL database; see the module docstring."""

    def __init__(self, url: str, read_only: bool = False):
        self.path = redact(url)
        self.read_only = read_only
        self._con = None
        try:
            import psycopg
        except ImportError:
            raise StoreError("E012", path=self.path, reason=(
                "psycopg is not installed; pip install 'annales[postgres]' (or 'psycopg[binary]')")) from None
        self._DB_ERRORS = (psycopg.Error,)
        options = {} if "connect_timeout" in url else {"connect_timeout": 10}
        try:
            raw = psycopg.connect(url, autocommit=True, **options)
        except psycopg.Error as exc:
            reason = " ".join(str(exc).split()) or exc.__class__.__name__
            raise StoreError("E012", path=self.path, reason=(
                f"{reason} (is the PostgreSQL server running, and are the URL's host, port, user, password and "
                "database right? scripts/start-postgres.sh starts a throwaway server for trying)")) from exc
        self._con = PgConnection(raw)
        try:
            if read_only:
                raw.execute("SET default_transaction_read_only = on")
            self._init_schema()
        except psycopg.Error as exc:
            raw.close()
            raise StoreError("E012", path=self.path, reason=" ".join(str(exc).split())) from exc
        except BaseException:
            raw.close()
            raise

    def close(self) -> None:
        if self._con is not None:
            self._con.raw.close()
            self._con = None

    @property
    def con(self) -> PgConnection:
        if self._con is None:
            raise StoreError("E030", path=self.path, reason="store is closed")
        return self._con

    def _column_type(self, spec_type: str) -> str:
        return pg_type(spec_type)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        raw = self.con.raw
        with raw.transaction():
            # writers of one schema take turns (readers never wait): re-coding the same article or
            # rebuilding the merged events from two processes at once would otherwise collide
            raw.execute("SELECT pg_advisory_xact_lock(hashtext('annales:' || coalesce(current_schema(), '')))")
            yield

    def _prepare(self, table: str, rows: list[dict]) -> list[tuple]:
        names = [c for c, _, _ in TABLE_SPECS[table]]
        return [tuple(r[c] for c in names) for r in rows]

    def _insert(self, table: str, data: list[tuple]) -> None:
        """COPY the rows into ``table``."""
        if not data:
            return
        with self.con.raw.cursor() as cur, cur.copy(f"COPY {table} ({column_list(table)}) FROM STDIN") as copy:
            for row in data:
                copy.write_row(row)

    def _all(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or None).fetchall()

    def _rows(self, sql: str, params: list | None = None) -> Iterator[dict]:
        """A server-side cursor (in a read transaction), so a large export is never held in memory."""
        raw = self.con.raw
        with raw.transaction(), raw.cursor(name=f"annales_{next(_cursor_ids)}") as cur:
            cur.itersize = 2048
            cur.execute(pg_sql(sql) if params else sql, params or None)
            names = [d.name for d in cur.description]
            while rows := cur.fetchmany(2048):
                for r in rows:
                    yield dict(zip(names, r))

"""SQL for the explorer API (:mod:`annales.api`): filters -> parameterised WHERE clauses, and the
list, detail and aggregate queries over the store.

Every value a request carries travels as a query parameter. The only SQL pieces a request chooses
(the table, the sort column, the period unit, the actor key) are picked from fixed whitelists in
this module, never spliced from its text. Each function takes a DuckDB cursor, so the API can give
each request its own.

A text search (``q``) reads :class:`TextIndex` when the API has one ready: every record's sentence,
lower-cased once, in an in-memory database beside the store, searched with ``contains``; without it
(still building, or just invalidated by a write) it scans the sentences with ``ILIKE``. Both give the
same answer.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import threading
import time
from dataclasses import dataclass
from datetime import date

from .store_rows import EVENT_COLUMNS, MERGED_COLUMNS, lookup_cameo_label, unflatten_event

TABLES = {"merged": "merged_events", "records": "events"}
INTERVALS = ("day", "week", "month", "year")
SORTS = {
    "merged": ("date", "first_published", "last_published", "goldstein", "quad_class", "num_mentions",
               "num_articles", "num_sources", "confidence", "cameo", "source_code", "target_code", "event_id"),
    "records": ("date", "goldstein", "quad_class", "confidence", "cameo", "source_code", "target_code",
                "event_id", "article_id", "sentence_index"),
}
ACTOR_KEYS = {"code": "{p}_code", "country": "coalesce({p}_country, {p}_code)"}


@dataclass(frozen=True)
class Filters:
    """What a request selects; all validated by the API before they get here."""

    start: date | None = None
    end: date | None = None
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: tuple[str, str] | None = None
    root: str | None = None
    code: str | None = None
    plover: str | None = None
    quad: int | None = None
    place: str | None = None
    q: str | None = None
    min_mentions: int | None = None
    method: str | None = None  # "rules" or "learned"
    min_confidence: float | None = None  # the chance a reader judges the event right (annales.confidence)
    level: str = "merged"
    text_index: str | None = None  # a TextIndex's table (set by the API, never from a request)

    @property
    def table(self) -> str:
        return TABLES[self.level]


def _q(name: str) -> str:
    return f'"{name}"'


def _side(prefix: str, value: str, params: list) -> str:
    """An actor matches one side: its code starts with ``value``, or its country is ``value``."""
    params += [value, value]
    return f"(starts_with({prefix}_code, ?) OR {prefix}_country = ?)"


def like_pattern(text: str) -> str:
    """``%text%`` for ILIKE ... ESCAPE '\\', with the user's own ``%``, ``_`` and ``\\`` taken literally."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def place_locations(cur, table: str, place: str) -> list[str]:
    """The distinct location JSON texts of ``table`` whose name or admin1 is ``place`` (case-insensitive)
    or whose country is ``place``: matched in Python over the few distinct values, so that the rows are
    then selected by plain string comparison instead of parsing every row's JSON."""
    cur.execute(f"SELECT DISTINCT location::VARCHAR FROM {table} WHERE location IS NOT NULL")
    want = place.casefold()
    out = []
    for (text,) in cur.fetchall():
        try:
            loc = json.loads(text)
        except ValueError:
            continue
        if not isinstance(loc, dict):
            continue
        if any(isinstance(loc.get(k), str) and loc[k].casefold() == want for k in ("name", "admin1", "country")):
            out.append(text)
    return out


def where(f: Filters, cur) -> tuple[str, list]:
    """`` WHERE ...`` (or "") and its parameters, for ``f.table`` (``cur`` resolves ``place``)."""
    c: list[str] = []
    p: list = []
    if f.start is not None:
        c.append('"date" >= ?')
        p.append(f.start)
    if f.end is not None:
        c.append('"date" <= ?')
        p.append(f.end)
    if f.actor:
        c.append(f"({_side('source', f.actor, p)} OR {_side('target', f.actor, p)})")
    if f.source:
        c.append(_side("source", f.source, p))
    if f.target:
        c.append(_side("target", f.target, p))
    if f.dyad:
        a, b = f.dyad
        c.append(f"(({_side('source', a, p)} AND {_side('target', b, p)}) OR "
                 f"({_side('source', b, p)} AND {_side('target', a, p)}))")
    if f.root:
        c.append("cameo_root = ?")
        p.append(f.root)
    if f.code:
        c.append("starts_with(cameo, ?)")
        p.append(f.code)
    if f.plover:
        c.append("plover = ?")
        p.append(f.plover)
    if f.quad is not None:
        c.append("quad_class = ?")
        p.append(f.quad)
    if f.place:
        c.append("location::VARCHAR IN (SELECT unnest(?::VARCHAR[]))")
        p.append(place_locations(cur, f.table, f.place))
    if f.q:
        if f.text_index and _INDEX_NAME.match(f.text_index):
            # lower(sentence) contains lower(q): what ILIKE '%q%' means, without its wildcards
            key = "merged_id" if f.level == "merged" else "record_id"
            c.append(f"event_id IN (SELECT {key} FROM {f.text_index} WHERE contains(text_lc, lower(?)))")
            p.append(f.q)
        elif f.level == "merged":  # any report's sentence, not only the first one's
            c.append("event_id IN (SELECT l.event_id FROM merge_links l JOIN events e ON e.event_id = l.mention_id "
                     "WHERE e.sentence ILIKE ? ESCAPE '\\')")
            p.append(like_pattern(f.q))
        else:
            c.append("sentence ILIKE ? ESCAPE '\\'")
            p.append(like_pattern(f.q))
    if f.method:
        c.append("method = ?")
        p.append(f.method)
    if f.min_confidence is not None:
        c.append("confidence >= ?")
        p.append(f.min_confidence)
    if f.min_mentions is not None:
        if f.level == "merged":
            c.append("num_mentions >= ?")
        else:
            c.append("event_id IN (SELECT l.mention_id FROM merge_links l JOIN merged_events m "
                     "ON m.event_id = l.event_id WHERE m.num_mentions >= ?)")
        p.append(f.min_mentions)
    return (" WHERE " + " AND ".join(c) if c else ""), p


_INDEX_NAME = re.compile(r"^annales_text_[0-9]+\.sentences_[0-9]+$")
_INDEX_SEQ = itertools.count(1)
log = logging.getLogger(__name__)


class TextIndex:
    """Every record's sentence lower-cased, for ``q``: one row per record (``record_id``, its merged
    event ``merged_id``, ``text_lc``) in an in-memory database attached to the store's DuckDB instance,
    so every cursor of it can read the table.

    ``cursor`` gives a new cursor of the store's connection. :meth:`build` (or :meth:`start`, in a
    thread) makes a table and publishes its name; :meth:`table` is that name, or None while there is
    none that matches the store. Whoever writes the store's events, merge links or sentences calls
    :meth:`invalidate` before writing and :meth:`build` after: a search then scans until the new table
    is published. A superseded table is dropped only when the next one is published, so that a query
    that picked its name just before an invalidation still finds it.
    """

    def __init__(self, cursor):
        self._cursor = cursor
        self.alias = f"annales_text_{next(_INDEX_SEQ)}"
        self._lock = threading.Lock()
        self._gen = 0  # bumped by invalidate(); a build publishes only if it is still current
        self._table: str | None = None
        self._old: list[str] = []  # earlier tables, dropped once a later one is published
        self._thread: threading.Thread | None = None
        self._building: set = set()  # cursors of builds in progress (interrupted by close)
        self._closed = False
        self._attached = False
        self.seconds: float | None = None  # how long the last build took
        self.rows: int | None = None

    def table(self) -> str | None:
        return self._table

    def invalidate(self) -> None:
        with self._lock:
            self._gen += 1
            if self._table:
                self._old.append(self._table)
            self._table = None

    def build(self) -> bool:
        """Build the table for the store as it is now and publish it; False when that failed, was
        overtaken by an :meth:`invalidate`, or the index is closed (searches then keep scanning)."""
        with self._lock:
            if self._closed:
                return False
            gen = self._gen
        try:
            cur = self._cursor()
        except Exception:  # noqa: BLE001 - the store is closing
            return False
        with self._lock:
            self._building.add(cur)
        name = f"{self.alias}.sentences_{next(_INDEX_SEQ)}"
        t = time.perf_counter()
        try:
            cur.execute("SET enable_progress_bar = false")  # this cursor's own setting: no bar on stdout
            if not self._attached:
                cur.execute(f"ATTACH IF NOT EXISTS ':memory:' AS {self.alias} (READ_WRITE)")
                self._attached = True
            cur.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT e.event_id AS record_id, "
                        "l.event_id AS merged_id, lower(e.sentence) AS text_lc "
                        "FROM events e LEFT JOIN merge_links l ON l.mention_id = e.event_id")
            rows = cur.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0]
        except Exception as exc:  # noqa: BLE001 - a missing index only makes searches slower
            if not self._closed:
                log.warning("text index not built (searches scan the sentences): %s", exc)
            return False
        finally:
            with self._lock:
                self._building.discard(cur)
            cur.close()
        with self._lock:
            if gen != self._gen or self._closed:
                stale, publish = [name], False
            else:
                stale, self._old = self._old, ([self._table] if self._table else [])
                self._table, publish = name, True
                self.seconds, self.rows = time.perf_counter() - t, rows
        self._drop([x for x in stale if x != self._table])
        return publish

    def _drop(self, names: list[str]) -> None:
        if not names or self._closed:
            return
        try:
            cur = self._cursor()
            try:
                for n in names:
                    cur.execute(f"DROP TABLE IF EXISTS {n}")
            finally:
                cur.close()
        except Exception:  # noqa: BLE001 - dropping is tidying; the store may be closing
            pass

    def start(self) -> None:
        """Build in a background thread (searches scan until it is done)."""
        with self._lock:
            if self._closed or (self._thread is not None and self._thread.is_alive()):
                return
            self._thread = threading.Thread(target=self.build, name=self.alias, daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a background build; True when a table is published."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return self._table is not None

    def close(self) -> None:
        """Stop a build in progress and forget the table (before the store's connection closes)."""
        with self._lock:
            self._closed = True
            self._table = None
            for cur in self._building:
                try:
                    cur.interrupt()
                except Exception:  # noqa: BLE001
                    pass
        if self._thread is not None:
            self._thread.join(30)
        if self._attached:  # free the memory now, even if another connection keeps the store open
            try:
                cur = self._cursor()
                try:
                    cur.execute(f"DETACH DATABASE IF EXISTS {self.alias}")
                finally:
                    cur.close()
            except Exception:  # noqa: BLE001
                pass


def _iso(v):
    return v.isoformat() if isinstance(v, date) else v


def _rows(cur, sql: str, params: list) -> list[dict]:
    cur.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _select(columns) -> str:
    return ", ".join(f"{_q(c)}::VARCHAR AS location" if c == "location" else _q(c) for c in columns)


def merged_item(row: dict) -> dict:
    """A merged_events row -> ``MergedEvent.to_dict()`` shape, plus ``cameo_label``."""
    out = {k: _iso(v) for k, v in row.items()}
    out["location"] = json.loads(row["location"]) if row.get("location") else None
    out["mention_ids"] = list(row.get("mention_ids") or [])
    out["cameo_label"] = lookup_cameo_label(row.get("cameo"))
    return out


def record_item(row: dict) -> dict:
    """An events row -> the nested event record of docs/schema.md, plus ``cameo_label``."""
    out = unflatten_event(row).to_dict()
    out["cameo_label"] = lookup_cameo_label(row.get("cameo"))
    return out


def events_page(cur, f: Filters, sort: str | None, order: str, limit: int, offset: int) -> tuple[int, list[dict]]:
    """One page of events (sorted, undated last) and how many match in all."""
    clause, params = where(f, cur)
    direction = "ASC" if order == "asc" else "DESC"
    key = sort if sort in SORTS[f.level] else "date"
    order_by = f"{_q(key)} {direction} NULLS LAST, event_id {direction}"
    # The page's ids first (sorting narrow rows), then their full rows by primary key. A text search
    # costs a scan of every sentence, so it counts in the same pass; otherwise counting is cheap.
    total_col = ", count(*) OVER () AS total" if f.q else ""
    page = _rows(cur, f"SELECT event_id{total_col} FROM {f.table}{clause} ORDER BY {order_by} LIMIT ? OFFSET ?",
                 [*params, limit, offset])
    if page and f.q:
        total = page[0]["total"]
    else:
        total = _rows(cur, f"SELECT count(*) AS n FROM {f.table}{clause}", params)[0]["n"]
    ids = [r["event_id"] for r in page]
    if not ids:
        return total, []
    columns = MERGED_COLUMNS if f.level == "merged" else EVENT_COLUMNS
    rows = _rows(cur, f"SELECT {_select(columns)} FROM {f.table} WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                 [ids])
    by_id = {r["event_id"]: r for r in rows}
    # an id of a text index built before a record was replaced is skipped (the index is rebuilt after writes)
    return total, [merged_item(by_id[i]) if f.level == "merged" else record_item(by_id[i]) for i in ids if i in by_id]


def event_detail(cur, event_id: str) -> dict | None:
    """A merged event (by its id or any of its records' ids) and every report of it, or None."""
    # a merged event's id is its first record's id, so one primary-key lookup finds either
    found = _rows(cur, "SELECT event_id FROM merge_links WHERE mention_id = ?", [event_id])
    if not found:
        return None
    eid = found[0]["event_id"]
    rows = _rows(cur, f"SELECT {_select(MERGED_COLUMNS)} FROM merged_events WHERE event_id = ?", [eid])
    if not rows:
        return None
    # the event_mentions view, read by key in three small lookups rather than by joining whole tables
    links = {r["mention_id"]: r["reason"] for r in
             _rows(cur, "SELECT mention_id, reason FROM merge_links WHERE event_id = ?", [eid])}
    records = _rows(cur, f"SELECT {_select(EVENT_COLUMNS)} FROM events WHERE event_id IN "
                         "(SELECT unnest(?::VARCHAR[]))", [list(links)])
    articles = {r["article_id"]: r for r in _rows(
        cur, "SELECT article_id, title, source AS outlet, url, published FROM articles WHERE article_id IN "
             "(SELECT unnest(?::VARCHAR[]))", [sorted({r["article_id"] for r in records})])}
    mentions = []
    for rec in records:
        art = articles.get(rec["article_id"]) or {}
        m = {"event_id": eid, "mention_id": rec["event_id"], "record_id": rec["event_id"],
             "reason": links.get(rec["event_id"]), "title": art.get("title"), "outlet": art.get("outlet"),
             "url": art.get("url"), "published": _iso(art.get("published")),
             **{k: _iso(v) for k, v in rec.items() if k != "event_id"}}
        m["location"] = json.loads(m["location"]) if m.get("location") else None
        mentions.append(m)
    mentions.sort(key=lambda m: (m["published"] is None, m["published"] or "", m["article_id"],
                                 m["sentence_index"] or 0, m["trigger_start"] or 0, m["mention_id"]))
    return {"event": merged_item(rows[0]), "mentions": mentions}


_QUADS = ", ".join(f"count(*) FILTER (WHERE quad_class = {i}) AS q{i}" for i in (1, 2, 3, 4))


def _period(interval: str) -> str:
    if interval not in INTERVALS:
        raise ValueError(f"interval {interval!r}")
    return f"date_trunc('{interval}', \"date\")::DATE"


def counts(cur, f: Filters, interval: str) -> list[dict]:
    """Events per period (undated events are left out; periods without events are absent)."""
    clause, params = where(f, cur)
    clause = (clause + " AND" if clause else " WHERE") + ' "date" IS NOT NULL'
    rows = _rows(cur, f"SELECT {_period(interval)} AS period, count(*) AS total, {_QUADS} "
                      f"FROM {f.table}{clause} GROUP BY ALL ORDER BY period", params)
    return [{**r, "period": r["period"].isoformat()} for r in rows]


def dyad_series(cur, f: Filters, a: str, b: str | None, interval: str) -> list[dict]:
    """Per period: events between ``a`` and ``b`` in either direction (or involving ``a`` when ``b`` is
    None), with the sum and mean of their Goldstein values and the QuadClass counts."""
    clause, params = where(f, cur)
    p: list = []
    if b is None:
        cond = f"({_side('source', a, p)} OR {_side('target', a, p)})"
    else:
        cond = (f"(({_side('source', a, p)} AND {_side('target', b, p)}) OR "
                f"({_side('source', b, p)} AND {_side('target', a, p)}))")
    clause = (clause + " AND" if clause else " WHERE") + f' "date" IS NOT NULL AND {cond}'
    rows = _rows(cur, f"SELECT {_period(interval)} AS period, count(*) AS events, "
                      f"sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean, {_QUADS} "
                      f"FROM {f.table}{clause} GROUP BY ALL ORDER BY period", [*params, *p])
    return [{**r, "period": r["period"].isoformat(), "goldstein_sum": round(r["goldstein_sum"] or 0.0, 3),
             "goldstein_mean": round(r["goldstein_mean"], 3) if r["goldstein_mean"] is not None else None}
            for r in rows]


def _keys(by: str) -> tuple[str, str]:
    tpl = ACTOR_KEYS[by]
    return tpl.format(p="source"), tpl.format(p="target")


def top_actors(cur, f: Filters, by: str, limit: int | None, only: list[str] | None = None) -> list[dict]:
    """Actors by the number of events they take part in (as source or target; an event whose two sides
    are the same actor counts once), with their mean Goldstein."""
    clause, params = where(f, cur)
    sk, tk = _keys(by)
    sql = (f"WITH f AS (SELECT {sk} AS sk, {tk} AS tk, goldstein FROM {f.table}{clause}), "
           "s AS (SELECT sk AS actor, goldstein, 1 AS src, 0 AS tgt, 1 AS n FROM f WHERE sk IS NOT NULL "
           "UNION ALL SELECT tk, goldstein, 0, 1, CASE WHEN tk = sk THEN 0 ELSE 1 END FROM f WHERE tk IS NOT NULL) "
           "SELECT actor, sum(n)::BIGINT AS events, sum(src)::BIGINT AS as_source, sum(tgt)::BIGINT AS as_target, "
           "avg(goldstein) AS goldstein_mean FROM s" + (" WHERE actor IN (SELECT unnest(?::VARCHAR[]))" if only else "")
           + " GROUP BY actor ORDER BY events DESC, actor")
    if only:
        params = [*params, only]
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    rows = _rows(cur, sql, params)
    for r in rows:
        r["goldstein_mean"] = round(r["goldstein_mean"], 3) if r["goldstein_mean"] is not None else None
    return rows


def top_dyads(cur, f: Filters, by: str, limit: int, *, self_loops: bool = True) -> list[dict]:
    """Directed (source, target) pairs by their number of events, with mean Goldstein and QuadClass counts."""
    clause, params = where(f, cur)
    sk, tk = _keys(by)
    extra = "" if self_loops else " AND sk <> tk"
    rows = _rows(cur, f"WITH f AS (SELECT {sk} AS sk, {tk} AS tk, goldstein, quad_class FROM {f.table}{clause}) "
                      f"SELECT sk AS source, tk AS target, count(*) AS events, avg(goldstein) AS goldstein_mean, "
                      f"{_QUADS} FROM f WHERE sk IS NOT NULL AND tk IS NOT NULL{extra} "
                      "GROUP BY ALL ORDER BY events DESC, source, target LIMIT ?", [*params, limit])
    for r in rows:
        r["goldstein_mean"] = round(r["goldstein_mean"], 3) if r["goldstein_mean"] is not None else None
    return rows


def network(cur, f: Filters, by: str, limit: int) -> dict:
    """The ``limit`` busiest directed edges between different actors, and their actors as nodes (with
    the number of events each takes part in). An edge is cooperative when its mean Goldstein is > 0."""
    edges = top_dyads(cur, f, by, limit, self_loops=False)
    for e in edges:
        e["cooperation"] = (e["goldstein_mean"] or 0) > 0
    ids = {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = [{"id": r["actor"], "events": r["events"], "goldstein_mean": r["goldstein_mean"]}
             for r in top_actors(cur, f, by, None, sorted(ids))] if ids else []
    return {"nodes": nodes, "edges": edges}


def places(cur, f: Filters, limit: int) -> list[dict]:
    """Located events per place (name and country), with their coordinates and mention counts. Rows are
    grouped by their location JSON first, so only the distinct locations are parsed."""
    clause, params = where(f, cur)
    clause = (clause + " AND" if clause else " WHERE") + " location IS NOT NULL"
    mentions = "num_mentions" if f.level == "merged" else "1"
    rows = _rows(cur, f"WITH g AS MATERIALIZED (SELECT location::VARCHAR AS l, count(*) AS n, sum({mentions}) AS m "
                      f"FROM {f.table}{clause} GROUP BY 1), "
                      "p AS (SELECT l->>'$.name' AS name, l->>'$.country' AS country, l->>'$.admin1' AS admin1, "
                      "l->>'$.precision' AS precision, TRY_CAST(l->>'$.lat' AS DOUBLE) AS lat, "
                      "TRY_CAST(l->>'$.lon' AS DOUBLE) AS lon, n, m FROM g) "
                      "SELECT name, country, any_value(admin1) AS admin1, any_value(precision) AS precision, "
                      "sum(lat * n) / sum(n) FILTER (WHERE lat IS NOT NULL) AS lat, "
                      "sum(lon * n) / sum(n) FILTER (WHERE lon IS NOT NULL) AS lon, "
                      "sum(n)::BIGINT AS events, sum(m)::BIGINT AS mentions "
                      "FROM p WHERE name IS NOT NULL OR country IS NOT NULL "
                      "GROUP BY name, country ORDER BY events DESC, name NULLS LAST, country LIMIT ?",
                 [*params, limit])
    for r in rows:
        for k in ("lat", "lon"):
            r[k] = round(r[k], 5) if r[k] is not None else None
    return rows


def meta(cur) -> dict:
    """Counts, the date span and the values present, for the page's filter controls."""
    n = {t: _rows(cur, f"SELECT count(*) AS n FROM {t}", [])[0]["n"]
         for t in ("articles", "events", "mentions", "merged_events")}
    span = _rows(cur, 'SELECT min("date") AS lo, max("date") AS hi, min(first_published) AS plo, '
                      "max(last_published) AS phi FROM merged_events", [])[0]
    roots = _rows(cur, "SELECT cameo_root AS root, count(*) AS events FROM merged_events GROUP BY 1 ORDER BY 1", [])
    plover = _rows(cur, "SELECT plover AS type, count(*) AS events FROM merged_events WHERE plover IS NOT NULL "
                        "GROUP BY 1 ORDER BY 1", [])
    return {
        "counts": {"articles": n["articles"], "records": n["events"], "actor_mentions": n["mentions"],
                   "events": n["merged_events"]},
        "date_span": {"start": _iso(span["lo"]), "end": _iso(span["hi"])},
        "published_span": {"start": _iso(span["plo"]), "end": _iso(span["phi"])},
        "roots_present": roots,
        "plover_present": plover,
    }

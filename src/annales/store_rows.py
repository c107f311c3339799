"""The store's tables as columns and rows, with no database: the column specs of every table (name, DuckDB type,
Arrow type), from which both backends and the Spark job build their schemas, and the rows written to them.

Events are stored flat, one column per field (``source_code``, ``trigger_start``...); :func:`flatten_event` /
:func:`unflatten_event` map an :class:`Event` to such a row and back, and :func:`events_to_arrow` builds a pyarrow
table of them (the exporters reuse all three). :func:`batch_rows` and :func:`merged_rows` are the rows a batch of
coded articles and a merge store (:class:`annales.store.BaseStore`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date, datetime, timezone

import pyarrow as pa

from .errors import AnnalesError
from .records import Actor, Article, Event, Mention, MergedEvent, Trigger

_ACTOR_FIELDS = ("text", "start", "end", "code", "country", "sector", "name")
_ACTOR_TYPES = {"start": ("INTEGER", pa.int32()), "end": ("INTEGER", pa.int32())}


def _actor_columns(prefix: str) -> list[tuple[str, str, pa.DataType]]:
    return [(f"{prefix}_{f}", *_ACTOR_TYPES.get(f, ("VARCHAR", pa.string()))) for f in _ACTOR_FIELDS]


# the action's codes, in events and merged_events alike
_ACTION_COLUMNS: list[tuple[str, str, pa.DataType]] = [
    ("cameo", "VARCHAR", pa.string()),
    ("cameo_root", "VARCHAR", pa.string()),
    ("plover", "VARCHAR", pa.string()),
    ("plover_mode", "VARCHAR", pa.string()),
    ("quad_class", "INTEGER", pa.int32()),
    ("goldstein", "DOUBLE", pa.float64()),
]
# (column, DuckDB type, Arrow type) for the flat event row, in table order.
EVENT_COLUMN_SPEC: list[tuple[str, str, pa.DataType]] = [
    ("event_id", "VARCHAR PRIMARY KEY", pa.string()),
    ("article_id", "VARCHAR NOT NULL", pa.string()),
    ("sentence_index", "INTEGER", pa.int32()),
    ("sentence_start", "INTEGER", pa.int32()),
    ("sentence", "VARCHAR", pa.string()),
    *_actor_columns("source"),
    *_actor_columns("target"),
    *_ACTION_COLUMNS,
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
    ("method", "VARCHAR", pa.string()),  # schema 3
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
    ("sentence_start", "INTEGER", pa.int32()),  # schema 4: the actor's start/end count from it
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
    *_ACTION_COLUMNS,
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
    ("method", "VARCHAR", pa.string()),  # schema 4
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
TABLE_SPECS = {"articles": ARTICLE_COLUMN_SPEC, "events": EVENT_COLUMN_SPEC, "mentions": MENTION_COLUMN_SPEC,
               "stories": STORY_COLUMN_SPEC, "merged_events": MERGED_COLUMN_SPEC, "merge_links": LINK_COLUMN_SPEC,
               "story_vectors": VECTOR_COLUMN_SPEC}


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
        confidence=e.confidence, coder_version=e.coder_version, method=e.method,
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
        sentence_start=row.get("sentence_start") or 0, method=row.get("method") or "rules",
    )


def to_arrow(rows: list[dict], spec) -> pa.Table:
    """Rows -> a pyarrow table of the columns and Arrow types of ``spec``."""
    return pa.table({c: pa.array([r[c] for r in rows], type=t) for c, _, t in spec})


def events_to_arrow(events: Iterable[Event]) -> pa.Table:
    """Events -> pyarrow table with :data:`EVENT_SCHEMA` (``cameo`` stays a string)."""
    return to_arrow([flatten_event(e) for e in events], EVENT_COLUMN_SPEC)


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


def batch_rows(items: Iterable[tuple[Article, list[Event], list[Mention]]],
               coder_version: str) -> tuple[list[str], dict[str, list[dict]]]:
    """What :meth:`BaseStore.write_batch` stores: the batch's article ids and its rows per table
    (``articles``, ``events``, ``mentions``). An article given twice keeps its last version; an event
    id repeated within one article is kept once. ValueError for a record that cannot be stored."""
    batch: dict[str, tuple[Article, list[Event], list[Mention]]] = {}
    for article, events, mentions in items:
        batch[article.id] = (article, list(events), list(mentions))
    coded_at = datetime.now(timezone.utc).replace(tzinfo=None)
    rows: dict[str, list[dict]] = {"articles": [], "events": [], "mentions": []}
    owner: dict[str, str] = {}  # event_id -> article_id, to catch collisions before writing
    for aid, (a, events, mentions) in batch.items():
        rows["articles"].append({
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
            rows["events"].append(flatten_event(e))
        for m in mentions:
            rows["mentions"].append(m.to_dict())
    return list(batch), rows


def merged_rows(stories: Mapping[str, str], events: Iterable[MergedEvent],
                links: Iterable[tuple[str, str, str]]) -> dict[str, list[dict]]:
    """The rows of the derived tables (stories, merged_events, merge_links) that
    :meth:`BaseStore.replace_merged` stores."""
    merged = []
    for e in events:
        row = e.to_dict()
        row["date"] = _parse_date(row["date"])
        row["first_published"] = _parse_date(row["first_published"])
        row["last_published"] = _parse_date(row["last_published"])
        row["location"] = json.dumps(row["location"], ensure_ascii=False) if row["location"] else None
        merged.append(row)
    return {"stories": [{"article_id": a, "story_id": s} for a, s in sorted(stories.items())],
            "merged_events": merged,
            "merge_links": [{"mention_id": m, "event_id": e, "reason": r} for m, e, r in links]}

"""Merge coded records that report the same real-world event, so counts are events, not reports.

The rule, applied in a fixed order so the result never depends on input order:

1. **Same story.** Both records come from articles of one story (:mod:`annales.stories`), or from
   one article.
2. **Same dyad.** Sources agree and targets agree: the same code, or the same country where one side
   names no sector ("Syria" and "Syrian forces" agree; "Syrian forces" and "Syrian rebels" do not);
   both targetless, or both with a target.
3. **Compatible action.** The same CAMEO root and the same negation.
4. **Compatible dates.** The periods the dates stand for overlap: a day, a month, a year; a date
   taken from the publication (no time expression) stands for the ``inferred_days`` before it.
   The event keeps the intersection, so two strikes on different named days stay two events.

Records are visited by (publication date, article id, sentence, trigger offset). Each joins the
first open event it is compatible with, else opens one; the event's id is its first record's id.
Every joined record gets a one-line reason, shown by ``annales explain``.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable, Mapping

from .records import MergedEvent

__all__ = ["MergeResult", "merge_records", "merge_store", "period"]

_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
_LOC_RANK = {"city": 0, "region": 1, "country": 2}


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def period(row: Mapping, inferred_days: int = 2) -> tuple[date, date] | None:
    """The first and last day a record's date stands for, or None when it has no date."""
    d = _as_date(row.get("date"))
    if d is None:
        return None
    if row.get("date_inferred"):
        return d - timedelta(days=inferred_days), d
    precision = row.get("date_precision") or "day"
    if precision == "year":
        return date(d.year, 1, 1), date(d.year, 12, 31)
    if precision == "month":
        nxt = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
        return date(d.year, d.month, 1), nxt - timedelta(days=1)
    return d, d


def _same_actor(row: Mapping, other: Mapping, prefix: str) -> bool:
    code, ocode = row.get(f"{prefix}_code"), other.get(f"{prefix}_code")
    if code == ocode:
        return True
    country, ocountry = row.get(f"{prefix}_country"), other.get(f"{prefix}_country")
    if not country or country != ocountry:
        return False
    sector, osector = row.get(f"{prefix}_sector"), other.get(f"{prefix}_sector")
    return not sector or not osector or sector == osector


def _dyad(row: Mapping) -> str:
    def side(prefix):
        return row.get(f"{prefix}_code") or row.get(f"{prefix}_country") or "-"
    return f"{side('source')}->{side('target')}" if row.get("target_code") or row.get("target_country") \
        else side("source")


@dataclass
class _Open:
    first: Mapping
    rows: list = field(default_factory=list)
    span: tuple[date, date] | None = None
    undated: bool = True

    def accepts(self, row: Mapping, span) -> tuple[bool, tuple | None]:
        f = self.first
        if (row["cameo_root"] != f["cameo_root"] or bool(row.get("negated")) != bool(f.get("negated"))
                or (row.get("target_code") is None) != (f.get("target_code") is None)):
            return False, None
        if not all(_same_actor(row, r, p) for r in self.rows for p in ("source", "target")):
            return False, None
        if span is None or self.span is None:
            return True, self.span or span
        lo, hi = max(span[0], self.span[0]), min(span[1], self.span[1])
        return (lo <= hi), (lo, hi)


@dataclass
class MergeResult:
    """Merged events, and for every record the event it joined and why."""

    events: list[MergedEvent]
    links: list[tuple[str, str, str]]  # (record id, event id, reason)


def merge_records(rows: Iterable[Mapping], stories: Mapping[str, str] | None = None,
                  articles: Mapping[str, Mapping] | None = None, *, inferred_days: int = 2) -> MergeResult:
    """Merge flat event rows (the store's ``events`` columns) into real-world events.

    ``stories`` maps article id -> story id (an article missing from it is a story of its own);
    ``articles`` maps article id -> ``{"published", "source", "url"}``.
    """
    stories = stories or {}
    articles = articles or {}

    def order(r):
        pub = _as_date((articles.get(r["article_id"]) or {}).get("published"))
        return (pub or date.max, r["article_id"], r.get("sentence_index") or 0, r.get("trigger_start") or 0,
                r["event_id"])

    groups: dict[tuple, list] = defaultdict(list)
    for r in rows:
        story = stories.get(r["article_id"]) or f"article:{r['article_id']}"
        groups[(story, r["cameo_root"])].append(r)

    events: list[MergedEvent] = []
    links: list[tuple[str, str, str]] = []
    for (story, _root), members in sorted(groups.items()):
        opened: list[_Open] = []
        for r in sorted(members, key=order):
            span = period(r, inferred_days)
            for ev in opened:
                ok, joint = ev.accepts(r, span)
                if ok:
                    ev.rows.append(r)
                    ev.span = joint
                    links.append((r["event_id"], ev.first["event_id"], _reason(r, ev, story, joint)))
                    break
            else:
                opened.append(_Open(first=r, rows=[r], span=span))
                links.append((r["event_id"], r["event_id"], "first report"))
        events.extend(_merged(ev, None if story.startswith("article:") else story, articles) for ev in opened)
    events.sort(key=lambda e: (e.first_published or "9999", e.event_id))
    return MergeResult(events, links)


def _reason(row: Mapping, ev: _Open, story: str, joint) -> str:
    f = ev.first
    where = "same article" if row["article_id"] == f["article_id"] else \
        "same story" if not story.startswith("article:") else "same article"
    dates = "no date" if joint is None else \
        (joint[0].isoformat() if joint[0] == joint[1] else f"{joint[0].isoformat()}..{joint[1].isoformat()}")
    return (f"{where} as {f['event_id']} ({f['article_id']}); dyad {_dyad(row)}; "
            f"CAMEO root {row['cameo_root']}; dates overlap {dates}")


def _most_common(values, rank=None):
    """The most frequent value; ties go to the lower ``rank`` (if given), then to the first seen."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    first = {v: i for i, v in reversed(list(enumerate(values)))}
    return min(counts, key=lambda v: (-counts[v], rank(v) if rank else 0, first[v]))


def _merged(ev: _Open, story: str | None, articles: Mapping[str, Mapping]) -> MergedEvent:
    rows, f = ev.rows, ev.first
    explicit = [r for r in rows if r.get("date") is not None and not r.get("date_inferred")]
    if explicit:  # the most precise stated date, the most common among equals
        best = min(_PRECISION_RANK.get(r.get("date_precision") or "day", 0) for r in explicit)
        dated = [r for r in explicit if _PRECISION_RANK.get(r.get("date_precision") or "day", 0) == best]
        when = _most_common([str(r["date"])[:10] for r in dated])
        precision, inferred = dated[0].get("date_precision") or "day", False
    else:
        when = str(f["date"])[:10] if f.get("date") is not None else None
        precision, inferred = f.get("date_precision"), True
    locations = [_location(r) for r in rows]
    locations = [loc for loc in locations if loc]
    loc_key = _most_common([json.dumps(loc, sort_keys=True) for loc in locations],
                           rank=lambda k: _LOC_RANK.get(json.loads(k).get("precision"), 3))
    info = [articles.get(r["article_id"]) or {} for r in rows]
    published = sorted(str(i["published"])[:10] for i in info if i.get("published"))
    code = _most_common([r["cameo"] for r in rows])
    rep = next(r for r in rows if r["cameo"] == code)
    first_info = articles.get(f["article_id"]) or {}
    return MergedEvent(
        event_id=f["event_id"], story_id=story, date=when, date_precision=precision, date_inferred=inferred,
        **_actor_fields(rows, "source"), **_actor_fields(rows, "target"),
        cameo=code, cameo_root=rep["cameo_root"], plover=rep.get("plover"), plover_mode=rep.get("plover_mode"),
        quad_class=rep["quad_class"], goldstein=rep["goldstein"], negated=bool(f.get("negated")),
        location=json.loads(loc_key) if loc_key else None,
        num_mentions=len({(r["article_id"], r.get("sentence_index")) for r in rows}),
        num_articles=len({r["article_id"] for r in rows}),
        num_sources=len({i.get("source") or f"article:{r['article_id']}" for i, r in zip(info, rows)}),
        first_published=published[0] if published else None,
        last_published=published[-1] if published else None,
        article_id=f["article_id"], source_url=first_info.get("url"), sentence=f["sentence"],
        confidence=max(float(r.get("confidence") or 0) for r in rows),
        mention_ids=[r["event_id"] for r in rows],
        method="rules" if any((r.get("method") or "rules") == "rules" for r in rows) else "learned")


def _actor_fields(rows: list, prefix: str) -> dict:
    """One side's fields, all from the reports with its most common code (a code with a sector first)."""
    code = _most_common([r.get(f"{prefix}_code") for r in rows],
                        rank=lambda c: 0 if rows and any(r.get(f"{prefix}_code") == c and r.get(f"{prefix}_sector")
                                                         for r in rows) else 1)
    row = next((r for r in rows if r.get(f"{prefix}_code") == code), rows[0])
    return {f"{prefix}_{k}": row.get(f"{prefix}_{k}") for k in ("code", "country", "sector", "name")}


def _location(row: Mapping) -> dict | None:
    loc = row.get("location")
    if isinstance(loc, str):
        loc = json.loads(loc)
    return loc or None


def merge_store(store, settings: Mapping | None = None) -> tuple[dict[str, str], MergeResult]:
    """Cluster the store's articles into stories, merge its records, and replace the derived tables.

    Returns (article id -> story id, the merge result). Idempotent: the same store gives the same
    stories, events and ids.
    """
    from .stories import cluster_articles, story_inputs

    settings = settings or {}
    rows, articles = store.merge_inputs()
    items = story_inputs(rows, articles)  # text, dates, actor countries and the coded events of each article
    story_opts = settings.get("stories", {})
    vectors = store.story_vectors()  # embeddings of articles clustered before: only new ones are computed
    known = set(vectors)
    stories = cluster_articles(items, threshold=story_opts.get("threshold"),
                               window_days=story_opts.get("window_days"), embeddings=story_opts.get("embeddings"),
                               vectors=vectors)
    store.add_story_vectors({k: v for k, v in vectors.items() if k not in known})
    result = merge_records(rows, stories, articles,
                           inferred_days=int(settings.get("merge", {}).get("inferred_days", 2)))
    store.replace_merged(stories, result.events, result.links)
    return stories, result

"""Writers for formats existing event-data tools read: GDELT 2.0 events and POLECAT.

Both write merged events (:class:`~annales.records.MergedEvent`, one per real-world event), never
the per-sentence records:

    gdelt    the 61 columns of the GDELT 2.0 Events table, in GDELT's order, tab-separated, no header
             (as GDELT's own files; ``header=True`` adds one)
    polecat  the 40 columns of a POLECAT release, tab-separated, with a header

Events that either format cannot represent are left out: negated events ("did not attack"), since
neither has a field for negation, and, for POLECAT, events PLOVER has no type for (most of CAMEO 01).
The field crosswalk and every deviation from the originals (ISO 3166-1 alpha-3 where GDELT writes
FIPS 10-4, no AvgTone, how ids and DATEADDED are made) are documented in ``docs/exports.md``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, TextIO

from . import __version__
from ._data import data_path, read_tsv
from .records import MergedEvent

if TYPE_CHECKING:
    from .store import Store

_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")

#: The GDELT 2.0 Events table, in order (names as in GDELT's header files and BigQuery table;
#: the 2.0 codebook spells SQLDATE "Day" and *_FullName "*_Fullname").
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)

#: The columns of a POLECAT release, in order (older releases call "Event Intensity" "Intensity").
POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date",
    "Story People", "Story Organizations", "Story Locations", "Language", "Version",
)

# Prefixes of actor codes that are a type, not a country ("IGOUNO": type IGO, known group UNO).
_GROUP_TYPES = ("IGO", "NGO", "IMG", "MNC")
# GDELT geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GEO_TYPE = {("country", False): 1, ("region", True): 2, ("city", True): 3,
             ("city", False): 4, ("region", False): 5, ("country", True): 1}
# GeoNames feature codes standing for a location's precision when it carries none of its own.
_FEATURE = {"city": "PPL", "region": "ADM1", "country": "PCLI"}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {row["iso3"]: row["name"] for _, row in read_tsv(data_path("countries.tsv"))}


def gdelt_event_id(event_id: str) -> int:
    """GLOBALEVENTID for an annales event id: the integer value of its first 15 hex digits (60 bits,
    so it fits GDELT's signed 64-bit column). Ids that are not hex are hashed (SHA-1) first."""
    head = event_id[:15]
    try:
        if len(head) == 15:
            return int(head, 16)
    except ValueError:
        pass
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _day(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _cell(value) -> str:
    """One TSV cell: None -> "", tabs and line breaks -> space (neither format quotes)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):  # at most 6 decimals, no trailing zeros: 1.9, -10, 46.20224
        return f"{value:.6f}".rstrip("0").rstrip(".") if value == value else ""
    text = str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.replace("\t", " ").splitlines())
    return text


def _write_row(f: TextIO, cells: Iterable) -> None:
    f.write("\t".join(_cell(c) for c in cells))
    f.write("\n")


def _actor_parts(code: str | None) -> tuple[str, str, str]:
    """(GDELT actor code, known group code, type code of the group) from an annales actor code."""
    if not code:
        return "", "", ""
    if code.startswith("---"):  # country unknown: GDELT writes the bare type ("COP")
        return code[3:], "", ""
    if code[:3] in _GROUP_TYPES:
        return code, code[3:6], code[:3]
    return code, "", ""


def _gdelt_actor(e: MergedEvent, side: str) -> list:
    code = getattr(e, f"{side}_code")
    country, sector, name = (getattr(e, f"{side}_{k}") for k in ("country", "sector", "name"))
    if code is None and country is None and name is None:
        return [""] * len(_ACTOR_FIELDS)
    gcode, group, group_type = _actor_parts(code)
    return [gcode, name.upper() if name else "", country, group, "", "", "",
            sector or group_type, "", ""]


def _location_parts(loc: Mapping) -> dict:
    """Normalise a location dict: precision, country, admin1 code and name, admin2, full name."""
    country = loc.get("country")
    precision = loc.get("precision") or ("city" if loc.get("lat") is not None else "country")
    admin1, admin1_name = loc.get("admin1_code"), loc.get("admin1_name")
    if admin1:  # GeoNames writes "SY.12": the country part is ours (ISO3), the code is what follows
        admin1 = str(admin1).rsplit(".", 1)[-1]
    raw = str(loc.get("admin1") or "")
    if raw and len(raw) <= 4 and raw.isalnum() and raw == raw.upper():  # a code: "13", "MA"
        admin1 = admin1 or raw
    elif raw:  # a name (what annales.places writes): "Nineveh", "Ohio"
        admin1_name = admin1_name or raw
    country_name = loc.get("country_name") or _country_names().get(country or "", country)
    name = loc.get("name")
    full = loc.get("full_name") or loc.get("fullname")
    if not full:
        parts = [] if precision == "country" else [name]
        if precision == "city" and admin1_name:
            parts.append(admin1_name)
        parts.append(country_name)
        seen: list[str] = []
        for p in parts:
            if p and p not in seen:
                seen.append(p)
        full = ", ".join(seen) or name
    return {"precision": precision, "country": country, "admin1": admin1, "admin1_name": admin1_name,
            "admin2": loc.get("admin2_name") or loc.get("admin2"), "full": full, "name": name,
            "country_name": country_name}


def _gdelt_geo(loc: Mapping | None) -> list:
    if not loc:
        return [0, "", "", "", "", "", "", ""]
    p = _location_parts(loc)
    country = p["country"] or ""
    geo_type = _GEO_TYPE.get((p["precision"], country == "USA"), 4)
    adm1 = country if geo_type == 1 or not p["admin1"] else f"{country}{p['admin1']}"
    return [geo_type, p["full"], country, adm1, "", loc.get("lat"), loc.get("lon"), loc.get("geonameid")]


def gdelt_row(e: MergedEvent, context: Mapping | None = None) -> list:
    """The 61 GDELT 2.0 cells (Python values, None for empty) of one merged event.

    ``context`` (from :func:`store_context`) adds what a merged event does not carry itself: whether
    a report of it is its article's lead sentence (``lead``), for IsRootEvent.
    """
    context = context or {}
    day = _day(e.date)
    days_in_year = 366 if day and (day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0)) else 365
    added = _day(e.first_published) or day
    cameo = e.cameo or ""
    return [
        gdelt_event_id(e.event_id),
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        f"{day.year + (day.timetuple().tm_yday - 1) / days_in_year:.4f}" if day else None,
        *_gdelt_actor(e, "source"),
        *_gdelt_actor(e, "target"),
        1 if context.get("lead") else 0,
        cameo, cameo[:3], e.cameo_root,
        e.quad_class,
        float(e.goldstein) if e.goldstein is not None else None,
        e.num_mentions, e.num_sources, e.num_articles,
        None,  # AvgTone: annales computes no tone
        *_gdelt_geo(None),  # Actor1Geo: no location for the actor (its country is Actor1CountryCode)
        *_gdelt_geo(None),
        *_gdelt_geo(e.location),
        added.strftime("%Y%m%d") + "000000" if added else None,
        e.source_url or e.article_id,
    ]


def polecat_row(e: MergedEvent, context: Mapping | None = None) -> list:
    """The 40 POLECAT cells of one merged event (``context`` as in :func:`gdelt_row`: the first report's
    actor texts ``source_text``/``target_text`` and its outlet ``outlet``)."""
    context = context or {}
    loc = e.location or {}
    p = _location_parts(loc) if loc else {}
    feature = (loc.get("feature_code") or _FEATURE.get(p.get("precision"), "")) if loc else ""

    def actor(side: str) -> list:
        name, country, sector = (getattr(e, f"{side}_{k}") for k in ("name", "country", "sector"))
        return [name, country, None, sector, sector, None, context.get(f"{side}_text"), None]

    return [
        e.event_id, e.date, e.plover, e.plover_mode,
        float(e.goldstein) if e.goldstein is not None else None, e.quad_class, None,
        *actor("source"), *actor("target"),
        p.get("name"), p.get("name") if p.get("precision") == "city" else None, p.get("admin2"),
        p.get("admin1_name") or p.get("admin1"), p.get("country"), loc.get("lat"), loc.get("lon"),
        loc.get("geonameid"), loc.get("text") or loc.get("raw"), feature,
        context.get("outlet"), e.first_published,
        None, None, None, "en", f"annales {__version__}",
    ]


def _writable(e: MergedEvent, fmt: str) -> bool:
    return not e.negated and (fmt != "polecat" or bool(e.plover))


def _write(events: Iterable[MergedEvent], f: TextIO, fmt: str, header: tuple[str, ...] | None,
           context: Mapping[str, Mapping] | None) -> int:
    context = context or {}
    make = gdelt_row if fmt == "gdelt" else polecat_row
    if header:
        _write_row(f, header)
    n = 0
    for e in events:
        if _writable(e, fmt):
            _write_row(f, make(e, context.get(e.event_id)))
            n += 1
    return n


def write_gdelt(events: Iterable[MergedEvent], f: TextIO, *, header: bool = False,
                context: Mapping[str, Mapping] | None = None) -> int:
    """Write GDELT 2.0 event rows; returns how many (negated events are left out)."""
    return _write(events, f, "gdelt", GDELT_COLUMNS if header else None, context)


def write_polecat(events: Iterable[MergedEvent], f: TextIO, *,
                  context: Mapping[str, Mapping] | None = None) -> int:
    """Write POLECAT rows with a header; returns how many (negated events and events without a
    PLOVER type are left out)."""
    return _write(events, f, "polecat", POLECAT_COLUMNS, context)


def store_context(store: "Store") -> dict[str, dict]:
    """Per merged event, what the store knows beyond the :class:`MergedEvent`: ``lead`` (a report of it
    is its article's first sentence), the first report's ``source_text``/``target_text``, and its
    article's ``outlet``. Empty when the store has no merged events."""
    sql = """
        SELECT m.event_id, e.source_text, e.target_text, a.source,
               (SELECT min(r.sentence_index) FROM merge_links l JOIN events r ON r.event_id = l.mention_id
                WHERE l.event_id = m.event_id) AS first_sentence
        FROM merged_events m
        LEFT JOIN events e ON e.event_id = m.event_id
        LEFT JOIN articles a ON a.article_id = m.article_id"""
    rows = store.con.execute(sql).fetchall()
    return {eid: {"source_text": st, "target_text": tt, "outlet": outlet, "lead": first == 0}
            for eid, st, tt, outlet, first in rows}


__all__ = ["GDELT_COLUMNS", "POLECAT_COLUMNS", "gdelt_event_id", "gdelt_row", "polecat_row",
           "store_context", "write_gdelt", "write_polecat"]

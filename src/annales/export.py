"""Event writers: JSON Lines, CSV, Parquet and a terminal table; GDELT and POLECAT via :mod:`annales.formats`.

    jsonl    one ``Event.to_dict()`` per line (nested source/target/trigger)
    csv      the flat columns of the ``events`` table, with a header
    parquet  the same flat columns via pyarrow (needs a file path)
    table    a rich table for reading in a terminal (plain fixed-width text when not a TTY)
    gdelt    GDELT 2.0 event table rows (merged events only; docs/exports.md)
    polecat  POLECAT rows with a header (merged events only; docs/exports.md)

:func:`write_events` writes coded records (:class:`Event`), :func:`write_merged` merged events
(:class:`MergedEvent`: ``to_dict()`` per JSON line; in CSV the location is flattened into
``location_name``, ``location_country``... and ``mention_ids`` joined by "|").
``cameo`` is always written as a string, so "042" keeps its leading zero. The flat form comes
from :func:`annales.store_rows.flatten_event`, shared with the store.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from . import formats
from .errors import ConfigError
from .records import Event, MergedEvent
from .store_rows import (EVENT_COLUMNS, EVENT_SCHEMA, MERGED_COLUMN_SPEC, MERGED_COLUMNS, events_to_arrow,
                         flatten_event, lookup_cameo_label)

if TYPE_CHECKING:
    from .store import Store

FORMATS = ("jsonl", "csv", "table", "parquet")  # formats of coded records (write_events)
MERGED_FORMATS = ("gdelt", "polecat")  # formats of merged events only
EXPORT_FORMATS = FORMATS + MERGED_FORMATS  # what write_merged and export_store take
LOCATION_FIELDS = ("name", "country", "admin1", "lat", "lon", "precision", "geonameid")
MERGED_CSV_COLUMNS: tuple[str, ...] = tuple(  # merged_events columns, the location flattened
    c for col in MERGED_COLUMNS
    for c in ([f"location_{k}" for k in LOCATION_FIELDS] if col == "location" else [col]))
_CHUNK = 5000  # events per Parquet row group / table block
_PLAIN_WIDTH = 120  # table width when the output is not a terminal


def _check_format(fmt: str, out, choices: tuple[str, ...] = FORMATS) -> None:
    if fmt not in choices:
        raise ConfigError("E014", value=fmt, choices=", ".join(choices))
    if fmt == "parquet" and (not isinstance(out, (str, Path)) or str(out) == "-"):
        target = "standard output" if out is None or str(out) == "-" else "a text stream"
        raise ConfigError("E032", fmt=fmt, target=target)


@contextlib.contextmanager
def _text_out(out: str | Path | TextIO | None, newline: str | None = None) -> Iterator[TextIO]:
    """Yield a text stream for ``out``: stdout for None or "-", an opened UTF-8 file for a path."""
    if out is None or (isinstance(out, str) and out == "-"):
        yield sys.stdout
    elif isinstance(out, (str, Path)):
        try:
            f = open(out, "w", encoding="utf-8", newline=newline)
        except OSError as exc:
            raise ConfigError("E033", path=str(out), reason=exc.strerror or exc) from exc
        with f:
            yield f
    else:
        yield out


def _write_jsonl(events: Iterable[Event | MergedEvent], f: TextIO) -> int:
    n = 0
    for e in events:
        f.write(json.dumps(e.to_dict(), ensure_ascii=False))
        f.write("\n")
        n += 1
    return n


def _csv_value(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, date):
        return v.isoformat()
    return v


def _write_csv_rows(rows: Iterable[dict], columns: Sequence[str], f: TextIO) -> int:
    """Write a header of ``columns`` and one line per row; returns the number of rows."""
    w = csv.writer(f, lineterminator="\n")
    w.writerow(columns)
    n = 0
    for row in rows:
        w.writerow([_csv_value(row[c]) for c in columns])
        n += 1
    return n


def _write_csv(events: Iterable[Event], f: TextIO) -> int:
    return _write_csv_rows(map(flatten_event, events), EVENT_COLUMNS, f)


def _write_parquet(events: Iterable[Event], path: str | Path) -> int:
    import pyarrow.parquet as pq

    n = 0
    it = iter(events)
    try:
        with pq.ParquetWriter(str(path), EVENT_SCHEMA) as w:
            while chunk := list(islice(it, _CHUNK)):
                w.write_table(events_to_arrow(chunk))
                n += len(chunk)
    except OSError as exc:
        raise ConfigError("E033", path=str(path), reason=exc) from exc
    return n


def _cameo_cell(e: Event | MergedEvent) -> str:
    label = lookup_cameo_label(e.cameo)
    return f"{e.cameo} {label}" if label else e.cameo


def _event_cells(e: Event) -> tuple[str, ...]:
    trigger = f"not {e.trigger.text}" if e.negated else e.trigger.text  # "will not recall": no act
    return (e.date or "", (e.source.code or e.source.text) if e.source else "", trigger,
            (e.target.code or e.target.text) if e.target else "-", _cameo_cell(e), str(e.quad_class),
            " ".join(e.sentence.split()))


def _merged_cells(e: MergedEvent) -> tuple[str, ...]:
    loc = e.location or {}
    where = loc.get("name") or loc.get("country") or ""
    return (e.date or "", e.source_code or e.source_name or "", e.target_code or e.target_name or "-",
            _cameo_cell(e), str(e.quad_class), str(e.num_mentions), where, " ".join(e.sentence.split()))


def _write_table(events: Iterable, f: TextIO, width: int | None, merged: bool = False) -> int:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    isatty = getattr(f, "isatty", lambda: False)()
    console = Console(file=f, width=width or (None if isatty else _PLAIN_WIDTH),
                      force_terminal=isatty, no_color=not isatty, highlight=False,
                      soft_wrap=False, emoji=False, markup=False)

    # Fixed widths (narrower on small terminals) so that blocks printed one after another
    # line up as one table; the sentence takes what is left.
    actor_w, trigger_w, cameo_w = (10, 14, 22) if console.width >= 100 else (8, 10, 12)
    if merged:
        columns = [("date", 10, "left"), ("source", actor_w, "left"), ("target", actor_w, "left"),
                   ("cameo", cameo_w, "left"), ("quad", 4, "right"), ("reports", 7, "right"),
                   ("where", actor_w, "left")]
        cells = _merged_cells
    else:
        columns = [("date", 10, "left"), ("source", actor_w, "left"), ("trigger", trigger_w, "left"),
                   ("target", actor_w, "left"), ("cameo", cameo_w, "left"), ("quad", 4, "right")]
        cells = _event_cells

    def new_table(header: bool) -> Table:
        t = Table(box=box.SIMPLE_HEAD, show_header=header, show_edge=False, pad_edge=False,
                  expand=True, header_style="bold", padding=(0, 1), collapse_padding=True)
        for name, w, justify in columns:
            t.add_column(name, width=w, no_wrap=True, overflow="ellipsis", justify=justify)
        t.add_column("sentence", ratio=1, min_width=10, no_wrap=True, overflow="ellipsis")
        return t

    n = 0
    it = iter(events)
    first = True
    while True:
        chunk = list(islice(it, _CHUNK))
        if not chunk and not first:
            break
        table = new_table(header=first)
        for e in chunk:
            table.add_row(*cells(e))
        console.print(table)
        n += len(chunk)
        first = False
        if len(chunk) < _CHUNK:
            break
    return n


def write_events(events: Iterable[Event], fmt: str, out: str | Path | TextIO | None = None, *,
                 console_width: int | None = None) -> int:
    """Write ``events`` in format ``fmt`` to ``out`` (path, text stream, or None/"-" for stdout).

    Returns the number of events written. Unknown format -> ConfigError E014; parquet without
    a file path -> ConfigError E032; an unwritable path -> ConfigError E033.
    """
    _check_format(fmt, out)
    if fmt == "parquet":
        return _write_parquet(events, out)  # type: ignore[arg-type]
    with _text_out(out, newline="" if fmt == "csv" else None) as f:
        if fmt == "jsonl":
            return _write_jsonl(events, f)
        if fmt == "csv":
            return _write_csv(events, f)
        return _write_table(events, f, console_width)


def _merged_rows(events: Iterable[MergedEvent]) -> Iterator[dict]:
    """MergedEvent -> flat row: location as JSON text, dates as ``date`` (the merged_events columns)."""
    for e in events:
        row = e.to_dict()
        for key in ("date", "first_published", "last_published"):
            row[key] = date.fromisoformat(str(row[key])[:10]) if row[key] else None
        row["location"] = json.dumps(row["location"], ensure_ascii=False) if row["location"] else None
        yield row


def _merged_csv_row(e: MergedEvent) -> dict:
    """MergedEvent -> flat CSV row: the location spread over ``location_*``, mention ids joined by ``|``."""
    row = e.to_dict()
    loc = row.pop("location") or {}
    row.update({f"location_{k}": loc.get(k) for k in LOCATION_FIELDS})
    row["mention_ids"] = "|".join(row["mention_ids"] or [])
    return row


def _write_merged_csv(events: Iterable[MergedEvent], f: TextIO) -> int:
    return _write_csv_rows(map(_merged_csv_row, events), MERGED_CSV_COLUMNS, f)


def _write_merged_parquet(events: Iterable[MergedEvent], path: str | Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, t) for c, _, t in MERGED_COLUMN_SPEC])
    n = 0
    it = _merged_rows(events)
    try:
        with pq.ParquetWriter(str(path), schema) as w:
            while chunk := list(islice(it, _CHUNK)):
                w.write_table(pa.table({c: pa.array([r[c] for r in chunk], type=t)
                                        for c, _, t in MERGED_COLUMN_SPEC}))
                n += len(chunk)
    except OSError as exc:
        raise ConfigError("E033", path=str(path), reason=exc) from exc
    return n


def write_merged(events: Iterable[MergedEvent], fmt: str, out: str | Path | TextIO | None = None, *,
                 header: bool = False, context: dict | None = None, console_width: int | None = None) -> int:
    """Write merged events in any of :data:`EXPORT_FORMATS`; returns the number written.

    ``header`` adds a header line to GDELT output; ``context`` is :func:`annales.formats.store_context`
    (what GDELT and POLECAT rows take from the store beyond the event). Errors as in :func:`write_events`.
    """
    _check_format(fmt, out, EXPORT_FORMATS)
    if fmt == "parquet":
        return _write_merged_parquet(events, out)  # type: ignore[arg-type]
    with _text_out(out, newline="" if fmt == "csv" else None) as f:
        if fmt == "jsonl":
            return _write_jsonl(events, f)
        if fmt == "csv":
            return _write_merged_csv(events, f)
        if fmt == "gdelt":
            return formats.write_gdelt(events, f, header=header, context=context)
        if fmt == "polecat":
            return formats.write_polecat(events, f, context=context)
        return _write_table(events, f, console_width, merged=True)


def _require_merged(store: "Store") -> None:
    """ConfigError E034 when the store has coded records but no merged events (never merged)."""
    if next(store.merged_events(limit=1), None) is None and next(store.events(limit=1), None) is not None:
        raise ConfigError("E034", path=store.path)


def export_store(store: "Store", fmt: str, out: str | Path | TextIO | None = None, *, merged: bool = False,
                 header: bool = False, console_width: int | None = None, min_confidence: float | None = None) -> int:
    """Stream the store's events to ``out``; returns the count.

    By default the coded records (in store order, via :func:`write_events`); with ``merged`` and
    always for ``gdelt`` and ``polecat``, the merged events (via :func:`write_merged`). Merged output
    from a store that has records but was never merged raises ConfigError E034. ``min_confidence``
    keeps the events whose confidence is at least that.
    """
    _check_format(fmt, out, EXPORT_FORMATS)

    def kept(events):
        return events if min_confidence is None else (e for e in events if e.confidence >= min_confidence)

    if merged or fmt in MERGED_FORMATS:
        _require_merged(store)
        context = formats.store_context(store) if fmt in MERGED_FORMATS else None
        return write_merged(kept(store.merged_events()), fmt, out, header=header, context=context,
                            console_width=console_width)
    if fmt == "parquet":
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        table = store.query_events_arrow()
        if min_confidence is not None:
            table = table.filter(pc.greater_equal(table["confidence"], min_confidence))
        try:
            pq.write_table(table, str(out))
        except OSError as exc:
            raise ConfigError("E033", path=str(out), reason=exc) from exc
        return table.num_rows
    return write_events(kept(store.events()), fmt, out, console_width=console_width)


__all__ = ["EXPORT_FORMATS", "FORMATS", "MERGED_CSV_COLUMNS", "MERGED_FORMATS", "export_store",
           "write_events", "write_merged"]

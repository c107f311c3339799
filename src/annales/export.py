"""Event writers: JSON Lines, CSV, Parquet and a terminal table.

    jsonl    one ``Event.to_dict()`` per line (nested source/target/trigger)
    csv      the flat columns of the ``events`` table, with a header
    parquet  the same flat columns via pyarrow (needs a file path)
    table    a rich table for reading in a terminal (plain fixed-width text when not a TTY)

``cameo`` is always written as a string, so "042" keeps its leading zero. The flat form comes
from :func:`annales.store.flatten_event`, shared with the store.
"""

from __future__ import annotations

import contextlib
import csv
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .errors import ConfigError
from .records import Event
from .store import EVENT_COLUMNS, EVENT_SCHEMA, events_to_arrow, flatten_event, lookup_cameo_label

if TYPE_CHECKING:
    from .store import Store

FORMATS = ("jsonl", "csv", "table", "parquet")
_CHUNK = 5000  # events per Parquet row group / table block
_PLAIN_WIDTH = 120  # table width when the output is not a terminal


def _check_format(fmt: str, out) -> None:
    if fmt not in FORMATS:
        raise ConfigError("E014", value=fmt, choices=", ".join(FORMATS))
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


def _write_jsonl(events: Iterable[Event], f: TextIO) -> int:
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


def _write_csv(events: Iterable[Event], f: TextIO) -> int:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(EVENT_COLUMNS)
    n = 0
    for e in events:
        row = flatten_event(e)
        w.writerow([_csv_value(row[c]) for c in EVENT_COLUMNS])
        n += 1
    return n


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


def _cameo_cell(e: Event) -> str:
    label = lookup_cameo_label(e.cameo)
    return f"{e.cameo} {label}" if label else e.cameo


def _write_table(events: Iterable[Event], f: TextIO, width: int | None) -> int:
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

    def new_table(header: bool) -> Table:
        t = Table(box=box.SIMPLE_HEAD, show_header=header, show_edge=False, pad_edge=False,
                  expand=True, header_style="bold", padding=(0, 1), collapse_padding=True)
        t.add_column("date", width=10, no_wrap=True)
        t.add_column("source", width=actor_w, no_wrap=True, overflow="ellipsis")
        t.add_column("trigger", width=trigger_w, no_wrap=True, overflow="ellipsis")
        t.add_column("target", width=actor_w, no_wrap=True, overflow="ellipsis")
        t.add_column("cameo", width=cameo_w, no_wrap=True, overflow="ellipsis")
        t.add_column("quad", width=4, no_wrap=True, justify="right")
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
            table.add_row(
                e.date or "",
                (e.source.code or e.source.text) if e.source else "",
                e.trigger.text,
                (e.target.code or e.target.text) if e.target else "-",
                _cameo_cell(e),
                str(e.quad_class),
                " ".join(e.sentence.split()),
            )
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


def export_store(store: "Store", fmt: str, out: str | Path | TextIO | None = None, *,
                 console_width: int | None = None) -> int:
    """Stream every stored event (in store order) to :func:`write_events`; returns the count."""
    _check_format(fmt, out)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        table = store.query_events_arrow()
        try:
            pq.write_table(table, str(out))
        except OSError as exc:
            raise ConfigError("E033", path=str(out), reason=exc) from exc
        return table.num_rows
    return write_events(store.events(), fmt, out, console_width=console_width)


__all__ = ["FORMATS", "write_events", "export_store"]

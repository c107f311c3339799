"""Live ingestion: code the files that arrive in a directory, pass after pass (``annales watch DIR``).

Each pass walks the directory (recursively; hidden names and temporary names such as ``*.part`` are
ignored), finds the input files (.txt, .html, .jsonl, .warc/.warc.gz, .rss/.atom/.xml feeds) that are
new or changed since they were last coded, waits until a new file's size and modification time stay
the same for ``settle`` seconds (or across two passes), and codes them into the store in one batched
run. Then it rebuilds stories and merged events (:func:`annales.merge.merge_store`) and logs one line.

What has been done is kept in the store itself, in the table ``watch_files`` (one row per file: its
size, mtime and SHA-1 when coded, ``status`` 'seen' or 'done', articles and errors, when). A file is
marked done only after every one of its articles is committed (or was stored already), so a watcher
killed at any point resumes where it was: files not marked done are read again, and their articles
that were committed before the kill are skipped by the usual resume (same id, content hash and coder
version), so nothing is coded twice and nothing is lost. SIGINT (Ctrl-C) and SIGTERM stop it after the
batch in progress; a second Ctrl-C stops at once (committed batches are kept either way).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Callable, ContextManager, Iterator

from .batch import RunSummary, code_items
from .errors import ConfigError, InputError, StoreError
from .ingest import _looks_like_feed, input_format, read_file
from .records import Article

__all__ = ["watch", "watch_pass", "Watcher", "parse_interval", "WatchSummary", "PassResult", "STATE_TABLE"]

STATE_TABLE = "watch_files"
_DDL = (f"CREATE TABLE IF NOT EXISTS {STATE_TABLE} (path VARCHAR PRIMARY KEY, size BIGINT, mtime_ns BIGINT, "
        "content_sha1 VARCHAR, status VARCHAR, articles INTEGER, errors INTEGER, seen_at TIMESTAMP, "
        "coded_at TIMESTAMP)",
        "CREATE TABLE IF NOT EXISTS watch_state (key VARCHAR PRIMARY KEY, value VARCHAR)")
_TEMP = re.compile(r"(\.(part|partial|tmp|temp|crdownload|download|swp|lock)|~)$", re.IGNORECASE)
_TAG = "_watch_file"  # Article.meta key naming the file an article came from (never stored)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+(?:\.\d*)?|\.\d+)\s*([smhd]?)", re.IGNORECASE)


def parse_interval(value: str | float | int) -> float:
    """Seconds from ``900``, ``"900"``, ``"30s"``, ``"15m"``, ``"1h"``, ``"1h30m"``; ConfigError E014 otherwise."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        text = str(value).strip().lower().replace(" ", "")
        pos, seconds = 0, 0.0
        for m in _INTERVAL.finditer(text):
            if m.start() != pos:
                break
            seconds += float(m.group(1)) * _UNITS[m.group(2)]
            pos = m.end()
        if not text or pos != len(text):
            raise ConfigError("E014", value=value, choices="seconds (900) or a duration such as 30s, 15m, 1h")
    if seconds < 0:
        raise ConfigError("E014", value=value, choices="a duration of zero or more seconds")
    return seconds


@dataclass
class PassResult:
    """What one pass did."""

    files: int = 0  # files coded (read) in this pass
    waiting: int = 0  # new or changed files left for a later pass (still being written)
    summary: RunSummary = field(default_factory=RunSummary)
    merged: tuple | None = None  # merge_store's result, when it ran
    seconds: float = 0.0

    def line(self, number: int) -> str:
        s = self.summary
        parts = [f"pass {number}: {self.files} new or changed file{'s' * (self.files != 1)}"]
        if self.waiting:
            parts.append(f"{self.waiting} still being written")
        coded = f"coded {s.coded} article{'s' * (s.coded != 1)}"
        if s.unchanged:
            coded += f", {s.unchanged} unchanged"
        if s.failed:
            coded += f", {len(s.failed)} skipped"
        parts.append(f"{coded}, {s.events} events")
        if self.merged is not None:
            stories, result = self.merged
            parts.append(f"merged into {len(result.events)} events")
        if s.interrupted:
            parts.append("stopped")
        return "; ".join(parts) + f" ({self.seconds:.1f} s)"


@dataclass
class WatchSummary:
    """Totals over the passes of one :func:`watch` call."""

    passes: int = 0
    files: int = 0
    coded: int = 0
    unchanged: int = 0
    failed: list[InputError] = field(default_factory=list)
    stopped: bool = False


@dataclass
class _File:
    path: Path
    key: str
    size: int
    mtime_ns: int
    sha1: str | None = None
    pending: int = 0  # articles handed to the coder and not yet stored
    articles: int = 0
    errors: int = 0
    read: bool = False
    done: bool = False


class _Stop:
    """SIGINT/SIGTERM set ``requested`` (a second SIGINT raises KeyboardInterrupt); restored on exit.

    Worker processes forked meanwhile inherit the handler: there SIGINT is ignored (the main process
    stops the run) and SIGTERM does what it did before (the pool ends its workers with it)."""

    def __init__(self, install: bool = True):
        self.requested = False
        self._old: dict = {}
        self._pid = os.getpid()
        self._install = install and threading.current_thread() is threading.main_thread()

    def _handle(self, signum, frame):
        if os.getpid() != self._pid:  # a forked worker
            if signum == signal.SIGTERM:
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)
            return
        if self.requested and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.requested = True

    def __enter__(self) -> "_Stop":
        self._pid = os.getpid()
        if self._install:
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._old[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)

    def sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.requested and (left := end - time.monotonic()) > 0:
            time.sleep(min(left, 0.2))


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _ensure_tables(con) -> None:
    for ddl in _DDL:
        con.execute(ddl)


def _ignored(name: str) -> bool:
    return name.startswith(".") or bool(_TEMP.search(name))


def _scan(root: Path) -> dict[str, tuple[Path, int, int]]:
    """key (absolute path) -> (path, size, mtime_ns) of the input files under ``root``."""
    found: dict[str, tuple[Path, int, int]] = {}
    stack = [root]
    while stack:
        try:
            entries = list(os.scandir(stack.pop()))
        except OSError:
            continue  # a directory removed or unreadable mid-walk: the next pass sees it again
        for entry in entries:
            if _ignored(entry.name):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file() and input_format(entry.name):
                    st = entry.stat()
                    path = Path(entry.path)
                    found[str(path.absolute())] = (path, st.st_size, st.st_mtime_ns)
            except OSError:
                continue
    return found


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _sha1(path: Path) -> str:
    h = hashlib.sha1()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def watch_pass(root: str | Path, store, pipeline, *, settle: float = 2.0, workers: int = 1,
               published: date | None = None, merge: bool = True,
               report: Callable[[InputError], None] = lambda e: None,
               log: Callable[[str], None] = lambda line: None, verbose: bool = False,
               stop: _Stop | None = None) -> PassResult:
    """One pass over ``root``: code the files that are new or changed and whose size has settled,
    into ``store`` (an open :class:`~annales.store.Store`); see the module docstring."""
    started = time.monotonic()
    stop = stop or _Stop(install=False)
    root = Path(root)
    con = store.con
    _ensure_tables(con)
    result = PassResult()
    seen = _scan(root)
    prefix = str(root.absolute()).rstrip(os.sep) + os.sep
    state = {row[0]: row[1:] for row in con.execute(
        f"SELECT path, size, mtime_ns, content_sha1, status FROM {STATE_TABLE} "
        "WHERE starts_with(path, ?)", [prefix]).fetchall()}
    gone = [k for k in state if k not in seen]
    if gone:  # files moved away or deleted: forget them
        con.executemany(f"DELETE FROM {STATE_TABLE} WHERE path = ?", [[k] for k in gone])

    def observe(key: str, size: int, mtime_ns: int) -> None:
        con.execute(f"INSERT INTO {STATE_TABLE} (path, size, mtime_ns, status, seen_at) VALUES (?, ?, ?, 'seen', ?) "
                    "ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, "
                    "status = 'seen', seen_at = excluded.seen_at", [key, size, mtime_ns, _now()])

    ready: dict[str, _File] = {}
    unsure: list[str] = []
    for key, (path, size, mtime_ns) in seen.items():
        old = state.get(key)
        if old is not None and old[:2] == (size, mtime_ns):
            if old[3] != "done":  # seen with this size at the previous pass: settled
                ready[key] = _File(path, key, size, mtime_ns)
            continue
        unsure.append(key)  # new, or changed since it was coded or last seen
        observe(key, size, mtime_ns)
    if unsure and settle > 0:  # settle 0: a new file waits for the next pass
        stop.sleep(settle)
    for key in unsure:
        path, size, mtime_ns = seen[key]
        now = _stat(path)
        if settle > 0 and now == (size, mtime_ns) and not stop.requested:
            ready[key] = _File(path, key, size, mtime_ns)
        else:
            result.waiting += 1
            if now is not None and now != (size, mtime_ns):
                observe(key, *now)  # still being written: a later pass codes it

    def mark_done(f: _File) -> None:
        f.done = True
        con.execute(f"UPDATE {STATE_TABLE} SET size = ?, mtime_ns = ?, content_sha1 = ?, status = 'done', "
                    "articles = ?, errors = ?, coded_at = ? WHERE path = ?",
                    [f.size, f.mtime_ns, f.sha1, f.articles, f.errors, _now(), f.key])

    def maybe_done(f: _File) -> None:
        if f.read and f.pending == 0 and not f.done:
            mark_done(f)

    files = sorted(ready.values(), key=lambda f: (f.mtime_ns, f.key))
    max_bytes = int(pipeline.settings["input"]["max_bytes"])

    def items() -> Iterator[Article | InputError]:
        for f in files:
            if stop.requested:
                return
            try:
                f.sha1 = _sha1(f.path)
            except OSError as exc:
                yield InputError("E001", origin=str(f.path), reason=exc.strerror or str(exc))
                continue  # gone or unreadable: not marked done, tried again next pass
            if state.get(f.key, (None,) * 4)[2] == f.sha1:  # touched, not changed: nothing to read
                f.done = True
                con.execute(f"UPDATE {STATE_TABLE} SET size = ?, mtime_ns = ?, status = 'done' WHERE path = ?",
                            [f.size, f.mtime_ns, f.key])
                continue
            result.files += 1
            con.execute(f"UPDATE {STATE_TABLE} SET content_sha1 = NULL WHERE path = ?", [f.key])  # until done
            if input_format(f.path) == "feed" and f.path.suffix.lower() == ".xml" and not _looks_like_feed(f.path):
                f.read = True  # some other XML file (a sitemap): not an input
                mark_done(f)
                continue
            for item in read_file(f.path, root, max_bytes=max_bytes, published=published):
                if isinstance(item, Article):
                    item.meta[_TAG] = f.key
                    f.pending += 1
                else:
                    f.errors += 1
                yield item
                if stop.requested:  # after the batch in progress; this file is read again next time
                    return
            f.read = True
            maybe_done(f)

    by_key = {f.key: f for f in files}
    summary = result.summary
    committed = [0]

    def stored(articles: list[Article]) -> None:
        for a in articles:
            f = by_key.get(a.meta.pop(_TAG, None))
            if f is not None:
                f.pending -= 1
                f.articles += 1
                maybe_done(f)
        if verbose and summary.coded > committed[0]:
            log(f"committed {summary.coded - committed[0]} articles ({summary.coded} this pass)")
        committed[0] = summary.coded

    for _ in code_items(items(), store, pipeline, summary, workers=workers, report=report, stored=stored,
                        replay_unchanged=False):
        pass
    if summary.coded:
        con.execute("INSERT INTO watch_state VALUES ('merge_pending', '1') ON CONFLICT (key) DO UPDATE SET value = '1'")
    pending = con.execute("SELECT value FROM watch_state WHERE key = 'merge_pending'").fetchall()
    if merge and pending and pending[0][0] == "1" and not stop.requested and not summary.interrupted:
        from .merge import merge_store

        result.merged = merge_store(store, pipeline.settings)
        con.execute("UPDATE watch_state SET value = '0' WHERE key = 'merge_pending'")
    result.seconds = time.monotonic() - started
    return result


def watch(directory: str | Path, store, pipeline, *, interval: float | str = 900, once: bool = False,
          settle: float = 2.0, workers: int = 1, published: date | None = None, merge: bool = True,
          report: Callable[[InputError], None] = lambda e: None, log: Callable[[str], None] = lambda line: None,
          verbose: bool = False, max_passes: int | None = None, stop: _Stop | None = None,
          around: Callable[[], ContextManager] = contextlib.nullcontext) -> WatchSummary:
    """Code the files arriving in ``directory`` into ``store`` every ``interval`` seconds (or "15m",
    "30s"), until SIGINT/SIGTERM (or ``stop.requested``, when a ``stop`` is given: then no signal handler
    is installed), ``max_passes`` passes, or one pass with ``once``. Each pass runs inside ``around()``.

    ``store`` is an open :class:`~annales.store.Store`, or a path: then the store is opened for each
    pass and closed between passes, so other commands can read it meanwhile (a pass that finds it
    busy waits for the next). ``log`` gets one line per pass (and one per commit with ``verbose``),
    ``report`` each bad input. A :class:`~annales.errors.StoreError` or ModelError is raised.
    """
    from .store import BaseStore, open_store

    seconds = parse_interval(interval)
    root = Path(directory)
    if not root.is_dir():
        raise ConfigError("E014", value=str(directory), choices="an existing directory to watch")
    total = WatchSummary()
    with stop or _Stop() as stop:
        while not stop.requested:
            began = time.monotonic()
            total.passes += 1
            try:
                if isinstance(store, BaseStore):
                    with around():
                        result = watch_pass(root, store, pipeline, settle=settle, workers=workers,
                                            published=published, merge=merge, report=report, log=log,
                                            verbose=verbose, stop=stop)
                else:
                    with open_store(store) as opened:
                        result = watch_pass(root, opened, pipeline, settle=settle, workers=workers,
                                            published=published, merge=merge, report=report, log=log,
                                            verbose=verbose, stop=stop)
            except StoreError as exc:
                if once or exc.code != "E012":
                    raise
                log(f"pass {total.passes}: store not available ({exc}); trying again at the next pass")
                result = None
            if result is not None:
                log(result.line(total.passes))
                total.files += result.files
                total.coded += result.summary.coded
                total.unchanged += result.summary.unchanged
                total.failed += result.summary.failed
                if result.summary.interrupted:
                    stop.requested = True
            if once or (max_passes is not None and total.passes >= max_passes):
                break
            stop.sleep(seconds - (time.monotonic() - began))
        total.stopped = stop.requested
    return total


class Watcher(threading.Thread):
    """:func:`watch` in a background thread, over a store the same process serves (``annales serve --watch``:
    DuckDB lets one process both write and read a file, not two). Each pass runs inside ``around()`` (the
    server's write lock); :meth:`stop` ends the loop after the batch in progress. Coding runs in this
    process (no worker processes are forked from a threaded server)."""

    def __init__(self, directory: str | Path, store, pipeline, *,
                 around: Callable[[], ContextManager] = contextlib.nullcontext, **options):
        super().__init__(name="annales-watch", daemon=True)
        self.directory, self.store, self.pipeline, self.around = directory, store, pipeline, around
        self.options = {**options, "workers": 1}
        self._stop_flag = _Stop(install=False)
        self.summary: WatchSummary | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        log = self.options.get("log", lambda line: None)
        try:
            self.summary = watch(self.directory, self.store, self.pipeline, stop=self._stop_flag,
                                 around=self.around, **self.options)
        except Exception as exc:  # a store or model error: the server keeps serving what it has
            self.error = exc
            log(f"watching {self.directory} stopped: {exc}")

    def stop(self, timeout: float | None = 60.0) -> None:
        self._stop_flag.requested = True
        if self.is_alive():
            self.join(timeout)

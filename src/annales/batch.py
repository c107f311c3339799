"""Coding a batch of inputs into the store: read -> code -> commit, with resume and error accounting.

``code_inputs(...)`` is what ``annales code`` runs. Articles whose id, content hash and coder version
are already stored are not parsed again (a re-run resumes); each ``commit_every`` articles are written
in one transaction, so an interrupted run keeps everything committed before it. ``code_items`` is the
same over Articles already read (what ``annales watch`` uses, to know when each file is stored).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Callable, Iterable, Iterator

from .errors import InputError
from .ingest import read_inputs
from .pipeline import CodedArticle, Pipeline
from .records import Article, Event
from .store import Store


class StopRun(Exception):
    """Raised under ``on_error="stop"`` at the first bad input."""

    def __init__(self, error: InputError):
        self.error = error
        super().__init__(str(error))


@dataclass
class RunSummary:
    coded: int = 0
    unchanged: int = 0
    events: int = 0
    set_aside: dict[str, int] = field(default_factory=dict)  # genre -> articles coded without events
    failed: list[InputError] = field(default_factory=list)
    interrupted: bool = False

    def line(self, db: str, seconds: float) -> str:
        parts = [f"coded {self.coded} article{'s' * (self.coded != 1)}"]
        if self.set_aside:
            parts[0] += " (" + ", ".join(f"{n} {g}" for g, n in sorted(self.set_aside.items())) + ": no events)"
        if self.unchanged:
            parts.append(f"{self.unchanged} unchanged")
        if self.failed:
            parts.append(f"{len(self.failed)} skipped")
        return f"{', '.join(parts)}; {self.events} events in {db} ({seconds:.1f} s)"


def code_inputs(inputs: Iterable[str], store: Store, pipeline: Pipeline, summary: RunSummary, *,
                published: date | None = None, workers: int = 1, on_error: str = "skip",
                report: Callable[[InputError], None] = lambda e: None,
                progress: Callable[[Article], None] = lambda a: None) -> Iterator[Event]:
    """Code ``inputs`` into ``store``, yielding every event of every article read (stored events for
    articles that were already coded). Bad inputs go to ``report`` and ``summary.failed``."""
    max_bytes = int(pipeline.settings["input"]["max_bytes"])
    yield from code_items(read_inputs(inputs, published=published, max_bytes=max_bytes), store, pipeline, summary,
                          workers=workers, on_error=on_error, report=report, progress=progress)


def code_items(items: Iterable[Article | InputError], store: Store, pipeline: Pipeline, summary: RunSummary, *,
               workers: int = 1, on_error: str = "skip",
               report: Callable[[InputError], None] = lambda e: None,
               progress: Callable[[Article], None] = lambda a: None,
               stored: Callable[[list[Article]], None] = lambda articles: None,
               replay_unchanged: bool = True) -> Iterator[Event]:
    """:func:`code_inputs` over Articles and InputErrors already read. ``stored`` is called with the
    articles that are safely in the store: each batch's, right after its commit, and each unchanged
    article (already stored) when it is read. ``replay_unchanged=False``: yield no stored events of
    unchanged articles."""
    known = store.coded_hashes(pipeline.version)
    unchanged: list[str] = []
    stopped: list[InputError] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, InputError):
                summary.failed.append(item)
                report(item)
                if on_error == "stop":
                    stopped.append(item)  # finish and commit what came before, then stop
                    return
                continue
            if known.get(item.id) == item.content_hash:
                summary.unchanged += 1
                if replay_unchanged:
                    unchanged.append(item.id)
                progress(item)
                stored([item])
                continue
            yield item

    every = int(pipeline.settings["coder"]["commit_every"])
    batch: list[CodedArticle] = []

    def commit():
        if batch:
            store.write_batch(((c.article, c.events, c.mentions) for c in batch), pipeline.version)
            summary.coded += len(batch)
            done = [c.article for c in batch]
            batch.clear()
            stored(done)

    try:
        for coded in pipeline.pipe(articles(), workers=workers):
            batch.append(coded)
            progress(coded.article)
            summary.events += len(coded.events)
            if coded.genre in pipeline.skip_genres:
                summary.set_aside[coded.genre] = summary.set_aside.get(coded.genre, 0) + 1
            yield from coded.events
            if len(batch) >= every:
                commit()
        commit()
    except KeyboardInterrupt:
        summary.interrupted = True
        batch.clear()
        return
    if stopped:
        raise StopRun(stopped[0])
    for article_id in unchanged:
        for ev in store.events(where={"article_id": article_id}):
            summary.events += 1
            yield ev

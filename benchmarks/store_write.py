"""Store write speed: events per second through ``Store.write_batch`` (DuckDB), in one run.

    python benchmarks/store_write.py [--articles 200] [--per-article 50] [--runs 3]

Writes ``articles x per-article`` generated events (with one mention per article) into a fresh
store in a temporary folder, ``runs`` times, and prints each run's seconds and events per second,
and the best. The write is one transaction per batch, as ``annales code`` writes.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from annales.records import Actor, Article, Event, Mention, Trigger  # noqa: E402
from annales.store import Store  # noqa: E402

VERSION = "bench"


def items(n_articles: int, per_article: int) -> list:
    src, tgt = Actor("Russia", 0, 6, "RUS", "RUS"), Actor("Ukraine", 11, 18, "UKR", "UKR")
    out = []
    for k in range(n_articles):
        art = Article(id=f"art{k}", text="Russia met Ukraine.", title="Talks", published=date(2024, 3, 5))
        evs = [Event(event_id=f"{art.id}-e{i}", article_id=art.id, sentence_index=i,
                     sentence=f"Sentence {i} of {art.id}.", source=src, target=tgt, cameo="042", cameo_root="04",
                     plover="CONSULT", plover_mode="visit", quad_class=1, goldstein=1.9, date="2024-03-05",
                     date_precision="day", date_inferred=False, trigger=Trigger("met", 7, 10, "meet"),
                     negated=False, modality="asserted",
                     location={"name": "Geneva", "country": "CHE", "lat": 46.2, "lon": 6.14},
                     confidence=0.8, coder_version=VERSION, sentence_start=i * 40)
               for i in range(per_article)]
        out.append((art, evs, [Mention(art.id, 0, src)]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--per-article", type=int, default=50)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    batch = items(args.articles, args.per_article)
    n = args.articles * args.per_article
    best = None
    for run in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "w.duckdb") as store:
            start = time.perf_counter()
            written = store.write_batch(batch, VERSION)
            seconds = time.perf_counter() - start
        assert written == n, (written, n)
        best = seconds if best is None else min(best, seconds)
        print(f"run {run + 1}: {n:,} events in {seconds:.2f} s ({n / seconds:,.0f} events/s)")
    print(f"best: {n / best:,.0f} events/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput: annales end to end vs spaCy alone, same texts, same number of processes, one run.

    python benchmarks/throughput.py [--workers 2] [--limit N] [--corpus PATH]

Phase "spacy": ``nlp.pipe(texts, n_process=W)`` with every component of the model, docs consumed.
Phase "annales": ``annales code CORPUS --workers W`` work done in-process (read, clean, prefilter, parse,
find actors, code events, resolve dates and places, write a DuckDB store in a temporary folder); phase
"annales-full" the same with ``[speed] prefilter = false`` (every sentence parsed).
Each phase runs in a fresh subprocess so its peak memory (largest worker RSS) is its own.
Skips (exit 0 with a message) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news_corpus.jsonl"


def _texts(path: Path, limit: int | None) -> list[str]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line)["text"])
            if limit and len(out) >= limit:
                break
    return out


def phase_spacy(corpus: Path, workers: int, limit: int | None) -> dict:
    import spacy

    from annales.config import load_settings

    texts = _texts(corpus, limit)
    nlp = spacy.load(load_settings()["model"]["name"])
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=64))
    return {"articles": n, "seconds": time.perf_counter() - start}


def phase_annales(corpus: Path, workers: int, limit: int | None, prefilter: bool = True) -> dict:
    from annales.batch import RunSummary, code_inputs
    from annales.config import load_settings
    from annales.pipeline import Pipeline
    from annales.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        src = corpus
        if limit:
            src = Path(tmp) / "subset.jsonl"
            with open(corpus, encoding="utf-8") as fh, open(src, "w", encoding="utf-8") as out:
                for i, line in enumerate(fh):
                    if i >= limit:
                        break
                    out.write(line)
        pipeline = Pipeline(load_settings(speed__prefilter=prefilter))
        summary = RunSummary()
        start = time.perf_counter()
        with Store(Path(tmp) / "bench.duckdb") as store:
            n_events = sum(1 for _ in code_inputs([str(src)], store, pipeline, summary, workers=workers))
        seconds = time.perf_counter() - start
    return {"articles": summary.coded, "events": n_events, "seconds": seconds, "failed": len(summary.failed)}


def run_phase(name: str, args) -> dict:
    cmd = [sys.executable, __file__, "--phase", name, "--workers", str(args.workers), "--corpus", str(args.corpus)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--phase", choices=["spacy", "annales", "annales-full"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0
    if args.phase:
        if args.phase == "spacy":
            result = phase_spacy(args.corpus, args.workers, args.limit)
        else:
            result = phase_annales(args.corpus, args.workers, args.limit, prefilter=args.phase == "annales")
        self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result["peak_rss_main_mb"] = round(self_kb / 1024, 1)
        result["peak_rss_worker_mb"] = round(child_kb / 1024, 1)
        print(json.dumps(result))
        return 0
    print(f"corpus: {args.corpus} (limit {args.limit or 'none'}), workers: {args.workers}, cpus: {os.cpu_count()}")
    spacy_r = run_phase("spacy", args)
    full_r = run_phase("annales-full", args)
    ann_r = run_phase("annales", args)
    rows = (("spaCy alone", spacy_r), ("annales, every sentence parsed", full_r), ("annales (default: prefilter)", ann_r))
    for name, r in rows:
        rate = r["articles"] / r["seconds"]
        extra = f", {r['events']} events" if "events" in r else ""
        print(f"{name:<31} {r['articles']:>5} articles in {r['seconds']:7.1f} s = {rate:6.1f} articles/s{extra}; "
              f"peak RSS main {r['peak_rss_main_mb']:.0f} MB, largest worker {r['peak_rss_worker_mb']:.0f} MB")
    rate = {name: r["articles"] / r["seconds"] for name, r in rows}
    print(f"ratio annales / spaCy alone: {rate[rows[2][0]] / rate[rows[0][0]]:.2f} (prefilter), "
          f"{rate[rows[1][0]] / rate[rows[0][0]]:.2f} (every sentence); "
          f"prefilter speed-up {rate[rows[2][0]] / rate[rows[1][0]]:.2f}; target >= 40 articles/s with 2 workers")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Throughput: annales end to end vs spaCy alone, same texts, same number of processes, one run.

    python benchmarks/throughput.py [--workers 2] [--limit N] [--corpus PATH] [--phases a,b,...]

Phases (all by default, in this order):

* "spacy": ``nlp.pipe(texts, n_process=W)`` with every component of the model as installed (thinc's
  BLIS matrix products), docs consumed: the baseline the issue's ratio is taken to;
* "spacy-numpy": the same with the model on numpy's BLAS (``annales.parse.use_blas``), so the ratio is
  also given against spaCy with the same matrix library;
* "annales-full": ``annales code CORPUS --workers W`` work done in-process (read, clean, parse, find
  actors, code events, resolve dates and places, write a DuckDB store in a temporary folder) with
  ``[speed] prefilter = false`` (every sentence parsed);
* "annales-blis": the default but with ``[speed] blas = "blis"``;
* "annales": the default configuration (prefilter on, numpy BLAS).

Each phase runs in a fresh subprocess so its peak memory (largest worker RSS) is its own. The annales
phases also report a digest of their sorted event ids, so equal digests mean the same events.
Skips (exit 0 with a message) when the corpus is absent.
"""

from __future__ import annotations

import argparse
import hashlib
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


def phase_spacy(corpus: Path, workers: int, limit: int | None, blas: str | None = None) -> dict:
    import spacy

    from annales.config import load_settings
    from annales.parse import use_blas

    texts = _texts(corpus, limit)
    nlp = spacy.load(load_settings()["model"]["name"])
    if blas:
        use_blas(nlp, blas)
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=64))
    return {"articles": n, "seconds": time.perf_counter() - start}


def phase_annales(corpus: Path, workers: int, limit: int | None, **speed) -> dict:
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
        pipeline = Pipeline(load_settings(**{f"speed__{k}": v for k, v in speed.items()}))
        summary = RunSummary()
        start = time.perf_counter()
        with Store(Path(tmp) / "bench.duckdb") as store:
            ids = [e.event_id for e in code_inputs([str(src)], store, pipeline, summary, workers=workers)]
        seconds = time.perf_counter() - start
    digest = hashlib.sha1("\n".join(sorted(ids)).encode()).hexdigest()[:12]
    return {"articles": summary.coded, "events": len(ids), "digest": digest, "seconds": seconds,
            "failed": len(summary.failed)}


PHASES = {  # name: (label, function, keyword arguments)
    "spacy": ("spaCy alone (BLIS, as installed)", phase_spacy, {}),
    "spacy-numpy": ("spaCy alone, numpy BLAS", phase_spacy, {"blas": "numpy"}),
    "annales-full": ("annales, every sentence parsed", phase_annales, {"prefilter": False}),
    "annales-blis": ("annales, prefilter, BLIS", phase_annales, {"blas": "blis"}),
    "annales": ("annales (default)", phase_annales, {}),
}


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
    ap.add_argument("--phases", default=",".join(PHASES), help="comma-separated phases to run (default: all)")
    ap.add_argument("--phase", choices=list(PHASES), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.corpus.exists():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0
    if args.phase:
        _, fn, kwargs = PHASES[args.phase]
        result = fn(args.corpus, args.workers, args.limit, **kwargs)
        self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        result["peak_rss_main_mb"] = round(self_kb / 1024, 1)
        result["peak_rss_worker_mb"] = round(child_kb / 1024, 1)
        print(json.dumps(result))
        return 0
    print(f"corpus: {args.corpus} (limit {args.limit or 'none'}), workers: {args.workers}, cpus: {os.cpu_count()}")
    names = [n.strip() for n in args.phases.split(",") if n.strip()]
    unknown = [n for n in names if n not in PHASES]
    if unknown:
        ap.error(f"unknown phase(s) {', '.join(unknown)}; choose from {', '.join(PHASES)}")
    results = {name: run_phase(name, args) for name in names}
    rate = {}
    for name, r in results.items():
        rate[name] = r["articles"] / r["seconds"]
        extra = f", {r['events']} events (digest {r['digest']})" if "events" in r else ""
        print(f"{PHASES[name][0]:<34} {r['articles']:>5} articles in {r['seconds']:7.1f} s = {rate[name]:6.1f} "
              f"articles/s{extra}; peak RSS main {r['peak_rss_main_mb']:.0f} MB, "
              f"largest worker {r['peak_rss_worker_mb']:.0f} MB")
    for base in ("spacy", "spacy-numpy"):
        if base in rate:
            ratios = ", ".join(f"{n} {rate[n] / rate[base]:.2f}" for n in rate if n.startswith("annales"))
            print(f"ratio to {PHASES[base][0]}: {ratios}")
    print("target: >= 40 articles/s with 2 workers (default configuration)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

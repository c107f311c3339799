"""Spark scaling: the same N articles coded by ``annales.spark`` on local[1] and local[2], one run.

    python benchmarks/spark_scaling.py [--limit 600] [--masters 'local[1]' 'local[2]'] [--corpus PATH]

The first N lines of the corpus are copied to a temporary JSONL file; each master then runs in a fresh
subprocess (its own JVM and Python workers): start a SparkSession, then time ``code_on_spark`` end to
end twice: "cold" (list, parse, shuffle, load the model in each Python worker, code, write four Parquet
tables) and "warm" (the same job again in the same session: the workers keep their loaded model, so
this is the steady rate a long job approaches).
A third phase codes the same file with the local pipeline in one process (``Pipeline.pipe``) as the
per-core baseline. Prints articles/s per phase and the local[2] / local[1] ratio.
Skips (exit 0 with a message) when the corpus is absent or PySpark/Java are missing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news_corpus.jsonl"


def phase_spark(master: str, corpus: Path, out: Path) -> dict:
    from pyspark.sql import SparkSession

    from annales.spark import code_on_spark

    os.environ["PYSPARK_PYTHON"] = sys.executable
    t0 = time.perf_counter()
    spark = (SparkSession.builder.master(master).appName("annales-bench")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter() - t0
    t1 = time.perf_counter()
    result = code_on_spark(spark, str(corpus), str(out / "cold"))
    cold = time.perf_counter() - t1
    t2 = time.perf_counter()
    code_on_spark(spark, str(corpus), str(out / "warm"))
    warm = time.perf_counter() - t2
    spark.stop()
    return {"articles": result["articles"], "events": result["events"], "errors": result["errors"],
            "seconds": cold, "warm_seconds": warm, "session_seconds": started}


def phase_local(corpus: Path) -> dict:
    from annales.errors import InputError
    from annales.ingest import read_inputs
    from annales.pipeline import Pipeline

    t0 = time.perf_counter()
    pipeline = Pipeline()
    articles = [a for a in read_inputs([corpus]) if not isinstance(a, InputError)]
    n_events = sum(len(c.events) for c in pipeline.pipe(articles))
    return {"articles": len(articles), "events": n_events, "seconds": time.perf_counter() - t0}


def run_phase(name: str, corpus: Path, out: Path) -> dict:
    cmd = [sys.executable, __file__, "--phase", name, "--corpus", str(corpus), "--out", str(out)]
    res = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=600, help="the first N articles (default 600)")
    ap.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    ap.add_argument("--no-baseline", action="store_true", help="skip the one-process local pipeline phase")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        result = phase_local(args.corpus) if args.phase == "local" else phase_spark(args.phase, args.corpus, args.out)
        print(json.dumps(result))
        return 0
    if not args.corpus.exists():
        print(f"skipped: corpus not found at {args.corpus}")
        return 0
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("skipped: PySpark not installed (pip install -e '.[spark]')")
        return 0
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        print("skipped: Spark needs Java 17+")
        return 0
    print(f"corpus: {args.corpus} (first {args.limit} articles), cpus: {os.cpu_count()}, "
          f"load average before: {os.getloadavg()[0]:.1f}")
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        with open(args.corpus, encoding="utf-8") as fh, open(subset, "w", encoding="utf-8") as out:
            for i, line in enumerate(fh):
                if i >= args.limit:
                    break
                out.write(line)
        phases = list(args.masters) + ([] if args.no_baseline else ["local"])
        for name in phases:
            r = results[name] = run_phase(name, subset, Path(tmp) / f"out-{len(results)}")
            label = "pipeline, 1 process" if name == "local" else f"spark {name}"
            extra = ""
            if "warm_seconds" in r:
                extra = (f"; warm {r['warm_seconds']:.1f} s = {r['articles'] / r['warm_seconds']:.2f} articles/s"
                         f" (+{r['session_seconds']:.1f} s session start)")
            print(f"{label:<22} {r['articles']:>5} articles in {r['seconds']:7.1f} s = "
                  f"{r['articles'] / r['seconds']:6.2f} articles/s, {r['events']} events{extra}", flush=True)
    for key, what in (("seconds", "cold"), ("warm_seconds", "warm")):
        rates = {k: r["articles"] / r[key] for k, r in results.items() if key in r}
        if "local[1]" in rates and "local[2]" in rates:
            print(f"speed-up local[2] / local[1], {what}: {rates['local[2]'] / rates['local[1]']:.2f} (ideal 2.00)")
        if "local[1]" in rates and "local" in results:
            base = results["local"]["articles"] / results["local"]["seconds"]
            print(f"spark local[1] {what} / one-process pipeline: {rates['local[1]'] / base:.2f}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

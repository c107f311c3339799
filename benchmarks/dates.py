"""Accuracy of the date resolver on the team-written gold set benchmarks/gold/dates.jsonl.

    python benchmarks/dates.py [--no-parse] [--errors]

Each gold line is a news sentence with its publication date, the tense of the event verb, the trigger
word (its first whole-word occurrence), the expected date, precision ("day", "month", "year") and
whether the date is the publication-date fallback ("inferred"). Labels follow the conventions in the
annales.dates docstring where the language itself is vague ("last week" = publication - 7 days, a
weekend is dated by its Saturday, "overnight" = the night before publication); such lines are tagged
"convention". Lines tagged "historical" test that a year modifying another noun ("its 2008 war") does
not date the trigger, and does date that noun.

Split: a sentence is in the test half when the first hex digit of sha1(sentence) is 0-7, otherwise in
the dev half (both triggers of one sentence share a half). Only dev errors are printed (``--errors``);
do not tune on the test half.

Scores, per half and per resolver mode (text heuristics only; with the spaCy parse the pipeline uses):
exact = date, precision and inferred flag all right; date = the ISO date right; precision = the
precision right.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold" / "dates.jsonl"
sys.path.insert(0, str(ROOT / "src"))

from annales.dates import resolve_date  # noqa: E402


def split_of(sentence: str) -> str:
    return "test" if hashlib.sha1(sentence.encode()).hexdigest()[0] in "01234567" else "dev"


def load() -> list[dict]:
    with GOLD.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run(rows: list[dict], nlp=None) -> list[tuple[dict, tuple]]:
    out = []
    for r in rows:
        s = r["sentence"]
        near = re.search(r"\b%s\b" % re.escape(r["trigger"]), s).start()
        span = nlp(s)[:] if nlp is not None else None
        got = resolve_date(s, datetime.date.fromisoformat(r["published"]), r["tense"], near=near, span=span)
        out.append((r, got))
    return out


def scores(results) -> str:
    n = len(results)
    exact = sum(g[0] == r["date"] and g[1] == r["precision"] and g[2] == r["inferred"] for r, g in results)
    date = sum(g[0] == r["date"] for r, g in results)
    prec = sum(g[1] == r["precision"] for r, g in results)
    return (f"{n:3d} | exact {exact}/{n} = {exact / n:.1%} | date {date / n:.1%} | "
            f"precision {prec / n:.1%}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-parse", action="store_true", help="skip the spaCy-parse mode")
    ap.add_argument("--errors", action="store_true", help="list dev-half errors")
    args = ap.parse_args()
    rows = load()
    modes = [("text", None)]
    if not args.no_parse:
        try:
            from annales.config import load_settings
            from annales.pipeline import load_model
            modes.append(("parse", load_model(load_settings()["model"]["name"])))
        except Exception as exc:  # no model installed: text mode only
            print(f"parse mode skipped: {exc}")
    for mode, nlp in modes:
        results = run(rows, nlp)
        for half in ("dev", "test"):
            part = [x for x in results if split_of(x[0]["sentence"]) == half]
            print(f"{mode:5} | {half:4} | {scores(part)}")
        hist = [x for x in results if "historical" in x[0]["tags"]]
        print(f"{mode:5} | historical (both halves) | {scores(hist)}")
        if args.errors:
            for r, g in results:
                if split_of(r["sentence"]) == "dev" and (g[0], g[1], g[2]) != (r["date"], r["precision"],
                                                                                r["inferred"]):
                    print(f"   {r['published']} {r['tense']:6} [{r['trigger']}] {r['sentence']}\n"
                          f"      want {r['date']} {r['precision']} inferred={r['inferred']}; got {g}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Accuracy of the default coder on the gold sets in ../shared/data, in one run.

    python benchmarks/accuracy.py [--workers 2] [--only NAME ...] [--no-prefilter]

Held-out test sets (never used to build the coder): petr2_gsr_validation, petr2_unittest (with its own
dictionaries), plv_train's test split. Development sets (used to build and tune it): plover_gsr_dev,
cameo_codebook_examples_dev, cameo_multicoder_dev, and conflibert_cameo_train_dev's dev half (its test half
held out: annales.evaluate.read_pentaclass). Prints Markdown for BENCHMARKS.md: scores, a per-root
confusion table and the 20 most frequent error types on petr2_gsr_validation. Skips what is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "data" / "gold"


def scores_row(name: str, split: str, report) -> str:
    d = report.as_dict()
    cells = [f"{d[lv]['precision']:.3f} / {d[lv]['recall']:.3f} / **{d[lv]['f1']:.3f}**"
             for lv in ("dyad+root", "dyad+code", "root")]
    return (f"| {name} | {split} | {d['records']} | " + " | ".join(cells)
            + f" | {d['exact_code_of_matched']:.1%} | {d['exact_records']:.1%} "
            f"| {d['exact_records_full_codes']:.1%} |")


def confusion_table(confusion) -> list[str]:
    roots = sorted({k for pair in confusion for k in pair if k != "-"}) + ["-"]
    lines = ["| gold \\ coded | " + " | ".join(roots) + " |", "|---" * (len(roots) + 1) + "|"]
    for g in roots:
        if not any(confusion.get((g, p)) for p in roots):
            continue
        lines.append(f"| **{g}** | " + " | ".join(str(confusion.get((g, p), "") or "") for p in roots) + " |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--no-prefilter", action="store_true",
                    help="parse every sentence ([speed] prefilter = false), to compare with the default")
    args = ap.parse_args()
    if not GOLD.exists():
        print(f"skipped: gold data not found at {GOLD}")
        return 0
    from annales.config import load_settings
    from annales.evaluate import error_analysis, evaluate, multicoder_agreement
    from annales.pipeline import Pipeline

    pipeline = Pipeline(load_settings(speed__prefilter=not args.no_prefilter))
    want = lambda name: args.only is None or name in args.only  # noqa: E731
    started = time.perf_counter()
    print("| data set | split | records | dyad+root P / R / F1 | dyad+code P / R / F1 | root P / R / F1 "
          "| exact code of matched | records coded exactly | ... with full actor codes |")
    print("|---|---|---|---|---|---|---|---|---|")
    petr2 = None
    for name, split in (("petr2_gsr_validation", "test"), ("plover_gsr_dev", "dev"),
                        ("cameo_codebook_examples_dev", "dev")):
        if want(name) and (GOLD / f"{name}.jsonl").exists():
            report = evaluate(pipeline, GOLD / f"{name}.jsonl", workers=args.workers)
            print(scores_row(name, split, report))
            if name == "petr2_gsr_validation":
                petr2 = report
    extra = []
    try:
        from annales.petrarch import petrarch_pipeline  # noqa: F401
    except ImportError:
        petrarch_pipeline = None
    for name in ("petr2_unittest", "udpetrarch_validate"):
        folder = GOLD / name
        if want(name) and petrarch_pipeline is not None and folder.exists():
            split = "test" if name == "petr2_unittest" else "dev"
            for intent_codes in (True, False):
                settings = {**pipeline.settings, "coder": {**pipeline.settings["coder"], "intent_codes": intent_codes}}
                base = Pipeline(settings, nlp=pipeline.nlp)
                report = evaluate(petrarch_pipeline(folder / "dictionaries", base=base), folder / "records.jsonl",
                                  workers=args.workers)
                label = "default" if intent_codes else "intent_codes = false"
                print(scores_row(f"{name} (own dictionaries, {label})", split, report))
    if want("plv_train") and (GOLD / "plv_train.tsv").exists():
        from annales.evaluate import plover_pairs, read_plover_pairs, split_pairs

        _, test = split_pairs(read_plover_pairs(GOLD / "plv_train.tsv"))
        for model, label in ((True, "learned classifier + rules"), (False, "rules only")):
            r = plover_pairs(pipeline, None, test, model=model)
            extra.append(f"\nplv_train test split ({r['pairs']} pairs, never used to build the coder or train the "
                         f"classifier), {label}: pair classification macro-F1 {r['macro_f1']:.3f} "
                         f"(accuracy {r['accuracy']:.3f})")
            extra.append("per-class F1: " + ", ".join(f"{k} {v:.2f}" for k, v in r["per_class_f1"].items()))
        extra.append(f"end to end from the bare sentence (default coder): the pair found {r['end_to_end_recall']:.3f}, "
                     f"found with the gold PLOVER type {r['end_to_end_recall_with_type']:.3f}")
    if want("cameo_multicoder_dev") and (GOLD / "cameo_multicoder_dev.jsonl").exists():
        m = multicoder_agreement(pipeline, GOLD / "cameo_multicoder_dev.jsonl", workers=args.workers)
        extra.append(f"\ncameo_multicoder_dev ({m['sentences']} sentences, 4 human coders): root-set F1 against the "
                     f"majority of the other three humans: humans {m['human_vs_majority_f1']:.3f} "
                     f"(range {m['human_range'][0]:.3f}-{m['human_range'][1]:.3f}), annales "
                     f"{m['coder_vs_majority_f1']:.3f}")
    name = "conflibert_cameo_train_dev"
    if want(name) and (GOLD / f"{name}.jsonl").exists():
        from annales.evaluate import pentaclass_pairs, read_pentaclass

        extra.append(f"\n{name} (real news sentences, one event's five-way class and actor spans; annales' fixed "
                     "50/50 hash split; pair: an event from the source span to the target span; sentence: any event "
                     "of the class):\n")
        extra.append("| split | sentences | pair found | pair with the class | sentences with the class "
                     "| ... of those with events | per-class sentence recall |\n|---|---|---|---|---|---|---|")
        for split in ("dev", "test"):
            r = pentaclass_pairs(pipeline, read_pentaclass(GOLD / f"{name}.jsonl", split), workers=args.workers)
            extra.append(f"| {split} | {r['sentences']} ({r['pairs']} pairs) | {r['pair_found']:.3f} | "
                         f"**{r['pair_class']:.3f}** | {r['sentence_recall']:.3f} | {r['sentence_precision']:.3f} | "
                         + ", ".join(f"{k} {v:.2f}" for k, v in r["per_class_recall"].items()) + " |")
    print("\n".join(extra))
    if petr2 is not None:
        confusion, errors = error_analysis(petr2.pairs)
        print("\nPer-root confusion on petr2_gsr_validation (gold rows, coded columns; `-` = no event):\n")
        print("\n".join(confusion_table(confusion)))
        print("\nThe 20 most frequent error types on petr2_gsr_validation:\n")
        print("| error | count |\n|---|---|")
        for label, n in errors.most_common(20):
            print(f"| {label} | {n} |")
    print(f"\n({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

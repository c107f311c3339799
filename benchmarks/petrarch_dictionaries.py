"""What annales reads of PETRARCH / TABARI dictionary files, line by line.

    python benchmarks/petrarch_dictionaries.py [FOLDER_OR_FILE ...] [--all]
    python benchmarks/petrarch_dictionaries.py --proxy [--show]

For each actors, agents and verbs file (by default those of the two PETRARCH suites under
../shared/data/gold): what was loaded, the lines the loader skipped, by reason, and the pattern markers the
verbs file uses (how many pattern lines use each, and how many of those were loaded). Only dictionary files
(the configuration a user loads) are read, never a suite's records. ``--all`` lists every skipped line
(default: the first 12 of each reason).

``--proxy``: the development suite's records (udpetrarch_validate) coded with its own dictionaries and with
the held-out suite's dictionaries (petr2_unittest: its configuration only, never its records): records coded
exactly with the own ones, and records whose dyads (source and target countries, each event) are the gold's
with the other ones, whose codes are another scheme's. ``--show`` lists the records that miss.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "data" / "gold"
SUITES = ("petr2_unittest", "udpetrarch_validate")

# pattern markers of PETRARCH-2 / TABARI verb patterns, as a regular expression over the pattern's text
MARKERS = {
    "$ source": r"\$", "+ target": r"(?<![\w])\+(?![\w])", "% compound": r"%", "^ skip": r"\^",
    "& synset": r"&\w", "( ) group": r"\(", "{ } group": r"\{", "_ joined words": r"\w_\w|\w_\s|\s_\w|\w_\*|\*_\w",
    "words before *": r"^-\s*[^*]*[A-Za-z&][^*]*\*", "paired code [a:b]": r"\[[^\]]*:[^\]]*\]",
    "code not numeric": r"\[(?![-+#]{3}\])(?!\d+(?::\d+)?\])[^\]]*\]",
}


def files_of(arg: str) -> list[Path]:
    p = Path(arg)
    return sorted(p.glob("*.txt")) if p.is_dir() else [p]


def report(path: Path, show_all: bool) -> None:
    from annales import petrarch as P
    from annales.petrarch_read import LoadStats, _lines

    name = path.name.lower()
    stats = LoadStats()
    if "verbs" in name or re.fullmatch(r"cameo.*\.txt", name):  # Phoenix's verbs file is CAMEO.2.0.txt
        kind = "verbs"
        patterns = P.load_verbs(path, stats)
    elif "actors" in name:
        kind = "actors"
        P.load_actors(path, P.DictionaryKnowledgeBase(), stats)
    elif "agents" in name:
        kind = "agents"
        P.load_agents(path, P.DictionaryKnowledgeBase(), stats)
    else:
        return
    print(f"\n## {path}\n\n{kind}: {stats.entries} entries, {stats.terms} terms; skipped: "
          + (", ".join(f"{r} {n}" for r, n in sorted(stats.skipped.items())) or "nothing"))
    by_reason: dict[str, list] = {}
    for n, reason, text in stats.lines:
        by_reason.setdefault(reason, []).append((n, text))
    for reason, rows in sorted(by_reason.items()):
        print(f"\n{reason} ({len(rows)} lines):")
        for n, text in rows if show_all else rows[:12]:
            print(f"  {n:5d}  {text.strip()}")
        if not show_all and len(rows) > 12:
            print(f"  ... {len(rows) - 12} more (--all)")
    if kind == "verbs":
        skipped = {n for n, _, _ in stats.lines}
        used, loaded = Counter(), Counter()
        for n, line in _lines(path):
            s = line.strip()
            if not (s.startswith("-") and not s.startswith("---") or s.startswith("* ")):
                continue
            for marker, rx in MARKERS.items():
                if re.search(rx, s):
                    used[marker] += 1
                    loaded[marker] += n not in skipped
        print("\npattern markers (pattern lines using it, of which loaded):")
        for marker in MARKERS:
            if used[marker]:
                print(f"  {marker:<22} {used[marker]:4d}  {loaded[marker]:4d}")
        print(f"verb patterns made: {len(patterns)}")


def proxy(show: bool) -> None:
    from collections import Counter

    from annales.config import load_settings
    from annales.evaluate import _keys, country, evaluate, read_gold
    from annales.petrarch import petrarch_pipeline
    from annales.pipeline import Pipeline

    records = GOLD / "udpetrarch_validate" / "records.jsonl"
    base = Pipeline(load_settings())
    ids = [r.get("id") for r in read_gold(records)]
    dyads = lambda events: Counter((country(s), country(t)) for s, t, _ in events)  # noqa: E731
    for suite, same in (("udpetrarch_validate", lambda p, g: _keys(p, "dyad+code") == _keys(g, "dyad+code")),
                        ("petr2_unittest", lambda p, g: dyads(p) == dyads(g))):
        report = evaluate(petrarch_pipeline(GOLD / suite / "dictionaries", base=base), records)
        misses = [(i, p, g) for i, (p, g) in zip(ids, report.pairs) if not same(p, g)]
        what = "coded exactly" if suite == "udpetrarch_validate" else "dyads as gold"
        print(f"udpetrarch_validate records, {suite} dictionaries: {what} {report.records - len(misses)}"
              f" of {report.records}")
        for i, p, g in misses if show else []:
            print(f"  {i}: {sorted(p, key=str)} (gold {sorted(g, key=str)})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="dictionary folders or files (default: the suites' dictionaries)")
    ap.add_argument("--all", action="store_true", help="list every skipped line")
    ap.add_argument("--proxy", action="store_true", help="the dev records coded with each suite's dictionaries")
    ap.add_argument("--show", action="store_true", help="with --proxy: list the records that miss")
    args = ap.parse_args()
    if args.proxy:
        if not (GOLD / "udpetrarch_validate" / "records.jsonl").exists():
            print(f"skipped: no udpetrarch_validate records under {GOLD}")
            return 0
        proxy(args.show)
        return 0
    paths = args.paths or [str(GOLD / s / "dictionaries") for s in SUITES if (GOLD / s / "dictionaries").exists()]
    if not paths:
        print(f"skipped: no dictionaries found under {GOLD}")
        return 0
    for arg in paths:
        for f in files_of(arg):
            report(f, args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())

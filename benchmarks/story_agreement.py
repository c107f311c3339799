"""Agreement between the team's story labels and a second annotator's (issue 4).

    .venv/bin/python benchmarks/story_agreement.py                     # agreement, kappa, P/R/F1 per split
    .venv/bin/python benchmarks/story_agreement.py --disagreements     # every pair the two label differently
    .venv/bin/python benchmarks/story_agreement.py --draw --seed 20261213  # the pairs drawn for the second annotator

Reads benchmarks/gold/story_pairs.tsv (the team's labels) and benchmarks/gold/story_pairs_second.tsv (a second
annotator's, on a random draw of the same pairs, labelled blind by the same guideline). For each split
(``stories.split_of``) it prints the number of pairs both labelled, the share on which they agree, Cohen's kappa,
and the team's labels scored as if they were a system against the second annotator's ("same" as the positive
class): how far apart two careful readings of one guideline are, the ceiling for any clustering scored on them.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "gold"
TEAM = GOLD / "story_pairs.tsv"
SECOND = GOLD / "story_pairs_second.tsv"
FIXTURE_PREFIXES = ("bbc-", "guardian-", "wikinews-")


def load_labels(path: Path) -> dict[tuple[str, str], tuple[bool, str]]:
    """(sorted id pair) -> (same, note); lines starting with '#' and the column header are skipped."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("article_a\t"):
            continue
        a, b, same, *note = line.split("\t")
        labels[tuple(sorted((a, b)))] = (same.strip() == "1", note[0] if note else "")
    return labels


def agreement(pairs: list[tuple[bool, bool]]) -> dict[str, float]:
    """Figures for (system, reference) label pairs: n, agreement, Cohen's kappa, and the system's precision,
    recall and F1 of "same" against the reference (0.0 where undefined)."""
    n = len(pairs)
    if not n:
        return {"n": 0, "agree": 0.0, "kappa": 0.0, "p": 0.0, "r": 0.0, "f1": 0.0, "sys_same": 0, "ref_same": 0}
    tp = sum(1 for s, r in pairs if s and r)
    fp = sum(1 for s, r in pairs if s and not r)
    fn = sum(1 for s, r in pairs if r and not s)
    po = sum(1 for s, r in pairs if s == r) / n
    ps, pr = sum(s for s, _ in pairs) / n, sum(r for _, r in pairs) / n
    pe = ps * pr + (1 - ps) * (1 - pr)
    kappa = (po - pe) / (1 - pe) if pe < 1 else 1.0
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"n": n, "agree": po, "kappa": kappa, "p": p, "r": r, "f1": f1,
            "sys_same": tp + fp, "ref_same": tp + fn}


def _split_of(a: str, b: str) -> str:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from stories import split_of  # noqa: E402  (imports annales; only needed when run)
    return split_of(a, b)


def draw(seed: int, n_dev: int = 120, n_test: int = 60) -> list[tuple[str, str, str]]:
    """The second annotator's draw: ``n`` pairs of each split of story_pairs.tsv, at random with ``seed``."""
    pairs = []
    for line in TEAM.read_text(encoding="utf-8").splitlines()[1:]:
        a, b = line.split("\t")[:2]
        pairs.append((a, b))
    out = []
    for split, n in (("dev", n_dev), ("test", n_test)):
        pool = sorted(p for p in pairs if _split_of(*p) == split)
        out += [(split, a, b) for a, b in random.Random(f"{seed}-{split}").sample(pool, n)]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--draw", action="store_true", help="print the drawn pairs (ids only) and stop")
    ap.add_argument("--seed", type=int, default=20261213)
    ap.add_argument("--disagreements", action="store_true", help="list the pairs labelled differently")
    args = ap.parse_args()
    if args.draw:
        for split, a, b in draw(args.seed):
            print(split, a, b, sep="\t")
        return
    team, second = load_labels(TEAM), load_labels(SECOND)
    both = [k for k in second if k in team]
    missing = len(second) - len(both)
    print(f"{len(both)} pairs labelled by both" + (f" ({missing} of the second file not in the team's)" if missing else ""))
    print("split   rows  agree   kappa   team P  team R  team F1  (team same / second same)")
    for split in ("dev", "test", "all"):
        for scope, keep in (("", lambda k: True), (" corpus", lambda k: all(i.startswith(FIXTURE_PREFIXES) for i in k))):
            keys = [k for k in both if keep(k) and (split == "all" or _split_of(*k) == split)]
            f = agreement([(team[k][0], second[k][0]) for k in keys])
            print(f"{split + scope:<12}{f['n']:>4}  {f['agree']:6.1%}  {f['kappa']:6.3f}  {f['p']:6.3f}  {f['r']:6.3f}  "
                  f"{f['f1']:7.3f}  ({f['sys_same']} / {f['ref_same']})")
    if args.disagreements:
        for k in both:
            if team[k][0] != second[k][0]:
                print(f"\n{_split_of(*k)}  {k[0]}  {k[1]}  team {int(team[k][0])}  second {int(second[k][0])}")
                print(f"  team:   {team[k][1]}\n  second: {second[k][1]}")


if __name__ == "__main__":
    main()

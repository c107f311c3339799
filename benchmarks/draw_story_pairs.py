"""Draw candidate article pairs for labelling (benchmarks/gold/story_pairs.tsv), without any clustering score.

    .venv/bin/python benchmarks/draw_story_pairs.py --seed 20261128 --n 12 > /tmp/candidates.tsv

Three candidate sets, from the news corpus in ../shared, dev split only (``stories.split_of``), pairs already
labelled left out; ``--n`` pairs drawn at random (``--seed``) from each:

* ``dated-shared-rare-name-0-3d``: Guardian and Wikinews pairs at most 3 days apart that both name a multi-word
  capitalised name found in at most 5 articles of the corpus;
* ``bbc-lead-shingles-2``: BBC pairs of one category that share a word 4-gram (lower case, stop words kept) of
  their title and first three sentences that occurs in at most 3 articles;
* ``dated-shared-name-6-15-0-3d``: Guardian and Wikinews pairs at most 3 days apart that share no such rare
  name but a multi-word name found in 6 to 15 articles (the same saga's names: the hard boundary between
  one development and the next). Drawn after the other two, so their draws for a seed are unchanged.

Prints ``article_a, article_b, method`` lines; the labeller reads both articles before anything else.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories import CORPUS, PAIRS, split_of  # noqa: E402

_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+")
_SENT = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[a-z0-9£$%'-]+")


def _opening(rec: dict) -> str:
    return f"{rec.get('title') or ''} " + " ".join(_SENT.split((rec.get("text") or "").strip())[:3])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=20261128)
    ap.add_argument("--n", type=int, default=12)
    args = ap.parse_args()
    recs = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    done = {tuple(sorted(line.split("\t")[:2])) for line in PAIRS.read_text(encoding="utf-8").splitlines()[1:]}

    def fresh(a: str, b: str) -> bool:
        return tuple(sorted((a, b))) not in done and split_of(a, b) == "dev"

    names = {r["id"]: set(_NAME.findall(f"{r.get('title') or ''}\n{r.get('text') or ''}")) for r in recs}
    df: dict[str, int] = {}
    for ns in names.values():
        for n in ns:
            df[n] = df.get(n, 0) + 1
    dated = [r for r in recs if r.get("date") and not r["id"].startswith("bbc-")]
    day = {r["id"]: r["date"][:10] for r in dated}
    from datetime import date
    rare, saga = {}, {}
    for a, b in itertools.combinations(sorted(day), 2):
        if abs((date.fromisoformat(day[a]) - date.fromisoformat(day[b])).days) <= 3 and fresh(a, b):
            shared = [df[n] for n in names[a] & names[b]]
            if any(d <= 5 for d in shared):
                rare[(a, b)] = True
            elif any(6 <= d <= 15 for d in shared):
                saga[(a, b)] = True
    grams: dict[str, set] = {}
    for r in recs:
        if r["id"].startswith("bbc-"):
            words = _WORD.findall(_opening(r).lower())
            for g in {" ".join(words[k:k + 4]) for k in range(len(words) - 3)}:
                grams.setdefault(g, set()).add(r["id"])
    shingle = set()
    for ids in grams.values():
        if 2 <= len(ids) <= 3:
            for a, b in itertools.combinations(sorted(ids), 2):
                if a.rsplit("-", 1)[0] == b.rsplit("-", 1)[0] and fresh(a, b):
                    shingle.add((a, b))
    rng = random.Random(args.seed)
    for method, cands in (("dated-shared-rare-name-0-3d", sorted(rare)), ("bbc-lead-shingles-2", sorted(shingle)),
                          ("dated-shared-name-6-15-0-3d", sorted(saga))):
        for a, b in rng.sample(cands, min(args.n, len(cands))):
            print(f"{a}\t{b}\t{method}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

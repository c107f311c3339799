"""Which corpus articles the genre finder sets aside (annales.genres), by section of the news corpus.

    python benchmarks/genres.py [--split dev|test|all] [--show]

The corpus's BBC articles carry their section in their ids (sport, business, politics, tech,
entertainment); Guardian and Wikinews articles are mostly politics and world news. The finder reads only
the text, never the id. The terms and thresholds were chosen on the dev half (annales' fixed hash split of
article ids, 50/50, seed 2); the test half is the held-out figure. A set-aside article gets no events, so
the figure that matters besides each genre's recall is how few political news articles are named a genre.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news_corpus.jsonl"


SECTION_GENRE = {"sport": "sport", "entertainment": "entertainment"}  # BBC sections and the genre they are
NEWS = ("politics", "guardian", "wikinews")  # sections of political and world news


def section(article_id: str) -> str:
    parts = article_id.split("-")
    return parts[1] if parts[0] == "bbc" else parts[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--show", action="store_true",
                    help="dev only: list sport and entertainment articles missed, and other articles named a genre")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: corpus not found at {CORPUS}")
        return 0
    from annales.config import load_settings
    from annales.evaluate import in_test_split
    from annales.genres import GenreFinder
    from annales.records import Article

    finder = GenreFinder.from_settings(load_settings())
    splits = ("dev", "test") if args.split == "all" else (args.split,)
    total: dict[str, Counter] = {s: Counter() for s in splits}
    flagged: dict[str, Counter] = {s: Counter() for s in splits}  # (section, genre) -> articles
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            split = "test" if in_test_split(rec["id"], 0.5, seed=2) else "dev"
            if split not in splits:
                continue
            genre = finder(Article(id=rec["id"], text=rec.get("text") or "", title=rec.get("title")))
            sec = section(rec["id"])
            total[split][sec] += 1
            flagged[split][(sec, genre)] += 1
            if args.show and split == "dev" and genre != SECTION_GENRE.get(sec):
                if genre or sec in SECTION_GENRE:
                    print(f"[{split}] {sec:13} {genre or 'kept':13} {rec['id']}: {rec.get('title')}")
    genres = sorted(finder.patterns)
    sections = sorted(total[splits[0]])
    print("Articles of each section the genre finder names (set aside: genres of [genres] skip get no events)\n")
    print("| split | genre | " + " | ".join(sections) + " |")
    print("|---" * (len(sections) + 2) + "|")
    for s in splits:
        for g in genres:
            print(f"| {s} | {g} | " + " | ".join(f"{flagged[s][(k, g)]}/{total[s][k]}" for k in sections) + " |")
    print("\nNews sections (politics, Guardian, Wikinews) named any genre: "
          + ", ".join(f"{s} {sum(flagged[s][(k, g)] for k in NEWS for g in genres)}/{sum(total[s][k] for k in NEWS)}"
                      for s in splits))
    return 0


if __name__ == "__main__":
    sys.exit(main())

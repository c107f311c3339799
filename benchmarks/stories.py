"""Story clustering benchmark: pairwise precision / recall / F1 against benchmarks/gold/story_pairs.tsv.

    .venv/bin/python benchmarks/stories.py                 # default settings, dev and test scores, timing
    .venv/bin/python benchmarks/stories.py --sweep         # thresholds on the DEV split only (for tuning)
    .venv/bin/python benchmarks/stories.py --no-embeddings # TF-IDF only (as without the encoder model)

The clustering sees the whole collection at once (the news corpus in ../shared plus the team's fixture
articles in tests/fixtures/stories/), as it would in a store. A labelled pair counts as predicted "same"
when both articles get the same story id. Pairs are split 50/50 into dev and test by the SHA-1 of the
sorted pair ids; tune on dev only. Without ../shared only the fixture pairs are scored.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "news_corpus.jsonl"
FIXTURES = ROOT / "tests" / "fixtures" / "stories"
PAIRS = ROOT / "benchmarks" / "gold" / "story_pairs.tsv"

sys.path.insert(0, str(ROOT / "src"))
from annales.ingest import parse_text  # noqa: E402
from annales import stories  # noqa: E402
from annales.stories import StoryInput, cluster_articles  # noqa: E402


def split_of(a: str, b: str) -> str:
    """'dev' or 'test': by the SHA-1 of the sorted pair ids."""
    key = "\t".join(sorted((a, b))).encode("utf-8")
    return "dev" if int(hashlib.sha1(key).hexdigest(), 16) % 2 == 0 else "test"


def load_items() -> tuple[list[StoryInput], bool]:
    items = []
    for path in sorted(FIXTURES.glob("*.txt")):
        art = parse_text(path.read_text(encoding="utf-8"), path.stem, str(path))
        items.append(StoryInput(path.stem, art.title, art.text, art.published))
    have_corpus = CORPUS.exists()
    if have_corpus:
        with open(CORPUS, encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                date = datetime.date.fromisoformat(r["date"][:10]) if r.get("date") else None
                items.append(StoryInput(r["id"], r.get("title"), r["text"], date))
    return items, have_corpus


def load_pairs(ids: set[str]) -> list[tuple[str, str, bool, str]]:
    pairs = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines()[1:]:
        a, b, same, _note = line.split("\t")
        if a in ids and b in ids:
            pairs.append((a, b, same == "1", split_of(a, b)))
    return pairs


def score(pairs, story: dict[str, str], split: str) -> tuple[float, float, float, int, int]:
    tp = fp = fn = 0
    for a, b, same, s in pairs:
        if s != split:
            continue
        pred = story[a] == story[b]
        tp += pred and same
        fp += pred and not same
        fn += same and not pred
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, sum(1 for x in pairs if x[3] == split), sum(1 for x in pairs if x[3] == split and x[2])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--threshold", type=float)
    ap.add_argument("--window-days", type=int)
    ap.add_argument("--sweep", action="store_true", help="scan thresholds, scoring the dev split only")
    ap.add_argument("--no-embeddings", dest="embeddings", action="store_false",
                    help="TF-IDF only (default: the [stories] embeddings setting)")
    ap.set_defaults(embeddings=None)
    args = ap.parse_args()
    items, have_corpus = load_items()
    if not have_corpus:
        print(f"news corpus not found at {CORPUS}: scoring the fixture articles only")
    pairs = load_pairs({it.article_id for it in items})
    if args.sweep:
        for t in [0.20, 0.25, 0.28, 0.30, 0.32, 0.35, 0.38, 0.40, 0.45, 0.50]:
            story = cluster_articles(items, threshold=t, window_days=args.window_days, embeddings=args.embeddings)
            p, r, f, n, pos = score(pairs, story, "dev")
            print(f"threshold {t:.2f}  dev P {p:.3f} R {r:.3f} F1 {f:.3f}  ({n} pairs, {pos} same)")
        return 0
    t0 = time.perf_counter()
    story = cluster_articles(items, threshold=args.threshold, window_days=args.window_days, embeddings=args.embeddings)
    took = time.perf_counter() - t0
    if args.embeddings is not False and stories._encoder() is not None:  # the encoder's share, measured apart
        cpu0, t1 = time.process_time(), time.perf_counter()
        stories._embed(items)
        wall, cpu = time.perf_counter() - t1, time.process_time() - cpu0
        print(f"sentence embeddings: {len(items)} articles in {wall:.1f} s wall ({len(items) / wall:.0f} articles/s), "
              f"{cpu:.1f} s CPU; included in the clustering time below")
    n_stories = len(set(story.values()))
    multi = sum(1 for s in set(story.values()) if sum(1 for v in story.values() if v == s) > 1)
    print(f"{len(items)} articles -> {n_stories} stories ({multi} with more than one article) "
          f"in {took:.2f} s ({len(items) / took:.0f} articles/s)")
    for split in ("dev", "test"):
        p, r, f, n, pos = score(pairs, story, split)
        print(f"{split:4}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({n} pairs, {pos} same)")
    fx = [x for x in pairs if x[0] in {p.stem for p in FIXTURES.glob('*.txt')}]
    wrong = [(a, b) for a, b, same, _ in fx if (story[a] == story[b]) != same]
    print(f"fixture pairs: {len(fx) - len(wrong)}/{len(fx)} right" + (f"; wrong: {wrong}" if wrong else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

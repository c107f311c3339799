"""Story clustering benchmark: pairwise precision / recall / F1 against benchmarks/gold/story_pairs.tsv.

    .venv/bin/python benchmarks/stories.py                 # default settings, dev and test scores, timing
    .venv/bin/python benchmarks/stories.py --sweep         # thresholds on the DEV split only (for tuning)
    .venv/bin/python benchmarks/stories.py --no-embeddings # TF-IDF only (as without the encoder model)
    .venv/bin/python benchmarks/stories.py --no-events     # without the coded events (--no-actors: actor countries)
    .venv/bin/python benchmarks/stories.py --dev-only --errors --money-conflict 0 --rare-name-bonus 0  # tuning, dev only
    .venv/bin/python benchmarks/stories.py --dev-only --scores  # every DEV pair with its pair score, best first

The clustering sees the whole collection at once (the news corpus in ../shared plus the team's fixture
articles in tests/fixtures/stories/), as it would in a store. A labelled pair counts as predicted "same"
when both articles get the same story id. Pairs are split 50/50 into dev and test by the SHA-1 of the
sorted pair ids; tune on dev only. Without ../shared only the fixture pairs are scored.

The articles reach the clustering as ``merge_store`` gives them (``stories.story_inputs``): coded by the
annales pipeline (actor countries and coded events), with the stored text. The coder's output is kept in a
DuckDB store under ``$ANNALES_CACHE_DIR`` or ``~/.cache/annales`` (the first run codes all 2,776 articles:
several minutes on 2 cores; later runs only what changed), and the sentence embeddings in a pickle beside
it, so the reported clustering time excludes the encoder (``--encoder-timing`` measures it apart).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime
import hashlib
import json
import os
import pickle
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
from annales.stories import StoryInput, cluster_articles, story_inputs  # noqa: E402


def split_of(a: str, b: str) -> str:
    """'dev' or 'test': by the SHA-1 of the sorted pair ids."""
    key = "\t".join(sorted((a, b))).encode("utf-8")
    return "dev" if int(hashlib.sha1(key).hexdigest(), 16) % 2 == 0 else "test"


def load_items(events: bool = True, actors: bool = True) -> tuple[list[StoryInput], bool]:
    """The collection as ``merge_store`` gives it to the clustering: article text and dates as stored,
    the actor countries found in each article, and (with ``events``) its coded events
    (:func:`coded_collection`, cached)."""
    rows, arts = coded_collection()
    keep = {p.stem for p in FIXTURES.glob("*.txt")}
    have_corpus = CORPUS.exists()
    if have_corpus:
        with open(CORPUS, encoding="utf-8") as fh:
            keep |= {json.loads(line)["id"] for line in fh if line.strip()}
    arts = {k: v for k, v in arts.items() if k in keep}
    items = story_inputs(rows if events else [], arts)
    if not actors:
        items = [dataclasses.replace(it, actors=frozenset()) for it in items]
    return items, have_corpus


def load_vectors() -> dict:
    """The benchmark's cache of sentence embeddings (``vectors`` of ``cluster_articles``), as a store keeps one."""
    path = cache_dir() / "stories-bench-vectors.pkl"
    if path.exists():
        with open(path, "rb") as fh:
            return pickle.load(fh)
    return {}


def save_vectors(vectors: dict, known: int) -> None:
    if len(vectors) != known:
        path = cache_dir() / "stories-bench-vectors.pkl"
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            pickle.dump(vectors, fh)


def cache_dir() -> Path:
    """``$ANNALES_CACHE_DIR`` or ``~/.cache/annales`` (as the gazetteer cache)."""
    root = os.environ.get("ANNALES_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "annales")
    return Path(root)


def coded_collection(workers: int = 2, verbose: bool = False) -> tuple[list[dict], dict[str, dict]]:
    """The coder's output for the collection, as ``Store.merge_inputs`` gives it to ``merge_store``:
    (flat event rows, article id -> {published, title, text, countries ...}).

    The articles (fixtures, then the corpus) are coded by the annales Pipeline into a DuckDB store
    under :func:`cache_dir` that is kept between runs; only articles that are new or changed, or all
    of them after a change of ``coder_version`` (the knowledge files), are coded again (about 2-3
    minutes for the whole corpus on 2 cores)."""
    from annales.batch import RunSummary, code_items
    from annales.config import load_settings
    from annales.ingest import parse_json_record
    from annales.pipeline import Pipeline
    from annales.store import Store

    def articles():
        for path in sorted(FIXTURES.glob("*.txt")):
            yield parse_text(path.read_text(encoding="utf-8"), path.stem, str(path))
        if CORPUS.exists():
            with open(CORPUS, encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    art = parse_json_record(line, f"corpus-{n}", f"{CORPUS}:{n}", None)
                    if art is not None:
                        yield art

    pipeline = Pipeline(load_settings())
    path = cache_dir() / "stories-bench.duckdb"
    path.parent.mkdir(parents=True, exist_ok=True)
    summary = RunSummary()
    with Store(path) as store:
        for _ in code_items(articles(), store, pipeline, summary, workers=workers, replay_unchanged=False):
            pass
        rows, arts = store.merge_inputs()
    if verbose or summary.coded:
        print(f"coder output: {summary.coded} articles coded, {summary.unchanged} cached ({path})")
    return rows, arts


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
    ap.add_argument("--no-events", dest="events", action="store_false",
                    help="leave out the coded events (StoryInput.events), as for articles that were not coded")
    ap.add_argument("--no-actors", dest="actors", action="store_false",
                    help="leave out the actor countries (StoryInput.actors)")
    ap.add_argument("--event-weight", type=float, help="override stories.EVENT_WEIGHT (tuning, dev only)")
    ap.add_argument("--conflict-penalty", type=float, help="override stories.CONFLICT_PENALTY (tuning, dev only)")
    ap.add_argument("--undated-margin", type=float, help="override the [stories] undated_margin (tuning, dev only)")
    ap.add_argument("--money-conflict", type=float, help="override the [stories] money_conflict (tuning, dev only)")
    ap.add_argument("--rare-name-bonus", type=float, help="override the [stories] rare_name_bonus (tuning, dev only)")
    ap.add_argument("--attach-margin", type=float,
                    help="override the [stories] attach_margin (tuning, dev only; 1 turns the second stage off)")
    ap.add_argument("--attach-slack", type=float, help="override the [stories] attach_slack (tuning, dev only)")
    ap.add_argument("--dev-only", action="store_true", help="print the DEV split's scores only (while tuning)")
    ap.add_argument("--errors", action="store_true", help="list the DEV pairs that come out wrong, with their pair scores")
    ap.add_argument("--scores", action="store_true",
                    help="list every DEV pair with its pair score (stories.pair_scores), label and outcome")
    ap.add_argument("--encoder-timing", action="store_true",
                    help="also time the sentence encoder on the whole collection, without the vector cache")
    ap.set_defaults(embeddings=None)
    args = ap.parse_args()
    if args.event_weight is not None:
        stories.EVENT_WEIGHT = args.event_weight
    if args.conflict_penalty is not None:
        stories.CONFLICT_PENALTY = args.conflict_penalty
    overrides = {k: v for k, v in (("undated_margin", args.undated_margin), ("money_conflict", args.money_conflict),
                                   ("rare_name_bonus", args.rare_name_bonus), ("attach_margin", args.attach_margin),
                                   ("attach_slack", args.attach_slack)) if v is not None}
    if overrides:
        settings = stories._settings
        stories._settings = lambda: {**settings(), **overrides}
    items, have_corpus = load_items(events=args.events, actors=args.actors)
    if not have_corpus:
        print(f"news corpus not found at {CORPUS}: scoring the fixture articles only")
    pairs = load_pairs({it.article_id for it in items})
    vectors = load_vectors()
    known = len(vectors)
    if args.sweep:
        for t in [0.20, 0.22, 0.24, 0.26, 0.28, 0.30, 0.32, 0.35, 0.38, 0.40, 0.45, 0.50]:
            story = cluster_articles(items, threshold=t, window_days=args.window_days, embeddings=args.embeddings,
                                     vectors=vectors)
            p, r, f, n, pos = score(pairs, story, "dev")
            print(f"threshold {t:.2f}  dev P {p:.3f} R {r:.3f} F1 {f:.3f}  ({n} pairs, {pos} same)")
        save_vectors(vectors, known)
        return 0
    if known == 0:  # fill the cache first, so that the clustering time below is the clustering alone
        cluster_articles(items[:1], embeddings=args.embeddings, vectors=vectors)
        stories._embed(items, vectors) if args.embeddings is not False and stories._encoder() else None
        save_vectors(vectors, known)
    t0 = time.perf_counter()
    story = cluster_articles(items, threshold=args.threshold, window_days=args.window_days, embeddings=args.embeddings,
                             vectors=vectors)
    took = time.perf_counter() - t0
    if args.encoder_timing and args.embeddings is not False and stories._encoder() is not None:
        cpu0, t1 = time.process_time(), time.perf_counter()
        stories._embed(items)
        wall, cpu = time.perf_counter() - t1, time.process_time() - cpu0
        print(f"sentence embeddings: {len(items)} articles in {wall:.1f} s wall ({len(items) / wall:.0f} articles/s), "
              f"{cpu:.1f} s CPU; not included in the clustering time below (cached vectors, as a store keeps them)")
    n_stories = len(set(story.values()))
    multi = sum(1 for s in set(story.values()) if sum(1 for v in story.values() if v == s) > 1)
    coded = sum(1 for it in items if it.events)
    print(f"{len(items)} articles ({coded} with coded events) -> {n_stories} stories ({multi} with more than one "
          f"article) in {took:.2f} s ({len(items) / took:.0f} articles/s; embeddings from the cache)")
    for split in ("dev",) if args.dev_only else ("dev", "test"):
        p, r, f, n, pos = score(pairs, story, split)
        print(f"{split:4}  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  ({n} pairs, {pos} same)")
    if args.errors or args.scores:
        dev = [(a, b, same) for a, b, same, split in pairs if split == "dev"]
        scored = stories.pair_scores(items, [(a, b) for a, b, _ in dev], window_days=args.window_days,
                                     embeddings=args.embeddings, vectors=vectors)
        for a, b, same in sorted(dev, key=lambda x: -scored[x[:2]]):
            pred = story[a] == story[b]
            if args.scores or pred != same:
                outcome = "right" if pred == same else "missed" if same else "false"
                print(f"  dev {outcome:6} {scored[(a, b)]:6.3f} same={int(same)}  {a} {b}")
    fx = [x for x in pairs if x[0] in {p.stem for p in FIXTURES.glob('*.txt')}]
    wrong = [(a, b) for a, b, same, _ in fx if (story[a] == story[b]) != same]
    print(f"fixture pairs: {len(fx) - len(wrong)}/{len(fx)} right" + (f"; wrong: {wrong}" if wrong else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())

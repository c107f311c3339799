"""Draw the corpus sentences of ``benchmarks/gold/events_corpus.jsonl`` for labelling (prints; writes nothing).

    python benchmarks/draw_event_sentences.py [--context 2] [--batch 4]

Pool: the Guardian and Wikinews articles (dated) and the BBC 'politics' ones of
``../shared/data/corpus/news_corpus.jsonl``, each ingested as the coder ingests it and split into
sentences as ``corpus_events.sentences`` splits; a sentence is a candidate when it has 8 to 60 words.
Each batch of ``BATCHES`` shuffles the article ids not drawn by an earlier batch, sorted, with
``random.Random(seed)``; walking that order, the first ``named`` articles with a candidate naming a
country or an international organisation (a plain word list: the country names, aliases and demonyms
of ``annales/data/countries.tsv`` and the IGO names below; ``least`` different names of it) give one
such candidate each, drawn at random, and the next ``plain`` articles give one candidate each with no
filter, so that sentences without events are measured too; a batch may take its articles from one
split only. One sentence per article. Nothing here
uses the coder's output.

Prints one block per sentence: its number, article id, split, date, title, anchor (word count and
SHA-1, as stored in the gold file), the sentence, and ``context`` sentences before it.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_events import CORPUS, ROOT, load_articles, make_anchor, sentences  # noqa: E402
from places import split_of  # noqa: E402

IGOS = ["United Nations", "UN", "U.N.", "Security Council", "Nato", "NATO", "European Union", "EU",
        "Arab League", "African Union", "IMF", "World Bank", "WHO", "World Health Organization", "OPEC",
        "WTO", "OSCE", "Asean", "ASEAN", "G7", "G8", "G20", "Commonwealth", "International Criminal Court"]
POOL = ("guardian-", "wikinews-", "bbc-politics-")
# (seed, named, plain, least distinct names in a "named" sentence, split or None for both): the later
# batches were added after the first was labelled, the third to get more sentences with two parties (and
# so more events), the fourth (twelfth stop), fifth (thirteenth stop), sixth (fourteenth stop), seventh
# (fifteenth stop), eighth (sixteenth stop), ninth (seventeenth stop) and tenth (eighteenth stop) from dev-split
# articles only, to measure generalisation
BATCHES = [(2026, 120, 40, 1, None), (2027, 30, 10, 1, None), (2028, 60, 0, 2, None), (2029, 30, 10, 1, "dev"),
           (2030, 30, 10, 1, "dev"), (2031, 30, 10, 1, "dev"), (2032, 30, 10, 1, "dev"),
           (2033, 30, 10, 1, "dev"), (2034, 30, 10, 1, "dev"), (2035, 30, 10, 1, "dev")]


def name_pattern() -> re.Pattern:
    words = list(IGOS)
    for line in (ROOT / "src" / "annales" / "data" / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
            continue
        cols = line.split("\t")
        words += [w for c in cols[1:4] if c for w in c.split("|") if w]
    words = sorted(set(words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, words)) + r")(?![\w-])")


def draw(ids: list[str], articles: dict, seed: int, n_named: int, n_plain: int, least: int) -> list[tuple]:
    """(kind, article id, sentence span) of one batch, drawn from ``ids`` as the docstring says."""
    rng = random.Random(seed)
    ids = sorted(ids)
    rng.shuffle(ids)
    names = name_pattern()
    drawn = []
    for aid in ids:
        if len(drawn) >= n_named + n_plain:
            break
        text = articles[aid].text
        cands = [s for s in sentences(text) if 8 <= len(text[s[0]:s[1]].split()) <= 60]
        named = len(drawn) < n_named
        if named:
            cands = [s for s in cands if len(set(names.findall(text[s[0]:s[1]]))) >= least]
        cands = [s for s in cands if make_anchor(text, s)]
        if cands:
            drawn.append(("named" if named else "plain", aid, rng.choice(cands)))
    return drawn


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--context", type=int, default=2, help="sentences shown before each drawn one")
    ap.add_argument("--batch", type=int, help="print only this batch (1-based)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: corpus not found at {CORPUS}")
        return 0
    with open(CORPUS, encoding="utf-8") as fh:
        ids = [i for i in (json.loads(line)["id"] for line in fh if line.strip()) if i.startswith(POOL)]
    articles = load_articles(set(ids))
    drawn = []
    for b, (seed, n_named, n_plain, least, split) in enumerate(BATCHES, 1):
        done = {d[2] for d in drawn}
        pool = [i for i in ids if i not in done and (split is None or split_of(i) == split)]
        drawn += [(b, *d) for d in draw(pool, articles, seed, n_named, n_plain, least)]
    for k, (b, kind, aid, span) in enumerate(drawn, 1):
        if args.batch and b != args.batch:
            continue
        text = articles[aid].text
        key, n = make_anchor(text, span)
        spans = sentences(text)
        at = spans.index(span)
        print(f"=== {k} {aid} [b{b}] [{split_of(aid)}] [{kind}] date={articles[aid].published} anchor={n} {key}")
        print(f"title: {articles[aid].title}")
        for s in spans[max(0, at - args.context):at]:
            print(f"  ctx: {text[s[0]:s[1]]}")
        print(f">>> {text[span[0]:span[1]]}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

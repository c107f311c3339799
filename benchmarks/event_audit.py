"""Precision of the events the coder finds in real news: a random sample of its output, judged by the team.

    python benchmarks/event_audit.py                 # score the judged sample against the coder as it is
    python benchmarks/event_audit.py --draw 60 --seed 8   # print a new sample to judge (one event per article;
                                                          # articles of judged events are left out)
    python benchmarks/event_audit.py --draw 60 --seed 8 --again   # once a half has no undrawn article with an
                                                          # event: one more event per drawn article, from a
                                                          # sentence with no judged event

The sample: articles drawn at random (fixed seed) from the test half of
``../shared/data/corpus/news_corpus.jsonl`` (``places.split_of``), coded whole by the default pipeline;
of each article with events, one event drawn at random. Each judged event is a line of
``benchmarks/gold/event_audit.jsonl``: article id, sentence anchor (SHA-1 of its first words, as the other
corpus labels: no corpus text in the repo), the coded (source, target, CAMEO code) and the verdict
``right`` (the sentence reports this act by this source on this target, as CAMEO codes it: countries and
root right, an intent coded as an intent), ``actors`` (the act, its root and the actors' entities are right,
but a country code is missing or wrong) or ``wrong``, with a note. Guideline: ``benchmarks/gold/README.md``.

Scoring: the judged events the coder still codes in their sentence give the precision; events no longer
coded, and sentences where it now codes events nobody judged, are counted beside it. The verdicts are a
measurement only: no rule is written from them.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_events import events_in, find_sentence, make_anchor, sentences  # noqa: E402
from places import CORPUS, load_articles, split_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold" / "event_audit.jsonl"


def _key(e) -> tuple:
    return (e.source.code, e.target.code if e.target else None, e.cameo)


def draw(n: int, seed: int = 7, judged: dict[str, set[str]] | None = None, split: str = "test",
         again: bool = False) -> None:
    """Print ``n`` events to judge, one per article of ``split`` in a seeded order. ``judged`` maps the article
    ids of judged events to their sentence anchors: those articles are left out, or with ``again`` they are the
    only ones drawn from, and only events of sentences with no judged event."""
    from annales.pipeline import Pipeline

    judged = judged or {}
    ids = [json.loads(line)["id"] for line in open(CORPUS, encoding="utf-8")]
    ids = [i for i in ids if split_of(i) == split and (i in judged) == again]
    rng = random.Random(seed)
    rng.shuffle(ids)
    pipeline, shown = Pipeline(), 0
    for start in range(0, len(ids), 40):
        articles = load_articles(set(ids[start:start + 40]))
        for coded in pipeline.pipe(articles[i] for i in ids[start:start + 40] if i in articles):
            if not coded.events or shown >= n:
                continue
            text, spans = coded.article.text, sentences(coded.article.text)
            events = [(e, next(s for s in spans if s[0] <= e.sentence_start + e.trigger.start < s[1]))
                      for e in coded.events]
            anchors = {s: make_anchor(text, s) for _, s in events}
            seen = judged.get(coded.article.id, set())
            events = [(e, s) for e, s in events if not (anchors[s] and anchors[s][0] in seen)]
            if not events:
                continue
            e, span = rng.choice(events)
            anchor = anchors[span]
            if anchor is None:
                continue
            shown += 1
            print(json.dumps({"article_id": coded.article.id, "anchor_sha1": anchor[0], "anchor_words": anchor[1],
                              "source": e.source.code, "target": e.target.code if e.target else None,
                              "code": e.cameo, "verdict": "?", "note": ""}))
            print(f"#   {text[span[0]:span[1]]}\n#   {e.source.text!r} -{e.trigger.text}-> "
                  f"{e.target.text if e.target else None!r}  ({e.method}, {e.modality})")
        if shown >= n:
            return


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--draw", type=int, default=None, help="print N new events to judge")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--split", choices=("dev", "test"), default=None,
                    help="the half of the corpus to draw from (default test); when scoring, only the rounds of that "
                         "half (dev rounds are tagged '[dev round...]')")
    ap.add_argument("--again", action="store_true",
                    help="with --draw: draw from the articles of judged events instead, one event per article from "
                         "a sentence with no judged event (for a half whose undrawn articles have no event left)")
    ap.add_argument("--unjudged", action="store_true",
                    help="print, to judge, the events now coded in the sentences of judged events that are no longer "
                         "coded (after a change of the coder, so that a round goes on measuring its sentences)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: corpus not found at {CORPUS}")
        return 0
    labels = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.draw:
        judged: dict[str, set[str]] = {}
        for lab in labels:
            judged.setdefault(lab["article_id"], set()).add(lab["anchor_sha1"])
        draw(args.draw, args.seed, judged, args.split or "test", args.again)
        return 0
    if args.split:
        labels = [lab for lab in labels if lab["note"].startswith("[dev round") == (args.split == "dev")]
    from annales.pipeline import Pipeline

    articles = load_articles({lab["article_id"] for lab in labels})
    coded = {c.article.id: c.events for c in Pipeline().pipe(articles[i] for i in sorted(articles))}
    verdicts: dict[str, Counter] = {}
    unjudged = set()
    judged_keys = {(lab["article_id"], lab["anchor_sha1"], (lab["source"], lab["target"], lab["code"]))
                   for lab in labels}
    for lab in labels:
        art = articles.get(lab["article_id"])
        span = art and find_sentence(art.text, lab["anchor_sha1"], lab["anchor_words"])
        now = [_key(e) for e in events_in(coded.get(lab["article_id"], []), span)] if span else []
        rnd = lab["note"].split("]")[0].lstrip("[") if lab["note"].startswith("[") else "-"
        verdicts.setdefault(rnd, Counter())[lab["verdict"] if (lab["source"], lab["target"], lab["code"]) in now
                                            else "gone"] += 1
        new = {(lab["article_id"], lab["anchor_sha1"], k) for k in now} - judged_keys - unjudged
        if args.unjudged and (lab["source"], lab["target"], lab["code"]) not in now:  # what replaced it
            for e in events_in(coded.get(lab["article_id"], []), span):
                if (lab["article_id"], lab["anchor_sha1"], _key(e)) in new:
                    print(json.dumps({"article_id": lab["article_id"], "anchor_sha1": lab["anchor_sha1"],
                                      "anchor_words": lab["anchor_words"], "source": e.source.code,
                                      "target": e.target.code if e.target else None, "code": e.cameo,
                                      "verdict": "?", "note": f"[{rnd}] "}))
                    print(f"#   {e.sentence}\n#   {e.source.text!r} -{e.trigger.text}-> "
                          f"{e.target.text if e.target else None!r}  ({e.method}, {e.modality})")
        unjudged |= new
    print(f"{GOLD.relative_to(ROOT)}: {len(labels)} judged events")
    print("| sample | still coded | right | ... or right but for a country code | wrong | no longer coded |")
    print("|---|---|---|---|---|---|")
    for rnd, c in sorted(verdicts.items()):
        n = c["right"] + c["actors"] + c["wrong"]
        print(f"| {rnd} | {n} | {c['right']} ({c['right'] / max(n, 1):.0%}) | {c['right'] + c['actors']} "
              f"({(c['right'] + c['actors']) / max(n, 1):.0%}) | {c['wrong']} | {c['gone']} |")
    print(f"events now coded in the judged sentences and not judged: {len(unjudged)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Event accuracy on real news: the coder against the team's labelled corpus sentences.

    python benchmarks/corpus_events.py [--split dev|test|all] [--batch b4] [--show]

``benchmarks/gold/events_corpus.jsonl`` holds, for 460 sentences of
``../shared/data/corpus/news_corpus.jsonl`` (drawn by ``benchmarks/draw_event_sentences.py``), every
event the sentence reports as (source, target, CAMEO code), labelled by the team (guideline:
``benchmarks/gold/README.md``). A label names its sentence by article id and the SHA-1 of the sentence's
first ``anchor_words`` words (``places.anchor_key``), so no corpus text is in the repo.

Each labelled article is coded whole by the default pipeline (with its date where it has one); the
article's cleaned text is split into sentences as the draw split it, and the events whose trigger lies in
the anchored sentence are scored against the labels with ``annales.evaluate`` (dyad+root, dyad+code and
root P/R/F1 at the country level). Labels split by sha1(article_id) into dev and test halves, as the
places labels; ``--batch`` keeps the labels of the draw batches named (the tag their note opens with). ``--show``
lists the dev sentences whose events differ from the labels.

Skips (exit 0 with a message) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from places import _norm_word, anchor_key, load_articles, split_of  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CORPUS = SHARED / "corpus" / "news_corpus.jsonl"
GOLD = ROOT / "benchmarks" / "gold" / "events_corpus.jsonl"
MIN_ANCHOR = 4  # the anchor has at least this many words (more where needed to be unique)

_WORD = re.compile(r"\S+")
_SPLITTER = None


def sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (spaCy's rule-based sentencizer, as the coder's
    prefilter splits, and line breaks), blank edges left out."""
    global _SPLITTER
    if _SPLITTER is None:
        import spacy

        _SPLITTER = spacy.blank("en")
        _SPLITTER.add_pipe("sentencizer")
    out = []
    for s in _SPLITTER(text).sents:
        for line in re.finditer(r"[^\n]+", text[s.start_char:s.end_char]):
            a, b = s.start_char + line.start(), s.start_char + line.end()
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append((a, b))
    return out


def _keys(text: str, n: int) -> list[str]:
    words = [_norm_word(w) for w in _WORD.findall(text)]
    return [anchor_key(" ".join(words[i:i + n])) for i in range(len(words) - n + 1)]


def make_anchor(text: str, span: tuple[int, int]) -> tuple[str, int] | None:
    """(SHA-1, word count) of the shortest run of at least MIN_ANCHOR first words of the sentence at
    ``span`` that occurs once in ``text``; None when no such run exists."""
    sent = _WORD.findall(text[span[0]:span[1]])
    for n in range(MIN_ANCHOR, len(sent) + 1):
        key = anchor_key(" ".join(sent[:n]))
        if _keys(text, n).count(key) == 1:
            return key, n
    return None


def find_sentence(text: str, key: str, n: int) -> tuple[int, int] | None:
    """The span of the sentence of ``text`` whose first ``n`` words hash to ``key``."""
    for span in sentences(text):
        words = _WORD.findall(text[span[0]:span[1]])
        if len(words) >= n and anchor_key(" ".join(words[:n])) == key:
            return span
    return None


def events_in(events: list, span: tuple[int, int]) -> list:
    """The coded events whose trigger lies in the article-text ``span``."""
    return [e for e in events if span[0] <= e.sentence_start + e.trigger.start < span[1]]


def read_labels(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold(lab: dict) -> list[tuple]:
    return [(e["source"], e.get("target"), str(e["code"])) for e in lab["events"]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--batch", help="only the labels of these draw batches (b1 .. b9, comma-separated)")
    ap.add_argument("--show", action="store_true", help="list the dev sentences the coder gets wrong")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: shared data not found at {SHARED}")
        return 0
    from annales.evaluate import Report, align, error_type, predicted_tuples, score_record
    from annales.pipeline import Pipeline

    batches = args.batch.split(",") if args.batch else None
    labels = [lab for lab in read_labels() if not batches or lab["note"][1:].split(" ")[0] in batches]
    articles = load_articles({lab["article_id"] for lab in labels})
    coded = {ca.article.id: ca.events for ca in Pipeline().pipe(articles[i] for i in sorted(articles))}
    n_events = sum(len(lab["events"]) for lab in labels)
    print(f"{GOLD.relative_to(ROOT)}: {len(labels)} sentences in {len(articles)} articles, {n_events} events")
    names = ["dev", "test", "all"] if args.split == "all" else [args.split]
    for name in names:
        report, misses, lost = Report(), [], 0
        for lab in labels:
            if name != "all" and split_of(lab["article_id"]) != name:
                continue
            art = articles.get(lab["article_id"])
            span = art and find_sentence(art.text, lab["anchor_sha1"], lab["anchor_words"])
            lost += span is None
            predicted = predicted_tuples(events_in(coded.get(lab["article_id"], []), span)) if span else []
            gold = _gold(lab)
            score_record(report, predicted, gold)
            report.pairs.append((predicted, gold))
            diffs = [error_type(k, p, g) for k, p, g in align(predicted, gold) if k != "match"]
            if diffs:
                misses.append((lab, span and art.text[span[0]:span[1]], gold, predicted, diffs))
        print(f"\n[{name}] ({len(report.pairs)} sentences, {sum(len(g) for _, g in report.pairs)} events"
              + (f"; {lost} anchors not found" if lost else "") + ")")
        print(report.format())
        if args.show and name == "dev":
            for lab, sent, gold, predicted, diffs in misses:
                print(f"\n  {lab['article_id']} {lab['anchor_sha1'][:8]}: {'; '.join(diffs)}\n  {sent}\n"
                      f"    gold  {gold}\n    coded {predicted}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Place accuracy: the geocoder against the team's labelled event locations and PLOVER's LOC marks.

    python benchmarks/places.py [--split dev|test|all] [--show]

1. ``benchmarks/gold/places_corpus.jsonl``: event locations the team labelled in
   ``../shared/data/corpus/news_corpus.jsonl`` (guideline: ``benchmarks/gold/README.md``). Each label is
   matched to the coded event of its article whose sentence contains the label's anchor phrase (the
   event whose trigger is nearest the anchor). Labels split by sha1(article_id) into dev and test
   halves; the geocoder was tuned on dev only. Reported per split:
   - coverage: labels with a place that got a location at all;
   - country: located in the labelled country, over all labels with a place (a miss counts as wrong),
     and over the located ones;
   - city: where the label names a city, located at city precision within 30 km of it;
   - admin1: where the label names a first-level region, the same region;
   - no place: labels whose event has no determinable place that got a location anyway (lower is better);
   - unmatched: labels whose anchor sentence produced no event (counted as not located; there is no fallback).
   Rows: the split, its "named" labels (the sentence itself names the place) and its "coded" labels (those whose
   event the coder found: what the geocoder does apart from the coder's recall; the split's row is the measure).
2. ``../shared/data/gold/plover_gsr_dev.jsonl`` records with a ``(LOC: ...)`` mark: each text is coded as
   an article published on the record's date; correct when a located event names the place, or its
   country, that the LOC text names.

Skips (exit 0 with a message) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CORPUS = SHARED / "corpus" / "news_corpus.jsonl"
PLOVER = SHARED / "gold" / "plover_gsr_dev.jsonl"
GOLD = ROOT / "benchmarks" / "gold" / "places_corpus.jsonl"


def split_of(article_id: str) -> str:
    return "dev" if int(hashlib.sha1(article_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _q(s: str) -> str:
    return s.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


def _km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


_WORD = re.compile(r"\S+")
_EDGE = "\"'.,;:!?()[]\u2018\u2019\u201c\u201d"


def _norm_word(w: str) -> str:
    return _q(w).strip(_EDGE).lower()


def anchor_key(phrase: str) -> str:
    """How a label names its event: SHA-1 of the anchor phrase's words (lower case, edge punctuation
    off), so the repo holds no text of the corpus, only ids, hashes and the team's labels."""
    return hashlib.sha1(" ".join(_norm_word(w) for w in phrase.split()).encode("utf-8")).hexdigest()


def match(label: dict, events: list) -> tuple[bool, dict | None]:
    """(matched?, the location of the event the label's anchor points at): the event whose sentence
    has a run of ``anchor_words`` words hashing to ``anchor_sha1``, its trigger nearest that run."""
    n, key = label["anchor_words"], label["anchor_sha1"]
    best, best_d = None, None
    for e in events:
        words = list(_WORD.finditer(e.sentence))
        for i in range(len(words) - n + 1):
            run = words[i:i + n]
            if hashlib.sha1(" ".join(_norm_word(m.group()) for m in run).encode("utf-8")).hexdigest() != key:
                continue
            at, end = run[0].start(), run[-1].end()
            d = 0 if at <= e.trigger.start < end else abs(e.trigger.start - (at + end) / 2)
            if best_d is None or d < best_d:
                best, best_d = e, d
    return best is not None, (best.location if best is not None else None)


def score(labels: list[dict], coded: dict, geo) -> dict:
    from annales.places import norm

    n = dict(place=0, none=0, located=0, country=0, city_n=0, city=0, admin1_n=0, admin1=0,
             none_located=0, unmatched=0)
    misses = []
    for lab in labels:
        matched, loc = match(lab, coded.get(lab["article_id"], []))
        n["unmatched"] += not matched
        if not lab["country"]:
            n["none"] += 1
            n["none_located"] += loc is not None
            if loc is not None:
                misses.append((lab, loc))
            continue
        n["place"] += 1
        n["located"] += loc is not None
        ok_country = loc is not None and loc["country"] == lab["country"]
        n["country"] += ok_country
        if lab["city"]:
            n["city_n"] += 1
            want = geo.lookup(lab["city"], _ctx(lab["country"]))
            ok = (loc is not None and loc["precision"] == "city" and want is not None and loc["lat"] is not None
                  and _km(loc["lat"], loc["lon"], want.lat, want.lon) <= 30)
            n["city"] += ok
        if lab["admin1"]:
            n["admin1_n"] += 1
            a = loc and loc.get("admin1")
            canon = lambda s: geo.admin1_names.get(norm(s), norm(s))  # noqa: E731
            n["admin1"] += bool(a) and ok_country and canon(a) == canon(lab["admin1"])
        if not ok_country or (lab["city"] and not (loc and loc["precision"] == "city")):
            misses.append((lab, loc))
    return {"n": n, "misses": misses}


def _ctx(iso3):
    from collections import Counter

    return Counter({iso3: 2})


def _rate(a: int, b: int) -> str:
    return f"{a / b:.2f} ({a}/{b})" if b else "n/a"


def load_articles(ids: set[str]) -> dict:
    """The corpus articles with these ids, ingested as the coder ingests them (cleaned, dated)."""
    from annales.ingest import parse_json_record

    out = {}
    with open(CORPUS, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            if obj["id"] in ids:
                out[obj["id"]] = parse_json_record(line, obj["id"], f"{CORPUS.name}:{obj['id']}", None)
    return out


def corpus_report(split: str, show: bool) -> None:
    import annales.pipeline as ap

    labels = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    wanted = {lab["article_id"] for lab in labels}
    records = load_articles(wanted)
    pipe = ap.Pipeline()
    coded = {ca.article.id: ca.events for ca in pipe.pipe(records[i] for i in sorted(records))}
    geo = pipe.geocoder
    print(f"{GOLD.relative_to(ROOT)}: {len(labels)} labels in {len(wanted)} articles")
    print(f"{'split':11} {'n':>4} {'coverage':>14} {'country':>14} {'country|loc':>14} {'city':>14} "
          f"{'admin1':>14} {'no-place loc':>14} {'unmatched':>9}")
    rows = []
    for name in (["dev", "test", "all"] if split == "all" else [split]):
        part = [lab for lab in labels if name == "all" or split_of(lab["article_id"]) == name]
        rows.append((name, part))
        # "named": the sentence itself names the place (the label's place text has no "(context)" mark)
        rows.append((f"{name}:named", [lab for lab in part if not lab["place"] or "(" not in lab["place"]]))
        # "coded": the labels whose event the coder found (the geocoder's share, apart from the coder's recall)
        rows.append((f"{name}:coded", [lab for lab in part if match(lab, coded.get(lab["article_id"], []))[0]]))
    for name, part in rows:
        r = score(part, coded, geo)
        n = r["n"]
        print(f"{name:11} {n['place']:>4} {_rate(n['located'], n['place']):>14} {_rate(n['country'], n['place']):>14} "
              f"{_rate(n['country'], n['located']):>14} {_rate(n['city'], n['city_n']):>14} "
              f"{_rate(n['admin1'], n['admin1_n']):>14} {_rate(n['none_located'], n['none']):>14} "
              f"{n['unmatched']:>9}")
        if show and name == ("dev" if split == "all" else split):  # test misses only when asked for
            for lab, loc in r["misses"]:
                got = f"{loc['name']} {loc['country']} {loc['precision']} <{loc['text']}>" if loc else None
                print(f"   miss [{name}] {lab['article_id']} anchor {lab['anchor_sha1'][:8]}: want {lab['name']} "
                      f"{lab['country']} {lab['precision']}; got {got}")


def _loc_text(markup: str) -> str | None:
    m = re.search(r"\(LOC:\s*(.*)", markup)
    if not m:
        return None
    depth, out = 1, []
    for ch in m.group(1):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            break
        out.append(ch)
    return re.sub(r"\((?:SRC|TAR|EVT):\s*", "", "".join(out)).replace(")", "").strip()


def plover_report(show: bool) -> None:
    from annales.pipeline import Pipeline
    from annales.places import norm
    from annales.records import Article

    pipe = Pipeline()
    geo = pipe.geocoder
    n = located = correct = 0
    for line in PLOVER.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        loc_text = _loc_text(rec.get("meta", {}).get("markup") or "")
        if not loc_text:
            continue
        n += 1
        art = Article(id=rec["id"], text=rec["text"], published=date.fromisoformat(rec["date"]))
        locs = [e.location for e in pipe(art).events if e.location]
        located += bool(locs)
        want = norm(loc_text)
        names = lambda loc: {norm(loc["name"]), *(norm(x) for x in _country_names(geo, loc["country"]))}  # noqa: E731
        ok = any(any(x and re.search(rf"\b{re.escape(x)}\b", want) for x in names(loc)) for loc in locs)
        correct += ok
        if show:
            got = [(loc["name"], loc["country"]) for loc in locs]
            print(f"   {'ok  ' if ok else 'miss'} {rec['id']}: LOC '{loc_text}' -> {got}")
    print(f"{PLOVER.name} LOC marks: n={n} located={_rate(located, n)} correct={_rate(correct, n)}")


def _country_names(geo, iso3: str) -> list[str]:
    from annales.kb import KnowledgeBase

    return [t for t, es in KnowledgeBase.default().terms.items()
            if any(e.kind == "country" and e.country == iso3 for e in es)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--show", action="store_true", help="print each miss (dev only, unless --split test)")
    args = ap.parse_args()
    if not CORPUS.exists() or not PLOVER.exists():
        print(f"skipped: shared data not found at {SHARED}")
        return 0
    corpus_report(args.split, args.show)
    plover_report(args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())

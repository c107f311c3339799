"""A synthetic, deterministic demo store for the explorer's screenshots and for trying the page.

Two years of invented wire reports between a dozen countries: every event is reported by one to four
articles of one story (so merged events carry several mentions with their own sentences), with
places, month-precision and inferred dates. Nothing here is real news.

    .venv/bin/python scripts/demo_store.py demo.duckdb
"""

from __future__ import annotations

import random
import sys
from datetime import date, timedelta
from pathlib import Path

from annales.merge import merge_records
from annales.ontology import lookup
from annales.records import Actor, Article, Event, Trigger
from annales.store import Store

# code: (names used in sentences, [(city, admin1, lat, lon)])
COUNTRIES = {
    "USA": (["The United States", "Washington", "US officials"], [("Washington", "District of Columbia", 38.9, -77.04), ("New York", "New York", 40.71, -74.0)]),
    "RUS": (["Russia", "Moscow", "The Kremlin"], [("Moscow", "Moscow", 55.75, 37.62), ("St Petersburg", "St Petersburg", 59.94, 30.31)]),
    "ITA": (["Italy", "Rome", "The Italian government"], [("Rome", "Lazio", 41.9, 12.5), ("Milan", "Lombardy", 45.46, 9.19)]),
    "UKR": (["Ukraine", "Kyiv", "Ukrainian forces"], [("Kyiv", "Kyiv", 50.45, 30.52), ("Kharkiv", "Kharkiv", 49.99, 36.23), ("Odesa", "Odesa", 46.48, 30.72)]),
    "CHN": (["China", "Beijing", "Chinese officials"], [("Beijing", "Beijing", 39.9, 116.4), ("Shanghai", "Shanghai", 31.23, 121.47)]),
    "DEU": (["Germany", "Berlin", "The German government"], [("Berlin", "Berlin", 52.52, 13.4)]),
    "FRA": (["France", "Paris", "French officials"], [("Paris", "Ile-de-France", 48.86, 2.35)]),
    "IRN": (["Iran", "Tehran", "Iranian officials"], [("Tehran", "Tehran", 35.69, 51.39)]),
    "ISR": (["Israel", "Israeli jets", "The Israeli military"], [("Tel Aviv", "Tel Aviv", 32.08, 34.78)]),
    "SYR": (["Syria", "Damascus", "Syrian forces"], [("Damascus", "Damascus", 33.51, 36.28), ("Homs", "Homs", 34.73, 36.71)]),
    "TUR": (["Turkey", "Ankara", "Turkish officials"], [("Ankara", "Ankara", 39.93, 32.86), ("Istanbul", "Istanbul", 41.01, 28.98)]),
    "IND": (["India", "New Delhi", "Indian officials"], [("New Delhi", "Delhi", 28.61, 77.21)]),
    "PAK": (["Pakistan", "Islamabad", "Pakistani officials"], [("Islamabad", "Islamabad", 33.68, 73.05)]),
    "BRA": (["Brazil", "Brasilia", "Brazilian officials"], [("Brasilia", "Federal District", -15.79, -47.88)]),
    "KEN": (["Kenya", "Nairobi", "Kenyan officials"], [("Nairobi", "Nairobi", -1.29, 36.82)]),
    "JPN": (["Japan", "Tokyo", "Japanese officials"], [("Tokyo", "Tokyo", 35.68, 139.69)]),
}
NAMES = {"USA": "United States", "RUS": "Russia", "ITA": "Italy", "UKR": "Ukraine", "CHN": "China",
         "DEU": "Germany", "FRA": "France", "IRN": "Iran", "ISR": "Israel", "SYR": "Syria", "TUR": "Turkey",
         "IND": "India", "PAK": "Pakistan", "BRA": "Brazil", "KEN": "Kenya", "JPN": "Japan"}

# cameo: [(trigger, tail)], the sentence being "<source> <trigger> <target><tail>"
ACTIONS = {
    "036": [("offered talks with", " on a prisoner exchange"), ("proposed to meet", " next month")],
    "040": [("held consultations with", " on regional security"), ("consulted", " over the draft resolution")],
    "042": [("visited", ", the first such trip in years"), ("travelled to", " for two days of meetings")],
    "046": [("negotiated with", " over grain shipments"), ("resumed negotiations with", " in Geneva")],
    "057": [("signed an agreement with", " on energy supplies"), ("concluded a trade deal with", "")],
    "061": [("expanded trade with", ""), ("agreed joint investments with", " in ports and railways")],
    "071": [("pledged economic aid to", " worth several hundred million"), ("sent aid to", " after the floods")],
    "0841": [("released detained sailors of", ""), ("handed back prisoners to", " in an exchange")],
    "111": [("criticised", " for its conduct at the talks"), ("condemned", " over the latest strikes")],
    "112": [("accused", " of violating the ceasefire"), ("accused", " of election interference")],
    "130": [("threatened", " with retaliation"), ("warned", " of serious consequences")],
    "160": [("downgraded relations with", ""), ("recalled its ambassador from", "")],
    "163": [("imposed sanctions on", " over the annexation"), ("announced new sanctions against", "")],
    "173": [("detained citizens of", " on espionage charges"), ("arrested a diplomat from", "")],
    "190": [("attacked", " positions near the border"), ("shelled", " positions overnight")],
    "195": [("struck", " with drones and missiles"), ("bombed", " supply depots")],
}
COOP = ["036", "040", "042", "046", "057", "061", "071", "0841"]
CONFLICT = ["111", "112", "130", "160", "163", "173", "190", "195"]
# (a, b, weight, share of conflict, dated trend: extra weight in 2024)
DYADS = [("USA", "RUS", 10, 0.75, 1.4), ("RUS", "UKR", 12, 0.9, 1.2), ("ITA", "RUS", 5, 0.55, 1.6),
         ("USA", "CHN", 7, 0.5, 1.0), ("ISR", "SYR", 6, 0.95, 1.3), ("FRA", "IRN", 3, 0.6, 1.0),
         ("DEU", "UKR", 4, 0.05, 1.0), ("TUR", "SYR", 3, 0.7, 0.8), ("IND", "PAK", 3, 0.7, 1.0),
         ("USA", "UKR", 5, 0.05, 1.0), ("CHN", "RUS", 4, 0.1, 1.2), ("ITA", "UKR", 2, 0.05, 1.0),
         ("BRA", "CHN", 2, 0.05, 1.0), ("KEN", "USA", 1, 0.1, 1.0), ("JPN", "CHN", 2, 0.6, 1.0),
         ("USA", "IRN", 3, 0.85, 1.0), ("DEU", "RUS", 2, 0.7, 1.0), ("FRA", "ITA", 2, 0.05, 1.0)]
OUTLETS = [("Meridian Wire", "meridian-wire.example"), ("Baltic Courier", "baltic-courier.example"),
           ("The Daily Ledger", "daily-ledger.example"), ("Harbour Post", "harbour-post.example"),
           ("Eastern Dispatch", "eastern-dispatch.example"), ("Atlas News Agency", "atlas-news.example")]
START, DAYS = date(2023, 1, 1), 730
END = START + timedelta(days=DAYS - 1)


def _sentence(src_text: str, trig: str, tgt_text: str, tail: str, when: str):
    head = f"{src_text} {trig} "
    s = f"{head}{tgt_text}{tail}{when}."
    return s, (0, len(src_text)), (len(src_text) + 1, len(src_text) + 1 + len(trig)), (len(head), len(head) + len(tgt_text))


def build(path: str | Path, n_events: int = 700, seed: int = 7) -> dict:
    """Write a demo store at ``path`` (replacing it) and merge it; returns a few counts."""
    rng = random.Random(seed)
    path = Path(path)
    for p in (path, Path(str(path) + ".wal")):
        p.unlink(missing_ok=True)
    weights = [d[2] for d in DYADS]
    items, stories = [], {}
    for n in range(n_events):
        a, b, _, conflict, trend = rng.choices(DYADS, weights=weights)[0]
        day = START + timedelta(days=rng.randrange(DAYS))
        if day.year == 2024 and rng.random() > 1 / trend:
            day = START + timedelta(days=365 + rng.randrange(365))
        src, tgt = (a, b) if rng.random() < 0.6 else (b, a)
        cameo = rng.choice(CONFLICT if rng.random() < conflict else COOP)
        info = lookup(cameo)
        trig, tail = rng.choice(ACTIONS[cameo])
        # where it happened: mostly in the target country (visits, strikes, arrests), else the source's
        where = tgt if rng.random() < 0.8 else src
        city, admin1, lat, lon = rng.choice(COUNTRIES[where][1])
        location = {"name": city, "country": where, "admin1": admin1, "lat": lat, "lon": lon, "precision": "city"}
        precision = "month" if rng.random() < 0.08 else "day"
        story = f"s{n:04d}"
        n_reports = rng.choices([1, 2, 3, 4, 6], weights=[40, 28, 16, 10, 6])[0]
        for r in range(n_reports):
            published = min(day + timedelta(days=rng.choice([0, 0, 1, 1, 2])), END)
            inferred = precision == "day" and rng.random() < 0.25
            when = "" if inferred else (f" in {day:%B}" if precision == "month" else f" on {day:%A}")
            src_text = rng.choice(COUNTRIES[src][0])
            tgt_text = rng.choice(COUNTRIES[tgt][0])
            tgt_text = tgt_text if r == 0 or not tgt_text.startswith("The ") else tgt_text[4:]
            sector = ("MIL" if any(w in src_text for w in ("forces", "jets", "military"))
                      else None if src_text == NAMES[src] or src_text.endswith(NAMES[src]) else "GOV")
            sentence, s_span, t_span, g_span = _sentence(src_text, trig, tgt_text.replace("The ", "the "), tail, when)
            outlet, host = OUTLETS[(n + r * 5) % len(OUTLETS)]
            aid = f"demo-{n:04d}-{r}"
            title = f"{NAMES[src]} {trig.split(' ')[0]} {NAMES[tgt]}{tail.split(',')[0]}"
            article = Article(id=aid, text=f"{title}\n\n{sentence} Officials gave no further details.",
                              title=title, url=f"https://{host}/{published:%Y/%m/%d}/{aid}",
                              published=published, source=outlet)
            ev_date = day.replace(day=1) if precision == "month" else (published if inferred else day)
            event = Event(
                event_id=f"{aid}-0", article_id=aid, sentence_index=0, sentence=sentence,
                source=Actor(src_text, *s_span, src + (sector or ""), src, sector, NAMES[src]),
                target=Actor(sentence[g_span[0]:g_span[1]], *g_span, tgt, tgt, None, NAMES[tgt]),
                cameo=cameo, cameo_root=cameo[:2], plover=info.plover, plover_mode=info.plover_mode,
                quad_class=info.quad_class, goldstein=info.goldstein, date=ev_date.isoformat(),
                date_precision=precision, date_inferred=inferred,
                trigger=Trigger(trig, *t_span, trig.split(" ")[0]), location=location,
                confidence=round(0.55 + rng.random() * 0.4, 2))
            items.append((article, [event], []))
            stories[aid] = story
    with Store(path) as store:
        for i in range(0, len(items), 500):
            store.write_batch(items[i:i + 500], "demo")
        rows, articles = store.merge_inputs()
        result = merge_records(rows, stories, articles)
        store.replace_merged(stories, result.events, result.links)
    return {"articles": len(items), "events": len(result.events)}


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "demo.duckdb"
    print(out, build(out))

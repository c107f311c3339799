"""Explorer API speed on a generated store of N merged events (default 1,000,000).

    python benchmarks/serve.py [--events 1000000] [--runs 5] [--db PATH] [--keep] [--only TEXT] [--scan] [--compare]

Builds a store in a temporary folder (or at --db; reused when it exists and --keep is given) with
N merged events and their coded records, merge links and articles, generated in DuckDB SQL with
skewed, realistic distributions: about 240 countries with Zipf-like weights, sectors, some
organisations, 10 % targetless events, CAMEO codes from cameo.tsv weighted by root as in news data
(statements and consultations common, force rare), dates over five years, 60 % located at one of
five places per country, 1-20 reports per event (mean about 1.5).

Then it opens the API read-only (``create_app``) and times each endpoint through FastAPI's
TestClient (so JSON encoding and validation are included): one cold run, then ``--runs`` more,
reporting the median and max of those. Target: every aggregate under 1 s. The API builds its text
index (``annales.query.TextIndex``) in the background when it starts; the benchmark waits for it and
says how long it took. ``--scan`` turns the index off (text searches scan the sentences with ILIKE, as
before it existed); ``--only TEXT`` times only the cases whose URL or parameters contain TEXT;
``--compare`` times the text-search cases with and without the index, alternating call by call in one
process, so that both see the same machine load.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

ROOT_WEIGHTS = {"01": 18, "02": 6, "03": 7, "04": 20, "05": 8, "06": 3, "07": 3, "08": 2, "09": 1, "10": 2,
                "11": 6, "12": 3, "13": 3, "14": 3, "15": 1, "16": 2, "17": 6, "18": 2, "19": 5, "20": 0.2}
SECTORS = {"": 30, "GOV": 30, "MIL": 10, "CVL": 6, "OPP": 5, "COP": 5, "REB": 3, "BUS": 4, "MED": 3, "JUD": 2,
           "LEG": 2}
IGOS = {"IGOUNO": 5, "IGOEUREEC": 3, "IGONAT": 2, "IGOAFRAFU": 1}


def _slots(weights: dict, n: int) -> list:
    """A table of ``n`` slots filled in proportion to ``weights``: a uniform slot is a weighted draw."""
    total = sum(weights.values())
    out = []
    for key, w in weights.items():
        out += [key] * max(1, round(n * w / total))
    return out[:n] if len(out) >= n else out + [out[-1]] * (n - len(out))


def build(path: str, n: int) -> None:
    from annales._data import data_path, read_tsv
    from annales.ontology import codes
    from annales.store import Store

    countries = [(r["iso3"], r["name"]) for _, r in read_tsv(data_path("countries.tsv"))]
    # Zipf-like country skew; the big newsmakers first
    order = ["USA", "RUS", "UKR", "CHN", "ISR", "GBR", "FRA", "DEU", "IRN", "IND", "TUR", "SYR", "PSE", "JPN",
             "KOR", "PRK", "PAK", "AFG", "IRQ", "SAU", "EGY", "NGA", "ZAF", "BRA", "MEX", "CAN", "AUS", "YEM"]
    rank = order + sorted(c for c, _ in countries if c not in order)
    names = dict(countries)
    weights = {c: 1 / (i + 1) ** 1.1 for i, c in enumerate(rank) if c in names}
    cameo = {c.code: c for c in codes().values() if len(c.code) >= 3}
    by_root: dict[str, list] = {}
    for c in cameo.values():
        by_root.setdefault(c.root, []).append(c)
    code_w = {c.code: ROOT_WEIGHTS.get(c.root, 1) / len(by_root[c.root]) for c in cameo.values()}

    with Store(path) as store:
        con = store.con
        con.execute("CREATE TEMP TABLE c_slots AS SELECT * FROM (VALUES " +
                    ",".join(f"({i}, '{c}')" for i, c in enumerate(_slots(weights, 20000))) + ") t(i, iso3)")
        con.execute("CREATE TEMP TABLE s_slots AS SELECT * FROM (VALUES " +
                    ",".join(f"({i}, '{s}')" for i, s in enumerate(_slots(SECTORS, 1000))) + ") t(i, sector)")
        con.execute("CREATE TEMP TABLE o_slots AS SELECT * FROM (VALUES " +
                    ",".join(f"({i}, '{s}')" for i, s in enumerate(_slots(IGOS, 100))) + ") t(i, code)")
        con.execute("CREATE TEMP TABLE k_slots AS SELECT * FROM (VALUES " +
                    ",".join(f"({i}, '{c}')" for i, c in enumerate(_slots(code_w, 50000))) + ") t(i, code)")
        con.execute("CREATE TEMP TABLE cameo AS SELECT * FROM (VALUES " + ",".join(
            f"('{c.code}', '{c.root}', {('NULL' if not c.plover else repr(c.plover))}, {c.quad_class}, "
            f"{c.goldstein}, '{c.label.replace(chr(39), chr(39) * 2)}')" for c in cameo.values()) +
            ") t(code, root, plover, quad, goldstein, label)")
        con.execute("CREATE TEMP TABLE cnames AS SELECT * FROM (VALUES " + ",".join(
            f"('{c}', '{n.replace(chr(39), chr(39) * 2)}')" for c, n in names.items()) + ") t(iso3, name)")
        # five places per country, fixed coordinates
        con.execute("""CREATE TEMP TABLE places AS
            SELECT iso3, k, name || CASE WHEN k = 0 THEN '' ELSE ' District ' || k END AS pname,
                   'Region ' || (k % 3) AS admin1, -50 + 100 * (hash(iso3) % 1000) / 1000.0 + k * 0.1 AS lat,
                   -170 + 340 * (hash(iso3 || 'x') % 1000) / 1000.0 + k * 0.1 AS lon
            FROM cnames, range(5) r(k)""")
        con.execute("SELECT setseed(0.42)")
        con.execute(f"""CREATE TEMP TABLE draws AS SELECT i,
              floor(random() * 20000)::INT AS sc, floor(random() * 20000)::INT AS tc,
              floor(random() * 1000)::INT AS ss, floor(random() * 1000)::INT AS ts,
              random() < 0.03 AS s_igo, random() < 0.03 AS t_igo, floor(random() * 100)::INT AS oi,
              random() < 0.10 AS no_target, floor(random() * 50000)::INT AS ki,
              DATE '2020-01-01' + floor(power(random(), 0.8) * 1826)::INT AS d,
              random() < 0.6 AS located, floor(random() * 5)::INT AS pk,
              least(20, 1 + floor(-ln(1 - random()) * 0.9))::INT AS nm,
              random() AS u
            FROM range({n}) t(i)""")
        con.execute("""CREATE TEMP TABLE gen AS SELECT d.i, d.d, d.nm, d.u, d.located, d.pk,
              CASE WHEN d.s_igo THEN o.code ELSE sc.iso3 || ss.sector END AS s_code,
              CASE WHEN d.s_igo THEN NULL ELSE sc.iso3 END AS s_country,
              CASE WHEN d.s_igo OR ss.sector = '' THEN NULL ELSE ss.sector END AS s_sector,
              CASE WHEN d.no_target THEN NULL WHEN d.t_igo THEN o.code ELSE tc.iso3 || ts.sector END AS t_code,
              CASE WHEN d.no_target OR d.t_igo THEN NULL ELSE tc.iso3 END AS t_country,
              CASE WHEN d.no_target OR d.t_igo OR ts.sector = '' THEN NULL ELSE ts.sector END AS t_sector,
              k.code AS cameo
            FROM draws d JOIN c_slots sc ON sc.i = d.sc JOIN c_slots tc ON tc.i = d.tc
            JOIN s_slots ss ON ss.i = d.ss JOIN s_slots ts ON ts.i = d.ts JOIN o_slots o ON o.i = d.oi
            JOIN k_slots k ON k.i = d.ki""")
        con.execute("""CREATE TEMP TABLE m AS SELECT
              substr(md5('ev' || g.i), 1, 16) AS event_id, g.*, c.root, c.plover, c.quad, c.goldstein, c.label,
              sn.name AS s_name, tn.name AS t_name,
              CASE WHEN g.located THEN json_object('name', p.pname, 'country', p.iso3, 'admin1', p.admin1,
                   'lat', round(p.lat, 4), 'lon', round(p.lon, 4), 'precision', CASE WHEN p.k = 0 THEN 'city'
                   ELSE 'region' END) END AS location,
              least(g.nm, 1 + floor(g.u * g.nm))::INT AS na
            FROM gen g JOIN cameo c ON c.code = g.cameo
            LEFT JOIN cnames sn ON sn.iso3 = g.s_country LEFT JOIN cnames tn ON tn.iso3 = g.t_country
            LEFT JOIN places p ON p.iso3 = coalesce(g.t_country, g.s_country) AND p.k = g.pk""")
        n_articles = max(1, int(n * 0.4))
        con.execute(f"""CREATE TEMP TABLE recs AS SELECT
              CASE WHEN r.j = 0 THEN r.event_id ELSE substr(md5(r.event_id || r.j), 1, 16) END AS mention_id,
              r.event_id, r.j, 'art' || ((r.i * 7 + r.j * 104729) % {n_articles}) AS article_id
            FROM (SELECT event_id, i, unnest(range(nm)) AS j FROM m) r""")
        con.execute(f"""INSERT INTO articles (article_id, content_hash, title, url, published, source, authors,
                              place, origin, text, coder_version, coded_at)
            SELECT 'art' || i, md5('art' || i), 'Generated article ' || i, 'https://news' || (i % 50) ||
                   '.example/' || i, DATE '2020-01-01' + (i * 37 % 1830)::INT, 'Outlet ' || (i % 50), [],
                   NULL, 'benchmark', '', 'benchmark', now()::TIMESTAMP FROM range({n_articles}) t(i)""")
        sentence = ("coalesce(m.s_name, m.s_code) || ' moved to ' || m.label || "
                    "coalesce(' with ' || m.t_name, '') || coalesce(' in ' || (m.location->>'$.name'), '') || "
                    "', officials said on ' || strftime(m.d, '%A') || '.'")
        con.execute(f"""INSERT INTO events (event_id, article_id, sentence_index, sentence_start, sentence,
                source_text, source_start, source_end, source_code, source_country, source_sector, source_name,
                target_text, target_start, target_end, target_code, target_country, target_sector, target_name,
                cameo, cameo_root, plover, plover_mode, quad_class, goldstein, "date", date_precision,
                date_inferred, trigger_text, trigger_start, trigger_end, trigger_lemma, negated, modality,
                location, confidence, coder_version)
            SELECT r.mention_id, r.article_id, r.j, 0, {sentence},
                coalesce(m.s_name, m.s_code), 0, length(coalesce(m.s_name, m.s_code)), m.s_code, m.s_country,
                m.s_sector, m.s_name, m.t_name, NULL, NULL, m.t_code, m.t_country, m.t_sector, m.t_name,
                m.cameo, m.root, m.plover, NULL, m.quad, m.goldstein, m.d, 'day', false, 'moved', 0, 5,
                'move', false, 'asserted', m.location, 0.7, 'benchmark'
            FROM recs r JOIN m USING (event_id)""")
        con.execute("""INSERT INTO merge_links SELECT mention_id, event_id,
                CASE WHEN j = 0 THEN 'first report' ELSE 'same story as ' || event_id END FROM recs""")
        con.execute(f"""INSERT INTO merged_events SELECT m.event_id, 'story' || (m.i % 300000), m.d, 'day', false,
                m.s_code, m.s_country, m.s_sector, m.s_name, m.t_code, m.t_country, m.t_sector, m.t_name,
                m.cameo, m.root, m.plover, NULL, m.quad, m.goldstein, false, m.location, m.nm, m.na,
                least(m.na, 1 + floor(m.u * m.na * 0.9))::INT, m.d + 1, m.d + 1 + (m.nm - 1), a.article_id,
                'https://news.example/' || a.article_id, {sentence}, 0.7, ids.ids
            FROM m JOIN recs a ON a.event_id = m.event_id AND a.j = 0
            JOIN (SELECT event_id, list(mention_id ORDER BY j) AS ids FROM recs GROUP BY 1) ids
              ON ids.event_id = m.event_id""")
        con.execute("CHECKPOINT")


CASES = [
    ("aggregates", "/api/aggregates/counts", {"interval": "day"}),
    ("aggregates", "/api/aggregates/counts", {"interval": "week"}),
    ("aggregates", "/api/aggregates/counts", {"interval": "month"}),
    ("aggregates", "/api/aggregates/counts", {"interval": "month", "actor": "USA", "root": "19"}),
    ("aggregates", "/api/aggregates/counts", {"interval": "month", "q": "Ukraine"}),
    ("aggregates", "/api/aggregates/counts", {"interval": "month", "q": "Ukraine", "level": "records"}),
    ("aggregates", "/api/aggregates/dyad", {"a": "USA", "b": "RUS", "interval": "month"}),
    ("aggregates", "/api/aggregates/dyad", {"a": "CHN", "interval": "week"}),
    ("aggregates", "/api/aggregates/top-actors", {"limit": 20}),
    ("aggregates", "/api/aggregates/top-actors", {"by": "country", "limit": 20, "start": "2023-01-01"}),
    ("aggregates", "/api/aggregates/top-dyads", {"limit": 20}),
    ("aggregates", "/api/aggregates/network", {"limit": 100}),
    ("aggregates", "/api/aggregates/network", {"by": "code", "limit": 200}),
    ("aggregates", "/api/aggregates/network", {"limit": 100, "q": "Ukraine"}),
    ("aggregates", "/api/aggregates/places", {"limit": 500}),
    ("aggregates", "/api/aggregates/places", {"limit": 500, "quad": 4, "start": "2024-01-01"}),
    ("events", "/api/events", {}),
    ("events", "/api/events", {"sort": "num_mentions", "limit": 100}),
    ("events", "/api/events", {"actor": "USA", "root": "04", "start": "2022-01-01", "end": "2022-12-31"}),
    ("events", "/api/events", {"dyad": "ISR-PSE", "min_mentions": 2}),
    ("events", "/api/events", {"place": "France"}),
    ("events", "/api/events", {"q": "officials said on Sunday"}),
    ("events", "/api/events", {"q": "officials said on Sunday", "limit": 1000}),
    ("events", "/api/events", {"limit": 1000}),
    ("events", "/api/events", {"offset": 900000}),
    ("events", "/api/events", {"level": "records", "actor": "RUSMIL"}),
    ("events", "/api/events/{id}", {}),
    ("meta", "/api/meta", {}),
]


def bench(path: str, runs: int, only: str | None = None, scan: bool = False) -> list[tuple]:
    from fastapi.testclient import TestClient

    from annales.api import create_app

    rows = []
    app = create_app(path, read_only=True, text_index=not scan)
    with TestClient(app) as client:
        text = app.state.annales.text
        if text is not None:
            ready = text.wait()
            print(f"text index: {'built' if ready else 'NOT built'}, {text.rows or 0:,} sentences in "
                  f"{text.seconds or 0:.1f} s (in the background at startup)", file=sys.stderr)
        some_id = client.get("/api/events", params={"sort": "num_mentions"}).json()["items"][0]["event_id"]
        for kind, url, params in CASES:
            if only and only not in f"{url}?{'&'.join(f'{k}={v}' for k, v in params.items())}":
                continue
            target = url.replace("{id}", some_id)
            times = []
            for _ in range(runs + 1):
                t = time.perf_counter()
                r = client.get(target, params=params)
                times.append(time.perf_counter() - t)
                assert r.status_code == 200, (url, params, r.text[:300])
            body = r.json()
            size = len(body) if isinstance(body, list) else len(body.get("items") or body.get("series")
                                                               or body.get("edges") or body.get("mentions") or [])
            rows.append((kind, url, params, times[0], statistics.median(times[1:]), max(times[1:]), size))
    return rows


def compare(path: str, runs: int) -> None:
    """Text-search cases with the index and with the ILIKE scan, alternating calls (same load for both)."""
    from fastapi.testclient import TestClient

    from annales.api import create_app

    indexed, scanning = create_app(path, read_only=True), create_app(path, read_only=True, text_index=False)
    with TestClient(indexed) as fast, TestClient(scanning) as slow:
        text = indexed.state.annales.text
        text.wait()
        print(f"text index: {text.rows or 0:,} sentences in {text.seconds or 0:.1f} s", file=sys.stderr)
        print(f"| endpoint | parameters | scan: median of {runs} (s) | max (s) | index: median of {runs} (s) "
              "| max (s) | rows |")
        print("|---|---|---:|---:|---:|---:|---:|")
        for _, url, params in CASES:
            if "q" not in params:
                continue
            times: dict = {"scan": [], "index": []}
            for i in range(runs + 1):
                for name, client in (("scan", slow), ("index", fast)):
                    t = time.perf_counter()
                    r = client.get(url, params=params)
                    if i:
                        times[name].append(time.perf_counter() - t)
                    assert r.status_code == 200, r.text[:300]
                    body = r.json()
                    got = body.get("total", body)
                    times.setdefault(f"{name} answer", got)
            assert times["scan answer"] == times["index answer"], (url, params)
            body = r.json()
            size = len(body) if isinstance(body, list) else len(body.get("items") or body.get("series")
                                                               or body.get("edges") or [])
            q = "&".join(f"{k}={v}" for k, v in params.items())
            print(f"| `{url}` | `{q}` | {statistics.median(times['scan']):.3f} | {max(times['scan']):.3f} | "
                  f"{statistics.median(times['index']):.3f} | {max(times['index']):.3f} | {size} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", default=None, help="store to build (or reuse with --keep)")
    ap.add_argument("--keep", action="store_true", help="keep the store; reuse it when it exists")
    ap.add_argument("--only", default=None, help="time only the cases whose URL or parameters contain this")
    ap.add_argument("--scan", action="store_true", help="no text index: text searches scan the sentences")
    ap.add_argument("--compare", action="store_true", help="time the text searches with and without the index")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "bench.duckdb")
        if not (args.keep and Path(path).exists()):
            Path(path).unlink(missing_ok=True)
            t = time.perf_counter()
            build(path, args.events)
            print(f"built {path} with {args.events:,} merged events in {time.perf_counter() - t:.0f} s "
                  f"({Path(path).stat().st_size / 2**20:.0f} MiB)", file=sys.stderr)
        import duckdb

        con = duckdb.connect(path, read_only=True)
        n = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
             for t in ("merged_events", "events", "merge_links", "articles")}
        con.close()
        print(f"store: {n['merged_events']:,} merged events, {n['events']:,} records, "
              f"{n['articles']:,} articles; duckdb threads: default", file=sys.stderr)
        if args.compare:
            compare(path, args.runs)
            return
        rows = bench(path, args.runs, args.only, args.scan)
    print(f"| endpoint | parameters | cold (s) | median of {args.runs} (s) | max (s) | rows |")
    print("|---|---|---:|---:|---:|---:|")
    worst = {True: 0.0, False: 0.0}  # slowest aggregate, with / without a text search
    for kind, url, params, cold, med, mx, size in rows:
        q = "&".join(f"{k}={v}" for k, v in params.items()) or "-"
        print(f"| `{url}` | `{q}` | {cold:.3f} | {med:.3f} | {mx:.3f} | {size} |")
        if kind == "aggregates":
            worst["q" in params] = max(worst["q" in params], mx, cold)
    for text, w in ((False, worst[False]), (True, worst[True])):
        print(f"slowest aggregate {'with' if text else 'without'} a text search (cold or warm): {w:.3f} s; "
              f"target < 1 s: {'met' if w < 1 else 'NOT met'}", file=sys.stderr)


if __name__ == "__main__":
    main()

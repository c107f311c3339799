"""The explorer API: filters, detail, aggregates, validation messages, auth, and a schemathesis run."""

from __future__ import annotations

import json
from datetime import date

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from annales.api import create_app  # noqa: E402
from annales.merge import merge_records  # noqa: E402
from annales.records import Actor, Article, Event, Trigger  # noqa: E402
from annales.store import Store  # noqa: E402

DAMASCUS = {"name": "Damascus", "country": "SYR", "admin1": "Damascus", "lat": 33.51, "lon": 36.29,
            "precision": "city"}
GENEVA = {"name": "Geneva", "country": "CHE", "admin1": "Geneva", "lat": 46.2, "lon": 6.15, "precision": "city"}

# (record id, article, sentence, (source text, code), (target text, code) or None, trigger, cameo, plover,
#  quad, goldstein, date, location)
RECORDS = [
    ("r1", "a1", "Israeli jets struck a weapons depot near Damascus on Sunday.", ("Israeli jets", "ISRMIL"),
     ("Damascus", "SYR"), "struck", "195", "ASSAULT", 4, -10.0, "2024-03-03", DAMASCUS),
    ("r2", "a2", "Israel's air force bombed a depot outside Damascus.", ("Israel's air force", "ISRMIL"),
     ("Damascus", "SYR"), "bombed", "195", "ASSAULT", 4, -10.0, "2024-03-03", DAMASCUS),
    ("r3", "a3", "The United States and Russia held talks in Geneva.", ("The United States", "USAGOV"),
     ("Russia", "RUSGOV"), "held talks", "040", "CONSULT", 1, 1.0, "2024-03-10", GENEVA),
    ("r4", "a4", "Russia accused the United States of meddling.", ("Russia", "RUS"),
     ("the United States", "USA"), "accused", "112", "ACCUSE", 3, -2.0, "2024-04-02", None),
    ("r5", "a5", "Kenyan police arrested opposition supporters.", ("Kenyan police", "KENCOP"),
     ("opposition supporters", "KENOPP"), "arrested", "173", "COERCE", 4, -5.0, "2024-04-15", None),
    ("r6", "a6", "The UN said its aid covered 100% of the camp_list.", ("The UN", "IGOUNO"),
     ("the camp", "SDN"), "aid", "070", "AID", 2, 7.0, "2024-05-01", None),
    ("r7", "a7", "Protesters rallied in Paris.", ("Protesters", "FRAOPP"), None, "rallied", "141",
     "PROTEST", 4, -6.5, None, None),
]
ARTICLES = {
    "a1": ("Jets strike depot", "Agency One", "https://one.example/a1", date(2024, 3, 4)),
    "a2": ("Air force bombs depot", "Agency Two", "https://two.example/a2", date(2024, 3, 4)),
    "a3": ("Talks in Geneva", "Agency One", "https://one.example/a3", date(2024, 3, 10)),
    "a4": ("Russia accuses US", "Paper Three", None, date(2024, 4, 2)),
    "a5": ("Arrests in Kenya", "Agency Two", None, date(2024, 4, 15)),
    "a6": ("UN aid", "Agency One", None, date(2024, 5, 1)),
    "a7": ("Protest in Paris", None, None, date(2024, 5, 2)),
}


def _actor(sentence: str, text: str, code: str) -> Actor:
    start = sentence.index(text)
    country = code[:3] if not code.startswith(("IGO", "---")) else None
    return Actor(text=text, start=start, end=start + len(text), code=code, country=country,
                 sector=code[3:] or None, name=None)


def build_store(path: str) -> None:
    items = []
    for aid, (title, outlet, url, published) in ARTICLES.items():
        events = []
        for rid, a, sent, (stext, scode), tgt, trig, cameo, plover, quad, gold, day, loc in RECORDS:
            if a != aid:
                continue
            t0 = sent.index(trig)
            events.append(Event(
                event_id=rid, article_id=aid, sentence_index=0, sentence=sent, source=_actor(sent, stext, scode),
                target=_actor(sent, *tgt) if tgt else None, cameo=cameo, cameo_root=cameo[:2], plover=plover,
                plover_mode=None, quad_class=quad, goldstein=gold, date=day, date_precision="day" if day else None,
                date_inferred=False, trigger=Trigger(trig, t0, t0 + len(trig), trig), location=loc,
                confidence=0.15 if rid == "r6" else 0.8, method="learned" if rid == "r6" else "rules"))
        text = " ".join(e.sentence for e in events)
        items.append((Article(id=aid, text=text, title=title, url=url, published=published, source=outlet),
                      events, []))
    with Store(path) as store:
        store.write_batch(items, "test")
        rows, articles = store.merge_inputs()
        stories = {"a1": "s1", "a2": "s1"}
        result = merge_records(rows, stories, articles)
        store.replace_merged(stories, result.events, result.links)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    path = str(tmp_path_factory.mktemp("api") / "store.duckdb")
    build_store(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db, read_only=True)) as c:
        yield c


def ids(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return sorted(i["event_id"] for i in resp.json()["items"])


# -- events -------------------------------------------------------------------------------------------


def test_events_list_merged_by_default(client):
    body = client.get("/api/events").json()
    assert body["total"] == 6 and body["limit"] == 50 and body["offset"] == 0  # r1+r2 are one event
    strike = next(i for i in body["items"] if i["event_id"] == "r1")
    assert strike["num_mentions"] == 2 and strike["num_sources"] == 2
    assert sorted(strike["mention_ids"]) == ["r1", "r2"]
    assert strike["location"]["name"] == "Damascus" and strike["date"] == "2024-03-03"
    assert strike["cameo_label"]
    # default order: date descending, undated last
    assert [i["event_id"] for i in body["items"]][0] == "r6" and body["items"][-1]["event_id"] == "r7"


def test_events_records_level(client):
    body = client.get("/api/events", params={"level": "records", "actor": "ISR"}).json()
    assert body["total"] == 2
    assert body["items"][0]["source"]["code"] == "ISRMIL" and "trigger" in body["items"][0]


@pytest.mark.parametrize("params, expected", [
    ({"actor": "USA"}, ["r3", "r4"]),
    ({"actor": "usagov"}, ["r3"]),
    ({"source": "RUS"}, ["r4"]),
    ({"target": "RUS"}, ["r3"]),
    ({"dyad": "USA-RUS"}, ["r3", "r4"]),
    ({"dyad": "RUS-USA"}, ["r3", "r4"]),
    ({"dyad": "ISRMIL-SYR"}, ["r1"]),
    ({"root": "19"}, ["r1"]),
    ({"code": "17"}, ["r5"]),
    ({"code": "040"}, ["r3"]),
    ({"plover": "consult"}, ["r3"]),
    ({"quad": 4}, ["r1", "r5", "r7"]),
    ({"place": "damascus"}, ["r1"]),
    ({"place": "CHE"}, ["r3"]),
    ({"q": "geneva"}, ["r3"]),
    ({"q": "air force"}, ["r1"]),  # any report's sentence, not only the first one's
    ({"q": "100%"}, ["r6"]),
    ({"q": "%"}, ["r6"]),  # taken literally, not as a wildcard
    ({"q": "ca_p"}, []),  # "_" is not a wildcard either
    ({"q": "camp_list"}, ["r6"]),
    ({"min_mentions": 2}, ["r1"]),
    ({"method": "learned"}, ["r6"]),
    ({"method": "rules", "quad": 4}, ["r1", "r5", "r7"]),
    ({"min_confidence": 0.3, "root": "19"}, ["r1"]),
    ({"min_confidence": 0.3, "q": "camp_list"}, []),  # r6's report is judged unlikely to be right
    ({"min_confidence": 0.1, "q": "camp_list"}, ["r6"]),
    ({"start": "2024-04-01"}, ["r4", "r5", "r6"]),
    ({"start": "2024-03", "end": "2024-03"}, ["r1", "r3"]),
    ({"end": "2024-03-09"}, ["r1"]),
    ({"start": "2024", "end": "2024", "quad": 4}, ["r1", "r5"]),
])
def test_event_filters(client, params, expected):
    assert ids(client.get("/api/events", params=params)) == expected


def test_sorting_and_pagination(client):
    page = client.get("/api/events", params={"sort": "goldstein", "order": "asc", "limit": 2, "offset": 1}).json()
    assert page["total"] == 6 and [i["event_id"] for i in page["items"]] == ["r7", "r5"]
    top = client.get("/api/events", params={"sort": "num_mentions", "limit": 1}).json()["items"]
    assert top[0]["event_id"] == "r1"


def test_text_search_counts_all_matches_across_pages(client):
    first = client.get("/api/events", params={"q": "the", "limit": 1}).json()
    assert first["total"] == 3 and len(first["items"]) == 1
    past = client.get("/api/events", params={"q": "the", "offset": 5}).json()
    assert past["total"] == 3 and past["items"] == []


def test_sql_injection_looking_input_is_data(client):
    for value in ["'; DROP TABLE events; --", "x' OR '1'='1", "\" OR 1=1 --"]:
        r = client.get("/api/events", params={"q": value, "place": value})
        assert r.status_code == 200 and r.json()["total"] == 0
    r = client.get("/api/events", params={"sort": "date; DROP TABLE events"})
    assert r.status_code == 422
    assert client.get("/api/events").json()["total"] == 6


SEARCHES = ["geneva", "GENEVA", "Air Force", "air force", "100%", "%", "_", "ca_p", "camp_list", "the", "\\",
            "depot near", "xyz", "russia accused", "."]


def test_text_index_is_built_and_answers_like_the_scan(db, client):
    text = client.app.state.annales.text
    assert text.wait(30) and text.table() and text.rows == len(RECORDS)
    with TestClient(create_app(db, read_only=True, text_index=False)) as scan:
        assert scan.app.state.annales.text is None
        for q in SEARCHES:
            for level in ("merged", "records"):
                params = {"q": q, "level": level, "limit": 1000}
                got, want = client.get("/api/events", params=params), scan.get("/api/events", params=params)
                assert ids(got) == ids(want), params
            for path in ("/api/aggregates/counts", "/api/aggregates/top-actors"):
                assert client.get(path, params={"q": q}).json() == scan.get(path, params={"q": q}).json(), (path, q)
    assert ids(client.get("/api/events", params={"q": "AIR force"})) == ["r1"]  # the second report's sentence
    assert ids(client.get("/api/events", params={"q": "Air Force", "level": "records"})) == ["r2"]


def test_text_index_matches_ilike_beyond_ascii():
    import duckdb

    from annales import query

    con = duckdb.connect(":memory:")
    sentences = {"m1": "L'ÉLYSÉE a répondu.", "m2": "Die Straße war gesperrt.",
                 "m3": "ΑΘΗΝΑ said 50% of a_b\\c.",
                 "m4": None, "m5": "Only a record, not merged."}
    con.execute("CREATE TABLE events (event_id VARCHAR, sentence VARCHAR)")
    con.executemany("INSERT INTO events VALUES (?, ?)", list(sentences.items()))
    con.execute("CREATE TABLE merge_links (mention_id VARCHAR, event_id VARCHAR)")
    con.executemany("INSERT INTO merge_links VALUES (?, ?)",
                    [("m1", "e1"), ("m2", "e1"), ("m3", "e3"), ("m4", "e4")])
    con.execute("CREATE TABLE merged_events AS SELECT DISTINCT event_id FROM merge_links")
    index = query.TextIndex(con.cursor)
    assert index.build() and index.rows == 5
    try:
        for q in ["élysée", "ÉLYSÉE", "straße", "STRASSE", "αθηνα", "Αθηνα", "50%", "a_b", "a_b\\c", "%", "_",
                  "ab", "gesperrt. ", "only a record"]:
            for level, table in (("merged", "merged_events"), ("records", "events")):
                got = {}
                for name in (index.table(), None):
                    f = query.Filters(q=q, level=level, text_index=name)
                    clause, params = query.where(f, con)
                    rows = con.execute(f"SELECT event_id FROM {table}{clause}", params).fetchall()
                    got[name] = sorted(r[0] for r in rows)
                assert got[index.table()] == got[None], (q, level, got)
    finally:
        index.close()
    assert index.table() is None


def test_text_index_is_invalidated_and_rebuilt(db):
    with TestClient(create_app(db, read_only=True)) as c:
        text = c.app.state.annales.text
        assert text.wait(30)
        first = text.table()
        text.invalidate()
        assert text.table() is None  # searches scan meanwhile, with the same answers
        assert ids(c.get("/api/events", params={"q": "GENEVA"})) == ["r3"]
        assert text.build() and text.table() not in (None, first)
        assert ids(c.get("/api/events", params={"q": "GENEVA"})) == ["r3"]
        # a build overtaken by a write is not published (and its table is dropped)
        real, calls = text._cursor, []

        def racing():
            if not calls:
                calls.append(1)
                text.invalidate()  # a write lands while the table is being built
            return real()

        def tables():
            return sorted(f"{text.alias}.{t}" for (t,) in c.app.state.annales.store.con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = ?", [text.alias]).fetchall())

        second = text.table()
        text._cursor = racing
        assert not text.build() and text.table() is None
        assert tables() == [second]  # the unpublished table is gone; the last good one waits for its successor
        text._cursor = real
        assert text.build() and tables() == [text.table()]
    assert text.table() is None  # closed with the app


# -- one event ---------------------------------------------------------------------------------------


def test_event_detail_with_every_report(client):
    body = client.get("/api/events/r2").json()  # a record id finds its merged event
    assert body["event"]["event_id"] == "r1"
    ms = body["mentions"]
    assert [m["mention_id"] for m in ms] == ["r1", "r2"]
    m = ms[1]
    assert (m["title"], m["outlet"], m["url"], m["published"]) == (
        "Air force bombs depot", "Agency Two", "https://two.example/a2", "2024-03-04")
    s = m["sentence"]
    assert s[m["trigger_start"]:m["trigger_end"]] == "bombed"
    assert s[m["source_start"]:m["source_end"]] == "Israel's air force"
    assert s[m["target_start"]:m["target_end"]] == "Damascus"
    assert m["date"] == "2024-03-03" and m["reason"] and "same story" in m["reason"]


def test_unknown_event_is_404_with_message(client):
    r = client.get("/api/events/nope")
    assert r.status_code == 404 and r.json() == {"detail": "no event or record with id 'nope'"}


# -- aggregates --------------------------------------------------------------------------------------


def test_counts_per_month(client):
    body = client.get("/api/aggregates/counts", params={"interval": "month"}).json()
    assert body["interval"] == "month"
    assert body["series"] == [
        {"period": "2024-03-01", "total": 2, "q1": 1, "q2": 0, "q3": 0, "q4": 1},
        {"period": "2024-04-01", "total": 2, "q1": 0, "q2": 0, "q3": 1, "q4": 1},
        {"period": "2024-05-01", "total": 1, "q1": 0, "q2": 1, "q3": 0, "q4": 0},
    ]  # the undated protest is left out
    week = client.get("/api/aggregates/counts", params={"interval": "week", "actor": "ISR"}).json()["series"]
    assert week == [{"period": "2024-02-26", "total": 1, "q1": 0, "q2": 0, "q3": 0, "q4": 1}]


def test_dyad_series_both_directions(client):
    body = client.get("/api/aggregates/dyad", params={"a": "USA", "b": "RUS", "interval": "month"}).json()
    assert (body["a"], body["b"], body["interval"]) == ("USA", "RUS", "month")
    assert body["series"] == [
        {"period": "2024-03-01", "events": 1, "goldstein_sum": 1.0, "goldstein_mean": 1.0,
         "q1": 1, "q2": 0, "q3": 0, "q4": 0},
        {"period": "2024-04-01", "events": 1, "goldstein_sum": -2.0, "goldstein_mean": -2.0,
         "q1": 0, "q2": 0, "q3": 1, "q4": 0},
    ]
    alone = client.get("/api/aggregates/dyad", params={"a": "SYR", "interval": "year"}).json()
    assert alone["b"] is None and alone["series"][0]["events"] == 1


def test_top_actors_and_dyads(client):
    actors = client.get("/api/aggregates/top-actors", params={"by": "country"}).json()
    usa = next(a for a in actors if a["actor"] == "USA")
    assert (usa["events"], usa["as_source"], usa["as_target"], usa["goldstein_mean"]) == (2, 1, 1, -0.5)
    assert usa["name"] == "United States"
    ken = next(a for a in actors if a["actor"] == "KEN")
    assert ken["events"] == 1  # both sides Kenyan: one event
    dyads = client.get("/api/aggregates/top-dyads", params={"limit": 2}).json()
    assert len(dyads) == 2 and all({"source", "target", "events", "goldstein_mean"} <= set(d) for d in dyads)
    by_code = client.get("/api/aggregates/top-actors", params={"limit": 50}).json()
    assert {"ISRMIL", "USAGOV", "RUSGOV", "IGOUNO", "FRAOPP"} <= {a["actor"] for a in by_code}


def test_network(client):
    body = client.get("/api/aggregates/network").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert set(edges) == {("ISR", "SYR"), ("USA", "RUS"), ("RUS", "USA"), ("IGOUNO", "SDN")}  # no KEN self-loop
    assert edges[("USA", "RUS")]["cooperation"] is True and edges[("ISR", "SYR")]["cooperation"] is False
    nodes = {n["id"]: n["events"] for n in body["nodes"]}
    assert nodes == {"ISR": 1, "SYR": 1, "USA": 2, "RUS": 2, "IGOUNO": 1, "SDN": 1}


def test_places(client):
    body = client.get("/api/aggregates/places").json()
    assert body == [
        {"name": "Damascus", "country": "SYR", "admin1": "Damascus", "precision": "city", "lat": 33.51,
         "lon": 36.29, "events": 1, "mentions": 2},
        {"name": "Geneva", "country": "CHE", "admin1": "Geneva", "precision": "city", "lat": 46.2, "lon": 6.15,
         "events": 1, "mentions": 1},
    ]


def test_meta_and_health(client):
    meta = client.get("/api/meta").json()
    assert meta["counts"] == {"articles": 7, "records": 7, "actor_mentions": 0, "events": 6}
    assert meta["date_span"] == {"start": "2024-03-03", "end": "2024-05-01"}
    assert {"root": "19", "label": meta["roots"][18]["label"]} in meta["roots"] and len(meta["roots"]) == 20
    assert "ASSAULT" in {p["type"] for p in meta["plover_types"]}
    assert "date" in meta["sort_columns"]["merged"]
    assert client.get("/api/health").json()["status"] == "ok"
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


# -- invalid parameters --------------------------------------------------------------------------


@pytest.mark.parametrize("path, params, message", [
    ("/api/events", {"start": "2024-13-01"}, "start: '2024-13-01' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ("/api/events", {"end": "yesterday"}, "end: 'yesterday' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)"),
    ("/api/events", {"start": "2024-05-01", "end": "2024-04-01"}, "end: '2024-04-01' is before start '2024-05-01'"),
    ("/api/events", {"dyad": "USA"}, "dyad: 'USA' is not two actor codes joined by '-' (e.g. USA-RUS, USAGOV-RUSMIL)"),
    ("/api/events", {"sort": "password"}, "sort: cannot sort merged events by 'password'; choose one of date, "
                                          "first_published, last_published, goldstein, quad_class, num_mentions, "
                                          "num_articles, num_sources, confidence, cameo, source_code, target_code, "
                                          "event_id"),
    ("/api/events", {"level": "records", "sort": "num_mentions"}, "sort: cannot sort records events by "
                                                                  "'num_mentions'"),
    ("/api/events", {"actor": "U S A"}, "actor: 'U S A' is not an actor code or ISO3 country"),
    ("/api/events", {"root": "1x"}, "root: '1x' is not a two-digit CAMEO root (01-20)"),
    ("/api/events", {"code": "abc"}, "code: 'abc' is not a CAMEO code (2 to 4 digits, e.g. 190)"),
    ("/api/events", {"plover": "FIGHTING"}, "plover: unknown PLOVER type 'FIGHTING'; choose one of ACCUSE"),
    ("/api/events", {"quad": 5}, "quad: Input should be less than or equal to 4"),
    ("/api/events", {"limit": 0}, "limit: Input should be greater than or equal to 1"),
    ("/api/events", {"limit": 1001}, "limit: Input should be less than or equal to 1000"),
    ("/api/events", {"offset": -1}, "offset: Input should be greater than or equal to 0"),
    ("/api/events", {"order": "up"}, "order: Input should be 'asc' or 'desc'"),
    ("/api/events", {"level": "x"}, "level: Input should be 'merged' or 'records'"),
    ("/api/events", {"min_mentions": "many"}, "min_mentions: Input should be a valid integer"),
    ("/api/events", {"min_confidence": 1.5}, "min_confidence: Input should be less than or equal to 1"),
    ("/api/events", {"q": "a\x00b"}, "q: control characters are not allowed"),
    ("/api/aggregates/counts", {"interval": "hour"}, "interval: Input should be 'day', 'week', 'month' or 'year'"),
    ("/api/aggregates/dyad", {}, "a: Field required"),
    ("/api/aggregates/dyad", {"a": "USA", "b": "R;S"}, "b: 'R;S' is not an actor code or ISO3 country"),
    ("/api/aggregates/network", {"by": "name"}, "by: Input should be 'code' or 'country'"),
])
def test_invalid_parameters_get_422_naming_them(client, path, params, message):
    r = client.get(path, params=params)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["message"].startswith(message), body["message"]
    assert body["detail"] and body["detail"][0]["loc"][-1] == message.split(":")[0]


# -- writing -------------------------------------------------------------------------------------


def test_post_is_refused_when_read_only(client):
    r = client.post("/api/articles", json={"id": "x", "text": "Russia attacked Ukraine."})
    assert r.status_code == 403 and "read-only" in r.json()["detail"]


def test_post_needs_the_token_when_the_app_has_one(tmp_path):
    path = str(tmp_path / "store.duckdb")
    build_store(path)
    with TestClient(create_app(path, token="s3cret")) as c:
        r = c.post("/api/articles", json={"id": "x", "text": "Russia attacked Ukraine."})
        assert r.status_code == 401 and "Bearer" in r.json()["detail"]
        assert r.headers["www-authenticate"] == "Bearer"
        r = c.post("/api/articles", json={"id": "x", "text": "Russia attacked Ukraine."},
                   headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 401
        r = c.post("/api/articles", json={"id": "x"}, headers={"Authorization": "Bearer s3cret"})
        assert r.status_code == 422 and "text: Field required" in r.json()["message"]
        assert c.get("/api/events").status_code == 200  # reading needs no token


def test_post_codes_articles_and_rebuilds_merged_events(tmp_path, pipeline):
    path = str(tmp_path / "store.duckdb")
    build_store(path)
    with TestClient(create_app(path, token="s3cret", pipeline=pipeline)) as c:
        auth = {"Authorization": "Bearer s3cret"}
        arts = [{"id": "new1", "text": "Russian troops shelled the Ukrainian city of Kharkiv on Tuesday.",
                 "title": "Shelling", "published": "2024-06-05", "source": "Wire", "url": "https://w.example/1"},
                {"id": "bad", "text": "   "}]
        r = c.post("/api/articles", json=arts, headers=auth)
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["received"] == 2 and body["coded"] == 1 and body["events"] >= 1
        assert [s["id"] for s in body["skipped"]] == ["bad"] and "E004" in body["skipped"][0]["error"]
        assert body["merged_events"] >= 7
        found = c.get("/api/events", params={"actor": "RUS", "start": "2024-06-01"}).json()
        assert found["total"] >= 1 and found["items"][0]["source_url"] == "https://w.example/1"
        # the text index was rebuilt with the new report, and still has the old ones
        text = c.app.state.annales.text
        assert text.table() is not None and text.rows == len(RECORDS) + body["events"]
        assert found["items"][0]["event_id"] in ids(c.get("/api/events", params={"q": "KHARKIV on tuesday"}))
        assert ids(c.get("/api/events", params={"q": "air force"})) == ["r1"]
        detail = c.get(f"/api/events/{found['items'][0]['event_id']}").json()
        assert detail["mentions"][0]["title"] == "Shelling"
        before = c.app.state.annales.text.table()
        again = c.post("/api/articles", json=arts[0], headers=auth).json()  # one article, not a list
        assert (again["coded"], again["unchanged"]) == (0, 1)
        assert c.app.state.annales.text.table() == before  # nothing written: the index stays


# -- the spec, fuzzed ---------------------------------------------------------------------------------


def test_openapi_spec_fuzzed_finds_no_server_errors(tmp_path_factory, pipeline):
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, Phase, given, settings

    path = str(tmp_path_factory.mktemp("fuzz") / "store.duckdb")
    build_store(path)
    app = create_app(path, pipeline=pipeline)
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    failures = []
    for result in schema.get_all_operations():
        operation = result.ok()
        n = 8 if operation.method.upper() == "POST" else 30

        @settings(max_examples=n, deadline=None, database=None, derandomize=True,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def run(case):
            response = case.call()
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.formatted_path} {case.query} {str(case.body)[:200]} "
                                f"-> {response.status_code}")

        with TestClient(app):
            run()
    assert not failures, failures


# -- annales serve ----------------------------------------------------------------------------------


def test_serve_refuses_a_public_host_without_a_token(db, monkeypatch):
    from click.testing import CliRunner

    from annales.cli import main

    monkeypatch.delenv("ANNALES_TOKEN", raising=False)
    r = CliRunner().invoke(main, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert r.exit_code == 2
    assert "--host 0.0.0.0" in r.output and "--token" in r.output


def test_serve_answers_on_localhost(db):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "annales.cli", "serve", "--db", db, "--read-only",
                             "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=2) as resp:
                    assert json.load(resp)["status"] == "ok"
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=5) as resp:
            assert json.load(resp)["total"] == 6
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_page_is_served_when_installed(client):
    from annales.api import WEB_DIR

    r = client.get("/")
    if (WEB_DIR / "index.html").is_file():
        assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    else:
        assert r.status_code == 404 and "/docs" in r.json()["detail"]

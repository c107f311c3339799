"""Merging coded records into real-world events: the rule, the store tables and the commands."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from annales.cli import main
from annales.merge import merge_records, period
from annales.records import Actor, Article, Event, Trigger
from annales.store import Store, open_store


def row(event_id, article_id, *, source="ISRMIL", target="SYR", cameo="195", day="2024-03-05",
        precision="day", inferred=False, negated=False, sentence_index=0, location=None):
    src_country, tgt_country = source[:3], (target[:3] if target else None)
    return {
        "event_id": event_id, "article_id": article_id, "sentence_index": sentence_index, "trigger_start": 0,
        "sentence": f"{article_id} sentence {sentence_index}",
        "source_code": source, "source_country": src_country, "source_sector": source[3:] or None,
        "source_name": None, "target_code": target, "target_country": tgt_country,
        "target_sector": (target[3:] or None) if target else None, "target_name": None,
        "cameo": cameo, "cameo_root": cameo[:2], "plover": "ASSAULT", "plover_mode": None, "quad_class": 4,
        "goldstein": -10.0, "date": day, "date_precision": precision, "date_inferred": inferred,
        "negated": negated, "location": json.dumps(location) if location else None, "confidence": 0.8,
    }


ARTICLES = {
    "a1": {"published": date(2024, 3, 5), "source": "Agency One", "url": "https://one.example/a1"},
    "a2": {"published": date(2024, 3, 5), "source": "Agency Two", "url": "https://two.example/a2"},
    "a3": {"published": date(2024, 3, 6), "source": "Paper Three", "url": "https://three.example/a3"},
    "a4": {"published": date(2024, 3, 7), "source": "Agency One", "url": "https://one.example/a4"},
}
STORY = {"a1": "s1", "a2": "s1", "a3": "s1", "a4": "s1"}


def test_three_reports_of_one_strike_are_one_event_with_three_mentions():
    rows = [row("r1", "a1"), row("r2", "a2", cameo="190"),
            row("r3", "a3", day="2024-03-06", inferred=True,  # no time expression: the days before publication
                location={"name": "Homs", "country": "SYR", "precision": "city"})]
    result = merge_records(rows, STORY, ARTICLES)
    assert len(result.events) == 1
    ev = result.events[0]
    assert (ev.num_mentions, ev.num_articles, ev.num_sources) == (3, 3, 3)
    assert ev.event_id == "r1" and ev.source_url == "https://one.example/a1"
    assert ev.date == "2024-03-05" and ev.date_precision == "day" and not ev.date_inferred
    assert ev.location["name"] == "Homs"
    assert sorted(ev.mention_ids) == ["r1", "r2", "r3"]
    reasons = {m: r for m, _, r in result.links}
    assert reasons["r1"] == "first report"
    assert "same story" in reasons["r2"] and "CAMEO root 19" in reasons["r2"]


def test_strikes_on_different_named_days_stay_two_events():
    rows = [row("r1", "a1"), row("r4", "a4", day="2024-03-07")]
    result = merge_records(rows, STORY, ARTICLES)
    assert len(result.events) == 2
    assert all(e.num_mentions == 1 for e in result.events)


def test_a_merged_event_is_learned_only_when_every_report_is():
    learned = [dict(row("r1", "a1"), method="learned"), dict(row("r2", "a2"), method="learned")]
    assert merge_records(learned, STORY, ARTICLES).events[0].method == "learned"
    mixed = [learned[0], dict(row("r2", "a2"), method="rules")]
    assert merge_records(mixed, STORY, ARTICLES).events[0].method == "rules"
    assert merge_records([row("r1", "a1")], STORY, ARTICLES).events[0].method == "rules"  # no method: rules


@pytest.mark.parametrize("other, why", [
    (dict(source="SYRREB"), "another source"),
    (dict(target="LBN"), "another target"),
    (dict(target=None), "no target"),
    (dict(cameo="042"), "another root"),
    (dict(negated=True), "negated"),
])
def test_incompatible_reports_are_not_merged(other, why):
    result = merge_records([row("r1", "a1"), row("r2", "a2", **other)], STORY, ARTICLES)
    assert len(result.events) == 2, why


def test_reports_in_different_stories_are_not_merged():
    result = merge_records([row("r1", "a1"), row("r2", "a2")], {"a1": "s1", "a2": "s2"}, ARTICLES)
    assert len(result.events) == 2


def test_a_country_agrees_with_its_own_sector_but_sectors_do_not_agree_with_each_other():
    result = merge_records([row("r1", "a1", source="ISR"), row("r2", "a2", source="ISRMIL")], STORY, ARTICLES)
    assert len(result.events) == 1 and result.events[0].source_code == "ISRMIL"
    result = merge_records([row("r1", "a1", source="SYRMIL"), row("r2", "a2", source="SYR"),
                            row("r3", "a3", source="SYRREB")], STORY, ARTICLES)
    assert len(result.events) == 2


def test_month_precision_overlaps_its_days():
    rows = [row("r1", "a1", day="2024-03-01", precision="month"), row("r2", "a2", day="2024-03-05"),
            row("r3", "a3", day="2024-02-01", precision="month")]
    result = merge_records(rows, STORY, ARTICLES)
    assert sorted(e.num_mentions for e in result.events) == [1, 2]
    assert period({"date": "2024-02-01", "date_precision": "month"}) == (date(2024, 2, 1), date(2024, 2, 29))


def test_merge_is_independent_of_input_order():
    rows = [row("r1", "a1"), row("r2", "a2"), row("r4", "a4", day="2024-03-07"), row("r3", "a3", cameo="042")]
    a = merge_records(rows, STORY, ARTICLES)
    b = merge_records(list(reversed(rows)), STORY, ARTICLES)
    assert [e.to_dict() for e in a.events] == [e.to_dict() for e in b.events]
    assert sorted(a.links) == sorted(b.links)


def test_an_article_without_a_story_is_its_own_story():
    rows = [row("r1", "a1", sentence_index=0), row("r2", "a1", sentence_index=3), row("r3", "a2")]
    result = merge_records(rows, {}, ARTICLES)
    assert sorted(e.num_mentions for e in result.events) == [1, 2]
    assert all(e.story_id is None for e in result.events)


def _event(article: Article, n: int, text: str, day: str) -> Event:
    return Event(event_id=f"{article.id}-{n}", article_id=article.id, sentence_index=n, sentence=text,
                 source=Actor("Israeli jets", 0, 12, "ISRMIL", "ISR", "MIL"), target=Actor("Syria", 20, 25, "SYR", "SYR"),
                 cameo="195", cameo_root="19", plover="ASSAULT", plover_mode="aerial", quad_class=4,
                 goldstein=-10.0, date=day, date_precision="day", date_inferred=False,
                 trigger=Trigger("struck", 13, 19, "strike"))


def test_store_keeps_merged_events_links_and_a_mentions_view(store):
    arts = [Article(id=a, text=f"text of {a}", url=info["url"], source=info["source"], published=info["published"])
            for a, info in ARTICLES.items()]
    items = [(a, [_event(a, 0, "Israeli jets struck Syria.", "2024-03-05" if a.id != "a4" else "2024-03-07")], [])
             for a in arts]
    store.write_batch(items, "test")
    rows, articles = store.merge_inputs()
    assert len(rows) == 4 and articles["a1"]["url"] == "https://one.example/a1"
    result = merge_records(rows, STORY, articles)
    store.replace_merged(STORY, result.events, result.links)
    merged = list(store.merged_events())
    assert sorted(e.num_mentions for e in merged) == [1, 3]
    big = next(e for e in merged if e.num_mentions == 3)
    assert big.first_published == "2024-03-05" and big.last_published == "2024-03-06"
    event, mentions = store.explain("a2-0")  # any record's id finds its event
    assert event.event_id == big.event_id
    assert [m["outlet"] for m in mentions] == ["Agency One", "Agency Two", "Paper Three"]
    assert store.con.execute("SELECT count(*) FROM event_mentions").fetchall()[0][0] == 4
    assert list(store.merged_events({"num_mentions": 1}))[0].date == "2024-03-07"
    # re-merging replaces, never duplicates
    store.replace_merged(STORY, result.events, result.links)
    assert store.con.execute("SELECT count(*) FROM merged_events").fetchall()[0][0] == 2
    assert store.explain("nope") is None


def test_explain_command_shows_mentions_and_reasons(store_db):
    db = store_db
    with open_store(db) as store:
        arts = [Article(id=a, text="t", url=i["url"], source=i["source"], published=i["published"])
                for a, i in ARTICLES.items() if a != "a4"]
        store.write_batch([(a, [_event(a, 0, "Israeli jets struck Syria.", "2024-03-05")], []) for a in arts], "t")
        rows, articles = store.merge_inputs()
        result = merge_records(rows, STORY, articles)
        store.replace_merged(STORY, result.events, result.links)
    out = CliRunner().invoke(main, ["explain", "a3-0", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert "3 mentions in 3 articles from 3 sources" in out.output
    assert "Israeli jets [struck] Syria." in out.output
    assert out.output.count("same story as a1-0") == 2
    missing = CliRunner().invoke(main, ["explain", "0000", "--db", str(db)])
    assert missing.exit_code == 1
    assert "no event or record with id '0000'" in missing.output
    as_json = json.loads(CliRunner().invoke(main, ["explain", "a1-0", "--db", str(db), "--json"]).output)
    assert as_json["event"]["num_mentions"] == 3 and len(as_json["mentions"]) == 3


def test_one_strike_reported_by_three_outlets_is_one_event_and_a_later_strike_another(tmp_path):
    """The team's fixtures: one air strike reported by Reuters, AP and AFP, and a second strike on the
    same town two days later, coded from the text end to end (stories, then merging)."""
    from pathlib import Path

    files = sorted(str(p) for p in (Path(__file__).parent / "fixtures" / "stories").glob("strike_makhmour_*.txt"))
    db = tmp_path / "strikes.duckdb"
    out = CliRunner().invoke(main, ["code", *files, "--db", str(db), "--format", "jsonl", "-q"])
    assert out.exit_code == 0, out.output
    with Store(db, read_only=True) as store:
        strikes = [e for e in store.merged_events({"cameo_root": "19", "target_country": "IRQ"})
                   if (e.source_country or "") == "TUR"]
        first = [e for e in strikes if e.date == "2024-05-14"]
        second = [e for e in strikes if e.date == "2024-05-16"]
        assert len(first) == 1 and len(second) == 1
        assert (first[0].num_articles, first[0].num_sources) == (3, 3)
        assert first[0].num_mentions >= 3
        _, mentions = store.explain(first[0].event_id)
        assert {m["article_id"] for m in mentions} == {"strike_makhmour_afp", "strike_makhmour_ap",
                                                       "strike_makhmour_reuters"}
        assert {m["outlet"] for m in mentions} == {"Reuters", "Associated Press", "AFP"}
        assert second[0].num_articles == 1 and second[0].article_id == "strike_makhmour_second"


def test_story_embeddings_are_cached_in_the_store(monkeypatch, store):
    """A store re-merged after each run embeds only the articles it has not seen."""
    from annales import stories
    from annales.merge import merge_store

    real = stories._encoder()
    if real is None:
        pytest.skip("the sentence encoder is not installed")
    arts = [Article(id=a, text=f"Israeli jets struck targets in Syria, the {a} report said.", url=i["url"],
                    source=i["source"], published=i["published"]) for a, i in ARTICLES.items()]
    store.write_batch([(a, [], []) for a in arts], "t")
    merge_store(store)
    assert store.con.execute("SELECT count(*) FROM story_vectors").fetchall()[0][0] == 4
    calls = []

    class Spy:
        def run(self, *args):
            calls.append(1)
            return real[1].run(*args)

    monkeypatch.setattr(stories, "_encoder", lambda: (real[0], Spy()))
    merge_store(store)
    assert calls == []
    store.write_batch([(Article(id="a5", text="A new report on the strike.", published=date(2024, 3, 6)), [], [])], "t")
    merge_store(store)
    assert len(calls) == 1 and store.con.execute("SELECT count(*) FROM story_vectors").fetchall()[0][0] == 5


def test_two_triggers_of_one_sentence_are_one_mention():
    rows = [row("r1", "a1", sentence_index=2), {**row("r2", "a1", sentence_index=2), "trigger_start": 30}]
    (ev,) = merge_records(rows, STORY, ARTICLES).events
    assert ev.num_mentions == 1 and sorted(ev.mention_ids) == ["r1", "r2"]

"""Sports and entertainment reports get no events (annales.genres): their country names are teams or film sets. Texts written for these tests."""

from __future__ import annotations

from datetime import date

from annales.batch import RunSummary, code_items
from annales.config import load_settings
from annales.genres import GenreFinder
from annales.pipeline import Pipeline, coder_version
from annales.records import Article
from annales.store import Store

MATCH = Article(id="m", title="Scotland see off Italy", published=date(2024, 3, 9), text=(
    "Scotland beat Italy in Rome on Saturday. Their striker scored twice after half-time, and the coach praised "
    "the squad. Italy travel to Dublin to face Ireland in the Six Nations next week."))
NEWS = Article(id="n", published=date(2024, 3, 9), text=(
    "Russia attacked Ukrainian positions near Kharkiv on Saturday. Ukraine's army said the shelling began "
    "during a football match in a nearby village, and the president condemned Moscow for the strikes."))


PREMIERE = Article(id="f", title="Spy thriller tops the box office", published=date(2024, 3, 9), text=(
    "The spy thriller starring two Hollywood actors took $40m at the box office in its first weekend. "
    "The French director praised Morocco for its help, and the actress said the sequel would be shot in Spain. "
    "It has three Oscar nominations."))
BANNED = Article(id="b", published=date(2024, 3, 9), text=(
    "Kenya's film board banned a documentary about police killings on Tuesday. The government said the "
    "film incited violence, and rights groups condemned the ban as censorship."))


def test_a_film_report_is_entertainment_and_a_ban_on_a_film_is_news(pipeline):
    finder = GenreFinder()
    assert finder(PREMIERE) == "entertainment"
    assert finder(BANNED) is None  # the film is named, but the news is the government's ban
    assert pipeline(PREMIERE).events == [] and pipeline(BANNED).events
    every = Pipeline(load_settings(genres__skip=[]), nlp=pipeline.nlp)
    assert every(PREMIERE).events  # "praised Morocco": what the genre keeps out


def test_a_sports_report_is_of_the_sport_genre_and_news_is_not():
    finder = GenreFinder()
    assert finder(MATCH) == "sport"
    assert finder(NEWS) is None  # one match named in passing


def test_thresholds_come_from_the_settings():
    strict = GenreFinder.from_settings(load_settings(genres__min_distinct_terms=9))
    assert strict(MATCH) is None


def test_a_sports_report_keeps_its_actors_but_gets_no_events(pipeline):
    coded = pipeline(MATCH)
    assert coded.genre == "sport" and coded.events == [] and coded.mentions
    assert pipeline(NEWS).events


def test_with_no_genre_skipped_every_article_is_coded(pipeline):
    every = Pipeline(load_settings(genres__skip=[]), nlp=pipeline.nlp)
    assert every(MATCH).genre == "sport" and every(MATCH).events
    assert every.version != pipeline.version == coder_version(pipeline.settings)


def test_the_run_summary_counts_the_articles_set_aside(pipeline):
    summary = RunSummary()
    with Store(":memory:") as store:
        events = list(code_items([MATCH, NEWS], store, pipeline, summary))
    assert summary.set_aside == {"sport": 1} and summary.coded == 2 and len(events) == summary.events
    assert summary.line(":memory:", 1.0).startswith("coded 2 articles (1 sport: no events); ")


def test_rugby_running_and_band_reports_are_told_by_their_own_words():
    finder = GenreFinder()
    rugby = Article(id="r", title="Wales 20-13 France", text=(
        "Wales edged France in Cardiff. A driving maul set up the first score, and a converted try after the break "
        "put Wales ahead. France replied with a drop goal but the visitors never led again."))
    race = Article(id="c", title="Kenyan wins in Seville", text=(
        "A Kenyan runner won the cross-country race in Seville on Sunday, and a Spanish runner was second. "
        "The cross country season ends in March, when the IAAF championships are held."))
    band = Article(id="b", title="Band to host radio show", text=(
        "The band will take over a radio station for a week. Their guitarist and their drummer will play "
        "records, and the vocalist will answer questions from listeners."))
    tennis = Article(id="t", title="Chilean into the final", text=(
        "The top seed from Chile beat the Argentine 6-3 7-6, saving a set point in the second set. He will face the "
        "fifth seed on Sunday, who won on a third match point."))
    assert (finder(rugby), finder(race), finder(band), finder(tennis)) == ("sport", "sport", "entertainment", "sport")

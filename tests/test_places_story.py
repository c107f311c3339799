"""The geocoder (annales.places) on the places an article names before an act's sentence (tenth stop). Sentences
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from annales.places import Geocoder
from annales.records import Article


@pytest.fixture(scope="module")
def geo():
    return Geocoder.default()


def _locate(pipeline, geo, article, word, **kw):
    doc = pipeline.nlp(article.text)
    tok = next(t for t in doc if t.text == word)
    return geo.locate(tok.sent, tok.i, article, **kw)


def _art(text):
    return Article(id="a", title=None, text=text, published=date(2024, 3, 6))


STORY = ("Rebels shelled villages near Aleppo on Monday. The fighting in Syria then spread to Homs. Last year a trade "
         "fair hosted in Osaka showed off new drones. Government gunners shot down two drones on Friday.")


def test_a_place_named_in_passing_is_not_where_a_later_act_happened(pipeline, geo):
    loc = _locate(pipeline, geo, _art(STORY), "shot", cameo="190", quad_class=4)
    assert loc and (loc["country"], loc["how"]) == ("SYR", "article")


def test_a_place_named_once_is_kept_when_it_is_a_partys_country(pipeline, geo):
    loc = _locate(pipeline, geo, _art(STORY), "shot", cameo="190", quad_class=4, target_country="JPN")
    assert loc and loc["country"] == "JPN"


@pytest.mark.parametrize("text, word, where", [
    ("Opposition leaders were in Paris on Monday, asking France for more aid.", "asking", "Paris"),
    ("The two envoys stayed in Vienna for a week, pressing Iran to accept the offer.", "pressing", "Vienna"),
])
def test_words_told_by_a_participle_of_being_somewhere_are_said_there(pipeline, geo, text, word, where):
    loc = _locate(pipeline, geo, _art(text), word, cameo="023", quad_class=1)
    assert loc and loc["name"] == where


def test_a_participle_of_being_somewhere_with_its_own_mark_is_not_placed_there(pipeline, geo):
    text = "The ministers were in Paris on Monday, after asking France for more aid."
    assert _locate(pipeline, geo, _art(text), "asking", cameo="023", quad_class=1) is None


def test_words_said_in_his_speech_are_said_where_the_article_placed_the_speech(pipeline, geo):
    art = _art("The minister set out the new policy in a speech in Glasgow on Friday. In his speech, she promised "
               "more money for the railways.")
    loc = _locate(pipeline, geo, art, "promised", cameo="030", quad_class=1)
    assert loc and loc["name"] == "Glasgow"
    art = _art("The senator spoke at length in a speech in Ohio on Monday. In her speech, she promised new roads.")
    loc = _locate(pipeline, geo, art, "promised", cameo="030", quad_class=1)
    assert loc and (loc["name"], loc["precision"]) == ("Ohio", "region")
    art = _art("The minister set out the new policy on Friday. In his speech, she promised more money for trains.")
    assert _locate(pipeline, geo, art, "promised", cameo="030", quad_class=1) is None


@pytest.mark.parametrize("text", [
    "The minister toured a hospital in Leeds on Monday. The party chairman attacked the government's pledges as empty.",
    "The minister toured a hospital in Leeds on Monday. Union leaders attacked the plan on Tuesday.",
])
def test_an_attack_on_pledges_or_plans_is_words_whatever_its_code(pipeline, geo, text):
    assert _locate(pipeline, geo, _art(text), "attacked", cameo="190", quad_class=4) is None


def test_an_attack_on_a_town_is_still_placed(pipeline, geo):
    art = _art("The minister toured a hospital in Leeds on Monday. Rebels attacked the town on Tuesday.")
    loc = _locate(pipeline, geo, art, "attacked", cameo="190", quad_class=4)
    assert loc and loc["name"] == "Leeds"


def test_the_only_place_of_a_short_story_is_not_in_passing(pipeline, geo):
    art = _art("The minister toured a hospital in Leeds on Monday. Protesters blocked the entrance on Tuesday.")
    loc = _locate(pipeline, geo, art, "blocked", cameo="191", quad_class=4)
    assert loc and loc["name"] == "Leeds"


def test_condolences_sent_are_words_not_a_journey(pipeline, geo):
    art = _art("The senator held a rally in Denver on Monday. She sent her condolences to the president on Friday.")
    assert _locate(pipeline, geo, art, "sent", cameo="018", quad_class=1) is None
    art = _art("The senator held a rally in Denver on Monday. The army sent troops to Kabul on Friday.")
    loc = _locate(pipeline, geo, art, "sent", cameo="042", quad_class=2)
    assert loc and loc["name"] == "Kabul"

"""The geocoder (annales.places, annales.place_setting, annales.place_rules) on places carried between sentences:
a fight not placed in a country an earlier sentence named for another act, the town a story of fighting is set in,
a speaker's words over several sentences of one occasion, and a clause of purpose done where its act is (thirteenth
stop). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from annales.places import Geocoder
from annales.records import Article


@pytest.fixture(scope="module")
def geo():
    return Geocoder.default()


def _locate(pipeline, geo, text, word, speaker=None, **kw):
    article = Article(id="a", title=None, text=text, published=date(2024, 3, 6))
    doc = pipeline.nlp(article.text)
    tok = [t for t in doc if t.text == word][-1]
    if speaker is not None:
        words = speaker.split()
        at = next(t.i for t in tok.sent if t.text == words[0])
        kw["actors"] = [(at, at + len(words))]
    return geo.locate(tok.sent, tok.i, article, **kw)


FILLER = " ".join(f"The council met for the {n} time to discuss the harvest and the roads." for n in
                  ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"))
WAR = ("Fighting went on in Sudan on Monday. Aid workers in Sudan said food was running out. Families have fled to "
       "camps in Sudan. A fair of drone makers was held in Nairobi last month. Engineers in Kenya showed a new jammer "
       "there. The militia's gunners shot down two drones on Tuesday, a doctor said.")


def test_a_fight_is_not_placed_where_an_earlier_sentence_put_another_act(pipeline, geo):
    loc = _locate(pipeline, geo, WAR, "shot", cameo="190", quad_class=4, source_country=None)
    assert loc is not None and loc["country"] == "SDN"


def test_a_fight_of_a_party_of_that_country_keeps_the_earlier_place(pipeline, geo):
    loc = _locate(pipeline, geo, WAR, "shot", cameo="190", quad_class=4, source_country="KEN")
    assert loc is not None and loc["country"] == "KEN"


STORY = ("Fighting went on in Kassala on Monday. Aid workers in Kassala said food was running out. " + FILLER +
         " The militia that holds the hills has shelled villages for months, a doctor said.")


def test_a_fight_far_down_a_story_of_one_town_is_in_that_town(pipeline, geo):
    loc = _locate(pipeline, geo, STORY, "shelled", cameo="190", quad_class=4, source_country=None)
    assert loc is not None and loc["name"] == "Kassala" and loc["precision"] == "city"


def test_no_town_when_the_story_names_two_towns_alike(pipeline, geo):
    text = STORY.replace("in Kassala", "in Kassala and in Port Sudan")
    loc = _locate(pipeline, geo, text, "shelled", cameo="190", quad_class=4, source_country=None)
    assert loc is not None and loc["country"] == "SDN" and loc["precision"] == "country"


VISIT = ("Speaking in Nairobi on Monday, the foreign minister Amina Otieno criticised the plan. "
         "She rejected the rebels' offer of a truce. The mayor of the town welcomed the plan. "
         "Otieno also praised the aid workers.")


def test_a_pronoun_speaker_s_words_just_after_a_placed_speech_are_said_there(pipeline, geo):
    loc = _locate(pipeline, geo, VISIT, "rejected", speaker="She", cameo="125", quad_class=1, source_country=None)
    assert loc is not None and loc["name"] == "Nairobi"


def test_a_named_speaker_s_later_words_are_said_there(pipeline, geo):
    loc = _locate(pipeline, geo, VISIT, "praised", speaker="Otieno", cameo="051", quad_class=1, source_country=None)
    assert loc is not None and loc["name"] == "Nairobi"


def test_another_speaker_is_not_placed_at_that_speech(pipeline, geo):
    loc = _locate(pipeline, geo, VISIT, "welcomed", speaker="The mayor", cameo="051", quad_class=1,
                  source_country=None)
    assert loc is None


def test_a_clause_of_purpose_is_done_where_its_meeting_is(pipeline, geo):
    text = "The two presidents are due to meet in Geneva on Friday to discuss the ceasefire."
    loc = _locate(pipeline, geo, text, "discuss", cameo="036", quad_class=1, source_country=None)
    assert loc is not None and loc["name"] == "Geneva"

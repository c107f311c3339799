"""The geocoder (annales.places, annales.place_audience) on words told to an audience, and on a state's holding or
sheltering of people told in another verb's clause (eighteenth stop). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import annales.places as places
from annales.place_audience import audience, audience_nouns
from annales.places import Geocoder
from annales.records import Article
from helpers import locate_last


@pytest.fixture(scope="module")
def geo():
    return Geocoder.default()




FORUM = ("The Green party's spring gathering opened in a seaside hall on Friday. The party leader had opened the forum "
         "in Bristol with a speech on rail fares, and the deputy leader speaks on Sunday. The deputy leader also "
         "condemned the ministers' record on housing, telling delegates that rents had doubled.")


def test_words_told_to_delegates_are_said_at_the_gathering_the_article_places(pipeline, geo):
    loc = locate_last(pipeline, geo, FORUM, "condemned", cameo="111", quad_class=3, source_country="GBR")
    assert loc is not None and loc["name"] == "Bristol" and loc["how"] == "article"


def test_without_an_audience_the_statement_is_not_placed_at_the_gathering(pipeline, geo):
    text = FORUM.replace(", telling delegates that rents had doubled", "")
    loc = locate_last(pipeline, geo, text, "condemned", cameo="111", quad_class=3, source_country="GBR")
    assert loc is None or loc["name"] != "Bristol"


def test_no_audience_place_where_the_article_gives_two_gatherings(pipeline, geo):
    text = FORUM.replace("on Sunday.", "on Sunday at a rally in Leeds.")
    article = Article(id="a", title=None, text=text, published=date(2024, 3, 6))
    tok = [t for t in pipeline.nlp(text) if t.text == "condemned"][-1]
    assert audience(geo, article, tok, []) is None
    one = Article(id="a", title=None, text=FORUM, published=date(2024, 3, 6))
    tok = [t for t in pipeline.nlp(FORUM) if t.text == "condemned"][-1]
    assert audience(geo, one, tok, [])[0].name == "Bristol"


def test_an_audience_is_the_object_of_the_trigger_or_of_a_verb_of_telling(pipeline):
    doc = pipeline.nlp("The bishop will ask the congregation to pray. The mayor criticised the budget, telling "
                       "supporters it was unfair.")
    ask = next(t for t in doc if t.text == "ask")
    crit = next(t for t in doc if t.text == "criticised")
    assert [t.lemma_ for t in audience_nouns(ask)] == ["congregation"]
    assert [t.lemma_ for t in audience_nouns(crit)] == ["supporter"]
    hold = next(t for t in pipeline.nlp("The union will hold a Sudan aid conference in May.") if t.text == "hold")
    assert audience_nouns(hold) == []  # a conference held is no audience told


def test_a_place_in_the_audiences_phrase_is_read_in_the_articles_country(pipeline, geo):
    # "Kent" is also a town in Washington state; in a British story the activists are in the English county
    text = ("Britain's opposition leader will speak about housing this week. He will tell activists in Kent "
            "on Friday that the UK needs more homes.")
    loc = locate_last(pipeline, geo, text, "tell", cameo="010", quad_class=1, source_country="GBR")
    assert loc is not None and loc["country"] == "GBR" and loc["name"] == "Kent"


SHELTER = ("Refugees from the fighting in Sudan keep arriving at the border. Chad has taken in more than half a million "
           "refugees from Sudan; however, its patience with the camps has worn thin.")


def test_a_state_shelters_refugees_at_home_whatever_clause_tells_it(pipeline, geo, monkeypatch):
    doc = pipeline.nlp(SHELTER)
    tok = next(t for t in doc if t.text == "taken")
    article = Article(id="a", title=None, text=SHELTER, published=date(2024, 3, 6))
    kw = dict(cameo="075", quad_class=2, source_country="TCD", target_country="SDN")
    loc = places.Geocoder.default().locate(tok.sent, tok.i, article, **kw)
    assert tok.dep_ == "ccomp"  # the parser hangs the act under the clause after "however"
    assert loc is not None and loc["country"] == "TCD" and loc["how"] == "source"
    monkeypatch.setattr(places, "HOME_CUSTODY", False)
    off = places.Geocoder.default().locate(tok.sent, tok.i, article, **kw)
    assert off is None or off["country"] != "TCD"

"""The geocoder (annales.places, annales.place_setting, annales.gazetteer) on statements made at the gathering a story is
set at, on a passive's agent, and on namesakes of the story's own towns (eleventh stop). Sentences written for these
tests."""

from __future__ import annotations

from datetime import date

import pytest

from annales.places import Geocoder
from annales.records import Article


@pytest.fixture(scope="module")
def geo():
    return Geocoder.default()


def _art(text):
    return Article(id="a", title=None, text=text, published=date(2024, 3, 6))


def _locate(pipeline, geo, text, word, **kw):
    article = _art(text)
    doc = pipeline.nlp(article.text)
    tok = [t for t in doc if t.text == word][-1]
    return geo.locate(tok.sent, tok.i, article, **kw)


TALKS = ("Peace talks in Vienna between Serbia and Kosovo broke down on Tuesday after two days. "
         "The Serbian envoy blamed the Kosovo delegation for the failure.")


def test_a_statement_is_made_at_the_gathering_the_story_is_set_at(pipeline, geo):
    loc = _locate(pipeline, geo, TALKS, "blamed", cameo="112", quad_class=3, source_country="SRB",
                  target_country="XKX")
    assert loc is not None and loc["name"] == "Vienna" and loc["how"] == "article"


def test_the_setting_also_reads_a_name_before_the_gathering(pipeline, geo):
    text = "The Vienna summit of the Serbian and Kosovan leaders ended early. The Serbian envoy blamed the Kosovo delegation."
    loc = _locate(pipeline, geo, text, "blamed", cameo="112", quad_class=3, source_country="SRB", target_country="XKX")
    assert loc is not None and loc["name"] == "Vienna"


def test_no_setting_for_a_speaker_the_gathering_does_not_name(pipeline, geo):
    # the talks were between Serbia and Kosovo: a Chilean minister's words were not said there
    loc = _locate(pipeline, geo, TALKS.replace("The Serbian envoy", "The Chilean minister"), "blamed", cameo="112",
                  quad_class=3, source_country="CHL", target_country="XKX")
    assert loc is None


def test_no_setting_for_a_speaker_of_no_known_country(pipeline, geo):
    loc = _locate(pipeline, geo, TALKS, "blamed", cameo="112", quad_class=3, source_country=None, target_country="XKX")
    assert loc is None


def test_no_setting_for_an_act_reported_by_the_speaker(pipeline, geo):
    # the envoy at the talks reports what Kosovo did: that refusal was not at the talks
    text = TALKS + " He complained that Kosovo had refused every Serbian proposal."
    loc = _locate(pipeline, geo, text, "refused", cameo="120", quad_class=3, source_country="XKX",
                  target_country="SRB")
    assert loc is None


def test_a_sentence_with_its_own_venue_does_not_take_the_setting(pipeline, geo):
    text = TALKS + " On a visit to the Oxford Union last year, the Serbian envoy praised the mediators."
    loc = _locate(pipeline, geo, text, "praised", cameo="051", quad_class=1, source_country="SRB")
    assert loc is None or loc["name"] != "Vienna"  # its own venue, the Oxford Union (places.tsv), or none


def test_a_gathering_far_back_is_not_the_setting(pipeline, geo):
    filler = " ".join(f"Aid convoy number {n} reached the border." for n in range(8))
    text = TALKS.split(". ")[0] + ". " + filler + " The Serbian envoy blamed the Kosovo delegation."
    loc = _locate(pipeline, geo, text, "blamed", cameo="112", quad_class=3, source_country="SRB", target_country="XKX")
    assert loc is None


@pytest.mark.parametrize("text", [
    "The farmer was asked by officials in Basra to leave his land.",
    "Officials in Basra asked the farmer to leave his land.",
])
def test_a_passive_agent_places_the_act_as_its_subject_does(pipeline, text):
    events = [e for e in pipeline(_art(text)).events if e.trigger.text == "asked"]
    assert events and all(e.location and e.location["name"] == "Basrah" for e in events)


@pytest.mark.parametrize("text, iso3", [
    ("Alabama's governor declared an emergency. Police arrested ten protesters in Birmingham.", "USA"),
    ("The British government called for calm. British police arrested ten protesters in Perth.", "GBR"),
    # the bigger namesake's country is named: it keeps the name
    ("Britain's prime minister met the US president. British police arrested ten protesters in Washington.", "USA"),
    ("Police arrested ten protesters in Birmingham.", "GBR"),
])
def test_a_town_of_the_story_s_country_beats_a_namesake_in_a_country_never_named(pipeline, text, iso3):
    events = [e for e in pipeline(_art(text)).events if e.trigger.text == "arrested"]
    assert events and all(e.location and e.location["country"] == iso3 for e in events)


def test_lookup_takes_the_home_country_only_when_the_namesake_s_is_not_named(geo):
    from annales.gazetteer import Context

    assert geo.lookup("Perth", Context.of({"GBR": 0.5}, "GBR")).country == "GBR"
    assert geo.lookup("Perth", Context.of({"GBR": 0.5, "AUS": 0.25}, "GBR")).country == "AUS"
    assert geo.lookup("Perth", Context.of({"GBR": 0.5}, None)).country == "AUS"


ENVOY = "UN-sponsored talks in Vienna between Serbia and Kosovo collapsed on Tuesday, with the envoy Maria Lindqvist admitting failure. "


@pytest.mark.parametrize("speaker, where", [
    ("The UN envoy, Maria Lindqvist,", "Vienna"),  # a speaker of no country, named where the gathering is told
    ("The UN secretary general, Antonio Ferreira,", None),  # named nowhere there
])
def test_a_speaker_of_no_country_takes_the_setting_where_it_names_them(pipeline, speaker, where):
    text = ENVOY + f"{speaker} blamed the Serbian delegation for the collapse."
    events = [e for e in pipeline(_art(text)).events if e.trigger.text == "blamed"]
    assert events and all((e.location or {}).get("name") == where for e in events)

"""Which place a name is (annales.places, annales.gazetteer), on sentences written for these tests."""

from __future__ import annotations

import helpers
import pytest

from annales.places import Geocoder


@pytest.fixture(scope="module")
def geo():
    return Geocoder.default()


_locate, _art = helpers.locate, helpers.article


def test_an_alternate_name_elsewhere_leaves_a_primary_name_evidence_for_its_country(pipeline, geo):
    # "Quebec" is also an alternate name of a US town: it still says Canada, so "Ontario" is the province
    text = "In Ontario, provincial police said the border closure between Quebec and New York State raised prices."
    loc = _locate(pipeline, geo, text, "said", cameo="010", quad_class=1)
    assert loc and (loc["country"], loc["precision"]) == ("CAN", "region")


def test_a_name_with_a_lower_case_site_noun_is_the_site(pipeline, geo):
    # "Waterloo" alone is read as a town; "Waterloo station" is the London terminal of the team file
    text = "Hundreds of rail workers protested at Waterloo station on Monday morning."
    loc = _locate(pipeline, geo, text, "protested", cameo="141", quad_class=3)
    assert loc and (loc["country"], loc["precision"]) == ("GBR", "city") and loc["text"] == "Waterloo station"
    assert 51.4 < loc["lat"] < 51.6  # London


def test_a_court_named_before_in_place_with_its_full_name(pipeline, geo):
    # the capitalised words before "Court" are no place; its town comes after its full name
    art = _art("A former official appeared before the Federal District Court for the Eastern District in Baltimore "
               "on Monday. The prosecutor told the court that the official had lied.")
    loc = _locate(pipeline, geo, None, "told", art, cameo="010", quad_class=1)
    assert loc and loc["name"] == "Baltimore" and loc["country"] == "USA"


@pytest.mark.parametrize("text, word, iso3, name", [
    ("Aleppo has seen heavy fighting as government jets bombed rebel districts.", "bombed", "SYR", "Aleppo"),
    ("Benghazi and Misrata witnessed clashes after militias attacked police stations.", "attacked", "LBY", "Benghazi"),
])
def test_a_town_that_sees_or_witnesses_acts_is_their_scene(pipeline, geo, text, word, iso3, name):
    loc = _locate(pipeline, geo, text, word, cameo="195", quad_class=4)
    assert loc and (loc["country"], loc["name"]) == (iso3, name)


def test_a_country_that_sees_an_act_may_judge_it(pipeline, geo):
    loc = _locate(pipeline, geo, "Russia sees the strikes that the coalition launched as illegal.", "launched",
                  cameo="195", quad_class=4)
    assert loc is None or loc["country"] != "RUS"


def test_a_verdict_by_a_judge_of_no_named_country_is_in_the_country_of_the_story(pipeline, geo):
    art = _art("Brazil's former finance minister went on trial in Brazil in March. On Tuesday a federal judge sentenced "
               "the former minister to nine years in prison.")
    loc = _locate(pipeline, geo, None, "sentenced", art, cameo="116", quad_class=3, actors=[(15, 18), (19, 22)])
    assert loc and (loc["country"], loc["precision"]) == ("BRA", "country")


def test_a_lawsuit_is_before_the_court_the_article_places(pipeline, geo):
    art = _art("The group filed a lawsuit against the city council on Monday. The case will be heard by the High "
               "Court in Nairobi next month.")
    loc = _locate(pipeline, geo, None, "filed", art, cameo="115", quad_class=3, source_country="KEN")
    assert loc and (loc["name"], loc["country"]) == ("Nairobi", "KEN")


def test_a_case_between_two_states_is_not_placed_at_home(pipeline, geo):
    loc = _locate(pipeline, geo, "Ukraine filed a case against Russia last year.", "filed", cameo="115",
                  quad_class=3, source_country="UKR", target_country="RUS")
    assert loc is None


def test_protecting_people_is_done_where_the_protectors_stay(pipeline, geo):
    # coded as an intent (0334) but done on the ground: the place of the staying, two edges up, is its place
    loc = _locate(pipeline, geo, "If Italy keeps its soldiers in Lebanon to protect the villagers, the mission will last "
                                 "for years.", "protect", cameo="0334", quad_class=1, source_country="ITA")
    assert loc and loc["country"] == "LBN"


@pytest.mark.parametrize("target", ["GBR", "USA"])  # the MPs' country as the coder gave it, right or wrong
def test_words_told_to_legislators_just_placed_in_their_house_are_said_there(pipeline, geo, target):
    art = _art("The row broke out in the Commons on Tuesday when the minister answered questions. He told MPs that the "
               "plan would go ahead.")
    doc = pipeline.nlp(art.text)
    mps = next(t for t in doc if t.text == "MPs")
    loc = _locate(pipeline, geo, None, "told", art, cameo="010", quad_class=1, source_country="GBR",
                  target_country=target, actors=[(mps.i - 2, mps.i - 1), (mps.i, mps.i + 1)])
    assert loc and loc["name"] == "Palace of Westminster" and loc["country"] == "GBR"


def test_words_told_to_legislators_with_no_house_named_are_said_in_the_capital(pipeline, geo):
    art = _art("The budget was published on Tuesday. The minister told MPs that the plan would go ahead.")
    doc = pipeline.nlp(art.text)
    mps = next(t for t in doc if t.text == "MPs")
    loc = _locate(pipeline, geo, None, "told", art, cameo="010", quad_class=1, source_country="GBR",
                  target_country="GBR", actors=[(mps.i - 3, mps.i - 1), (mps.i, mps.i + 1)])
    assert loc and loc["name"] == "London"


def test_an_attack_on_a_state_s_troops_is_not_placed_at_the_name_of_their_state(pipeline, geo):
    art = _art("Fighting went on in Syria this week. Russian mercenaries fought US special forces on Tuesday.")
    doc = pipeline.nlp(art.text)
    us = next(t for t in doc if t.text == "US")
    loc = _locate(pipeline, geo, None, "fought", art, cameo="190", quad_class=4, source_country="RUS",
                  target_country="USA", actors=[(us.i - 2, us.i), (us.i, us.i + 3)])
    assert loc and loc["country"] == "SYR"


@pytest.mark.parametrize("text, word, name", [
    ("The minister was speaking at a business school in Lyon on Monday.", "speaking", "Lyon"),
    ("At a conference in Madrid this week, the envoy said the talks would go on.", "said", "Madrid"),
    ("The envoy said in a statement on the fighting in Idlib that talks would go on.", "said", None),
])
def test_a_statement_at_a_venue_is_made_where_the_venue_is(pipeline, geo, text, word, name):
    loc = _locate(pipeline, geo, text, word, cameo="010", quad_class=1)
    assert (loc and loc["name"]) == name


@pytest.mark.parametrize("name, iso3, kind", [
    ("Islamabad", "PAK", "city"),  # also an alternate name of Chattogram
    ("Dili", "TLS", "city"),  # also an alternate name of Delhi
    ("Parma", "ITA", "city"),  # also an alternate name of Perm
    ("St Petersburg", "RUS", "city"),  # a spelling of Saint Petersburg's own name, beside St. Petersburg, Florida
    ("Raqqa", "SYR", "city"),  # a region's name and an alternate name of its city: the city
])
def test_a_primary_name_of_a_sizeable_city_outranks_alternate_names_of_bigger_ones(geo, name, iso3, kind):
    place = geo.lookup(name)
    assert (place.country, place.kind) == (iso3, kind)


def test_a_british_county_in_a_british_story_is_the_county(pipeline, geo):
    # "Suffolk" is also a US town: in a story on England it is the English county, a region
    text = "Police in England arrested two men in Suffolk on Monday."
    loc = _locate(pipeline, geo, text, "arrested", cameo="173", quad_class=4)
    assert loc and (loc["name"], loc["country"], loc["precision"]) == ("Suffolk", "GBR", "region")


def test_a_county_yields_to_a_town_abroad_in_a_story_on_that_country(geo):
    from annales.gazetteer import Context

    assert geo.lookup("Norfolk", Context.of({"USA": 0.5}, "USA")).country == "USA"  # the Virginia port
    assert geo.lookup("Norfolk", Context.of({"GBR": 0.5}, "GBR")).kind == "county"
    assert geo.lookup("Devon").country == "GBR"  # no town abroad carries the name

"""Words misread as actors or acts in news prose: a currency's country, a place a person is from,
an act that only would have happened, a question put (the twelfth stop's event audit, benchmarks/gold/README.md);
the side one fights for, an act whose object is denied ("no sanctions"), a verbal attack, the writer of a letter
whose participle the parser hangs on its addressees, a news site and what is given to it, a bid withdrawn (the
fourteenth stop's dev audit). Sentences written for these tests."""

from __future__ import annotations

import helpers
import pytest

from annales.records import Article


@pytest.mark.parametrize("text", [
    "Norway has spent about four billion US dollars on new hospitals.",
    "The fund paid two billion Hong Kong dollars for the port.",
])
def test_the_country_of_a_currency_is_no_actor(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if "USA" in (d[0], d[2]) or "HKG" in (d[0], d[2])]
    assert not [p for p in helpers.actor_codes(pipeline, text) if p in ("US", "Hong Kong")]


def test_a_country_that_gives_money_stays_an_actor(pipeline):
    assert ("USA", "071", "KEN") in helpers.dyads(pipeline, "The US gave 40 million dollars to Kenya.")


@pytest.mark.parametrize("text, expected", [
    ("A man from Kenya attacked a Ugandan soldier.", "KENCVL"),
    ("A woman from Nairobi attacked a Ugandan soldier.", "KENCVL"),
])
def test_a_person_from_a_place_is_a_civilian_of_its_country(pipeline, text, expected):
    assert [d[0] for d in helpers.dyads(pipeline, text)] == [expected]


def test_soldiers_from_a_country_stay_its_military(pipeline):
    assert [d[0] for d in helpers.dyads(pipeline, "Soldiers from Kenya attacked a Ugandan base.")] == ["KENMIL"]


@pytest.mark.parametrize("text", [
    "The president vetoed a bill that would have allowed Ecuador to extradite suspects to Peru.",
    "Had the talks failed, Argentina would have attacked Chile.",
])
def test_what_only_would_have_happened_is_no_event(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[0] in ("ECU", "ARG")]


def test_what_would_happen_under_a_condition_is_still_a_threat(pipeline):
    dyads = helpers.dyads(pipeline, "Argentina would attack Chile if the talks failed.")
    assert [d for d in dyads if d[0] == "ARG" and d[1].startswith("13")]


@pytest.mark.parametrize("text", [
    'The Welsh Conservative leader asked: "Would it not be absurd to close the hospital?"',
    "The opposition leader asked whether the Danish prime minister would resign.",
    "The opposition leader asked the Danish prime minister why he had not resigned.",
])
def test_a_question_put_is_no_appeal(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1].startswith("02")]


@pytest.mark.parametrize("text", [
    "The opposition leader asked the Danish prime minister to resign.",
    "Kenya asked Uganda for help.",
])
def test_an_appeal_for_an_act_is_kept(pipeline, text):
    assert [d for d in helpers.dyads(pipeline, text) if d[1].startswith("02")]


def test_a_name_after_a_title_of_courtesy_is_a_person(pipeline):
    assert ("DNKGOV", "111", "---") in helpers.dyads(pipeline, "The Danish government criticised Mr Hockney.")


def test_a_place_name_after_a_title_of_courtesy_is_a_surname(pipeline):
    assert helpers.dyads(pipeline, "The Danish government criticised Ms Jordan.") == [("DNKGOV", "111", "---")]
    assert helpers.dyads(pipeline, "The Danish government criticised Jordan.") == [("DNKGOV", "111", "JOR")]


def test_a_visitor_of_no_known_country_is_hosted_by_no_one(pipeline):
    dyads = helpers.dyads(pipeline, "Mr Larsen was stopped while travelling to Oslo to see his daughter.")
    assert [d for d in dyads if d[1] == "042"] and not [d for d in dyads if d[1] == "043"]


def test_a_known_visitor_is_still_hosted(pipeline):
    dyads = helpers.dyads(pipeline, "The Indonesian president arrived in Kenya on Monday.")
    assert ("KEN", "043", "IDNGOV") in dyads


def test_an_act_one_was_supposed_to_do_is_only_intended(pipeline):
    dyads = helpers.dyads(pipeline, "The Kenyan president was supposed to meet the Ugandan president on Monday.")
    assert ("KENGOV", "036", "UGAGOV") in dyads and not [d for d in dyads if d[1] == "040"]


@pytest.mark.parametrize("text", [
    "A Kenyan volunteer was killed last year while he was fighting for Somali insurgents.",
    "Ugandan mercenaries fought for the Kenyan army in the north.",
])
def test_those_fought_for_are_no_target(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1].startswith("19")]


def test_those_fought_against_stay_the_target(pipeline):
    assert ("UGAMIL", "190", "KENREB") in helpers.dyads(pipeline, "Ugandan troops fought Kenyan rebels for the town.")


@pytest.mark.parametrize("text", [
    "The Chilean attorney general has issued no instructions to Peruvian police.",
    "Chile imposed no sanctions on Peru.",
    "Chile gave no aid to Peru after the floods.",
])
def test_an_act_whose_object_is_denied_is_negated(pipeline, text):
    events = pipeline(Article(id="t", text=text)).events
    assert all(e.negated for e in events)


def test_an_act_with_an_object_stays_asserted(pipeline):
    events = pipeline(Article(id="t", text="Chile imposed new sanctions on Peru.")).events
    assert [(e.cameo, e.negated) for e in events] == [("163", False)]


def test_a_verbal_attack_on_words_is_criticism_not_force(pipeline):
    dyads = helpers.dyads(pipeline, "The Chilean minister is expected to attack the Peruvian president's words.")
    assert dyads and not [d for d in dyads if d[1].startswith(("13", "19"))]


def test_who_urges_in_a_letter_is_its_writer(pipeline):
    text = "The Chilean bishop wrote to all three Peruvian parties urging them to end the campaign."
    assert [d[0] for d in helpers.dyads(pipeline, text) if d[1].startswith("02")] == ["CHLREL"]


@pytest.mark.parametrize("text", [
    "The Chilean minister told Wikinews that the talks had failed.",
    "The Chilean minister told CBC that the talks had failed.",
])
def test_a_statement_to_a_news_site_or_broadcaster_is_no_event(pipeline, text):
    assert helpers.dyads(pipeline, text) == []


def test_a_bid_withdrawn_is_no_retreat(pipeline):
    text = "Dealers said that both Chile and Peru had withdrawn their bids to buy euros."
    assert not [d for d in helpers.dyads(pipeline, text) if d[1].startswith("08")]
    assert ("CHL", "0874", "PER") in helpers.dyads(pipeline, "Chile withdrew its troops from Peru.")


def test_what_is_given_to_a_news_site_is_no_aid(pipeline):
    text = "The Chilean senator provided Wikinews with a copy of his letter."
    assert not [d for d in helpers.dyads(pipeline, text) if d[1].startswith(("03", "07"))]
    assert ("CHL", "070", "PER") in helpers.dyads(pipeline, "Chile provided Peru with food aid.")

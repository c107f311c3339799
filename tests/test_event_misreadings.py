"""Words misread as actors or acts in news prose: a currency's country, a place a person is from,
an act that only would have happened, a question put (the twelfth stop's event audit, benchmarks/gold/README.md);
the side one fights for, an act whose object is denied ("no sanctions"), a verbal attack, the writer of a letter
whose participle the parser hangs on its addressees, a news site and what is given to it, a bid withdrawn (the
fourteenth stop's dev audit); a reduced passive, a place beside a passive's agent, armed units that meet, a clause
conjoined to a noun, what an adjective is about, an act one only can do, an act denied or only supposed, a meeting
still to come (the sixteenth stop's dev audit); a figure reached, an honour received, a task taken
over, a right protected (the seventeenth stop's dev audit). Sentences written for these tests."""

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


# the sixteenth stop's dev audit (round 8)

def test_a_reduced_passive_has_no_asker(pipeline):
    dyads = helpers.dyads(pipeline, "When asked about the budget, the Danish finance minister told a radio programme "
                                    "that the plan was sound.")
    assert not [d for d in dyads if d[1].startswith("02")]


def test_a_reduced_passive_takes_its_agent_as_source(pipeline):
    assert ("DEU", "111", "POLGOV") in helpers.dyads(pipeline, "Criticised by Germany, the Polish government "
                                                               "withdrew the plan.")


def test_a_place_beside_a_passive_agent_is_not_the_agent(pipeline):
    dyads = helpers.dyads(pipeline, "The commander was killed by an air strike in Mosul last year.")
    assert not [d for d in dyads if d[0] == "IRQ"]


def test_armed_units_that_meet_hold_no_talks(pipeline):
    assert not [d for d in helpers.dyads(pipeline, "Turkish troops met Syrian government forces near the river.")
                if d[1].startswith("04")]


def test_commanders_that_meet_hold_talks(pipeline):
    assert [d for d in helpers.dyads(pipeline, "Turkish commanders met Russian officers in Idlib on Monday.")
            if d[1] == "040"]


def test_a_clause_conjoined_to_a_noun_is_no_co_actor(pipeline):
    dyads = helpers.dyads(pipeline, "The monitor said 12 civilians had died, as well as 9 Libyan rebels fighting "
                                    "alongside Egypt and 4 Sudanese fighters.")
    assert not [d for d in dyads if "LBYCVL" in (d[0], d[2]) or (d[0] or "").endswith("CVL")]


def test_what_an_adjective_is_about_is_no_actor(pipeline):
    dyads = helpers.dyads(pipeline, "A writer critical of Norwegian oil policy has denied insulting Sweden.")
    assert not [d for d in dyads if (d[0] or "").startswith("NOR")]


@pytest.mark.parametrize("text", [
    "Under the new law, foreign suspects can be detained in Danish prisons without charge.",
    "The Kenyan army can attack the rebels at any time.",
])
def test_an_act_one_only_can_do_is_no_event(pipeline, text):
    assert helpers.dyads(pipeline, text) == []


def test_an_act_denied_is_no_event(pipeline):
    assert not [d for d in helpers.dyads(pipeline, "Denmark has still not requested the return of its citizen "
                                                   "from Syria.") if d[1].startswith("02")]


def test_an_act_that_only_would_happen_is_no_event(pipeline):
    assert helpers.dyads(pipeline, "In that case I would expect the Kenyan president to urge the Ugandan "
                                   "government to resign.") == []


def test_a_meeting_at_which_one_will_act_is_intended(pipeline):
    codes = [d[1] for d in helpers.dyads(pipeline, "The Danish prime minister will try to reassure Swedish "
                                                   "ministers at their meeting in Oslo on Monday.")]
    assert "036" in codes and "040" not in codes


def test_a_not_set_off_by_a_comma_contrasts_and_does_not_negate():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from annales.modality import has_negation

    words = ["Russia", "is", "talking", "to", "rebels", ",", "not", "Syria", "."]
    heads = [2, 2, 2, 2, 3, 2, 2, 2, 2]
    deps = ["nsubj", "aux", "ROOT", "prep", "pobj", "punct", "neg", "dep", "punct"]
    assert not has_negation(Doc(Vocab(), words=words, heads=heads, deps=deps)[2])
    words = ["Russia", "is", "not", "talking", "to", "rebels", "."]
    heads = [3, 3, 3, 3, 3, 4, 3]
    deps = ["nsubj", "aux", "neg", "ROOT", "prep", "pobj", "punct"]
    assert has_negation(Doc(Vocab(), words=words, heads=heads, deps=deps)[3])


@pytest.mark.parametrize("text, no_root", [
    ("Norway and Denmark hit the UN aid spending target.", "19"),  # a figure reached, no blow
    ("The Kenyan general received Uganda's highest honour.", "04"),  # an honour received, no visit hosted
    ("Nigerian police took over the management of the Ghanaian port.", "19"),  # a task taken over, no territory
    ("The Kenyan agency protects Ugandan pension funds.", "07"),  # an asset protected, no peacekeeping
])
def test_words_that_name_no_act_of_force_or_hosting(pipeline, text, no_root):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1].startswith(no_root)]


def test_a_blow_and_a_seizure_stay_events(pipeline):
    assert any(d[1].startswith("19") for d in helpers.dyads(pipeline, "Kenyan jets hit Ugandan positions."))
    assert any(d[1] == "192" for d in helpers.dyads(pipeline, "Kenyan troops took over the Ugandan border town."))

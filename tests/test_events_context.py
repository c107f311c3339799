"""The coder on words whose event depends on their context: what is fought, who travels, whose "its",
denials of accusations, idioms of criticism, strikes, emergencies and broken truces. Sentences written
for these tests."""

from __future__ import annotations

import pytest

from helpers import rule_events as rules


def roots(pipeline, text):
    return {code[:2] for _, code, _ in rules(pipeline, text)}


@pytest.mark.parametrize("text", [
    "Germany sent doctors to fight the cholera epidemic in Yemen.",
    "The former Peruvian president is fighting extradition from the United States.",
])
def test_fighting_an_ill_or_a_legal_step_is_no_use_of_force(pipeline, text):
    assert "19" not in roots(pipeline, text)


def test_rejecting_accusations_is_no_accusation_by_the_one_who_rejects_them(pipeline):
    assert not any(code.startswith("11") for _, code, _ in rules(
        pipeline, "Egypt's interior ministry rejected accusations of torture made by rights groups."))


def test_the_parties_of_a_mediation_do_not_mediate_between_each_other(pipeline):
    found = rules(pipeline, "The Norwegian envoy ended mediation efforts between Tamil rebels and Sri Lankan troops.")
    assert {s for s, code, _ in found if code == "045"} == {"NORGOV"}


def test_peacekeepers_who_arrive_give_protection_and_pay_no_visit(pipeline):
    assert rules(pipeline, "Some 200 Irish peacekeepers arrived in Lebanon on Monday.") == [("IRLMIL", "074", "LBN")]


@pytest.mark.parametrize("text", [
    "A Turkish cargo plane flew to Baghdad on Tuesday.",  # a vehicle travels, nobody visits
    "President Emmerson Mnangagwa arrived in Harare's main stadium on Saturday.",  # a trip at home
])
def test_no_visit_without_a_visitor_abroad(pipeline, text):
    assert "04" not in roots(pipeline, text)


def test_its_stands_for_a_singular_actor(pipeline):
    # "its blockade" is Israel's, not the rights groups'
    found = rules(pipeline, "Israel came under fire from rights groups over its blockade of Gaza.")
    assert [(s, code[:2]) for s, code, _ in found if code.startswith("19")] == [("ISR", "19")]


@pytest.mark.parametrize("text, expected", [
    ("China hit back at its critics in Washington on Friday.", ("CHN", "111", "USAGOV")),
    ("Kenya voiced regret at Uganda's decision to close the border.", ("KEN", "110", "UGA")),
    ("The German government said it was unhappy with the Polish media law.", ("DEUGOV", "110", "POLMED")),
    ("Venezuela's president called the Colombian president a liar.", ("VENGOV", "111", "COLGOV")),
    ("Bolivia's president declared a state of siege in Pando.", ("BOLGOV", "1724", "BOL")),
    ("Armenian forces violated the ceasefire in Karabakh.", ("ARMMIL", "196", "AZE")),
    ("Oil workers in Nigeria stopped work on Monday.", ("NGALAB", "143", None)),
])
def test_idioms_of_criticism_strikes_emergencies_and_broken_truces(pipeline, text, expected):
    assert rules(pipeline, text) == [expected]


def test_stopping_someone_elses_work_is_no_strike(pipeline):
    assert "14" not in roots(pipeline, "Aid workers said the decree stops the work of foreign charities in Burundi.")


@pytest.mark.parametrize("text, expected", [
    ("Heavy fighting broke out between Sri Lankan troops and Tamil Tiger rebels.",
     [("LKAMIL", "190", "LKAREB"), ("LKAREB", "190", "LKAMIL")]),
    ("Talks took place between Israeli and Syrian officials in Ankara.",
     [("ISRGOV", "040", "SYRGOV"), ("SYRGOV", "040", "ISRGOV")]),
])
def test_an_event_that_breaks_out_between_two_parties_is_between_them(pipeline, text, expected):
    # the parser hangs "between" on the verb that says the event happened
    assert rules(pipeline, text) == expected


def test_what_a_suicide_bomber_does_is_a_suicide_bombing(pipeline):
    found = rules(pipeline, "Two suicide bombers attacked an army base in Somalia.")
    assert found and all(code == "1831" for _, code, _ in found)


def test_a_letter_received_is_no_visit_hosted(pipeline):
    assert "04" not in roots(pipeline, "The Iranian foreign minister received a letter from the Swiss ambassador.")


def test_talks_a_trip_is_made_for_are_as_intended_as_the_trip(pipeline):
    found = rules(pipeline, "The British foreign secretary will travel to Moscow next week for talks with Lavrov.")
    assert found and all(code.startswith("03") for _, code, _ in found)


def test_railing_against_someone_is_criticism(pipeline):
    assert rules(pipeline, "The Bolivian president railed against Washington on Sunday.") == [
        ("BOLGOV", "111", "USAGOV")]


def test_forces_backed_by_an_ally_are_described_not_supported_in_an_event(pipeline):
    found = rules(pipeline, "Libyan army forces backed by Turkish drones resumed their attacks on rebels in the "
                            "hills south of Tripoli.")
    # no support event for the description; "their attacks" are the forces', not the drones'
    assert found == [("LBYMIL", "190", "LBYREB")]  # rebels fought south of Tripoli: Libya's (focus placed_sectors)


def test_a_backing_reported_as_the_act_is_still_support(pipeline):
    assert rules(pipeline, "The Syrian government was backed by Russia.") == [("RUS", "051", "SYRGOV")]


def test_calling_something_a_name_is_no_phone_call(pipeline):
    assert "04" not in roots(pipeline, "The Iranian government called the US move a hostile act.")
    # a time after the object keeps the call
    assert rules(pipeline, "The German chancellor called the Russian president a day after the vote.") == [
        ("DEUGOV", "041", "RUSGOV")]


def test_politicians_who_clash_over_an_issue_disagree(pipeline):
    assert rules(pipeline, "France and Germany clashed over the budget at the EU summit.") == [
        ("FRA", "110", "DEU"), ("DEU", "110", "FRA")]
    # police and protesters fight, whatever they clash over
    assert "19" in roots(pipeline, "Police clashed with protesters over fuel prices in Nairobi.")


def test_striking_a_tone_is_no_strike(pipeline):
    assert rules(pipeline, "The American president struck a conciliatory tone towards Iran in his speech.") == []


def test_concern_is_a_pessimistic_comment_not_disapproval(pipeline):
    assert rules(pipeline, "The UN envoy expressed concern about the fighting between Israel and Hamas.")[:1] == [
        ("IGOUNO", "012", "ISR")]


@pytest.mark.parametrize("text, source", [
    ("The Brazilian foreign ministry declined to comment on the Bolivian proposal.", "BRAGOV"),
    ("The Greek government refused to comment on Turkey's naval exercise.", "GRCGOV"),
])
def test_a_withheld_comment_is_told_to_no_one(pipeline, text, source):
    # what the comment would have been "on" is its topic, not a target
    assert [e for e in rules(pipeline, text) if e[1] == "011"] == [(source, "011", None)]


@pytest.mark.parametrize("text", [
    "The Chilean army acknowledged its guilt for the deaths of the farmers.",
    "The Chilean army claimed responsibility for the blast.",
])
def test_an_admission_needs_no_target(pipeline, text):
    assert ("CHLMIL", "015", None) in rules(pipeline, text)


def test_a_by_phrase_hung_on_a_reaction_verb_names_the_attacker(pipeline):
    # the parser hangs "by the PKK" on "denounced"; the assaults are the PKK's
    found = rules(pipeline, "Greece denounced the deadly assaults on Egypt by the PKK.")
    assert any(s == "TURREB" and t == "EGY" for s, c, t in found if c[:2] != "11")


def test_an_act_conjoined_to_a_target_brings_no_target_of_its_own(pipeline):
    # "its backing for" the army is a second act, not one more party jailed
    found = rules(pipeline, "The senator listed the Egyptian government's brutal jailing of the Egyptian students "
                            "and its backing for the Sudanese army as her reasons.")
    assert not any(c.startswith("17") and t == "SDNMIL" for _, c, t in found)


def test_one_act_on_two_parties_of_one_code_is_one_event(pipeline):
    # the two judges are coded alike: the sentence reports one demand from the police to them
    found = rules(pipeline, "The Kenyan police pressed Chief Justice Martha Koome and Justice William Ouko to "
                            "reverse the verdict.")
    assert [c for _, c, _ in found if c.startswith("10")] == ["100"]

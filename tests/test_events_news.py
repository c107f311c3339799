"""The coder on news prose: withdrawals announced, mourning declared, sanctions named in the passive,
gerunds of a passive clause, open questions and attempts opposed, meetings named by "their" or a purpose.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from helpers import rule_events as rules


@pytest.mark.parametrize("text", [
    "The Canadian prime minister announced that Canadian troops would leave Afghanistan by the summer.",
    "With Harper's announcement in March that he was pulling Canada's soldiers out of Afghanistan, allies fretted.",
])
def test_an_announced_pullout_is_an_intent_to_withdraw(pipeline, text):
    found = rules(pipeline, text)
    assert any(code == "0356" and target == "AFG" for _, code, target in found)
    assert not any(code.startswith("087") for _, code, _ in found)


def test_troops_that_left_a_country_withdrew_but_a_state_leaving_a_union_did_not(pipeline):
    assert ("CANMIL", "0874", "AFG") in rules(pipeline, "Canadian troops left Afghanistan in 2011.")
    assert not any(code.startswith("08") for _, code, _ in rules(
        pipeline, "Norway will leave the European Free Trade Association next year."))


def test_an_act_announced_as_under_way_that_is_conflictual_stays_an_act(pipeline):
    found = rules(pipeline, "Opposition leaders in Kenya have announced they are boycotting the presidential poll.")
    assert any(code.startswith("14") for _, code, _ in found)
    assert not any(code.startswith("13") for _, code, _ in found)


@pytest.mark.parametrize("text", [
    "Kenya's president announced three days of national mourning.",
    "The government of Chile declared a day of mourning after the floods.",
])
def test_a_mourning_declared_is_a_symbolic_act_with_no_target(pipeline, text):
    found = rules(pipeline, text)
    assert [(code, target) for _, code, target in found] == [("017", None)]


@pytest.mark.parametrize("text, expected", [
    ("Canadian sanctions were lifted on several Cuban businessmen.", ("CAN", "085", "CUBBUS")),
    ("Sweeping Canadian sanctions imposed on Venezuela last week were meant as punishment.", ("CAN", "163", "VEN")),
])
def test_sanctions_named_in_the_passive_are_their_owners_act(pipeline, text, expected):
    assert expected in rules(pipeline, text)


def test_troops_named_in_the_passive_are_no_act_of_their_state(pipeline):
    assert not rules(pipeline, "Canadian troops were stationed in Latvia while Estonia built a fence.")


def test_the_subject_of_a_passive_clause_fights_in_its_gerund(pipeline):
    found = rules(pipeline, "A British fighter was killed while fighting against Islamic State near Raqqa.")
    assert any(code.startswith("19") and target == "IMGMUSISI" for _, code, target in found)


@pytest.mark.parametrize("text", [
    "The minister would not say whether Greece would impose sanctions on Turkey.",
    "A Greek official declined to comment on whether Greece would fight Turkish forces if they landed in Cyprus.",
])
def test_what_a_whether_clause_asks_is_no_event(pipeline, text):
    assert not any(code[:2] in ("13", "16", "19") for _, code, _ in rules(pipeline, text))


def test_fighting_an_attempt_is_opposing_it_not_using_force(pipeline):
    assert not any(code.startswith("19") for _, code, _ in rules(
        pipeline, "Russia fought every UN attempt to impose sanctions."))


def test_a_hosted_summit_is_no_visit_by_its_organisation(pipeline):
    found = rules(pipeline, "Iraq hosted the Arab League summit in Baghdad.")
    assert ("IRQ", "043", "IGOARL") in found
    assert not any(code == "042" for _, code, _ in found)
    # a hosted person still visits
    assert ("CHNGOV", "042", "KEN") in rules(pipeline, "Kenya hosted the Chinese president last week.")


def test_a_comment_refused_is_a_declined_comment_not_a_refusal(pipeline):
    found = rules(pipeline, "The Greek foreign ministry declined to comment on the Turkish proposal.")
    assert not any(code.startswith("12") for _, code, _ in found)


def test_an_intelligence_briefing_given_is_intelligence_shared(pipeline):
    found = rules(pipeline, "Danish officials gave an intelligence briefing to the Swedish ambassador on Monday.")
    assert any(code == "064" and target and target.startswith("SWE") for _, code, target in found)
    assert not rules(pipeline, "Danish officials gave a briefing to reporters on Monday.")


def test_advisers_sent_to_support_a_government_are_military_aid(pipeline):
    found = rules(pipeline, "Early in the war, Iran sent military advisers to support the Syrian president.")
    assert ("IRN", "072", "SYRGOV") in found
    assert not any(code.startswith("05") for _, code, _ in found)
    assert ("IRN", "051", "SYRGOV") in rules(pipeline, "Iran supported the Syrian president.")


@pytest.mark.parametrize("text, target", [
    # a place named with a generic place word in one name ("Homs city", "Sichuan province") is the place
    ("The army strengthened its forces in several districts of Homs city.", "SYR"),
    ("The militia intensified its forces in a number of areas in Mosul city.", "IRQ"),
])
def test_a_place_named_with_its_kind_is_still_the_place(pipeline, text, target):
    assert any(code.startswith("15") and t == target for _, code, t in rules(pipeline, text))


def test_condolences_over_a_disaster_in_a_country_go_to_that_country(pipeline):
    found = rules(pipeline, "Canada's foreign minister offered condolences over the deadly floods in Pakistan.")
    assert any(code == "018" and target == "PAK" for _, code, target in found)
    found = rules(pipeline, "New Zealand expressed its condolences over the landslide in Yunnan province.")
    assert any(code == "018" and target == "CHN" for _, code, target in found)


def test_prisoners_let_free_were_released_by_the_one_who_let_them(pipeline):
    found = rules(pipeline, "The Eritrean government let free some 40 opposition activists.")
    assert ("ERIGOV", "0841", "ERIOPP") in found


def test_a_headline_style_past_verb_with_a_preposition_has_the_root_noun_as_subject(pipeline):
    # the parser hangs "called on" on "delegation" as if a participle; the sentence has no other main verb
    found = rules(pipeline, "A delegation of Nepali Congress leaders here on Monday called on Indian Prime Minister "
                            "Narendra Modi to discuss flooding.")
    assert any(source == "NPLPTY" and code.startswith("02") and target == "INDGOV" for source, code, target in found)


@pytest.mark.parametrize("text, pair", [
    ("The Chilean president told his Peruvian counterpart during their meeting in Lima that trade would grow.",
     ("CHLGOV", "PERGOV")),
    ("The Kenyan president assured his Ugandan counterpart at their meeting in Kampala that the border would open.",
     ("KENGOV", "UGAGOV")),
])
def test_their_meeting_setting_a_clause_is_between_speaker_and_hearer(pipeline, text, pair):
    found = rules(pipeline, text)
    assert (pair[0], "040", pair[1]) in found and (pair[1], "040", pair[0]) in found


def test_their_meeting_with_no_hearer_names_no_party(pipeline):
    found = rules(pipeline, "The Kenyan president told reporters after their meeting that the talks had gone well.")
    assert not any(code.startswith("04") for _, code, _ in found)


def test_coordinated_actors_gathering_for_talks_meet_each_other(pipeline):
    found = rules(pipeline, "Bolivian and Paraguayan soldiers gathered near the border for an assault.")
    assert not any({s[:3], (t or "")[:3]} == {"BOL", "PRY"} for s, _, t in found)  # a purpose of talks only
    found = rules(pipeline, "Bolivian and Paraguayan officials gathered in Asuncion for talks on Monday.")
    assert ("BOLGOV", "040", "PRYGOV") in found and ("PRYGOV", "040", "BOLGOV") in found
    found = rules(pipeline, "Bolivian officials gathered in Asuncion for talks on Monday.")
    assert not any(code.startswith("04") for _, code, _ in found)  # one party: with whom is not said


def test_a_meeting_following_which_one_speaks_was_the_speakers(pipeline):
    found = rules(pipeline, "Following talks with the Kenyan president, the Ugandan leader said the border would reopen.")
    assert ("UGAGOV", "040", "KENGOV") in found


def test_stopping_supplies_to_a_state_is_an_embargo(pipeline):
    # goods a state stops sending to another: 163, aimed at the state the supplies were going to
    assert ("DZA", "163", "ESP") in rules(pipeline, "Algeria cut off gas supplies to Spain on Friday.")
    assert ("DZA", "163", "ESP") in rules(pipeline, "Algeria halted gas deliveries to Spain.")
    # promised, it is a threat of an embargo (1312)
    assert ("DZA", "1312", "ESP") in rules(pipeline, "Algeria will cut gas supplies to Spain next month.")

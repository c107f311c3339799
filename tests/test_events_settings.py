"""Where an act was done is not whom it was done to: a place an agreement or appeal was made "in", and the
visit or conference a speaker is on or at. Sentences written for these tests."""

from __future__ import annotations

from helpers import rule_events


def test_agreeing_in_a_capital_is_not_agreeing_with_it(pipeline):
    found = rule_events(pipeline, "Armenia and Georgia agreed in Tbilisi to open a new border crossing.")
    assert not any(t == "GEOGOV" for _, _, t in found)  # Tbilisi is where, not with whom
    assert ("ARM", "033", "GEO") in found


def test_a_speaker_on_a_visit_does_not_address_the_host(pipeline):
    found = rule_events(pipeline, "The Chilean foreign minister, on a two-day visit to Peru, said trade was growing.")
    assert not any(code.startswith("01") for _, code, _ in found)
    assert ("CHLGOV", "042", "PER") in found  # the visit itself is coded


def test_talks_hoped_for_are_still_the_topic_of_the_statement(pipeline):
    found = rule_events(pipeline, "The Nepali government said it hoped for more talks with the Maoist rebels.")
    assert any(s.startswith("NPL") and code.startswith("01") for s, code, _ in found)


def test_whom_the_source_acts_for_is_not_its_target(pipeline):
    found = rule_events(pipeline, "The Qatari envoy, on behalf of the Arab League, helped broker a truce between "
                                  "Fatah and Hamas.")
    assert not any(t is not None and t.startswith("IGOARL") for _, _, t in found)


def test_a_counted_kind_of_talks_names_no_party(pipeline):
    found = rule_events(pipeline, "Pyongyang threatened to quit the six-party talks.")
    assert not any(t is not None and t.endswith("PTY") for _, _, t in found)


def test_vowing_to_crush_an_armed_group_is_a_threat_of_force(pipeline):
    found = rule_events(pipeline, "The Sri Lankan army vowed to crush the Tamil Tigers.")
    assert ("LKAMIL", "1384", "LKAREB") in found


def test_talks_a_reporter_speaks_of_are_its_own(pipeline):
    found = rule_events(pipeline, "Ankara said talks with Baghdad had been productive.")
    assert ("TURGOV", "040", "IRQGOV") in found
    # the parser's verb reading of "talks" is a noun all the same
    found = rule_events(pipeline, "Cuba's chief negotiator said Monday that talks with the European Union had been "
                                  "constructive.")
    assert ("CUBGOV", "040", "IGOEEC") in found


def test_talks_between_others_are_not_the_reporters(pipeline):
    found = rule_events(pipeline, "Norway said talks between Colombia and the FARC had resumed.")
    assert not any(s == "NOR" for s, _, _ in found)

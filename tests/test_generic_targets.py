"""Generic persons as the target of an act done to persons (annales.generic_targets): a civilian of the
country where the act happened, of the place in the person's own phrase, never a source, not a possessed
person, not for other acts, and not when the setting is empty. Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import rule_events

from annales.config import load_settings
from annales.pipeline import Pipeline


@pytest.fixture(scope="module")
def strict(pipeline):
    return Pipeline(load_settings(coder__generic_target_roots=[]), nlp=pipeline.nlp)


def test_an_arrested_man_is_a_civilian_of_the_place(pipeline):
    assert rule_events(pipeline, "Police in Lagos arrested two women after the rally.") == [("NGACOP", "173", "NGACVL")]


def test_the_place_in_the_persons_phrase_is_theirs_not_a_government(pipeline):
    assert rule_events(pipeline, "Kenyan police detained a man in Mombasa on Tuesday.") == [("KENCOP", "173", "KENCVL")]


def test_a_passive_subject(pipeline):
    assert ("EGYCOP", "173", "EGYCVL") in rule_events(pipeline, "A teenager was arrested by police in Alexandria.")


def test_force_against_children(pipeline):
    events = rule_events(pipeline, "Syrian troops shot three children near Hama.")
    assert [(s, c[:2], t) for s, c, t in events] == [("SYRMIL", "19", "SYRCVL")]


def test_never_a_source(pipeline):
    assert not any(s.endswith("CVL") for s, _, _ in rule_events(pipeline, "A man attacked a police officer in Lyon."))


@pytest.mark.parametrize("text", [
    "Police arrested his wife in Seville.",  # a possessed person is no generic one
    "The Kenyan president praised a man in Mombasa.",  # other acts keep no such target
    "Jonathan Pemberley stabbed a woman in Leeds on Sunday.",  # a private person's act on another is no event
    "An assailant hit a woman with a metal bar outside the station.",  # an unknown assailant is no state
])
def test_no_generic_target(pipeline, text):
    assert not any(t and t.endswith("CVL") for _, _, t in rule_events(pipeline, text))


def test_off_no_generic_target(strict):
    assert not any(t and t.endswith("CVL") for _, _, t in
                   rule_events(strict, "Police in Lagos arrested two women after the rally."))


def test_a_governments_own_people(pipeline):
    events = rule_events(pipeline, "The Peruvian government banned children from attending public events.")
    assert [(s, t) for s, _, t in events] == [("PERGOV", "PERCVL")]


def test_an_army_gives_no_country_of_its_own(pipeline):
    assert [t for _, _, t in rule_events(pipeline, "Israeli soldiers shot a man on Friday.")] == ["---CVL"]


def test_the_toll_of_an_act_is_no_second_event(pipeline):
    for text in ("A Turkish drone strike killed three men near Dohuk.",
                 "Turkish jets bombed a bridge near Dohuk, killing three men."):
        assert not any(t and t.endswith("CVL") for _, _, t in rule_events(pipeline, text)), text


def test_a_ships_crew_and_master(pipeline):
    assert rule_events(pipeline, "Greek coastguards detained the captain of a cargo ship near Crete.") == [
        ("GRCCOP", "173", "GRCCVL")]
    # a release is no act of the generic roots: the crew freed is no target
    assert not any(t and t.endswith("CVL") for _, _, t in
                   rule_events(pipeline, "Somali pirates released the crew of a fishing boat."))


def test_an_army_captain_is_the_armys(pipeline):
    assert not any(t and t.endswith("CVL") for _, _, t in
                   rule_events(pipeline, "Russian troops killed an army captain near Kharkiv."))

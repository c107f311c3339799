"""Agents of a people of several states take the state where the article places them (annales.peoples)."""

from __future__ import annotations

from helpers import dyads


def test_a_peoples_forces_in_one_of_its_states_are_an_armed_group_of_that_state(pipeline):
    assert ("SYRREB", "190", "IMGMUSISI") in dyads(
        pipeline, "Fighting went on in northern Syria. Kurdish militias attacked Islamic State near the town.")
    assert ("SYRREB", "173", "USACVL") in dyads(pipeline, "Kurdish forces captured an American woman in Syria.")


def test_where_the_people_govern_themselves_their_forces_are_the_states(pipeline):
    assert ("IRQMIL", "190", "IMGMUSISI") in dyads(
        pipeline, "Kurdish forces attacked Islamic State fighters near Mosul in Iraq.")


def test_the_sentence_place_wins_over_the_article_and_the_attacker_is_no_place(pipeline):
    events = dyads(pipeline, "Turkey has long fought rebels at home. Turkey shelled Kurdish fighters in northern Syria.")
    assert ("TUR", "194", "SYRREB") in events


def test_no_state_named_as_a_place_gives_none(pipeline):
    events = dyads(pipeline, "Kurdish forces captured an American woman on Monday.")
    assert events and all(s == "---MIL" for s, _, _ in events)


def test_a_peoples_government_keeps_no_country_outside_its_own_region(pipeline):
    events = dyads(pipeline, "Fighting went on in northern Syria. Kurdish officials accused Turkey of shelling villages.")
    assert ("---GOV", "112", "TUR") in events


def test_a_peoples_forces_with_their_state_named_are_an_armed_group_of_it_unless_its_own(pipeline):
    assert ("SYRREB", "190", "IMGMUSISI") in dyads(pipeline, "Syrian Kurdish forces attacked Islamic State.")
    assert ("IRQMIL", "190", "IMGMUSISI") in dyads(pipeline, "Iraqi Kurdish forces attacked Islamic State.")
    assert ("SYRMIL", "190", "IMGMUSISI") in dyads(pipeline, "Syrian forces attacked Islamic State.")


def test_peshmerga_written_in_lower_case_are_iraqs_forces(pipeline):
    assert ("IRQMIL", "190", "IMGMUSISI") in dyads(pipeline, "The peshmerga attacked Islamic State near Mosul.")

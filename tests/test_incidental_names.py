"""Names that stand for no actor (annales.incidental_names): a demonym on a venue, the topic of a possessed
plan or dialogue, an MP's constituency, an outlet's programme as the channel of words. Sentences written for
these tests."""

from __future__ import annotations

import helpers
import pytest


@pytest.mark.parametrize("text, word", [
    ("Detectives questioned the suspect at an Irish bar in Boston.", "Irish"),
    ("Police in Madrid arrested two men outside a Portuguese restaurant on Tuesday.", "Portuguese"),
])
def test_a_demonym_on_a_venue_where_something_happened_is_no_actor(pipeline, text, word):
    assert word not in helpers.actor_codes(pipeline, text)


@pytest.mark.parametrize("text, word, code", [
    ("Mr Lopez condemned the Japanese car maker's recall.", "Japanese", "JPN"),
    ("Kenya lifted its ban on Ugandan products.", "Ugandan", "UGA"),
    ("The Irish pub owner criticised the Belgian government.", "Irish", "IRL"),
])
def test_a_demonym_on_goods_a_maker_or_an_owner_is_kept(pipeline, text, word, code):
    assert helpers.actor_codes(pipeline, text)[word] == code


def test_the_topic_of_a_possessed_dialogue_is_no_party_to_it(pipeline):
    text = "The minister welcomed Putin's Syrian dialogue with Turkey."
    assert "Syrian" not in helpers.actor_codes(pipeline, text)
    assert not [d for d in helpers.dyads(pipeline, text) if "SYR" in (d[0], d[2])]


def test_a_demonym_on_a_possessed_act_that_goes_somewhere_is_kept(pipeline):
    assert helpers.actor_codes(pipeline, "Russia's Syrian allies attacked the rebels.").get("Syrian") == "SYR"


@pytest.mark.parametrize("text", [
    "He hopes to remain MP for his seat, Richmond, after the election.",
    "The Labour MP for Richmond said she would vote against the bill.",
])
def test_an_mps_constituency_is_no_actor(pipeline, text):
    assert "Richmond" not in helpers.actor_codes(pipeline, text)


def test_a_place_an_mp_visits_is_kept(pipeline):
    assert helpers.actor_codes(pipeline, "The MP flew to Richmond on Friday.").get("Richmond") == "USA"


def test_an_outlets_programme_as_the_channel_is_no_target(pipeline):
    dyads = helpers.dyads(pipeline, "The foreign minister criticised the government on BBC's Newsnight programme.")
    assert not [d for d in dyads if d[2] == "GBRMED"]


def test_a_place_in_an_outlets_name_before_its_programme_is_no_actor(pipeline):
    text = "The Greek minister criticised Germany in an interview on France 24's evening programme."
    assert "France" not in helpers.actor_codes(pipeline, text)


def test_an_outlets_programme_that_is_criticised_keeps_the_outlet(pipeline):
    assert "BBC" in helpers.actor_codes(pipeline, "The minister criticised the BBC's coverage of the strike.")


def test_a_leaders_own_broadcast_keeps_the_leader(pipeline):
    assert "Putin" in helpers.actor_codes(pipeline, "Ukraine was denounced during Putin's annual broadcast.")

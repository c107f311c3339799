"""The geocoder (annales.places, annales.place_setting, annales.place_rules) on fights and coercion far from any place
phrase, placed in the country the story is set in; asylum granted at home; a country whose attack it is; the lead's
statement placed by the next sentences; words at a meeting where one just arrived (twelfth stop). Sentences written
for these tests."""

from __future__ import annotations

import pytest

from annales.places import Geocoder
from helpers import locate_last


@pytest.fixture(scope="module")
def geo():
    return Geocoder.default()




FILLER = " ".join(f"The council met for the {n} time to discuss the harvest and the roads." for n in
                  ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth"))
STORY = ("Fighting went on in Sudan on Monday. Aid workers in Sudan said food was running out. " + FILLER +
         " The militia that holds the hills has shelled villages for months, a doctor said.")


def test_a_fight_no_nearby_sentence_places_is_in_the_story_s_country(pipeline, geo):
    loc = locate_last(pipeline, geo, STORY, "shelled", cameo="190", quad_class=4, source_country=None)
    assert loc is not None and loc["country"] == "SDN" and loc["precision"] == "country"


def test_no_theatre_for_words_nor_for_a_story_without_a_leading_country(pipeline, geo):
    said = STORY.replace("has shelled villages for months, a doctor said", "has denied the charges, a doctor said")
    assert locate_last(pipeline, geo, said, "denied", cameo="013", quad_class=1, source_country=None) is None
    split = STORY.replace("Aid workers in Sudan", "Aid workers in Chad")
    assert locate_last(pipeline, geo, split, "shelled", cameo="190", quad_class=4, source_country=None) is None


def test_no_theatre_when_the_sentence_names_the_country_in_another_role(pipeline, geo):
    text = STORY.replace("The militia that holds the hills", "Sudan's militia")
    assert locate_last(pipeline, geo, text, "shelled", cameo="190", quad_class=4, source_country=None) is None


def test_asylum_is_granted_at_home(pipeline, geo):
    loc = locate_last(pipeline, geo, "Norway has accepted 3,000 refugees from Eritrea this year.", "accepted",
                  cameo="075", quad_class=2, source_country="NOR", target_country="ERI")
    assert loc is not None and loc["country"] == "NOR"


def test_a_country_whose_attack_it_is_is_its_agent_not_its_place(pipeline, geo):
    text = "Their units took part in Kenya's assault on the town of Kismayo in southern Somalia last year."
    loc = locate_last(pipeline, geo, text, "took", cameo="190", quad_class=4, source_country=None)
    assert loc is not None and loc["name"] == "Kismayo"


LEAD = ("The foreign minister has defended plans to lift the ban on arms sales to Chile.\n\n"
        "Mr Brown, visiting Santiago, said the ban had served its purpose.")


def test_the_lead_s_statement_is_made_where_the_next_sentence_places_its_speaker(pipeline, geo):
    loc = locate_last(pipeline, geo, LEAD, "defended", cameo="052", quad_class=1, source_country="GBR", actors=[(0, 3)])
    assert loc is not None and loc["name"] == "Santiago"


def test_no_lead_place_for_a_later_sentence_nor_a_place_of_another_kind(pipeline, geo):
    later = "Mr Brown spoke on Monday. " + LEAD
    assert locate_last(pipeline, geo, later, "defended", cameo="052", quad_class=1, source_country="GBR",
                   actors=[(6, 9)]) is None
    topic = LEAD.replace("Mr Brown, visiting Santiago, said", "Mr Brown said the ban on Santiago's army")
    assert locate_last(pipeline, geo, topic, "defended", cameo="052", quad_class=1, source_country="GBR",
                   actors=[(0, 3)]) is None


FLOOD = ("A dam burst on Monday near a village in the north. The president flew to Trondheim on Tuesday to see the "
         "damage. In a meeting later that day he was told by the minister that 40 people were missing.")


def test_words_at_a_meeting_with_no_place_are_said_where_the_party_just_arrived(pipeline, geo):
    loc = locate_last(pipeline, geo, FLOOD, "told", cameo="010", quad_class=1, source_country="NOR")
    assert loc is not None and loc["name"] == "Trondheim"


def test_no_arrival_place_without_a_meeting_nor_after_a_sentence_between(pipeline, geo):
    plain = FLOOD.replace("In a meeting later that day he", "He")
    assert locate_last(pipeline, geo, plain, "told", cameo="010", quad_class=1, source_country="NOR") is None
    later = FLOOD.replace("damage. In", "damage. The army was sent to help. In")
    assert locate_last(pipeline, geo, later, "told", cameo="010", quad_class=1, source_country="NOR") is None


def test_a_verb_whose_object_is_words_is_a_statement_whatever_its_code(pipeline, geo):
    text = "Floods hit towns in Norway this week. The two party leaders also gave their views in magazine interviews."
    assert locate_last(pipeline, geo, text, "gave", cameo="040", quad_class=1, source_country="NOR") is None
    moved = text.replace("gave their views", "gave their support")
    loc = locate_last(pipeline, geo, moved, "gave", cameo="040", quad_class=1, source_country="NOR")
    assert loc is not None and loc["country"] == "NOR"

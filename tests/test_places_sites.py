"""The geocoder (annales.places, annales.place_rules, annales.place_setting) on sites named for their town, a town
whose own phrase names its province, and words said where a meeting the sentence (or the next) names was held
(fourteenth stop). Sentences written for these tests."""

from __future__ import annotations

from test_places_carry import _locate, geo  # noqa: F401  (the helper and fixture)


def test_a_site_named_for_its_town_is_in_it(pipeline, geo):
    loc = _locate(pipeline, geo, "Hundreds of students protested at Leeds University on Friday against the fees.",
                  "protested", cameo="141", quad_class=3, source_country="GBR")
    assert loc is not None and loc["name"] == "Leeds" and loc["precision"] == "city"


def test_a_university_named_for_another_town_is_where_the_team_file_puts_it(pipeline, geo):
    loc = _locate(pipeline, geo, "The senator praised the new budget in a lecture at Georgetown University on Monday.",
                  "praised", cameo="051", quad_class=1, source_country="USA")
    assert loc is not None and loc["country"] == "USA" and loc["name"] == "Georgetown University"


def test_a_visit_to_a_debating_union_is_in_its_town(pipeline, geo):
    text = "On a visit to the Oxford Union in 2011, the Kenyan minister praised the United States for its aid."
    loc = _locate(pipeline, geo, text, "praised", cameo="051", quad_class=1, source_country="KEN")
    assert loc is not None and loc["country"] == "GBR" and loc["name"] == "Oxford Union"


def test_a_town_whose_own_phrase_names_its_province_wins(pipeline, geo):
    text = "Shelling of Saraqib, a town in Idlib province held by the rebels, killed six people on Sunday."
    loc = _locate(pipeline, geo, text, "killed", cameo="190", quad_class=4)
    assert loc is not None and loc["name"] == "Saraqib" and loc["precision"] == "city"


def test_first_person_words_are_said_where_the_speaker_meets(pipeline, geo):
    text = "“We have warned them twice, so we condemn the shelling,” she said ahead of a meeting in Oslo on Monday."
    loc = _locate(pipeline, geo, text, "condemn", cameo="111", quad_class=3, source_country="NOR")
    assert loc is not None and loc["name"] == "Oslo"


def test_a_third_party_reported_act_is_not_placed_at_the_speakers_meeting(pipeline, geo):
    # the rebels' condemnation was not made at the minister's meeting
    text = "The rebels condemn the shelling, she said ahead of a meeting in Oslo on Monday."
    loc = _locate(pipeline, geo, text, "condemn", cameo="111", quad_class=3, source_country=None)
    assert loc is None or loc["name"] != "Oslo"


def test_words_told_by_a_participle_of_speaking_are_said_there(pipeline, geo):
    text = "From Madrid, the Chilean foreign minister spoke on Tuesday, defending the trade deal with Spain."
    loc = _locate(pipeline, geo, text, "defending", cameo="052", quad_class=1, source_country="CHL")
    assert loc is not None and loc["name"] == "Madrid"


VIENNA = ("Turkish guns shelled Kurdish villages across the border for a third day. The Dutch foreign minister, "
          "Anna Berg, criticised the shelling on Monday and urged both sides to stop. "
          "“We condemn these attacks,” she said after talks in Vienna with her Austrian counterpart. "
          "But the Netherlands, she added, also backed Turkey's right to defend its border.")


def test_words_the_next_sentence_places_by_a_pronoun_are_said_there(pipeline, geo):
    loc = _locate(pipeline, geo, VIENNA, "urged", speaker="Anna Berg", cameo="0256", quad_class=1,
                  source_country="NLD")
    assert loc is not None and loc["name"] == "Vienna" and loc["how"] == "article"


def test_words_told_by_a_pronoun_set_in_them_take_the_occasion_before(pipeline, geo):
    loc = _locate(pipeline, geo, VIENNA, "backed", speaker="the Netherlands", cameo="051", quad_class=1,
                  source_country="NLD")
    assert loc is not None and loc["name"] == "Vienna"


def test_no_forward_occasion_for_another_speakers_words(pipeline, geo):
    # the next sentence's words are told by a name, not a pronoun going on with the speaker's
    text = ("Turkish guns shelled Kurdish villages for a third day. The Dutch foreign minister, Anna Berg, urged both "
            "sides to stop on Monday. "
            "“We condemn these attacks,” Mr Kurz said after talks in Vienna.")
    loc = _locate(pipeline, geo, text, "urged", speaker="Anna Berg", cameo="0256", quad_class=1, source_country="NLD")
    assert loc is None


def test_a_name_before_province_is_a_place_whatever_the_tagger_says(pipeline, geo):
    # the small model tags this "Idlib" as a person; no person is followed by "province"
    text = "Iranian troops plan to enter Idlib province to support the government forces, the minister has said."
    loc = _locate(pipeline, geo, text, "support", cameo="032", quad_class=1, source_country="IRN")
    assert loc is not None and loc["name"] == "Idlib" and loc["precision"] == "region"

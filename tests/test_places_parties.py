"""The geocoder (annales.places) on who acts and what kind of act it is: towns the tagger takes for people,
courts and parliaments at home, meetings, words of conflict and troops abroad. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from annales.places import Geocoder
from annales.records import Article

PUBLISHED = date(2024, 3, 6)


@pytest.fixture(scope="module")
def geo():
    return Geocoder.default()


def _locate(pipeline, geo, text, word, actors=(), article=None, **kw):
    """``geo.locate`` for the token ``word`` of ``text`` (the article's text when one is given), the phrases in
    ``actors`` passed as the act's source and target."""
    doc = pipeline.nlp(article.text if article is not None else text)
    tok = next(t for t in doc if t.text == word)
    spans = []
    for phrase in actors:
        n = len(phrase.split())
        i = next(t.i for t in doc if doc[t.i:t.i + n].text == phrase)
        spans.append((i, i + n))
    return geo.locate(tok.sent, tok.i, article, actors=spans, **kw)


def _art(text, title=None):
    return Article(id="a", title=title, text=text, published=PUBLISHED)


def test_a_town_the_tagger_calls_a_person_is_a_place_where_only_a_place_fits(pipeline, geo):
    text = "Regime aircraft bombed Douma again on Friday, according to Syrian rescuers."
    assert next(t for t in pipeline.nlp(text) if t.text == "Douma").ent_type_ == "PERSON"  # what this test is about
    loc = _locate(pipeline, geo, text, "bombed", cameo="195", quad_class=4)
    assert loc and (loc["country"], loc["precision"], loc["text"]) == ("SYR", "city", "Douma")


def test_such_a_town_needs_its_country_named_in_the_story(pipeline, geo):
    # "Kent" is tagged a person; the gazetteer's Kent is a US city, and the story names no US
    text = "Mr Howard will speak to party members in Kent on Friday about taxes."
    assert next(t for t in pipeline.nlp(text) if t.text == "Kent").ent_type_ == "PERSON"
    loc = _locate(pipeline, geo, text, "speak", cameo="040", quad_class=1)
    assert loc is None or loc["country"] != "USA"


@pytest.mark.parametrize("text, word, actors, cameo", [
    ("A Turkish court on Monday rejected the request to hand the preacher over to Australia.", "rejected",
     ["Turkish court", "Australia"], "120"),
    ("The smuggler was sentenced by a Greek court to twelve years in prison.", "sentenced",
     ["Greek court", "smuggler"], "116"),
])
def test_a_court_acts_in_its_own_country(pipeline, geo, text, word, actors, cameo):
    iso = "TUR" if "Turkish" in text else "GRC"
    loc = _locate(pipeline, geo, text, word, actors, cameo=cameo, quad_class=3, source_country=iso)
    assert loc and (loc["country"], loc["precision"], loc["how"]) == (iso, "country", "source")


def test_what_a_parliament_approves_is_not_placed_at_home(pipeline, geo):
    # the act is the troops' deployment, which the parliament only approved
    loc = _locate(pipeline, geo, "The Russian parliament approved the deployment of troops.", "deployment",
                  ["Russian parliament", "troops"], cameo="154", quad_class=4, source_country="RUS",
                  target_country="SYR")
    assert loc is None or loc["how"] != "source" or loc["country"] != "RUS"


def test_a_meeting_of_no_party_from_the_storys_country_is_not_placed_there(pipeline, geo):
    art = _art("Rebels shelled the outskirts of Aleppo on Monday. A Republican senator said he would meet the "
               "defence secretary on Tuesday.")
    assert _locate(pipeline, geo, None, "meet", article=art, cameo="040", quad_class=1, source_country="USA",
                   target_country="USA") is None
    # a party of that country: the story's place stands
    loc = _locate(pipeline, geo, None, "meet", article=_art(
        "Rebels shelled the outskirts of Aleppo on Monday. A Syrian minister said he would meet the rebels on "
        "Tuesday."),
        cameo="040", quad_class=1, source_country="SYR", target_country="SYR")
    assert loc and (loc["name"], loc["how"]) == ("Aleppo", "article")


def test_an_attack_coded_as_words_is_a_statement(pipeline, geo):
    art = _art("The minister toured a hospital in Leeds on Monday. The opposition attacked the plans for the new "
               "wards.")
    assert _locate(pipeline, geo, None, "attacked", article=art, cameo="111", quad_class=3) is None
    # coded as force, an attack on something other than words, plans or policies is placed as one
    art = _art("The minister toured a hospital in Leeds on Monday. The opposition attacked the wards.")
    loc = _locate(pipeline, geo, None, "attacked", article=art, cameo="190", quad_class=4)
    assert loc and loc["name"] == "Leeds"


def test_troops_hit_are_placed_where_the_story_is_before_their_own_country(pipeline, geo):
    text = "Militants wounded two British soldiers on Saturday."
    kw = dict(cameo="190", quad_class=4, target_country="GBR")
    art = _art("Fighting went on near Kirkuk all week. " + text)
    loc = _locate(pipeline, geo, None, "wounded", ["Militants", "British soldiers"], article=art, **kw)
    assert loc and (loc["country"], loc["how"]) == ("IRQ", "article")
    # with no place in the story, or the state itself attacked, the target's state
    loc = _locate(pipeline, geo, text, "wounded", ["Militants", "British soldiers"], **kw)
    assert loc and (loc["country"], loc["how"]) == ("GBR", "target")
    loc = _locate(pipeline, geo, None, "attacked", ["Militants", "Britain"], article=_art(
        "Fighting went on near Kirkuk all week. Militants attacked Britain on Saturday."), **kw)
    assert loc and loc["country"] == "GBR"


@pytest.mark.parametrize("text, word, cameo", [
    ("Clashes between the army and Russia-backed rebels went on through the winter.", "Clashes", "190"),
    ("The US-led coalition killed nine fighters on Sunday.", "killed", "190"),
])
def test_a_name_hyphenated_to_backed_or_led_is_a_sponsor_not_a_place(pipeline, geo, text, word, cameo):
    assert _locate(pipeline, geo, text, word, cameo=cameo, quad_class=4) is None


def test_a_town_held_by_a_group_is_still_a_place(pipeline, geo):
    loc = _locate(pipeline, geo, "Rebels shelled Kurdish-held Afrin on Monday.", "shelled", cameo="194", quad_class=4)
    assert loc and (loc["country"], loc["text"]) == ("SYR", "Afrin")


def test_a_target_left_out_by_other_than_is_not_the_place(pipeline, geo):
    text = "The group has carried out bombings in a dozen countries other than Iraq since 2015."
    assert _locate(pipeline, geo, text, "bombings", ["group", "Iraq"], cameo="183", quad_class=4,
                   target_country="IRQ") is None

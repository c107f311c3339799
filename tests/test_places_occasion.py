"""The geocoder (annales.place_setting.speaker_occasion) on statements whose speaker the article places, anywhere in
it, at one occasion: speaking, visiting or being somewhere, or a gathering held there (sixteenth stop). Sentences
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

import annales.places as places
from annales.places import Geocoder
from annales.records import Article

FILLER = ("The bank has lent less each year since the crisis. Its board met twice in the spring. "
          "Farmers say the loans come too late for the harvest. Shares in the bank fell sharply on the news. ")
VISIT = "Ortega was speaking at a dinner in Leeds on the second day of a state visit. " + FILLER


@pytest.fixture(scope="module")
def geo():
    return Geocoder.default()


def _locate(pipeline, geo, text, word, speaker_word, width=1, **kw):
    article = Article(id="occ", title=None, text=text, published=date(2024, 3, 6))
    doc = pipeline.nlp(article.text)
    tok = [t for t in doc if t.text == word][-1]
    who = [t for t in tok.sent if t.text == speaker_word][0]
    return geo.locate(tok.sent, tok.i, article, cameo="111", quad_class=3, source_country="CHL",
                      actors=[(who.i + 1 - width, who.i + 1)], **kw)


def test_a_named_speakers_words_take_the_occasion_the_article_gave_them(pipeline, geo):
    loc = _locate(pipeline, geo, VISIT + "Ortega also criticised the lending policy of the bank.", "criticised", "Ortega")
    assert loc is not None and loc["name"] == "Leeds" and loc["how"] == "article"


def test_a_pronoun_speaker_is_the_name_it_resolves_to(pipeline, geo):
    text = VISIT + "She also criticised the lending policy of the bank."
    loc = _locate(pipeline, geo, text, "criticised", "She", speaker="Maria Ortega")
    assert loc is not None and loc["name"] == "Leeds"
    assert _locate(pipeline, geo, text, "criticised", "She", speaker="Anna Ruiz") is None


def test_the_occasion_may_come_after_the_statement_and_be_told_by_a_pronoun(pipeline, geo):
    text = ("Ortega criticised the lending policy of the bank. " + FILLER
            + "Ortega had arrived on Monday. Speaking at a dinner in Leeds, she said the loans came too late.")
    loc = _locate(pipeline, geo, text, "criticised", "Ortega")
    assert loc is not None and loc["name"] == "Leeds"


def test_no_occasion_for_another_speaker_nor_for_a_speaker_placed_at_two(pipeline, geo):
    assert _locate(pipeline, geo, VISIT + "Ruiz also criticised the lending policy of the bank.", "criticised",
                   "Ruiz") is None
    text = VISIT + "Ortega was in York on Friday. Ortega also criticised the lending policy of the bank."
    assert _locate(pipeline, geo, text, "criticised", "Ortega") is None


def test_an_occasion_only_planned_or_called_off_places_nobody(pipeline, geo):
    text = ("Ortega's planned trip to Leeds was cancelled. " + FILLER
            + "Ortega also criticised the lending policy of the bank.")
    assert _locate(pipeline, geo, text, "criticised", "Ortega") is None


def test_a_first_name_shared_with_the_speaker_is_not_the_speaker(pipeline, geo):
    text = ("Maria Lopez was speaking at a dinner in Leeds. " + FILLER
            + "Maria Ortega criticised the lending policy of the bank.")
    assert _locate(pipeline, geo, text, "criticised", "Ortega", width=2) is None
    text = text.replace("Maria Lopez", "Maria Ortega")
    assert _locate(pipeline, geo, text, "criticised", "Ortega", width=2)["name"] == "Leeds"


def test_the_rule_can_be_turned_off(pipeline, geo, monkeypatch):
    monkeypatch.setattr(places, "SPEAKER_OCCASION", False)
    assert _locate(pipeline, geo, VISIT + "Ortega also criticised the lending policy of the bank.", "criticised",
                   "Ortega") is None

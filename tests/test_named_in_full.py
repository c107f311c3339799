"""A person named by surname alone takes the office of the one office-holder the article names in full
(annales.named_in_full), also where the sentence that names him in full is not parsed."""

from __future__ import annotations

from datetime import date

from annales.config import load_settings
from annales.pipeline import Pipeline
from annales.records import Article

# the introduction has no event word, so the prefilter leaves it unparsed
_INTRO = "Gordon Brown spent the morning in his constituency office."


def _events(pipeline, text: str, published: date | None = None) -> list[tuple]:
    return [(e.source.code, e.cameo, e.target.code if e.target else None)
            for e in pipeline(Article(id="t", text=text, published=published)).events]


def test_a_surname_takes_the_office_of_the_full_name_written_elsewhere(pipeline):
    events = _events(pipeline, _INTRO + " Mr Brown then accused Russia of bullying its neighbours.")
    assert ("GBRGOV", "112", "RUS") in events


def test_the_office_held_on_the_article_date(pipeline):
    events = _events(pipeline, _INTRO + " Mr Brown then accused Russia of bullying its neighbours.", date(2005, 3, 1))
    assert ("GBRGOV", "112", "RUS") in events


def test_another_person_of_that_surname_leaves_it_alone(pipeline):
    text = _INTRO + " Nick Brown walked his dog. Mr Brown then accused Russia of bullying its neighbours."
    assert all(s == "---" for s, _, t in _events(pipeline, text) if t == "RUS")


def test_off_by_the_setting(pipeline):
    off = Pipeline(load_settings(coder__named_in_full=False), nlp=pipeline.nlp)
    events = _events(off, _INTRO + " Mr Brown then accused Russia of bullying its neighbours.")
    assert ("GBRGOV", "112", "RUS") not in events


def test_british_figures_of_the_2000s_by_office_and_date():
    from annales.people import office_of

    assert office_of("Michael Jack", date(2005, 1, 1)).sector == "LEG"
    assert office_of("George Galloway", date(2013, 1, 1)).sector == "LEG"
    assert office_of("George Galloway", date(2011, 1, 1)) is None

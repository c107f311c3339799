"""The sentence prefilter: which sentences are parsed, and that events keep their places in the article."""

from __future__ import annotations

from datetime import date

import pytest

from annales.config import load_settings
from annales.pipeline import Pipeline
from annales.prefilter import word_forms
from annales.records import Article

TEXT = ("The weather in the capital was mild on Monday. "
        "German Foreign Minister Annalena Baerbock met Chinese officials in Beijing on Monday. "
        "Traffic was heavy near the airport.\n\n"
        "Baerbock criticised Beijing over its support for Moscow. "
        "She urged China to press Russia to end the war. "
        "Markets closed higher.")


@pytest.fixture(scope="module")
def full(pipeline):
    return Pipeline(load_settings(speed__prefilter=False), nlp=pipeline.nlp, kb=pipeline.kb,
                    lexicon=pipeline.lexicon)


def test_word_forms_cover_regular_and_irregular_inflections():
    assert {"ban", "bans", "banned", "banning"} <= word_forms("ban")
    assert {"accuse", "accuses", "accused", "accusing"} <= word_forms("accuse")
    assert {"deny", "denies", "denied"} <= word_forms("deny")
    assert {"strike", "struck", "striking"} <= word_forms("strike", {"strike": ["struck", "stricken"]})
    assert word_forms("sanction", noun=True) == {"sanction", "sanctions"}


def test_only_sentences_with_an_actor_and_a_trigger_are_parsed(pipeline):
    sel = pipeline.prefilter(TEXT)
    assert sel.n_sentences == 6
    picked = [n for _, _, n in sel.segments]
    assert picked == [1, 3, 4]  # the weather, the traffic and the markets are not parsed
    assert "Baerbock criticised Beijing" in sel.text and "Traffic" not in sel.text


def test_a_name_met_next_to_an_actor_is_carried_to_later_sentences(pipeline):
    sel = pipeline.prefilter("German Foreign Minister Annalena Baerbock met Chinese officials. "
                             "Later Baerbock criticised the plan.")
    assert [n for _, _, n in sel.segments] == [0, 1]


def test_events_keep_their_sentence_index_and_offsets(pipeline):
    article = Article(id="pf", text=TEXT, published=date(2024, 4, 15))
    coded = pipeline(article)
    assert coded.events
    for e in coded.events:
        assert TEXT[e.sentence_start:e.sentence_start + len(e.sentence)] == e.sentence
        assert e.sentence[e.trigger.start:e.trigger.end] == e.trigger.text
    assert {e.sentence_index for e in coded.events} <= {1, 3, 4}
    for m in coded.mentions:
        assert m.sentence_index in (1, 3, 4)


def test_the_same_events_as_parsing_everything(pipeline, full):
    article = Article(id="pf", text=TEXT, published=date(2024, 4, 15))

    def key(coded):
        return sorted((e.sentence, e.source.code, e.target.code if e.target else None, e.cameo, e.trigger.start)
                      for e in coded.events)

    assert key(pipeline(article)) == key(full(article))


def test_switching_the_prefilter_off_parses_every_sentence(full):
    assert full.prefilter is None


def test_two_actors_without_a_trigger_are_parsed_for_the_learned_fallback(pipeline):
    from annales.prefilter import Prefilter

    text = "Ghana humiliated Nigeria on Sunday. Ghana was sunny. The weather in Lagos was mild."
    with_pairs = Prefilter(pipeline.nlp, pipeline.finder, pipeline.lexicon, pairs=True)(text)
    without = Prefilter(pipeline.nlp, pipeline.finder, pipeline.lexicon, pairs=False)(text)
    assert [n for _, _, n in with_pairs.segments] == [0]  # two actors; one actor alone is not enough
    assert without.segments == []  # "humiliated" is no trigger word of the lexicon
    assert pipeline.prefilter.pairs  # the default pipeline's fallback is on, so its prefilter keeps pairs

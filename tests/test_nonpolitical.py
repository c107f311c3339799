"""Acts that are no political events (annales.nonpolitical): trade between companies, private journeys.
Sentences written for these tests."""

from __future__ import annotations

import helpers
import pytest


@pytest.mark.parametrize("text", [
    "A Canadian student travelled to Mali last year.",
    "The Nigerian pupils flew to Ghana for the holidays.",
])
def test_a_private_journey_is_no_visit(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1] in ("042", "043")]


def test_an_official_visit_is_kept(pipeline):
    assert ("CANGOV", "042", "MLI") in helpers.dyads(pipeline, "The Canadian foreign minister travelled to Mali last year.")


def test_trade_between_companies_is_no_event(pipeline):
    assert helpers.dyads(pipeline, "Renault held talks with Toyota about a joint factory.") == []


@pytest.mark.parametrize("text", [
    "The Brazilian finance minister said in a speech to business leaders that growth would pick up.",
    "In a statement to parliament, the Irish prime minister said the ban would start in May.",
    "The Greek labour minister said in a letter to the unions that pensions would be paid.",
])
def test_a_plain_statement_to_an_audience_is_no_event(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1] == "010"]


def test_political_only_false_keeps_them(pipeline):
    from annales.config import load_settings
    from annales.pipeline import Pipeline

    every = Pipeline(load_settings(coder__political_only=False), nlp=pipeline.nlp)
    assert every.version != pipeline.version
    assert helpers.dyads(every, "Renault held talks with Toyota about a joint factory.")


@pytest.mark.parametrize("text, expected", [
    ("Japan's prime minister told Modi the two countries should deepen defence ties.", ("JPNGOV", "010", "INDGOV")),
    ("The French foreign minister told his Iranian counterpart that sanctions would follow.",
     ("FRAGOV", "010", "IRNGOV")),
])
def test_a_statement_told_to_another_state_is_kept(pipeline, text, expected):  # a hearer, not an audience
    assert expected in helpers.dyads(pipeline, text)

"""Force with no target named (annales.unaimed_force): coded with its source alone where the source has a
country, not where it has none, not when the setting is off, and never in place of a named target.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from helpers import rule_events

from annales.config import load_settings
from annales.pipeline import Pipeline
from annales.unaimed_force import keeps, unaimed


@pytest.fixture(scope="module")
def strict(pipeline):
    return Pipeline(load_settings(coder__unaimed_force=False), nlp=pipeline.nlp)


def _roots(events):
    return [(s, c[:2], t) for s, c, t in events]


def test_an_offensive_with_no_target_is_coded_with_its_source_alone(pipeline):
    assert ("NGA", "19", None) in _roots(rule_events(pipeline, "Nigeria launched a military offensive on Monday."))


def test_strikes_on_unnamed_areas_keep_the_attacker(pipeline):
    events = rule_events(pipeline, "Russian jets carried out heavy strikes on residential areas overnight.")
    assert [(s[:3], r, t) for s, r, t in _roots(events)] == [("RUS", "19", None)]


def test_off_the_act_needs_a_target(strict):
    assert rule_events(strict, "Nigeria launched a military offensive on Monday.") == []


def test_no_country_no_event(pipeline):
    assert rule_events(pipeline, "The army fought hard in the hills all summer.") == []


def test_a_named_target_is_still_the_target(pipeline):
    events = rule_events(pipeline, "Nigerian troops attacked Boko Haram fighters on Tuesday.")
    assert events and all(t is not None for _, _, t in events)


def test_other_acts_still_need_a_target(pipeline):
    assert rule_events(pipeline, "Norway signed the agreement on Monday.") == []


def test_codes():
    assert unaimed("190") and unaimed("202") and not unaimed("1823") and not unaimed("173") and not unaimed(None)

    class P:
        country = "TUR"

    class Q:
        country = None

    assert keeps("195", P()) and not keeps("195", Q()) and not keeps("042", P())


def test_an_attributive_participle_is_no_act(pipeline):
    events = rule_events(pipeline, "Farmers of the Chinese-occupied valley stayed home on Monday.")
    assert not [e for e in events if e[1][:2] in ("18", "19", "20")]


def test_a_gerund_or_an_assault_with_no_victim_is_no_act(pipeline):
    for text in ("Danish commandos are getting ready to help in storming the port.",
                 "The Danish government executed a planned closure of the schools."):
        assert not [e for e in rule_events(pipeline, text) if e[1][:2] in ("18", "19", "20")], text


def test_an_infinitive_or_a_civilian_source_is_no_act(pipeline):
    for text in ('"We will never leave room for Denmark to attack us," he said.',
                 "The Danish opposition leader tried to shoot that fox before the vote."):
        assert not [e for e in rule_events(pipeline, text) if e[1][:2] in ("19", "20") and e[2] is None], text

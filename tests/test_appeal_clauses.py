"""Appeals whose object is a "for" clause (annales.lexicon.for_clause): "called for Y to withdraw" and its
passive, "called for Y's troops to be withdrawn", are appeals by the subject, aimed at the clause's subject;
coordinated subjects of such an appeal are no parties to each other's act (annales.relations).
Sentences written for these tests."""

from __future__ import annotations

from helpers import dyads, rule_events


def test_a_passive_for_clause_is_an_appeal_aimed_at_its_subject(pipeline):
    events = rule_events(pipeline, "Norway called for the Russian troops to be withdrawn from the border.")
    assert [(s, c[:2], t[:3] if t else None) for s, c, t in events] == [("NOR", "02", "RUS")]


def test_a_passive_for_clause_with_no_actor_is_an_appeal_with_no_target(pipeline):
    events = rule_events(pipeline, "Chile called for the new tariff to be lifted at once.")
    assert [(s, c[:2], t) for s, c, t in events] == [("CHL", "02", None)]


def test_the_active_for_clause_is_unchanged(pipeline):
    events = rule_events(pipeline, "Norway called for Russia to withdraw its troops.")
    assert [(s, c[:2], t) for s, c, t in events] == [("NOR", "02", "RUS")]


def test_joint_appealers_are_not_each_others_target(pipeline):
    events = dyads(pipeline, "Chile and Peru called for the tariff to be lifted.")
    assert sorted((s, c[:2], t) for s, c, t in events) == [("CHL", "02", None), ("PER", "02", None)]

"""Wrong roots of the dev audit (the seventeenth stop): a phrasal verb's particle that is a preposition of
place ("gave details in a speech to" is no "give in to"), an argument or an opening "seized", a website taken
over, a terrorist attack a verb carries out, the 9/11 attacks, a remark rebutted. Sentences written for these
tests."""

from __future__ import annotations

import helpers
import pytest


@pytest.mark.parametrize("text", [
    "The interior minister gave more details of the plan in a speech to the Labour party.",
    "The health secretary gave a lecture in Leeds to the Labour party.",
])
def test_a_phrase_of_place_is_no_particle(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1].startswith("08")]


@pytest.mark.parametrize("text, expected", [
    ("The government gave in to the demands of the unions.", "080"),
    ("The president lashed out at the French government.", "111"),
])
def test_a_phrasal_verb_keeps_its_particle(pipeline, text, expected):
    assert [d[1] for d in helpers.dyads(pipeline, text)] == [expected]


@pytest.mark.parametrize("text", [
    "The opposition leader seized on the comments of the Prime Minister.",
    "The Kremlin seized the initiative in the talks with Ukraine.",
    "The web site was taken over by the FBI.",
    "The website, which was taken over by the FBI last week, is closed.",
])
def test_nothing_seized(pipeline, text):
    assert not [d for d in helpers.dyads(pipeline, text) if d[1][:2] in ("17", "19")]


def test_a_seizure_stays_one(pipeline):
    assert [d[1] for d in helpers.dyads(pipeline, "Police seized drugs on the border with Mexico.")] == ["171"]


@pytest.mark.parametrize("text, expected", [
    ("Al-Shabaab carried out a terrorist attack on the Kenyan army.", "180"),
    ("Al-Shabaab launched a suicide attack on Kenyan troops.", "1831"),
    ("The 9/11 attacks by al-Qaeda on America changed the world.", "180"),
    ("Al-Qaeda hijackers carried out the 9/11 attacks against the United States.", "180"),
    ("Al-Shabaab launched an attack on Kenyan troops.", "190"),
])
def test_a_terrorist_attack_carried_out_is_unconventional_violence(pipeline, text, expected):
    assert [d[1] for d in helpers.dyads(pipeline, text)] == [expected]


@pytest.mark.parametrize("text", [
    "The defence minister rejected the opposition leader's comment, saying the army was ready.",
    "The minister dismissed the claims of the opposition as nonsense.",
])
def test_a_remark_rebutted_is_a_denial(pipeline, text):
    assert [d[1] for d in helpers.dyads(pipeline, text)] == ["016"]


def test_a_proposal_rejected_stays_a_rejection(pipeline):
    assert [d[1] for d in helpers.dyads(pipeline, "Kenya rejected the proposal of Uganda.")] == ["120"]

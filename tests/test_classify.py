"""The pair classifier: marking, the learned model's opinion, and the rules-only fallback."""

from __future__ import annotations

import pytest

from annales.classify import PairModel, classify_pair

needs_model = pytest.mark.skipif(not PairModel.available(), reason="learned pair classifier not installed")


@needs_model
def test_marks_are_placed_around_the_spans():
    m = PairModel()
    text = "Russia attacked Ukraine."
    assert m.mark(text, (0, 6), (16, 23)) == "@ Russia @ attacked # Ukraine #."
    assert m.mark(text, (16, 23), (0, 6)) == "# Russia # attacked @ Ukraine @."


@needs_model
@pytest.mark.parametrize("text, source, target, expected", [
    ("Israeli jets bombed a refugee camp in Gaza on Tuesday.", "Israeli jets", "a refugee camp", "ASSAULT"),
    ("The foreign minister of Japan praised India for its support.", "The foreign minister of Japan", "India", "SUPPORT"),
    ("Police in Lagos arrested forty protesters outside the parliament.", "Police in Lagos", "forty protesters", "COERCE"),
])
def test_model_types_plain_cases(pipeline, text, source, target, expected):
    s, t = text.index(source), text.index(target)
    result = classify_pair(pipeline, text, (s, s + len(source)), (t, t + len(target)))
    assert result["plover"] == expected, result
    assert max(result["scores"], key=result["scores"].get) == expected
    assert abs(sum(result["scores"].values()) - 1) < 1e-2


@needs_model
def test_a_pair_scores_the_same_alone_and_beside_others():
    m = PairModel()
    short = "Chile thanked Peru."
    long = ("After a week of talks in a hotel by the lake, the Norwegian envoy handed the rebels a draft of the "
            "accord that the two sides had argued over for months.")
    a = (short, (0, 5), (14, 18))
    b = (long, (long.index("the Norwegian envoy"), long.index(" handed")), (long.index("the rebels"), long.index(" a draft")))
    alone = m.scores([a])[0]
    for batch, k in (([a, b], 0), ([b, a], 1)):
        beside = m.scores(batch)[k]
        assert all(abs(beside[lab] - p) < 1e-6 for lab, p in alone.items())


def test_rules_only(pipeline):
    text = "Russia attacked Ukraine on Monday."
    result = classify_pair(pipeline, text, (0, 6), (16, 23), model=False)
    assert (result["cameo"], result["plover"], result["quad_class"]) == ("190", "ASSAULT", 4)
    nothing = classify_pair(pipeline, "Russia and Ukraine.", (0, 6), (11, 18), model=False)
    assert nothing == {"cameo": None, "plover": None, "quad_class": None, "scores": {}}


def test_the_coders_own_event_between_the_given_actors_comes_first(pipeline):
    from annales.classify import _phrase, rule_candidates

    # the given spans carry no code of their own; the coder must still code the event between them
    text = "The rebels stormed the army barracks before dawn, and the general praised the villagers."
    doc = pipeline.nlp(text)
    src = _phrase(doc, text.index("The rebels"), text.index("The rebels") + 10)
    tgt = _phrase(doc, text.index("the army"), text.index("the army") + 8)
    weight, code = rule_candidates(pipeline, doc, src, tgt)[0]
    assert weight >= 1.0 and code.startswith("19"), (weight, code)


def test_end_to_end_scoring_counts_spans_in_the_whole_text(pipeline):
    """Event actor offsets count from their sentence; gold spans from the text: a pair in a second
    sentence is found only when the sentence's start is added."""
    from annales.evaluate import plover_pairs

    text = "Talks resumed on Monday. Russian troops shelled the Ukrainian city of Kharkiv overnight."
    s, t = text.index("Russian troops"), text.index("the Ukrainian city")
    row = {"id": "x", "text": text, "source": (s, s + len("Russian troops")),
           "target": (t, t + len("the Ukrainian city of Kharkiv")), "gold": "ASSAULT"}
    result = plover_pairs(pipeline, "", rows=[row], model=False)
    assert result["end_to_end_recall"] == 1.0 and result["end_to_end_recall_with_type"] == 1.0


@pytest.mark.parametrize("text, source, target, voided", [
    ("Portugal struck a friendly tone towards Spain at the summit.", "Portugal", "Spain", True),
    ("The navy of Chile received training from Argentina last year.", "The navy of Chile", "Argentina", True),
    ("Portugal struck Spain's border posts at dawn.", "Portugal", "Spain", False),
])
def test_the_rules_offer_no_code_where_a_row_that_codes_nothing_applies(pipeline, text, source, target, voided):
    # "strike a tone" and "receive training" are "-" rows: the general "strike *" and "receive * from" do not apply
    s, t = text.index(source), text.index(target)
    result = classify_pair(pipeline, text, (s, s + len(source)), (t, t + len(target)), model=False)
    assert (result["cameo"] is None) == voided, result


def test_the_rule_coder_breaks_a_near_tie_between_the_models_two_best_types():
    from annales.classify import _runner_up

    scores = {"ASSAULT": 0.55, "COERCE": 0.40, "AGREE": 0.05}
    criticise = [(0.5, "111"), (0.3, "1711")]  # the rule's best: criticise (ACCUSE), not the second type
    seize = [(0.5, "1711"), (0.3, "190")]  # the rule's best: confiscate property (COERCE), the second type
    assert _runner_up(scores, seize, 0.05) == "COERCE"
    assert _runner_up(scores, criticise, 0.05) == "ASSAULT"  # the rule names neither of the two
    assert _runner_up(scores, seize, None) == "ASSAULT"  # no ratio in the model's description: the model wins
    assert _runner_up(scores, [], 0.05) == "ASSAULT"
    far = {"ASSAULT": 0.97, "COERCE": 0.03}
    assert _runner_up(far, seize, 0.05) == "ASSAULT"  # not a near tie

"""benchmarks/story_agreement.py: agreement, Cohen's kappa and P/R/F1 on tiny hand-made label sets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import story_agreement  # noqa: E402


def test_agreement_kappa_and_scores_by_hand():
    # (system, reference): 2 both same, 1 system only, 1 reference only, 2 both different
    pairs = [(True, True), (True, False), (False, True), (False, False), (False, False), (True, True)]
    f = story_agreement.agreement(pairs)
    assert f["n"] == 6 and f["sys_same"] == 3 and f["ref_same"] == 3
    assert f["agree"] == pytest.approx(4 / 6)
    # chance agreement 0.5 * 0.5 + 0.5 * 0.5 = 0.5, so kappa = (2/3 - 1/2) / (1 - 1/2)
    assert f["kappa"] == pytest.approx(1 / 3)
    assert f["p"] == pytest.approx(2 / 3) and f["r"] == pytest.approx(2 / 3) and f["f1"] == pytest.approx(2 / 3)


def test_kappa_is_zero_for_agreement_by_chance_only():
    # a system that calls everything "same" agrees on the reference's same pairs only: no better than chance
    f = story_agreement.agreement([(True, True), (True, False), (True, True), (True, False)])
    assert f["agree"] == pytest.approx(0.5) and f["kappa"] == pytest.approx(0.0)
    assert f["p"] == pytest.approx(0.5) and f["r"] == pytest.approx(1.0)


def test_perfect_agreement_and_empty_input():
    f = story_agreement.agreement([(True, True), (False, False), (False, False)])
    assert f["agree"] == 1.0 and f["kappa"] == pytest.approx(1.0) and f["f1"] == 1.0
    assert story_agreement.agreement([])["n"] == 0


def test_load_labels_skips_comments_and_header_and_sorts_ids(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("# who and how\narticle_a\tarticle_b\tsame\tnote\nb-2\ta-1\t1\tcopies\na-3\tb-4\t0\t\n",
                    encoding="utf-8")
    labels = story_agreement.load_labels(path)
    assert labels == {("a-1", "b-2"): (True, "copies"), ("a-3", "b-4"): (False, "")}

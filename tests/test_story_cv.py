"""benchmarks/story_cv.py (cross-validated story-clustering figures) on the team's fixture articles and on
made-up pair graphs: its re-scored pairs must be the library's pair scores (no ../shared needed)."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import numpy as np

from annales import stories
from annales.ingest import parse_text
from annales.stories import StoryInput

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import story_cv  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "stories"


def test_pair_groups_keep_an_articles_pairs_together():
    pairs = [(5, 6), (0, 1), (1, 2), (3, 4), (2, 7)]
    assert story_cv.pair_groups(pairs) == [[(0, 1), (1, 2), (2, 7)], [(3, 4)], [(5, 6)]]
    assert story_cv.pair_groups([]) == []


def test_rescored_pairs_are_the_library_pair_scores():
    """With the shipped settings, ``scored`` gives every pair the score of ``stories.pair_scores`` (dated
    pairs with their day decay, pairs with an undated article with the undated margin); another margin
    moves only the pairs with an undated article."""
    items = []
    for path in sorted(FIXTURES.glob("*.txt")):
        art = parse_text(path.read_text(encoding="utf-8"), path.stem, str(path))
        items.append(StoryInput(path.stem, art.title, art.text, art.published))
    items = [dataclasses.replace(it, published=None) if k in (1, 4) else it for k, it in enumerate(items)]
    items = stories._sorted_unique(items)
    every = [(i, j) for i in range(len(items)) for j in range(i + 1, len(items))]
    vectors: dict = {}
    pairs, f, base, _iscand, sc = story_cv.pair_table(items, every, vectors)
    assert pairs == every
    conf = stories._settings()
    got = story_cv.scored(base, f, float(conf["undated_margin"]), sc.decay, sc.window)
    want = stories.pair_scores(items, [(items[i].article_id, items[j].article_id) for i, j in pairs],
                               vectors=vectors)
    assert np.allclose(got, list(want.values()), atol=1e-5)
    undated = f["undated"] == 1
    assert undated.any() and (~undated).any()
    moved = story_cv.scored(base, f, float(conf["undated_margin"]) + 0.1, sc.decay, sc.window)
    assert np.allclose(moved[undated], got[undated] - 0.1, atol=1e-6)
    assert np.allclose(moved[~undated], got[~undated])

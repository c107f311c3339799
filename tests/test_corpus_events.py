"""The anchor lookup of benchmarks/corpus_events.py on a made-up article (no ../shared needed)."""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import corpus_events as ce  # noqa: E402

TEXT = ("The council met on Monday.\n\nThe council met on Monday again after a walkout. "
        "Envoys from Norway visited Lima and praised the accord. Later the envoys left.")


def test_sentences_split_at_stops_and_line_breaks():
    spans = ce.sentences(TEXT)
    assert [TEXT[a:b] for a, b in spans][:2] == ["The council met on Monday.",
                                               "The council met on Monday again after a walkout."]
    assert len(spans) == 4


def test_anchor_is_the_shortest_unique_opening():
    spans = ce.sentences(TEXT)
    # the first sentence's five words open the second too ("Monday." and "Monday" hash alike), so it
    # has no unique opening, and the second needs six words
    assert ce.make_anchor(TEXT, spans[0]) is None
    key, n = ce.make_anchor(TEXT, spans[1])
    assert n == 6 and ce.find_sentence(TEXT, key, n) == spans[1]
    key, n = ce.make_anchor(TEXT, spans[2])
    assert n == ce.MIN_ANCHOR and key == ce.anchor_key("Envoys from Norway visited")
    assert ce.find_sentence(TEXT, key, n) == spans[2]
    assert ce.find_sentence(TEXT, ce.anchor_key("Envoys from Peru visited"), 4) is None


def test_events_in_takes_triggers_inside_the_sentence():
    span = ce.sentences(TEXT)[2]
    start = span[0]

    def ev(offset):  # a coded event of that sentence with its trigger ``offset`` characters into it
        return SimpleNamespace(sentence_start=start, trigger=SimpleNamespace(start=offset))

    inside, after = ev(TEXT.index("visited") - start), ev(TEXT.index("left") - start)
    assert ce.events_in([inside, after], span) == [inside]

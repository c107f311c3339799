"""The lexicon's one question for a trigger: its pattern here, unless a row that codes nothing applies."""

from __future__ import annotations

from annales.lexicon import Lexicon, parse_pattern


def _lexicon():
    verbs = [parse_pattern("190", "fight *", "verb"), parse_pattern("-", "fight disease", "verb"),
             parse_pattern("042:043", "visit *", "verb")]
    return Lexicon(verbs, [parse_pattern("195", "air strike on *", "noun")])


def _token(pipeline, text, word):
    return next(t for t in pipeline.nlp(text) if t.text == word)


def test_pattern_for_a_verb_and_a_noun(pipeline):
    lex = _lexicon()
    assert lex.pattern_for(_token(pipeline, "Bolivia fought Paraguay for years.", "fought")).code == "190"
    assert lex.pattern_for(_token(pipeline, "Kenya visited Uganda.", "visited")).reverse == "043"
    noun = _token(pipeline, "The air strike on Mosul killed ten.", "strike")
    assert lex.pattern_for(noun, "noun").code == "195"
    assert lex.pattern_for(_token(pipeline, "Kenya praised Uganda.", "praised")) is None  # no pattern


def test_a_row_that_codes_nothing_voids_the_general_pattern(pipeline):
    lex = _lexicon()
    tok = _token(pipeline, "Bolivia fought the disease with help from Peru.", "fought")
    assert lex.voided(tok, "verb")
    assert lex.pattern_for(tok) is None
    # the caller's own selection of patterns is voided the same way
    assert lex.pattern_for(tok, patterns=lex.verbs["fight"]) is None

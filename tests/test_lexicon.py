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


def test_a_row_with_alternatives_stands_for_every_combination(tmp_path):
    from annales.lexicon import Lexicon, alternatives

    assert alternatives("ease|lift sanction|curb on *") == [
        "ease sanction on *", "ease curb on *", "lift sanction on *", "lift curb on *"]
    verbs = tmp_path / "verbs.tsv"
    verbs.write_text("code\tpattern\n085\tease|lift sanction|curb on *\n-\tlift|raise finger\n", encoding="utf-8")
    nouns = tmp_path / "nouns.tsv"
    nouns.write_text("code\tpattern\n", encoding="utf-8")
    lex = Lexicon.from_files(verbs, nouns)
    assert sorted(p.text for p in lex.verbs["lift"]) == ["lift curb on *", "lift sanction on *"]
    assert [p.words for p in lex.voids["verb"]["raise"]] == [("finger",)]

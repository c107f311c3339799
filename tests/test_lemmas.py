"""Every verb of the lexicon is found in its inflected forms: the model's lemma of "waged", "staged", "hoped" is the
lexicon's word (annales.parse's lemma fixes, data/lemmas.tsv), so that "waged war on X" matches "wage war on *"."""

from __future__ import annotations

from helpers import rule_events

from annales._data import data_path, read_tsv
from annales.lexicon import alternatives
from annales.prefilter import _irregular, word_forms


# forms the inflection rules over-generate that are other words ("putted": to putt, in golf)
NOT_FORMS = frozenset({"putted"})


def _lexicon_verbs() -> set[str]:
    verbs = set()
    for name, column in (("verbs.tsv", "pattern"), ("undoing.tsv", "verb")):
        for _, row in read_tsv(data_path(name)):
            words = (row.get(column) or "").split()
            if words:
                verbs.update(w for w in alternatives(words[0]) if w.isalpha() and w.islower())
    return verbs


def test_inflected_lexicon_verbs_lemmatise_to_the_lexicon_word(pipeline):
    """A form whose model lemma is another known word ("wag" for "waged") hides the verb from every pattern;
    forms the inflection rules only over-generate ("attackd") are not words of the model's index and are skipped."""
    nlp = pipeline.nlp
    tables = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    known = set(tables.get("verb", [])) | set(tables.get("noun", []))
    irregular = _irregular()
    texts, keys = [], []
    for verb in sorted(_lexicon_verbs()):
        for form in sorted(word_forms(verb, irregular) - {verb}):
            frame = ("France is {} Germany." if form.endswith("ing") else
                     "France {} Germany yesterday." if form.endswith("d") or form in irregular.get(verb, ()) else
                     "France {} Germany.")
            texts.append(frame.format(form))
            keys.append((verb, form))
    verbs, wrong = _lexicon_verbs(), []
    for (verb, form), doc in zip(keys, nlp.pipe(texts, batch_size=256)):
        tok = next((t for t in doc if t.lower_ == form), None)
        if tok is None or tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() in (verb, form) or form in NOT_FORMS:
            continue  # the verb found; or the model reads the form as a word of its own ("stricken", "bard")
        if tok.lemma_.lower() in verbs:
            continue  # another lexicon verb ("lambasted": "lambaste" and "lambast" are both rows)
        if tok.lemma_.lower() in known or form in irregular.get(verb, ()):
            wrong.append((form, tok.lemma_, verb))
    assert len(keys) > 2000
    assert wrong == [], "add these to data/lemmas.tsv: " + ", ".join(f"{f} -> {v} (not {lem})" for f, lem, v in wrong)


def test_verbs_the_model_mislemmatises_reach_their_patterns(pipeline):
    assert rule_events(pipeline, "Russia waged war on Ukraine in 2022.") == [("RUS", "190", "UKR")]
    assert ("IRNMIL", "190", "IRQ") in rule_events(pipeline, "Iranian forces staged an attack on Iraqi positions.")
    # "sniped at" is words in news ("sniper fire" is gunfire)
    assert rule_events(pipeline, "Turkish officials sniped at Greece over the islands.") == [("TURGOV", "111", "GRC")]

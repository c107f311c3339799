"""Pick the sentences worth parsing: only those that can carry an event.

Parsing (tagger, parser, entity recogniser) is most of the cost of coding, and most sentences of a news
article name no actor the coder could use. Before parsing, each piece of text is tokenised and split
into sentences by rules (spaCy's tokenizer and ``sentencizer``: no model), and a sentence is kept when

* it names an **actor**: a knowledge-base term (country, demonym, capital, organisation, generic agent
  such as "police" or "minister"; the actor finder's own phrase matchers), a word of an office-holder's
  name (``data/leaders.tsv``), a person introduced earlier in the article (a capitalised word next to
  an actor of a sentence already kept, so "Baerbock said" after "German Foreign Minister Annalena
  Baerbock"), or "he"/"she"; and
* it contains a **trigger**: a word form of a lexicon verb or noun (regular inflections generated,
  irregular ones from ``data/irregular_verbs.tsv``) that has a pattern of its own ("attack"), or one
  whose patterns need other words ("hold talks with") together with the words of one of them; or, when
  the learned fallback (:mod:`annales.relations`) is on, it names two separate knowledge-base actors,
  a pair the fallback may link through a verb the lexicon does not know.

The kept sentences are joined by blank lines into one text that the full pipeline parses; a
:class:`Selection` maps positions in it back to the original text and to sentence numbers, so events
keep their offsets and sentence indices in the article. ``[speed] prefilter = false`` parses everything.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ._data import data_path, read_tsv, split_list
from .claims import ADMITTING
from .people import leaders

__all__ = ["Prefilter", "Selection", "word_forms"]

PEOPLE_PRONOUNS = frozenset({"he", "she"})  # the subjects the actor finder carries a person to
NAME_REACH = 4  # a capitalised word this close to an actor of a kept sentence may be a person's name
_JOIN = "\n\n"
_VOWELS = set("aeiou")


@dataclass
class Selection:
    """The sentences of one text picked for parsing.

    ``segments``: (start in ``text``, start in the original, sentence number in the original), sorted.
    ``n_sentences``: how many sentences the original has (picked or not).
    """

    text: str
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    n_sentences: int = 0
    words: list[str] = field(default_factory=list)  # the picked sentences' tokens, as the prefilter
    spaces: list[bool] = field(default_factory=list)  # tokenised them (not tokenised a second time)

    def __post_init__(self):
        self._starts = [s for s, _, _ in self.segments]

    def doc(self, nlp):
        """The picked sentences as a tokenised Doc with a sentence start at each of them, which the
        parser keeps (it decides only the boundaries inside a picked sentence)."""
        from spacy.tokens import Doc

        doc = Doc(nlp.vocab, words=self.words, spaces=self.spaces)
        starts = set(self._starts)
        for tok in doc:
            if tok.idx in starts:
                tok.is_sent_start = True
        return doc

    def locate(self, pos: int) -> tuple[int, int]:
        """(sentence number, offset in the original) of position ``pos`` of ``text``."""
        k = bisect.bisect_right(self._starts, pos) - 1
        start, orig, number = self.segments[max(k, 0)]
        return number, orig + (pos - start)


def word_forms(lemma: str, irregular: dict[str, list[str]] | None = None, noun: bool = False) -> set[str]:
    """Lower-case surface forms of a lemma: regular inflections plus listed irregular ones."""
    w = lemma.lower()
    forms = {w, w + "s"}
    if w.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(w + "es")
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms.add(w[:-1] + "ies")
    if noun:
        return forms
    stem = w[:-1] if w.endswith("e") and not w.endswith(("ee", "ye", "oe")) else w
    forms |= {stem + "ed", stem + "ing", w + "d"}
    if w.endswith("y") and len(w) > 1 and w[-2] not in _VOWELS:
        forms.add(w[:-1] + "ied")
    if len(w) >= 3 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS:
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}  # "ban" -> "banned"; over-generation is harmless
    if w.endswith("ie"):
        forms.add(w[:-2] + "ying")
    forms.update((irregular or {}).get(w, ()))
    return forms


def _irregular() -> dict[str, list[str]]:
    return {row["lemma"].lower(): [f.lower() for f in split_list(row["forms"])]
            for _, row in read_tsv(data_path("irregular_verbs.tsv"))}


class Prefilter:
    """``Prefilter(nlp, finder, lexicon)(text) -> Selection``: the sentences of ``text`` to parse."""

    def __init__(self, nlp, finder, lexicon, pairs: bool = False):
        from spacy.pipeline import Sentencizer

        self.pairs = pairs  # also keep sentences naming two actors with no trigger (the learned fallback's)
        self.tokenizer = nlp.tokenizer
        self.sentencizer = Sentencizer()
        self.finder = finder  # its PhraseMatchers hold every knowledge-base term
        irregular = _irregular()
        # a trigger with a pattern of its own ("say", "attack") counts alone; one that needs other words
        # ("hold talks with", "have a meeting with") counts only when those words are there too
        strong: set[str] = set()
        needs: dict[str, list[tuple[frozenset, ...]]] = {}
        for table, noun in ((lexicon.verbs, False), (lexicon.nouns, True)):
            for lemma, patterns in table.items():
                forms = word_forms(lemma, irregular, noun)
                for pattern in patterns:
                    if not pattern.words:
                        strong |= forms
                        continue
                    # (the target's preposition may be missing in reciprocal use: "X and Y discussed")
                    req = tuple(frozenset(word_forms(w, irregular) | word_forms(w, irregular, True))
                                for w in pattern.words if w != pattern.target)
                    if not req:
                        strong |= forms
                        continue
                    for form in forms:
                        needs.setdefault(form, []).append(req)
        for lemma in ADMITTING:  # a rule's own trigger, with no lexicon pattern of its own (annales.claims)
            strong |= word_forms(lemma, irregular)
        self.triggers = frozenset(strong)
        self.needs = {form: reqs for form, reqs in needs.items() if form not in strong}
        # words of office-holders' names ("Putin said"): the actor finder codes them by the article date
        # (the last word: the finder looks names up whole or by surname; first names are too common)
        self.known_names = frozenset(name.split()[-1] for name in leaders() if name[:1].isupper())

    def __call__(self, text: str) -> Selection:
        doc = self.sentencizer(self.tokenizer(text))
        actor_tokens = set()
        match_starts = set()  # first tokens of knowledge-base matches (two in a sentence: a possible pair)
        for matcher in (self.finder.case_matcher, self.finder.lower_matcher):
            for _, start, end in matcher(doc):
                actor_tokens.update(range(start, end))
                match_starts.add(start)
        names: set[str] = set()  # capitalised words of sentences already kept: people met before
        picked: list[tuple[object, int]] = []  # (sentence, its number)
        n = -1
        for n, sent in enumerate(doc.sents):
            trigger = actor = False
            words = None
            for tok in sent:
                low = tok.lower_
                if low in self.triggers:
                    trigger = True
                elif not trigger and low in self.needs:
                    words = words or {t.lower_ for t in sent}
                    trigger = any(all(words & req for req in reqs) for reqs in self.needs[low])
                if (tok.i in actor_tokens or low in PEOPLE_PRONOUNS or tok.text in self.known_names
                        or tok.text in names and tok.i != sent.start):
                    actor = True
                if trigger and actor:
                    break
            if actor and not trigger and self.pairs:
                trigger = sum(1 for t in sent if t.i in match_starts and (t.i - 1) not in actor_tokens) >= 2
            if trigger and actor:
                picked.append((sent, n))
                near = {j for t in sent if t.i in actor_tokens for j in range(t.i - NAME_REACH, t.i + NAME_REACH + 1)}
                names.update(t.text for t in sent if t.i in near and t.is_title and t.i != sent.start and len(t) > 2)
        # the picked sentences (edge whitespace dropped) joined by blank lines, from the tokens above
        words: list[str] = []
        spaces: list[bool] = []
        segments, pos = [], 0
        for k, (sent, number) in enumerate(picked):
            toks = list(sent)
            while len(toks) > 1 and toks[-1].is_space:
                toks.pop()
            while len(toks) > 1 and toks[0].is_space:
                toks.pop(0)
            if k:
                words.append(_JOIN)
                spaces.append(False)
                pos += len(_JOIN)
            segments.append((pos, toks[0].idx, number))
            for j, t in enumerate(toks):
                words.append(t.text)
                spaces.append(bool(t.whitespace_) and j < len(toks) - 1)
                pos += len(t.text) + spaces[-1]
        text = "".join(w + " " * sp for w, sp in zip(words, spaces))
        return Selection(text, segments, n + 1, words, spaces)

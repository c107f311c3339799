"""The parse step's model: load the spaCy pipeline once per process and make it cheap on a CPU.

Most of the time of coding is spent in the model's matrix products (the tok2vec layers, and the entity
recogniser's own embedding layers). thinc multiplies matrices with BLIS by default; the wheels' BLIS
uses a generic kernel on many CPUs, while numpy's OpenBLAS picks one for the CPU it runs on (AVX-512 on
the development machine, about three times faster on the model's shapes). ``[speed] blas`` chooses:

* ``"numpy"`` (default): every layer of the model multiplies through numpy (OpenBLAS), one thread per
  process (workers are processes already; more threads only fight over the same cores);
* ``"blis"``: thinc's default.

Results can differ from BLIS's in the last bits of a float, which could flip a close tagger or parser
decision; on the development corpus the events were the same (the throughput benchmark compares them).

``[speed] fast_ruler`` runs the model's attribute ruler vectorised (:class:`FastAttributeRuler`) and its
rule lemmatizer with a cache per (word, part of speech, morphology) (:class:`FastLemmatizer`), with the
same annotations. :func:`prepare` applies them; :class:`annales.pipeline.Pipeline` calls it.

:class:`Tokens` (:func:`tokens`) gives a parsed doc's token attributes as plain lists, read once per doc,
for the coder's scans over every token (actors, events, places).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

import numpy as np

from ._data import data_path, read_tsv
from .errors import ConfigError, ModelError

__all__ = ["BLAS_CHOICES", "FastAttributeRuler", "FastLemmatizer", "Tokens", "limit_blas_threads", "load_model",
           "prepare", "tokens", "use_blas", "use_fast_lemmatizer", "use_fast_ruler",
           "split_trailing_hyphens", "use_lemma_exceptions"]

BLAS_CHOICES = ("numpy", "blis")


def load_model(name: str):
    """The installed spaCy pipeline ``name`` as spaCy loads it (:func:`prepare` makes it cheap)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise ModelError("E011", name=name) from None


def prepare(nlp, blas: str = "numpy", fast_ruler: bool = True):
    """Make ``nlp`` cheap to run, keeping its output: :func:`use_blas`, and with ``fast_ruler``
    :func:`use_fast_ruler` and :func:`use_fast_lemmatizer`; and put right the lemmas the model gets wrong
    (:func:`use_lemma_exceptions`); a hyphen written apart is a token (:func:`split_trailing_hyphens`)."""
    use_blas(nlp, blas)
    use_lemma_exceptions(nlp)
    split_trailing_hyphens(nlp)
    if fast_ruler:
        use_fast_ruler(nlp)
        use_fast_lemmatizer(nlp)
    return nlp


LEMMA_FIXES = "lemma_fixes"
# a hyphen ending a word of two letters or more, with a space after it, is a token of its own
TRAILING_HYPHEN = r"(?<=[A-Za-z]{2})-$"


def split_trailing_hyphens(nlp):
    """Make a hyphen written apart from the word it joins ("an anti- Gondor march", "pro- and anti-war")
    a token of its own, as it is in "anti-Gondor": the parser then reads the phrase as it reads the joined
    spelling (a word ending in "-" is otherwise a noun of its own). Idempotent; the text is unchanged."""
    import re

    search = nlp.tokenizer.suffix_search
    pattern = getattr(getattr(search, "__self__", None), "pattern", None)
    if pattern is None or pattern.endswith(TRAILING_HYPHEN):
        return nlp
    nlp.tokenizer.suffix_search = re.compile(f"{pattern}|{TRAILING_HYPHEN}").search
    return nlp


def use_lemma_exceptions(nlp, path=None):
    """Add a ``lemma_fixes`` step after the lemmatizer that sets the lemmas of ``data/lemmas.tsv``
    ("hoped" is "hope", not "hop": spaCy's rule lemmatizer prefers a suffix rule's form found in its index
    even over its own exceptions); returns ``nlp``. Idempotent; a model with no lemmatizer is left as it is."""
    if "lemmatizer" not in nlp.component_names or LEMMA_FIXES in nlp.component_names:
        return nlp
    from spacy.language import Language

    fixes = {(row["word"], row["pos"].upper()): row["lemma"] for _, row in read_tsv(path or data_path("lemmas.tsv"))}
    if not Language.has_factory("annales_lemma_fixes"):
        Language.factory("annales_lemma_fixes", func=lambda nlp, name: LemmaFixes(nlp.vocab, {}))
    step = nlp.add_pipe("annales_lemma_fixes", name=LEMMA_FIXES, last=True)
    step.set(fixes)
    return nlp


class LemmaFixes:
    """Set the lemma of the listed (lower-case word, POS) pairs; one vectorised look per doc."""

    def __init__(self, vocab, fixes: dict[tuple[str, str], str]):
        self.vocab = vocab
        self.set(fixes)

    def set(self, fixes: dict[tuple[str, str], str]) -> None:
        from spacy.symbols import IDS

        strings = self.vocab.strings
        self.fixes = {(strings.add(w), IDS[pos]): strings.add(lemma) for (w, pos), lemma in fixes.items()}
        self.words = np.array(sorted({w for w, _ in self.fixes}), dtype=np.uint64)

    def __call__(self, doc):
        from spacy.attrs import LEMMA, LOWER, POS

        if not self.fixes or len(doc) == 0:
            return doc
        arr = doc.to_array([LOWER, POS, LEMMA])
        hits = np.flatnonzero(np.isin(arr[:, 0], self.words))
        changed = False
        for i in hits.tolist():
            lemma = self.fixes.get((int(arr[i, 0]), int(arr[i, 1])))
            if lemma is not None:
                arr[i, 2], changed = lemma, True
        if changed:
            doc.from_array([LEMMA], arr[:, 2:3].copy())
        return doc

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


def use_blas(nlp, blas: str = "numpy"):
    """Put every layer of ``nlp``'s trainable components on ``blas`` ("numpy" or "blis"); returns ``nlp``."""
    if blas not in BLAS_CHOICES:
        raise ConfigError("E036", value=blas, choices=", ".join(BLAS_CHOICES))
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=blas == "blis")
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if isinstance(node.ops, NumpyOps):  # leave GPU ops alone
                node.ops = ops
    if blas == "numpy":
        limit_blas_threads(1)
    return nlp


def limit_blas_threads(n: int = 1) -> None:
    """At most ``n`` BLAS threads in this process (a no-op without threadpoolctl)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn brings it
        return
    threadpool_limits(limits=n, user_api="blas")


# -- the attribute ruler, vectorised ----------------------------------------------------------------
# The model's attribute_ruler runs spaCy's Matcher over every token for its 179 patterns (a tag map plus
# word exceptions); that is about an eighth of parsing time once the matrix products are fast. The patterns
# look only at LOWER, TAG, DEP and IS_SPACE, so a token's single-token matches depend only on
# (which LOWER values it satisfies, TAG, DEP, IS_SPACE): computed once per distinct key, applied with numpy,
# with spaCy's precedence (later patterns win). Patterns of several tokens ("gon na") are checked over
# the token keys with numpy, and only the few tokens they match are recomputed one by one. Patterns using
# anything else keep spaCy's own component.

_FEATURES = ("LOWER", "TAG", "DEP", "IS_SPACE")
FAST_RULER = "fast_attribute_ruler"


def use_fast_ruler(nlp):
    """Run the model's ``attribute_ruler`` as a :class:`FastAttributeRuler` (added after it as
    ``fast_attribute_ruler``; spaCy's is disabled, not removed). Keeps spaCy's when a pattern is one the
    fast ruler cannot evaluate. Returns ``nlp``."""
    if "attribute_ruler" not in nlp.pipe_names or FAST_RULER in nlp.component_names:
        return nlp
    from spacy.language import Language

    if not Language.has_factory("annales_attribute_ruler"):
        Language.factory("annales_attribute_ruler", func=_make_fast_ruler)
    try:
        nlp.add_pipe("annales_attribute_ruler", name=FAST_RULER, after="attribute_ruler")
    except ValueError:  # a pattern it cannot evaluate: spaCy's component stays
        return nlp
    nlp.disable_pipe("attribute_ruler")
    return nlp


def _make_fast_ruler(nlp, name: str):
    return FastAttributeRuler(nlp.get_pipe("attribute_ruler"), name=name)


class _Unsupported(Exception):
    pass


class _Test:
    """A test on one string or bool value, from a Matcher token-spec value; ``accepts`` is the set of
    values it accepts when that set is finite (equality, IN), else None."""

    def __init__(self, spec):
        import re

        self.accepts = None
        if isinstance(spec, (str, bool)):
            self.accepts = frozenset([spec])
        elif isinstance(spec, dict) and len(spec) == 1 and next(iter(spec)) in ("IN", "NOT_IN", "REGEX"):
            (op, arg), = spec.items()
            if op == "IN":
                self.accepts = frozenset(arg)
            elif op == "NOT_IN":
                values = frozenset(arg)
                self._fn = lambda v: v not in values
            else:
                rx = re.compile(arg)
                self._fn = lambda v: isinstance(v, str) and bool(rx.search(v))
        else:
            raise _Unsupported(spec)

    def __call__(self, value) -> bool:
        return value in self.accepts if self.accepts is not None else self._fn(value)


class FastAttributeRuler:
    """The model's ``attribute_ruler`` applied with numpy: same patterns, same result (see above).

    ``FastAttributeRuler(ruler)(doc)``; raises ``ValueError`` when ``ruler`` has a pattern it cannot
    evaluate (:func:`use_fast_ruler` then keeps spaCy's component)."""

    def __init__(self, ruler, name: str = FAST_RULER):
        self.vocab = ruler.vocab
        self.name = name
        self.rules = []  # (attr index, [token tests], index of the token to set, attrs)
        for i, attrs in enumerate(ruler.attrs):
            for pattern in ruler.matcher.get(ruler.vocab.strings[str(i)])[1]:
                tests = []
                for spec in pattern:
                    if not spec or set(spec) - set(_FEATURES):
                        raise ValueError(f"attribute ruler pattern {pattern!r} uses {sorted(set(spec) - set(_FEATURES))}")
                    try:
                        tests.append({k: _Test(v) for k, v in spec.items()})
                    except _Unsupported as e:
                        raise ValueError(f"attribute ruler pattern value {e.args[0]!r} is not supported") from None
                index = ruler.indices[i]
                self.rules.append((i, tests, index if index >= 0 else len(tests) + index, attrs))
        # every (rule, position) test; the LOWER parts are evaluated once per distinct word
        self.tests = [(r, k) for r, (_, tests, _, _) in enumerate(self.rules) for k in range(len(tests))]
        self.test_id = {rk: j for j, rk in enumerate(self.tests)}
        # LOWER tests: a word -> test ids index for the finite ones, a scan for the others (REGEX, NOT_IN)
        self.lower_index: dict[str, set[int]] = {}
        self.lower_scan: list[tuple[int, _Test]] = []
        for j, (r, k) in enumerate(self.tests):
            test = self.rules[r][1][k].get("LOWER")
            if test is None:
                continue
            if test.accepts is not None:
                for word in test.accepts:
                    self.lower_index.setdefault(word, set()).add(j)
            else:
                self.lower_scan.append((j, test))
        self.single = [r for r, (_, tests, _, _) in enumerate(self.rules) if len(tests) == 1]
        self.multi = [r for r, (_, tests, _, _) in enumerate(self.rules) if len(tests) > 1]
        self.word_class: dict[int, int] = {}  # LOWER hash -> id of the set of LOWER tests it passes
        self.class_sets: dict[tuple, int] = {(): 0}
        self.class_list: list[frozenset] = [frozenset()]
        self.key_cache: dict[tuple, tuple] = {}

    def _class_of(self, lower_hash: int) -> int:
        cls = self.word_class.get(lower_hash)
        if cls is None:
            word = self.vocab.strings[lower_hash]
            passed = tuple(sorted(self.lower_index.get(word, set()) | {j for j, t in self.lower_scan if t(word)}))
            cls = self.class_sets.get(passed)
            if cls is None:
                cls = self.class_sets[passed] = len(self.class_list)
                self.class_list.append(frozenset(passed))
            self.word_class[lower_hash] = cls
        return cls

    def _evaluate(self, key: tuple) -> tuple:
        """(tests passed, {attr id: value} after the single-token rules) for one distinct token key."""
        cls, tag, dep, space = key
        strings = self.vocab.strings
        values = {"LOWER": None, "TAG": strings[tag] if tag else "", "DEP": strings[dep] if dep else "",
                  "IS_SPACE": bool(space)}
        lower_ok = self.class_list[cls]
        passed = set()
        for j, (r, k) in enumerate(self.tests):
            spec = self.rules[r][1][k]
            if all((j in lower_ok) if f == "LOWER" else test(values[f]) for f, test in spec.items()):
                passed.add(j)
        single = {}
        for r in self.single:
            if self.test_id[r, 0] in passed:
                single.update(self.rules[r][3])  # rules are in attribute-index order: later ones win
        return frozenset(passed), single

    def __call__(self, doc):
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

        n = len(doc)
        if n == 0:
            return doc
        cols = [POS, MORPH, LEMMA, TAG, DEP]
        arr = doc.to_array([LOWER, TAG, DEP, IS_SPACE] + cols)
        words, word_inv = np.unique(arr[:, 0], return_inverse=True)
        classes = np.fromiter((self._class_of(int(h)) for h in words), dtype=np.uint64, count=len(words))[word_inv]
        keys = np.column_stack([classes, arr[:, 1], arr[:, 2], arr[:, 3]])
        uniq, inv = np.unique(keys, axis=0, return_inverse=True)
        inv = inv.reshape(-1)
        results = []
        for row in uniq.tolist():
            key = tuple(row)
            res = self.key_cache.get(key)
            if res is None:
                res = self.key_cache[key] = self._evaluate(key)
            results.append(res)
        out = arr[:, 4:].copy()
        for c, attr in enumerate(cols):
            mask = np.fromiter((attr in single for _, single in results), dtype=bool, count=len(results))
            if mask.any():
                vals = np.fromiter((single.get(attr, 0) for _, single in results), dtype=np.uint64, count=len(results))
                out[:, c] = np.where(mask[inv], vals[inv], out[:, c])
        for i, target_attrs in self._multi_matches(results, inv, n).items():
            final = {}
            for _, attrs in sorted(target_attrs, key=lambda x: x[0]):
                final.update(attrs)
            for c, attr in enumerate(cols):
                if attr in final:
                    out[i, c] = final[attr]
        changed = [c for c in range(len(cols)) if not np.array_equal(out[:, c], arr[:, 4 + c])]
        if changed:
            doc.from_array([cols[c] for c in changed], np.ascontiguousarray(out[:, changed]))
        return doc

    def _multi_matches(self, results, inv, n) -> dict[int, list]:
        """token -> [(attr index, attrs)] of every rule matching it, for tokens a multi-token rule sets."""
        if not self.multi:
            return {}
        hits: dict[int, list] = {}
        for r in self.multi:
            idx, tests, target, attrs = self.rules[r]
            ok = None
            for k in range(len(tests)):
                j = self.test_id[r, k]
                passed = [j in p for p, _ in results]
                col = np.asarray(passed, dtype=bool)[inv]
                col = col[k:n - len(tests) + 1 + k] if n >= len(tests) else col[:0]
                ok = col if ok is None else ok & col
            for start in np.flatnonzero(ok).tolist():
                hits.setdefault(start + target, []).append((idx, attrs))
        if not hits:
            return {}
        for i in hits:  # the token's single-token rules take part in the precedence too
            p, _ = results[inv[i]]
            hits[i] += [(self.rules[r][0], self.rules[r][3]) for r in self.single if self.test_id[r, 0] in p]
        return hits

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


# -- the lemmatizer, cached --------------------------------------------------------------------------
# spaCy's rule lemmatizer runs Python per token (its own cache skips only part of the work, and nothing
# for base forms), and looks each candidate form up in a word list by a linear scan (57,000 nouns). Its
# lemma is a function of the token's (ORTH, POS, MORPH) alone (the word, its part-of-speech's rules,
# exceptions and index, and the morphology is_base_form reads), so it is computed once per distinct
# key, by spaCy's steps with the word lists as sets, and written back with numpy.

FAST_LEMMATIZER = "fast_lemmatizer"


def use_fast_lemmatizer(nlp):
    """Run the model's rule ``lemmatizer`` as a :class:`FastLemmatizer` (added after it as
    ``fast_lemmatizer``; spaCy's is disabled, not removed). Keeps spaCy's for any other mode. Returns
    ``nlp``."""
    if "lemmatizer" not in nlp.pipe_names or FAST_LEMMATIZER in nlp.component_names:
        return nlp
    if getattr(nlp.get_pipe("lemmatizer"), "mode", None) != "rule":
        return nlp
    from spacy.language import Language

    if not Language.has_factory("annales_lemmatizer"):
        Language.factory("annales_lemmatizer", func=_make_fast_lemmatizer)
    nlp.add_pipe("annales_lemmatizer", name=FAST_LEMMATIZER, after="lemmatizer")
    nlp.disable_pipe("lemmatizer")
    return nlp


def _make_fast_lemmatizer(nlp, name: str):
    return FastLemmatizer(nlp.get_pipe("lemmatizer"), name=name)


class FastLemmatizer:
    """spaCy's rule lemmatizer with a cache per (ORTH, POS, MORPH): same lemmas (see above).

    ``FastLemmatizer(lemmatizer)(doc)``: like spaCy's, it sets only tokens without a lemma unless the
    lemmatizer overwrites."""

    def __init__(self, lemmatizer, name: str = FAST_LEMMATIZER):
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.name = name
        self.cache: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash
        self._tables: dict[str, tuple] = {}  # part of speech -> (has tables, index set, exceptions, rules)

    def __call__(self, doc):
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if len(doc) == 0:
            return doc
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = np.arange(len(doc)) if self.lemmatizer.overwrite else np.flatnonzero(arr[:, 3] == 0)
        if len(todo) == 0:
            return doc
        cache, strings = self.cache, self.vocab.strings
        lemmas = arr[:, 3].copy()
        for i, orth, pos, morph in zip(todo.tolist(), arr[todo, 0].tolist(), arr[todo, 1].tolist(),
                                       arr[todo, 2].tolist()):
            key = (orth, pos, morph)
            lemma = cache.get(key)
            if lemma is None:
                lemma = cache[key] = strings.add(self.lemma(doc[i]))
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def lemma(self, token) -> str:
        """``lemmatizer.rule_lemmatize(token)[0]``, by the same steps."""
        lem = self.lemmatizer
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return lem.lemmatize(token)[0]  # spaCy's own (it warns when there is no tag)
        string = token.text
        if lem.is_base_form(token):
            return string.lower()
        tables = self._tables.get(univ_pos)
        if tables is None:
            index = lem.lookups.get_table("lemma_index", {}).get(univ_pos)
            exceptions = lem.lookups.get_table("lemma_exc", {}).get(univ_pos)
            rules = lem.lookups.get_table("lemma_rules", {}).get(univ_pos)
            tables = self._tables[univ_pos] = (any((index, exceptions, rules)), frozenset(index or ()),
                                               exceptions or {}, rules or [])
        known, index, exceptions, rules = tables
        if not known:
            return string if univ_pos == "propn" else string.lower()
        orig, string = string, string.lower()
        forms, oov_forms = [], []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))  # the first of each, in order
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [orig])[0]

    def pipe(self, docs, batch_size: int = 128):
        for doc in docs:
            yield self(doc)


# -- a parsed doc's tokens as plain lists ------------------------------------------------------------
# The coder's scans over every token (place names, people, pronouns, verbs and nouns) read one or two
# string attributes per token, several times per doc; reading each column once, as a list, is cheaper
# than a spaCy ``Token`` object per token and attribute, and ``doc.ents`` / ``doc.text`` are rebuilt by
# spaCy on every read.


class _Column:
    """A :class:`Tokens` column: the strings of one spaCy attribute, read on first use and kept."""

    def __init__(self, attr: str):
        self.attr = attr

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, table, owner=None):
        if table is None:
            return self
        from spacy.attrs import IDS

        value = table.__dict__[self.name] = table._strings(IDS[self.attr])  # later reads skip __get__
        return value


class Tokens:
    """A doc's token attributes as Python lists, each column read with one ``doc.to_array`` on first
    use: the strings spaCy's ``Token`` attributes give (``text``, ``lower`` (``lower_``), ``lemma``
    (``lemma_``), ``ent`` (``ent_type_``), ``pos`` (``pos_``), ``tag`` (``tag_``), ``dep`` (``dep_``)),
    ``space`` (``bool(whitespace_)``), the entities (``ents``) and the sentences (``sent_starts``, as
    ``doc.sents`` gives them). Valid while the doc is not changed (a column read before the doc changes
    keeps the old values); :func:`tokens` caches one per doc."""

    def __init__(self, doc):
        self.doc = doc

    def _strings(self, attr) -> list[str]:
        strings = self.doc.vocab.strings
        return [strings[h] if h else "" for h in self.doc.to_array([attr]).tolist()]

    def _ints(self, attr) -> list[int]:
        return self.doc.to_array([attr]).tolist()

    text = _Column("ORTH")
    lower = _Column("LOWER")
    lemma = _Column("LEMMA")
    ent = _Column("ENT_TYPE")
    pos = _Column("POS")
    tag = _Column("TAG")
    dep = _Column("DEP")

    @cached_property
    def space(self) -> list[bool]:
        from spacy.attrs import SPACY
        return [bool(v) for v in self._ints(SPACY)]

    @cached_property
    def ents(self) -> tuple:
        """``doc.ents`` (spaCy makes new spans on every read)."""
        return self.doc.ents

    @cached_property
    def sent_starts(self) -> list[int]:
        return [s.start for s in self.doc.sents]

    def sentence_of(self, i: int) -> int:
        """The number of the sentence token ``i`` is in (its index in ``doc.sents``)."""
        return bisect_right(self.sent_starts, i) - 1

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``end > start``)."""
        text, space = self.text, self.space  # (doc.text joins every token of the doc on each read)
        return "".join([text[k] + " " if space[k] else text[k] for k in range(start, end - 1)]) + text[end - 1]


def tokens(doc) -> Tokens:
    """``doc``'s :class:`Tokens`, made once per doc (kept in ``doc.user_data``)."""
    table = doc.user_data.get("annales.tokens")
    if table is None:
        table = doc.user_data["annales.tokens"] = Tokens(doc)
    return table

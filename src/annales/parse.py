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

``[speed] fast_ruler`` runs the model's attribute ruler vectorised (:class:`FastAttributeRuler`), with
the same annotations. :func:`prepare` applies both; :class:`annales.pipeline.Pipeline` calls it.
"""

from __future__ import annotations

import numpy as np

from .errors import ConfigError, ModelError

__all__ = ["BLAS_CHOICES", "FastAttributeRuler", "load_model", "prepare", "use_blas", "use_fast_ruler",
           "limit_blas_threads"]

BLAS_CHOICES = ("numpy", "blis")


def load_model(name: str):
    """The installed spaCy pipeline ``name`` as spaCy loads it (:func:`prepare` makes it cheap)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        raise ModelError("E011", name=name) from None


def prepare(nlp, blas: str = "numpy", fast_ruler: bool = True):
    """Make ``nlp`` cheap to run, keeping its output: :func:`use_blas` and :func:`use_fast_ruler`."""
    use_blas(nlp, blas)
    if fast_ruler:
        use_fast_ruler(nlp)
    return nlp


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

"""Phoenix / PETRARCH-2 dictionaries at run time: actors, agents and (best effort) verbs.

Nothing from those dictionaries ships with annales; users point the CLI at their own files
(``--actors``, ``--agents``, ``--verbs``). Formats, as PETRARCH-2 reads them:

- actors: ``NAME [CODE]`` with ``+SYNONYM`` lines; codes may follow on indented lines and may be
  date-restricted: ``[CODE <D]``, ``[CODE >D]``, ``[CODE D1-D2]`` (D as YYYYMMDD, or YYMMDD with
  00-30 read as 20YY), the first matching range winning and an undated code as the default.
- agents: ``TERM {PLURALS} [~SEC]``; ``{}`` means no plural, no braces a regular one; ``~SEC`` is a
  sector suffix (``NGO~`` prefix codes are kept as sectors); ``!X! = A, B`` defines substitutions.
- verbs: ``--- NAME [CODE] ---`` blocks of verbs sharing ``- ... * ... [CODE]`` patterns and
  ``&SYNSET`` word sets.

Everywhere ``_`` joins words, ``#`` starts a comment and lines starting with ``<`` are skipped.
User entries are put before built-in ones, so they win where both know a term.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from .errors import ConfigError
from .kb import NON_COUNTRY_PREFIXES, Entry, KnowledgeBase
from .lexicon import PREPOSITIONS, Lexicon, Pattern, default_lexicon, parse_pattern

_CODE_BLOCK = re.compile(r"\[\s*([^\]\s]*)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*\]")
_NULL_CODES = frozenset({"", "---", "+++", "###"})
_SIMPLE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.]*")


@dataclass
class LoadStats:
    """What one load did: entries and terms added, lines or patterns skipped by reason."""

    entries: int = 0
    terms: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str, n: int = 1) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + n


# -- shared helpers ------------------------------------------------------------------------------
def parse_date(s: str) -> date:
    """``YYYYMMDD``, or ``YYMMDD`` with YY 00-30 read as 20YY and 31-99 as 19YY (KEDS/TABARI rule)."""
    if len(s) == 8:
        return date(int(s[:4]), int(s[4:6]), int(s[6:]))
    if len(s) == 6:
        yy = int(s[:2])
        return date((2000 if yy <= 30 else 1900) + yy, int(s[2:4]), int(s[4:]))
    raise ValueError(f"bad date {s!r}")


def parse_codes(text: str) -> list[tuple[date | None, date | None, str]]:
    """``[CODE ...]`` blocks -> (start, end, code), bounds inclusive; raises ValueError on bad dates."""
    out = []
    for m in _CODE_BLOCK.finditer(text):
        code, op, d, d1, d2 = m.groups()
        code = code.upper()
        if op == "<":
            out.append((None, parse_date(d) - timedelta(days=1), code))
        elif op == ">":
            out.append((parse_date(d), None, code))
        elif d1:
            out.append((parse_date(d1), parse_date(d2), code))
        else:
            out.append((None, None, code))
    return out


def _lines(path):
    """(line number, text without comment) of the non-blank, non-``<`` lines of a dictionary."""
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for n, raw in enumerate(fh, 1):
                if raw.lstrip().startswith("<"):
                    continue
                line = raw.split("#", 1)[0].rstrip()
                if line.strip():
                    yield n, line
    except OSError as exc:
        raise ConfigError("E013", path=str(path), line=0, reason=exc.strerror or str(exc)) from None


def _words(name: str) -> list[str]:
    return name.replace("_", " ").split()


def display_name(name: str) -> str:
    """``BARACK_OBAMA_`` -> ``Barack Obama``."""
    return " ".join(w.capitalize() if w.isupper() else w for w in _words(name))


def surface_forms(name: str) -> list[str]:
    """How a dictionary name is matched. One plain word -> its Title and UPPER forms, matched
    case-sensitively ("Valdoria", "IMF": keeps "us", "nice", "turkey" out); several words or words
    with hyphens -> lower case, matched case-insensitively ("barack obama", "al-qaeda")."""
    words = _words(name)
    if not words:
        return []
    if len(words) == 1 and _SIMPLE_WORD.fullmatch(words[0]):
        w = words[0]
        return list(dict.fromkeys([w.upper(), w.capitalize() if w.isupper() else w]))
    return [" ".join(words).lower()]


def _put(kb: KnowledgeBase, term: str, entry: Entry) -> bool:
    """Add ``entry`` first under ``term`` (user dictionaries override built-in knowledge)."""
    term = " ".join(term.split())
    if not term:
        return False
    entries = kb.terms.setdefault(term, [])
    if entry in entries:
        return False
    entries.insert(0, entry)
    return True


def code_entry(name: str, code: str) -> Entry:
    """An undated actor code as a knowledge-base entry: ``AFG`` country, ``IGOUNO`` organisation,
    ``USAGOV`` / ``PSEHMSGOV`` a person or body with a country and sector."""
    if code[:3] in NON_COUNTRY_PREFIXES or not code[:3].isalpha():
        return Entry("org", name, code=code)
    if len(code) == 3:
        return Entry("country", name, country=code)
    return Entry("person", name, country=code[:3], sector=code[3:], code=code)


# -- actors --------------------------------------------------------------------------------------
def load_actors(path, kb: KnowledgeBase, stats: LoadStats | None = None) -> int:
    """Add the actors of a PETRARCH ``.actors`` file to ``kb``; returns the number of entries added.
    Entries with date-restricted codes become ``kind="person"`` entries with ``dated`` ranges."""
    stats = stats if stats is not None else LoadStats()
    names: list[str] = []
    codes: list[tuple] = []

    def flush():
        if not names:
            return
        real = [c for c in codes if c[2] not in _NULL_CODES]
        if not real:
            stats.skip("no code" if not codes else "null code")
        else:
            if any("/" in c[2] for c in real):
                stats.skip("compound code: first actor kept")
            cs = [(s, e, c.split("/")[0]) for s, e, c in codes]
            undated = next((c for s, e, c in cs if s is None and e is None), None)
            dated = tuple(c for c in cs if c[0] is not None or c[1] is not None)
            name = display_name(names[0])
            if dated:
                entry = Entry("person", name, code=None if undated in _NULL_CODES else undated, dated=dated)
            elif undated in _NULL_CODES:  # only "[---]" plus compound etc.
                stats.skip("null code")
                entry = None
            else:
                entry = code_entry(name, undated)
            if entry is not None:
                stats.entries += 1
                stats.terms += sum(_put(kb, t, entry) for n in names for t in surface_forms(n))
        names.clear()
        codes.clear()

    for lineno, line in _lines(path):
        head = line.split("[", 1)[0].strip()
        try:
            found = parse_codes(line)
        except ValueError:
            stats.skip("bad date in code")
            found = [c for c in _safe_codes(line)]
        s = line.strip()
        if s.startswith("+"):
            names.append(head[1:].strip())
            codes.extend(found)
        elif s.startswith("[") or (line[0].isspace() and found):
            codes.extend(found)  # code lines of the current entry
        else:
            flush()
            names.append(head)
            codes.extend(found)
    flush()
    return stats.entries


def _safe_codes(line: str):
    """The code blocks of ``line`` that parse, one by one."""
    for m in _CODE_BLOCK.finditer(line):
        try:
            yield from parse_codes(m.group(0))
        except ValueError:
            continue


# -- agents --------------------------------------------------------------------------------------
def plural(term: str) -> str:
    """Regular English plural of a term's last word."""
    head, _, last = term.rpartition(" ")
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def load_agents(path, kb: KnowledgeBase, stats: LoadStats | None = None) -> int:
    """Add the agents of a PETRARCH ``.agents`` file as ``Entry(kind="agent", sector=...)`` matched
    case-insensitively, with their plurals; returns the number of agent lines loaded."""
    stats = stats if stats is not None else LoadStats()
    subs: dict[str, list[str]] = {}
    for lineno, line in _lines(path):
        line = line.strip()
        m = re.fullmatch(r"(![A-Z0-9_]+!)\s*=\s*(.+)", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.fullmatch(r"([^{\[]+?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]]*?)\s*\]\s*", line)
        if not m:
            stats.skip("unparsed line")
            continue
        term, plurals, code = m.groups()
        sector = code.replace("~", "").strip().upper()
        if "~" not in code or not sector.isalnum():
            stats.skip("code without ~")
            continue
        marks = re.findall(r"![A-Z0-9_]+!", term)
        if any(k not in subs for k in marks):
            stats.skip("unknown substitution")
            continue
        forms = [term]
        for k in dict.fromkeys(marks):
            forms = [f.replace(k, alt) for f in forms for alt in subs[k]]
        forms = [" ".join(_words(f)).lower() for f in forms]
        if plurals is not None:
            forms += [" ".join(_words(p)).lower() for p in plurals.split()]
        elif not marks:
            forms.append(plural(forms[0]))
        stats.entries += 1
        for f in forms:
            stats.terms += _put(kb, f, Entry("agent", f, sector=sector))
    return stats.entries


# -- verbs ---------------------------------------------------------------------------------------
def _synsets(lines: list[tuple[int, str]]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for _, line in lines:
        s = line.strip()
        if s.startswith("&"):
            current = sets.setdefault(s.split()[0].rstrip("_").upper(), [])
        elif s.startswith("+") and current is not None:
            current.append(" ".join(_words(s[1:])).lower())
        else:
            current = None
    return sets


def _expand(words: list[str], sets: dict[str, list[str]], depth: int = 0) -> list[list[str]] | None:
    """All word lists a pattern's words stand for, synsets expanded (None: unknown synset)."""
    options = []
    for w in words:
        if w.startswith("&"):
            members = sets.get(w.rstrip("_").upper())
            if members is None or depth > 3:
                return None
            alts = []
            for m in members:
                sub = _expand(m.split(), sets, depth + 1)
                if sub is None:
                    return None
                alts.extend(" ".join(x) for x in sub)
            options.append(alts)
        else:
            options.append([w.lower()])
    return [" ".join(c).split() for c in itertools.product(*options)]




def load_verbs(path, stats: LoadStats | None = None, max_expansions: int = 64) -> list[Pattern]:
    """Best effort: a PETRARCH verb dictionary as annales verb patterns. Every verb gets its block's
    (or its own) code; ``- * WORDS [CODE]`` patterns become ``verb words`` (a bare ``(PREP)`` at the
    end: ``verb ... prep *``), synsets expanded. Skipped and counted: words before the verb, ``% $ ^ +``
    markers, codes the ontology does not know, ``[---]``."""
    stats = stats if stats is not None else LoadStats()
    lines = list(_lines(path))
    sets = _synsets(lines)
    out: dict[tuple, Pattern] = {}
    verbs: list[tuple[str, list[str]]] = []  # (trigger, words after it) of the current block
    block_code = None

    def add(code: str, trigger: str, words: list[str], target_prep: str | None = None):
        forward, _, reverse = code.partition(":")
        if forward in _NULL_CODES and reverse in ("", *_NULL_CODES) or not (forward + reverse).isdigit():
            stats.skip("null or unknown code")
            return
        code = (forward if forward not in _NULL_CODES else "") + (":" + reverse if reverse not in ("", *_NULL_CODES) else "")
        text = " ".join([trigger, *words] + ([target_prep, "*"] if target_prep else []))
        try:
            p = parse_pattern(code, text, "verb")
        except ValueError:
            stats.skip("unparsed pattern")
            return
        if (p.trigger, p.words, p.target) not in out:
            out[(p.trigger, p.words, p.target)] = p
            stats.terms += 1

    for _, line in lines:
        s = line.strip()
        m = re.fullmatch(r"---+\s*(\S+)\s*\[([^\]]*)\]\s*---+", s)
        if m:
            verbs, block_code = [], m.group(2).strip()
            continue
        if block_code is None or s.startswith("&"):
            continue
        if s.startswith("-"):
            m = re.fullmatch(r"-\s*(.*?)\s*\[([^\]]*)\]\s*", s)
            if not m:
                stats.skip("unparsed pattern")
                continue
            body, code = m.group(1).replace("_", " "), m.group(2).strip()
            if re.search(r"[%$^+]", body) or "*" not in body:
                stats.skip("markers % $ ^ +")
                continue
            pre, _, post = body.partition("*")
            if pre.strip():
                stats.skip("words before the verb")
                continue
            target_prep = None
            bare = re.search(r"\(\s*([A-Za-z]+)\s*\)\s*$", post)
            if bare and bare.group(1).lower() in PREPOSITIONS:
                target_prep, post = bare.group(1).lower(), post[:bare.start()]
            words = re.sub(r"[(){}]", " ", post).split()
            expanded = _expand(words, sets)
            if expanded is None:
                stats.skip("unknown synset")
                continue
            if len(expanded) > max_expansions:
                stats.skip("too many synset expansions")
                expanded = expanded[:max_expansions]
            for trigger, vwords in verbs:
                for ws in expanded:
                    add(code, trigger, vwords + ws, target_prep)
            stats.entries += 1
            continue
        # a verb line: VERB {FORMS} [CODE], or +MULTI_WORD {FORMS} [CODE], or PRE_+VERB [CODE]
        m = re.fullmatch(r"([^{\[]+?)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?\s*", s)
        if not m:
            stats.skip("unparsed verb line")
            continue
        words = _words(m.group(1).replace("+", " +").strip())
        plus = [i for i, w in enumerate(words) if w.startswith("+")]
        vi = plus[0] if plus else 0
        if vi > 0:
            stats.skip("words before the verb")
            continue
        trigger, rest = words[vi].lstrip("+").lower(), [w.lower() for w in words[vi + 1:]]
        verbs.append((trigger, rest))
        add((m.group(2) or block_code).strip(), trigger, rest)
    return list(out.values())


def load_all(kb: KnowledgeBase, actors=(), agents=()) -> dict[str, LoadStats]:
    """Load several actor and agent files into ``kb``; stats by file name."""
    report = {}
    for paths, loader in ((actors, load_actors), (agents, load_agents)):
        for p in paths:
            st = LoadStats()
            loader(p, kb, st)
            report[str(Path(p))] = st
    return report


def layered_lexicon(patterns: list[Pattern], base: Lexicon | None = None) -> Lexicon:
    """``base`` (the built-in lexicon) with ``patterns`` layered on top: a verb the user dictionary
    defines keeps only the user's patterns; other verbs and all nouns keep the built-in ones."""
    base = base or default_lexicon()
    mine = {p.trigger for p in patterns}
    verbs = list(patterns) + [p for t, ps in base.verbs.items() if t not in mine for p in ps]
    return Lexicon(verbs, [p for ps in base.nouns.values() for p in ps])


def with_dictionaries(settings: dict | None = None, actors=(), agents=(), verbs=(), nlp=None):
    """A :class:`~annales.pipeline.Pipeline` whose knowledge is the built-in one with these dictionary
    files layered over it (``nlp``: reuse an already loaded model)."""
    from .pipeline import Pipeline

    kb = KnowledgeBase().load_builtin()
    load_all(kb, actors, agents)
    user = [p for path in verbs for p in load_verbs(path)]
    return Pipeline(settings, nlp=nlp, kb=kb, lexicon=layered_lexicon(user) if user else None)


def folder_dictionaries(folder: str | Path) -> dict[str, list[Path]]:
    """The actors, agents and verbs files of a PETRARCH dictionary folder, by their names."""
    files = sorted(Path(folder).glob("*.txt"))
    return {kind: [f for f in files if kind in f.name.lower()] for kind in ("actors", "agents", "verbs")}


def petrarch_pipeline(folder: str | Path, base=None):
    """The pipeline with every dictionary of ``folder`` loaded (sharing ``base``'s model if given)."""
    found = folder_dictionaries(folder)
    return with_dictionaries(base.settings if base else None, nlp=base.nlp if base else None, **found)

"""Phoenix / PETRARCH-2 dictionaries at run time: actors, agents and (best effort) verbs.

Nothing from those dictionaries ships with annales; users point the CLI at their own files
(``--actors``, ``--agents``, ``--verbs``). Formats, as PETRARCH-2 reads them:

- actors: ``NAME [CODE]`` with ``+SYNONYM`` lines; codes may follow on indented lines and may be
  date-restricted: ``[CODE <D]``, ``[CODE >D]``, ``[CODE D1-D2]`` (D as YYYYMMDD, or YYMMDD with
  00-30 read as 20YY), the first matching range winning and an undated code as the default.
- agents: ``TERM {PLURALS} [~SEC]``; ``{}`` means no plural, no braces a regular one; ``~SEC`` is a
  sector suffix, ``PRE~`` a prefix written before the country (``NGO~``: "MSF Arnor" is NGOARN);
  ``!X! = A, B`` defines substitutions.
- verbs (:mod:`annales.petrarch_verbs`): ``--- NAME [CODE] ---`` blocks of verbs sharing
  ``- ... * ... [CODE]`` patterns and ``&SYNSET`` word sets; a pattern's ``(PREP WORDS)`` and
  ``{WORDS}`` groups, and its words joined by ``_``, are phrases (its ``Pattern.text`` keeps them,
  synsets expanded; see :func:`phrases_present`).

Everywhere ``_`` joins words, ``#`` starts a comment, and lines starting with ``<`` and XML comments
are skipped (:mod:`annales.petrarch_read`).
User entries are put before built-in ones, so they win where both know a term.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from .kb import NON_COUNTRY_PREFIXES, Entry, KnowledgeBase
from .lexicon import Discards, Lexicon, Pattern, default_lexicon
from .petrarch_read import LoadStats, _lines, _lines_keep_hash, _words
from .petrarch_verbs import load_verbs, phrases, phrases_present  # noqa: F401 (phrases*: re-exported)

_CODE_BLOCK = re.compile(r"\[\s*([^\]\s]*)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*\]")
# actor codes that code nothing: PETRARCH-2 keeps "+++" and "###" as actors' codes ("NASGUL [+++]")
_NULL_ACTOR_CODES = frozenset({"", "---"})
_SIMPLE_WORD = re.compile(r"[A-Za-z][A-Za-z0-9.]*")


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
    Entries with date-restricted codes become ``kind="person"`` entries with ``dated`` ranges. Names on
    consecutive lines with no code on them share the code lines that follow ("IVO_JOSIPOVIC_" then
    "PRESIDENT_JOSIPOVIC_" then their indented codes, as CountryInfo-made files list aliases)."""
    stats = stats if stats is not None else LoadStats()
    names: list[str] = []
    codes: list[tuple] = []

    def flush():
        if not names:
            return
        stats.at = start
        real = [c for c in codes if c[2] not in _NULL_ACTOR_CODES]
        if not real:
            stats.skip("no code" if not codes else "null code")
        else:
            if any("/" in c[2] for c in real):
                stats.skip("compound code: kept as written")
            cs = list(codes)
            undated = next((c for s, e, c in cs if s is None and e is None), None)
            dated = tuple(c for c in cs if c[0] is not None or c[1] is not None)
            name = display_name(names[0])
            if dated:
                entry = Entry("person", name, code=None if undated in _NULL_ACTOR_CODES else undated, dated=dated)
            elif undated in _NULL_ACTOR_CODES:  # only "[---]" plus compound etc.
                stats.skip("null code")
                entry = None
            else:
                entry = code_entry(name, undated)
            if entry is not None:
                stats.entries += 1
                stats.terms += sum(_put(kb, t, entry) for n in names for t in surface_forms(n))
        names.clear()
        codes.clear()

    start = None  # the first line of the entry being read
    last = -1  # the line number of the last name line

    for lineno, line in _lines(path):
        head = line.split("[", 1)[0].strip()
        stats.at = (lineno, line)
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
        elif names and not codes and not found and lineno == last + 1:
            names.append(head)  # an alias on the next line, before the entry's codes
            codes.extend(found)
        else:
            flush()
            start = stats.at = (lineno, line)
            names.append(head)
            codes.extend(found)
        if not s.startswith("["):
            last = lineno
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
        stats.at = (lineno, line)
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
        # "NGO~": a prefix, written before the country ("MSF Arnor" NGOARN); "~GOV": a sector after it
        prefix = sector if code.strip().endswith("~") else None
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
            entry = Entry("agent", f, code=prefix) if prefix else Entry("agent", f, sector=sector)
            stats.terms += _put(kb, f, entry)
    return stats.entries


# -- negation ------------------------------------------------------------------------------------
# PETRARCH-2 codes a negated act by its internal ontology: the negation of a code is the code whose
# value is the act's minus 0xFFFF ("not disapprove" 110 -> 050 cooperate, "not reject" is no event,
# "not make a statement" 010 -> 011 decline comment); a code whose negation is nothing codes nothing.
DEFAULT_NEGATIONS = {"010": "011", "015": "016", "110": "050", "170": "057", "060": "121", "061": "1211",
                     "062": "1212", "08": "124", "080": "124", "081": "1241", "082": "1242", "0841": "1242", "0842": "1242",
                     "085": "1244", "086": "1245", "087": "1246"}


def _hex_sum(expr: str) -> int | None:
    """``0x1007f``, ``-0xFFFF+0x0070``: the value of an ontology entry (None if unparsable)."""
    terms = re.findall(r"([+-]?)\s*0x([0-9A-Fa-f]+)", expr)
    if not terms or re.sub(r"[+-]?\s*0x[0-9A-Fa-f]+|\s", "", expr):
        return None
    return sum((-1 if sign == "-" else 1) * int(h, 16) for sign, h in terms)


def load_negations(paths, stats: LoadStats | None = None) -> dict[str, str]:
    """The negation table of PETRARCH internal coding ontology files (``CODE:0xVALUE#comment``)."""
    stats = stats if stats is not None else LoadStats()
    value_of: dict[str, int] = {}
    code_of: dict[int, str] = {}
    for path in ([paths] if isinstance(paths, (str, Path)) else paths):
        for _, raw in _lines_keep_hash(path):
            m = re.fullmatch(r"\s*([0-9]{2,4}):([^#]*)(?:#.*)?", raw)
            if not m:
                continue
            v = _hex_sum(m.group(2))
            if v is None:
                stats.skip("unparsed value")
                continue
            value_of[m.group(1)] = v
            code_of.setdefault(v, m.group(1))
            stats.entries += 1
    return {c: code_of[v - 0xFFFF] for c, v in value_of.items() if v - 0xFFFF in code_of}


# -- discards ------------------------------------------------------------------------------------
def load_discards(paths, stats: LoadStats | None = None) -> Discards:
    """PETRARCH discards files: one phrase a line (``_`` or spaces between words); ``+PHRASE`` voids
    the whole story, ``PHRASE`` the sentence it is in."""
    stats = stats if stats is not None else LoadStats()
    story, sentence = [], []
    for path in ([paths] if isinstance(paths, (str, Path)) else paths):
        for _, line in _lines(path):
            s = line.strip()
            (story if s.startswith("+") else sentence).append(" ".join(_words(s.lstrip("+"))))
            stats.entries += 1
    return Discards(sentence=Discards.compile(sentence), story=Discards.compile(story))


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
    defines keeps only the user's patterns; other verbs and all nouns keep the built-in ones, with the
    built-in rows that code nothing ("fight disease") beside them."""
    base = base or default_lexicon()
    mine = {p.trigger for p in patterns}
    verbs = list(patterns) + [p for t, ps in base.verbs.items() if t not in mine for p in ps]
    verbs += [p for t, ps in base.voids["verb"].items() if t not in mine for p in ps]
    nouns = [p for ps in base.nouns.values() for p in ps] + [p for ps in base.voids["noun"].values() for p in ps]
    undo = {v: rules for v, rules in base.undo.items() if v.split()[0] not in mine}  # acts undone, but for their verbs
    return Lexicon(verbs, nouns, undo=undo)


class DictionaryKnowledgeBase(KnowledgeBase):
    """A knowledge base holding only what user dictionaries define: no built-in countries, agents or
    office-holders (``people = False``: the actor finder does not look names up in ``leaders.tsv``)."""

    people = False
    compounds = True  # PETRARCH's compound actors (annales.actors: listed actors, shared countries)


def with_dictionaries(settings: dict | None = None, actors=(), agents=(), verbs=(), nlp=None,
                      builtin: bool | None = None, discards=(), ontology=()):
    """A :class:`~annales.pipeline.Pipeline` coding with these dictionary files (``nlp``: reuse an
    already loaded model).

    ``builtin``: whether the built-in knowledge stays underneath. By default a complete PETRARCH set
    (actors, agents and verbs all given) replaces it, as PETRARCH codes with its dictionaries alone:
    then only the dictionaries' actors and agents are actors, only their verbs are triggers, and nobody
    is found through the built-in list of office-holders; a partial set (say ``--actors`` alone) is
    layered over the built-in knowledge, its entries winning where both know a term."""
    from .pipeline import Pipeline

    if builtin is None:
        builtin = not (actors and agents and verbs)
    kb = KnowledgeBase().load_builtin() if builtin else DictionaryKnowledgeBase()
    load_all(kb, actors, agents)
    user = [p for path in verbs for p in load_verbs(path)]
    if builtin:
        lexicon = layered_lexicon(user) if user else None
    else:
        lexicon = Lexicon(user, [])
    if discards and lexicon is None:
        lexicon = layered_lexicon([])
    if lexicon is not None:
        if discards:
            lexicon.discards = load_discards(discards)
        if user:  # how the verbs dictionary's negated codes read
            lexicon.negations = (load_negations(ontology) if ontology else None) or dict(DEFAULT_NEGATIONS)
    return Pipeline(settings, nlp=nlp, kb=kb, lexicon=lexicon)


def folder_dictionaries(folder: str | Path) -> dict[str, list[Path]]:
    """The actors, agents, verbs, discards and (internal coding) ontology files of a PETRARCH dictionary
    folder, by their names."""
    files = sorted(Path(folder).glob("*.txt"))
    found = {kind: [f for f in files if kind in f.name.lower()] for kind in ("actors", "agents", "verbs", "discards")}
    found["ontology"] = [f for f in files if "ontology" in f.name.lower()]
    return found


def petrarch_pipeline(folder: str | Path, base=None):
    """The pipeline with every dictionary of ``folder`` loaded (sharing ``base``'s model if given)."""
    found = folder_dictionaries(folder)
    return with_dictionaries(base.settings if base else None, nlp=base.nlp if base else None, **found)

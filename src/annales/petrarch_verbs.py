"""PETRARCH verb dictionaries as annales verb patterns (see :func:`load_verbs`)."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

from .lexicon import PREPOSITIONS, Pattern, parse_pattern
from .petrarch_read import LoadStats, _lines, _words

_NULL_CODES = frozenset({"", "---", "+++", "###"})  # verb codes that code nothing


def _synsets(lines: list[tuple[int, str]], stats: LoadStats | None = None) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    current = None
    for n, line in lines:
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


def _verb_words(text: str):
    """``+CORDON_OFF`` / ``TAP`` / ``WIRE_+TAP`` -> (verb, the words after it, the words before it): the verb
    is the word marked ``+`` (else the first); the words before it are read right before it in the text
    ("wire tapped"), those after it among its dependents ("cordoned the area off")."""
    words = _words(text.replace("+", " +").strip())
    if not words:
        return None
    plus = [i for i, w in enumerate(words) if w.startswith("+")]
    vi = plus[0] if plus else 0
    verb = words[vi].lstrip("+").lower()
    if not verb:
        return None
    return verb, [w.lstrip("+").lower() for w in words[vi + 1:]], tuple(w.lstrip("+").lower() for w in words[:vi])


_JOINED = re.compile(r"[^\s_(){}%$^+*]+(?:_[^\s_(){}%$^+*]+)+")


def _joined(body: str) -> str:
    """``NEW_&TIETYPES_RELATIONS`` -> ``(NEW &TIETYPES RELATIONS)``: words joined by ``_`` are consecutive
    (TABARI's connector), so they are kept as a phrase."""
    return _JOINED.sub(lambda m: "(" + m.group(0).replace("_", " ") + ")", body)


def regular_forms(verb: str) -> list[str]:
    """The forms PETRARCH makes of a verb listed without its forms: -s, -ed, -ing ("defie": "defies",
    "defied", "defieing"; "fix": "fixes"), and the English spellings of those its rule misses ("ratify":
    "ratified"; "die": "dying"; "ban": "banned", "banning")."""
    if verb[-1:] in ("s", "x", "z"):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2:-1] not in tuple("aeiou"):
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    past = verb + "d" if verb.endswith("e") else verb + "ed"
    ing = verb[:-1] + "ing" if verb.endswith("e") and verb[-2:-1] not in tuple("aeiou") else verb + "ing"
    # and the English spellings PETRARCH's rule misses: "ratified", "dying", "banned", "stopping"
    english = []
    if re.search(r"[^aeiou]y$", verb):
        english.append(verb[:-1] + "ied")
    elif verb.endswith("ie"):
        english.append(verb[:-2] + "ying")
    elif re.fullmatch(r"[^aeiou]*[aeiou][^aeiouwxy]", verb):  # one syllable ending consonant-vowel-consonant
        english += [verb + verb[-1] + "ed", verb + verb[-1] + "ing"]
    return [third, past, ing] + english


def _pattern_parts(body: str, sets: dict, stats: LoadStats, max_expansions: int):
    """A pattern's ``PRE * POST`` as [(words before the verb, words after it, target preposition,
    other Pattern fields)], synsets expanded; None (and counted) when it cannot be used.

    ``{...}`` and ``(...)`` only group words. ``(PREP)`` alone, or ``PREP +``: the target is that
    preposition's object; ``+`` before the verb: the target is the subject; ``PREP $``: the source is
    that preposition's object, ``$`` elsewhere after the verb: the first actor after it; ``%``: the
    coordinated subjects act on each other, but ``PREP %`` is ``PREP +``; ``^`` skips a word (ignored), but ``PREP ^ +`` puts the target
    after the preposition's object (target ``^PREP``)."""
    pre, _, post = body.replace("_", " ").partition("*")
    parts: dict = {}
    target_prep = None
    bare = [m.group(1).lower() for m in re.finditer(r"\(\s*([A-Za-z]+)\s*\)", post)]
    tokens = [t for t in re.sub(r"([(){}%$^+])", r" \1 ", post).split() if t not in "(){}"]
    words: list[str] = []
    for i, t in enumerate(tokens):
        prev = next((w for w in reversed(tokens[:i]) if w != "^"), "")
        in_prep = prev.lower() in PREPOSITIONS and words and words[-1] == prev.lower()
        # "WITH %": that preposition's object is the target, coordinated actors or one (PETRARCH-2's later
        # dictionaries write it "(WITH)")
        if t == "+" or t == "%" and in_prep:
            if in_prep:
                if tokens[i - 1] == "^":  # "(IN ^) +": the target is the actor after the skipped object
                    parts["target"] = "^" + words[-1]  # the preposition stays a required word
                else:
                    target_prep = words.pop()
        elif t == "$":
            if prev.lower() in PREPOSITIONS and words and words[-1] == prev.lower():
                parts["source"] = words[-1]  # the preposition stays a required word
            else:  # "TABASKI ^ $": the skip passes over the first actor after the verb
                parts["source"] = "^after" if i and tokens[i - 1] == "^" else "after"
        elif t == "%":
            parts["target"] = "compound"
        elif t != "^":
            words.append(t.lower())
    if target_prep is None and "+" not in tokens and bare and words and words[-1] == bare[-1] \
            and bare[-1] in PREPOSITIONS:
        target_prep = words.pop()  # "- * {X Y} (FROM)": the target is the object of "from"
    before = []
    for t in re.sub(r"([(){}%$^+])", r" \1 ", pre).split():
        if t == "+":
            parts["target"] = "subject"
        elif t == "%":
            parts["target"] = "compound"
        elif t not in "(){}$^":
            before.append(t.lower())
    if parts.get("source") and "target" not in parts and target_prep is None:
        parts["target"] = "subject"  # "- * MONEY $": the subject receives
    if parts.get("target") in ("subject", "compound") and target_prep is not None:
        parts.pop("target")
    expanded = _expand(before + ["*"] + words, sets)
    if expanded is None:
        stats.skip("unknown synset")
        return None
    # the pattern as written, synsets expanded the same way (same order): its groups' words are phrases
    shown = _expand(re.sub(r"([(){}%$^+*])", r" \1 ", _joined(body).replace("_", " ")).split(), sets) or []
    if len(shown) != len(expanded):
        shown = []
    if len(expanded) > max_expansions:
        stats.skip("too many synset expansions")
        expanded = expanded[:max_expansions]
    out = []
    for k, ws in enumerate(expanded):
        star = ws.index("*")
        text = " ".join(shown[k]) if shown else ""
        out.append((tuple(ws[:star]), ws[star + 1:], target_prep, dict(parts, text=text)))
    return out


def phrases(text: str) -> list[tuple[str, bool, tuple[str, ...]]]:
    """The phrases of a pattern as written (``- * {NEW ECONOMIC RELATIONS} (FROM $)``): the runs of two or
    more words inside ``{}`` or ``()``, each with its bracket and whether it comes after the verb."""
    out, run, brackets, after = [], [], [], False

    def close():
        if len(run) > 1 and brackets:
            out.append((brackets[-1], after, tuple(run)))
        run.clear()

    for t in text.split():
        if t in "{(":
            close()
            brackets.append(t)
        elif t in "})":
            close()
            brackets = brackets[:-1]
        elif t in ("*", "^", "+", "$", "%"):
            close()
            after = after or t == "*"
        elif brackets:
            run.append(t.lower())
    close()
    return out


_SKIPPED = frozenset({"DT", "PDT", "PRP$", "POS"})  # "over the efforts", "on its resolution"
_DETERMINER_WORDS = frozenset("the a an their its our his her my your".split())
GAPS = {"(": 0, "{": 1}


def _found(words: tuple[str, ...], toks, gaps: int, coordination: bool = False) -> bool:
    """Whether ``words`` occur in order in ``toks``, starting at one, with determiners and at most ``gaps``
    other words between them; with ``coordination`` also conjunctions and the conjuncts they join."""
    for j, t in enumerate(toks):
        if words[0] not in (t.lower_, t.lemma_.lower()):
            continue
        k, left = 1, gaps
        for u in toks[j + 1:]:
            if k == len(words):
                break
            if words[k] in (u.lower_, u.lemma_.lower()):
                k += 1
            elif u.tag_ not in _SKIPPED and not (coordination and u.dep_ in ("cc", "conj")):
                left -= 1
                if left < 0:
                    break
        if k == len(words):
            return True
    return False


def phrases_present(pattern: Pattern, verb) -> bool:
    """PETRARCH reads a group of a verb pattern as a phrase: ``(PREP WORDS)`` with the words right after
    the preposition ("act on a resolution", not "bargain for foreign asylum"), ``{WORDS}`` in order with
    at most one other word among them ("new global economic relations"); determiners aside, and in
    ``{}`` coordinated modifiers ("a death and injury toll": a death toll and an injury toll). A group
    after ``*`` is looked for after the verb, one before it before the verb. A multi-word verb's words
    before the verb ("WIRE_+TAP") are the words right before it."""
    groups = phrases(pattern.text) if pattern.dictionary else []
    sent = verb.sent
    if pattern.lead:
        toks = [t.lower_ for t in sent[max(0, verb.i - sent.start - len(pattern.lead)):verb.i - sent.start]]
        if tuple(toks) != pattern.lead:
            return False
    for bracket, after, words in groups:
        toks = list(sent[verb.i - sent.start + 1:]) if after else list(sent[:verb.i - sent.start])
        if not _found(words, toks, GAPS[bracket], coordination=bracket == "{"):
            return False
    return _skips_fit(pattern, verb) if pattern.dictionary else True


_SKIP_RUN = re.compile(r"^\*((?: [a-z]+)*?) \^ ([a-z]+)\b")


def _skips_fit(pattern: Pattern, verb) -> bool:
    """``- * THEIR ^ ABOUT +``: a ``^`` right after the verb (and the pattern's determiners) skips one noun
    phrase, one with no prepositional phrase of its own, before the preposition after the ``^`` ("warned
    Valdoria about X", "warned their border towns about X", not "warned the people of Valdoria about X":
    there the pattern does not match)."""
    m = _SKIP_RUN.match(pattern.text)
    if not m or m.group(2) not in PREPOSITIONS or any(w not in _DETERMINER_WORDS for w in m.group(1).split()):
        return True
    sent = verb.sent
    for t in sent[verb.i - sent.start + 1:]:
        if t.lower_ == m.group(2):
            between = [u for u in verb.doc[verb.i + 1:t.i] if u.tag_ not in _SKIPPED and not u.is_punct]
            return bool(between) and not any(u.pos_ == "ADP" for u in between)
    return True


_LETTERED = re.compile(r"(\d{3,4})[A-Za-z?]+")


def _numeric_root(code: str) -> str:
    """A code written as a number with letters or a ``?`` after it (``075A``, ``174K``, ``102b``,
    ``025?``: a dictionary writer's variants of one event) is read as that number, as PETRARCH-2 reads
    it; anything else is returned as it is."""
    m = _LETTERED.fullmatch(code)
    return m.group(1) if m else code


def load_verbs(path, stats: LoadStats | None = None, max_expansions: int = 64) -> list[Pattern]:
    """Best effort: a PETRARCH verb dictionary as annales verb patterns. Every verb gets its block's
    (or its own) code; ``- * WORDS [CODE]`` patterns become ``verb words`` (a bare ``(PREP)`` at the
    end: ``verb ... prep *``), synsets expanded. Skipped and counted: codes the ontology does not know,
    ``[---]``, patterns with unknown synsets.

    Blocks start with ``--- NAME [CODE] ---`` (several words in the name, a second code, a comment or no
    closing dashes allowed; no code: ``---``, nothing). A verb line's own ``[CODE]`` overrides the
    block's. Synsets are read wherever they are, so their ``+`` lines between blocks are no verbs."""
    stats = stats if stats is not None else LoadStats()
    lines = list(_lines(path))
    sets = _synsets(lines, stats)
    out: dict[tuple, Pattern] = {}
    verbs: list[tuple[str, list[str], tuple]] = []  # (trigger, words after it, words before it) of the block
    block_code = None

    def add(code: str, trigger: str, words: list[str], target_prep: str | None = None, lead=(), **parts):
        forward, _, reverse = code.partition(":")
        if forward in _NULL_CODES and reverse in ("", *_NULL_CODES):
            stats.skip("null code (codes nothing)")
            return
        forward, reverse = _numeric_root(forward), _numeric_root(reverse)
        if not all(c in _NULL_CODES or c.isdigit() for c in (forward, reverse)):
            stats.skip("code not a number (def, 03A)")
            return
        code = (forward if forward not in _NULL_CODES else "") + (":" + reverse if reverse not in ("", *_NULL_CODES) else "")
        text = " ".join([trigger, *words] + ([target_prep, "*"] if target_prep else []))
        try:
            p = parse_pattern(code, text, "verb")
        except ValueError:
            stats.skip("unparsed pattern")
            return
        p = replace(p, dictionary=True, lead=lead, **parts)
        key = (p.trigger, p.words, p.target, p.before, p.source, p.lead)
        if key not in out:
            out[key] = p
            stats.terms += 1

    in_synset = False
    for n, line in lines:
        stats.at = (n, line)
        s = line.strip()
        if s.startswith("---"):  # "--- NAME [CODE] ---": the first code is the block's; none: "---"
            codes = re.findall(r"\[([^\]]*)\]", s)
            verbs, block_code, in_synset = [], codes[0].strip() if codes else "---", False
            continue
        # a synset ("&NAME" and its "+WORD" lines) may come between blocks: its words are no verbs
        in_synset = s.startswith("&") or (in_synset and s.startswith("+"))
        if block_code is None or in_synset:
            continue
        if s.startswith("~"):  # PETRARCH-2's verb transformations ("~ a (b Q) 010 = a b Q"): not used
            stats.skip("verb transformation")
            continue
        if s.startswith("*") and "[" in s:  # a pattern whose leading dash is missing ("* (TO X) [110]")
            s = "- " + s
        if s.startswith("-"):
            m = re.fullmatch(r"-\s*(.*?)\s*\[([^\]]*)\]\s*", s)
            if not m or "*" not in m.group(1):
                stats.skip("unparsed pattern")
                continue
            parsed = _pattern_parts(m.group(1), sets, stats, max_expansions)
            if parsed is None:
                continue
            code = m.group(2).strip()
            for trigger, vwords, lead in verbs:
                for before, words, target_prep, parts in parsed:
                    add(code, trigger, vwords + words, target_prep, lead=lead, before=before, **parts)
            stats.entries += 1
            continue
        # a verb line: VERB {FORMS} [CODE], or +MULTI_WORD {FORMS} [CODE], or PRE_+VERB [CODE]; a TABARI
        # comment (";shan 8/30/93") after it is dropped
        s = s.split(";", 1)[0].strip()
        m = re.fullmatch(r"([^{\[]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*", s)
        if not m:
            stats.skip("unparsed verb line")
            continue
        base = _verb_words(m.group(1))
        if base is None:
            stats.skip("unparsed verb line")
            continue
        # the listed forms are triggers too ("+CORDON_OFF {+CORDONED_OFF ...}": "cordoned off"), as the
        # tagger's lemma of an unusual verb may not be the dictionary's; with no list, PETRARCH's regular
        # forms (TABARI-era stems such as "DEFIE" name a verb by them: "defied", "defies")
        listed = m.group(2) is not None
        forms = [base] + [f for f in map(_verb_words, (m.group(2) or "").split()) if f]
        forms += [] if listed else [(f, base[1], base[2]) for f in regular_forms(base[0])]
        for trigger, rest, lead in dict.fromkeys((t, tuple(r), ld) for t, r, ld in forms):
            verbs.append((trigger, list(rest), lead))
            add((m.group(3) or block_code).strip(), trigger, list(rest), lead=lead)
    return list(out.values())

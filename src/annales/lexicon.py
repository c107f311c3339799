"""The event lexicon: verb and noun patterns (``data/verbs.tsv``, ``data/nouns.tsv``) and their matching
against a dependency parse.

Pattern language (one pattern a row, lemmas in lower case)::

    040   meet with *               verb first; `*` after a preposition: the target is its object
    172   impose sanction on *      other words must be found among the trigger's dependents
    138   threaten * with force     `*` right after the verb: the target is the direct object
    195   air strike on *           nouns: the trigger is the last word before a preposition or `*`
    -     fight disease             code "-": where it matches, no event ("fight *" does not apply)
    081   ease|lift sanction on *   "a|b": one pattern for each alternative (several: every combination)

With no ``*`` the target of a verb is its direct object, if any. A code pair ``042:043`` also codes the
target's act towards the source (the visited hosts; ``040:040`` a meeting is mutual), as PETRARCH-2's
paired codes do; ``:173`` codes only the target's act. The source is found by the coder
(subject, passive agent, possessor), never by the pattern.

Acts undone need no rows of their own: a verb of ``data/undoing.tsv`` whose object is an event noun codes
the act undone ("lifted the sanctions on X": "sanction on *" is 163, lifted 085; ``Lexicon.undoing``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ._data import data_path, read_tsv
from .errors import ConfigError

PREPOSITIONS = frozenset(
    "about above across after against along among around as at before behind below beside between "
    "beyond by for from in inside into near of off on onto out outside over past through to toward "
    "towards under upon with within without".split())


@dataclass(frozen=True)
class Pattern:
    code: str | None  # the source's act; None when only the target acts (PETRARCH's "[:173]")
    trigger: str  # lemma of the trigger word
    words: tuple[str, ...]  # other required lemmas (modifiers, particles, object heads, prepositions)
    target: str | None  # "dobj", a preposition, or None
    text: str
    reverse: str | None = None  # the target's act towards the source ("042:043": a visit is also hosted)
    # a user dictionary's pattern (annales.petrarch): its code is taken as written (no intent recoding),
    # a negated match is coded as PETRARCH-2 does, and the target is the first actor the verb governs
    dictionary: bool = False
    # PETRARCH pattern parts (annales.petrarch): words required in the subject's noun phrase
    # ("- {DEATH TOLL} * [190]"), and where the source is when not the subject: a preposition's object
    # ("- + * (FROM $)") or "after" (the first actor after the verb). ``target`` may also be "subject"
    # ("+" before the verb), "compound" ("- % *": the coordinated subjects act on each other) or "^" and a
    # preposition ("- * (IN ^) +": the first actor after that preposition's object)
    before: tuple[str, ...] = ()
    source: str | None = None
    # a PETRARCH multi-word verb's words joined to it before the verb ("WIRE_+TAP"): right before the trigger
    lead: tuple[str, ...] = ()

    @property
    def void(self) -> bool:
        """A pattern that codes nothing ("fight disease"): it only keeps a general one from matching."""
        return self.code is None and self.reverse is None

    @property
    def specificity(self) -> int:
        return (len(self.words) + len(self.before) + len(self.lead)
                + (1 if self.target and self.target != "dobj" else 0) + (1 if self.source else 0))


def alternatives(text: str) -> list[str]:
    """The patterns a row stands for: ``"ease|lift sanction|curb on *"`` -> four patterns, in order."""
    texts = [""]
    for word in text.split():
        texts = [f"{t} {w}".strip() for t in texts for w in word.split("|") if w]
    return texts


def parse_pattern(code: str, text: str, kind: str) -> Pattern:
    """Parse one pattern; ``kind`` is "verb" or "noun". ``code`` may pair the source's act with the
    target's act towards the source: "042:043" (X visits Y: Y hosts X), ":173"."""
    forward, _, reverse = code.partition(":") if code != "-" else ("", "", "")
    if code != "-" and (not (forward or reverse) or not all(c.isdigit() for c in (forward + reverse))):
        raise ValueError(f"bad code {code!r}")
    tokens = text.lower().split()
    if not tokens or tokens[0] == "*":
        raise ValueError(f"empty pattern {text!r}")
    if kind == "verb":
        idx = 0
    else:  # the trigger noun: last word before the first preposition or `*`
        idx = 0
        for i, t in enumerate(tokens):
            if t == "*" or (i > 0 and t in PREPOSITIONS):
                break
            idx = i
    target = None
    if "*" in tokens:
        star = tokens.index("*")
        prev = tokens[star - 1] if star > 0 else None
        target = prev if (prev in PREPOSITIONS and star - 1 != idx) else "dobj"
    elif kind == "verb":
        target = "dobj"
    else:  # "expulsion of diplomat": the target is found in the object of the last preposition
        preps = [t for i, t in enumerate(tokens) if i > idx and t in PREPOSITIONS]
        target = preps[-1] if preps else None
    words = tuple(t for i, t in enumerate(tokens) if i != idx and t != "*")
    return Pattern(code=forward or None, trigger=tokens[idx], words=words, target=target, text=text,
                   reverse=reverse or None)


@dataclass(frozen=True)
class Discards:
    """Phrases that void coding (PETRARCH's discards dictionary): a sentence containing a
    ``sentence`` phrase codes nothing; a text containing a ``story`` phrase codes nothing at all.
    Matched case-insensitively on whole words."""

    sentence: re.Pattern | None = None
    story: re.Pattern | None = None

    @staticmethod
    def compile(phrases) -> re.Pattern | None:
        words = sorted({" ".join(p.split()).lower() for p in phrases if p.strip()}, key=len, reverse=True)
        if not words:
            return None
        alts = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
        return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)

    def voids_story(self, text: str) -> bool:
        return self.story is not None and self.story.search(text) is not None

    def voids_sentence(self, text: str) -> bool:
        return self.sentence is not None and self.sentence.search(text) is not None


class Lexicon:
    """Patterns indexed by trigger lemma, for verbs and for nouns (and optional :class:`Discards`)."""

    discards: Discards | None = None
    # how a user dictionary's codes read when negated ("did not criticise": 110 -> 050); a negated
    # dictionary pattern whose code is not here codes nothing (annales.petrarch, PETRARCH-2's rule)
    negations: dict[str, str] | None = None

    def __init__(self, verbs: list[Pattern], nouns: list[Pattern], undo: dict | None = None):
        # acts undone (``data/undoing.tsv``): verb ("lift", "call off") -> [(act code prefix, undone code)]
        self.undo: dict[str, list[tuple[str, str]]] = undo or {}
        self.undo_verbs = frozenset(v.split()[0] for v in self.undo)  # "call off": "call"
        self.verbs: dict[str, list[Pattern]] = {}
        self.nouns: dict[str, list[Pattern]] = {}
        # rows coded "-", by kind and trigger: where they match, the trigger names no event
        self.voids: dict[str, dict[str, list[Pattern]]] = {"verb": {}, "noun": {}}
        for table, kind, patterns in ((self.verbs, "verb", verbs), (self.nouns, "noun", nouns)):
            for p in patterns:
                (self.voids[kind] if p.void else table).setdefault(p.trigger, []).append(p)
            for plist in table.values():
                plist.sort(key=lambda p: (-p.specificity, -len(p.words)))  # ties: more words required

    def voided(self, tok, kind: str, key: str | None = None) -> bool:
        """Whether a "-" row says that ``tok`` (a "verb" or "noun" trigger, looked up by ``key`` or its
        lemma) names no event here: "fought the epidemic", "received a letter from X"."""
        patterns = self.voids[kind].get(key or tok.lemma_.lower())
        return bool(patterns) and match(tok, patterns) is not None

    def pattern_for(self, tok, kind: str = "verb", key: str | None = None, patterns: list[Pattern] | None = None,
                    **how) -> Pattern | None:
        """The pattern that ``tok`` triggers as a "verb" or "noun" (looked up by ``key`` or its lemma, or chosen
        among the caller's ``patterns``), or None, also where a "-" row says it names no event here ("fought the
        epidemic" is no "fight *"). ``how``: :func:`match`'s options."""
        key = key or (tok.lemma_ if kind == "verb" else tok.lemma_.lower())
        if patterns is None:
            patterns = (self.verbs if kind == "verb" else self.nouns).get(key)
        pattern = match(tok, patterns, **how) if patterns else None
        return None if pattern is None or self.voided(tok, kind, key.lower()) else pattern

    def undoing(self, tok) -> Pattern | None:
        """The pattern of an act undone that the verb ``tok`` names with its object, an event noun: "lifted
        the sanctions on X" is "lift sanction on *" coded 085 (sanctions eased), from the noun's pattern
        "sanction on *" (163) and ``data/undoing.tsv``. None if ``tok`` undoes no event noun."""
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
        rules = (self.undo.get(f"{tok.lemma_} {prt}") if prt else None) or self.undo.get(tok.lemma_)
        if not rules:
            return None
        near = None
        for noun in _undone_nouns(tok):
            key = noun.lemma_.lower()
            if key not in self.nouns or self.voided(noun, "noun", key):
                continue
            # the noun's words may hang on the verb ("halted aid [to X]"), so they are looked for around it
            near = near if near is not None else nearby_lemmas(tok)
            mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
            act = next((p for p in self.nouns[key] if all(w in near for w in p.words)
                        and all(w in mods for w in _modifiers(p))), None)
            if act is None or not act.code:
                continue
            undone = next((code for prefix, code in rules if act.code.startswith(prefix)), None)
            if undone is None:
                return None
            verb = tok.lemma_ if not prt or f"{tok.lemma_} {prt}" not in self.undo else f"{tok.lemma_} {prt}"
            words = tuple(verb.split()[1:]) + (key,) + act.words
            return Pattern(undone, tok.lemma_, words, act.target or "dobj", f"{verb} {act.text}")
        return None

    @classmethod
    def from_files(cls, verbs_path=None, nouns_path=None, undo_path=None) -> "Lexicon":
        loaded = []
        for path, kind in ((verbs_path or data_path("verbs.tsv"), "verb"),
                           (nouns_path or data_path("nouns.tsv"), "noun")):
            patterns = []
            for lineno, row in read_tsv(path):
                try:
                    patterns += [parse_pattern(row["code"], text, kind) for text in alternatives(row["pattern"])]
                except (KeyError, ValueError) as exc:
                    raise ConfigError("E013", path=path, line=lineno, reason=str(exc)) from None
            loaded.append(patterns)
        undo: dict[str, list[tuple[str, str]]] = {}
        for _, row in read_tsv(undo_path or data_path("undoing.tsv")):
            for verb in row["verbs"].split("|"):
                undo.setdefault(verb.strip(), []).append((row["act"], row["undone"]))
        for rules in undo.values():
            rules.sort(key=lambda r: -len(r[0]))  # the longest act prefix first ("1723" before "172")
        return cls(*loaded, undo=undo)

    def __len__(self) -> int:
        return sum(len(v) for v in self.verbs.values()) + sum(len(v) for v in self.nouns.values())


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon.from_files()


_NEAR_DEPS = frozenset("prt prep dobj dative compound amod nummod acomp advmod attr npadvmod pobj agent oprd "
                       "nsubjpass xcomp".split())
_DEEP_DEPS = frozenset({"pobj", "prep", "compound", "amod", "nummod", "dobj", "prt", "poss", "nmod"})
_WHEN = frozenset({"DATE", "TIME"})
# prepositions of the time of an act, never its pattern's words or target: "ended a visit to X after
# talks with Y" is no "end talk with *"
ASIDE_PREPS = frozenset("after before during since until".split())


def _temporal(tok) -> bool:
    """A preposition of time ("on Monday", "on Nov. 2"): no pattern's preposition ("call on *"); nor one
    opening a clause ("while in detention in X": the parser's adverbial clause); nor "according to X", which
    names who reports the act, not whom it is done to."""
    return tok.dep_ == "prep" and (tok.lower_ == "according" or any(
        c.dep_ == "pobj" and c.ent_type_ in _WHEN or c.dep_ == "mark" for c in tok.children))


def _small_clause(tok) -> bool:
    """"found [the envoy guilty]": a complement clause headed by an adjective, whose word a pattern names."""
    return tok.dep_ == "ccomp" and tok.pos_ == "ADJ"


# verbs whose object (or "in" object) is an act their subject carries out: "launched an offensive in X
# against Y", "were engaged in ethnic cleansing in X against Y"
CARRY_VERBS = frozenset(row["verb"] for _, row in read_tsv(data_path("carry_verbs.tsv")))


def carried_preps(noun) -> list:
    """The prepositions the parser hung on the verb that carries out a nominal act, after the noun ("launched
    an offensive on Monday against the rebels": "against" is the offensive's); none for other words."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return []
    verb = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "in":
        verb = noun.head.head
    elif noun.dep_ != "dobj":
        return []
    if verb.pos_ != "VERB" or verb.lemma_ not in CARRY_VERBS:
        return []
    return [c for c in verb.children if c.dep_ == "prep" and c.i > noun.i and not _temporal(c)]


def infinitive_clause(clause) -> bool:
    """"allowed [UN inspectors to visit]", "ordered [X to leave]": a "to" clause whose subject the parser took
    out of the verb's object; its subject and verb are the verb's own words to a pattern."""
    return (clause.dep_ == "ccomp" and clause.head.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in clause.children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))


def purpose_clause(clause) -> bool:
    """"signed an accord to supply X", "met in Tehran to discuss Idlib": an adverbial to-infinitive with no subject
    of its own, the aim of the act it hangs on."""
    return (clause.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
            and child(clause, "nsubj") is None)


def passive_relative(tok) -> bool:
    """A passive relative clause whose subject is the relative pronoun ("the site, which was taken over by X"): the
    noun the clause modifies is what the verb acts on."""
    return tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" and c.tag_ in ("WDT", "WP") for c in tok.children)


def nearby(tok, depth: int = 3, clauses: bool = True):
    """The words a pattern may require, breadth first: the trigger's dependents, then theirs along
    object, preposition and modifier edges ("call for the release of": call -> for -> release -> of);
    not through prepositions of time or "according to". A passive participle's noun is among them ("sanctions
    imposed on"); with ``clauses`` (the built-in lexicon, not PETRARCH's) the subject and verb of an
    infinitive clause after the verb ("allowed [X to visit]"); then the prepositions the parser hung on the verb
    that carries out a nominal trigger (:func:`carried_preps`). With ``clauses``, not through the verb's
    prepositions of circumstance either (``ASIDE_PREPS``: "after talks with Y")."""
    level = [c for c in tok.children if (c.dep_ in _NEAR_DEPS or _small_clause(c)) and not _temporal(c)
             and not (clauses and c.dep_ == "prep" and c.lower_ in ASIDE_PREPS)]
    if clauses:  # not for PETRARCH's dictionaries, which read no clause into a pattern
        level += [g for c in tok.children if infinitive_clause(c) for g in (c, child(c, "nsubj"))]
    if tok.dep_ == "acl" and tok.tag_ == "VBN" or passive_relative(tok):
        level.append(tok.head)  # "sanctions (which were) imposed on X": the noun is the passive verb's subject
    for _ in range(depth):
        if not level:
            break
        yield from level
        level = [g for c in level for g in c.children if g.dep_ in _DEEP_DEPS and not _temporal(g)]
    for prep in carried_preps(tok):  # the preposition and its object, no deeper
        yield prep
        yield from (g for g in prep.children if g.dep_ == "pobj")


def _modifiers(noun_pattern: Pattern) -> list[str]:
    """The words a noun pattern puts before its trigger ("import ban on *": "import"), its modifiers."""
    words = noun_pattern.text.split()
    return words[:words.index(noun_pattern.trigger)] if noun_pattern.trigger in words else []


# quantities whose "of" phrase is what a verb acts on ("eased some of its restrictions")
_QUANTITIES = frozenset("some part most all many several one".split())


def _undone_nouns(verb):
    """The nouns a verb may undo: its object (or a quantity's "of" object: "eased some of the restrictions"),
    its passive subject ("sanctions were lifted"), the noun a participle modifies ("the sanctions lifted")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass"):
            if c.lower_ in _QUANTITIES:
                of = next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "of"), None)
                c = child(of, "pobj") if of is not None else c
            if c is not None:
                yield c
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        yield verb.head


def for_clause(verb):
    """"called [for Syria to withdraw]", "called [for the troops to be pulled out]": a clause after the verb
    opened by "for", which the parser gives the verb in place of a prepositional object. None if there is none."""
    return next((c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i > verb.i
                 and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
                 and clause_subject(c) is not None), None)


def clause_subject(clause):
    """The subject of ``clause``, active or passive ("for Syria to withdraw", "for the troops to be pulled out":
    who is asked to act, or the one the asked act is done to, whose side is asked), or None."""
    return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def child(tok, dep: str):
    """``tok``'s first dependent with relation ``dep``, or None (also when ``tok`` is None)."""
    if tok is None:
        return None
    return next((c for c in tok.children if c.dep_ == dep), None)


def nearby_lemmas(tok, dictionary: bool = False) -> set[str]:
    """The words of :func:`nearby`; for a PETRARCH dictionary a level deeper ("assurances on cultural
    issues") and with an infinitive's "to" ("- * (TO QUESTION)": "began to question")."""
    out = set()
    if not dictionary and any(c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                              for c in tok.children):
        out.add("that")  # "charge that *": a verb with a "that" clause
    if not dictionary and for_clause(tok) is not None:
        out.add("for")  # "called for Syria to withdraw": "call for *", the object the clause's subject
    for t in nearby(tok, 4 if dictionary else 3, clauses=not dictionary):
        out.add(t.lemma_.lower())
        out.add(t.lower_)
        if dictionary and t.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children):
            out.add("to")
    return out


# a PETRARCH pattern's determiners and possessives ("- * THEIR ^ ABOUT +") are not required: the text's vary
_DETERMINERS = frozenset("the a an their its our his her my your".split())


def _reported(p: Pattern, reporter: frozenset) -> bool:
    """Whether a dictionary pattern writes the reporting verb, then a ``+`` or ``$`` slot, before ``*``."""
    words = p.text.replace("_", " ").split()
    star = words.index("*") if "*" in words else 0
    at = next((i for i, w in enumerate(words[:star]) if w in reporter), None)
    return at is not None and any(w in ("+", "$") for w in words[at + 1:star])


def _before_met(p: Pattern, subject_words: frozenset, chain_words: frozenset, chain_anchors: frozenset,
                reporter: frozenset) -> bool:
    """Whether a dictionary pattern's words before the verb are all in the subject phrase, or all in the verb's
    chain with one of its anchors, or name the clause's reporter before a written ``+``/``$`` (see :func:`match`)."""
    before = p.before
    return (all(w in subject_words for w in before)
            or not chain_anchors.isdisjoint(before) and all(w in chain_words for w in before)
            or bool(reporter) and _reported(p, reporter) and all(w in chain_words | reporter for w in before))


def particle(p: Pattern) -> str | None:
    """The particle of a phrasal verb's pattern: a preposition right after the verb that another preposition follows
    ("give in to *", "pull out of *", "hit out at *")."""
    words = p.text.split()
    if len(words) > 2 and words[0] == p.trigger and words[1] in PREPOSITIONS and words[2] in PREPOSITIONS:
        return words[1]
    return None


def _particle_met(tok, word: str) -> bool:
    """Whether ``tok`` has ``word`` as a particle: a dependent with no object of its own ("gave in to the unions"),
    not the head of a phrase of place or manner ("gave details in a speech to the party" is no "give in to")."""
    return any(c.lower_ == word and c.dep_ in ("prt", "prep") and child(c, "pobj") is None for c in tok.children)


def match(tok, patterns: list[Pattern], reciprocal: bool = False, subject_words: frozenset = frozenset(),
          compound: bool = False, chain_words: frozenset = frozenset(),
          chain_anchors: frozenset = frozenset(), reporter: frozenset = frozenset()) -> Pattern | None:
    """The most specific pattern whose required words are all among ``tok``'s dependents. With
    ``reciprocal`` the target's preposition may be missing ("X and Y exchanged fire" for "exchange
    fire with *"). Dictionary patterns' words before the verb must be among ``subject_words``, and
    their compound patterns ("- % *") need a ``compound`` subject; words before the verb may instead all be
    among the verb's ``chain_words`` if one is among its ``chain_anchors`` (its auxiliaries or governing
    verb: "- WILL NOT *", "- FAILED_TO_*"; targets.verb_chain), or name the ``reporter`` of the verb's clause
    before the clause's subject written as ``+`` or ``$`` ("- NOTED + *": "X noted that Y regretted";
    "- INDICATED *" is no "X indicated it deplored")."""
    if not patterns:
        return None
    near = None
    for p in patterns:  # sorted most specific first
        if p.target == "compound" and not compound:
            continue
        if p.before and not _before_met(p, subject_words, chain_words, chain_anchors, reporter):
            continue
        if not p.words:
            return p
        if near is None:
            near = nearby_lemmas(tok, p.dictionary)
        if all(w in near or (reciprocal and w == p.target) or (p.dictionary and w in _DETERMINERS)
               for w in p.words) and (p.dictionary or (part := particle(p)) is None or _particle_met(tok, part)):
            return p
    return None

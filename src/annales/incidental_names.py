"""Names that stand for no actor in their sentence (words in ``data/incidental.tsv``), dropped by
:func:`annales.actor_context.kept_phrases`:

- :func:`a_venue_setting`: a demonym or place on a venue named as where something happened ("met at an Irish
  pub", "outside a Thai restaurant");
- :func:`a_topic`: a demonym on a non-agent noun that an actor possesses ("Putin's Syrian dialogue",
  "Obama's Iranian policy"): the possessor acts, the demonym is what it is about;
- :func:`a_constituency`: the place a member of parliament sits for ("the MP for Richmond", "his seat,
  Richmond");
- :func:`a_programme`: an outlet whose programme is where words were said ("said on the BBC's Newsnight
  programme").
"""

from __future__ import annotations

from ._data import data_path, read_tsv

_WORDS: dict[str, set[str]] = {}
for _, _row in read_tsv(data_path("incidental.tsv")):
    _WORDS.setdefault(_row["kind"], set()).add(_row["lemma"])
VENUES = frozenset(_WORDS["venue"])
TOPICS = frozenset(_WORDS["topic"])
HOLDERS = frozenset(_WORDS["holder"])
SEATS = frozenset(_WORDS["seat"])
PROGRAMMES = frozenset(_WORDS["programme"])

_PLACES = ("country", "seat", "region")
_MODIFIERS = ("amod", "compound", "nmod")
_CHANNEL_PREPS = frozenset("on in during".split())
_SETTING_PREPS = frozenset("at in inside outside near into to from behind opposite by".split())


def _lemma(tok) -> str:
    return tok.lemma_.lower()


def _only_place(p, doc) -> bool:
    """A phrase that names a place or a people and nothing else (no role, organisation or person)."""
    if p.sector or p.org or p.prefix:
        return False
    return p.names_only(_PLACES) if p.parts else doc[p.head].ent_type_ in ("GPE", "LOC")


def a_venue_setting(p, doc) -> bool:
    """Whether a one-word place or demonym modifies a venue of ``VENUES`` that is the object of a preposition
    of place ("at an Irish pub", not "an attack on a Thai restaurant" nor "the Irish pub owner")."""
    if p.end - p.start != 1 or not _only_place(p, doc):
        return False
    tok = doc[p.head]
    head = tok.head
    return (tok.dep_ in _MODIFIERS and head.i > tok.i and head.pos_ == "NOUN" and _lemma(head) in VENUES
            and head.dep_ == "pobj" and head.head.lower_ in _SETTING_PREPS)


def a_topic(p, doc, covered=frozenset()) -> bool:
    """Whether a one-word demonym or place modifies a noun of ``TOPICS`` (in no phrase of ``covered`` token
    indices) that has a possessor of its own: "Putin's Syrian dialogue", "the minister's Iraqi plan"."""
    if p.end - p.start != 1 or not _only_place(p, doc):
        return False
    tok = doc[p.head]
    head = tok.head
    return (tok.dep_ in ("amod", "compound") and head.i > tok.i and _lemma(head) in TOPICS and head.i not in covered
            and any(c.dep_ == "poss" and c.i < tok.i and c.pos_ in ("PROPN", "NOUN") for c in head.children))


def a_constituency(p, doc) -> bool:
    """Whether a place is the seat a member of parliament sits for: "the MP for Richmond", "member for
    Leeds", "Member of Parliament for Bath", "his seat, Richmond"."""
    if not _only_place(p, doc) or p.start < 2:
        return False
    before = [t.lower_ for t in doc[max(0, p.start - 4):p.start]]
    if before[-1] == ",":
        return _lemma(doc[p.start - 2]) in SEATS
    if before[-1] != "for":
        return False
    return before[-2] in HOLDERS or before[-2][:-1] in HOLDERS or (
        len(before) == 4 and before[-2] == "parliament" and before[-3] == "of" and before[0] in ("member", "members"))


def a_programme(p, doc) -> bool:
    """Whether an outlet, a place or a private name (no sector but the media's) is the possessor of a programme
    or show named as where words were said: "on the BBC's Newsnight programme", "during CNN's morning show"
    (not "during Putin's broadcast": the speaker's own)."""
    tok = doc[p.end - 1] if doc[p.end - 1].dep_ == "poss" else doc[p.head]
    if tok.dep_ != "poss" or p.sector not in (None, "MED"):
        return False
    owned = tok.head
    return (_lemma(owned) in PROGRAMMES and owned.dep_ == "pobj" and owned.head.lower_ in _CHANNEL_PREPS)


def incidental(p, doc, covered=frozenset()) -> bool:
    """Whether a phrase names no actor of its sentence (any of the module's four readings; ``covered``: the
    token indices of the sentence's other actor phrases)."""
    return a_venue_setting(p, doc) or a_topic(p, doc, covered) or a_constituency(p, doc) or a_programme(p, doc)

"""A person named by surname alone whom the article names in full elsewhere: "Mr Brown" after "Gordon Brown".

The actor finder carries a full name's code to a later "Mr Brown" within the sentences it parses
(``annales.actors.named_again``), but the prefilter (``annales.prefilter``) parses only the sentences that
can carry an event, and the sentence that introduced the person in full often carries none. And a surname
that is also a common word ("Brown", "Rice") is read from the office-holders list (``data/leaders.tsv``) only
within the tenure on the article's date, so in an undated article it stays a person of no country.

This step, run once per article after its sentences are coded, reads the whole text as a reader does: an
event actor that is a person with no country, organisation or role, named by one word (or a title of courtesy
and one word), takes the office of the one listed office-holder whose full name ending in that word the
article writes ("Gordon Brown"): the office held on the article's date, else (no date, or out of office then)
the one country the list gives that person, with no sector, as ``annales.actors`` does for a name in its own
sentence. Nothing changes when the article writes two listed people of that surname, or another person of that
surname ("Nick Brown" beside "Gordon Brown", a capitalised word before the surname that is neither a title of
courtesy nor a listed name's).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .people import HONORIFICS, leaders, office_ever, office_of
from .records import Actor, Event, event_id


@lru_cache(maxsize=1)
def _full_names() -> dict[str, frozenset[str]]:
    """Surname -> the listed full names (two words or more, capitalised) that end in it."""
    out: dict[str, set[str]] = {}
    for name in leaders():
        words = name.split()
        if len(words) > 1 and words[-1][:1].isupper() and all(w[:1].isupper() for w in words):
            out.setdefault(words[-1], set()).add(name)
    return {k: frozenset(v) for k, v in out.items()}


def _surname(actor: Actor | None) -> str | None:
    """The one word a bare person actor is named by ("Brown", "Mr Brown"), or None."""
    if actor is None or actor.country or actor.sector or (actor.code or "---").strip("-") or not actor.name:
        return None
    words = [w for w in actor.name.split() if w not in HONORIFICS]
    return words[0] if len(words) == 1 and words[0][:1].isupper() else None


def _one_listed(text: str, surname: str) -> str | None:
    """The one listed full name ending in ``surname`` that ``text`` writes, where it writes no other person of
    that surname; else None."""
    names = _full_names().get(surname)
    if not names:
        return None
    written = {n for n in names if re.search(r"(?<![\w-])" + re.escape(n) + r"(?![\w-])", text)}
    if len(written) != 1:
        return None
    full = next(iter(written))
    given = set(full.split()[:-1])
    for m in re.finditer(r"([A-Z][\w'.-]*)\s+" + re.escape(surname) + r"(?![\w-])", text):
        word = m.group(1)
        if word not in HONORIFICS and word not in given and not any(
                m.start() >= n.start() and m.end() <= n.end()
                for n in re.finditer(re.escape(full), text)):
            return None  # "Nick Brown" beside "Gordon Brown", "Chancellor Brown" is left to the title
    return full


def _resolved(actor: Actor, text: str, when: date | None) -> Actor | None:
    surname = _surname(actor)
    full = _one_listed(text, surname) if surname else None
    if full is None:
        return None
    office = office_of(full, when)
    if office is None:
        office = office_ever(full)
        if office is None:
            return None
        sector = None
    else:
        sector = office.sector
    if office.org:
        return Actor(actor.text, actor.start, actor.end, office.org, None, sector, office.name)
    return Actor(actor.text, actor.start, actor.end, office.country + (sector or ""), office.country, sector,
                 office.name)


def named_in_full(events: list[Event], text: str, when: date | None, content_hash: str) -> int:
    """Give bare surname actors the office of the person the article names in full (module docstring), in
    place; returns how many actors changed."""
    changed = 0
    for ev in events:
        sides = [(_resolved(a, text, when) if a is not None else None) or a for a in (ev.source, ev.target)]
        if sides[0] is not ev.source or sides[1] is not ev.target:
            changed += (sides[0] is not ev.source) + (sides[1] is not ev.target)
            ev.source, ev.target = sides
            ev.event_id = event_id(ev.article_id, content_hash, ev.sentence_index, ev.trigger.start, ev.source,
                                   ev.target, ev.cameo)
    return changed

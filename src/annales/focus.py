"""An article's focus country, given to the domestic roles that name no country of their own.

In a report about British politics "the prime minister", "the chancellor", "MPs" and "the government"
are Britain's, though no sentence says so: a reader takes the country from the article. The coder
finds the country of a role only in its own sentence (``annales.actor_context``), so such roles come
out as ``---GOV``, ``---LEG``, and their events cannot be counted by country. This step, run once per
article after all its sentences are coded, reads the article the way the reader does:

* the *focus country* is the country of at least ``min_share`` of the article's actor mentions that have
  a country, and of at least ``min_mentions`` of them (``[focus]`` settings; an article about two or
  more countries has none);
* an event actor with no country whose sector is one of ``sectors`` (domestic roles: government,
  legislature, courts, parties, police, unions, ...; not armed groups, whose side the article rarely
  makes plain) takes the focus country: ``---GOV`` becomes ``GBRGOV``. Roles that usually stand for
  another state (an ambassador, an envoy, refugees: ``actor_context.FOREIGN_ROLES``) and roles marked
  foreign by a word in or before them ("a western diplomat", "ministers from European governments",
  "EU officials") keep none;
* named actors of no known country (a company, a person with no title) are left alone: their name, not
  the article, decides their country;
* before the focus country, a street-level role with no country (``placed_sectors``: civilians, protesters,
  police) takes the country where its event happened when its own sentence or the dateline placed the event
  ("protesters rallied outside the Russian embassy in Yerevan": ``ARMCVL``), in its sentence's other events
  too ("..., accusing Moscow"); this needs no focus.

The event's id is computed again from the new codes. Mentions keep what their sentence said.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from .actor_context import FOREIGN_ROLES
from .records import Actor, Event, Mention, event_id

_DEFAULTS = {"enabled": True, "min_mentions": 5, "min_share": 0.8,
             "sectors": ["GOV", "LEG", "JUD", "PTY", "COP", "OPP", "LAB", "EDU", "REL", "HLH", "CVL", "MED", "BUS"],
             "placed_sectors": ["CVL", "OPP", "COP"]}
_PLACED_BY = ("sentence", "dateline")  # how an event's location was found, for placed_sectors
# a word before the role that places it abroad: "a western diplomat", "foreign ministers", "visiting officials"
_ABROAD_WORDS = (r"\b(?:foreign|western|overseas|visiting|international|aid|allied|coalition|european|arab|african|"
                 r"asian|regional|world|un|eu|member[- ]states?)\b")
_ABROAD_BEFORE = re.compile(_ABROAD_WORDS + r"\W*$", re.IGNORECASE)
_ABROAD_IN = re.compile(_ABROAD_WORDS, re.IGNORECASE)


def focus_settings(settings: Mapping | None) -> dict:
    """The ``[focus]`` settings with built-in fallbacks."""
    section = (settings or {}).get("focus", {})
    return {k: section.get(k, v) for k, v in _DEFAULTS.items()}


def focus_country(mentions: Iterable[Mention], min_mentions: int = 5, min_share: float = 0.8) -> str | None:
    """The country of at least ``min_share`` (and ``min_mentions``) of the mentions with a country, or None."""
    counts = Counter(m.actor.country for m in mentions if m.actor.country)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= min_mentions and n >= min_share * sum(counts.values()) else None


def _domestic(actor: Actor | None, sentence: str, sectors: frozenset[str]) -> bool:
    """An actor with no country that the focus country may fill (see the module docstring)."""
    if actor is None or actor.country or actor.sector not in sectors:
        return False
    if actor.name and actor.name.lower() == actor.text.lower():
        return False  # a bare name of no known country (a company, a person): not the article's to decide
    head = actor.text.split()[-1].lower() if actor.text.split() else ""
    if head in FOREIGN_ROLES or actor.text.lower() in FOREIGN_ROLES:
        return False
    return not (_ABROAD_IN.search(actor.text) or _ABROAD_BEFORE.search(sentence[:actor.start]))


def _placed_country(ev: Event) -> str | None:
    """The country where the event's own sentence or the dateline placed it, or None."""
    where = ev.location or {}
    return where.get("country") if where.get("how") in _PLACED_BY else None


def _localised(actor: Actor, country: str) -> Actor:
    code = actor.code or ""
    return Actor(actor.text, actor.start, actor.end, country + code.lstrip("-"), country, actor.sector, actor.name)


def localise(events: list[Event], mentions: list[Mention], content_hash: str, settings: Mapping | None = None) -> int:
    """Give the article's focus country to its events' domestic roles (street-level ones the country where their
    event happened), in place; returns how many actors changed. Events that come out identical to another (same
    id) are dropped."""
    conf = focus_settings(settings)
    if not conf["enabled"] or not events:
        return 0
    country = focus_country(mentions, int(conf["min_mentions"]), float(conf["min_share"]))
    sectors, placed = frozenset(conf["sectors"]), frozenset(conf["placed_sectors"])
    changed, seen, kept = 0, set(), []
    # a street-level mention placed through one event is that country's in its sentence's other events too
    # ("protesters rallied outside the embassy in Yerevan, accusing Moscow": the accusers are Armenians)
    placed_as = {}
    for ev in events:
        here = _placed_country(ev)
        for a in (ev.source, ev.target):
            if here and _domestic(a, ev.sentence, placed):
                placed_as[(ev.sentence_index, a.start)] = _localised(a, here)
    for ev in events:
        sides = [placed_as[(ev.sentence_index, a.start)] if a is not None and (ev.sentence_index, a.start) in placed_as
                 and _domestic(a, ev.sentence, placed)
                 else _localised(a, country) if country and _domestic(a, ev.sentence, sectors) else a
                 for a in (ev.source, ev.target)]
        if sides[0] is not ev.source or sides[1] is not ev.target:
            changed += (sides[0] is not ev.source) + (sides[1] is not ev.target)
            ev.source, ev.target = sides
            ev.event_id = event_id(ev.article_id, content_hash, ev.sentence_index, ev.trigger.start, ev.source,
                                   ev.target, ev.cameo)
        if ev.event_id not in seen:
            seen.add(ev.event_id)
            kept.append(ev)
    events[:] = kept
    return changed

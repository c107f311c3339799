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
  "EU officials") keep none; the title of a state's own office is not marked so ("the foreign secretary");
* named actors of no known country (a company, a person with no title) are left alone: their name, not
  the article, decides their country;
* an article that names no country but its outlet's own (a British paper's report on "the chancellor" and
  "MPs") has that home country as its focus: the outlet is a news organisation of the knowledge base with a
  country, found by the article's ``source`` ("BBC News", "Guardian"; ``[focus] outlet_home``), for the roles of
  its domestic politics and public services only (``outlet_sectors``): a business story names firms, courts and
  prosecutors of anywhere without saying so;
* before the focus country, a role with no country that the article named earlier with one takes that
  country: "the prime minister" after "British Prime Minister Tony Blair", "the government" after
  "the Argentine government" (a definite role refers back to its last mention; ``[focus] antecedents``);
* after the focus country, a title of an office (``data/office_titles.tsv``) with no country takes the country
  of the last office-holder of ``data/leaders.tsv`` the article named earlier who held that office: "the prime
  minister" after "Tony Blair" and "Mr Bush", "the president" after "Donald Trump" (``[focus] office_holders``);
* with the antecedents, a role that a government or regime qualifies ("government forces", "the regime",
  "pro-regime fighters", "regime officials"), armed ones too, takes the country of the government or regime the
  article named most often before it with a country ("the Syrian government", "the Assad regime"): "the regime" is the
  government the article is about, and its forces are that state's (``[focus] regimes``);
* before the three above, a bare word that names a body of an organisation the article names is that body:
  "the Commission" in an article that names the EU is the EU's (IGOEEC; ``data/short_names.tsv``,
  ``[focus] short_names``);
* first of all, a street-level role with no country (``placed_sectors``: civilians, protesters,
  police) or rebels take the country where their event happened when its own sentence or the dateline placed the
  event ("protesters rallied outside the Russian embassy in Yerevan": ``ARMCVL``; "rebels attacked an army post in
  eastern Congo": ``CODREB``), in its sentence's other events too ("..., accusing Moscow"); armed forces only when
  a government or regime names them (``placed_government_sectors``: "government troops", "pro-regime forces"; bare
  "troops" placed in a country are as often another state's, invading it); this needs no focus.

The event's id is computed again from the new codes. Mentions keep what their sentence said.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from ._data import data_path, read_tsv, split_list
from .actor_context import FOREIGN_ROLES
from .people import leaders
from .records import Actor, Event, Mention, event_id
from .short_names import article_bodies, short_named

_DEFAULTS = {"enabled": True, "antecedents": True, "office_holders": True, "short_names": True, "regimes": True,
             "outlet_home": True,
             "outlet_sectors": ["GOV", "LEG", "PTY", "OPP", "LAB", "EDU", "HLH", "CVL", "COP"],
             "outlets_abroad": ["Reuters", "Agence France-Presse", "Associated Press", "Bloomberg News", "Al Jazeera",
                                "Wikinews"],
             "min_mentions": 5, "min_share": 0.7,
             "sectors": ["GOV", "LEG", "JUD", "PTY", "COP", "OPP", "LAB", "EDU", "REL", "HLH", "CVL", "MED", "BUS"],
             "placed_sectors": ["CVL", "OPP", "COP", "REB"], "placed_government_sectors": ["MIL"]}
# data/office_titles.tsv: a title with no name ("the prime minister") -> the leaders.tsv roles of its holders
OFFICE_TITLES = {w: frozenset(split_list(row["role"])) for _, row in read_tsv(data_path("office_titles.tsv"))
                 for w in split_list(row["words"])}
_PLACED_BY = ("sentence", "dateline")  # how an event's location was found, for placed_sectors
# a word before the role that places it abroad: "a western diplomat", "foreign ministers", "visiting officials";
# "regional" only where it does not name a region's own government ("regional leaders" are neighbours' leaders,
# "regional officials" and "the regional government" a province's)
_REGION_BODIES = (r"(?:government|governments|officials?|authorit(?:y|ies)|council|assembly|administration|"
                  r"governor|police)")
_ABROAD_WORDS = (r"\b(?:foreign|western|overseas|visiting|international|aid|allied|coalition|european|arab|african|"
                 r"asian|regional(?!\s+" + _REGION_BODIES + r"\b)|world|un|eu|member[- ]states?)\b")
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


def outlet_country(source: str | None, kb, settings: Mapping | None = None) -> str | None:
    """The country of the news outlet an article's ``source`` names ("BBC News": the BBC's, "Guardian": The
    Guardian's), from the knowledge base's news organisations, or None; None too for the outlets that report
    the world rather than a home country (``[focus] outlets_abroad``: wire services, Wikinews)."""
    if not source or kb is None:
        return None
    name, abroad = source.strip(), frozenset(focus_settings(settings)["outlets_abroad"])
    for form in (name, "The " + name, name.removesuffix(" News"), name.removeprefix("The ")):
        for entry in kb.terms.get(form, ()):
            if entry.kind == "org" and entry.sector == "MED" and entry.country:
                return None if entry.name in abroad else entry.country
    return None


def home_focus(mentions: Iterable[Mention], home: str | None) -> str | None:
    """The outlet's home country where the article names no other country (see the module docstring)."""
    if home is None:
        return None
    return home if all(m.actor.country in (None, home) for m in mentions) else None


def _domestic(actor: Actor | None, sentence: str, sectors: frozenset[str]) -> bool:
    """An actor with no country that the focus country may fill (see the module docstring)."""
    if actor is None or actor.country or actor.sector not in sectors:
        return False
    if (actor.code or "---").lstrip("-") != actor.sector:
        return False  # an organisation of no country ("IGOUNO", sector GOV) keeps its code
    if actor.name and actor.name.lower() == actor.text.lower():
        return False  # a bare name of no known country (a company, a person): not the article's to decide
    head = actor.text.split()[-1].lower() if actor.text.split() else ""
    if head in FOREIGN_ROLES or actor.text.lower() in FOREIGN_ROLES:
        return False
    before = sentence[:actor.start]
    if re.search(r"\bregional\W*$", before, re.IGNORECASE) and re.match(_REGION_BODIES, actor.text, re.IGNORECASE):
        before = before.rstrip()[:-len("regional")]  # "regional officials": a region's own
    text = actor.text
    if _role_words(actor) in OFFICE_TITLES:  # "the foreign secretary": a state's own office, not a foreigner
        text = re.sub(r"\bforeign\b", "", text, flags=re.IGNORECASE)
    return not (_ABROAD_IN.search(text) or _ABROAD_BEFORE.search(before))


_DETERMINERS = re.compile(r"^(?:the|a|an|this|that|these|those)\s+", re.IGNORECASE)
# a possessive before the role names whose it is ("its citizens", "our government"): no antecedent decides it
_POSSESSED = re.compile(r"\b(?:its|their|his|her|our|my|your)\s*$", re.IGNORECASE)
_QUOTES = re.compile(r"[\"“”]")


def _possessed_or_quoted(actor: Actor, sentence: str) -> bool:
    """Whether the actor follows a possessive or stands inside a quotation, where "the government" is the
    speaker's: no earlier mention gives it a country."""
    before = sentence[:actor.start]
    return bool(_POSSESSED.search(before)) or len(_QUOTES.findall(before)) % 2 == 1


def _role_words(actor: Actor) -> str:
    """The role an actor with no country is named by, lower-case, without its determiner ("the prime
    minister" -> "prime minister")."""
    return _DETERMINERS.sub("", actor.text.strip()).lower()


def _antecedent_country(actor: Actor, sentence: str, sentence_index: int, mentions: list[Mention]) -> str | None:
    """The country of the last earlier mention that names the same role with a country ("British Prime Minister
    Tony Blair" for "the prime minister"; a plural for its singular), or None. Not for a role after a possessive,
    nor inside a quotation, where "the government" is the speaker's."""
    role = _role_words(actor)
    if not role or _possessed_or_quoted(actor, sentence):
        return None
    pattern = re.compile(r"\b" + re.escape(role.removesuffix("s")) + r"s?\b")
    found = None
    for m in mentions:
        if (m.sentence_index, m.actor.start) >= (sentence_index, actor.start):
            break
        if m.actor.country and m.actor.sector == actor.sector and pattern.search(m.actor.text.lower()):
            found = m.actor.country
    return found


# words of a role that make it a government's: "government forces", "the regime", "pro-regime fighters"
_GOVERNMENT_WORDS = re.compile(r"\b(?:government|regime)\b", re.IGNORECASE)
_ARMED_SECTORS = frozenset({"MIL", "REB", "SPY"})


def _government_country(actor: Actor, sentence: str, sentence_index: int, mentions: list[Mention]) -> str | None:
    """The country of the government or regime named earlier with a country most often ("the Syrian government",
    "the Assad regime"; of two named as often, the last named) for a role that a government or regime names or
    qualifies ("the regime", "government forces", "pro-regime fighters"), or None; not after a possessive nor
    inside a quotation (see :func:`_antecedent_country`)."""
    if not _GOVERNMENT_WORDS.search(_role_words(actor)) or _possessed_or_quoted(actor, sentence):
        return None
    named: dict[str, tuple[int, int]] = {}  # country -> (times named, when last named)
    for k, m in enumerate(mentions):
        if (m.sentence_index, m.actor.start) >= (sentence_index, actor.start):
            break
        if m.actor.country and m.actor.sector == "GOV" and _GOVERNMENT_WORDS.search(m.actor.text):
            named[m.actor.country] = (named.get(m.actor.country, (0, 0))[0] + 1, k)
    return max(named, key=named.get) if named else None


def _office_holder_country(actor: Actor, sentence: str, sentence_index: int, mentions: list[Mention]) -> str | None:
    """The country of the last office-holder (``data/leaders.tsv``) named before the actor who held the office its
    title names ("Tony Blair" for "the prime minister"; ``data/office_titles.tsv``), or None; not after a possessive
    nor inside a quotation (see :func:`_antecedent_country`)."""
    roles = OFFICE_TITLES.get(_role_words(actor))
    if not roles or _possessed_or_quoted(actor, sentence):
        return None
    found = None
    for m in mentions:
        if (m.sentence_index, m.actor.start) >= (sentence_index, actor.start):
            break
        if m.actor.country and m.actor.name and any(o.role in roles and o.country == m.actor.country
                                                    for o in leaders().get(m.actor.name, ())):
            found = m.actor.country
    return found


def _placed_country(ev: Event) -> str | None:
    """The country where the event's own sentence or the dateline placed it, or None."""
    where = ev.location or {}
    return where.get("country") if where.get("how") in _PLACED_BY else None


def _localised(actor: Actor, country: str) -> Actor:
    code = actor.code or ""
    return Actor(actor.text, actor.start, actor.end, country + code.lstrip("-"), country, actor.sector, actor.name)


def localise(events: list[Event], mentions: list[Mention], content_hash: str, settings: Mapping | None = None,
             home: str | None = None) -> int:
    """Give the article's focus country to its events' domestic roles (street-level ones the country where their
    event happened), in place; returns how many actors changed. ``home``: the country of the article's outlet
    (:func:`outlet_country`). Events that come out identical to another (same id) are dropped."""
    conf = focus_settings(settings)
    if not conf["enabled"] or not events:
        return 0
    country = focus_country(mentions, int(conf["min_mentions"]), float(conf["min_share"]))
    sectors, placed = frozenset(conf["sectors"]), frozenset(conf["placed_sectors"])
    governed = frozenset(conf["placed_government_sectors"])

    def placeable(a: Actor | None, sentence: str) -> bool:
        return _domestic(a, sentence, placed) or (_domestic(a, sentence, governed)
                                                   and bool(_GOVERNMENT_WORDS.search(_role_words(a))))

    focused = sectors  # the roles the focus country is given to
    if country is None and conf["outlet_home"]:  # only the outlet's home: its domestic politics, not firms or courts
        country, focused = home_focus(mentions, home), sectors & frozenset(conf["outlet_sectors"])
    changed, seen, kept = 0, set(), []
    # a street-level mention placed through one event is that country's in its sentence's other events too
    # ("protesters rallied outside the embassy in Yerevan, accusing Moscow": the accusers are Armenians)
    placed_as = {}
    for ev in events:
        here = _placed_country(ev)
        for a in (ev.source, ev.target):
            if here and placeable(a, ev.sentence):
                placed_as[(ev.sentence_index, a.start)] = _localised(a, here)
    by_place = sorted(mentions, key=lambda m: (m.sentence_index, m.actor.start))
    ordered = by_place if conf["antecedents"] else []
    bodies = article_bodies(mentions) if conf["short_names"] else {}
    for ev in events:
        sides = [placed_as.get((ev.sentence_index, a.start)) if a is not None and placeable(a, ev.sentence)
                 else None for a in (ev.source, ev.target)]
        for k, a in enumerate((ev.source, ev.target)):
            sides[k] = sides[k] or (short_named(a, bodies) if bodies else None)
            if sides[k] is None and _domestic(a, ev.sentence, sectors | _ARMED_SECTORS):
                if a.sector in _ARMED_SECTORS and a.sector not in sectors:  # armed roles: only a government's
                    earlier = _government_country(a, ev.sentence, ev.sentence_index, ordered) if (
                        ordered and conf["regimes"]) else None
                    sides[k] = _localised(a, earlier) if earlier else a
                    continue
                earlier = _antecedent_country(a, ev.sentence, ev.sentence_index, ordered) if ordered else None
                if not earlier and ordered and conf["regimes"]:
                    earlier = _government_country(a, ev.sentence, ev.sentence_index, ordered)
                earlier = earlier or (country if a.sector in focused else None)
                if not earlier and conf["office_holders"]:
                    earlier = _office_holder_country(a, ev.sentence, ev.sentence_index, ordered or by_place)
                sides[k] = _localised(a, earlier) if earlier else None
            sides[k] = sides[k] or a
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

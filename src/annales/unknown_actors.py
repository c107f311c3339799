"""Actors the knowledge base does not know: named organisations, sub-national places and their
countries, found among the entity recogniser's names (a step of :class:`annales.actors.ActorFinder`)."""

from __future__ import annotations

from ._data import data_path, read_tsv, split_list
from .actor_context import FAMILY_NOUNS, HOSTED_ROLES, names_a_backer
from .actor_phrase import ActorPhrase
from .kb import Entry
from .parse import tokens
from .people import leaders

# -- actors the knowledge base does not know ---------------------------------------------------------
# Named entities that are plausible actors ("USAID", "The Ogaden National Liberation Front", "the
# Alabama Court of Criminal Appeals", "California") become actor phrases: their country from a place
# inside or attached to them (the gazetteer maps a region or city to its country), their sector from
# their own head words, and "---" + sector when no country is found (docs/schema.md). Off with user
# dictionaries (PETRARCH's convention: only dictionary actors are actors).

# words of a name that tell its sector (the rightmost one before "of"/"for" wins: "Department of Justice"):
# data/name_words.tsv
NAME_SECTORS = {w: row["sector"] for _, row in read_tsv(data_path("name_words.tsv")) for w in split_list(row["words"])}
_ENTITY_ORG = frozenset({"ORG"})
_ENTITY_PLACE = frozenset({"GPE", "LOC"})
# place kinds of the gazetteer that stand for their country's people or government, and the smallest city:
# a city named as a place (GPE) counts from _MIN_CITY_POP people, or from any size when its country is
# named elsewhere in the text; the first word of a name ("Michigan Department of ...") only as a region,
# a team-file place or a city of _MIN_NAME_CITY_POP
_PLACE_KINDS = frozenset({"admin1", "place", "city"})
_MIN_CITY_POP = 100_000
_MIN_NAME_CITY_POP = 1_000_000


# generic words after a place's name in one entity ("Mosul city", "Sichuan province", "Buner district")
_PLACE_NOUNS = frozenset("city town village province governorate region state district county prefecture oblast "
                         "municipality".split())

# names that are directions or generic words before they are places ("the North" is no town in Ohio)
_NOT_PLACES = frozenset("north south east west northern southern eastern western central centre center "
                        "north-east north-west south-east south-west northeast northwest southeast southwest "
                        "midwest mainland capital city state province region homeland".split())


def _place(geocoder, text: str, context, strict: bool = False):
    """The gazetteer entry a place name ``text`` stands for, or None (too small, unknown)."""
    if geocoder is None or not text or not text[:1].isupper() or text.lower() in _NOT_PLACES:
        return None
    p = geocoder.lookup(text, context)
    words = text.split()
    if p is None and len(words) > 1 and words[-1].lower() in _PLACE_NOUNS:
        p = geocoder.lookup(" ".join(words[:-1]), context)  # "Mosul city", "Sichuan province": the place
    if p is None:
        return None
    if p.kind == "city":
        if strict and p.pop < _MIN_NAME_CITY_POP and not (context and p.country in context):
            return None
        if p.pop < _MIN_CITY_POP and not (context and p.country in context):
            return None
    return p


def _where(tok) -> bool:
    """Whether a name is the object of "in"/"near"/"outside": a place even when tagged ORG ("a court in
    Lyon", where the tagger knows the football club)."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("in", "near", "outside")


def _strip(span):
    """An entity's words without a leading article or a trailing possessive."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and doc[end - 1].tag_ == "POS":
        end -= 1
    return doc[start:end]


def _name_sector(span) -> str | None:
    words = [t.lower_ for t in span]
    cut = next((k for k, w in enumerate(words) if w in ("of", "for", "on", "in") and k > 0), len(words))
    for w in reversed(words[:cut]):
        if w in NAME_SECTORS:
            return NAME_SECTORS[w]
    for w in reversed(words[cut:]):
        if w in NAME_SECTORS:
            return NAME_SECTORS[w]
    return None


def _context_country(doc, start: int, end: int, head: int, geocoder, kb, context) -> tuple[str | None, int]:
    """A country for the words [start, end) headed by ``head``: a place named among them or among the
    head's left modifiers ("the Alabama Court of Criminal Appeals", "former Alabama House Speaker Mike
    Hubbard", "Michigan Department of ..."), or one attached to the head ("X in PLACE", "X of PLACE",
    "PLACE's X"). Returns (country, the start and end of the words it came from)."""
    h = doc[head]
    lo = min(start, h.left_edge.i)
    cands = []  # (text, strict, start)
    for ent in tokens(doc).ents:
        if ent.label_ in _ENTITY_PLACE and lo <= ent.start and ent.end <= end:
            cands.append((_strip(ent).text, False, ent.start, ent.end))
    # leading proper nouns of a name ("Michigan Department", "Alabama House Speaker")
    i = start
    while i < end and (doc[i].lower_ in ("the", "former", "then") or doc[i].pos_ in ("ADJ", "NUM")):
        i += 1
    j = i
    while j < end and j != head and doc[j].pos_ == "PROPN" and doc[j].lower_ not in NAME_SECTORS:
        j += 1
    for k in range(j, i, -1):  # the longest first: "West Bengal Chief Minister", ..., "West Bengal"
        cands.append((doc[i:k].text, True, i, k))
    for c in h.children:
        if c.dep_ == "poss" and c.ent_type_ in _ENTITY_PLACE:
            cands.append((_ent_text(c), False, c.left_edge.i, c.i + 1))
        elif c.dep_ == "prep" and c.lower_ in ("in", "of", "from") and c.i > head and not (
                c.lower_ == "in" and h.lower_ in HOSTED_ROLES):  # "the embassy in Karachi" is a foreign one
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None and (pobj.ent_type_ in _ENTITY_PLACE or _where(pobj)):
                cands.append((_ent_text(pobj), False, c.i, pobj.right_edge.i + 1))
    for text, strict, at, to in (c for c in cands if not names_a_backer(doc[c[2]:c[3]])):  # not "Iran-backed"
        entries = kb.terms.get(text)
        if entries and entries[0].country and entries[0].kind in ("country", "seat"):
            return entries[0].country, at, to
        place = _place(geocoder, text, context, strict)
        if place is not None and (not strict or place.kind != "city" or place.pop >= _MIN_NAME_CITY_POP
                                  or place.country in (context or ())):
            return place.country, at, to
    return None, start, end


def _ent_text(tok) -> str:
    ent = next((e for e in tokens(tok.doc).ents if e.start <= tok.i < e.end), None)
    return _strip(ent).text if ent is not None else tok.text


def _countries(phrases: list[ActorPhrase]) -> dict[str, int]:
    """The countries the text's known actors name: the gazetteer's cue for ambiguous place names."""
    out: dict[str, int] = {}
    for p in phrases:
        if p.country:
            out[p.country] = out.get(p.country, 0) + 1
    return out


def place_countries(phrases: list[ActorPhrase], doc, geocoder, kb) -> None:
    """Phrases with no country ("the Alabama Court of Criminal Appeals", "ICE in Miami", "former Alabama
    House Speaker Mike Hubbard") take the country of a place named in or attached to them."""
    context = None
    for p in phrases:
        if p.country or p.org or p.prefix:
            continue
        if context is None:
            context = _countries(phrases)
        start, end = p.start, p.end
        for ent in tokens(doc).ents:  # the whole name the head is part of
            if ent.start <= p.head < ent.end and ent.label_ in ("ORG", "PERSON", "FAC"):
                start, end = min(start, ent.start), max(end, ent.end)
        while start > doc[p.head].left_edge.i and doc[start - 1].pos_ == "PROPN":
            start -= 1  # "West Bengal Chief Minister ...": the proper nouns before the title
        country, at, to = _context_country(doc, start, end, p.head, geocoder, kb, context)
        if country:
            p.country = country
            p.name = p.name or doc[at:to].text  # "the Gujarat government" is not "the Kerala government"
            # the place is part of the phrase ("former Alabama House Speaker ...", "police in Texas")
            p.start, p.end = min(p.start, at), max(p.end, to)


def _parenthesised(span) -> bool:
    doc = span.doc
    return span.start > 0 and span.end < len(doc) and doc[span.start - 1].text == "(" and doc[span.end].text == ")"


def unknown_entities(doc, phrases: list[ActorPhrase], geocoder, kb, countryless: bool = True) -> list[ActorPhrase]:
    """Actor phrases for organisations and sub-national places that no knowledge-base term names
    (organisations of no known country only when ``countryless``)."""
    covered = {i for p in phrases for i in range(p.start, p.end)}
    context = _countries(phrases)
    names = leaders()
    out = []
    for ent in tokens(doc).ents:
        if ent.label_ not in _ENTITY_ORG and ent.label_ not in _ENTITY_PLACE:
            continue
        span = _strip(ent)
        if not len(span) or any(t.i in covered for t in span):
            continue
        if span.text in names:
            continue  # a person the list knows, tagged GPE or ORG ("Erdogan"): annales.people codes it
        if span.root.dep_ == "compound" and span.root.head.lower_ in FAMILY_NOUNS:
            continue  # "the Lima clan": a family's name, not the place
        if _parenthesised(span):
            continue  # "the Nigerian National Petroleum Corporation (NNPC)", "MOSCOW (Sputnik) -"
        head = span.root.i
        if span.text.isupper() and len(span.text) > 4 and geocoder is not None and geocoder.lookup(span.text):
            continue  # a dateline ("KABUL, Afghanistan -"), tagged ORG or GPE: where, not who
        sector = _name_sector(span) if ent.label_ in _ENTITY_ORG else None
        place = None
        if ent.label_ in _ENTITY_PLACE or sector is None:  # "Maradi" tagged ORG is a place
            place = _place(geocoder, span.text, context, strict=ent.label_ in _ENTITY_ORG and not _where(span.root))
            if place is not None and place.kind not in _PLACE_KINDS:
                place = None
        if place is not None:
            entry = Entry("region", place.name, country=place.country)
            out.append(ActorPhrase(head=head, start=span.start, end=span.end, country=place.country,
                                   name=place.name, parts=[(0, head, entry)]))
            continue
        if ent.label_ not in _ENTITY_ORG or not any(t.is_upper or t.is_title for t in span):
            continue
        country, _, _ = _context_country(doc, span.start, span.end, head, geocoder, kb, context)
        if country is None and not countryless:
            continue
        entry = Entry("org", span.text, country=country, sector=sector)
        out.append(ActorPhrase(head=head, start=span.start, end=span.end, country=country, sector=sector,
                               name=span.text, parts=[(0, head, entry)]))
    return out

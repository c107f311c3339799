"""Generic persons as the target of an act done to persons: "police arrested a man", "soldiers shot two
women in Hebron", "the agency sent food to families".

CAMEO and PETRARCH code a person of no named group as a civilian (CVL) of the country where the act
happened; the knowledge base leaves such nouns out ("people", "women" are mostly no actors in news), so
an act whose object is one had no target and was dropped, or took as target the place the person was in
("arrested a man in Nairobi": Kenya's government). Here, for the roots of acts done to persons (``[coder]
generic_target_roots``: coercion and arrest, assault, fighting, mass violence, aid, apology), the object of the trigger
(direct object, passive subject, dative, or the object of "to", "against", "on", "at") whose head is a noun of
``data/generic_persons.tsv`` is a target of that noun's sector: of the country of a place in its own phrase
("a man in Nairobi": KENCVL), else of the country of a state's government, police or courts that did the act
(``HOME_SECTORS``), else of no country, which ``annales.focus`` fills with the country where the
sentence or the dateline placed the event (``[focus] placed_sectors``) or the article's focus country. Never a
source: a man who attacks is no political actor; nor for a source of no country or organisation (a person the
knowledge base does not know, "an assailant": a crime of no known state or group), nor where an act is the
subject or the trigger a participle after one ("a Turkish air strike killed seven people", "struck a power station,
killing seven people": the toll of an act coded by itself). Not a possessed noun ("his wife": whose it is decides), nor
one a name qualifies.
"""

from __future__ import annotations

from ._data import data_path, read_tsv, split_list
from .actors import ActorPhrase, Actors

SECTORS = {t: row["sector"] for _, row in read_tsv(data_path("generic_persons.tsv")) for t in split_list(row["terms"])}
DEFAULT_ROOTS = ("17", "18", "19", "20", "07", "055")
# a state's domestic institutions: the private persons they arrest, ban, try or apologise to are their own
# country's, where nothing else places them ("the Samoan government banned children from gatherings"); not its
# armed forces, which act abroad as often
HOME_SECTORS = frozenset({"GOV", "COP", "JUD"})
_OBJECTS = frozenset({"dobj", "nsubjpass", "dative"})
_AIMS = frozenset({"to", "against", "on", "at"})
_PLACES = ("country", "seat", "region")


def _objects(trig):
    for c in trig.children:
        if c.dep_ in _OBJECTS:
            yield c
        elif c.dep_ == "prep" and c.lower_ in _AIMS:
            yield from (g for g in c.children if g.dep_ == "pobj")


def _toll(trig, actors: Actors) -> bool:
    """Whether the trigger tells what another act did: its subject is an act ("an air strike killed seven
    people", "fighting between X and Y killed forty", "a strike that killed seven"), or it is a participle after
    one ("struck a power station, killing seven people"): that act is the event, coded by itself."""
    if trig.dep_ == "advcl" and trig.tag_ == "VBG":
        return True
    subj = next((c for c in trig.children if c.dep_ == "nsubj"), None)
    if subj is not None and subj.tag_ in ("WDT", "WP") and trig.dep_ == "relcl":
        subj = trig.head
    return subj is not None and subj.pos_ in ("NOUN", "VERB") and subj.i not in actors.by_token


def generic_targets(code: str | None, trig, actors: Actors, sources: list, targets: list,
                    roots=DEFAULT_ROOTS) -> list:
    """``targets``, or the generic persons the trigger acts on in their place when it has none or only
    places inside the persons' own phrase (see the module docstring)."""
    if not code or not roots or not code.startswith(tuple(roots)):
        return targets
    if not any(s.country or s.org for s in sources):
        return targets  # "Smith killed a woman", "an assailant hit a man": a crime of no known state or group
    homes = {s.country for s in sources if s.country and s.sector in HOME_SECTORS}
    home = homes.pop() if len(homes) == 1 and all(s.sector in HOME_SECTORS for s in sources) else None
    if _toll(trig, actors):
        return targets
    out, covered = [], set()
    for c in _objects(trig):
        for tok in (c, *c.conjuncts):
            sector = SECTORS.get(tok.lower_)
            if sector is None or tok.pos_ != "NOUN" or actors.by_token.get(tok.i) is not None:
                continue
            if any(d.dep_ == "poss" or d.pos_ == "PROPN" and d.dep_ in ("compound", "amod") for d in tok.children):
                continue  # "his wife", "the Smith family"
            span = range(tok.left_edge.i, tok.right_edge.i + 1)
            inside = [t for t in targets if t is not None and t.head in span]
            if any(not t.names_only(_PLACES) for t in inside):
                return targets  # "a man of the opposition party": the actor named
            country = inside[0].country if inside else home
            start = min([tok.i] + [d.i for d in tok.children if d.dep_ in ("det", "nummod", "amod") and d.i < tok.i])
            out.append(ActorPhrase(head=tok.i, start=start, end=tok.i + 1, country=country, sector=sector))
            covered.update(span)
    return out + [t for t in targets if t is not None and t.head not in covered] if out else targets

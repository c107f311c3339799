"""Where an act happened versus whom it was done to: a country, capital or region named with a
locative preposition ("struck a depot in Syria") can stand for the act's target, but not when it is
only the act's setting: a meeting's venue ("met in Rome"), a place an act was done near ("fought near
Raqqa"), or the sub-national scene of a fight with no named adversary ("fighting in Donetsk",
"military operations in Idlib"). A country named stays the target even of its own people's acts
("rebels attacked in Afghanistan": the state they fight)."""

from __future__ import annotations

from dataclasses import replace

from .actors import PLACE_PREPS, ActorPhrase, Actors
from .lexicon import child

LOCATIVE_PREPS = frozenset({"in", "near", "on", "at", "inside", "across", "over", "outside"})
# near a place is not in it: what was done there was done to no one named
PROXIMITY_PREPS = frozenset({"near", "outside", "around", "beside", "along"})
FIGHT_CODES = frozenset({"190"})  # a fight's adversary is a party to it, never the scene
FORCE_ROOTS = frozenset({"18", "19", "20"})  # assault, fight, mass violence: done to the state where they are
# statements, meetings and force: a place named with "in", "at" is where they happened, no one told, met or
# fought ("In Beijing, a spokesman said ...")
SCENE_ROOTS = FORCE_ROOTS | {"01", "04"}
# appeals, pledges, cooperation and disapproval: a place "in" which they are done is where they happened, never
# their target ("agreed in Brussels to resume talks"); pairing.VENUE_ROOTS less statements and meetings (01, 04:
# scenes already)
SETTING_ROOTS = frozenset({"02", "03", "05", "06", "09", "10", "11", "12", "13"})
# an encounter a speaker is on or at when speaking ("X, on a visit to Y, said ..."): not whom the words are for
SETTING_NOUNS = frozenset("visit trip tour talk meeting summit conference sideline stopover".split())


def is_place(p: ActorPhrase) -> bool:
    """A country, capital or region ("Idlib", annales.actors' sub-national places), not its people."""
    return p.names_only(("country", "seat", "region"))


def venue(tok, actors: Actors) -> bool:
    """Whether ``tok`` is the object of a place preposition that names a place ("met in Rome",
    "clashes in Idlib"): where something happened, not an object of the act."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS:
        return False
    p = actors.at(tok)
    return p is not None and is_place(p)


def off_scene(trig, code: str, targets: list[ActorPhrase]) -> list[ActorPhrase]:
    """The targets of a fight (``code``) less sub-national places named as where it was fought, even by
    a lexicon row ("a military operation in Idlib", "fought near Raqqa"): a scene, not a party."""
    if code not in FIGHT_CODES:
        return targets
    doc = trig.doc
    return [t for t in targets if t is None or not (
        not t.names_only(("country",)) and is_place(t)
        and doc[t.head].dep_ == "pobj" and doc[t.head].head.lower_ in PLACE_PREPS
        and doc[t.head].head.head.i == trig.i)]  # not "struck a depot near Damascus": the depot's place


def named_town(trig, code: str, targets: list[ActorPhrase], places=None) -> list[ActorPhrase]:
    """A force act's one target a name no list places ("---": a town the tagger took for a person or an
    organisation, "shelled Kharkiv", "struck Hodeidah") that the gazetteer (``places``, trigger -> (start,
    end, ISO3)) finds there as a place: the town's country."""
    if code[:2] not in FORCE_ROOTS or places is None or len(targets) != 1 or targets[0] is None:
        return targets
    t = targets[0]
    if t.country or t.org or t.prefix or t.refers is not None:
        return targets
    hit = places(trig)
    if hit is None or not (hit[0] <= t.start and t.end <= hit[1]):
        return targets
    return [ActorPhrase(head=t.head, start=hit[0], end=hit[1], country=hit[2])]


def place_targets(trig, sources, actors: Actors, preps=LOCATIVE_PREPS) -> list[ActorPhrase]:
    """For acts with no other target: a country, capital or region named as where it happened."""
    holders = [trig] + [c for c in trig.children if c.dep_ in ("dobj", "nsubjpass")]
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                pobj = child(c, "pobj")
                p = actors.at(pobj) if pobj is not None and pobj.lower_ != "behalf" else None  # not "on behalf of"
                if p is not None and p.country and is_place(p) and p not in sources:
                    return [as_place(p)]
    return []


def as_place(p: ActorPhrase) -> ActorPhrase:
    """A place named as where something happened: its country, not the government it otherwise stands for."""
    return replace(p, sector=None, siblings=[])


def scene_targets(trig, code: str, sources, actors: Actors, places=None) -> list[ActorPhrase]:
    """The target a place named as where an act (``code``) happened gives (see the module doc);
    ``places``, for force, a gazetteer lookup (trigger -> (start, end, ISO3)) of towns the actors miss."""
    found = place_targets(trig, sources, actors, LOCATIVE_PREPS - PROXIMITY_PREPS)
    town = False
    if not found and code[:2] in FORCE_ROOTS and places is not None:
        hit = places(trig)  # a town the knowledge base does not know: the gazetteer's country
        if hit is not None and (hit[0] == 0 or trig.doc[hit[0] - 1].lower_ not in PROXIMITY_PREPS):
            start, end, country = hit
            found, town = [ActorPhrase(head=end - 1, start=start, end=end, country=country)], True
    if not found:
        return []
    p = found[0]
    struck = any(c.dep_ in ("dobj", "nsubjpass") for c in trig.children)  # "hit a checkpoint in Kandahar"
    if code in FIGHT_CODES and not struck and (town or not p.names_only(("country",))):
        return []  # "fought in Donetsk", "operations in Idlib": a sub-national scene, no adversary
    return found


def home_place(source: ActorPhrase, target: ActorPhrase, doc) -> ActorPhrase:
    """A capital named as where a state acted at home ("imposed a curfew in Bangkok", said of the Thai
    government) is the place, its country, not the government the capital otherwise stands for; any
    other target is returned as it is."""
    tok = doc[target.head]
    if (target.code == source.code and target.sector and target.names_only(("seat",))
            and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS):
        return as_place(target)
    return target


# forces and missions sent somewhere: what is given "to" them is given to the place they serve in
MISSION_NOUNS = frozenset("force forces mission missions operation operations peacekeeping contingent".split())


def mission_place(pobj, found: list[ActorPhrase], actors: Actors) -> list[ActorPhrase]:
    """"contribute troops to the NATO-led force in Afghanistan", "to UN peacekeeping operations in Syria": the
    place the mission serves (its country), not the organisation that leads it; else ``found``."""
    if pobj is None or pobj.lemma_.lower() not in MISSION_NOUNS or not found or any(p.country for p in found):
        return found
    return place_targets(pobj, (), actors, preps=("in", "to")) or found

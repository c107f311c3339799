"""Pairing a trigger's sources and targets into events, the last step of :class:`annales.events.EventCoder`:
modality and negation, refusals (12), intended and weighed acts, the target where none was found in the parse (a
condition's subject, mediated parties, a generic civilian, a struck place, coordinated actors on each other) and one
event per source-target pair, with the reverse of a paired code ("042:043": the visited hosts)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from . import ontology
from . import unaimed_force
from .actors import ActorPhrase, Actors
from .claims import CLAIMED, claimed_target
from .coordination import each_other
from .encounters import MEDIATION, mediated_parties
from .event_filters import REQUEST_ROOTS
from .generic_targets import DEFAULT_ROOTS, generic_targets
from .lexicon import Lexicon, Pattern
from .modality import (NEGATIONS, WEIGHED, announced, cannot, committed, condition_subject, considered, in_condition,
                       is_negated, modality_of, possible_only, refused, ultimatum, unilateral, unreal)
from .official import official_code
from .requested import requested_code
from .targets import slot_filled
from .venues import home_place, named_town, off_scene, scene_targets

# protests, force postures, appeals and disapproval may have no target ("urged calm", "appealed for donations
# to the flood victims", "condemned the bombing"): CAMEO codes them with the source alone
TARGETLESS_ROOTS = frozenset({"02", "11", "14", "15"})
# acts aimed at no one: "declared three days of mourning", "declined to comment", "confessed to the fraud"
TARGETLESS_CODES = frozenset({"017", "011", "015"})
# but not a stance or blame with no one it is aimed at ("he opposes immigration", "blamed the weak dollar for")
AIMED_CODES = frozenset({"110", "112"})
# "Thailand and Cambodia agreed to a ceasefire", "X and Y held talks": coordinated actors with no target
# act on each other when the act can be mutual: a symmetric paired code ("040:040") or one of these
# (not praise or support: "nationals hailing from Indonesia and Somalia" is no mutual praise)
RECIPROCAL_CODES = ("03", "04", "050", "057", "06", "08", "19")
# visits and their hosts ("042:043"): none within one's own country; places that stand for their country
HOME_TRIPS = frozenset({"042", "043"})
PLACES = ("country", "seat", "region")
# statements, appeals, meetings and cooperation: a place named is where they happened, not their target
# ("met in Geneva"); other acts done "in" a country act on it ("declared a ceasefire in Libya")
VENUE_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "09", "10", "11", "12", "13"})
# CAMEO's refusal (12) of an act, by the act's code prefix, longest first: "refused to meet" 125,
# "refused to release the prisoners" 1243, "will not lift sanctions" 1244, "declined to say" 011; other acts 120
REFUSALS = {"0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234", "061": "1211", "062": "1212",
            "071": "1221", "072": "1222", "073": "1223", "074": "1224", "081": "1241", "082": "1242",
            "083": "123", "084": "1243", "085": "1244", "086": "1245", "087": "1246", "045": "126",
            "057": "127", "04": "125", "06": "121", "07": "122", "08": "124", "12": None,
            "01": "011"}  # "declined to comment": a comment refused is a declined comment


@dataclass
class RawEvent:
    """An event found in a sentence, before dates and ids are added."""

    sent_start: int  # token index of the sentence start
    trigger: int  # token index
    source: ActorPhrase
    target: ActorPhrase | None
    pattern: Pattern
    code: str
    modality: str
    negated: bool
    tense: str
    by_noun: bool


@dataclass
class Pairing:
    """``Pairing(lexicon, ...)(sent, trigger, pattern, sources, targets, by_noun, actors) -> list[RawEvent]``.
    ``rejected`` collects the triggers it rules no event (an act only supposed or possible) until reset."""

    lexicon: Lexicon
    intent_codes: bool = True  # False: PETRARCH's convention, "will impose" keeps the act's code
    # optional: trigger token -> (start, end, ISO3) of a gazetteer place where the act happened
    # ("bombed the Makhmour power station"); see annales.places.Geocoder.place_of
    places: Callable | None = None
    unaimed_force: bool = True  # force with no target named: the source alone (annales.unaimed_force)
    generic_roots: tuple = DEFAULT_ROOTS  # "arrested a man": annales.generic_targets
    rejected: set[int] = field(default_factory=set)

    def __call__(self, sent, trig, pattern: Pattern, sources, targets, by_noun: bool,
                 actors: Actors) -> list[RawEvent]:
        if not sources:
            return []
        sources, targets = _named_antecedents(sources, sent), _named_antecedents(targets, sent)
        modality, tense = modality_of(trig)
        if modality != "hypothetical" and (pattern.code or "")[:2] < "10" and announced(trig):
            # "announced it was pulling its troops out": a pledge (03); "announced they are boycotting" is done
            modality, tense = "intended", "future"
        # PETRARCH: a verb's own negation only ("won't try to clash" is a clash), but a multi-word verb the
        # parser split ("will not [wire] tap") keeps its first word's
        negated = is_negated(trig, governed=not pattern.dictionary or bool(pattern.lead)) and not (
            pattern.dictionary and NEGATIONS & set(pattern.before))  # "- WILL NOT *": the pattern's own negation
        # "X and Y agreed a ceasefire", "X and Y failed to reach agreement": an act that can be mutual
        mutual = pattern.reverse == pattern.code or (pattern.code or "").startswith(RECIPROCAL_CODES)
        if not pattern.dictionary and (in_condition(trig) or possible_only(trig)):
            self.rejected.add(trig.i)
            return []  # "unless Chad arranges a ceasefire with the rebels", "the party could appeal": no event
        if not pattern.dictionary and (pattern.code or "").startswith(REQUEST_ROOTS):
            pattern = replace(pattern, code=requested_code(pattern.code, trig, self.lexicon))
        weighed = self.intent_codes and not pattern.dictionary and considered(trig)  # "is considering sending"
        if negated and not pattern.dictionary and pattern.code and not weighed and (
                ((modality == "intended" or cannot(trig)) and pattern.code[:2] < "10")
                or refused(trig)):
            # "refused to lift the ban", "will not attend the talks": CAMEO codes a refusal (12), not the act
            # (a conflictual act that will not happen, "will not recall its ambassador", stays negated)
            pattern = replace(pattern, code=refusal_code(pattern.code), reverse=None)
            negated, modality = False, "asserted"
        recode = modality in ("intended", "hypothetical") and self.intent_codes and not pattern.dictionary
        code, reverse = ((ontology.recode_intended(c) if c and recode else c) for c in (pattern.code, pattern.reverse))
        if weighed:
            code, reverse, recode = WEIGHED, None, False  # weighing an act: 014, not an intent
        if recode:
            if unilateral(trig):
                reverse = None  # "offered to negotiate with Y": Y has offered nothing ("is due to visit" is hosted)
            if code and code[:2] != "13" and ultimatum(trig, code):
                code = "130"  # "will withdraw its troops unless ...": a conditional act is a threat
        if not pattern.dictionary and unreal(modality, code or reverse):
            self.rejected.add(trig.i)
            return []  # "Moscow would block the renewal": only supposed (PETRARCH dictionaries code it)
        if negated and pattern.dictionary and self.lexicon.negations is not None:
            # PETRARCH-2: a negated act is coded as its negation ("did not criticise" 110 -> 050), or not at all
            code, reverse = (self.lexicon.negations.get(c) if c else None for c in (code, reverse))
            if not (code or reverse):
                return []
            negated = False
        root = (code or reverse)[:2]
        if code == "011":
            targets = []  # a comment withheld is told to no one, and what it is "on" is no target
        elif code == CLAIMED and not targets and not pattern.dictionary:  # "claimed responsibility for"
            targets = [p for p in claimed_target(trig, actors, self.lexicon.nouns) if p not in sources]
        if targets and code:
            towns = None if pattern.dictionary else self.places  # "shelled Kharkiv": the gazetteer's town
            targets = named_town(trig, code, off_scene(trig, code, targets), towns)
        if not targets and root in ("12", "13") and not pattern.dictionary:
            # "threatened to quit the talks if Y ...", "will not lift the embargo until Y ..."
            cond = condition_subject(trig, ("if", "unless") if root == "13" else ("until", "unless"))
            targets = [p for p in actors.all_at(cond) if p not in sources] if cond is not None else []
        if not targets and code == MEDIATION and not pattern.dictionary:  # "an effort to end the rift between X and Y"
            targets = [p for p in mediated_parties(trig, actors) if p not in sources]
        if not pattern.dictionary:  # "police arrested a man": a civilian (annales.generic_targets)
            targets = generic_targets(code, trig, actors, sources, targets, self.generic_roots)
        together = len(sources) > 1 and pattern.target == "with" and not slot_filled(pattern, trig)  # each other
        if not targets and root not in VENUE_ROOTS and not pattern.dictionary and not together:
            # "struck a depot in Syria": the place's country (annales.venues: not a mere setting)
            targets = scene_targets(trig, code or reverse, sources, actors, self.places)
        if pattern.target == "compound":  # PETRARCH "- % *": coordinated subjects act on each other
            targets = list(sources) if len(sources) > 1 else []
        mutual = mutual or (code or "").startswith(RECIPROCAL_CODES)
        if not targets and len(sources) > 1 and (mutual and not slot_filled(pattern, trig)
                                                 or not pattern.dictionary and each_other(trig)):
            targets = list(sources)  # "X and Y agreed a ceasefire", "accused each other"; not "backed the Kurds"
        pledge = root == "03" and not pattern.dictionary and committed(trig)  # "X agreed to lay down its arms"
        if not targets:
            unaimed = self.unaimed_force and unaimed_force.unaimed(code, trig, actors)  # "launched an offensive"
            if not (_targetless(code) or pledge or unaimed) or pattern.dictionary:
                return []  # (PETRARCH codes an event only with a source and a target)
            if root == "02" and any(c.dep_ in ("dobj", "dative", "oprd", "attr") and actors.at(c)
                                    for c in trig.children):
                return []  # "called King Salman on Saturday": a phone call, not an appeal "on" no one
            targets = [None]
        out = []
        for s in sources:
            if (targets != [None] and code and _targetless(code) and not pattern.dictionary
                    and all(t is not s and t.code == s.code and t.names_only(PLACES) for t in targets)):
                # "Palestinians demonstrated in Gaza City": a protest in one's own country is aimed at no one
                out.append(RawEvent(sent.start, trig.i, s, None, pattern, official_code(code, trig, s), modality,
                                    negated, tense, by_noun))
                continue
            for t in targets:
                t = home_place(s, t, sent.doc) if t is not None and not pattern.dictionary else t
                if t is not None and (t is s or t.code == s.code and not _two_named(s, t)):
                    continue  # an actor acting on itself is a parsing error far more often than news
                trip = (pattern.code or pattern.reverse or "")[:3] in HOME_TRIPS  # intended too ("is to visit")
                if t is not None and trip and s.country == t.country and (
                        t.names_only(PLACES) or s.names_only(PLACES)) and not pattern.dictionary:
                    continue  # "the president arrived in the capital": a trip at home is no visit
                own = official_code(code, trig, s) if code and not pattern.dictionary else code
                # a state's protest: 114, to someone; a pledge with no target ("agreed to resign")
                if own and (t is not None or _targetless(own) or pledge and own == code
                            or self.unaimed_force and not pattern.dictionary
                            and unaimed_force.keeps(own, s, trig, actors)):
                    out.append(RawEvent(sent.start, trig.i, s, t, pattern, own, modality, negated, tense, by_noun))
                if reverse and t is not None:  # "042:043": the visited also hosts
                    back = official_code(reverse, trig, t, s) if not pattern.dictionary else reverse
                    out.append(RawEvent(sent.start, trig.i, t, s, pattern, back, modality, negated, tense, by_noun))
        return out


def _targetless(code: str | None) -> bool:
    return (bool(code) and (code[:2] in TARGETLESS_ROOTS or code[:3] in TARGETLESS_CODES)
            and code[:3] not in AIMED_CODES)


def refusal_code(code: str) -> str:
    for n in (4, 3, 2):
        if code[:n] in REFUSALS:
            return REFUSALS[code[:n]] or code
    return "120"


def _two_named(a: ActorPhrase, b: ActorPhrase) -> bool:
    """Two actors of one known code that are named differently ("the Afghan government" and "the
    Taliban"), neither a mere place ("Virginia" and "American" are one state)."""
    land = ("country", "region")  # not a seat of power
    return bool(a.name and b.name and a.name != b.name and (a.country or a.org) and not a.names_only(land)
                and not b.names_only(land))


def _named_antecedents(phrases: list[ActorPhrase], sent) -> list[ActorPhrase]:
    """"Obama said he would visit Cuba": a pronoun stands for its antecedent named in the same sentence."""
    return [p.refers if p.refers is not None and sent.start <= p.refers.head < sent.end else p for p in phrases]

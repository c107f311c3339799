"""Force whose target the sentence does not name: "Turkey launched a military offensive", "Russian jets
conducted strikes on residential areas", "US troops fought to liberate the stronghold".

PETRARCH codes an event only with a source and a target, so such acts were lost, and with them the place
of the fighting (a place label can only be scored on a coded event). A reader codes the act with its source
alone, as the team's guideline codes any act that has no target (target null). Fighting and mass violence
only (CAMEO 19, 20): an assault (18) is done to a person, and with no person named the verb mostly has
another sense ("executed a plan"). Not coded so:

- where the source has no country ("the army fought hard": no usable event), or is no state or armed actor
  (civilians, parties, business, media: "she tried to shoot that fox before the vote", "Trump attacked the
  investigation": a figure of speech far more often than force);
- a to-infinitive ("no opportunity for the US to attack us"): a purpose, a hypothetical or an aim;
- an attributive participle ("the Israeli-occupied West Bank"): a state or a label of its noun;
- a gerund ("getting ready to help in storming the town"): an activity named more often than reported;
- an act named by a noun that no verb carries ("Turkey's war", "after a government offensive"; the
  guideline codes no act named only by a noun), where "launched an offensive" is told by its verb;
- a verb whose subject is a gerund act ("fighting between X and Y killed forty"): that act's toll;
- an actor named as a side the grammar did not make the target ("fought for the Kenyan army", "in
  Turkey's war"): support, or a war's name.

Setting: ``[coder] unaimed_force`` (the rules only; a user dictionary's pattern still needs its target)."""

from __future__ import annotations

# fight, mass violence: acts that are news without a named adversary
UNAIMED_ROOTS = frozenset({"19", "20"})
# prepositions that name a side of a fight, not its adversary ("fought for", "alongside"; "with" may be either)
SIDE_PREPS = frozenset("for alongside beside behind".split())
# sectors whose force with no target named is mostly a figure of speech
UNARMED_SECTORS = frozenset("CVL OPP PTY BUS MED LEG LAB EDU HLH ELI NGO ENV AGR REF JUD REL".split())


def unaimed(code: str | None, trig=None, actors=None) -> bool:
    """Whether an act of this CAMEO code, told by the token ``trig`` (with the sentence's ``actors``), may be
    coded with no target."""
    if trig is not None and (_gerund(trig) or trig.dep_ == "amod" and trig.tag_ in ("VBN", "VBD")
                             or any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children)):
        return False  # a gerund ("help in storming"), a participle ("Israeli-occupied"), "to attack"
    if trig is not None and trig.pos_ in ("NOUN", "PROPN") and not (trig.dep_ in ("dobj", "nsubjpass")
                                                                    and trig.head.pos_ in ("VERB", "AUX")):
        return False  # an act named by a noun alone: "in Turkey's war", not "launched an offensive"
    if trig is not None and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "VBG" for c in trig.children):
        return False  # "fighting between X and Y killed forty": the gerund's act, not another
    if trig is not None and actors is not None and _side_named(trig, actors):
        return False
    return bool(code) and code[:2] in UNAIMED_ROOTS


def _gerund(trig) -> bool:
    """An -ing form that is no progressive verb ("in storming", not "has been pounding")."""
    return trig.tag_ == "VBG" and not any(c.dep_ == "aux" and c.lemma_ == "be" for c in trig.children)


def _side_named(trig, actors) -> bool:
    """An actor named as a side of the act: "fought for X", "alongside X", "in X's war"."""
    for prep in (c for c in trig.children if c.dep_ == "prep"):
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        if prep.lower_ in SIDE_PREPS and actors.at(pobj) is not None:
            return True
        if any(c.dep_ == "poss" and actors.at(c) is not None for c in pobj.children):
            return True
    return False


def keeps(code: str | None, source, trig=None, actors=None) -> bool:
    """Whether the act ``code`` of ``source`` (an ActorPhrase), told by ``trig``, is coded with no target:
    force by an actor whose country is known."""
    return (unaimed(code, trig, actors) and bool(getattr(source, "country", None))
            and getattr(source, "sector", None) not in UNARMED_SECTORS)

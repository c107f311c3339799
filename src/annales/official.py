"""Acts whose CAMEO code depends on who does them: a state or an international organisation that
protests ("Serbia protested the recognition", "summoned the envoy to protest") lodges an official
complaint (114); CAMEO's 14 (demonstrate, strike, boycott) is what crowds, parties and unions do.
An attack "for" what its target did or said is a verbal one ("attacked the UN for its sanctions",
"attacked Y for backing X"): a criticism (111), not a fight."""

from __future__ import annotations

from .actors import ActorPhrase

# the protest verbs and nouns whose act is a complaint when a state does it
PROTEST_WORDS = frozenset({"protest"})
# sectors of a state's own agents
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG"})
OFFICIAL_COMPLAINT = "114"
# verbs of fighting that, given a reason ("for"), are words; nouns of "for" that are durations, not reasons
VERBAL_ATTACK_VERBS = frozenset({"attack"})
DURATIONS = frozenset("time hour day week month year night minute while moment".split())
CRITICISM = "111"


def by_state(p: ActorPhrase, doc) -> bool:
    """A country or capital named, its government and state agents, or an international organisation."""
    if (p.org or "").startswith("IGO") or p.sector in STATE_SECTORS:
        return True
    # "Serbia", "Belgrade"; not "Serbs" (a plural names people, though it is coded as the country), nor
    # "people in Pakistan" (the place of who protests)
    head = doc[p.head]
    return (p.country is not None and p.sector is None and p.is_place and head.tag_ not in ("NNS", "NNPS")
            and head.dep_ != "pobj")


def official_code(code: str, trig, source: ActorPhrase) -> str:
    """``code`` for the act of ``trig`` done by ``source``: a state's protest is an official complaint."""
    if code.startswith("14") and trig.lemma_.lower() in PROTEST_WORDS and by_state(source, trig.doc):
        return OFFICIAL_COMPLAINT
    if code[:2] in ("18", "19") and trig.pos_ == "VERB" and trig.lemma_ in VERBAL_ATTACK_VERBS and _for_reason(trig):
        return CRITICISM
    return code


def _for_reason(verb) -> bool:
    """"(attacked X) for backing Y", "for its sanctions"; not "for hours", "for the third time"."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in prep.children:
            if obj.dep_ == "pcomp" and obj.tag_ == "VBG":
                return True
            if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and obj.lemma_.lower() not in DURATIONS and not any(
                    c.dep_ == "nummod" or c.tag_ == "JJ" and c.lower_ in ("second", "third", "first", "last")
                    for c in obj.children):
                return True
    return False

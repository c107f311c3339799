"""Acts whose CAMEO code depends on who does them: a state or an international organisation that
protests ("Serbia protested the recognition", "summoned the envoy to protest") lodges an official
complaint (114); CAMEO's 14 (demonstrate, strike, boycott) is what crowds, parties and unions do."""

from __future__ import annotations

from .actors import ActorPhrase

# the protest verbs and nouns whose act is a complaint when a state does it
PROTEST_WORDS = frozenset({"protest"})
# sectors of a state's own agents
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG"})
OFFICIAL_COMPLAINT = "114"


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
    return code

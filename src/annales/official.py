"""Acts whose CAMEO code depends on who does them: a state or an international organisation that
protests ("Serbia protested the recognition", "summoned the envoy to protest") lodges an official
complaint (114); CAMEO's 14 (demonstrate, strike, boycott) is what crowds, parties and unions do.
An attack "for" what its target did or said is a verbal one ("attacked the UN for its sanctions",
"attacked Y for backing X"), as is one made "in" words ("in an editorial") or by the media: a criticism (111),
not a fight. What a suicide bomber does to those it
kills or wounds is a suicide bombing (1831), not a military attack (19) nor a beating (182). States,
governments and politicians who clash "over" an issue or at a meeting disagree (110); they do not fight. Fire drawn
("came under fire from Y") with no armed forces, police or rebels on either side is criticism (111)."""

from __future__ import annotations

from .actors import ActorPhrase

# the protest verbs and nouns whose act is a complaint when a state does it
PROTEST_WORDS = frozenset({"protest"})
# sectors of a state's own agents
STATE_SECTORS = frozenset({"GOV", "MIL", "JUD", "LEG"})
OFFICIAL_COMPLAINT = "114"
# verbs of fighting that, given a reason ("for"), are words; nouns of "for" that are durations, not reasons
VERBAL_ATTACK_VERBS = frozenset({"attack"})
# what an attack made "in" is made of words ("attacked X in an editorial")
WORD_GENRES = frozenset(("speech statement editorial interview article letter address column commentary communique "
                         "remark report broadcast sermon lecture message tweet post").split())
DURATIONS = frozenset("time hour day week month year night minute while moment".split())
CRITICISM = "111"
SUICIDE_BOMBING = "1831"
DISAPPROVAL = "110"
# who argues rather than fights when it clashes (not armed forces, police, rebels or crowds)
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "OPP", "PTY", "ELI", "JUD"})
# who may be fired on in earnest ("came under fire from Hamas militants"); the rest draw fire in words
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "UAF", "SPY", "CRM"})
FIRE_VERBS = frozenset({"come", "draw"})
ISSUE_PREPS = frozenset({"over", "about", "on"})
FORUMS = frozenset("summit meeting talk session parliament conference council assembly debate".split())


def by_state(p: ActorPhrase, doc) -> bool:
    """A country or capital named, its government and state agents, or an international organisation."""
    if (p.org or "").startswith("IGO") or p.sector in STATE_SECTORS:
        return True
    # "Serbia", "Belgrade"; not "Serbs" (a plural names people, though it is coded as the country), nor
    # "people in Pakistan" (the place of who protests)
    head = doc[p.head]
    return (p.country is not None and p.sector is None and p.is_place and head.tag_ not in ("NNS", "NNPS")
            and head.dep_ != "pobj")


def official_code(code: str, trig, source: ActorPhrase, target: ActorPhrase | None = None) -> str:
    """``code`` for the act of ``trig`` done by ``source`` (to ``target``): a state's protest is an official
    complaint; fire drawn ("came under fire from Y") with no armed party is criticism."""
    if (code[:2] == "19" and _drew_fire(trig) and target is not None
            and not any((p.sector or "")[:3] in ARMED_SECTORS for p in (source, target))):
        return CRITICISM
    if code.startswith("14") and trig.lemma_.lower() in PROTEST_WORDS and by_state(source, trig.doc):
        return OFFICIAL_COMPLAINT
    if code[:2] in ("18", "19") and trig.pos_ == "VERB" and trig.lemma_ in VERBAL_ATTACK_VERBS and (
            _for_reason(trig) or _in_words(trig) or source.sector == "MED"):
        return CRITICISM
    if code[:2] in ("18", "19") and _suicide_bomber(source, trig.doc):
        return SUICIDE_BOMBING
    return code


def argued_clash(code: str | None, trig, parties: list[ActorPhrase]) -> bool:
    """Whether ``trig``, a clash (19) of ``parties`` (sources and targets), is an argument: every party a
    state, an organisation or a politician, and what they clashed over an issue or at a forum."""
    return ((code or "")[:2] == "19" and trig.lemma_.lower() == "clash" and bool(parties)
            and all(_political(p, trig.doc) for p in parties) and _argued(trig))


def _drew_fire(trig) -> bool:
    """"came under fire from", "drew fire from": shooting or, said of politicians, criticism."""
    return trig.lemma_ in FIRE_VERBS and any(
        c.lemma_ == "fire" and c.dep_ in ("dobj", "pobj") for t in (trig, *trig.children) for c in t.children)


def _political(p: ActorPhrase, doc) -> bool:
    """A state named, an international organisation, or a government, party or politician: not armed
    forces, police, rebels or a people ("Serbs")."""
    if p.sector is not None:
        return p.sector in POLITICAL_SECTORS
    return (p.org or "").startswith("IGO") or (p.country is not None and p.is_place
                                               and doc[p.head].tag_ not in ("NNS", "NNPS"))


def _argued(trig) -> bool:
    """"clashed over the budget", "clashed at the summit": an issue or a forum, not a battlefield."""
    # on the verb, or on the object of its "with" ("clashed with the opposition leader over the cabinet")
    near = [c for c in trig.children if c.dep_ == "prep"]
    near += [g for c in near if c.lower_ == "with" for o in c.children if o.dep_ == "pobj"
             for g in o.children if g.dep_ == "prep"]
    for prep in near:
        obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
        if obj is None:
            continue
        if prep.lower_ in ISSUE_PREPS and obj.ent_type_ not in ("GPE", "LOC", "FAC"):
            return True
        if prep.lower_ in ("at", "in") and obj.lemma_.lower() in FORUMS:
            return True
    return False


def _suicide_bomber(p: ActorPhrase, doc) -> bool:
    """"a suicide bomber", "two suicide bombers": the phrase's head word and its modifier."""
    head = doc[p.head]
    return head.lemma_.lower() == "bomber" and any(c.lower_ == "suicide" for c in head.children)


def _in_words(verb) -> bool:
    """"(attacked X) in an editorial", "in a speech": an attack made in words."""
    return any(o.dep_ == "pobj" and o.lemma_.lower() in WORD_GENRES
               for c in verb.children if c.dep_ == "prep" and c.lower_ == "in" for o in c.children)


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

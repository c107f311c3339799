"""The grammar of place phrases, for :mod:`annales.places`: the word lists, and the rules on a spaCy parse
that say whether a place name in an event's sentence is where the event happened (``_role``: "in X", "to X"
after a verb of movement, "visited X", "an assault on X", "the defence of X" ...; not a topic, an origin, a
qualifier or a partner) and how far it is from the trigger (``_distance``: dependency edges plus penalties for
crossing clauses), with the tests for calls by phone, proposed acts, statements made at meetings or while somewhere,
places under another coordinated act, attacks that are words, and "the country" / "the capital" / "the city".
"""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import purpose_clause

# prepositions that say where something happened; "to"/"into" only after verbs of movement (MOVE)
PLACE_PREPS = frozenset("in at near outside inside within throughout around across along off".split())
MOVE_PREPS = frozenset({"to", "into"})
ATTACK_PREPS = frozenset({"on", "against"})  # "an assault on Afrin": only after attacks (ATTACK)
MOVE = frozenset("visit travel go come return fly arrive head send deploy dispatch move flee trip tour journey march "
                 "cross enter invade sail drive walk relocate transfer extradite deport repatriate evacuate withdraw "
                 "redeploy bring take spread invite summon".split())
# verbs whose direct object can be the place of the act ("visited Paris", "bombed Aleppo")
DIRECT = frozenset("visit tour attack strike hit bomb shell raid storm capture seize retake recapture invade enter "
                   "besiege occupy overrun bombard target liberate reach encircle surround blockade ambush".split())
# verbs done to places, not people: a name they take as object is a place even where the tagger calls it a person
# ("bombed Douma"), as is the object of a place preposition ("in Douma")
ON_PLACES = frozenset("bomb shell raid storm besiege invade bombard overrun occupy liberate encircle retake recapture "
                      "enter".split())
# "from X" is where they leave ("troops will withdraw from Syria", "the withdrawal of American soldiers from Syria")
WITHDRAW = frozenset("withdraw pull retreat evacuate withdrawal pullout pull-out push drive expel oust chase flush "
                     "expulsion".split())
# verbs of extent: "spread from X to Y" is a span, not a place
EXTENT = frozenset("spread extend stretch range expand".split())
# a trip named with "of": "Rouhani's tour of Iraq" (not "the visit of the pope": its agent)
TOUR = frozenset({"tour"})
# support given by troops on the ground, not in words, when told as what they do ("troops in Syria, supporting
# the SDF", "forces entering Afrin to support the YPG")
SUPPORT = frozenset("support back help assist aid".split())
# CAMEO codes of holding people (releasing, arresting, deporting) or taking them in (granting asylum): a state does them
# where it holds them, at home, whoever the people are ("Turkey released a US pastor", "Turkey has accepted 2 million
# refugees from Syria"), unless its troops do them abroad
CUSTODY = frozenset({"084", "0841", "173", "174", "075"})
# CAMEO codes of embargoes and sanctions (with root 16, reduced relations): their place is not the story's
SANCTIONS = frozenset({"163", "172"})
# speech verbs: whatever their code, their place is said next to them ("the US statement spoke of X")
SPEECH_VERBS = frozenset("say tell speak tweet write state declare".split())
# verbs of judging: the act in their object ("blamed the offensive against Afrin") is what they are about
JUDGE = SPEECH_VERBS | frozenset("blame accuse condemn criticise criticize denounce praise welcome reject deny "
                                 "discuss".split())
# nouns of people and positions: a place name modifying one is an institution ("a White House position",
# "Kremlin officials"), not where an act happened
ROLE_NOUNS = frozenset("position post job official officials spokesman spokeswoman spokesperson secretary adviser "
                       "advisor aide source policy administration envoy ambassador correspondent man woman boy girl "
                       "resident native teenager student couple family mother father".split())
# verbs whose object is a topic: "discussed developments in Syria" did not happen in Syria
TOPIC = frozenset("discuss debate review consider raise examine address".split())
# a meeting a statement was made at ("said ahead of talks with lawmakers at the White House")
MEETING = frozenset("meeting summit talks conference session visit trip briefing rally speech interview ceremony "
                    "sidelines".split())
_MEETING_PREPS = frozenset("at before after during following of on in".split())
# participles of speaking or visiting: "Speaking in Ankara, he said", "while visiting Beijing, he said"
SPEAKING = frozenset("speak talk address interview brief".split())
VISIT = frozenset({"visit", "tour"})
# "When he was in Tokyo, the minister told ...": a clause of being somewhere, with one of these marks, places the words
STAYING = frozenset({"be", "stay"})
_WHILE = frozenset({"when", "while", "as", "whilst"})
# seats of power: "Argentina's National Congress", "the Turkish parliament" are in the country's capital
SEATS = frozenset("parliament congress senate assembly duma majlis knesset palace ministry presidency "
                  "chancellery".split())
# acts coded as statements or intents whose trigger is itself a material act ("was killed by a bomb in X", "staying in
# Syria to protect the YPG")
_MATERIAL = frozenset("kill fight wound capture arrest detain protect".split())
HOST = frozenset({"host"})  # "Cyprus hosted the talks": the subject is the place
# "Idlib has seen heavy bombing", "Aleppo witnessed clashes as jets struck": a town or region that is the subject of
# these verbs is the scene of what their object or clauses tell (a country that "sees" something may judge it)
SCENE = frozenset("see witness experience suffer endure".split())
# CAMEO roots of statements, appeals, intents, praise, demands, criticism, rejections and threats: their
# place is where they were said, which the sentence gives next to the verb or not at all
SPEECH_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
ATTACK = frozenset("attack strike hit bomb shell raid assault offensive airstrike air-strike bombard bombing "
                   "shelling fire incursion operation".split())
# acts named by a noun whose "of"/"for" object is their place ("the defence of Kobane", "the battle for Mosul")
SIEGE = frozenset("defence defense siege battle fight capture fall liberation recapture bombardment shelling bombing "
                  "occupation invasion encirclement".split())
# prepositions whose object is what an act is about ("talks about the war in Syria")
ABOUT = frozenset("about regarding concerning".split())
# nouns of words and talks whose "on" is "about" ("assurances on the fighting in Idlib", "a vote on troops in Iraq")
WORDS_ON = frozenset("answer talk view position report statement comment remark resolution vote debate decision "
                     "agreement deal proposal plan briefing update question assurance consultation negotiation "
                     "dialogue discussion agree decide negotiate consult brief".split())
# verbs and nouns of proposing or demanding: an act in their object has not happened ("advocated air strikes",
# "demands for an investigation")
PROPOSE = frozenset("advocate propose urge demand seek call plead appeal push press".split())
# bodies that sit in one place: a statement told to them is made there ("told the Commons committee")
BODIES = frozenset("committee inquiry hearing court tribunal jury commons".split())
# what is argued, not fought: "attacked the pledges" is words whatever its code
ARGUED = frozenset("pledge promise plan policy proposal claim remark comment speech statement decision budget bill "
                   "tax idea word view reform scheme manifesto record stance approach strategy handling response "
                   "report book article"
                   .split())
# words said "in his speech", "during the interview": where the article placed that speech before ("a speech in X")
ADDRESSES = frozenset("speech address interview remarks lecture".split())
# "Russia-backed separatists", "the US-led coalition", "Kurdish-held towns": a name joined to one of these by a hyphen
# says who stands behind an actor, not where anything happened
AFFILIATED = frozenset("backed led supported funded financed trained armed allied aligned sponsored brokered based "
                       "born inspired affiliated linked owned run held controlled dominated".split())
# troops, bases and the like serve abroad: an attack on "British special forces" or "Iranian bases" is not in that state
DEPLOYED = frozenset("force forces troop troops soldier soldiers peacekeeper peacekeepers contractor contractors "
                     "mercenary mercenaries personnel marine marines commando commandos adviser advisers advisor "
                     "advisors base bases position positions convoy patrol unit units member members backer "
                     "backers".split())
# CAMEO roots of verbal conflict: an "attack" or a "hit" coded so is words ("attacked the plans")
WORDS_OF_CONFLICT = frozenset({"10", "11", "12", "13"})
# a country's courts and legislatures act at home: with no place in its sentence, "a Greek court ruled" is in
# Greece
SITTING = frozenset("court tribunal judge judiciary parliament congress senate assembly duma majlis knesset "
                    "legislature commons lords".split())
# courts and judges: where the article places them ("a court in Kilis, a border town", "a Lyon court")
COURTS = frozenset("court tribunal judge judiciary".split())
# CAMEO codes of legal acts (lawsuits and criminal cases brought, verdicts and sentences): done before a court of the
# country whose court, judge, police or people bring them, when the other side is of none other
LEGAL = frozenset({"115", "116"})
# who brings a legal act in the country the article is about, when no country is named for them
JUSTICE = COURTS | frozenset({"police", "prosecutor", "prosecutors", "jury"})
# a legislature or its members: words told to them were said where it sits ("the minister told MPs": the capital)
LEGISLATORS = frozenset("mp mps lawmaker lawmakers legislator legislators parliamentarian parliamentarians senator "
                        "senators congressman congressmen congresswoman deputies parliament congress senate "
                        "duma knesset majlis".split())
# nouns that refer back to a country named before them in the sentence ("from flying in the European nation")
_COUNTRY_NOUNS = frozenset({"country", "nation"})
# nouns that an "of" can follow in a place phrase ("the city of X", "the outskirts of X", "north of X")
OF_HEADS = frozenset("city town village capital province region governorate district state county outskirts suburb "
                     "suburbs centre center heart north south east west northeast northwest southeast southwest "
                     "north-east north-west south-east south-west area part parts border edge countryside streets "
                     "port island enclave community neighbourhood neighborhood municipality quarter".split())
# words that make a name a region: "Idlib province", "the province of Idlib", "the Hama countryside" (the province
# around the city, not the city)
REGION_WORDS = frozenset("province governorate region state district oblast prefecture county department canton "
                         "emirate countryside".split())
CONNECTORS = frozenset("of de del da di al el ad ar as ash an ez es az ul la le du des al- el- and".split())
MAX_DISTANCE = 6.0  # dependency edges (plus penalties) between trigger and place
FORCE_ROOTS = frozenset({"18", "19", "20"})  # assault, fight, mass violence: done where the target is
# "spoke by telephone", "in a phone call": a call has no one place
PHONE = frozenset("phone telephone call videoconference video teleconference videolink".split())
# prepositions whose object is a partner, a topic or an example, not where an act happened
_NOT_WHERE = frozenset("by with for about over than like including regarding concerning except excluding "
                       "besides".split())
# prepositions that leave their object out ("every province other than Idlib", "all towns except Homs")
EXCEPT = frozenset("than except excluding besides".split())
# a capitalised word after a place name that makes a site in it ("London Bridge"), not another name ("New York Times")
_SITES = frozenset("Bridge Airport Station Square Street Road Hospital University College Union Stadium Park Hall "
                   "Palace Port Prison Mosque Church Cathedral Market Hotel Gate Harbour Harbor Airbase Camp Court"
                   .split())
# the same in lower case, after a name: "Waterloo station" is a site of its own when the team file knows it
SITE_NOUNS = frozenset(w.lower() for w in _SITES) | frozenset({"base", "camp"})
MAX_SPAN = 5  # words in a place name
CALENDAR_WORDS = frozenset("January February March April May June July August September October November December "
                           "Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter".split())


def _topic(tok) -> bool:
    """"discussed developments in Syria", "condemned the attack on Kabul": a place in the object of a verb of
    discussion, or in an attack that a verb of judging has as its object, is what the act is about."""
    if tok.dep_ != "pobj":
        return False
    obj = tok.head.head
    if (obj.dep_ == "pobj" and obj.head.lower_ in ABOUT and obj.lemma_.lower() not in ATTACK
            and obj.head.head.lemma_.lower() not in ATTACK):
        return True  # "talks about the war in Syria"
    if obj.dep_ == "pobj" and obj.head.lower_ == "on" and _words_on(obj.head):
        return True  # "assurances on the fighting in Idlib"
    verb, noun = obj.head.lemma_.lower(), obj.lemma_.lower()
    if verb == "address" and noun in MEETING:
        return False  # "addressed a rally in Istanbul" spoke there
    return obj.dep_ == "dobj" and obj.pos_ in ("NOUN", "PROPN") and (
        verb in TOPIC or verb in JUDGE and noun in ATTACK)


def _words_on(prep) -> bool:
    """An "on" of words or talks, meaning "about": after such a noun or verb ("a deal on", "voted on"), or after the
    verb whose object such a noun is ("received assurances on")."""
    head = prep.head
    return head.lemma_.lower() in WORDS_ON or head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in WORDS_ON for c in head.children)


def _proposed(trigger) -> bool:
    """An act only proposed or demanded: the object of "advocated", "urged" ..., or of "calls/demands for"."""
    if trigger.pos_ != "NOUN":
        return False
    head = trigger.head
    if trigger.dep_ == "dobj":
        return head.lemma_.lower() in PROPOSE
    return trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_.lower() in PROPOSE


def _seat(tok) -> bool:
    """A seat of power ("parliament", "the National Congress", "the foreign ministry")."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in SEATS and tok.lower_ != "embassy"


_ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|ar|as|an|ash|az)-[A-Z]")


def _capital(t) -> bool:
    return _capital_word(t.text)


def _capital_word(w: str) -> bool:
    return w[:1].isupper() or w.lower() in ("al-", "el-") or bool(_ARTICLE_PREFIX.match(w))


def _by_phone(trigger) -> bool:
    """"spoke by telephone", "held talks on the phone", "in a phone call": a prepositional phrase of the trigger
    or of its object."""
    if trigger.pos_ == "NOUN" and (trigger.lemma_.lower() in PHONE - {"call"} or trigger.lemma_.lower() == "call" and any(
            c.lower_ in PHONE - {"call"} for c in trigger.children if c.dep_ in ("compound", "amod"))):
        return True  # "follows a phone call with Erdogan"
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    for prep in (c for h in heads for c in h.children):
        if prep.dep_ == "prep":
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in PHONE
                                           or any(c.lower_ in PHONE for c in obj.children if c.dep_ == "compound")):
                    return True
    return False


def _name_like(toks) -> bool:
    """Capitalised words, with connectors inside ("Deir ez-Zor", "Bosnia and Herzegovina")."""
    return _capital(toks[-1]) and all(_capital(x) or x.lower_ in CONNECTORS or x.text == "-" for x in toks)


def _role(c, trigger) -> tuple[object, float] | None:
    """Where a place name attaches: (token it says the place of, extra cost), or None when it is not
    in a place phrase (a subject, "sanctions on Moscow", "from Syria")."""
    _, _, tok, place = c
    root, cost = tok, 0.0
    if (tok.dep_ == "nsubj" and tok.head.i == trigger.i and trigger.lemma_.lower() in HOST
            and (tok.ent_type_ in ("GPE", "LOC", "FAC") or place.kind != "city")):
        return trigger, 0.0  # "Cyprus hosted the talks"
    for _ in range(6):
        dep, head = tok.dep_, tok.head
        if (dep == "nsubj" and head.lemma_.lower() in SCENE and place.kind != "country" and head.i != trigger.i
                and any(a.i == head.i for a in trigger.ancestors)):
            return head, cost + 1  # "Idlib has seen bloodshed as jets bombed", "Damascus and Riyadh experienced attacks"
        if dep == "pobj":
            prep = head.lower_
            if prep in PLACE_PREPS:
                if _topic(tok):
                    return None
                return head.head, cost + 1
            verbs = {trigger.lemma_.lower(), head.head.lemma_.lower(),
                     *(c.lemma_.lower() for c in head.head.children if c.dep_ == "dobj"
                       and head.head.lemma_.lower() not in JUDGE)}  # "blaming the offensive against X": a topic
            if prep in MOVE_PREPS and (verbs & MOVE or prep == "into" and verbs & ATTACK) and not _range(head):
                if _own_goal(trigger, head):
                    return None  # "volunteers who travelled to the front returning to Britain"
                return head.head, cost + 1
            if prep == "from" and verbs & WITHDRAW and not _range(head):  # "troops will withdraw from Syria"
                return head.head, cost + 1
            if prep == "from" and head.head.lemma_.lower() in SPEECH_VERBS:  # "told the Times from the camp"
                return head.head, cost + 1
            if prep == "of" and head.head.lower_ == "out" and verbs & WITHDRAW:  # "pushed out of Syria"
                return head.head.head, cost + 1
            if prep == "of" and head.head.lemma_.lower() in TOUR:  # "a tour of Iraq"
                return head.head, cost + 1
            if prep in ("of", "for") and head.head.lemma_.lower() in SIEGE:  # "the defence of Kobane"
                return head.head, cost + 1
            if prep in ATTACK_PREPS and verbs & ATTACK and not _topic(tok) and (
                    root.ent_type_ in ("GPE", "LOC", "FAC") or place.kind != "city"):
                return head.head, cost + 1
            if prep == "of" and head.head.lower_ in OF_HEADS:
                tok, cost = head.head, cost + 1
                continue
            return None
        if (dep in ("dobj", "dative") and head.i == trigger.i and head.lemma_.lower() in SPEECH_VERBS
                and place.kind == "place" and (tok.lemma_.lower() in BODIES or _seat(tok))):
            return trigger, cost + 1  # "told the Commons committee"
        if dep in ("dobj", "nsubjpass") and head.lemma_.lower() in DIRECT and (
                head.i == trigger.i or any(a.i == head.i for a in trigger.ancestors)):
            # "visited Ankara", and "forces entering Afrin to support X": the object of the act or of the
            # movement the act is part of
            return head, cost + (0 if dep == "dobj" else 1)
        if dep in ("compound", "appos", "conj", "poss", "nmod", "npadvmod", "amod") and head.i != tok.i:
            if _qualifier(tok, place):
                return None
            if dep == "compound" and head.lemma_.lower() in MEETING and head.head.i == trigger.i:
                return trigger, cost + 1  # "left the Warsaw summit"
            tok, cost = head, cost + (0.5 if dep in ("appos", "conj") else 0)
            continue
        return None
    return None


def place_slot(tok) -> bool:
    """``tok`` stands where only a place can: the object of "in", "at", "near" ... or of a verb such as "bombed"."""
    head = tok.head
    if tok.dep_ == "pobj":
        return head.lower_ in PLACE_PREPS
    return tok.dep_ == "dobj" and head.lemma_.lower() in ON_PLACES


def _own_goal(trigger, prep) -> bool:
    """A journey that names its own goal ("travelled to X") does not take the goal of another verb of movement
    ("... returning to Y"): ``prep`` ("to"/"into") hangs on a verb other than the trigger."""
    verb = prep.head
    return (verb.i != trigger.i and verb.pos_ == "VERB" and trigger.lemma_.lower() in MOVE
            and any(c.dep_ == "prep" and c.lower_ in MOVE_PREPS and c.i != prep.i for c in trigger.children))


def _origin(prep) -> bool:
    """"travelling from Louisiana to X": a journey's "from" beside its own goal ("to"/"into") is where it began."""
    verb = prep.head
    return verb.lemma_.lower() in MOVE and verb.lemma_.lower() not in WITHDRAW and any(
        c.dep_ == "prep" and c.lower_ in MOVE_PREPS for c in (*verb.children, *prep.children))


def _under(tok, head) -> bool:
    """``tok`` is ``head`` or inside its phrase."""
    return tok.i == head.i or any(a.i == head.i for a in tok.ancestors)


def _qualifier(tok, place) -> bool:
    """A name that qualifies a noun rather than placing it: before a person or position ("his White House
    position", "Kremlin officials"), or a country before a common noun that is no part of a place ("US
    sanctions", the UK position"; not "the Syria border"), or a country whose attack it is ("Turkey's assault on
    Afrin": its agent; not "Syria's civil war")."""
    head = tok.head
    if tok.dep_ not in ("compound", "amod", "poss", "nmod") or head.i == tok.i or head.pos_ != "NOUN":
        return False
    noun = head.lemma_.lower()
    return noun in ROLE_NOUNS or place.kind == "country" and (
        tok.dep_ in ("compound", "nmod") and noun not in OF_HEADS and noun not in REGION_WORDS
        or tok.dep_ == "poss" and noun in ATTACK)


def _range(prep) -> bool:
    """"spread from X to Y": the prepositions of a span, not of one place (a journey's "to" is its place)."""
    other = "to" if prep.lower_ == "from" else "from" if prep.lower_ == "to" else None
    verb = prep.head.head if prep.head.lower_ in ("from", "to") else prep.head
    if other is None or verb.lemma_.lower() not in EXTENT:
        return False
    if prep.dep_ == "prep" and prep.head.lower_ == other:  # the parser hangs "to Y" on "from"
        return True
    return any(c.dep_ == "prep" and c.lower_ == other and c.i != prep.i and any(o.dep_ == "pobj" for o in c.children)
               for c in (*prep.head.children, *prep.children))


_UP_COST = {"advcl": 2, "relcl": 2, "acl": 1, "conj": 1}  # the trigger's clause hangs off the place's
_BLOCK = frozenset({"ccomp", "parataxis"})  # the trigger, or the place, is inside someone's words
# a passive's agent is as near as a subject: "asked by officials in Basra" as "officials in Basra asked"
_DOWN_COST = {"relcl": 3, "acl": 1.5, "advcl": 2, "conj": 2, "xcomp": 0.5, "agent": -1}


def _distance(c, trigger) -> float | None:
    """Dependency edges from the trigger to where the place attaches, plus penalties for crossing
    clauses; None when the place is not a place phrase or sits in reported words."""
    role = _role(c, trigger)
    if role is None:
        return None
    t, cost = role
    up = [trigger, *trigger.ancestors]
    pos = {x.i: n for n, x in enumerate(up)}
    if _other_conjunct(t, trigger):
        return None
    while t.i not in pos:
        if t.dep_ in _BLOCK or t.head.i == t.i or _own_event(t):
            return None
        cost += 1 + _DOWN_COST.get(t.dep_, 0)
        t = t.head
    for x in up[:pos[t.i]]:
        if x.dep_ in _BLOCK:
            return None
        if not (x.dep_ == "relcl" and _where_clause(x) or _purpose(x)):
            cost += _UP_COST.get(x.dep_, 0)
    return pos[t.i] + cost


def _purpose(verb) -> bool:
    """A clause of purpose ("met in Tehran to discuss Idlib", "flew to Paris to sign the deal"; a bare infinitive
    with no passive subject or mark either): the aim of the act it hangs on, done where that act is."""
    return (purpose_clause(verb) and verb.tag_ == "VB"
            and not any(c.dep_ in ("nsubjpass", "mark") for c in verb.children))


_THEN = frozenset("after before since until once because".split())


def _own_event(verb) -> bool:
    """A clause of another act with its own subject, told as its time or cause ("imposed the ban after troops opened fire
    in X"): its places are its own."""
    return (verb.dep_ == "advcl" and verb.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ in _THEN for c in verb.children)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _in_own_event(tok, trigger) -> bool:
    """``tok`` sits in a clause of another act (:func:`_own_event`) that does not hold the trigger."""
    for a in (tok, *tok.ancestors):
        if _own_event(a):
            return not _under(trigger, a)
    return False


def _other_conjunct(placed, trigger) -> bool:
    """The noun a place phrase places ("Maduro in Venezuela") sits under another act coordinated with the trigger's
    phrase ("its oppression of Cubans and its backing for Maduro in Venezuela", "support for militias in
    Syria, and Turkey's detention of a pastor"): that act's, not the trigger's."""
    if placed.pos_ not in ("NOUN", "PROPN"):
        return False
    up = [trigger, *trigger.ancestors]
    ups = {x.i for x in up}
    t = placed
    while t.i not in ups:
        if t.dep_ == "conj" and t.pos_ == "NOUN" and t.i != placed.i:
            return True
        if t.head.i == t.i:
            return False
        t = t.head
    if t.i == placed.i:
        return False
    return any(x.dep_ == "conj" and x.pos_ == "NOUN" and x.head.i == t.i for x in up)


def _where_clause(verb) -> bool:
    """A relative clause that happens at its noun: "the summit in Tehran at which he pleaded", "the town where
    they met"."""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ == "where":
            return True
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS and any(o.lower_ == "which" for o in c.children):
            return True
    return False


def _at_meeting(c, trigger) -> float | None:
    """A statement made at, before or after a meeting whose place the sentence gives ("said ahead of a meeting
    with lawmakers at the White House", "speaking after talks in Ankara", "in a speech in Ankara", "during a visit
    to Belgrade"; the meeting phrase on the trigger or on its subject): a small distance, else None."""
    _, _, tok, _ = c
    while tok.dep_ == "compound" and tok.head.text in _SITES:
        tok = tok.head  # "a visit to the Cambridge Union": the site the town names
    if tok.dep_ != "pobj" or not (tok.head.lower_ in PLACE_PREPS or tok.head.lower_ in MOVE_PREPS
                                  and tok.head.head.lemma_.lower() in MOVE):
        return None
    t = tok.head.head
    if t.dep_ == "pobj" and t.head.lower_ == "with":  # "a meeting with lawmakers at X"
        t = t.head.head
    if not (t.lemma_.lower() in MEETING or t.lower_ in MEETING) or t.dep_ != "pobj" \
            or t.head.lower_ not in _MEETING_PREPS:
        return None
    # words in the first person are the speaker's own, told by "said": said where the saying was ("'we are concerned,'
    # he said before a London meeting")
    said = _saying(trigger)
    up = t.head.head
    if up.dep_ == "advmod" and up.head.i == said.i and up.lower_ in ("ahead", "shortly", "just", "soon"):
        up = up.head  # "ahead of a meeting"
    if up.dep_ in ("nsubj", "nsubjpass") and up.head.i == said.i:
        up = up.head  # "Lavrov, on a visit to Belgrade, said"
    return 1.5 if up.i == said.i else None


def _saying(trigger):
    """The verb of saying whose quotation holds ``trigger`` when its words are the speaker's own, in the first person
    ("'we are concerned,' he said", "'We have done that, so we are concerned,' he said"), else ``trigger``."""
    if not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("i", "we") for c in trigger.children):
        return trigger
    t = trigger
    for _ in range(3):
        if t.dep_ not in _BLOCK | {"conj", "advcl"} or t.head.i == t.i:
            return trigger
        if t.dep_ in _BLOCK and t.head.lemma_.lower() in SPEECH_VERBS:
            return t.head
        t = t.head
    return trigger


def _speaking(c, trigger) -> float | None:
    """A statement made while speaking, visiting or being somewhere the sentence names: "Speaking in Ankara, he said",
    "Erdogan, addressing a rally in Istanbul, accused ...", "Interviewed at a clinic, the nurse told ...", "criticised NATO
    while visiting Beijing", "When he was in Tokyo, the minister told ...": the place of such a clause on the trigger or
    its subject, or of a clause of being or speaking somewhere that the trigger's participle follows ("were in Paris,
    asking for aid", "From Israel, Pompeo spoke, defending ..."); or of the venue the statement's own "at"/"in" names
    ("was speaking at Chatham House in London"); a small distance, else None."""
    tok, role = c[2], None
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in VISIT:
        t = tok.head  # "while visiting Beijing, Putin said"
    else:
        role = _role(c, trigger)
        if role is None:
            return None
        t = role[0]
        for _ in range(3):  # "to reporters in Ankara", "a rally in Istanbul": up to the participle
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                break
            t = t.head
    # being somewhere: "when he was in Tokyo" (a person's stay, told by a pronoun; not "when the troops were in Syria")
    stay = (t.lemma_.lower() in STAYING and any(c.dep_ in ("mark", "advmod") and c.lower_ in _WHILE for c in t.children)
            and all(c.pos_ == "PRON" for c in t.children if c.dep_ == "nsubj"))
    if t.i == trigger.i and role is not None:
        # "was addressing the Chatham House thinktank in London", "said in an interview in Paris": the place of the
        # venue the statement's own "at"/"in" names
        venue = role[0]
        return 1.5 if venue.dep_ == "pobj" and venue.head.lower_ in ("at", "in") and venue.head.head.i == t.i else None
    if not (t.lemma_.lower() in SPEAKING | VISIT and t.pos_ == "VERB" or stay) or t.i == trigger.i:
        # "were in Washington last week, begging for aid": words told by a participle of being somewhere
        there = (t.lemma_.lower() in STAYING and trigger.dep_ == "advcl" and trigger.tag_ == "VBG"
                 and trigger.head.i == t.i and not any(c.dep_ == "mark" for c in trigger.children))
        return 1.5 if there else None
    head = t.head
    if t.dep_ == "advcl" and head.i == trigger.i:
        return 1.5
    if (trigger.dep_ == "advcl" and trigger.tag_ == "VBG" and trigger.head.i == t.i
            and not any(c.dep_ == "mark" for c in trigger.children)):
        return 1.5  # "From Israel, Pompeo spoke, defending the policy": words told by a participle of the speaking
    if t.dep_ in ("acl", "advcl", "relcl") and head.dep_ in ("nsubj", "nsubjpass") and head.head.i == trigger.i:
        return 1.5
    return None


def _struck(trigger, cameo, actors) -> bool:
    """An attack told by a participle on its victim ("hospitals targeted by Russian warplanes"): news, not a noun's
    background, so it may take the story's place."""
    if (cameo or "")[:2] not in FORCE_ROOTS or trigger.dep_ != "acl" or trigger.tag_ != "VBN" or len(actors) < 2:
        return False
    return actors[-1][0] <= trigger.head.i < actors[-1][1]


def _words_of(trigger, actors) -> bool:
    """An attack by a named person on no place ("Mr Cable attacked Labour's taxes", "Mbeki has attacked British
    imperialists"; not "Putin attacked Ukraine", "Assad bombed the opposition"), or by anyone on words, plans or
    policies ("the chairman attacked Labour's pledges"), is words, whatever its code: its place is where they were
    said."""
    if trigger.lemma_.lower() != "attack" or trigger.pos_ != "VERB":
        return False
    if any(c.dep_ == "dobj" and c.lemma_.lower() in ARGUED for c in trigger.children):
        return True
    if len(actors) < 2:
        return False
    doc = trigger.doc
    source, target = doc[actors[0][0]:actors[0][1]], doc[actors[-1][0]:actors[-1][1]]
    return (source.root.ent_type_ == "PERSON" and source.root.pos_ == "PROPN"
            and target.root.ent_type_ not in ("GPE", "LOC", "FAC"))


# what is sent or brought as words, not moved anywhere: "sent their condolences", "sent a letter to the minister"
SENT_WORDS = frozenset("condolence congratulation message letter note greeting invitation warning apology thanks wish "
                       "regard tribute view opinion".split())


def _words_sent(trigger) -> bool:
    """A verb whose object is words ("sent their condolences to the president", "gave their views"): a statement, made
    where the sender was (not a journey to the addressee), whatever its code."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in SENT_WORDS for c in trigger.children)


def _possessed(country, c) -> bool:
    """Place ``c`` follows the country's possessive, with only modifiers between ("Syria's far eastern Deir ez-Zor
    province", "Syria's northern city of Aleppo")."""
    doc = country[2].doc
    between = doc[country[1]:c[0]]
    return (country[3].kind == "country" and len(between) <= 5 and len(between) > 0 and between[0].tag_ == "POS"
            and all(t.pos_ in ("ADJ", "ADV", "DET") or t.lower_ in OF_HEADS or t.lower_ == "of" for t in between[1:]))


def _the_country(t) -> bool:
    """"(in) the country", "(in) the nation": a country named before."""
    return (t.lemma_.lower() in _COUNTRY_NOUNS and t.tag_ == "NN" and t.dep_ == "pobj"
            and any(c.lower_ == "the" for c in t.children))


def _the_capital(t, *nouns: str) -> bool:
    """"(in) the capital" (or another of ``nouns``: "the city"), with no name or demonym of its own ("the capital,
    Nairobi", "the Kenyan capital", "the capital of Kenya" are named)."""
    return (t.lower_ in nouns and t.tag_ == "NN" and t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS | MOVE_PREPS
            and any(c.lower_ == "the" for c in t.children)
            and not any(c.dep_ in ("amod", "compound", "nmod", "appos", "prep") and c.lower_ != "the"
                        for c in t.children))


def passing(place, places, parties) -> bool:
    """Whether a place the article names is one named in passing: its country is no party's to the act and is named
    only once among the article's place phrases ``places`` (``(start, end, Place, words)``), where another country is
    named more often: "its repression in Poland", once in a story on Moscow and London, is not where a Russian spy
    later passed secrets to the British."""
    if place.country in parties:
        return False
    counts = Counter(p[2].country for p in places)
    return counts[place.country] < 2 <= max(counts.values())

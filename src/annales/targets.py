"""Where an event's target (and a dictionary pattern's source slot) is in the parse: the direct object or
passive subject, a dative, the object of the pattern's preposition near the trigger, an aim ("launched
rockets at X"), the author of an object ("rejected a plan put forward by X"), and PETRARCH-2's first
actor the verb governs. Used by annales.events."""

from __future__ import annotations

from dataclasses import replace

from .actors import ActorPhrase, Actors
from .encounters import behind_topic, topic
from .lexicon import Pattern, child, clause_subject, for_clause, infinitive_clause, nearby, purpose_clause
from .modality import SPEECH_VERBS
from .nominal import ENCOUNTER_PREPS, prep_object
from .venues import SCENE_ROOTS, SETTING_NOUNS, SETTING_ROOTS, mission_place, venue

# what a verb governs that is not where PETRARCH looks for its target (the complement clause is
# searched last: "allowed that Mordor is ...", "said that an embargo against Mordor ...")
_NOT_PREDICATE = frozenset("nsubj nsubjpass csubj csubjpass expl aux auxpass neg mark advcl conj cc parataxis "
                           "punct ccomp relcl appos dep".split())
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})
CLAUSE_EDGES = frozenset({"relcl", "acl", "advcl", "ccomp"})
# prepositions of time and circumstance: their object is not the act's target ("called for talks despite
# tensions between X and Y")
CIRCUMSTANCE_PREPS = frozenset("from since during despite amid amidst after before until alongside beside".split())
# who is named as the source's help is on its side, not its target ("fought with the help of Y")
ALLY_NOUNS = frozenset("help support backing assistance aid".split())
# nouns whose "that" clause says what they are about ("claims that X abused ...")
CONTENT_NOUNS = frozenset("claim allegation accusation charge report suspicion complaint announcement assertion "
                          "suggestion notion idea".split())
# comments and accusations that are about the subject of their "that" clause ("voiced hope that X will",
# "alleged that X was sheltering"); not plain statements ("said that X ...": the clause is the event)
CONTENT_CODES = ("012", "013", "11")
AIM_PREPS = frozenset({"at", "on", "against", "into", "toward", "towards", "upon"})
# force, and whom it is used for: "fought for Y", "was killed fighting for Y" put the source on Y's side
FORCE_ROOTS = frozenset({"18", "19", "20"})
SIDE_PREPS = frozenset({"for"})
ASKING_ROOTS = frozenset({"02", "10"})  # appeals and demands: the one asked to act is their target
# giving, support and deployment: what goes to a mission goes to the place it serves (venues.mission_place)
AID_ROOTS = frozenset({"03", "05", "07", "15"})
# cooperation, backing and praise: what their object is aimed "against" is not their target
BACKING_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# verbs that name what their object is ("what it called interference", "what it described as provocations")
NAMING_VERBS = frozenset("call describe term brand dub label".split())
# verbs whose object is the subject of a bare infinitive after it ("helped X rebuild", "let X leave")
BARE_HEADS = frozenset("help let make have see watch hear".split())


def slot_filled(pattern: Pattern, trig) -> bool:
    """Whether the pattern's target slot holds something (an actor or not) in the parse; an object the
    pattern names is no target ("X and Y held talks")."""
    if pattern.target == "dobj":
        return any(c.dep_ in ("dobj", "dative", "nsubjpass", "agent")
                   and not any(t.lemma_.lower() in pattern.words for t in c.subtree)  # "a round of talks"
                   for c in trig.children)
    return any(c.dep_ in ("prep", "agent", "prt") and c.lower_ == pattern.target for c in trig.children)


def targets_of(pattern: Pattern, trig, actors: Actors, passive_subject=None) -> list[ActorPhrase]:
    """Target actors as the pattern says: the direct object (or the passive subject), a dative, or the
    object of the pattern's preposition found near the trigger ("imposed sanctions on", "called for
    the release of")."""
    if pattern.target in (None, "subject", "compound"):
        return []
    if pattern.target.startswith("^"):
        return _past_object(pattern.target[1:], trig, actors)
    if pattern.target == "dobj":
        if passive_subject is not None:
            return actors.all_at(passive_subject)
        obj = next((c for c in trig.children if c.dep_ in ("dobj", "dative", "attr")), None)
        if obj is None and trig.pos_ == "VERB":  # "called Sergey Lavrov to discuss": the parser's oprd
            obj = child(trig, "oprd")
        if obj is None and not pattern.dictionary:
            obj = _clause_subject(trig, small=True) or _named_by_what(trig)
        if obj is None and not pattern.dictionary and (pattern.code or "")[:2] in ASKING_ROOTS:
            obj = _asked_subject(trig)  # "demanded that X withdraw": X is asked
        if obj is None and not pattern.dictionary and "for" in pattern.words and for_clause(trig) is not None:
            obj = clause_subject(for_clause(trig))  # "called for Syria to withdraw": Syria
        # "lean on Iran", "seized up to 30 sailors": the first prepositional object with an actor, not the
        # place of a meeting or fight ("met in Rome", "attacked in Kabul": annales.venues)
        scene = not pattern.dictionary and (pattern.code or "")[:2] in SCENE_ROOTS | SETTING_ROOTS
        meeting = not pattern.dictionary and (pattern.code or "")[:2] == "04"  # not "talks on X's programme"
        speech = not pattern.dictionary and (pattern.code or "")[:2] == "01"
        inner = uncoded_infinitive(trig, pattern)
        if obj is None:
            for t in nearby(trig, clauses=not pattern.dictionary):
                if (t.i not in inner and t.dep_ == "pobj" and t.head.dep_ in ("prep", "prt")
                        and t.head.lower_ not in CIRCUMSTANCE_PREPS and not ally_named(t)
                        and not (not pattern.dictionary and for_side(t, pattern.code or ""))
                        and not (scene and venue(t, actors)) and not (meeting and topic(t))
                        and not (speech and _on_encounter(t, trig))):
                    if actors.all_at(t):
                        obj = t
                        break
        # the object a pattern names ("hold talks") is no target itself: not "talks in Islamabad" either;
        # nor is a statement's or a meeting's venue ("met the Pope in Rome")
        places = (pattern.code or "")[:2] not in ("01", "04") and not (
            obj is not None and obj.lemma_.lower() in pattern.words)
        found = _by_agent(obj, actors) if obj is not None and not pattern.dictionary else []
        if not found and obj is not None:
            found = actors.all_at(obj, places=places)
        if meeting and found:
            found = [p for p in found if not behind_topic(trig.doc[p.head], obj)]
        if not found and pattern.dictionary:
            return first_actor_after(trig, actors, infinitives=not inner)
        if not found and obj is not None:
            found = _author(obj, actors)
        if not found and not pattern.dictionary and (pattern.code or "").startswith(CONTENT_CODES):
            found = _reported_subject(trig, obj, pattern, actors)
        if not found and not pattern.dictionary and (pattern.code or "")[:2] in ("11", "12") and obj is not None:
            found = _content_subject(obj, actors)  # "rejected the claim that X had won": aimed at X
        root = (pattern.code or pattern.reverse or "")[:2]
        if found and obj is not None and root in BACKING_ROOTS and not pattern.dictionary:
            found = [p for p in found if not opposed_in(trig.doc[p.head], obj)]
        if (found and all(p.country is None and p.org is None for p in found)) or (not found and root >= "14"):
            # "launched rockets at Kyiv": an instrument as object, the aim in a preposition; "sent its
            # troops to Mali", "withdrew its soldiers": the source's own forces are no target
            own = obj is not None and any(c.dep_ == "poss" and c.lower_ in ("its", "their")
                                          for c in obj.children)
            for c in [*trig.children, *(obj.children if own else ())]:
                if (c.dep_ == "prep" and (c.lower_ in AIM_PREPS or own and c.lower_ == "to")
                        and child(c, "pobj") is not None):
                    aimed = actors.all_at(child(c, "pobj"))
                    if aimed:
                        return aimed
            if own or root == "15" and found and all(p.sector in ("MIL", "COP") for p in found):
                # "mobilised troops for an assault on X": the forces are what is moved or put on alert, the
                # aim is the target; no aim named, no target ("put the army on alert", "withdrew its troops")
                return _aim(trig, actors)
        return found
    for t in nearby(trig, 4 if pattern.dictionary else 3, clauses=not pattern.dictionary):  # as lexicon.match
        if t.dep_ in ("prep", "agent", "prt", "dative") and t.lower_ == pattern.target:
            pobj = prep_object(t)
            if pobj is None and not pattern.dictionary:
                pobj = _named_by_what(t)  # "lashed out at what it called X's interference"
            if pobj is None and (pattern.code or "")[:2] == "09":  # "an inquiry into whether X was ..."
                return _content_subject(child(t, "pcomp"), actors)
            if pobj is None and not pattern.dictionary and (pattern.code or "").startswith(CONTENT_CODES):
                # "expressed doubt about bringing X to the table": the comment is on what is done to X
                gerund = child(t, "pcomp")
                obj = child(gerund, "dobj") if gerund is not None and gerund.tag_ == "VBG" else None
                return actors.all_at(obj) if obj is not None else []
            if pobj is not None and not ally_named(pobj):
                # "protested against the detention of X by Y": aimed at Y, as "condemned the detention of X by Y"
                found = (not pattern.dictionary and _by_agent(pobj, actors)
                         or _not_in_conjoined_act(actors.all_at(pobj), pobj) or _content_subject(pobj, actors))
                if not pattern.dictionary and (pattern.code or "")[:2] in AID_ROOTS:  # "to the force in X": X
                    found = mission_place(pobj, found, actors)
                if not found and not pattern.dictionary and (pattern.code or "").startswith(CONTENT_CODES):
                    found = _done_by(pobj, actors)  # "optimism about the reforms taken by Y": Y's reforms
                if not pattern.dictionary and (pattern.code or "")[:2] == "04":  # "spoke to reporters on the
                    found = [p for p in found if not behind_topic(trig.doc[p.head], pobj)]  # steps of X"
                if found or pattern.dictionary:
                    return found
                # else a later one: "lifted [on the condition that ...] its ban [on X]"
    if pattern.target == "for" and not pattern.dictionary and for_clause(trig) is not None:
        return actors.all_at(clause_subject(for_clause(trig)))  # "called for Syria to withdraw": Syria
    if passive_subject is not None:
        return actors.all_at(passive_subject)
    # "lean on Iran" with "on" as a particle (or "called on [prep] X [dobj] to resign"): the object is the target
    obj = child(trig, "dobj") or (_clause_subject(trig) if not pattern.dictionary else None)
    if obj is not None and any(c.lower_ == pattern.target
                               and (c.dep_ == "prt" or c.dep_ == "prep" and child(c, "pobj") is None)
                               for c in trig.children):  # or a preposition the parser left without its object
        return actors.all_at(obj)
    return []


def for_side(tok, code: str) -> bool:
    """Whether ``tok`` is whom an act of force ``code`` is done for ("fought for Y", "was killed while fighting
    for Y"): Y is on the source's side, not its target."""
    return code[:2] in FORCE_ROOTS and tok.dep_ == "pobj" and tok.head.lower_ in SIDE_PREPS


def opposed_in(tok, obj) -> bool:
    """Whether ``tok`` is what the object ``obj`` (or what a verb ``obj`` governs) is "against" ("backed
    strikes against X", "welcomed the campaign against Y"): one backs the act, not X, which it is aimed at."""
    while tok.i != obj.i and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ == "against":
            return True
        tok = tok.head
    return False


def _on_encounter(tok, trig) -> bool:
    """Whether ``tok`` is inside a phrase of an encounter that sets ``trig``'s clause ("X, on a visit to Y,
    said": Y is where X speaks, not whom X addresses)."""
    while tok.i != trig.i and tok.head.i != tok.i:
        if tok.lemma_.lower() in SETTING_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ in ENCOUNTER_PREPS:
            return True  # not "hoped for talks with X": the talks are what it is about
        tok = tok.head
    return False


def _not_in_conjoined_act(found: list[ActorPhrase], pobj) -> list[ActorPhrase]:
    """Drop the actors found only inside a conjunct's own prepositional phrase: "the jailing of students
    and its backing for X" (X is backed, not jailed); "the people and leaders of X" keeps X."""
    doc = pobj.doc
    conjuncts = {c.i for c in pobj.conjuncts}

    def through_prep(tok) -> bool:
        for _ in range(6):
            if tok.head.i in conjuncts:
                return tok.dep_ == "prep" and tok.lower_ != "of"
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False
    return [p for p in found if p.head in conjuncts or p.head == pobj.i or not through_prep(doc[p.head])]


def ally_named(tok) -> bool:
    """Whether ``tok`` is, or names, the help an act is done with ("with the help of Y", "with US backing"), or
    whom the source acts for ("on behalf of Y"):
    who gives it is on the source's side, not its target (unlike "asked for the help of Y")."""
    if tok.lower_ == "behalf" or tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "behalf":
        return True  # "on behalf of X": the source acts for X
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        tok = tok.head.head
    elif tok.dep_ in ("compound", "amod", "poss"):
        tok = tok.head
    return tok.lemma_ in ALLY_NOUNS and tok.dep_ == "pobj" and tok.head.lower_ == "with"


def _content_subject(tok, actors: Actors) -> list[ActorPhrase]:
    """"an investigation into claims that X abused ...", "into whether X was spied on": the subject of the
    clause that says what a claim, report or charge is (or of a "whether" clause), which the act is about."""
    if tok is None:
        return []
    if tok.pos_ in ("VERB", "AUX"):
        clause = tok if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in tok.children) else None
    elif tok.lemma_.lower() in CONTENT_NOUNS:
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
                       and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    else:
        clause = None
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None) if clause is not None else None
    return actors.all_at(subj) if subj is not None else []


def _done_by(noun, actors: Actors) -> list[ActorPhrase]:
    """The agent of a passive participle modifying ``noun`` ("the reforms taken by the government", "the
    measures announced by X"): whose the thing commented on is."""
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = next((a for a in c.children if a.dep_ == "agent" or a.dep_ == "prep" and a.lower_ == "by"), None)
            pobj = child(agent, "pobj") if agent is not None else None
            if pobj is not None:
                return actors.all_at(pobj)
    return []


def _past_object(prep: str, trig, actors: Actors) -> list[ActorPhrase]:
    """PETRARCH's "(IN ^) +": the first actor the trigger governs after the object of ``prep``, which is
    skipped ("celebrated the feast in X with Y": Y)."""
    for t in nearby(trig, clauses=False):
        if t.dep_ in ("prep", "prt", "agent") and t.lower_ == prep:
            pobj = prep_object(t)
            if pobj is None:
                continue
            for w in trig.subtree:
                p = actors.by_token.get(w.i) if w.i > pobj.right_edge.i else None
                if p is not None:
                    return actors.all_at(doc_token(w, p))
            return []
    return []


def _aim(trig, actors: Actors) -> list[ActorPhrase]:
    """The first actor after an aim preposition near the trigger ("for an assault against X", "into X")."""
    for t in nearby(trig):
        if t.dep_ == "prep" and t.lower_ in AIM_PREPS | {"to"} and child(t, "pobj") is not None:
            found = actors.all_at(child(t, "pobj"))
            if found:
                return found
    return []


def _clause_subject(verb, small: bool = False):
    """The subject of a complement clause the parser gave the verb's object to: "found [X guilty]" (a small
    clause, headed by no verb), "helped [X rebuild]" (a bare infinitive), "allowed [X to visit]" (an
    infinitive right after the verb), and unless ``small`` "called on [X to resign]"."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and (not small or c.pos_ in ("ADJ", "NOUN") or _bare(c)
                                                               or infinitive_clause(c)):
            subj = child(c, "nsubj")
            if subj is not None:
                return subj
    return None


def reporting_verb(verb):
    """The speech verb a subjectless verb goes with when the parser conjoined it to the clause that verb
    reports ("X said the bill was flawed and urged Y": "urged" is conjoined to "was"): a verb of the same
    form before that clause; None when there is none. Whose act it is is the caller's call: the reported
    clause's subject where that is an actor ("said Iran had armed X and attacked Y"), else the speaker."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    up = head.head
    return up if up.i < head.i and up.lemma_ in SPEECH_VERBS and _form(up) == _form(verb) else None


def _form(verb) -> str:
    """The verb's tag, a past participle with no auxiliary read as the past tense it is ("and accused X")."""
    return "VBD" if verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) else verb.tag_


def _asked_subject(verb):
    """"demanded that X withdraw", "urged that X be allowed to": the active subject of the "that" clause (not
    the patient of a passive one: "demanded that the killers be punished" asks no one to be punished)."""
    for c in verb.children:
        if (c.dep_ == "ccomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)):
            return child(c, "nsubj")
    return None


def _reported_subject(trig, obj, pattern: Pattern, actors: Actors) -> list[ActorPhrase]:
    """"voiced hope that X will", "charged that X was sheltering", "is confident that X will": the subject of
    the complement clause of the verb, or of the object or adjective the pattern names ("hope", "confident"),
    that the comment or accusation is about."""
    heads = [trig] + [c for c in (obj, child(trig, "acomp")) if c is not None and c.lemma_.lower() in pattern.words]
    for head in heads:
        for c in head.children:
            if c.dep_ in ("ccomp", "acl") and c.i > head.i and c.pos_ in ("VERB", "AUX") and (
                    c.dep_ == "ccomp" or any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                    or _finite_clause(c)):
                subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None:
                    return actors.all_at(subj)
    return []


def _finite_clause(clause) -> bool:
    """"expressed hopes [the government will change]": a tensed clause with its own subject completing a
    noun, its "that" left out (not "plans to visit", "the men detained")."""
    return (clause.tag_ not in ("VBG", "VBN") and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            and any(c.dep_ == "aux" and c.lower_ != "to" for c in clause.children))


def _named_by_what(verb):
    """"condemned what it called US interference", "what it described as Syrian provocations" (also after a
    preposition: "lashed out at what it called ..."): the noun a free relative's naming verb gives its object,
    which the act is aimed at."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "pcomp") and c.lemma_ in NAMING_VERBS and any(
                w.dep_ == "dobj" and w.lower_ == "what" for w in c.children):
            named = child(c, "oprd") or child(c, "attr")
            if named is None:
                named = next((prep_object(p) for p in c.children if p.dep_ == "prep" and p.lower_ == "as"), None)
            return named
    return None


def _bare(clause) -> bool:
    """"helped [Somalia fight] the famine": a bare infinitive after "help", "let", "make" ..., with no
    auxiliary or conjunction of its own."""
    return (clause.tag_ == "VB" and clause.head.lemma_ in BARE_HEADS
            and not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children))


def _by_agent(obj, actors: Actors) -> list[ActorPhrase]:
    """"condemned the killing of two journalists by X", "welcomed the release of Y by X": the act the object
    names was X's (its "by" phrase), and the reaction is aimed at X, not at the act's patient."""
    if obj.pos_ != "NOUN" or obj.i in actors.by_token:
        return []
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    patient = child(of, "pobj") if of is not None else None  # the parser's "[journalists by X]" is the act's
    heads = (obj,) if patient is None else (obj, patient)
    by = next((c for h in heads for c in h.children
               if c.dep_ in ("prep", "agent") and c.lower_ == "by" and c.i > obj.i), None)
    pobj = child(by, "pobj") if by is not None else None
    return actors.all_at(pobj) if pobj is not None else []


def _author(obj, actors: Actors) -> list[ActorPhrase]:
    """"turned down a request submitted by X", "welcomed a plan put forward by X": the author named in a
    participle modifying an object that is no actor is what the act is aimed at."""
    for c in (c for o in (obj, *obj.conjuncts) for c in o.children):  # "the act and the threats made by X"
        if c.dep_ == "acl" and c.tag_ == "VBN":
            agent = child(c, "agent")
            pobj = child(agent, "pobj") if agent is not None else None
            if pobj is not None:
                return actors.all_at(pobj)
    return []


def subject_words(subj) -> frozenset:
    """Words and lemmas of a subject's noun phrase that a dictionary pattern's words before the verb
    may name ("- {DEATH TOLL} * [190]": "Eriador's death toll has risen")."""
    if subj is None:
        return frozenset()
    out = set()
    for t in subj.subtree:
        if t.pos_ in _CONTENT_POS and t.dep_ not in CLAUSE_EDGES:
            out.add(t.lower_)
            out.add(t.lemma_.lower())
    return frozenset(out)


_CHAIN_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})
# how a to-infinitive hangs on the verb governing it: a complement or a purpose clause ("hosting X to celebrate")
_INFINITIVE_DEPS = frozenset({"xcomp", "ccomp", "advcl"})


def _chain(verb) -> tuple[set, set]:
    left = [c for c in verb.children if c.i < verb.i and c.dep_ in _CHAIN_DEPS]
    if not any(c.dep_ != "advmod" for c in left):
        return set(), set()
    toks = verb.doc[min(c.left_edge.i for c in left):verb.i]
    # anchors: no adverbs, and no infinitive "to" ("- (TO) *" is no "inching nearer to accord")
    return {t.lower_ for t in toks}, {t.lower_ for t in toks if t.dep_ != "advmod" and t.head.dep_ != "advmod"
                                      and t.tag_ != "TO"}


def verb_chain(verb) -> dict:
    """The words of a verb's auxiliary chain, its auxiliaries, negation and the adverbs among or before them
    ("most certainly did not ever clash": most, certainly, did, not, ever), and of a to-infinitive's governing
    verb ("failed to agree", "has begun to question": begun, to, has; with its adverbs before the infinitive:
    "is inching nearer to accord": inching, nearer, to, is), which a dictionary pattern's words
    before the verb may name (``- &NEGATVAUXVRB * OVER EFFORTS``, ``- FAILED_TO_*``); ``chain_anchors`` are
    those words that are no adverbs (a pattern naming adverbs only is none of these: ``- RECENTLY *``). A
    verb the parser hung on the word right before it ("will not wire tap": tap under wire) has that word's."""
    if verb.dep_ == "xcomp" and verb.head.i == verb.i - 1:
        verb = verb.head
    words, anchors = _chain(verb)
    if (verb.dep_ in _INFINITIVE_DEPS and verb.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        up, up_anchors = _chain(verb.head)
        # the governing verb's adverbs between it and the infinitive ("inching nearer to accord")
        between = {t.lower_ for c in verb.head.children if verb.head.i < c.i < verb.i and c.dep_ in ("advmod", "prt")
                   for t in c.subtree if t.i < verb.i}
        words |= up | between | {verb.head.lower_, "to"}
        anchors |= up_anchors | {verb.head.lower_}
    reporter = frozenset()
    if verb.dep_ == "ccomp" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        reporter = frozenset({verb.head.lower_})  # "X noted that Y regretted": "- NOTED + *" (lexicon.match)
    return {"chain_words": frozenset(words), "chain_anchors": frozenset(anchors), "reporter": reporter}


def written_subject(pattern: Pattern, verb, subj):
    """The subject a dictionary pattern's ``+`` or source stands for: the governing verb's where the pattern
    names it before the verb ("- + HOSTING * MAY_DAY $": "X will be hosting Y to celebrate May Day": X)."""
    head = verb.head
    if (pattern.dictionary and head.i != verb.i and head.lower_ in pattern.before
            and verb.dep_ in _INFINITIVE_DEPS and any(c.tag_ == "TO" for c in verb.children)):
        return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), subj)
    return subj


def reporter_subject(pattern: Pattern, verb, actors: Actors) -> list[ActorPhrase]:
    """The source of a dictionary pattern that names the verb reporting the verb's clause before its ``+``
    ("- NOTED + *": "X noted that Y regretted ...": Y the target, X the source): that verb's subject."""
    head = verb.head
    if not (pattern.dictionary and pattern.target == "subject" and verb.dep_ == "ccomp" and head.i < verb.i
            and head.lower_ in pattern.before):
        return []
    words = pattern.text.replace("_", " ").split()
    if "+" not in words or head.lower_ not in words[:words.index("+")]:
        return []
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return actors.all_at(subj) if subj is not None else []


def source_slot(slot: str, verb, actors: Actors, targets: list[ActorPhrase]) -> list[ActorPhrase]:
    """The source a dictionary pattern puts after the verb: a preposition's object ("freed from $"), or
    ("after") the first actor after the verb that is not the target ("received money $"), or ("^after") the
    one after that ("- * TABASKI ^ $": "celebrate Tabaski with X at Y": Y)."""
    if slot in ("after", "^after"):
        skip = slot == "^after"
        for c in verb.children:
            if c.i > verb.i and c.dep_ not in _NOT_PREDICATE:
                for t in c.subtree:
                    p = actors.by_token.get(t.i)
                    if p is not None and p not in targets:
                        if skip:
                            skip, targets = False, [*targets, *actors.all_at(t.doc[p.head])]
                            continue
                        return actors.all_at(t.doc[p.head])
        return []
    for t in nearby(verb, clauses=False):
        if t.dep_ in ("prep", "agent", "prt") and t.lower_ == slot:
            pobj = child(t, "pobj")
            if pobj is not None:
                return [p for p in actors.all_at(pobj) if p not in targets]
    return []


def uncoded_infinitive(verb, pattern: Pattern) -> set[int]:
    """The tokens of a dictionary verb's to-infinitive complement where the pattern names no word after the verb
    ("proposed to take up the issue with X" for a bare "PROPOSE [100]"): PETRARCH-2 takes a verb's target from
    its own phrases, and an infinitive clause only through the event it codes."""
    if not pattern.dictionary or pattern.words:
        return set()
    return {t.i for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i
            and any(a.tag_ == "TO" for a in c.children) for t in c.subtree}


def first_actor_after(verb, actors: Actors, infinitives: bool = True) -> list[ActorPhrase]:
    """PETRARCH-2's target of a dictionary verb whose object is no actor: the first actor (with its
    conjuncts) in what the verb governs after it ("contributed a million dollars to Australia",
    "welcomed memos sent by Bree"), else in its complement clause. ``infinitives=False``: not in its
    to-infinitive complement (a passive's source: "X was seen to break into Y" is no act of Y's)."""
    for clause in (False, True):
        for c in verb.children:
            if c.i < verb.i or (c.dep_ == "ccomp") != clause or (not clause and c.dep_ in _NOT_PREDICATE
                                                                  and not purpose_clause(c)):
                continue
            if not infinitives and c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children):
                continue
            if not clause and any(m.dep_ == "mark" for m in c.children):
                continue  # "while in detention in X": an adverbial clause the parser hung on a preposition
            for t in c.subtree:
                p = actors.by_token.get(t.i)
                if p is not None and _own_pronoun(verb, t, p, actors):
                    continue  # "X began to question whether he has a future with Y": he is X, the target Y
                if p is not None and (t.dep_ not in _NOT_PREDICATE or t.i == c.i or clause or _states(t)):
                    return actors.all_at(doc_token(t, p))
    return []


def _own_pronoun(verb, t, p: ActorPhrase, actors: Actors) -> bool:
    """Whether ``t`` is a pronoun standing for the subject of ``verb`` (or of the verbs whose infinitive
    or conjunct it is): the source itself, no target."""
    if t.pos_ != "PRON" or p.refers is None:
        return False
    cur = verb
    for _ in range(4):
        subj = next((c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return actors.by_token.get(subj.i) is p.refers or p.refers.head == subj.i
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _states(subj) -> bool:
    """Whether ``subj`` is the subject of a "that" clause completing a noun ("expressed hopes that X could
    be drawn into ..."): what the noun is about, X first."""
    clause = subj.head
    return (subj.dep_ in ("nsubj", "nsubjpass") and clause.dep_ in ("acl", "ccomp")
            and clause.head.pos_ == "NOUN" and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children))


def doc_token(t, p: ActorPhrase):
    """The head token of the actor phrase ``p`` found at ``t``."""
    return t.doc[p.head]


# acts of force a reaction names with a definite noun ("denounced the attack"), aimed at whoever did it
FORCE_NOUNS = frozenset("attack strike airstrike raid bombing bombardment shelling assault incursion offensive "
                        "killing massacre".split())
DEFINITE = frozenset("the this that these those".split())


def _definite_force(trig):
    """The definite noun of an act of force that a verb takes as its object ("denounced the attack",
    "condemned Monday's strike"), none of whose words names an actor; else None."""
    obj = next((c for c in trig.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() not in FORCE_NOUNS:
        return None
    if not any(c.dep_ == "det" and c.lower_ in DEFINITE or c.dep_ == "poss" and c.ent_type_ == "DATE"
               for c in obj.children) or any(c.dep_ == "prep" and c.lower_ == "by" for c in obj.children):
        return None  # (its doer named: "the attack by X")
    return obj


def force_antecedents(events: list, doc, actors: Actors, reach: int = 6) -> list:
    """"Israeli jets struck a depot near Homs on Monday. ... Iran denounced the attack": a disapproval with no
    target whose object is a definite act of force naming no one is aimed at the one who did the last act of
    force coded within ``reach`` sentences before, when one source did it; the target phrase is the act's noun,
    coded as its doer (``events``: the document's RawEvents, in order)."""
    sent_of = {s.start: k for k, s in enumerate(doc.sents)}
    out = []
    for e in events:
        noun = (_definite_force(doc[e.trigger]) if e.target is None and e.code[:2] == "11" and not e.pattern.dictionary
                else None)
        if noun is not None and not any(actors.at(t) for t in noun.subtree):
            k = sent_of[e.sent_start]
            before = [f for f in events if f.code[:2] in ("18", "19", "20") and 0 < k - sent_of[f.sent_start] <= reach]
            last = [f for f in before if f.sent_start == max(g.sent_start for g in before)] if before else []
            doers = {f.source.code: f.source for f in last}
            if len(doers) == 1 and e.source.code not in doers:
                doer = next(iter(doers.values()))  # the act stands for its doer, as a metonym in this sentence
                e = replace(e, target=replace(doer, head=noun.i, start=noun.left_edge.i, end=noun.i + 1, parts=[],
                                              siblings=[], refers=None))
        out.append(e)
    return out

"""Modality, tense and negation of an event trigger, read from the words around it: auxiliaries ("will",
"could"), governing verbs ("plans to", "threatened to", "refused to", "said"), conditions ("if",
"unless") and negation ("not", "never", "no")."""

from __future__ import annotations

from .coordination import coordinate

SPEECH_VERBS = frozenset(
    "say tell announce report claim state add insist note confirm stress explain write declare "
    "reiterate assert argue allege suggest acknowledge admit reveal disclose indicate".split())
# adjectives of a wish to act ("would be happy to meet"): an intent, and only the speaker's
WISH_ADJECTIVES = frozenset("happy glad keen eager anxious determined".split())
INTENT_HEADS = frozenset(
    "plan intend want hope aim seek expect prepare due set go agree pledge promise vow offer try "
    "wish ready willing poised likely schedule propose consider mull swear suppose".split()) | WISH_ADJECTIVES
REFUSAL_HEADS = frozenset("refuse decline reject fail".split())  # "refused to lift the ban": not lifted
THREAT_HEADS = frozenset({"threaten"})
# bare pledges: "vowed to retaliate against Y" is the retaliation intended, not a second event
COMMIT_HEADS = frozenset("vow pledge promise agree swear".split())
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
HYPOTHETICAL_AUX = frozenset({"could", "might", "may", "would", "should", "must", "ought"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
CONTRAST_MARKS = frozenset({",", "-", "–", "—", ";"})  # before a "not" that contrasts, not negates
# modifiers of an event noun that is only planned ("the planned meeting", "his upcoming visit to X")
PLANNED_WORDS = frozenset("planned upcoming proposed forthcoming scheduled prospective mooted expected".split())
# verbs whose object (or passive subject) is an event planned ("scheduled talks for May", "talks are expected")
PLAN_HEADS = frozenset("plan schedule expect propose arrange seek slate want offer".split())
# units of "next week's summit", "the coming month's talks"
TIME_UNITS = frozenset("day week month year weekend".split())
# verbs of taking part "in" a nominal event ("is due to take part in the talks", "will participate in the summit")
PARTAKE_VERBS = frozenset("take participate engage join partake".split())
# the dependencies of a nominal event on the verb that governs it ("announced the expulsion of")
LIGHT_DEPS = frozenset({"dobj", "attr", "nsubjpass", "oprd"})


def in_condition(trig) -> bool:
    """Whether the trigger's clause is an "if" or "unless" condition."""
    cur = trig.head if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in LIGHT_DEPS | {"nsubj"} else trig
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children):
            return True
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def condition_subject(trig, marks=("if", "unless")):
    """The subject of an "if" or "unless" clause (``marks``) that sets the condition of the trigger's act
    ("threatened to quit the talks if the United States deploys ...": the threat is aimed at the United
    States; "will not lift the embargo until Cuba ...": the refusal is); of a passive clause, its agent."""
    cur = trig.head if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in LIGHT_DEPS else trig
    for _ in range(3):  # the trigger, the verbs it completes, and its own complement ("threatened to X if")
        for c in (*cur.children, *(g for x in cur.children if x.dep_ == "xcomp" for g in x.children)):
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children):
                # "until its demands are met by Y": in a passive condition, Y is the one who must act
                agent = next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)
                return agent or next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


UNILATERAL_HEADS = frozenset("offer propose want seek hope aim try wish intend vow pledge promise swear "
                             "threaten ready willing prepared".split()) | WISH_ADJECTIVES


def unilateral(trig) -> bool:
    """Whether an intended act is one side's offer or wish ("offered to negotiate with"), not an
    arrangement of both ("is due to visit", "will meet")."""
    cur = trig.head if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in LIGHT_DEPS else trig
    if cur is not trig and trig.dep_ == "dobj" and cur.lemma_ in UNILATERAL_HEADS:
        return True  # "wants talks with Y", "offered talks": Y has not
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "acomp", "conj") or cur.head.i == cur.i:
            return False
        if cur.head.lemma_ in UNILATERAL_HEADS:
            return True
        cur = cur.head
    return False


def ultimatum(trig, code: str = "") -> bool:
    """Whether an intended act is made conditional by an "unless" clause ("will withdraw unless"), or a
    conflictual one (``code`` 11-20) by an "if" clause ("will push for sanctions against Y if Y keeps ...")."""
    tok = trig.head if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in LIGHT_DEPS else trig
    marks = ("unless", "if") if code[:2] >= "11" else ("unless",)
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in tok.children)


# weighing an act is CAMEO 014, not an intent to do it ("is considering sending aid to X", "mulls sanctions
# against X", "is exploring the possibility of sending troops to X")
CONSIDER_HEADS = frozenset("consider mull weigh contemplate ponder".split())
OPTION_NOUNS = frozenset("possibility option idea prospect feasibility".split())
OPTION_HEADS = CONSIDER_HEADS | frozenset("explore study examine discuss debate assess evaluate".split())
WEIGHED = "014"


def considered(trig) -> bool:
    """Whether the act is only being weighed: the object or complement of "consider", "mull", "weigh"
    ("is considering imposing", "weighs a ban on"), or an option explored ("exploring the possibility of
    sending")."""
    for _ in range(3):  # and its purpose or conjoined act ("considering sending aid to help X")
        option = option_of(trig)
        if option is not None:
            return option.head.lemma_ in OPTION_HEADS
        if trig.dep_ in ("xcomp", "dobj", "ccomp") and trig.head.lemma_ in CONSIDER_HEADS and trig.head.pos_ == "VERB":
            return True
        if trig.dep_ not in ("advcl", "conj") or trig.head.i == trig.i:
            return False
        trig = trig.head
    return False


def option_of(tok):
    """The option noun a gerund or nominal act completes as the object of a verb ("explored [the possibility]
    of sending"), or None."""
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.lower_ != "of":
        return None
    noun = tok.head.head
    ok = noun.lemma_.lower() in OPTION_NOUNS and noun.dep_ in LIGHT_DEPS and noun.head.pos_ == "VERB"
    return noun if ok else None


def refused(trig) -> bool:
    """"refused to lift the ban", "failed to reach agreement": the act (or the nominal act of the verb
    that governs it) is what the subject refused or failed to do."""
    if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in LIGHT_DEPS:
        trig = trig.head
    return trig.dep_ == "xcomp" and trig.head.lemma_ in REFUSAL_HEADS


def cannot(trig) -> bool:
    """"cannot accept any more refugees", "can't accept the proposal": said of a cooperative act, a refusal."""
    return any(c.dep_ == "aux" and c.lower_ in ("can", "ca") for c in trig.children) and any(
        c.dep_ == "neg" for c in trig.children)


# verbs that commit their subject to the act they govern, with or without a target ("agreed to resign")
COMMIT_HEADS = frozenset("agree pledge promise vow commit".split())


def committed(trig) -> bool:
    """"agreed to lift the blockade", "pledged to resign": the act is one the subject committed itself to."""
    if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in LIGHT_DEPS:
        trig = trig.head
    return trig.dep_ == "xcomp" and trig.head.lemma_ in COMMIT_HEADS


def has_negation(tok) -> bool:
    """An explicit "not", "never" or "no" among ``tok``'s own dependents: the one test of negation that
    :func:`is_negated` and the relation and judgement rules share. A "not" set off after the verb by a comma
    contrasts another party ("are negotiating with the rebels, not the regime"): no negation of the act."""
    return any((c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in NEGATIONS))
               and not (c.i > tok.i and c.doc[c.i - 1].text in CONTRAST_MARKS) for c in tok.children)


def none_done(verb) -> bool:
    """A verb whose direct object is denied by "no" ("imposed no sanctions", "has issued no instructions"): the
    act is not done."""
    return any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
               for c in verb.children)


def is_negated(trig, governed: bool = True) -> bool:
    """"will not recall", "has never backed away", "no talks with", "refused to lift"; with ``governed``
    False only the verb's own negation ("won't try to clash": "try" is negated, "clash" not), else also an
    object denied ("imposed no sanctions": :func:`none_done`)."""
    if governed and (refused(trig) or none_done(trig)):
        return True
    if has_negation(trig) or (governed and trig.dep_ in ("xcomp", "dobj") and has_negation(trig.head)):
        return True
    # "did not even ever clash": the parser may hang the negation on an adverb before the verb
    return any(c.dep_ == "advmod" and c.i < trig.i and c.lower_ not in ("only", "just")
               and any(n.dep_ == "neg" for n in c.children) for c in trig.children)


def modality_of(trig) -> tuple[str, str]:
    """(modality, tense) of a trigger from its auxiliaries and governing words."""
    tok = trig
    if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in LIGHT_DEPS | {"nsubj"} and trig.head.pos_ in ("VERB", "AUX"):
        tok = trig.head  # the governing verb of a nominal event
    elif (trig.pos_ == "NOUN" and trig.dep_ == "pobj" and trig.head.head.pos_ in ("VERB", "AUX")
          and (trig.head.lower_ == "at" or (trig.head.lower_ == "for" or trig.head.lower_ == "in"
                                            and trig.head.head.lemma_ in PARTAKE_VERBS)
               and not any(c.dep_ == "poss" for c in trig.children))):
        # "will travel to Moscow for talks", "is due to take part in the talks", "will seek to reassure MPs at their
        # meeting on Monday": the talks are as intended as the trip, the taking part or what is done at them (not
        # an act with its agent, the cause of a response: "vowed to retaliate for Poland's expulsion of diplomats")
        tok = trig.head.head
    modality, tense = ("intended", "future") if planned(trig) else ("asserted", tense_of(tok))
    reported = False
    cur = tok
    for _ in range(6):
        auxes = [c.lower_ for c in cur.children if c.dep_ in ("aux", "auxpass")]
        # "X said it would impose ...": the reported "will" (backshifted), not a hypothetical
        backshift = cur.dep_ == "ccomp" and cur.head.lemma_ in SPEECH_VERBS
        if any(a in HYPOTHETICAL_AUX and not (a == "would" and backshift) for a in auxes) or any(
                c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in cur.children):
            return "hypothetical", "future"
        if any(a in FUTURE_AUX or a == "would" for a in auxes):
            modality, tense = "intended", "future"
        if cur.dep_ in ("xcomp", "acomp") and cur.head.lemma_ in THREAT_HEADS | INTENT_HEADS:
            modality, tense = "intended", "future"
        if cur.dep_ == "xcomp" and cur.head.lemma_ == "be" and cur.head.pos_ == "AUX" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in cur.children):
            modality, tense = "intended", "future"  # "the two leaders are to meet on Monday": scheduled
        if cur.dep_ == "ccomp" and cur.head.lemma_ in SPEECH_VERBS:
            reported = True
        if cur.dep_ in ("xcomp", "acomp", "ccomp", "conj", "advcl") and cur.head.i != cur.i:
            # "if"/"unless" clauses, and present-tense "until" ones ("vowed to fight until they gain control"): not yet
            marks = ("if", "unless") + (("until", "till") if cur.tag_ in ("VBP", "VBZ") else ())
            if cur.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in cur.children):
                return "hypothetical", "future"
            # "said X had done Y and accused Z": "accused" goes with "said", and is not reported
            cur = coordinate(cur) if cur.dep_ == "conj" else cur.head
            continue
        break
    if modality == "asserted" and (reported or any(t.lower_ == "according" for t in trig.sent)):
        modality = "reported"
    return modality, tense


def planned(noun) -> bool:
    """Whether an event noun names an encounter or act still to come: "the planned meeting", "his upcoming
    visit", "next week's summit", "scheduled talks for May", "the summit is expected on Friday"."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.lemma_ in PLAN_HEADS:
        return True
    return any(c.dep_ == "amod" and c.lower_ in PLANNED_WORDS or c.dep_ == "poss" and c.lemma_ in TIME_UNITS
               and any(a.lower_ in ("next", "coming") for a in c.children) for c in noun.children)



# auxiliaries of a mere possibility: "the party could appeal", "the regime might attack any day"; and of an
# ability or a power ("suspects can be detained without trial", "the council can impose fines"): no act told
POSSIBILITY_AUX = frozenset({"could", "might", "may", "should", "can"})
CONDITION_MARKS = frozenset({"if", "unless", "until", "till"})
# nouns of a possible act: "the prospect of a Turkish operation", "fears of an invasion" (not done)
POSSIBILITY_NOUNS = frozenset("prospect possibility risk fear danger chance likelihood spectre specter "
                              "scenario".split())
# verbs of belief and meaning, whose "would" clause is a prediction ("the public believe the Tories would take
# the country backwards", "an intervention means the government would take control"), not a reported intent
BELIEF_VERBS = frozenset("believe think mean fear feel suspect doubt imagine suppose predict expect forecast "
                         "speculate reckon estimate".split())


def possible_only(trig) -> bool:
    """Whether the trigger's act is only said to be possible ("could appeal", "might attack", "firms should not
    be pushing", "the prospect of an operation"): no event, unless a condition makes it a threat ("may halt its
    mediation if ..." is coded as one, CAMEO 13) or it is negated ("could not attend": a refusal). What only
    would have happened ("a bill that would have allowed X to extradite ...") is no event, condition or not."""
    if (trig.pos_ == "NOUN" and trig.dep_ == "pobj" and trig.head.lower_ == "of"
            and trig.head.head.lemma_.lower() in POSSIBILITY_NOUNS):
        return True
    cur = trig.head if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in LIGHT_DEPS | {"nsubj"} else trig
    if counterfactual(cur):
        return True
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in cur.children) or any(
                c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
                for c in cur.children):
            return False
        if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in POSSIBILITY_AUX or c.lower_ == "would" and (
                cur.dep_ == "ccomp" and cur.head.lemma_ in BELIEF_VERBS)) for c in cur.children):
            return not any(c.dep_ == "neg" for c in cur.children)
        if cur.dep_ not in ("xcomp", "acomp", "ccomp", "conj", "advcl") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def counterfactual(tok, reach: int = 6) -> bool:
    """Whether ``tok`` or a verb it is the complement or conjunct of is a past counterfactual, "would (not)
    have" with a participle: "would have allowed Y to extradite", "could have been avoided"."""
    for _ in range(reach):
        auxes = [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]
        if tok.tag_ == "VBN" and "have" in auxes and set(auxes) & (POSSIBILITY_AUX | {"would"}):
            return True
        if tok.dep_ not in ("xcomp", "ccomp", "conj") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


ANNOUNCE = frozenset({"announce", "announcement"})


def announced(tok) -> bool:
    """Whether ``tok`` is an act announced as under way: "announced that it was pulling its troops out" (a
    clause of "announce" in the progressive), "the pullout from X, announced by Y" (a noun with the
    participle); not "announced that it had withdrawn"."""
    if tok.pos_ in ("NOUN", "PROPN"):
        return any(c.dep_ == "acl" and c.lemma_ == "announce" and c.tag_ == "VBN" for c in tok.children)
    return (tok.dep_ in ("ccomp", "acl") and tok.head.lemma_ in ANNOUNCE and tok.tag_ == "VBG"
            and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children))


def tense_of(tok) -> str:
    auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return "future"
    if tok.tag_ in ("VBD", "VBN") or auxes & {"has", "have", "had", "was", "were", "did"}:
        return "past"
    return "present"


def pledged_act(tok, pattern, source, target, acts: set) -> bool:
    """Whether a bare pledge ("vowed to retaliate against Y": COMMIT_HEADS, a pattern of no other words) has
    its complement carry the act of the same source on the same target, or its complement's own verb an act of
    the same source on any target ("promised to punish Y for its seizure of a Chinese boat": the pledge's
    target is no one's; not a pledge to one who does the act too) (``acts``: (trigger, source code, target
    code) of the sentence's events): the act's intent, recoded, not a second event."""
    if not (tok.lemma_ in COMMIT_HEADS and not (pattern.words or pattern.dictionary) and target is not None):
        return False
    complements = [c for c in tok.children if c.dep_ == "xcomp"]
    return (any((t.i, source.code, target.code) in acts for c in complements for t in c.subtree)
            or any(i == c.i and s == source.code for c in complements for i, s, _ in acts)
            # (a pledge to each other stays: "X and Y agreed to expel Z", where Y too does the act)
            and not any(i == c.i and s == target.code for c in complements for i, s, _ in acts))


# the roots of an intent and a threat, as which the coder reads an act only supposed where it can
INTENT_ROOTS = ("03", "13")


def unreal(modality: str, code: str | None) -> bool:
    """An act only supposed (``modality`` hypothetical: "Moscow would block the renewal", "I would expect the
    foreign secretary to urge the Americans", "senators must vote to convict") that the coder could not read as an
    intent or a threat (``code``): no event. A wish ("would be happy to meet", 036) and a conditional threat
    ("could impose sanctions if the vote is rigged", 13) are events."""
    return modality == "hypothetical" and not (code or "").startswith(INTENT_ROOTS)

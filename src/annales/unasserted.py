"""Acts a sentence names without asserting that they happened:

- what is denied or dismissed ("denied that its forces attacked X", "rejected claims that its troops
  shelled X");
- what an accusation, a fear or a rumour says ("fears that X might attack Y", "allegations that X
  bombed Y"): the accusation may be an event (112), its content is not;
- what is called off ("the meeting was cancelled", "postponed the talks"): the act did not happen;
- what is ended, halted or prevented ("a deal to end the war between X and Y", "efforts to halt the
  fighting"): the act is the ending (a ceasefire, an agreement), not the war; and what an agreement's "to"
  clause agrees ("signed an agreement to increase trade"): the agreement is the act;
- background that a year dates to the past, in a relative or adverbial clause or a noun that is not
  the sentence's act ("the coalition that fought Iraq in 1991 met", "its invasion of China in the
  1930s remains a sore point"); the sentence's own act keeps its year ("In 2004 a court convicted");
- what a "whether" clause asks ("declined to say whether X would strike Y");
- whose backing describes an actor ("army units backed by foreign drones shelled X"): who
  the forces are, like "Russia-backed", not an act of support the sentence reports.

``unasserted(trig)`` is the test; the coder drops the events of such triggers, and the learned
fallback links no pair through them.
"""

from __future__ import annotations

# verbs whose complement (or the content of whose object) the subject says is untrue
DENIAL_VERBS = frozenset("deny dismiss reject refute rebut dispute".split())
# nouns whose "that" clause is said, feared or supposed, not reported as done
DOUBT_NOUNS = frozenset("accusation allegation claim charge fear rumour rumor speculation suspicion worry "
                        "concern possibility prospect risk danger hope expectation suggestion belief".split())
# agreements whose "to" clause says what is agreed, not done yet ("an agreement to increase trade")
AGREEMENT_NOUNS = frozenset("agreement deal accord pact treaty memorandum protocol roadmap".split())
# verbs whose object is an act that stops or does not happen ("ended the fighting", "to avert a war")
ENDING_VERBS = frozenset("end halt stop prevent avert resolve settle".split())
# verbs whose object (or passive subject) is an act called off before it happened ("the summit was postponed")
CALL_OFF_VERBS = frozenset("cancel postpone delay scrap shelve defer suspend".split())
# particle verbs of the same meaning ("called off the talks", "put off the visit")
CALL_OFF_PARTICLES = frozenset({("call", "off"), ("put", "off")})
# the roots of acts that an ending verb's object names as what is ended (conflict, not talks or aid)
ENDED_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# prepositions that date an act to a year ("in 1991", "during the 1980s"); not "since" (ongoing) or "by"
_DATING_PREPS = frozenset({"in", "during"})
# verbs of backing whose past participle after an actor names the actor's allies
BACKING_VERBS = frozenset("back support sponsor".split())
_CLAUSE_UP = frozenset({"conj", "xcomp", "ccomp", "acl", "advcl", "pcomp", "dobj", "pobj", "prep", "relcl"})


def unasserted(trig, code: str = "") -> bool:
    """Whether the act ``trig`` names (a verb, or an event noun with CAMEO ``code``) is denied, alleged,
    feared, or ended (see the module doc) rather than reported as done."""
    obj = trig
    if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ == "dobj":
        obj = obj.head.head  # "ended two weeks of fighting"
    if (trig.pos_ in ("NOUN", "PROPN") and obj.dep_ == "dobj" and obj.head.lemma_ in ENDING_VERBS
            and code[:2] in ENDED_ROOTS):
        return True
    if trig.pos_ in ("NOUN", "PROPN") and called_off(obj):
        return True
    if historical(trig) or described_backing(trig):
        return True
    cur = trig
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ == "whether" for c in cur.children):
            return True  # "would not say whether X would impose sanctions": an open question
        dep, head = cur.dep_, cur.head
        if head.i == cur.i:
            return False
        if dep == "ccomp" and head.lemma_ in DENIAL_VERBS:
            return True  # "denied that its forces attacked"
        if dep == "acl" and head.pos_ == "NOUN" and _content_clause(cur) and (
                head.lemma_ in DOUBT_NOUNS or head.head.lemma_ in DENIAL_VERBS):
            return True  # "fears that X might attack", "denied reports that X bombed"
        if ((dep == "acl" and head.lemma_ in AGREEMENT_NOUNS or dep == "advcl" and any(
                c.dep_ == "dobj" and c.lemma_ in AGREEMENT_NOUNS for c in head.children))
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in cur.children)):
            return True  # "signed an agreement (today) to increase trade": what is agreed; the agreement is the act
        if dep not in _CLAUSE_UP:
            return False
        cur = head
    return False


def called_off(noun) -> bool:
    """Whether an event noun is the object or passive subject of a verb that calls it off ("cancelled the
    meeting", "the talks were postponed", "called off the visit", "the trip, which was cancelled")."""
    # (a relative clause the parser hangs on the place the event noun names: "his trip to X, which was cancelled")
    heads = [noun, *(g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
    if any(c.dep_ == "relcl" and _calls_off(c) for h in heads for c in h.children):
        return True
    return noun.dep_ in ("dobj", "nsubjpass") and _calls_off(noun.head)


def _calls_off(verb) -> bool:
    return verb.pos_ == "VERB" and (verb.lemma_ in CALL_OFF_VERBS or any(
        c.dep_ == "prt" and (verb.lemma_, c.lower_) in CALL_OFF_PARTICLES for c in verb.children))


def _content_clause(clause) -> bool:
    """"(reports) that X bombed Y": a clause with the mark "that", not a relative clause."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def historical(trig) -> bool:
    """"(the coalition that) fought Iraq in 1991", "the invasion in the 1930s (remains)": a past act in
    the background (a past-tense verb of a relative or adverbial clause, or an event noun that is no
    object of a verb) dated by "in"/"during" a year or a decade."""
    if trig.pos_ in ("VERB", "AUX"):
        if trig.dep_ not in ("relcl", "acl", "advcl") or trig.tag_ not in ("VBD", "VBN") or _planned(trig):
            return False
    elif trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in ("nsubj", "nsubjpass", "pobj", "appos"):
        verb = next((h for h in trig.ancestors if h.pos_ in ("VERB", "AUX")), None)
        if verb is not None and _planned(verb):
            return False  # "to increase trade in 1983": planned
    else:
        return False
    return any(c.dep_ == "prep" and c.lower_ in _DATING_PREPS and any(y.dep_ == "pobj" and _year(y) for y in c.children)
               for c in trig.children)


def _planned(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("will", "would", "to", "shall") for c in verb.children)


def _year(tok) -> bool:
    """"1991", "1930s", "'80s": a year or a decade."""
    text = tok.text.rstrip("s").lstrip("'")
    if not text.isdigit():
        return False
    return (len(text) == 4 and text[:2] in ("18", "19", "20")) or (len(text) == 2 and tok.text.endswith("s"))


def described_backing(verb) -> bool:
    """"troops backed by foreign drones", "rebels, supported by Turkey,": a past participle of backing
    that modifies a noun."""
    return (verb.lemma_ in BACKING_VERBS and verb.tag_ == "VBN" and verb.dep_ == "acl"
            and verb.head.pos_ in ("NOUN", "PROPN"))

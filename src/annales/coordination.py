"""Coordination: which verb a conjoined verb really goes with, coordinated subjects that act on each other
("accused each other"), and names the parser hung as appositions where "and" joins them."""


def _to(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def coordinate(verb):
    """The verb a conjoined verb is coordinated with. Coordination joins likes, so when the parser hung it on a
    verb of another form inside a complement, it goes with that complement's governor ("said Iran had
    expanded X and accused Y": "accused" goes with "said"; "agreed to help X modernise Y and to train Z":
    "to train" goes with "to help"). A verb that is no conjunct is returned as it is."""
    if verb.dep_ != "conj":
        return verb
    head = verb.head
    if verb.tag_ == head.tag_ and (_to(head) or not _to(verb)):
        return head
    up = head.head
    # (only a governor before it: in "X has freed Y but barred Z, officials said" the elided "has" is shared)
    if (head.dep_ in ("ccomp", "xcomp") and up.i < head.i and up.tag_ == verb.tag_
            and _to(up) == _to(verb)):
        return up
    return head


# the parser heads "one another" on either word
_RECIPROCALS = {("other", frozenset({"each"})), ("another", frozenset({"one"})), ("one", frozenset({"another"}))}


def each_other(verb) -> bool:
    """Whether the verb's object, or the object of one of its prepositions, is a reciprocal pronoun ("accused each
    other", "fought with one another"): its coordinated subjects act on each other, whatever the act."""
    for c in verb.children:
        objs = ([c] if c.dep_ in ("dobj", "dative")
                else [g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [])
        for o in objs:
            words = frozenset(w.lower_ for w in o.children)
            if (o.lower_, words & {"each", "one", "another"}) in _RECIPROCALS:
                return True
    return False


def joined_appositions(tok) -> list:
    """The parser's readings of "Chile's President A and Peruvian President B" as one president: a second name in
    apposition that "and" joins to the first, or a name conjoined to the first name; either is a conjunct of the
    noun. Names only: "X, a veteran, activist and candidate" or "the US, a superpower, and its allies" list no
    second actor."""
    doc = tok.doc
    out = []
    for c in tok.children:
        if c.dep_ != "appos" or c.pos_ != "PROPN":
            continue
        before = doc[c.left_edge.i - 1] if c.left_edge.i > 0 else None
        if before is not None and before.dep_ == "cc" and before.lower_ == "and":
            out.append(c)
        out.extend(n for n in c.conjuncts if n.pos_ == "PROPN")
    return out

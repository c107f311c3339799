"""Coordination of verbs: which verb a conjoined verb really goes with."""


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

"""An argument the parse hides from the plain object edges, for annales.events: an object pronoun whose
antecedent is named earlier in the sentence ("called the Ugandan leader and urged him to ...": him is the
leader), never the subject of a clause it is in ("X pardoned him": not X)."""

from __future__ import annotations

from .actors import ActorPhrase, Actors
from .lexicon import child

OBJECT_PRONOUNS = {"him": "one", "her": "one", "them": "many"}
PERSON_TAGS = frozenset({"NN", "NNP"})
GROUP_TAGS = frozenset({"NNS", "NNPS"})


def pronoun_antecedent(pron, actors: Actors, subjects: list[ActorPhrase]) -> list[ActorPhrase]:
    """The actor an object pronoun ("him", "her", "them") stands for: the nearest actor before it in its
    sentence that agrees in number and is not the subject of the pronoun's clause (``subjects``)."""
    number = OBJECT_PRONOUNS.get(pron.lower_)
    if number is None or pron.tag_ != "PRP" or pron.i in actors.by_token:
        return []
    start = pron.sent.start
    doc = pron.doc
    tags = PERSON_TAGS if number == "one" else GROUP_TAGS
    # nor the subject of a clause it is in ("the court convicted X and sentenced him": not the court)
    subjects = subjects + [p for a in pron.ancestors for c in a.children if c.dep_ == "nsubj"
                           for p in actors.all_at(c)]
    for p in sorted(actors.phrases, key=lambda p: -p.end):
        if p.end > pron.i or p.head < start:
            continue
        if p in subjects or (p.refers is not None and p.refers in subjects):
            continue
        head = doc[p.head]
        if head.tag_ in tags and (number == "many" or head.ent_type_ == "PERSON"
                                  or (not head.ent_type_ and p.sector is not None)):  # "the Ugandan leader"
            return [p.refers or p]
    return []


def object_pronoun(verb, target: str | None):
    """The pronoun in a verb's target slot: its object or dative ("urged him"), or the object of the
    pattern's preposition ("imposed sanctions on them")."""
    for c in verb.children:
        if target == "dobj" and c.dep_ in ("dobj", "dative") and c.lower_ in OBJECT_PRONOUNS:
            return c
        if c.dep_ in ("prep", "dative") and c.lower_ == target:
            pobj = child(c, "pobj")
            if pobj is not None and pobj.lower_ in OBJECT_PRONOUNS:
                return pobj
    return None

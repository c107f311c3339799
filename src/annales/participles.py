"""States of mind the parser reads as passives: "Germany was disappointed by Poland's decision", "Washington
is deeply troubled by Moscow's move". The lexicon writes them as copular rows ("be disappointed by *",
``data/verbs.tsv``), but the parser often makes the participle the verb and its "by" phrase a passive
agent. The one who feels it is the source (the grammatical subject) and the one whose act caused it is
the target (the "by", "at", "over" object): the reverse of a passive act's roles ("was attacked by X")."""

from __future__ import annotations

from .actors import ActorPhrase, Actors
from .lexicon import Pattern, child, nearby_lemmas
from .targets import targets_of
from .venues import venue


def copular_row(tok, verbs: dict) -> Pattern | None:
    """The most specific "be <participle> ..." row of the built-in lexicon that a passive participle ``tok``
    ("was disappointed by") satisfies, or None."""
    if tok.tag_ != "VBN" or not any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in tok.children):
        return None
    rows = [p for p in verbs.get("be", ()) if not p.dictionary and tok.lower_ in p.words]
    if not rows:
        return None
    near = nearby_lemmas(tok) | {tok.lower_}
    return next((p for p in rows if p.target not in (None, "dobj") and all(w in near for w in p.words)), None)


def feeling_roles(tok, pattern: Pattern, actors: Actors) -> tuple[list[ActorPhrase], list[ActorPhrase]]:
    """(sources, targets) of a state of mind read on a passive participle: who feels it, and at whom; none
    where no actor caused it ("was angered by the bomb attack": a feeling, no act towards anyone; "by attacks in
    the UK": where they happened, not who did them)."""
    subj = child(tok, "nsubjpass")
    sources = actors.all_at(subj) if subj is not None else []
    doc = tok.doc
    targets = [t for t in targets_of(pattern, tok, actors) if t not in sources and not venue(doc[t.head], actors)]
    return (sources, targets) if targets else ([], [])

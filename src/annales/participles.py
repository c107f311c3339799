"""States of mind the parser reads as passives: "Germany was disappointed by Poland's decision", "Washington
is deeply troubled by Moscow's move". The lexicon writes them as copular rows ("be disappointed by *",
``data/verbs.tsv``), but the parser often makes the participle the verb and its "by" phrase a passive
agent. The one who feels it is the source (the grammatical subject) and the one whose act caused it is
the target (the "by", "at", "over" object): the reverse of a passive act's roles ("was attacked by X").
The parser may also make the participle the complement of "be" ("Russia was deeply disappointed by X's
decision": acomp, its "by" phrase an agent the lexicon's "be" rows do not reach). A pronoun that feels it in a
reported clause is the reporter ("Russia said it was disappointed by ..."); and a participle the parser hangs on its
own object's antecedent ("wrote to the parties urging them": the writer urges, :func:`names_its_head`)."""

from __future__ import annotations

from .actors import ActorPhrase, Actors
from .lexicon import Pattern, child, nearby_lemmas
from .targets import targets_of
from .venues import venue

# pronouns that, as the subject of a reported clause, stand for its reporter
REPORTERS = frozenset({"it", "they", "he", "she", "we"})


def copular_row(tok, verbs: dict) -> Pattern | None:
    """The most specific "be <participle> ..." row of the built-in lexicon that a passive participle ``tok``
    ("was disappointed by") satisfies, or None."""
    if tok.tag_ != "VBN":
        return None
    complement = tok.dep_ == "acomp" and tok.head.lemma_ == "be" and any(c.dep_ == "agent" for c in tok.children)
    if not complement and not any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in tok.children):
        return None
    rows = [p for p in verbs.get("be", ()) if not p.dictionary and tok.lower_ in p.words
            and (not complement or p.target == "by")]
    if not rows:
        return None
    near = nearby_lemmas(tok) | {tok.lower_}
    return next((p for p in rows if p.target not in (None, "dobj") and all(w in near for w in p.words)), None)


def feeling_roles(tok, pattern: Pattern, actors: Actors) -> tuple[list[ActorPhrase], list[ActorPhrase]]:
    """(sources, targets) of a state of mind read on a passive participle: who feels it, and at whom; none
    where no actor caused it ("was angered by the bomb attack": a feeling, no act towards anyone; "by attacks in
    the UK": where they happened, not who did them)."""
    subj = child(tok, "nsubjpass") or (child(tok.head, "nsubj") if tok.dep_ == "acomp" else None)
    sources = actors.all_at(subj) if subj is not None else []
    clause = tok.head if tok.dep_ == "acomp" else tok
    if not sources and subj is not None and subj.lower_ in REPORTERS and clause.dep_ == "ccomp":
        speaker = child(clause.head, "nsubj")  # "Russia said it was disappointed by ...": Russia
        sources = actors.all_at(speaker) if speaker is not None else []
    doc = tok.doc
    targets = [t for t in targets_of(pattern, tok, actors) if t not in sources and not venue(doc[t.head], actors)]
    return (sources, targets) if targets else ([], [])


def names_its_head(participle) -> bool:
    """Whether a participle's object is a plural pronoun ("them") standing for the plural noun the parser hung the
    participle on, where the clause's subject is singular ("the archbishop wrote to the parties urging them"): a
    pronoun object is never its own clause's subject, so the participle is the subject's."""
    head = participle.head
    gov = governing_verb(head)
    subj = next((c for c in gov.children if c.dep_ == "nsubj"), None) if gov is not None else None
    return (head.dep_ in ("pobj", "dobj") and head.tag_ in ("NNS", "NNPS") and subj is not None
            and subj.tag_ in ("NN", "NNP")
            and any(c.dep_ == "dobj" and c.lower_ == "them" for c in participle.children))


def governing_verb(tok):
    """The verb whose object (or prepositional object, also inside its object: "sent a letter to ``tok``") ``tok``
    is."""
    for _ in range(4):
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ not in ("prep", "dative", "dobj") or tok.head.i == tok.i:
            return None
    return None


def reduced_passive(verb) -> bool:
    """Whether ``verb`` is a past participle heading an adverbial clause of its own with no subject and no auxiliary
    ("When asked about the party, he said ...", "Backed by Russia, the army attacked"): a passive whose patient is the
    main clause's subject, who did not do the act ("having met X, he said" is active: it has an auxiliary)."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "csubj") for c in verb.children)

"""What a clause says of its words, for :mod:`annales.events`: a verb's subject (inherited through control,
coordination, relative clauses and time gerunds), a pronoun subject's antecedent in the clause that reports it, a
headline's main verb the parser hung on its subject, a gerund used as a subject, the subject of a light verb, a
naming verb's object complement, and a clause of a document its governing verb does not issue."""

from __future__ import annotations

from .actors import ActorPhrase, Actors
from .coordination import coordinate
from .lexicon import child
from .modality import LIGHT_DEPS, option_of
from .participles import governing_verb, names_its_head

# what an actor issues or adopts that speaks for it ("released a statement criticising X")
DOCUMENTS = frozenset("statement declaration resolution letter communique communiqué note message report decree "
                      "motion petition appeal lawsuit suit complaint".split())
# subject pronouns that stand for an actor named before them ("Chile said it would retaliate")
ANAPHORS = frozenset({"it", "they", "he", "she", "we"})
# verbs that only carry a nominal event in their object ("announced the expulsion of", "launched strikes on")
LIGHT_VERBS = frozenset("announce declare launch carry conduct stage begin continue order step resume undertake "
                        "mount make hold give take do start complete".split())
# relative adverbs: the noun their clause modifies is not its subject ("the town where the shells fell")
WH_PLACES = frozenset({"where", "when", "why", "whereby"})
# prepositions of time, means or part whose gerund shares the clause's subject ("after meeting X, Y said", "by
# signing", "joined X in condemning"); not "for"/"of" ("condemned X for attacking": X attacked)
TIME_PREPS = frozenset("after before upon following since while by in".split())


def subject_of(verb):
    """The subject of a verb, inherited through control, coordination and relative clauses."""
    tok = prev = verb
    for _ in range(5):
        # the subject of a raising passive is the raised verb's: "X was seen to break into", "X is said to plan"
        # and a gerund's is its clause's passive subject too: "X was killed while fighting Y" (X fought Y)
        deps = ("nsubj", "csubj", "nsubjpass") if tok is not verb and (
            prev.dep_ == "xcomp" or prev.tag_ == "VBG" and prev.dep_ in ("advcl", "pcomp")) else ("nsubj", "csubj")
        subj = next((c for c in tok.children if c.dep_ in deps), None)
        if subj is not None:
            if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ == "relcl" and any(c.dep_ == "nsubjpass" or (c.dep_ == "advmod" and c.lower_ in WH_PLACES)
                                       for c in tok.children):
            break  # "Montenegro, where 28 people were killed": the place is no subject
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and names_its_head(tok):
            prev, tok = tok, governing_verb(tok.head)  # "X wrote to the parties urging them": X urged
            if tok is None:
                break
            continue
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and (tok.tag_ == "VBG" or headline_verb(tok))):
            return tok.head
        if (tok.dep_ in ("xcomp", "conj", "acomp", "advcl") or tok.dep_ == "ccomp" and tok.head.lemma_ == "let"
                and tok.lemma_ in ("free", "go")) and tok.head.i != tok.i:  # "X let free the prisoners": X freed
            prev, tok = tok, coordinate(tok) if tok.dep_ == "conj" else tok.head
            continue
        if (tok.dep_ == "pcomp" and tok.tag_ == "VBG" and tok.head.lower_ in TIME_PREPS
                and tok.head.head.pos_ in ("VERB", "AUX")):
            prev, tok = tok, tok.head.head  # "after meeting X, Y said": Y met X
            continue
        if tok.dep_ == "pcomp" and tok.tag_ == "VBG" and option_of(tok) is not None:
            prev, tok = tok, option_of(tok).head  # "X is exploring the possibility of sending": X would send
            continue
        break
    # a name the parser attached as a modifier before the verb ("Baerbock criticised China")
    return next((c for c in verb.lefts if c.dep_ in ("advmod", "npadvmod", "dep") and c.pos_ == "PROPN"), None)


def headline_verb(verb) -> bool:
    """"The Kenyan president called X": a past form the parser hung on a subject that it made the
    sentence's root (no other main verb), as if a participle ("a convoy attacked by"): the main verb."""
    head = verb.head
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.dep_ == "ROOT"
            and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i
            and not any(c.dep_ == "agent" for c in verb.children)
            and any(c.dep_ in ("dobj", "oprd") or c.dep_ == "prep" and verb.tag_ == "VBD" for c in verb.children))


def antecedent(verb, pronoun, actors: Actors) -> list[ActorPhrase]:
    """"Chile said it would retaliate": a pronoun subject of a reported clause is the subject of the
    clause that reports it."""
    cur = verb
    for _ in range(4):
        if cur.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "acomp") or cur.head.i == cur.i:
            return []
        cur = cur.head
        subj = subject_of(cur)
        if subj is not None and subj.i != pronoun.i:
            found = actors.all_at(subj)
            if found:
                return found
    return []


def light_subject(noun, actors: Actors) -> list[ActorPhrase]:
    """"Russia launched a mediation effort between India and Pakistan": the actor subject of the light
    verb whose object the nominal event is."""
    if noun.dep_ not in LIGHT_DEPS or noun.head.lemma_ not in LIGHT_VERBS:
        return []
    subj = subject_of(noun.head)
    return actors.all_at(subj) if subj is not None else []


def gerund_subject(tok) -> bool:
    """A gerund with no subject of its own that is a clause's subject: a verb in form, a noun in use."""
    return (tok.tag_ in ("VBG", "VBZ") and tok.dep_ in ("nsubj", "nsubjpass")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children))


# verbs that, with an object complement, name what their object is ("called X a liar", "branded X a
# threat"): their bare patterns ("call *", a phone call) do not apply then
NAMING_VERBS = frozenset("call name dub label term brand".split())
TIME_NOUNS = frozenset("day week month year hour minute time while".split())


def names_object(verb) -> bool:
    """"called the envoy a liar", "called it unacceptable": a naming verb with an object complement."""
    obj = child(verb, "dobj") or child(verb, "oprd")
    if verb.lemma_ not in NAMING_VERBS or obj is None:
        return False
    if any(c.dep_ in ("oprd", "ccomp", "xcomp") and c.pos_ in ("NOUN", "ADJ", "PROPN") and c.i != obj.i
           for c in verb.children) or any(c.dep_ == "appos" or c.dep_ == "amod" and c.i > obj.i for c in obj.children):
        # an adjective after the object is its complement ("called the rulers corrupt and incompetent")
        return True
    # the parser's other readings of "called [Bush's remarks] [an insult]": "a"/"an" after the object, before
    # any preposition or clause ("called X on Monday to ...", "called X a day after" are calls)
    for tok in verb.doc[obj.i + 1:verb.right_edge.i + 1]:
        if tok.pos_ in ("ADP", "PART", "PUNCT", "SCONJ", "CCONJ"):
            return False
        if tok.lower_ in ("a", "an"):
            return tok.head.lemma_.lower() not in TIME_NOUNS
    return False


# what an author does with its document: it speaks for the author ("issued a statement condemning X"), not where
# it is blocked, opposed or only to be backed ("vetoed a resolution condemning X")
AUTHORING = frozenset("issue release adopt pass approve sign send publish file draft introduce submit table present "
                      "deliver write make unveil circulate put bring lodge post distribute be".split())


def unissued(subj, verb) -> bool:
    """Whether ``verb`` is in a clause of a document (``subj``) that its governing verb does not issue ("vetoed a
    resolution condemning X", "will support a resolution that aims to impose a blockade on X")."""
    return (subj is not None and subj.lemma_ in DOCUMENTS and subj.head.lemma_ not in AUTHORING
            and any(a.dep_ in ("acl", "relcl") and a.head.i == subj.i for a in (verb, *verb.ancestors)))

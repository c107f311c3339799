"""Judgements spoken of what another did: "Moscow said the US sanctions were illegal", "the EU called the
Hungarian law unacceptable", "China described Japan's visit as a provocation". The speaker (the subject of
a speech or naming verb) criticises (111, ``data/judgements.tsv``) whoever the judged thing belongs to: the
actor it is, or names among its modifiers ("the Hungarian law", "Japan's remarks"), not the victim of an act ("X's murder"). Not where the judgement
is negated ("said the move was not illegal") or reported as another's question ("asked whether ...").

Also: a quoted judgement of a pronoun is of what the speech verb says it is about ("'This is unacceptable,'
X said of Y's move"); blame (the rows coded 112) is a judgement of an actor as the author of a harm ("said X
was responsible for / behind / to blame for the attack", "held X responsible for the deaths"; not
"responsible for security"); a wrongdoing verb of those rows asserted of an actor in a reported clause is
blame too ("said X had violated the truce", "was trying to destabilise"; not after "admitted", negated or
under a modal); branding or labelling an actor is criticism whatever the epithet ("branded X a donkey"), and
calling or describing one so where the name, or a word qualifying it, is a judgement ("called X a very stupid
guy"); a verbal attack that sets what a speaker says is criticism of its aim ("In a veiled attack on X, Y
said"). A judged act done to a victim is its doer's when a "by" phrase names one ("said the detention of its
diplomats by X was illegal"); a judged harm whose doer is not named is criticism aimed at no one, as condemning
it is ("said the killing of the reporter was unacceptable"); a clause conjoined to the reported one is reported
too ("said A and that B")."""

from __future__ import annotations

from functools import lru_cache

from ._data import data_path, read_tsv
from .actors import ActorPhrase, Actors
from .lexicon import Pattern, child, match
from .modality import SPEECH_VERBS, has_negation, tense_of
from .nominal import PATIENT_NOUNS

# verbs that name their object with a judgement ("called X unacceptable", "described X as a provocation")
NAMING_VERBS = frozenset("call describe term brand label dub deem consider".split())

# modifiers of the judged noun that name whose it is
OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# a quote's pronoun subject stands for what the speech verb says it is about ("'It is a crime,' X said of ...")
QUOTE_PRONOUNS = frozenset({"this", "that", "it"})
TOPIC_PREPS = frozenset({"of", "about"})
# blame is for a harm: an event noun of the lexicon with one of these roots, or one of these words
HARM_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
HARM_WORDS = frozenset("death bloodshed crime explosion".split())
# prepositions that name what the blamed did ("responsible for", "behind", "guilty of")
BLAME_PREPS = frozenset({"for", "behind", "of"})
# verbs that state their object is to blame ("held X responsible for")
HOLDING_VERBS = frozenset({"hold"})
BLAME = "112"
SWIPE = Pattern("111", "attack", (), "dobj", "SPEAKER in an attack on * said")
# speech verbs whose clause may be the speaker's own side's wrongdoing ("admitted its troops had violated")
OWN_ADMISSIONS = frozenset({"admit", "acknowledge", "concede"})
# a verbal attack that sets what a speaker says ("In a veiled attack on X, Y said", "Y, in a swipe at X, said")
SWIPES = frozenset("attack swipe jab dig broadside rebuke barb salvo criticism".split())
SWIPE_PREPS = frozenset({"on", "at", "against"})
VERBAL = frozenset("veiled scathing stinging blistering withering verbal".split())  # what makes an attack one of words
# naming verbs that disparage whatever the name ("branded X a donkey", "labelled X a rogue state")
BRANDING = frozenset({"brand", "label"})
ATTEMPTS = frozenset({"try", "seek", "attempt", "plot"})  # "said X was trying to destabilise the region"


def naming(verb) -> str | None:
    """The predicate's lemma when ``verb`` names what its object is ("called the raid a crime": "crime",
    "called X's strike unacceptable"); only the lexicon rows with that word apply ("call crime", not "call
    strike"). None for other verbs."""
    if verb.lemma_ not in NAMING_VERBS:
        return None
    return next((c.lemma_.lower() for c in verb.children if c.dep_ == "oprd" and c.pos_ in ("NOUN", "ADJ")),
                None)


@lru_cache(maxsize=1)
def judgement_words() -> dict[str, str]:
    return {row["word"]: row["code"] for _, row in read_tsv(data_path("judgements.tsv"))}


def _judged(verb):
    """(the judged noun, the judgement word) that ``verb`` states, or None."""
    words = judgement_words()
    if verb.lemma_ in SPEECH_VERBS:  # "said [X was illegal]", "said [X was a provocation]"
        for c in _reported_clauses(verb):
            act = _wrongdoing(c, words) if verb.lemma_ not in OWN_ADMISSIONS else None
            if act is not None and child(c, "nsubj") is not None:
                return child(c, "nsubj"), act  # "said [X had violated the truce]": a wrongdoing reported of X
            if c.lemma_ == "be" and not has_negation(c):
                subj = child(c, "nsubj")
                word = next((w for w in _predicates(c) if w.lemma_.lower() in words), None)
                if subj is not None and subj.lower_ in QUOTE_PRONOUNS:
                    subj = _topic(verb)  # "'This is unacceptable,' X said of Y's move"
                if subj is not None and word is not None:
                    return subj, word
    if verb.lemma_ in HOLDING_VERBS and not has_negation(verb):  # "held X responsible for the attack"
        obj = child(verb, "dobj")
        word = next((c for c in verb.children if c.dep_ in ("oprd", "advcl", "acomp", "xcomp", "ccomp")
                     and c.lemma_.lower() in words and words[c.lemma_.lower()] == BLAME), None)
        if obj is not None and word is not None:
            return obj, word
    if verb.lemma_ in NAMING_VERBS and not has_negation(verb):
        obj = child(verb, "dobj")
        if obj is None:
            return None
        near = [c for c in (*verb.children, *obj.children) if c.dep_ in ("oprd", "ccomp", "xcomp", "acomp", "attr", "amod")
                and c.i > obj.i or c.dep_ == "appos" and c.head.i == obj.i]
        near += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
        word = next((w for w in _with_modifiers(near) if w.lemma_.lower() in words), None)
        if word is None and verb.lemma_ in BRANDING:  # "branded X a donkey": whatever the epithet
            word = next((w for w in verb.subtree if w.pos_ in ("NOUN", "ADJ") and (
                w.i > obj.right_edge.i and w.dep_ in ("dobj", "oprd", "attr", "acomp", "xcomp", "ccomp", "pobj")
                and (w.dep_ != "pobj" or w.head.lower_ == "as") or w.dep_ == "appos" and w.head.i == obj.i)), None)
        if word is not None:
            return obj, word
    return None


def _reported_clauses(verb):
    """A speech verb's reported clauses, with the clauses conjoined to them ("said [A] and that [B]")."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            yield c
            yield from (x for x in c.conjuncts if x.pos_ in ("VERB", "AUX") and x.i > c.i)


def _with_modifiers(names):
    """The words naming what an object is, their conjuncts, and the adjectives and nouns that qualify them:
    "called X a very stupid guy", "described X as Nazi remnants and fascists"."""
    names = [*names, *(c for w in names for c in w.children if c.dep_ == "conj")]
    return [*names, *(c for w in names if w.pos_ in ("NOUN", "PROPN") for c in w.children
                      if c.dep_ in ("amod", "compound"))]


def _wrongdoing(clause, words):
    """The wrongdoing verb a reported clause asserts ("had violated", "was trying to destabilise"), or None."""
    if clause.pos_ != "VERB" or has_negation(clause) or any(a.dep_ == "aux" and a.tag_ == "MD" for a in clause.children):
        return None
    if words.get(clause.lemma_.lower()) == BLAME:
        return clause
    if clause.lemma_ in ATTEMPTS:
        return next((x for x in clause.children if x.dep_ == "xcomp" and words.get(x.lemma_.lower()) == BLAME), None)
    return None


def _swiped(verb, speaker, actors: Actors) -> list[ActorPhrase]:
    """Whom a verbal attack setting a speech verb's clause is aimed at ("In a veiled attack on X, Y said"; "Y,
    in a swipe at X, said"): the actors after its "on", "at" or "against"."""
    for holder in (verb, speaker):
        for prep in holder.children:
            noun = child(prep, "pobj") if prep.dep_ == "prep" and prep.lower_ == "in" else None
            if noun is None or noun.lemma_.lower() not in SWIPES or noun.lemma_.lower() == "attack" and not any(
                    m.lower_ in VERBAL for c in noun.children for m in c.subtree):
                continue  # "in a rocket attack on X, Y said": no words
            aim = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in SWIPE_PREPS), None)
            pobj = child(aim, "pobj") if aim is not None else None
            if pobj is not None:
                return actors.all_at(pobj)
    return []


def _topic(verb):
    """What a speech verb says it is about ("said of the raid", "said about X's move"), or None."""
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in TOPIC_PREPS), None)
    return child(prep, "pobj") if prep is not None else None


def _predicates(clause):
    """The words a copular clause says its subject is: the adjective or noun ("was illegal", "was a
    provocation"), and the noun's adjectives or "of" object ("was a hostile act", "an act of aggression")."""
    for w in clause.children:
        if w.dep_ == "prep" and w.lower_ == "behind" or w.dep_ == "xcomp" and w.lemma_ == "blame":
            yield w  # "was behind the attack", "was to blame for"
        if w.dep_ in ("acomp", "attr"):
            yield w
            if w.dep_ == "attr":
                yield from (m for m in w.children if m.dep_ == "amod")
                of = next((p for p in w.children if p.dep_ == "prep" and p.lower_ == "of"), None)
                if of is not None:
                    yield from (o for o in of.children if o.dep_ == "pobj")


def _owners(noun, actors: Actors) -> list[ActorPhrase]:
    if noun.lemma_.lower() in PATIENT_NOUNS:
        # "Nabil's murder is unacceptable": the victim's, who did it is not named; but "the detention of
        # its diplomats by Canada was illegal" names the doer
        heads = [noun, *(o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                         if o.dep_ == "pobj")]  # the parser may hang "by" on the "of" object
        by = next((c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        pobj = child(by, "pobj") if by is not None else None
        if pobj is None and len(heads) > 1:  # "Russia's detention of the sailors": with an "of" object, the doer's
            pobj = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
        return actors.all_at(pobj) if pobj is not None else []
    found = actors.all_at(noun)
    if not found:
        found = [p for c in noun.children if c.dep_ in OWNER_DEPS for p in actors.all_at(c)]
    if not found:  # "the decision of the court"
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = child(of, "pobj") if of is not None else None
        found = actors.all_at(pobj) if pobj is not None else []
    return found


def _unowned_harm(noun, nouns) -> bool:
    """Whether ``noun`` names one harm done ("the killing", "the attack on the market", "Nabil's murder"; not
    "murder is a crime", a kind of act, nor "the murder law")."""
    if not any(c.dep_ in ("det", "poss") or c.dep_ == "prep" and c.lower_ in ("of", "on", "against")
               for c in noun.children):
        return False
    key = noun.lemma_.lower()
    pattern = match(noun, nouns.get(key, []), reciprocal=True)
    return key in HARM_WORDS or key in PATIENT_NOUNS or (
        pattern is not None and (pattern.code or pattern.reverse or "")[:2] in HARM_ROOTS)


def _harm(word, nouns) -> bool:
    """Whether a blame word names a harm its subject did ("responsible for the attack", "behind the bombing")."""
    preps = [word] if word.dep_ == "prep" else [c for c in word.children if c.dep_ == "prep"
                                                   and c.lower_ in BLAME_PREPS]
    for prep in preps:
        obj = child(prep, "pobj")
        if obj is None:
            continue
        key = obj.lemma_.lower()
        if key in HARM_WORDS or any((p.code or p.reverse or "")[:2] in HARM_ROOTS for p in nouns.get(key, ())):
            return True
    return False


def judgements(sent, actors: Actors, subject_of, raw_event, nouns=None) -> list:
    """The criticism events of ``sent`` (``raw_event(sent_start, trigger, source, target, pattern, code,
    modality, negated, tense, by_noun)`` builds one); ``nouns``: the lexicon's event nouns (what is a harm)."""
    out = []
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ not in SPEECH_VERBS | NAMING_VERBS | HOLDING_VERBS:
            continue
        speaker = subject_of(verb) if verb.lemma_ in SPEECH_VERBS else None
        for s in actors.all_at(speaker) if speaker is not None else []:
            for t in _swiped(verb, speaker, actors):  # "In a veiled attack on X, Y said ..."
                if t.code != s.code:
                    out.append(raw_event(sent.start, verb.i, s, t, SWIPE, "111", "asserted", False, tense_of(verb),
                                         False))
        found = _judged(verb)
        speaker = subject_of(verb) if found else None
        if speaker is None:
            continue
        noun, word = found
        code = judgement_words().get(word.lemma_.lower(), "111")  # an epithet of a branding verb: 111
        if code == BLAME and word.pos_ != "VERB" and not _harm(word, nouns or {}):
            continue  # "said X was responsible for security"
        pattern = Pattern(code, word.lemma_.lower(), (), "dobj", f"SPEAKER judges * {word.lemma_.lower()}")
        sources = actors.all_at(speaker)
        owners = _owners(noun, actors)
        if not owners and code != BLAME and _unowned_harm(noun, nouns or {}):
            owners = [None]  # "said the killing of the reporter was unacceptable": as "condemned the killing"
        for s in sources:
            for t in owners:
                if t is None or t.code != s.code and t not in sources:
                    out.append(raw_event(sent.start, word.i, s, t, pattern, code, "asserted", False,
                                         tense_of(verb), False))
    return out

"""A learned fallback for actor pairs the rule coder leaves unlinked (setting ``[coder] learned_fallback``).

After :class:`~annales.events.EventCoder` has run on a parsed piece of text, :class:`LearnedFallback`
looks for pairs of actor phrases that the grammar links through a plain verb the lexicon does not
know, or knows without a pattern that fits ("X blamed Y", "X phoned Y to discuss", "X demanded that
Y resign", "X granted Y permission", "X and Y signed a deal"), and that no rule event already
joins (nor a pair overlapping one a rule event joins, nor a pair or a verb the rules found and ruled out as no
event: ``Rejected``). Each such pair is classified by the learned PLOVER pair classifier
(:class:`annales.classify.PairModel`; one ONNX call per document) and coded as an event of the
predicted PLOVER type: the CAMEO code is the linking verb's own lexicon code when its PLOVER type
agrees, else the type's generic code (``data/plover.tsv``, column ``cameo``); what is only offered, promised
or pledged ("offered Y a regiment") gets the code of its intent (03).

The link (``links``): walking up the dependency tree from the target's head to the nearest verb
whose subject is known:

* the target is an object, dative, attribute or prepositional object of that verb, possibly deeper
  inside the object's noun phrase or a participle/infinitive modifying it ("released a statement
  criticising Y", "reiterated its commitment to support Y", "reduced tariffs on Y's exports");
* or the subject of a complement clause of a non-reporting verb ("X demanded that Y resign");
* or the target is the passive subject and the source the agent ("Y was snubbed by X");
* or source and target are coordinated subjects, source first ("X and Y signed a deal"), coded only for
  an act that can be mutual (``pairing.RECIPROCAL_CODES``; not "X and Y rescued forty migrants", nor a view
  they state together, "X and Y agreed that Z must ...");
* or the target is a country, capital or region where forces or aid workers (``FIELD_SECTORS``) did an act
  with no other target, as the rule coder takes such a place (``venues.scene_targets``: "peacekeepers
  served in Y"; not a meeting's venue, nor a leader's stay: "dined in Berlin").

The verb's subject must be the source: an actor phrase, not a pronoun, with a known country, organisation or
sector (not a bare name such as "Operation X" or a ship's), not a company (its acts are trade), and not a lone
word that only describes the subject ("the Spanish group", "the Australian star"), nor a place the subject is
in ("a car bomb in Kiev killed ..."). The verb must be one the lexicon codes in some pattern (or one of
``CLASSIFIED_ONLY``: "wants Y to pay"): in news most other linking verbs name no act ("faced questions about
Y", "won the race in Y"). It must not be a
reporting verb ("said", "told", "announced": ``modality.SPEECH_VERBS``; in "X said Y did Z" only
Y -> Z can be linked; nor a tensed complement, "X informed Y that Z closed ..."), nor one of perceiving or
listing (``NON_LINKING``: "identified 500 soldiers"); an audience ("delivered remarks to Y"), what is sent
("sent its troops to Y"; ``CONVEY_VERBS``) and, but for the places above, a country or region gone to or
acted in ("returned to Geneva") are no targets; and no negation ("not", "never") may sit on the verb, nor a modal that makes the act
hypothetical or demanded ("could", "must": "X says Y must halt its raids on Z" codes no Y -> Z). The walk stops at
relative and adverbial clauses, at another actor phrase and after ``MAX_PATH`` edges.

A pair is coded only when the classifier's probability ``p`` of its type is at least ``[coder]
learned_min_probability`` (0.7: on the development sets nearly all pairs below it are no event; the classifier
has no "no event" class, so a pair that is none still gets some type, and in news many above it are none too:
their calibrated confidence says so). Events
from the fallback are marked by ``method = 'learned'`` and by their own score, ``0.05 + 0.24 * p``: always below
0.30, the lowest a rule event can have (``annales.confidence`` then calibrates both); the trigger is the linking
verb. The fallback is off when user
(PETRARCH) verb dictionaries are loaded: those suites expect exactly their dictionaries' codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from . import ontology
from .actors import ActorPhrase, Actors
from .event_filters import REQUEST_ROOTS, question_start
from .coordination import coordinate
from .encounters import field_encounter
from .clauses import ANAPHORS, subject_of
from .pairing import RECIPROCAL_CODES, VENUE_ROOTS, RawEvent
from .targets import BACKING_ROOTS, ally_named, for_side, opposed_in, slot_filled
from .lexicon import Pattern
from .modality import SPEECH_VERBS, has_negation, modality_of, none_done
from .requested import requested_code
from .unasserted import unasserted
from .venues import LOCATIVE_PREPS, PROXIMITY_PREPS, scene_targets

# edges a target may hang from on its way up to the linking verb
_UP_DEPS = frozenset({"dobj", "dative", "iobj", "pobj", "prep", "pcomp", "compound", "poss",
                      "nmod", "appos", "conj", "acl", "xcomp", "ccomp", "nsubj", "nsubjpass", "amod", "agent"})
# verbs that link nothing by themselves (the event is in the clause or noun they govern)
NON_LINKING = frozenset({"be", "have", "become", "seem", "remain", "get", "quote", "describe", "cite", "name",
                         "term", "dub", "label", "consider", "regard", "see", "hear", "know", "think", "believe",
                         "feel", "read", "learn", "include", "involve", "represent", "comprise", "contain",
                         # perceiving, finding or listing someone is no act on them ("identified 500 soldiers")
                         "identify", "find", "discover", "notice", "observe", "watch", "witness", "list", "count"})
# verbs the lexicon has no row for whose acts only the classifier codes: "wants Y to pay" (an appeal),
# "peacekeepers served in Y", "retook the village"; other verbs outside the lexicon link no pair (in news they
# are mostly no act: "faced questions about Y", "won the race in Y", "introduced Y to the guests")
CLASSIFIED_ONLY = frozenset({"want", "serve", "retake", "recapture"})
# verbs of sending: a direct object of the source's own country (or of none known) is what is sent, not who
# is acted on ("sent troops to Y", "dispatched the army"; but "sent Y's ambassador home")
CONVEY_VERBS = frozenset("send dispatch deploy redeploy station fly airlift mobilize mobilise".split())
# nouns of a speech: "delivered remarks to the troops" speaks to an audience, as "told" does
SPEECH_NOUNS = frozenset("remark speech address lecture sermon briefing testimony statement toast".split())
# verbs whose object is only promised: what the learned type names is an intent ("pledged $5m to Y": 033)
OFFER_VERBS = frozenset("offer promise pledge vow".split())
MAX_PATH = 7  # edges from the target's head up to the linking verb
LEARNED_MAX_CONFIDENCE = 0.29  # rule events score at least 0.30


@dataclass
class Link:
    source: ActorPhrase
    target: ActorPhrase
    verb: int  # token index of the linking verb (the trigger)
    sent_start: int
    kind: str = "direct"  # direct, acl, complement, passive, coord


def _verbal(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def links(sent, actors: Actors) -> list[Link]:
    """Source -> target pairs of ``sent`` that the grammar links through a verb (see the module doc)."""
    out: list[Link] = []
    seen: set[tuple[int, int]] = set()
    phrases = [p for p in actors.phrases if sent.start <= p.head < sent.end]
    for tgt in phrases:
        if OPT["target_country"] and tgt.country is None and tgt.org is None and not _named(tgt, sent.doc):
            continue
        for src, verb, kind in _governors(sent, tgt, actors):
            if src is tgt or (src.code == tgt.code and src.country is not None):
                continue
            if ((OPT["source_country"] or tgt.country is None and tgt.org is None)
                    and src.country is None and src.org is None):
                continue  # a named target of no known country needs a known source
            if OPT["source_kind"] and src.country is None and src.org is None and src.sector is None:
                continue  # a name of no known country, organisation or sector ("Operation X", "the ship Y")
            if not OPT["business_source"] and src.sector == "BUS":
                continue  # a company's acts are trade ("exported to Y", "completed its purchase of Y")
            if kind in OPT["skip_kinds"] or (OPT["no_subordinate"] and _subordinate(verb)):
                continue
            key = (src.head, tgt.head)
            if key not in seen:
                seen.add(key)
                out.append(Link(src, tgt, verb.i, sent.start, kind))
    return out


# the link filters, each chosen by measuring the development sets (plover_gsr_dev, cameo_codebook_examples_dev)
# and the training side of plv_train; the fallback runs with these values
OPT = {
    "content_clause": True,  # no verb in the complement of a non-reporting verb ("demanded that Y cancel ...")
    "object_control": True,  # "urged Y to help Z": the subject of "urged" does not help Z
    "block_preps": True,  # no target behind "in", "during", "amid", "between", ... (_BACKGROUND_PREPS)
    "no_amod": True,  # no target that only modifies a noun ("a Russian training ground")
    "skip_coded_trigger": True,  # a verb the rules coded for this source links nothing more
    "target_country": True,  # the target has a country or organisation, or is named (not "troops", "civilians")
    "source_country": False,  # the same for the source
    "skip_kinds": set(),  # link kinds to leave out (direct, acl, complement, passive, coord)
    "no_subordinate": True,  # no verb in an adverbial, relative or conditional clause ("after X shot ...")
    "acl_up": True,  # go up through a participle modifying a non-actor noun ("a report accusing Y")
    "place_preps": True,  # no country or capital target behind a locative preposition ("troops in Lebanon")
    "modifier_source": False,  # a source may be a lone modifier of a subject noun that is no actor
    "business_source": False,  # a company may be a source
    "source_kind": True,  # the source has a country, organisation or sector (not a bare name)
    "own_code_only": False,  # code only a type the linking verb's own lexicon code agrees with (no generic code)
    "mutual_coord": True,  # coordinated subjects act on each other only in a mutual act ("X and Y signed a deal")
    "no_place_source": True,  # a subject's actor is not found behind a locative preposition ("a bomb in Kiev")
    "scene": True,  # a place where an act with no other target was done, as the rules take it ("aid in Y")
}


def _named(p: ActorPhrase, doc) -> bool:
    """A person named in full or an organisation of a known sector ("Julian Assange", "Grameen Bank"), not
    an agent word ("rebels", "the personnel"), a name of unknown kind nor a lone word tagged as a person."""
    ent = doc[p.head].ent_type_
    return p.name is not None and doc[p.head].pos_ == "PROPN" and (
        ent == "PERSON" and p.end - p.start > 1 or ent == "ORG" and p.sector is not None)


def _subordinate(verb) -> bool:
    """Whether the verb sits in a background clause: adverbial ("after X shot down ..."), relative, or
    conditional."""
    tok = verb
    for _ in range(6):
        if tok.dep_ in ("advcl", "relcl") or any(c.dep_ == "mark" and c.lower_ in _BACKGROUND_MARKS
                                                 for c in tok.children):
            return True
        if OPT["content_clause"] and tok.dep_ == "ccomp" and tok.head.lemma_ not in SPEECH_VERBS:
            return True  # what is demanded, hoped or feared ("demanded that Y cancel ...") did not happen
        if tok.dep_ in ("xcomp", "conj", "acomp", "ccomp", "acl", "pcomp", "dobj", "pobj", "prep") and tok.head.i != tok.i:
            tok = tok.head
            continue
        return False
    return False


# what a preposition phrase of these says is circumstance, not who is acted on
_BACKGROUND_PREPS = frozenset("in during amid despite under after before since within throughout near inside outside "
                              "across around like as between among beyond alongside beside".split())
_BACKGROUND_MARKS = frozenset("if unless after before since when while because although though once until as".split())
# a country, capital or region reached through these is where the act happened, not its target
_PLACE_KINDS = ("country", "seat", "region")  # knowledge-base kinds of a name that is only a place
_PLACE_PREPS = frozenset("in at near inside across outside within throughout around from through over".split())
# a place reached through these may be where an act with no other target was done, and so its target (venues)
_SCENE_PREPS = LOCATIVE_PREPS - PROXIMITY_PREPS
# forces, fighters, spies and aid workers: what they do in a country they do to it or for it ("served in Y");
# what a leader does there is a visit ("dined in Berlin")
FIELD_SECTORS = frozenset({"MIL", "REB", "UAF", "SPY", "NGO", "HLH"})
# a country or capital reached through these from a verb with no object is where it went ("returned to X")
_DESTINATION_PREPS = frozenset({"to", "into", "toward", "towards"})


def _destination(prep) -> bool:
    """"returned to Washington", "flew into Kabul": where a verb with no object goes (not "sent aid to Y")."""
    verb = prep.head
    return (prep.lower_ in _DESTINATION_PREPS and _verbal(verb)
            and not any(c.dep_ in ("dobj", "dative") for c in verb.children))


def _finite(verb) -> bool:
    """A tensed or modal clause ("informed Y that Z expressed ...", "announced Y will extend ..."): a report
    of what Y does, not what the subject makes Y do ("wants Y to pay", "demanded that Y cancel", "ordered Y
    jailed")."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("MD", "VBD", "VBZ", "VBP") for c in verb.children) or (
        verb.tag_ in ("VBD", "VBZ") and any(c.dep_ == "mark" for c in verb.children))


def _sources_at(tok, actors: Actors) -> list[ActorPhrase]:
    if tok is None or tok.lower_ in ANAPHORS or tok.pos_ == "PRON":
        return []
    # not a place the subject is in ("a car bomb in Kiev killed ...": the bomb is no actor, and Kiev none of its)
    found = actors.all_at(tok, places=not OPT["no_place_source"])
    if OPT["modifier_source"]:
        return found
    # not a word that only describes the subject ("the Spanish group", "the Australian star", "the Bush
    # campaign"): the group, the star and the campaign are no actors the fallback can code (but a body
    # of an organisation is the organisation's: "a U.N. committee")
    doc = tok.doc
    return [p for p in found if p.org is not None or not (
        doc[p.head].dep_ in ("amod", "compound") and doc[p.head].head.i not in actors.by_token and p.end - p.start == 1)]


def _negated(verb) -> bool:
    """An explicit "not", "never", "no" on the verb or on the verb it completes ("did not try to"), or on its
    object ("issued no instructions")."""
    return has_negation(verb) or none_done(verb) or (verb.dep_ == "xcomp" and has_negation(verb.head))


def _shared_view(verb) -> bool:
    """"X and Y agreed that Z must ...": a view the two state together, a clause and no object or
    infinitive ("X and Y agreed to ...", "agreed a deal", "agreed on a truce" link them)."""
    return (any(c.dep_ == "ccomp" for c in verb.children)
            and not any(c.dep_ in ("xcomp", "dobj", "prep") for c in verb.children))


def _subject(verb):
    """The verb's own subject, or one inherited through control or coordination of verbs (not through
    adverbial clauses: "demanded a meeting to discuss Y" does not make the subject discuss Y)."""
    tok = verb
    for _ in range(4):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            if subj.tag_ in ("WDT", "WP") and tok.dep_ == "relcl":
                return tok.head
            return subj
        if tok.dep_ in ("xcomp", "conj", "acomp") and tok.head.i != tok.i:
            if tok.dep_ == "xcomp" and OPT["object_control"] and any(
                    c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "on") for c in tok.head.children):
                return None  # "urged Y to help Z", "called on Y to save Z": Y helps, not the subject
            tok = coordinate(tok) if tok.dep_ == "conj" else tok.head
            continue
        break
    return subject_of(verb) if verb.dep_ not in ("advcl", "acl", "pcomp") else None


def _borrowed_country(p: ActorPhrase, first: ActorPhrase) -> bool:
    """Whether ``p`` has its country only from the conjunct before it ("US generals and spies"): one side."""
    return bool(p.country) and p.country == first.country and not any(e.country for _, _, e in p.parts)


def _governors(sent, tgt: ActorPhrase, actors: Actors):
    """(source, verb, kind) for the target phrase ``tgt``."""
    head = sent.doc[tgt.head]
    # coordinated subjects: "X and Y signed a deal" (source first)
    if head.dep_ == "conj" and head.head.dep_ in ("nsubj",):
        if not any(c.dep_ == "cc" and c.lower_ in ("and", "&") and head.head.i < c.i < head.i
                   for c in head.head.children):
            return  # "X or Y", "the Judge, Shafiq Tanoli" (an apposition parsed as a conjunct): no two parties
        first = actors.by_token.get(head.head.i)
        verb = head.head.head
        if (first is not None and first is not tgt and first.start < tgt.start and _verbal(verb)
                and verb.lemma_ not in SPEECH_VERBS | NON_LINKING and not _negated(verb)
                and not _shared_view(verb) and not _borrowed_country(tgt, first)):
            yield first, verb, "coord"
        return
    if ally_named(head):
        return  # "fought with the help of Y": Y is on the source's side
    tok, kind, audience, moved = head, "direct", False, True
    for _ in range(MAX_PATH):
        dep, parent = tok.dep_, tok.head
        if dep not in _UP_DEPS or parent.i == tok.i:
            return
        if dep == "pobj":
            audience = audience or parent.lower_ in ("to", "before")
            moved = moved and parent.lower_ == "of"
        if (OPT["place_preps"] and dep == "pobj" and tok.i == head.i and tgt.names_only(_PLACE_KINDS)
                and (parent.lower_ in _PLACE_PREPS or _destination(parent))):
            if not (OPT["scene"] and parent.lower_ in _SCENE_PREPS):
                return
            kind = "scene"  # "provided aid in Y": checked against the rules' venues once the act is typed
        elif OPT["block_preps"] and dep == "pobj" and parent.lower_ in _BACKGROUND_PREPS:
            return
        if OPT["no_amod"] and dep == "amod" and tok.i == head.i:
            return  # "a Russian training ground": a modifier of what is acted on
        if not _verbal(parent):
            other = actors.by_token.get(parent.i)
            if other is not None and other is not tgt and dep != "conj":
                return  # another actor stands between: it is the argument ("the ambassador of Y")
            tok = parent
            continue
        if dep == "agent":
            return  # the target is a passive's agent: a source
        if moved and dep == "dobj" and parent.lemma_ in CONVEY_VERBS:
            # "sent troops", "sent a force of 200 police": what is sent (not "sent a team to Y")
            for s, v in _from_verb(parent, tgt, actors):
                if s.country is not None and s.country != tgt.country:
                    yield s, v, kind
            return
        if audience and any(c.dep_ == "dobj" and c.lemma_ in SPEECH_NOUNS for c in parent.children):
            return  # "delivered remarks to the troops": an audience
        if dep in ("nsubj", "csubj"):
            # the target is this verb's subject: linked only as the subject of a complement clause
            # ("X demanded that Y resign", "X urged Y to leave")
            gov = parent.head
            if parent.dep_ in ("ccomp", "xcomp") and gov.i != parent.i and _verbal(gov) and not _finite(parent):
                for s, v in _from_verb(gov, tgt, actors):
                    yield s, v, "scene" if kind == "scene" else "complement"
            return
        if dep == "nsubjpass":  # "Y was snubbed by X"
            agent = next((c for c in parent.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None and not _negated(parent) and parent.lemma_ not in SPEECH_VERBS:
                for s in _sources_at(pobj, actors):
                    yield s, parent, "passive"
            return
        found = list(_from_verb(parent, tgt, actors))
        if found or parent.dep_ != "acl" or not OPT["acl_up"]:
            for s, v in found:
                yield s, v, kind
            return
        # a participle or infinitive modifying a noun that is no actor ("a report accusing Y",
        # "its commitment to support Y"): go on up through that noun
        tok, kind = parent, "scene" if kind == "scene" else "acl"


def _from_verb(verb, tgt: ActorPhrase, actors: Actors):
    if verb.lemma_ in SPEECH_VERBS or verb.lemma_ in NON_LINKING or _negated(verb):
        return
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return  # a passive's subject is its patient
    subj = _subject(verb)
    for s in _sources_at(subj, actors):
        if s is not tgt:
            yield s, verb


def _overlap(a: ActorPhrase, b: ActorPhrase) -> bool:
    return a.start < b.end and b.start < a.end


# -- the fallback step ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _model():
    from .classify import PairModel

    return PairModel(threads=1) if PairModel.available() else None


def user_dictionaries(lexicon) -> bool:
    """Whether user (PETRARCH) verb dictionaries are loaded into ``lexicon``."""
    return lexicon.negations is not None or any(p.dictionary for plist in lexicon.verbs.values() for p in plist)


@dataclass
class Rejected:
    """What the rules ruled no event in a text: events a filter dropped (their pairs, either way round, and their
    verbs) and verbs whose act is only supposed or possible; the fallback links none of them."""

    events: list[RawEvent] = field(default_factory=list)
    triggers: set[int] = field(default_factory=set)


class LearnedFallback:
    """``LearnedFallback(lexicon)(doc, actors, raw_events) -> [(RawEvent, confidence)]`` for the linked
    pairs the rule events do not cover. ``model``: a PairModel (default: the shipped one, if installed)."""

    def __init__(self, lexicon, model=None, intent_codes: bool = True, min_probability: float = 0.0):
        self.lexicon = lexicon
        self._given = model
        self.intent_codes = intent_codes
        self.min_probability = min_probability

    @property
    def model(self):
        return self._given if self._given is not None else _model()

    def candidates(self, doc, actors: Actors, raw: list[RawEvent], rejected: Rejected | None = None) -> list[Link]:
        # the pairs the rules coded, either way round ("Jammu" inside a coded "Jammu and Kashmir" is coded too),
        # and those they found and ruled no event: a rule's "no event here" binds the fallback too
        rejected = rejected or Rejected()
        linked = [(e.source, e.target) for e in list(raw) + rejected.events if e.target is not None]
        linked += [(t, s) for s, t in linked]
        vetoed = rejected.triggers | {e.trigger for e in rejected.events}
        # a rule event with no target ("condemned the raids") leaves its verb free to link a pair
        coded = ({(e.trigger, e.source.head) for e in raw if e.target is not None}
                 if OPT["skip_coded_trigger"] else set())
        # "X and Y called for the ban to be lifted": coordinated subjects the rules coded as joint sources of the
        # verb's act are not each other's targets
        joint = {(e.trigger, e.source.head) for e in raw}
        out = []
        for sent in doc.sents:
            if sum(1 for p in actors.phrases if sent.start <= p.head < sent.end) < 2:
                continue
            for link in links(sent, actors):
                if link.verb in vetoed:
                    continue  # "Moscow would block X", "denied meeting Y": the rules ruled this verb's act out
                if link.kind == "coord" and (link.verb, link.source.head) in joint:
                    continue
                if (link.verb, link.source.head) in coded or any(
                        _overlap(s, link.source) and _overlap(t, link.target) for s, t in linked):
                    continue
                if modality_of(doc[link.verb])[0] == "hypothetical":
                    continue  # "Canada says Venezuela must halt its raids": demanded, not done
                asked_from = question_start(doc[link.verb].sent)
                if asked_from is not None and link.verb >= asked_from:
                    continue  # "Did X attack Y?": a question asserts no act
                if unasserted(doc[link.verb]):
                    continue  # "denied reports that X bombed Y": said not to have happened
                if self._slot_taken(doc[link.verb]):
                    continue  # "spoke to reporters on the steps of the court": the court is no addressee
                if field_encounter(doc[link.verb], _subject(doc[link.verb])):
                    continue  # "troops met government forces": armed units in the field, no talks
                if self.lexicon.voided(doc[link.verb], "verb"):
                    continue  # a "-" row: "fought the plan", "received a letter from Y" name no event
                if doc[link.verb].lemma_ not in self.lexicon.verbs and doc[link.verb].lemma_ not in CLASSIFIED_ONLY:
                    continue  # a verb that names no act ("faced questions", "enjoyed the highest income")
                out.append(link)
        return out

    def __call__(self, doc, actors: Actors, raw: list[RawEvent],
                 rejected: Rejected | None = None) -> list[tuple[RawEvent, float]]:
        if len(actors.phrases) < 2:
            return []
        found = self.candidates(doc, actors, raw, rejected)
        model = self.model if found else None
        if model is None:
            return []
        items = []
        for link in found:
            sent = doc[link.verb].sent
            base = sent.start_char
            s, t = doc[link.source.start:link.source.end], doc[link.target.start:link.target.end]
            items.append((sent.text, (s.start_char - base, s.end_char - base), (t.start_char - base, t.end_char - base)))
        out = []
        generic = _generic_codes()
        for link, scores in zip(found, model.scores(items)):
            best = max(scores, key=scores.get)
            if scores[best] < self.min_probability:
                continue  # the classifier is unsure: most such pairs are no event at all
            code = self._code(doc[link.verb], best)
            if code is None and OPT["own_code_only"]:
                continue
            code = code or generic[best]
            if self.intent_codes and doc[link.verb].lemma_ in OFFER_VERBS:
                code = ontology.recode_intended(code)  # "offered Y an armored regiment": a pledge (03), not aid given
            if OPT["mutual_coord"] and link.kind == "coord" and not code.startswith(RECIPROCAL_CODES):
                continue  # "X and Y launched an inquiry into ...": partners, not parties to each other
            target = self._scene(doc[link.verb], code, link, found) if link.kind == "scene" else link.target
            if target is None:
                continue  # "met in Y": a venue; "fought in Donetsk": a scene, no adversary
            if code[:2] in BACKING_ROOTS and opposed_in(doc[target.head], doc[link.verb]):
                continue  # "welcomed the sanctions against Y": backing an act aimed at Y, not Y
            if for_side(doc[target.head], code):
                continue  # "fought for Y": on Y's side
            if code.startswith(REQUEST_ROOTS):  # "demanded that Y withdraw": a demand for a withdrawal (1056)
                code = requested_code(code, doc[link.verb], self.lexicon)
            modality, tense = modality_of(doc[link.verb])
            if self.intent_codes and modality == "intended":
                code = ontology.recode_intended(code)  # "will expel Y's envoys": an intent (03), as the rules code it
            pattern = Pattern(code, doc[link.verb].lemma_, (), "dobj", f"learned {best} {link.kind}")
            ev = RawEvent(link.sent_start, link.verb, link.source, target, pattern, code, modality, False,
                          tense, False)
            conf = round(0.05 + (LEARNED_MAX_CONFIDENCE - 0.05) * scores[best], 2)
            out.append((ev, conf))
        return out

    @staticmethod
    def _scene(verb, code: str, link: Link, found: list[Link]) -> ActorPhrase | None:
        """The target (the country) a place linked through a locative preposition gives the act ``code``, as the
        rule coder takes it (annales.venues): for an act of no venue code with no other target linked to its verb,
        done by forces or aid workers (``FIELD_SECTORS``)."""
        if (link.source.sector not in FIELD_SECTORS or code[:2] in VENUE_ROOTS
                or any(o.verb == link.verb and o.kind != "scene" for o in found)):
            return None
        place = scene_targets(verb, code, [link.source], Actors([link.target]))
        return place[0] if place and place[0].head == link.target.head else None

    def _slot_taken(self, verb) -> bool:
        """Whether a lexicon pattern of ``verb`` fits with its target preposition's object a non-actor: the
        verb has its target, and no other actor it governs is one."""
        p = self.lexicon.pattern_for(verb, "verb")
        return p is not None and p.target not in (None, "dobj") and slot_filled(p, verb)

    def _code(self, verb, plover: str) -> str | None:
        """The linking verb's own lexicon code when its PLOVER type is the predicted one."""
        p = self.lexicon.pattern_for(verb, "verb")
        family = ontology.plover_family(plover)
        if p is not None and p.code and ontology.plover_family(ontology.lookup(p.code).plover) == family:
            return p.code
        return None


@lru_cache(maxsize=1)
def _generic_codes() -> dict[str, str]:
    from .classify import generic_codes

    return generic_codes()


def fallback_for(pipeline) -> LearnedFallback | None:
    """The pipeline's fallback step (built once per pipeline), or None when ``[coder] learned_fallback``
    is off, the classifier is not installed, or user verb dictionaries are loaded."""
    cached = getattr(pipeline, "_learned_fallback", False)
    if cached is not False:
        return cached
    step = None
    coder = pipeline.settings.get("coder", {})
    if (bool(coder.get("learned_fallback", False))
            and not user_dictionaries(pipeline.lexicon) and _model_available()):
        step = LearnedFallback(pipeline.lexicon, min_probability=float(coder.get("learned_min_probability", 0.0)))
    pipeline._learned_fallback = step
    return step


def _model_available() -> bool:
    from .classify import PairModel

    return PairModel.available()

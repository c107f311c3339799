"""Coding events from a dependency parse: triggers from the lexicon, source and target from the
grammar, modality and negation from the words around the trigger.

``EventCoder(lexicon)(doc, actors) -> list[RawEvent]`` is a pipeline step; the pipeline adds dates,
ids and provenance. Grammar handled here:

- subjects, objects, datives and prepositional targets ("met with", "imposed sanctions on");
- passives ("was attacked by"), relative clauses ("rebels who attacked"), participles ("a convoy
  attacked by rebels"), control ("agreed to withdraw") and coordination of verbs and of actors (one
  event per source-target pair);
- nominal events: source from the possessor or modifier ("Russia's expulsion of", "Israeli air strikes
  on") or from the subject of the governing verb ("Russia announced the expulsion of"); acts undergone
  ("faced criticism from") and meetings that set a clause ("during talks with"): annales.nominal;
- reported speech: in "X said Y did Z" the event is Y->Z, modality reported, and "said" is not coded;
- demands in reported speech: "X says Y must do Z" is X demanding of Y (100), and Z is not coded;
- appeals and demands take their sub-code from the act asked for ("urged X to release" 0253);
- intent and threats ("will impose", "is due to visit", "threatened to") recoded under CAMEO 03/13
  (setting ``intent_codes``); hypotheticals ("could", "would", "if" clauses), negation ("not", "never",
  "refused to");
- paired codes ("042:043": the visited hosts) and mutual acts of coordinated actors ("X and Y agreed a
  ceasefire"); pronoun subjects of reported clauses ("X said it would ..."); a place as the target of
  material conflict with no other target ("struck a depot in Syria");
- meetings, talks and visits ("X and Y began talks", "talks on X's programme", "told visiting Secretary
  X"): annales.encounters; acts denied, alleged, feared or ended ("denied that its troops attacked") are
  not coded: annales.unasserted; a state's protest is an official complaint (114): annales.official;
- where the target is (object, preposition, aim, author, "helped X rebuild") and a dictionary pattern's
  source slot: annales.targets; object pronouns ("urged him to"): annales.pronouns;
- options weighed ("is considering sending aid to X": 014) and pledges with no target ("agreed to
  resign"): annales.modality; claims of responsibility ("claimed it had attacked X"): annales.claims;
- words whose event depends on their context: lexicon rows coded "-" ("fight the epidemic", "receive a
  letter", annales.lexicon); visits by troops or vehicles and trips at home (annales.encounters); events
  that "broke out between X and Y" (annales.nominal); suicide bombers and political clashes
  (annales.official).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import ontology
from .coordination import coordinate, each_other
from .actors import ActorPhrase, Actors
from .lexicon import PREPOSITIONS, Lexicon, Pattern, child, match, nearby
from .judgements import judgements, naming
from .modality import (HYPOTHETICAL_AUX, LIGHT_DEPS, SPEECH_VERBS, WEIGHED, announced, cannot, committed,
                       NEGATIONS, condition_subject, considered, in_condition, is_negated, modality_of, option_of,
                       possible_only, refused, tense_of, ultimatum, unilateral, unreal)
from .parse import tokens
from .requested import asked, requested_code
from .venues import home_place, named_town, off_scene, place_targets, scene_targets
from .petrarch import phrases_present
from .nominal import (UNDERGO_VERBS, agent_prep, encounter_host, happening, noun_agents, possessed_patient,
                      prep_object, stray_agent, undergone)
from .event_filters import (REACTION_ROOTS, REQUEST_ROOTS, dedupe, drop_governed_nouns, drop_purposes, drop_questions,
                            drop_reasons, drop_requested, drop_shown, drop_speech_frames, drop_unheard, drop_war_names,
                            strike_victims, backing_as_aid)
from .encounters import (MEDIATION, SUPPORT_ROOTS, VISIT, attributive_visit, between_parties, deployment,
                         hosted_gathering, measured, mediated_parties, reported_encounter, shared_encounter,
                         shared_holder, supporting_aid, visited_place)
from .official import argued_clash, official_code
from .claims import CLAIMED, admissions, claimed_acts, claimed_target
from .pronouns import object_pronoun, pronoun_antecedent
from .unasserted import unasserted
from . import unaimed_force
from .generic_targets import DEFAULT_ROOTS, generic_targets
from .participles import copular_row, feeling_roles, governing_verb, names_its_head, reduced_passive
from .targets import (first_actor_after, force_antecedents, reporter_subject, reporting_verb, slot_filled, source_slot,
                      subject_words, targets_of, verb_chain, written_subject)

# what an actor issues or adopts that speaks for it ("released a statement criticising X")
DOCUMENTS = frozenset("statement declaration resolution letter communique communiqué note message report decree "
                      "motion petition appeal lawsuit suit complaint".split())
# what an author does with its document: it speaks for the author ("issued a statement condemning X"), not where
# it is blocked, opposed or only to be backed ("vetoed a resolution condemning X")
AUTHORING = frozenset("issue release adopt pass approve sign send publish file draft introduce submit table present "
                      "deliver write make unveil circulate put bring lodge post distribute be".split())
# "X says Y must / should do Z": X demands (100) of / appeals (020) to Y; the modal is the trigger
OBLIGATIONS = {"must": Pattern("100", "must", (), "dobj", "SPEAKER says * must"),
               "should": Pattern("020", "should", (), "dobj", "SPEAKER says * should"),
               "ought": Pattern("020", "ought", (), "dobj", "SPEAKER says * ought to"),
               "need": Pattern("020", "need", (), "dobj", "SPEAKER says * needs to")}  # a verb: "Y needs to"
# protests, force postures, appeals and disapproval may have no target ("urged calm", "appealed for donations
# to the flood victims", "condemned the bombing"): CAMEO codes them with the source alone
TARGETLESS_ROOTS = frozenset({"02", "11", "14", "15"})
# acts aimed at no one: "declared three days of mourning", "declined to comment", "confessed to the fraud"
TARGETLESS_CODES = frozenset({"017", "011", "015"})
# but not a stance or blame with no one it is aimed at ("he opposes immigration", "blamed the weak dollar for")
AIMED_CODES = frozenset({"110", "112"})
# "Thailand and Cambodia agreed to a ceasefire", "X and Y held talks": coordinated actors with no target
# act on each other when the act can be mutual: a symmetric paired code ("040:040") or one of these
# (not praise or support: "nationals hailing from Indonesia and Somalia" is no mutual praise)
RECIPROCAL_CODES = ("03", "04", "050", "057", "06", "08", "19")
# visits and their hosts ("042:043"): none within one's own country; places that stand for their country
HOME_TRIPS = frozenset({"042", "043"})
PLACES = ("country", "seat", "region")
# verbs that only carry a nominal event in their object ("announced the expulsion of", "launched strikes on")
LIGHT_VERBS = frozenset("announce declare launch carry conduct stage begin continue order step resume undertake "
                        "mount make hold give take do start complete".split())
# verbs that, with an object complement, name what their object is ("called X a liar", "branded X a
# threat"): their bare patterns ("call *", a phone call) do not apply then
NAMING_VERBS = frozenset("call name dub label term brand".split())
TIME_NOUNS = frozenset("day week month year hour minute time while".split())


@dataclass
class RawEvent:
    """An event found in a sentence, before dates and ids are added."""

    sent_start: int  # token index of the sentence start
    trigger: int  # token index
    source: ActorPhrase
    target: ActorPhrase | None
    pattern: Pattern
    code: str
    modality: str
    negated: bool
    tense: str
    by_noun: bool


def _pair_key(e: RawEvent) -> tuple:
    return e.trigger, e.source.head, e.target.head if e.target is not None else None


class EventCoder:
    """Pipeline step: ``EventCoder(lexicon)(doc, actors) -> list[RawEvent]``."""

    requires = ("token.dep", "token.head", "token.lemma", "token.tag", "actors")
    assigns = ("events",)

    def __init__(self, lexicon: Lexicon, intent_codes: bool = True, places=None, unaimed_force: bool = True,
                 generic_target_roots=DEFAULT_ROOTS):
        self.lexicon = lexicon
        self.intent_codes = intent_codes  # False: PETRARCH's convention, "will impose" keeps the act's code
        self.unaimed_force = unaimed_force  # force with no target named: the source alone (annales.unaimed_force)
        self.generic_roots = tuple(generic_target_roots)  # "arrested a man": annales.generic_targets
        # optional: trigger token -> (start, end, ISO3) of a gazetteer place where the act happened
        # ("bombed the Makhmour power station"); see annales.places.Geocoder.place_of
        self.places = places
        self.rejected: list[RawEvent] = []  # set by each call (below)
        self.rejected_triggers: set[int] = set()
        # user (PETRARCH) dictionaries: their suites expect their own codes only, no spoken judgements
        self.lexicon_dictionary = lexicon.negations is not None or any(
            p.dictionary for plist in lexicon.verbs.values() for p in plist)

    def __call__(self, doc, actors: Actors) -> list[RawEvent]:
        # what the rules found and then ruled no event (a filter's drop, a verb only supposed or possible): the
        # learned fallback may not code it again (annales.relations)
        self.rejected: list[RawEvent] = []
        self.rejected_triggers: set[int] = set()
        if not actors.phrases:
            return []
        discards = self.lexicon.discards
        if discards is not None and discards.voids_story(doc.text):
            return []
        events: list[RawEvent] = []
        for sent in doc.sents:
            if not any(sent.start <= p.head < sent.end for p in actors.phrases):
                continue
            if discards is not None and discards.voids_sentence(sent.text):
                continue
            events.extend(self.code_sentence(sent, actors))
        events = force_antecedents(events, doc, actors)  # "... Iran denounced the attack": aimed at the attacker
        # a statement told to a news outlet or journalists is how the news got it, not an act between the
        # speaker and the outlet ("he told the BBC", "she told Reuters"): what it reports is coded on its own
        told = [e for e in events if e.code[:2] == "01" and e.target is not None and e.target.sector == "MED"]
        self.rejected += told
        return [e for e in events if e not in told]

    def code_sentence(self, sent, actors: Actors) -> list[RawEvent]:
        found: list[RawEvent] = []
        used: set[int] = set()  # nouns that are part of a verb pattern ("impose sanctions on")
        asks: list = []  # appeal and demand verbs, coded or not ("demanded that X withdraw" has no target)
        nouns = self.lexicon.nouns
        verbs = self.lexicon.verbs
        doc = sent.doc
        table = tokens(doc)
        pos, lower, lemmas = table.pos, table.lower, table.lemma
        for i in range(sent.start, sent.end):
            if pos[i] not in ("VERB", "AUX"):
                continue
            candidates = verbs.get(lower[i]) if lower[i] != lemmas[i] else None
            if not (candidates and candidates[0].dictionary):  # a dictionary's own verb form: "LEFT [042]"
                candidates = verbs.get(lemmas[i])
                if candidates and candidates[0].dictionary and lower[i] != lemmas[i]:
                    candidates = None  # PETRARCH knows a verb by its listed forms ("departes" is none)
            if candidates and candidates[0].dictionary:  # PETRARCH: a pattern's {...} groups are phrases
                candidates = [p for p in candidates if phrases_present(p, doc[i])]
            elif candidates and (named := naming(doc[i])):  # "called Israel's strike unacceptable": no "call
                candidates = [p for p in candidates if named in p.words] or None  # strike", a judgement
            # "lifted the sanctions on X": an act undone (085), unless a lexicon row says as much or more
            undo = self.lexicon.undoing(doc[i]) if lemmas[i] in self.lexicon.undo_verbs else None
            if not candidates and undo is None and (feeling := copular_row(doc[i], verbs)) is not None:
                found.extend(self._pairs(sent, doc[i], feeling, *feeling_roles(doc[i], feeling, actors), False, actors))
                continue  # "was disappointed by X": annales.participles
            if candidates or undo is not None:
                tok = doc[i]
                extra = {}
                if candidates and candidates[0].dictionary and any(p.before or p.target == "compound"
                                                                   for p in candidates):
                    subj = subject_of(tok)
                    extra = {"subject_words": subject_words(subj), **verb_chain(tok),
                             "compound": subj is not None and len(actors.all_at(subj)) > 1}
                pattern = match(tok, candidates, **extra) if candidates else None
                if pattern is None and candidates:
                    subj = subject_of(tok)
                    # "X and Y exchanged fire": coordinated actors, not a noun naming them ("a meeting between
                    # X and Y took place" is no seizure "take over *" of each other)
                    if subj is not None and subj.i in actors.by_token and len(actors.all_at(subj)) > 1:
                        pattern = match(tok, candidates, reciprocal=True, **extra)
                row = pattern
                if undo is not None and (pattern is None or undo.specificity > pattern.specificity
                                         or not set(undo.words) & set(pattern.words) - PREPOSITIONS):
                    pattern = undo  # a row for the same verb and noun as specific ("lift ban on *") wins
                if (pattern is None or self.lexicon.voided(tok, "verb")
                        or (not pattern.words and _names_object(tok))):
                    continue
                if (pattern.code or "").startswith(REQUEST_ROOTS):
                    asks.append((tok, pattern))
                if (pattern.code == "030" and not pattern.words and not pattern.dictionary
                        and any(c.dep_ == "ccomp" for c in tok.children)
                        and not any(c.dep_ in ("xcomp", "dobj", "prep") for c in tok.children)):
                    # "X and Y agreed (that) there was a need for": each in accord with the other (019), no pledge
                    pattern = replace(pattern, code="019", reverse="019")
                obj = child(tok, "dobj")
                if (not pattern.words and obj is not None and obj.lemma_.lower() in nouns
                        and (tok.lemma_ in LIGHT_VERBS | UNDERGO_VERBS or (pattern.code or "")[:2] == "01")):
                    continue  # "announced the expulsion of", "received aid from": the noun carries the event
                events = self._verb_events(sent, tok, pattern, actors)
                if pattern is undo and not events and row is not None:
                    # "eased some of its restrictions on aid to X": no target after "on"; the row's reading
                    pattern, events = row, self._verb_events(sent, tok, row, actors)
                if pattern.words and (events or (pattern.code or "")[:2] == "01"):
                    # "denied the accusations": the noun is the pattern's, even where a denial has no target
                    used.update(t.i for t in nearby(tok) if t.lemma_.lower() in pattern.words)
                found.extend(events)
        for i in range(sent.start, sent.end):
            # a subject gerund the parser took for a verb is a noun ("Fighting between X and Y killed 30")
            gerund = pos[i] == "VERB" and _gerund_subject(doc[i])  # or a plural noun taken for a verb ("talks")
            key = lower[i] if gerund and doc[i].tag_ == "VBG" else lemmas[i].lower()
            if (pos[i] in ("NOUN", "PROPN") or gerund) and key in nouns:
                if i in actors.by_token or i in used:
                    continue
                tok = doc[i]
                pattern = match(tok, nouns[key])
                if pattern is None and (undergone(tok) is not None or shared_holder(tok, actors, subject_of)
                                        or possessed_patient(tok) is not None or shared_encounter(tok) is not None
                                        or visited_place(tok) is not None):
                    # "faced criticism": the target is the subject; "X and Y began talks": on each other;
                    # "the tanker's release": the possessor
                    pattern = match(tok, nouns[key], reciprocal=True)
                verb = happening(tok) if pattern is None else None
                if verb is not None:  # "fighting erupted between X and Y": the parties act on each other
                    pattern = match(verb, nouns[key])
                    parties = targets_of(pattern, verb, actors) if pattern and pattern.target == "between" else []
                    if len(parties) > 1:
                        found.extend(self._pairs(sent, tok, pattern, list(parties), parties, True, actors))
                elif pattern and not self.lexicon.voided(tok, "noun", key):
                    found.extend(self._noun_events(sent, tok, pattern, actors))
        proposed = list(found)
        found = [e for e in drop_requested(found, asks)
                 if e.pattern.dictionary or not unasserted(doc[e.trigger], e.code)]  # "denied that X attacked"
        # "X says Y must ...": built-in knowledge, as judgements are, none with a PETRARCH dictionary's verbs
        demands = self._obligations(sent, actors) if not self.lexicon_dictionary else []
        if demands:  # what is demanded is not an event: drop the events of the demanded clause
            inside = {t.i for d in demands for t in _obliged(sent.doc[d.trigger]).subtree}
            found = [e for e in found if e.trigger not in inside] + demands
        if not self.lexicon_dictionary:  # "Moscow said the US sanctions were illegal": criticism (111)
            found += judgements(sent, actors, subject_of, RawEvent, self.lexicon.nouns)
            found += admissions(sent, actors, subject_of, RawEvent)  # "admitted leaking secrets": 015
        found = drop_reasons(drop_speech_frames(drop_governed_nouns(strike_victims(found, sent), sent), sent), sent,
                             actors)
        found = drop_shown(drop_war_names(drop_questions(drop_unheard(found, sent), sent), sent), sent)
        found = drop_purposes(found, sent)  # "sent troops to fight X": what the sending was for
        found = backing_as_aid(found, sent)  # "Iran is supporting the Houthis": aid (07), not praise
        kept = {_pair_key(e) for e in found}
        self.rejected += [e for e in proposed if _pair_key(e) not in kept]
        return dedupe(found + claimed_acts(found, sent, actors))  # "X claimed it had attacked Y": also 015

    def _obligations(self, sent, actors: Actors) -> list[RawEvent]:
        """"Canada says Venezuela must halt its raids": Canada demands of Venezuela."""
        out = []
        lower = tokens(sent.doc).lower
        lemmas = tokens(sent.doc).lemma
        for i in range(sent.start, sent.end):
            pattern = OBLIGATIONS.get(lower[i]) or (OBLIGATIONS["need"] if lemmas[i] == "need" else None)
            if pattern is None:
                continue
            tok = sent.doc[i]
            clause = _obliged(tok)
            if (tok.dep_ != "aux" and clause is tok.head or clause.dep_ != "ccomp"
                    or clause.head.lemma_ not in SPEECH_VERBS):
                continue
            speaker, subject = subject_of(clause.head), child(clause, "nsubj")
            if speaker is None or subject is None:
                continue
            # the one obliged is the subject itself, not a modifier of it ("government reform must continue")
            heads = {subject.i, *(c.i for c in subject.conjuncts)}
            sources = actors.all_at(speaker)
            targets = [p for p in actors.all_at(subject) if any(p.start <= i < p.end for i in heads)]
            negated = any(c.dep_ == "neg" for c in clause.children)
            act_clause = clause if clause is not tok else child(tok, "xcomp")
            act = asked(act_clause, self.lexicon, "verb")  # "must release the prisoners": 1053
            if act is not None and act.code:
                pattern = replace(pattern, code=requested_code(pattern.code, act_clause, self.lexicon, act.code))
            for s in sources:
                for t in targets:
                    if t.code != s.code:
                        out.append(RawEvent(sent.start, tok.i, s, t, pattern, pattern.code, "asserted", negated,
                                            tense_of(clause.head), False))
        return out

    # -- verbs -------------------------------------------------------------------------------
    def _verb_events(self, sent, verb, pattern: Pattern, actors: Actors) -> list[RawEvent]:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        reduced = not pattern.dictionary and reduced_passive(verb)  # "when asked about X, he said": not the asker
        if passive or reduced or (verb.dep_ == "acl" and verb.tag_ == "VBN" and not _headline_verb(verb)):
            agent = child(verb, "agent")
            # "killed by a drone strike in Raqqa": where the agent acted is not the agent
            sources = (actors.all_at(child(agent, "pobj"), places=False)
                       if agent is not None and child(agent, "pobj") is not None else [])
            subj = child(verb, "nsubjpass") or (subject_of(verb.head) if reduced else None)
            if subj is None and passive and pattern.dictionary:
                # "X was heavily and unjustly criticized": the parser's nsubj, of the verb or of its auxiliary
                subj = child(verb, "nsubj") or child(child(verb, "auxpass"), "nsubj")
            if verb.dep_ in ("acl", "relcl") and (subj is None or subj.tag_ in ("WDT", "WP")):
                subj = verb.head  # "a convoy attacked by", "the government, which was accused by X"
            targets = targets_of(pattern, verb, actors, passive_subject=subj)
            if not sources and agent is None and pattern.dictionary and passive:
                # PETRARCH: with no "by", a passive verb's source is the first actor after it ("X was
                # criticized over its dispute with Y": Y criticized X)
                sources = [p for p in first_actor_after(verb, actors, infinitives=False) if p not in targets]
            if (not sources and agent is None and not pattern.dictionary and subj is not None
                    and subj.lemma_.lower() in pattern.words and subj.lemma_.lower() in self.lexicon.nouns):
                # "US sanctions were lifted on X": an act's noun names its agent (not "US troops were stationed")
                sources = [p for p in noun_agents(subj, actors) if p not in targets]
            by = stray_agent(verb, self.lexicon.nouns) if not sources and agent is None and passive else None
            if by is not None and not pattern.dictionary:  # "was accused of stealing funds by officials"
                sources = [p for p in actors.all_at(child(by, "pobj")) if p not in targets]
            if not sources and agent is None and passive and (pattern.code or "").startswith(STATE_CODES):
                # "X was arrested in Rwanda": the state where a state's act was done did it
                sources = [p for p in place_targets(verb, targets, actors) if p not in targets]
        else:
            # PETRARCH reads no subject into a gerund after a preposition ("after leaving X")
            subj = subject_of(verb) if not (pattern.dictionary and verb.dep_ == "pcomp") else None
            sources = actors.all_at(subj) if subj is not None else []
            act = (not pattern.dictionary and subj is not None and subj.lemma_.lower() in self.lexicon.nouns
                   and subj.i not in actors.by_token)
            if act:
                sources = noun_agents(subj, actors)  # "the attack on X killed 17": X did not kill
            if not pattern.dictionary and _unissued(subj, verb):
                sources = []  # "blocked a resolution condemning X", "will back a resolution that imposes": not issued
            elif (not sources and subj is not None and subj.lemma_ in DOCUMENTS and subj.dep_ in LIGHT_DEPS
                    and verb.dep_ == "acl"):
                # "issued a declaration demanding that ...": the document's author demands
                author = subject_of(subj.head)
                sources = actors.all_at(author) if author is not None else []
            if not sources and subj is not None and subj.lower_ in ANAPHORS:
                sources = _antecedent(verb, subj, actors)
            for other in (c for c in verb.children if c.dep_ == "nsubj" and not sources and not act):
                sources = actors.all_at(other)  # a name the parser split into several subjects
            speech = reporting_verb(verb) if not sources else None
            if speech is not None and (said := subject_of(speech)) is not None:
                sources = actors.all_at(said)  # "X said the bill was flawed and urged Y": X urged Y
            targets = targets_of(pattern, verb, actors)
            if not pattern.dictionary and attributive_visit(verb):  # "told visiting Secretary X": X visits
                sources, targets = targets, sources
            elif not pattern.dictionary and pattern.reverse == VISIT and hosted_gathering(verb):
                pattern = replace(pattern, reverse=None)  # "hosted the Arab League summit": no visit by the League
            elif (not pattern.dictionary and (pattern.code or "").startswith(SUPPORT_ROOTS)
                  and (aid := supporting_aid(verb))):
                pattern = replace(pattern, code=aid, reverse=None)  # "sent advisers to support X": 072
            elif not pattern.dictionary and argued_clash(pattern.code, verb, sources + targets):
                pattern = replace(pattern, code="110", reverse="110")  # "X and Y clashed over the budget"
            elif not pattern.dictionary and (moved := deployment(pattern.code, subj, verb)) != pattern.code:
                if moved is None:  # "a cargo plane flew to X": no visit; "peacekeepers arrived in X": protection
                    return []
                pattern = replace(pattern, code=moved, reverse=None)
        if pattern.target == "subject" or pattern.source:  # PETRARCH "+ * (FROM $)": the roles as written
            subj = written_subject(pattern, verb, subj)  # "- + HOSTING * ...": the governing verb's
            subject = actors.all_at(subj) if subj is not None else []
            if pattern.target == "subject":
                targets = subject
            sources = (source_slot(pattern.source, verb, actors, targets) if pattern.source
                       else reporter_subject(pattern, verb, actors) or subject)  # "- NOTED + *"
        elif not pattern.dictionary and not targets:  # "urged him to": annales.pronouns
            pron = object_pronoun(verb, pattern.target)
            targets = pronoun_antecedent(pron, actors, sources) if pron is not None else targets
        return self._pairs(sent, verb, pattern, sources, targets, False, actors)

    # -- nouns -------------------------------------------------------------------------------
    def _noun_events(self, sent, noun, pattern: Pattern, actors: Actors) -> list[RawEvent]:
        targets = targets_of(pattern, noun, actors) if pattern.target not in (None, "dobj") else []
        if between_parties(pattern, targets):  # "hosted talks between X and Y": X and Y meet
            return self._pairs(sent, noun, pattern, list(targets), targets, True, actors)
        sources: list[ActorPhrase] = []
        host = encounter_host(noun, pattern)
        if host is not None and not any(c.dep_ in ("poss", "amod", "compound", "nmod") and actors.at(c)
                                        for c in noun.children):
            # "During talks with X, Y raised ...", "on his visit to India, Y signed ...": Y took part in it
            subj = subject_of(host)
            sources = actors.all_at(subj) if subj is not None else []
            if not sources and subj is not None and subj.lower_ in ANAPHORS:
                sources = _antecedent(host, subj, actors)
            if not targets and (other := shared_encounter(noun)) is not None:
                targets = actors.all_at(other)  # "X told Y during their meeting": X met Y
            if not targets and pattern.code == VISIT and (place := visited_place(noun)) is not None:
                targets = actors.all_at(place)  # "X is in Berlin on a two-day visit"
            return self._pairs(sent, noun, pattern, [p for p in sources if p not in targets], targets, True, actors)
        patient = possessed_patient(noun)  # "ordered the tanker's release": the tanker is released
        if patient is not None and not targets:
            targets = actors.all_at(patient)
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and not (owner.lower_ == "their" and shared_holder(noun, actors, subject_of)):
            # "criticised China over its support for Russia": its = China, not the critic; but "X and Y resumed
            # their talks": the coordinated subject holds them, each with the other
            before = [p for p in actors.phrases if sent.start <= p.head < owner.i and p not in targets
                      and not (owner.lower_ == "its" and sent.doc[p.head].tag_ == "NNS")]  # "its": no "groups"
            holder = _light_subject(noun, actors)  # "X backed by Y continued their attacks": X's
            before = [p for p in holder if p not in targets] or before
            return self._pairs(sent, noun, pattern, before[-1:], targets, True, actors) if owner.lower_ in (
                "its", "their") else []
        for c in noun.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c is not patient:
                p = actors.at(c)
                if p and p not in targets:
                    sources.append(p)
        gov = undergone(noun)
        if gov is not None:
            # "Iran faces criticism from the UN", "came under Russian attack": the one from whom it comes
            # is the source, the governing verb's subject the target (and never the source)
            giver = next((prep_object(c) for c in (*noun.children, *gov.children)
                          if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by") and prep_object(c) is not None),
                         None)
            subj = subject_of(gov)
            sources = actors.all_at(giver) if giver is not None else sources
            targets = actors.all_at(subj) if subj is not None else []
            return self._pairs(sent, noun, pattern, [p for p in sources if p not in targets], targets, True, actors)
        by = agent_prep(noun)
        if not sources and by is not None and child(by, "pobj") is not None:
            sources = actors.all_at(child(by, "pobj"))
        slot = measured(noun)
        if (not sources and pattern.target == "between" and len(targets) > 1 and pattern.code != MEDIATION
                and not _light_subject(noun, actors)):
            # "fighting between Azerbaijanis and Armenians": each on the other (a mediation is a third party's)
            sources = list(targets)
        elif not sources and (slot.dep_ in LIGHT_DEPS or (slot.dep_ == "pobj" and slot.head.lower_ in GOVERNED_PREPS)):
            # "announced the expulsion of", "took part in talks with", "concluded two days of talks"; not
            # "closed it because of fighting"
            gov = slot.head if slot.dep_ != "pobj" else slot.head.head
            if gov.lemma_.lower() == "responsible" and gov.dep_ == "acomp":
                gov = gov.head  # "X was responsible for the attack on Y": X did it
            if gov.pos_ in ("VERB", "AUX") and (gov.lemma_ in LIGHT_VERBS or (
                    gov.lemma_ not in SPEECH_VERBS and not self._reacts_to(gov, noun, pattern))):
                # "announced the release of", not "insisted unrest was fading" (the speaker did no unrest)
                subj = subject_of(gov)
                if subj is None and slot.dep_ == "pobj":  # "X is expected in Y for talks": X takes part
                    subj = child(gov, "nsubjpass")
                if subj is not None and not _unissued(subj, gov):
                    sources = actors.all_at(subj)
                    if not sources and subj.lower_ in ANAPHORS:  # "NATO said it would tighten the blockade of"
                        sources = _antecedent(gov, subj, actors)
        if not sources and (speaker := reported_encounter(noun, pattern)) is not None:  # "X said talks with Y ..."
            sources = [p for p in actors.all_at(speaker) if p not in targets]
        return self._pairs(sent, noun, pattern, sources, targets, True, actors)

    def _reacts_to(self, verb, noun, pattern: Pattern) -> bool:
        """Whether ``verb`` is an act of its own about the event ``noun`` names, so its subject did not do
        that event: a comment on it or an inquiry into it ("condemned the attack on Y", "investigated the
        bombing of Y"), not a part in it ("engaged in fighting with Y", "hosted talks with Y")."""
        own = self.lexicon.pattern_for(verb, "verb")
        if own is None or not own.code or own.dictionary or not pattern.code or own.code[:2] == pattern.code[:2]:
            return False
        return own.code[:2] in REACTION_ROOTS

    def _pairs(self, sent, trig, pattern, sources, targets, by_noun, actors: Actors) -> list[RawEvent]:
        if not sources:
            return []
        sources, targets = _named_antecedents(sources, sent), _named_antecedents(targets, sent)
        modality, tense = modality_of(trig)
        if modality != "hypothetical" and (pattern.code or "")[:2] < "10" and announced(trig):
            # "announced it was pulling its troops out": a pledge (03); "announced they are boycotting" is done
            modality, tense = "intended", "future"
        # PETRARCH: a verb's own negation only ("won't try to clash" is a clash), but a multi-word verb the
        # parser split ("will not [wire] tap") keeps its first word's
        negated = is_negated(trig, governed=not pattern.dictionary or bool(pattern.lead)) and not (
            pattern.dictionary and NEGATIONS & set(pattern.before))  # "- WILL NOT *": the pattern's own negation
        # "X and Y agreed a ceasefire", "X and Y failed to reach agreement": an act that can be mutual
        mutual = pattern.reverse == pattern.code or (pattern.code or "").startswith(RECIPROCAL_CODES)
        if not pattern.dictionary and (in_condition(trig) or possible_only(trig)):
            self.rejected_triggers.add(trig.i)
            return []  # "unless Chad arranges a ceasefire with the rebels", "the party could appeal": no event
        if not pattern.dictionary and (pattern.code or "").startswith(REQUEST_ROOTS):
            pattern = replace(pattern, code=requested_code(pattern.code, trig, self.lexicon))
        weighed = self.intent_codes and not pattern.dictionary and considered(trig)  # "is considering sending"
        if negated and not pattern.dictionary and pattern.code and not weighed and (
                ((modality == "intended" or cannot(trig)) and pattern.code[:2] < "10")
                or refused(trig)):
            # "refused to lift the ban", "will not attend the talks": CAMEO codes a refusal (12), not the act
            # (a conflictual act that will not happen, "will not recall its ambassador", stays negated)
            pattern = replace(pattern, code=refusal_code(pattern.code), reverse=None)
            negated, modality = False, "asserted"
        recode = modality in ("intended", "hypothetical") and self.intent_codes and not pattern.dictionary
        code, reverse = ((ontology.recode_intended(c) if c and recode else c) for c in (pattern.code, pattern.reverse))
        if weighed:
            code, reverse, recode = WEIGHED, None, False  # weighing an act: 014, not an intent
        if recode:
            if unilateral(trig):
                reverse = None  # "offered to negotiate with Y": Y has offered nothing ("is due to visit" is hosted)
            if code and code[:2] != "13" and ultimatum(trig, code):
                code = "130"  # "will withdraw its troops unless ...": a conditional act is a threat
        if not pattern.dictionary and unreal(modality, code or reverse):
            self.rejected_triggers.add(trig.i)
            return []  # "Moscow would block the renewal": only supposed (PETRARCH dictionaries code it)
        if negated and pattern.dictionary and self.lexicon.negations is not None:
            # PETRARCH-2: a negated act is coded as its negation ("did not criticise" 110 -> 050), or not at all
            code, reverse = (self.lexicon.negations.get(c) if c else None for c in (code, reverse))
            if not (code or reverse):
                return []
            negated = False
        root = (code or reverse)[:2]
        if code == "011":
            targets = []  # a comment withheld is told to no one, and what it is "on" is no target
        elif code == CLAIMED and not targets and not pattern.dictionary:  # "claimed responsibility for"
            targets = [p for p in claimed_target(trig, actors, self.lexicon.nouns) if p not in sources]
        if targets and code:
            towns = None if pattern.dictionary else self.places  # "shelled Kharkiv": the gazetteer's town
            targets = named_town(trig, code, off_scene(trig, code, targets), towns)
        if not targets and root in ("12", "13") and not pattern.dictionary:
            # "threatened to quit the talks if Y ...", "will not lift the embargo until Y ..."
            cond = condition_subject(trig, ("if", "unless") if root == "13" else ("until", "unless"))
            targets = [p for p in actors.all_at(cond) if p not in sources] if cond is not None else []
        if not targets and code == MEDIATION and not pattern.dictionary:  # "an effort to end the rift between X and Y"
            targets = [p for p in mediated_parties(trig, actors) if p not in sources]
        if not pattern.dictionary:  # "police arrested a man": a civilian (annales.generic_targets)
            targets = generic_targets(code, trig, actors, sources, targets, self.generic_roots)
        together = len(sources) > 1 and pattern.target == "with" and not slot_filled(pattern, trig)  # each other
        if not targets and root not in VENUE_ROOTS and not pattern.dictionary and not together:
            # "struck a depot in Syria": the place's country (annales.venues: not a mere setting)
            targets = scene_targets(trig, code or reverse, sources, actors, self.places)
        if pattern.target == "compound":  # PETRARCH "- % *": coordinated subjects act on each other
            targets = list(sources) if len(sources) > 1 else []
        mutual = mutual or (code or "").startswith(RECIPROCAL_CODES)
        if not targets and len(sources) > 1 and (mutual and not slot_filled(pattern, trig)
                                                 or not pattern.dictionary and each_other(trig)):
            targets = list(sources)  # "X and Y agreed a ceasefire", "accused each other"; not "backed the Kurds"
        pledge = root == "03" and not pattern.dictionary and committed(trig)  # "X agreed to lay down its arms"
        if not targets:
            unaimed = self.unaimed_force and unaimed_force.unaimed(code, trig, actors)  # "launched an offensive"
            if not (_targetless(code) or pledge or unaimed) or pattern.dictionary:
                return []  # (PETRARCH codes an event only with a source and a target)
            if root == "02" and any(c.dep_ in ("dobj", "dative", "oprd", "attr") and actors.at(c)
                                    for c in trig.children):
                return []  # "called King Salman on Saturday": a phone call, not an appeal "on" no one
            targets = [None]
        out = []
        for s in sources:
            if (targets != [None] and code and _targetless(code) and not pattern.dictionary
                    and all(t is not s and t.code == s.code and t.names_only(PLACES) for t in targets)):
                # "Palestinians demonstrated in Gaza City": a protest in one's own country is aimed at no one
                out.append(RawEvent(sent.start, trig.i, s, None, pattern, official_code(code, trig, s), modality,
                                    negated, tense, by_noun))
                continue
            for t in targets:
                t = home_place(s, t, sent.doc) if t is not None and not pattern.dictionary else t
                if t is not None and (t is s or t.code == s.code and not _two_named(s, t)):
                    continue  # an actor acting on itself is a parsing error far more often than news
                trip = (pattern.code or pattern.reverse or "")[:3] in HOME_TRIPS  # intended too ("is to visit")
                if t is not None and trip and s.country == t.country and (
                        t.names_only(PLACES) or s.names_only(PLACES)) and not pattern.dictionary:
                    continue  # "the president arrived in the capital": a trip at home is no visit
                own = official_code(code, trig, s) if code and not pattern.dictionary else code
                # a state's protest: 114, to someone; a pledge with no target ("agreed to resign")
                if own and (t is not None or _targetless(own) or pledge and own == code
                            or self.unaimed_force and not pattern.dictionary
                            and unaimed_force.keeps(own, s, trig, actors)):
                    out.append(RawEvent(sent.start, trig.i, s, t, pattern, own, modality, negated, tense, by_noun))
                if reverse and t is not None:  # "042:043": the visited also hosts
                    back = official_code(reverse, trig, t, s) if not pattern.dictionary else reverse
                    out.append(RawEvent(sent.start, trig.i, t, s, pattern, back, modality, negated, tense, by_noun))
        return out


# CAMEO's refusal (12) of an act, by the act's code prefix, longest first: "refused to meet" 125,
# "refused to release the prisoners" 1243, "will not lift sanctions" 1244, "declined to say" 011; other acts 120
REFUSALS = {"0831": "1231", "0832": "1232", "0833": "1233", "0834": "1234", "061": "1211", "062": "1212",
            "071": "1221", "072": "1222", "073": "1223", "074": "1224", "081": "1241", "082": "1242",
            "083": "123", "084": "1243", "085": "1244", "086": "1245", "087": "1246", "045": "126",
            "057": "127", "04": "125", "06": "121", "07": "122", "08": "124", "12": None,
            "01": "011"}  # "declined to comment": a comment refused is a declined comment


def _targetless(code: str | None) -> bool:
    return (bool(code) and (code[:2] in TARGETLESS_ROOTS or code[:3] in TARGETLESS_CODES)
            and code[:3] not in AIMED_CODES)


def _obliged(tok):
    """The clause an obligation word sets: the head of a modal ("Y must [halt]"), or the verb "need" itself
    when it governs an infinitive ("Y needs to halt")."""
    if tok.dep_ != "aux" and tok.lemma_ == "need" and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children):
        # not "X would need to": a judgement of what it would take
        return tok.head if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in tok.children) else tok
    return tok.head


def refusal_code(code: str) -> str:
    for n in (4, 3, 2):
        if code[:n] in REFUSALS:
            return REFUSALS[code[:n]] or code
    return "120"


def _names_object(verb) -> bool:
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


def _gerund_subject(tok) -> bool:
    """A gerund with no subject of its own that is a clause's subject: a verb in form, a noun in use."""
    return (tok.tag_ in ("VBG", "VBZ") and tok.dep_ in ("nsubj", "nsubjpass")
            and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children))


def _light_subject(noun, actors: Actors) -> list[ActorPhrase]:
    """"Russia launched a mediation effort between India and Pakistan": the actor subject of the light
    verb whose object the nominal event is."""
    if noun.dep_ not in LIGHT_DEPS or noun.head.lemma_ not in LIGHT_VERBS:
        return []
    subj = subject_of(noun.head)
    return actors.all_at(subj) if subj is not None else []


def _unissued(subj, verb) -> bool:
    """Whether ``verb`` is in a clause of a document (``subj``) that its governing verb does not issue ("vetoed a
    resolution condemning X", "will support a resolution that aims to impose a blockade on X")."""
    return (subj is not None and subj.lemma_ in DOCUMENTS and subj.head.lemma_ not in AUTHORING
            and any(a.dep_ in ("acl", "relcl") and a.head.i == subj.i for a in (verb, *verb.ancestors)))


def _two_named(a: ActorPhrase, b: ActorPhrase) -> bool:
    """Two actors of one known code that are named differently ("the Afghan government" and "the
    Taliban"), neither a mere place ("Virginia" and "American" are one state)."""
    land = ("country", "region")  # not a seat of power
    return bool(a.name and b.name and a.name != b.name and (a.country or a.org) and not a.names_only(land)
                and not b.names_only(land))


def _named_antecedents(phrases: list[ActorPhrase], sent) -> list[ActorPhrase]:
    """"Obama said he would visit Cuba": a pronoun stands for its antecedent named in the same sentence."""
    return [p.refers if p.refers is not None and sent.start <= p.refers.head < sent.end else p for p in phrases]




ANAPHORS = frozenset({"it", "they", "he", "she", "we"})
# prepositions through which a nominal event's source is the governing verb's subject ("engaged in
# fighting with", "arrived for talks with"); not cause or time ("because of", "after", "during")
GOVERNED_PREPS = frozenset({"in", "with", "into", "for", "through", "on"})


def _antecedent(verb, pronoun, actors: Actors) -> list[ActorPhrase]:
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


def _headline_verb(verb) -> bool:
    """"The Kenyan president called X": a past form the parser hung on a subject that it made the
    sentence's root (no other main verb), as if a participle ("a convoy attacked by"): the main verb."""
    head = verb.head
    return (verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and head.dep_ == "ROOT"
            and head.pos_ in ("NOUN", "PROPN") and head.i < verb.i
            and not any(c.dep_ == "agent" for c in verb.children)
            and any(c.dep_ in ("dobj", "oprd") or c.dep_ == "prep" and verb.tag_ == "VBD" for c in verb.children))


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
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and (tok.tag_ == "VBG" or _headline_verb(tok))):
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





# statements, appeals, meetings and cooperation: a place named is where they happened, not their target
# ("met in Geneva"); other acts done "in" a country act on it ("declared a ceasefire in Libya")
VENUE_ROOTS = frozenset({"01", "02", "03", "04", "05", "06", "09", "10", "11", "12", "13"})
# acts only a state does (try, convict, sanction, arrest, expel): done in a country with no agent named, by it
STATE_CODES = ("115", "116", "16", "17")

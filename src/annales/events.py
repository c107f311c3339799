"""Coding events from a dependency parse: triggers from the lexicon, source and target from the
grammar, modality and negation from the words around the trigger.

``EventCoder(lexicon)(doc, actors) -> list[RawEvent]`` is a pipeline step; the pipeline adds dates,
ids and provenance. Grammar handled here:

- subjects (annales.clauses), objects, datives and prepositional targets ("met with", "imposed sanctions on");
- passives ("was attacked by"), relative clauses ("rebels who attacked"), participles ("a convoy
  attacked by rebels"), control ("agreed to withdraw") and coordination of verbs and of actors (one
  event per source-target pair);
- nominal events: source from the possessor or modifier ("Russia's expulsion of", "Israeli air strikes
  on") or from the subject of the governing verb ("Russia announced the expulsion of"); acts undergone
  ("faced criticism from") and meetings that set a clause ("during talks with"): annales.nominal;
- reported speech: in "X said Y did Z" the event is Y->Z, modality reported, and "said" is not coded;
- demands in reported speech: "X says Y must do Z" is X demanding of Y (100), and Z is not coded:
  annales.obligations;
- appeals and demands take their sub-code from the act asked for ("urged X to release" 0253);
- intent and threats ("will impose", "is due to visit", "threatened to") recoded under CAMEO 03/13
  (setting ``intent_codes``); hypotheticals ("could", "would", "if" clauses), negation ("not", "never",
  "refused to"), paired codes ("042:043": the visited hosts), mutual acts of coordinated actors ("X and Y
  agreed a ceasefire") and a place as the target of material conflict with no other target ("struck a depot
  in Syria"), as each source and target are paired: annales.pairing; pronoun subjects of reported clauses
  ("X said it would ..."): annales.clauses;
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

from dataclasses import replace

from .actors import ActorPhrase, Actors
from .lexicon import PREPOSITIONS, Lexicon, Pattern, child, match, nearby
from .judgements import judgements, naming
from .modality import LIGHT_DEPS, SPEECH_VERBS
from .parse import tokens
from .venues import place_targets
from .petrarch import phrases_present
from .nominal import (UNDERGO_VERBS, agent_prep, encounter_host, happening, noun_agents, possessed_patient,
                      prep_object, stray_agent, undergone)
from .event_filters import (REACTION_ROOTS, REQUEST_ROOTS, dedupe, drop_governed_nouns, drop_purposes, drop_questions,
                            drop_reasons, drop_requested, drop_shown, drop_speech_frames, drop_unheard, drop_war_names,
                            strike_victims, backing_as_aid)
from .encounters import (MEDIATION, SUPPORT_ROOTS, VISIT, attributive_visit, between_parties, deployment,
                         hosted_gathering, measured, reported_encounter, shared_encounter, shared_holder, supporting_aid,
                         visited_place)
from .official import argued_clash
from .claims import admissions, claimed_acts
from .pronouns import object_pronoun, pronoun_antecedent
from .unasserted import unasserted
from .generic_targets import DEFAULT_ROOTS
from .participles import copular_row, feeling_roles, reduced_passive
from .targets import (first_actor_after, force_antecedents, reporter_subject, reporting_verb, source_slot,
                      subject_words, targets_of, verb_chain, written_subject)
from .clauses import (ANAPHORS, DOCUMENTS, LIGHT_VERBS, antecedent, gerund_subject, headline_verb, light_subject,
                      names_object, subject_of, unissued)
from .obligations import obligations
from .pairing import Pairing, RawEvent

# prepositions through which a nominal event's source is the governing verb's subject ("engaged in
# fighting with", "arrived for talks with"); not cause or time ("because of", "after", "during")
GOVERNED_PREPS = frozenset({"in", "with", "into", "for", "through", "on"})
# acts only a state does (try, convict, sanction, arrest, expel): done in a country with no agent named, by it
STATE_CODES = ("115", "116", "16", "17")


def _pair_key(e: RawEvent) -> tuple:
    return e.trigger, e.source.head, e.target.head if e.target is not None else None


class EventCoder:
    """Pipeline step: ``EventCoder(lexicon)(doc, actors) -> list[RawEvent]``."""

    requires = ("token.dep", "token.head", "token.lemma", "token.tag", "actors")
    assigns = ("events",)

    def __init__(self, lexicon: Lexicon, intent_codes: bool = True, places=None, unaimed_force: bool = True,
                 generic_target_roots=DEFAULT_ROOTS):
        self.lexicon = lexicon
        # the events of a trigger's sources and targets (annales.pairing); ``places`` is its gazetteer lookup
        self.pair = Pairing(lexicon, intent_codes, places, unaimed_force, tuple(generic_target_roots))
        self.rejected: list[RawEvent] = []  # set by each call (below)
        # user (PETRARCH) dictionaries: their suites expect their own codes only, no spoken judgements
        self.lexicon_dictionary = lexicon.negations is not None or any(
            p.dictionary for plist in lexicon.verbs.values() for p in plist)

    @property
    def rejected_triggers(self) -> set[int]:
        """The triggers of the last call that were ruled no event (only supposed or possible)."""
        return self.pair.rejected

    def __call__(self, doc, actors: Actors) -> list[RawEvent]:
        # what the rules found and then ruled no event (a filter's drop, a verb only supposed or possible): the
        # learned fallback may not code it again (annales.relations)
        self.rejected: list[RawEvent] = []
        self.pair.rejected = set()
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
                found.extend(self.pair(sent, doc[i], feeling, *feeling_roles(doc[i], feeling, actors), False, actors))
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
                        or (not pattern.words and names_object(tok))):
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
            gerund = pos[i] == "VERB" and gerund_subject(doc[i])  # or a plural noun taken for a verb ("talks")
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
                        found.extend(self.pair(sent, tok, pattern, list(parties), parties, True, actors))
                elif pattern and not self.lexicon.voided(tok, "noun", key):
                    found.extend(self._noun_events(sent, tok, pattern, actors))
        proposed = list(found)
        found = [e for e in drop_requested(found, asks)
                 if e.pattern.dictionary or not unasserted(doc[e.trigger], e.code)]  # "denied that X attacked"
        if not self.lexicon_dictionary:  # built-in knowledge, none with a PETRARCH dictionary's verbs
            found = obligations(found, sent, actors, self.lexicon)  # "X says Y must ...": X demands of Y
            # "Moscow said the US sanctions were illegal": criticism (111)
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

    # -- verbs -------------------------------------------------------------------------------
    def _verb_events(self, sent, verb, pattern: Pattern, actors: Actors) -> list[RawEvent]:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        reduced = not pattern.dictionary and reduced_passive(verb)  # "when asked about X, he said": not the asker
        if passive or reduced or (verb.dep_ == "acl" and verb.tag_ == "VBN" and not headline_verb(verb)):
            agent = child(verb, "agent")
            # "shot by a sniper in Homs": where the agent acted is not the agent
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
            if not pattern.dictionary and unissued(subj, verb):
                sources = []  # "blocked a resolution condemning X", "will back a resolution that imposes": not issued
            elif (not sources and subj is not None and subj.lemma_ in DOCUMENTS and subj.dep_ in LIGHT_DEPS
                    and verb.dep_ == "acl"):
                # "issued a declaration demanding that ...": the document's author demands
                author = subject_of(subj.head)
                sources = actors.all_at(author) if author is not None else []
            if not sources and subj is not None and subj.lower_ in ANAPHORS:
                sources = antecedent(verb, subj, actors)
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
        return self.pair(sent, verb, pattern, sources, targets, False, actors)

    # -- nouns -------------------------------------------------------------------------------
    def _noun_events(self, sent, noun, pattern: Pattern, actors: Actors) -> list[RawEvent]:
        targets = targets_of(pattern, noun, actors) if pattern.target not in (None, "dobj") else []
        if between_parties(pattern, targets):  # "hosted talks between X and Y": X and Y meet
            return self.pair(sent, noun, pattern, list(targets), targets, True, actors)
        sources: list[ActorPhrase] = []
        host = encounter_host(noun, pattern)
        if host is not None and not any(c.dep_ in ("poss", "amod", "compound", "nmod") and actors.at(c)
                                        for c in noun.children):
            # "During talks with X, Y raised ...", "on his visit to India, Y signed ...": Y took part in it
            subj = subject_of(host)
            sources = actors.all_at(subj) if subj is not None else []
            if not sources and subj is not None and subj.lower_ in ANAPHORS:
                sources = antecedent(host, subj, actors)
            if not targets and (other := shared_encounter(noun)) is not None:
                targets = actors.all_at(other)  # "X told Y during their meeting": X met Y
            if not targets and pattern.code == VISIT and (place := visited_place(noun)) is not None:
                targets = actors.all_at(place)  # "X is in Berlin on a two-day visit"
            return self.pair(sent, noun, pattern, [p for p in sources if p not in targets], targets, True, actors)
        patient = possessed_patient(noun)  # "ordered the tanker's release": the tanker is released
        if patient is not None and not targets:
            targets = actors.all_at(patient)
        owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if owner is not None and not (owner.lower_ == "their" and shared_holder(noun, actors, subject_of)):
            # "criticised China over its support for Russia": its = China, not the critic; but "X and Y resumed
            # their talks": the coordinated subject holds them, each with the other
            before = [p for p in actors.phrases if sent.start <= p.head < owner.i and p not in targets
                      and not (owner.lower_ == "its" and sent.doc[p.head].tag_ == "NNS")]  # "its": no "groups"
            holder = light_subject(noun, actors)  # "X backed by Y continued their attacks": X's
            before = [p for p in holder if p not in targets] or before
            return self.pair(sent, noun, pattern, before[-1:], targets, True, actors) if owner.lower_ in (
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
            return self.pair(sent, noun, pattern, [p for p in sources if p not in targets], targets, True, actors)
        by = agent_prep(noun)
        if not sources and by is not None and child(by, "pobj") is not None:
            sources = actors.all_at(child(by, "pobj"))
        slot = measured(noun)
        if (not sources and pattern.target == "between" and len(targets) > 1 and pattern.code != MEDIATION
                and not light_subject(noun, actors)):
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
                if subj is not None and not unissued(subj, gov):
                    sources = actors.all_at(subj)
                    if not sources and subj.lower_ in ANAPHORS:  # "NATO said it would tighten the blockade of"
                        sources = antecedent(gov, subj, actors)
        if not sources and (speaker := reported_encounter(noun, pattern)) is not None:  # "X said talks with Y ..."
            sources = [p for p in actors.all_at(speaker) if p not in targets]
        return self.pair(sent, noun, pattern, sources, targets, True, actors)

    def _reacts_to(self, verb, noun, pattern: Pattern) -> bool:
        """Whether ``verb`` is an act of its own about the event ``noun`` names, so its subject did not do
        that event: a comment on it or an inquiry into it ("condemned the attack on Y", "investigated the
        bombing of Y"), not a part in it ("engaged in fighting with Y", "hosted talks with Y")."""
        own = self.lexicon.pattern_for(verb, "verb")
        if own is None or not own.code or own.dictionary or not pattern.code or own.code[:2] == pattern.code[:2]:
            return False
        return own.code[:2] in REACTION_ROOTS


"""Finding actors in a parsed document: knowledge-base matches grouped into actor phrases.

``ActorFinder`` is a pipeline step: ``finder(doc) -> Actors``. It matches the knowledge base's surface
forms, then groups matches that belong to one noun phrase ("France's foreign minister", "Italian Prime
Minister Giorgia Meloni", "a spokeswoman for China's foreign ministry") into one actor phrase whose
country and sector come from its parts, the closest part winning.
"""

from __future__ import annotations

from collections import deque
from dataclasses import replace
from datetime import date

from spacy.matcher import PhraseMatcher
from spacy.util import filter_spans

from .actor_context import (AGENT_PREPS, FAMILY_NOUNS, FOREIGN_ROLES, carried_titles, dateline_end,
                            domestic_agents, group_actors, hosted_roles, kept_phrases, names_a_backer,
                            office_over_religious_title, persons_from, plural_titles, possessed_agents,
                            prepositional_actors)
from .actor_phrase import ActorPhrase
from .actor_roles import (MINORITY_NOUNS, affiliated_people, company_names, company_officers, former_offices,
                          international_forces, listed_people, outlet_names, private_persons, seat_in_name,
                          shared_places)
from .coordination import joined_appositions
from .kb import Entry, KnowledgeBase, on_date
from .parse import tokens
from .people import (HONORIFICS, PRONOUN_REACH, PRONOUNS, after_honorific, name_spans, named_agents, office_ever,
                     office_of, reads_as_person)
from .peoples import stateless_peoples
from .unknown_actors import place_countries, unknown_entities

# dependency edges an actor phrase grows along, from a modifier up to the noun it modifies
_MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "npadvmod"})
# clause edges that end an argument's noun phrase
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "parataxis", "punct"})
# prepositions that only say where or when: a statement's addressee is not searched through them ("told
# reporters at a meeting of EU ministers" does not tell the EU); other acts' targets are (PETRARCH-2's
# convention: "criticised the closure of guest houses in Bree" criticises Bree)
REGION_WORDS = frozenset({"Latin", "Central", "South", "North", "Meso", "Pan", "Inter", "Pan-", "Inter-"})
PLACE_PREPS = frozenset("at in near during outside inside within throughout around across along".split())
# nouns for a place that a country or capital modifies ("the Kenyan capital Nairobi", "the Iraqi city of
# Basra"): the phrase grows up to them, so "a tribunal in the Kenyan capital" is a Kenyan tribunal
PLACE_NOUNS = frozenset("capital city town province region district village port".split())


class Actors:
    """The actor phrases of one document, indexed by head token and by covered token."""

    def __init__(self, phrases: list[ActorPhrase]):
        self.phrases = phrases
        self.by_head = {p.head: p for p in phrases}
        self.by_token: dict[int, ActorPhrase] = {}
        for p in phrases:
            for i in range(p.start, p.end):
                self.by_token.setdefault(i, p)

    def at(self, tok, places: bool = True) -> ActorPhrase | None:
        """The actor an argument token stands for: itself, the phrase it is part of, or the first
        actor found breadth-first in its noun phrase (not crossing into clauses)."""
        found = self._find(tok, places)
        return found[0] if found else None

    def _find(self, tok, places: bool = True):
        """-> (phrase, the token it was found at) or None."""
        p = self.by_head.get(tok.i) or self.by_token.get(tok.i)
        if p:
            return p, tok
        queue = deque(c for c in tok.children if _searchable(c, places))
        seen = 0
        while queue and seen < 40:
            c = queue.popleft()
            seen += 1
            p = self.by_head.get(c.i)
            if p:
                return p, c
            queue.extend(g for g in c.children if _searchable(g, places))
        return None

    def all_at(self, tok, places: bool = True) -> list[ActorPhrase]:
        """Actors of an argument and of its coordinated conjuncts ("Italy and Russia", "Pakistani and
        Afghan forces", "talks with Chile, Peru and Bolivia")."""
        out = []
        verb = tok.pos_ in ("VERB", "AUX")
        # a clause the parser conjoined to a noun ("24 civilians died, as well as 25 rebels") is no co-argument
        # (a name it tags as a verb, "between Zelensky and Trump", still is one)
        # (and an apposition "and" joins: "X's Prime Minister A and Y's President B", misparsed)
        for t in (tok, *(c for c in tok.conjuncts
                         if verb or c.pos_ not in ("VERB", "AUX") or c.i in self.by_token),
                  *joined_appositions(tok)):
            found = self._find(t, places)
            if found is None:
                continue
            p, at = found
            more = [self.at(c, places) for c in at.conjuncts] if at is not t else []
            for q in (p, *p.siblings, *(m for m in more if m is not None)):
                if q not in out:
                    out.append(q)
        return out


def _searchable(tok, places: bool = True) -> bool:
    # not what an adjective is about: "a painter critical of Welsh arts funding" is no Welsh actor
    return tok.dep_ not in CLAUSE_DEPS and not (tok.dep_ == "prep" and tok.head.pos_ == "ADJ") and (
        places or not (tok.dep_ == "prep" and tok.lower_ in PLACE_PREPS))


class ActorFinder:
    """Pipeline step: ``ActorFinder(nlp, kb)(doc) -> Actors``."""

    requires = ("token.dep", "token.head", "token.pos", "token.ent_type")
    assigns = ("actors",)

    def __init__(self, nlp, kb: KnowledgeBase | None = None):
        self.kb = kb or KnowledgeBase.default()
        self.case_matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        proper = [t for t in self.kb.terms if t != t.lower()]
        common = [t for t in self.kb.terms if t == t.lower()]
        for matcher, terms in ((self.case_matcher, proper), (self.lower_matcher, common)):
            for term, doc in zip(terms, nlp.tokenizer.pipe(terms)):
                matcher.add(term, [doc])
        self.strings = nlp.vocab.strings
        # whether names are looked up in the built-in office-holders list (not with dictionaries alone)
        self.office_holders = getattr(self.kb, "people", True)
        # PETRARCH's noun-phrase semantics (a complete user dictionary set, annales.petrarch): listed
        # actors are separate actors, conjoined agents share their country, agent codes accumulate
        self.compounds = getattr(self.kb, "compounds", False)
        # named entities the knowledge base lacks as actors (not with PETRARCH dictionaries alone)
        self.unknown = not self.compounds
        self.persons = True  # with ``unknown``: people tagged PERSON that no list knows are actors too
        # with ``unknown``: also organisations and people whose country nothing tells ("---" codes);
        # ``[coder] countryless_actors``
        self.countryless = True
        # lemmas of the nouns that name events (the lexicon's noun triggers; set by the pipeline): a noun
        # that actor words modify together ("U.S. military aid") is the event, not the actor's head
        self.event_nouns: frozenset[str] = frozenset()
        self._geocoder = None

    @property
    def geocoder(self):
        """The gazetteer (annales.places), for the country of a place named in an actor; built on first use."""
        if self._geocoder is None:
            from .places import Geocoder

            self._geocoder = Geocoder.default()
        return self._geocoder

    def matches(self, doc):
        spans = []
        for matcher in (self.case_matcher, self.lower_matcher):
            for match_id, start, end in matcher(doc):
                span = doc[start:end]
                span.label_ = self.strings[match_id]
                spans.append(span)
        out = []
        persons = None
        kept = [(span, self.kb.terms.get(span.label_)) for span in filter_spans(spans)]
        roles = {t.i for span, entries in kept if entries and entries[0].kind == "agent" for t in span}
        for span, entries in kept:
            if not entries:
                continue
            entry = entries[0]
            if persons is None and entry.kind not in ("agent", "person") and not self.compounds:
                persons = _person_names(doc)
            if (entry.kind not in ("agent", "person") and not self.compounds and _in_longer_person(span, persons)
                    and not _demonym_of_a_group(span, self.kb) and not _only_roles_beside(span, persons, roles)):
                # "Jordan Henderson", "Georgia Meloni"; a name tagged PERSON as a whole is kept (PETRARCH
                # dictionaries: a dictionary name is an actor wherever it is, "Evil Mordor")
                continue
            if entry.kind in ("country", "seat", "region") and span.start and doc[span.start - 1].text in HONORIFICS:
                continue  # "Mr Jordan", "Ms Paris": a surname
            if span.start > 0 and span.text in ("American", "Americans") and doc[span.start - 1].text in REGION_WORDS:
                continue  # "Latin American", "Central American peace accords": a region, not the US
            if not self.compounds and names_a_backer(span):
                continue  # "a Qatar-backed council", "Chinese-made rifles"
            if (entry.kind == "agent" and span.start and span.root.ent_type_ == "TIME"
                    and doc[span.start - 1].like_num):
                continue  # "at 5 pm", "by 11 PM": a time of day, not the prime minister
            if entry.kind == "seat" and span.root.dep_ == "compound" and span.root.head.lower_ in FAMILY_NOUNS:
                continue  # "the Colombo family": a surname, not a capital
            out.append((span, entry))
        return out

    def __call__(self, doc, when: date | None = None) -> Actors:
        agent_tokens: set[int] = set()
        matched: dict[int, int] = {}
        cut = dateline_end(doc) if self.unknown else 0  # "Bulawayo, Zimbabwe - Police said": a place
        found = [(span, entry) for span, entry in self.matches(doc) if span.start >= cut]
        for span, entry in found:
            for t in span:
                matched[t.i] = span.root.i
                if entry.kind == "agent":
                    agent_tokens.add(t.i)
        if self.unknown:
            found = [(span, seat_in_name(span, entry, doc, matched)) for span, entry in found]
        groups: dict[int, ActorPhrase] = {}
        for span, entry in found:
            head, rank = _climb(span.root, agent_tokens, matched, self.compounds, cut)
            phrase = groups.get(head.i)
            if phrase is None:
                phrase = groups[head.i] = ActorPhrase(head=head.i, start=span.start, end=span.end)
            phrase.start = min(phrase.start, span.start, head.i)
            phrase.end = max(phrase.end, span.end, head.i + 1)
            phrase.parts.append((rank, span.root.i, entry))
        _merge_comodifiers(groups, doc, frozenset() if self.compounds else self.event_nouns)
        if not self.compounds:
            _split_joined_names(groups, doc)  # "President Ruto and Trade Minister Wanjiru" parsed as one phrase
        _split_listed(groups, doc, self.compounds)  # "the Knesset, the Duma and the Bundestag": three actors
        phrases = [_resolve(p, doc, when, self.compounds) for p in groups.values()]
        _link_conjoined_modifiers(groups, doc)
        if self.compounds:
            prepositional_actors(phrases, doc)
            _share_country(groups, doc)
        if self.unknown and tokens(doc).ents:
            place_countries(phrases, doc, self.geocoder, self.kb)
            phrases += unknown_entities(doc, phrases, self.geocoder, self.kb, self.countryless)
        if not self.compounds:
            _appositive_names(phrases, doc)
        phrases += _people(doc, phrases, when, self.office_holders, self.unknown and self.persons, self.countryless)
        if self.unknown:
            affiliated_people(phrases, doc)  # "IMF boss Rodrigo Rato": the IMF's, and so "Mr Rato" later
            _ethnic_residents(phrases, doc)
            hosted_roles(phrases, doc)  # "the embassy in Karachi" is no Pakistani embassy
            shared_places(phrases, doc)  # "police and protesters in Nairobi": both Kenyan
            private_persons(phrases, doc, getattr(self.kb, "demonyms", ()))  # "the Belgian won": BELCVL
            international_forces(phrases, doc)  # "a regional peacekeeping force": IGOMIL
            if self.office_holders:
                named_agents(phrases, doc, when)  # "the Bush administration", "President Buhari"
            possessed_agents(phrases, doc)
            group_actors(phrases, doc, getattr(self.kb, "demonyms", ()))  # "NATO-led troops", "Kosovo Serbs"
            stateless_peoples(phrases, doc)  # "Kurdish forces" in an article on Syria: SYRREB
            prepositional_actors(phrases, doc)  # "the government of Prime Minister Fuad Siniora"
            _share_country(groups, doc, names=False)  # "Armenian officials and media": Armenian media too
            company_names(phrases, doc)  # "Singapore Telecom": SGPBUS
            outlet_names(phrases, doc)  # "The Jakarta Post": IDNMED
            company_officers(phrases, doc)  # "the president of the games studio": BUS
            domestic_agents(phrases, doc)  # the sentence's country before the article's earlier titles
            carried_titles(phrases, doc)
            plural_titles(phrases, doc)  # "Generals Cohen and Levy": both generals
            persons_from(phrases, doc)  # "Jane Smithers, from Leeds": GBR
            listed_people(phrases, doc)  # "Kenyan President Ruto and Foreign Minister Mutua": both KEN
            office_over_religious_title(phrases, doc, when)
            former_offices(phrases, doc)  # "a former commissioner of the Chicago police": USAELI
            named_again(phrases, doc)  # "Home Secretary Charles Clarke ... Mr Clarke": GBRGOV
            phrases = kept_phrases(phrases, doc, cut)  # not "Qatar-backed" as a name, a dateline, a ship
        return Actors(sorted(phrases, key=lambda p: p.start))


def _appositive_names(phrases: list[ActorPhrase], doc) -> None:
    """"The Chilean foreign minister, Rosa Delgado, ...", "her Peruvian counterpart, Tomas Quispe": a
    person's name in apposition after a titled actor is that actor; the phrase grows over the name,
    which then carries the role to later mentions (annales.people). So does a name in apposition to a
    bare title ("the current President Nicolas Maduro", "the president, Jane Roe,"): the list of
    office-holders then gives its country."""
    covered = {i for p in phrases for i in range(p.start, p.end)}
    ents = {e.start: e for e in tokens(doc).ents if e.label_ == "PERSON"}
    for p in phrases:
        if p.org or doc[p.head].ent_type_ == "PERSON" or not p.sector:
            continue
        titled = not p.country and p.names_only(("agent",))
        if not (p.country or titled):
            continue
        for c in doc[p.head].children:
            ent = ents.get(c.left_edge.i) if c.dep_ == "appos" and c.i >= p.end else None
            if ent is None or not ent.start <= c.i < ent.end or any(i in covered for i in range(ent.start, ent.end)):
                continue
            end = ent.end
            while end > ent.start and doc[end - 1].tag_ == "POS":
                end -= 1
            p.end, p.name = end, doc[ent.start:end].text
            covered.update(range(ent.start, end))
            break


def _ethnic_residents(phrases: list[ActorPhrase], doc) -> None:
    """"ethnic Albanians demonstrated in Serbia", "the Albanian minority in Serbia": an ethnic group named
    by a demonym stands for that group's civilians in the country the sentence places them in (CAMEO's
    convention), not for the state its name comes from."""
    for p in phrases:
        head = doc[p.head]
        if not (p.country and not p.org and all(e.kind == "country" for _, _, e in p.parts)
                and (any(c.lower_ == "ethnic" for c in head.children)
                     or head.dep_ == "amod" and head.head.lower_ in MINORITY_NOUNS)):
            continue
        sent = head.sent
        places = [q for q in phrases if q is not p and sent.start <= q.head < sent.end and q.country
                  and q.country != p.country and q.parts
                  and all(e.kind in ("country", "region") for _, _, e in q.parts)]
        if places:  # the nearest place named
            where = min(places, key=lambda q: abs(q.head - p.head))
            p.country, p.sector = where.country, "CVL"


def _people(doc, phrases: list[ActorPhrase], when: date | None, office_holders: bool = True,
            unknown: bool = False, countryless: bool = True) -> list[ActorPhrase]:
    """Actor phrases for people named without a title (roles learned earlier in the article, or the
    dated office-holders list unless ``office_holders`` is false) and for "he"/"she" subjects."""
    covered = {i for p in phrases for i in range(p.start, p.end)}
    for p in phrases if office_holders else ():  # "President Donald Trump": a title without a country, and a known name
        if p.country is None and p.org is None and p.name and _names_person(p, doc):
            office = office_of(p.name, when) or office_of(p.name.split()[-1], when)
            if office is None and any(e.kind == "agent" for _, _, e in p.parts):
                # a title with a name the dated list places elsewhere in time ("President Reagan" in an
                # undated or misdated text): the one country its holders stood for
                office = office_ever(p.name) or office_ever(p.name.split()[-1])
            if office is not None:
                p.country, p.org = office.country, office.org
                p.sector = p.sector or office.sector
    learned: dict[str, ActorPhrase] = {}
    for p in phrases:
        if p.name and _names_person(p, doc) and (p.country or p.org):
            learned[p.name] = learned[p.name.split()[-1]] = p
    found: list[ActorPhrase] = []
    for start, end in sorted(name_spans(doc, covered)):  # in text order: a surname after its full name
        toks = [t for t in doc[start:end] if t.tag_ != "POS"]
        if not toks:
            continue
        name = "".join(t.text_with_ws for t in toks).strip()  # "Tsai Ing-wen": hyphens kept
        known = learned.get(name) or learned.get(toks[-1].text)
        new = ActorPhrase(head=doc[start:end].root.i, start=start, end=end)
        if known is not None:
            new.country, new.sector, new.org, new.name = known.country, known.sector, known.org, known.name
        else:
            office = None
            if office_holders:
                office = office_of(name, when) or (office_of(toks[-1].text, when) if len(toks) > 1 else None)
                if office is not None and office.dated_only and not reads_as_person(toks):
                    continue  # "Rice prices", "Brown bears"
            if office is None:
                if not unknown or len(name) < 3 or not (doc[start].ent_type_ == "PERSON"
                                                        or _courtesy_name(doc, start, end)):
                    continue
                # a person not in office on that date: the country the list gives them, if one, with
                # no sector ("Obama" in 2020); a person no list knows ("Julian Assange"): country unknown
                ever = (office_ever(name) or (office_ever(toks[-1].text) if len(toks) > 1 else None)) if office_holders else None
                if ever is None and not countryless:
                    continue
                new.name = ever.name if ever is not None else name
                new.country = ever.country if ever is not None else None
                new.org = ever.org if ever is not None else None
            else:
                new.country, new.sector, new.org, new.name = office.country, office.sector, office.org, office.name
            if len(toks) > 1 and (new.country or new.org):  # "Gordon Brown ... Brown said"
                learned.setdefault(name, new), learned.setdefault(toks[-1].text, new)
        found.append(new)
    people = sorted([p for p in phrases if _names_person(p, doc) and (p.country or p.org)] + found,
                    key=lambda p: p.start)
    table = tokens(doc)
    for i, (low, dep) in enumerate(zip(table.lower, table.dep)):
        if low in PRONOUNS and dep in ("nsubj", "nsubjpass"):
            before = [p for p in people if p.end <= i]
            if before and _sentence_distance(doc, before[-1].head, i) <= PRONOUN_REACH:
                src = before[-1]
                found.append(ActorPhrase(head=i, start=i, end=i + 1, country=src.country,
                                         sector=src.sector, org=src.org, name=src.name, refers=src))
    return found


def named_again(phrases: list[ActorPhrase], doc) -> None:
    """"Home Secretary Charles Clarke ... Mr Clarke dismissed the attack": a person named again, by the full
    name or by the surname alone, is the person named earlier with a country or an organisation (whichever step
    gave it: a title, the list of office-holders, a post, where they come from), where the later mention has no
    role of its own; a title of courtesy makes a name a person's whatever the tagger's label ("Mr Clarke"). A
    surname is matched only alone ("Jane Kennedy" is not "Charles Kennedy"); the last person so named wins."""
    learned: dict[str, ActorPhrase] = {}
    for p in sorted(phrases, key=lambda q: q.start):
        if p.prefix or not p.name or not (_names_person(p, doc) or after_honorific(doc, p.start)):
            continue
        words = [w for w in p.name.split() if w not in HONORIFICS]  # "Mr Cable": the surname alone
        if not words:
            continue
        if p.country or p.org:
            learned[" ".join(words)] = p
            if len(words) > 1:
                learned[words[-1]] = p
        elif not p.sector:
            known = learned.get(" ".join(words))
            if known is not None:
                p.country, p.sector, p.org, p.name = known.country, known.sector, known.org, known.name


def _courtesy_name(doc, start: int, end: int) -> bool:
    """"Mr Hockney": a title of courtesy and a proper noun, a person whatever the tagger's label."""
    return end - start >= 2 and doc[start].text in HONORIFICS and doc[start + 1].pos_ == "PROPN"


def _names_person(p: ActorPhrase, doc) -> bool:
    """Whether the phrase names a person: its head, or a name it ends with ("the minister, Jane Roe")."""
    return doc[p.head].ent_type_ == "PERSON" or doc[p.end - 1].ent_type_ == "PERSON"


def _sentence_distance(doc, i: int, j: int) -> int:
    """Sentences from token ``i``'s to token ``j``'s (0 when ``j`` is not in a later one)."""
    table = tokens(doc)
    return max(0, table.sentence_of(j) - table.sentence_of(i))


def _merge_comodifiers(groups: dict[int, ActorPhrase], doc, event_nouns: frozenset[str] = frozenset()) -> None:
    """"Turkish civilian engineers": "Turkish" and "civilian" both modify "engineers", which is no actor
    word itself; they make one actor phrase headed by it (country from one, sector from the other). So do
    a possessor and an agent word: "Colombia's military" in "Colombia's military offensive" is COLMIL. When
    the noun they modify names an event (``event_nouns``: "offensive", "aid", "exercises"), it stays out of
    the phrase, which is headed by the last modifier: the noun is the event, its modifiers its actor."""
    by_parent: dict[int, list[int]] = {}
    for head in groups:
        tok = doc[head]
        if (tok.dep_ in ("amod", "compound", "nmod", "poss") and tok.head.pos_ in ("NOUN", "PROPN")
                and tok.head.i not in groups):
            by_parent.setdefault(tok.head.i, []).append(head)
    for parent, heads in by_parent.items():
        if len(heads) < 2 or any(doc[h].dep_ == "conj" for h in heads) or not _possessor_merges(groups, heads, doc):
            continue
        event = doc[parent].lemma_.lower() in event_nouns
        merged = ActorPhrase(head=max(heads) if event else parent, start=min(groups[h].start for h in heads),
                             end=max(groups[h].end for h in heads) if event else
                             max(max(groups[h].end for h in heads), parent + 1))
        for h in heads:
            merged.parts.extend(groups.pop(h).parts)
        groups[merged.head] = merged


def _possessor_merges(groups: dict[int, ActorPhrase], heads: list[int], doc) -> bool:
    """With a possessor among the modifiers: whether the others are agent words only, not weapons, and the
    noun no person ("Colombia's military offensive"; not "North Korea's missile launch")."""
    if not any(doc[h].dep_ == "poss" for h in heads):
        return True
    return (sum(not groups[h].names_only(("agent",)) for h in heads) <= 1 and doc[heads[0]].head.ent_type_ != "PERSON"
            and not any(e.name in FOREIGN_ROLES for h in heads for _, _, e in groups[h].parts))


def _split_joined_names(groups: dict[int, ActorPhrase], doc) -> None:
    """"Kenyan President William Ruto and Trade Minister Ann Wanjiru", parsed as one flat noun phrase
    headed by the last name: two actors, the titled name before the conjunction and the one after it
    (with the title groups between), listed together."""
    for head in [h for h in groups if doc[h].ent_type_ == "PERSON"]:
        p = groups.get(head)
        if p is None:
            continue
        cc = next((t for t in doc[p.start + 1:head] if t.dep_ == "cc" and doc[t.i - 1].ent_type_ == "PERSON"
                   and p.start <= t.head.i < t.i), None)
        first = [x for x in p.parts if cc is not None and x[1] < cc.i]
        if not first or cc.i - 1 in groups:
            continue
        new = groups[cc.i - 1] = ActorPhrase(head=cc.i - 1, start=p.start, end=cc.i, parts=first)
        p.parts = [x for x in p.parts if x[1] > cc.i]
        p.start = cc.i + 1
        for h in [h for h in groups if cc.i < h < head]:  # "Trade Minister" after the conjunction
            q = groups.pop(h)
            p.parts.extend(q.parts)
        if not p.parts:  # a bare name: annales.people looks it up
            del groups[head]
            continue
        p.siblings.append(new)


_LIST_DEPS = frozenset({"appos", "nmod", "conj", "compound", "npadvmod"})


def _split_listed(groups: dict[int, ActorPhrase], doc, petrarch: bool = True) -> None:
    """Each actor of a list is coded separately: "Arnor, Calenardhon and the evil Gondor", "the Knesset,
    the Duma and the Bundestag" are several actors even where the parser makes one of them an
    apposition or modifier of another. A part that names an actor by itself (not an agent), attached
    directly to a phrase head that names another actor, with a comma or conjunction between them,
    becomes its own phrase, listed with the head's (with its own conjuncts). Without ``petrarch``, a
    place and its country ("Santiago, Chile") stay one actor, and the comma is left out of the first."""
    todo = list(groups)
    while todo:
        head = todo.pop(0)
        p = groups[head]
        if not any(i == head and e.kind != "agent" for _, i, e in p.parts):
            continue
        head_codes = {_entry_key(e) for _, i, e in p.parts if i == head}
        for _, i, e in list(p.parts):
            tok = doc[i]
            if (i == head or e.kind == "agent" or tok.head.i != head or tok.dep_ not in _LIST_DEPS
                    or _entry_key(e) in head_codes):
                continue
            lo, hi = sorted((i, head))
            if not any(t.lower_ in (",", ";", "and", "or") for t in doc[lo + 1:hi]):
                continue
            if not petrarch and e.country and e.country in {h.country for _, j, h in p.parts if j == head}:
                continue
            sub = {i} | {t.i for t in tok.subtree}
            moved = [x for x in p.parts if x[1] in sub and x[1] != head]
            start = min([i] + [c.i for c in tok.lefts if c.dep_ in ("det", "amod", "compound")])
            new = ActorPhrase(head=i, start=start, end=i + 1, parts=moved)
            p.parts = [x for x in p.parts if x not in moved]
            if i < head:
                p.start = max(p.start, i + 1)
            else:
                p.end = min(p.end, start)
                while not petrarch and p.end > p.head + 1 and doc[p.end - 1].is_punct:
                    p.end -= 1
            groups[i] = new
            if not petrarch:
                todo.append(i)  # "A, B, C and D" with C an apposition of B: B's phrase is split in turn
            listed = [new] + [groups[c.i] for c in tok.conjuncts if c.i in groups and c.i != head]
            p.siblings.extend(q for q in listed if q not in p.siblings)


def _entry_key(e: Entry):
    return (e.kind, e.country, e.code, e.dated)


def _share_country(groups: dict[int, ActorPhrase], doc, names: bool = True) -> None:
    """"Danish media and government", "lawmakers and officials in Arnor and Gondor": a bare conjoined
    agent (no determiner or possessor of its own) shares the country of the agent it is conjoined with
    and that one's modifying agents; with that agent's conjoined countries too (GONGOV besides ARNGOV). Without
    ``names`` (the default coder) not a titled name ("Kenyan President Ruto and President Dossou": a second
    head of state is usually another state's)."""
    for q in list(groups.values()):
        tok = doc[q.head]
        if (q.country or q.org or q.prefix or not q.sector or tok.dep_ != "conj"
                or any(c.dep_ in ("det", "poss") for c in tok.children) or (tok.pos_ == "PROPN" and not names)):
            continue
        p = next((groups[c.i] for c in tok.conjuncts if c.i in groups and c.i < tok.i), None)
        if p is None or not p.country or p.org or not p.sector:
            continue
        q.country = p.country
        shared = None  # "the Danish Islamist media and government": the modifiers' agents too
        for _, i, e in sorted(p.parts, key=lambda x: x[1]):
            if e.kind == "agent" and e.sector and i < p.head and doc[i].head.i == p.head:
                shared = _merge_sectors(shared, e.sector)
        q.sector = _merge_sectors(shared, q.sector)
        q.siblings += [replace(s, sector=q.sector, siblings=[]) for s in p.siblings
                       if s.country and not s.org and s.sector == p.sector and s.country != q.country]


def _merge_sectors(a: str | None, b: str | None) -> str | None:
    """Agent codes one after the other, a code already there not repeated ("MUS" + "GOV": "MUSGOV")."""
    if not a or not b:
        return a or b
    out = a
    for k in range(0, len(b), 3):
        chunk = b[k:k + 3]
        if chunk not in [out[j:j + 3] for j in range(0, len(out), 3)]:
            out += chunk
    return out


def _link_conjoined_modifiers(groups: dict[int, ActorPhrase], doc) -> None:
    """"Pakistani and Afghan border forces": "Afghan" is a conjunct of the modifier "Pakistani" of the
    phrase headed by "forces". It becomes a sibling of that phrase and shares its sector; a conjoined
    organisation ("Hamas and Fatah officials") becomes one with its own code."""
    for p in groups.values():
        for _, i, _ in p.parts:
            if i == p.head:
                continue
            for c in doc[i].conjuncts:
                q = groups.get(c.i)
                if q is not None and q is not p and (q.sector is None and q.org is None or q.org):
                    q.sector = q.sector or p.sector  # "Hamas and Fatah officials": Fatah keeps its own code
                    if q not in p.siblings:
                        p.siblings.append(q)


def _climb(tok, agent_tokens: set[int], matched: dict[int, int], flat: bool = False, floor: int = 0):
    """Walk from a matched word up to the head of its noun phrase. Returns (head, rank): rank grows
    with distance and is larger through a preposition, so the closest part of a phrase wins. ``flat``
    (PETRARCH): also through a plain noun modifying an agent ("a Valdoria court judge"); never up to a
    token before ``floor`` (a dateline)."""
    rank = 0
    for _ in range(8):
        head = tok.head
        if head.i == tok.i or head.i < floor:
            break
        dep = tok.dep_
        if dep == "appos" and tok.pos_ == "NOUN" and any(c.dep_ == "conj" and head.i < c.i < tok.i
                                                          for c in head.children):
            break  # "Kurds and Arabs, a reporter at ...": no apposition of the first conjunct
        if (dep in _MODIFIER_DEPS and head.pos_ in ("NOUN", "PROPN")
                and (head.i in agent_tokens or head.pos_ == "PROPN" or head.i in matched
                     or head.lower_ in PLACE_NOUNS and head.dep_ == "pobj"
                     or flat and head.dep_ in ("compound", "amod") and head.head.i in agent_tokens)):
            tok, rank = head, rank + 1
            continue
        if (dep == "pobj" and head.dep_ == "prep" and head.lower_ in AGENT_PREPS
                and (head.head.i in agent_tokens or head.lower_ == "of" and head.head.ent_type_ == "PERSON")
                and head.head.i != tok.i
                and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.head.children)):  # "its forces in X"
            tok, rank = head.head, rank + 10
            continue
        break
    return tok, rank


def _resolve(p: ActorPhrase, doc, when: date | None = None, accumulate: bool = False) -> ActorPhrase:
    """Country, sector, organisation and name of a phrase from its parts: the closest to the head first
    (by :func:`_climb`'s rank), and of equally close ones the first in the text, as PETRARCH reads a noun
    phrase ("Valdoria's minister Korvath": Valdoria's, whatever the list says of Korvath).
    ``accumulate`` (PETRARCH): the agents of one noun phrase add up in their order ("Islamist media":
    MUS + MED)."""
    parts = sorted(p.parts, key=lambda x: (x[0], x[1]))
    parts = [(r, i, on_date(e, when)) for r, i, e in parts]  # annales.petrarch: dictionary actors
    named = {e.country for _, _, e in parts if e.kind == "country"} if not accumulate else None
    if named:  # "the German Foreign Office", "Pakistan's Foreign Office": the seat's own country yields
        parts = [(r, i, replace(e, kind="agent", country=None) if e.kind == "seat" and e.country not in named else e)
                 for r, i, e in parts]
    if accumulate:
        agents = [e.sector for r, i, e in sorted(parts, key=lambda x: x[1])
                  if e.kind == "agent" and e.sector and r < 10 and i <= p.head]
        if len(agents) > 1:
            sectors = None
            for a in agents:
                sectors = _merge_sectors(sectors, a)
            p.sector = sectors
    for _, _, e in parts:
        if e.kind == "org" and p.org is None and p.country is None:
            p.org, p.name = e.code, e.name
            p.country = p.country or e.country
        if e.kind in ("country", "seat", "region") and p.country is None and p.org is None:
            p.country, p.name = e.country, e.name
        if e.kind == "agent" and e.code and p.prefix is None:
            p.prefix = e.code
        if e.sector and p.sector is None and (e.kind == "agent" or e.kind == "seat" or e.kind == "org"):
            p.sector = e.sector
    head = doc[p.head]
    if head.ent_type_ == "PERSON":
        ent = next((e for e in tokens(doc).ents if e.start <= head.i < e.end), None)
        if ent is not None:
            p.name = ent.text
            p.start, p.end = min(p.start, ent.start), max(p.end, ent.end)
    return p


def _in_longer_person(span, persons: list[tuple[int, int]] | None = None) -> bool:
    """Whether ``span`` is part of a longer PERSON entity (annales.petrarch: dictionary names such as
    "Ithilen" or "Frodo" that spaCy tags PERSON by themselves stay actors). ``persons``: the doc's
    :func:`_person_names`, when the caller has them."""
    for start, end in persons if persons is not None else _person_names(span.doc):
        if start < span.end and span.start < end and (start < span.start or end > span.end):
            return True
    return False


def _only_roles_beside(span, persons: list[tuple[int, int]], roles: set[int]) -> bool:
    """Whether the "person" a matched name is part of has nothing but agent words besides it: "Estonian MEP",
    tagged PERSON as a whole, names no person."""
    return any(start <= span.start and span.end <= end and all(i in roles for i in range(start, end)
                                                                if not span.start <= i < span.end)
               for start, end in persons)


def _demonym_of_a_group(span, kb) -> bool:
    """A demonym first in a "person" that modifies a common noun: "Sri Lankan Tamil rebels", tagged PERSON; a
    "person" that ends in a people's name is a group too ("Kosovo Serbs")."""
    demonyms = getattr(kb, "demonyms", ())
    ent = next((e for e in tokens(span.doc).ents if e.start <= span.start < e.end and e.label_ == "PERSON"), None)
    if ent is not None and span.doc[ent.end - 1].text in demonyms and span.doc[ent.end - 1].tag_ == "NNPS":
        return True
    return (ent is not None and ent.start == span.start and span.text in demonyms
            and ent.root.dep_ in ("compound", "amod") and ent.root.head.pos_ == "NOUN"
            and not ent.start <= ent.root.head.i < ent.end)


def _person_names(doc) -> list[tuple[int, int]]:
    """(start, end) of the doc's PERSON entities, without a trailing possessive or full stop ("Caras
    Galadhon's" is no longer name)."""
    out = []
    tags = tokens(doc).tag
    for e in tokens(doc).ents:
        if e.label_ != "PERSON":
            continue
        end = e.end
        while end > e.start and tags[end - 1] in ("POS", "."):
            end -= 1
        out.append((e.start, end))
    return out

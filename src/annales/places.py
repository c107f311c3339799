"""Geocoding: where an event happened, from its sentence (or, failing that, the article's dateline, the
sentence's other place names, the act's target, or the places named earlier in the article or its title).

``Geocoder.locate(sent, trigger_index, article)`` finds the place names in the event's sentence, keeps those
that say where something happened (the object of "in", "at", "near" ..., of "to"/"into" after verbs of
movement, the object of "visited" or "struck"), prefers the one syntactically closest to the trigger, and
resolves it against the offline gazetteer of :mod:`annales.gazetteer` (GeoNames cities, regions, countries,
the team's places). Ambiguous names ("Tripoli") go by population and by the countries the sentence and
article mention. The grammar of place phrases on the parse is in :mod:`annales.place_rules`; the plain-text scan
of the article's earlier place phrases is here. Codes are ISO 3166-1 alpha-3, never FIPS. Rules and fields:
docs/schema.md.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from .craft import CRAFT
from .gazetteer import Context, Gazetteer, Place, norm
from .parse import tokens
from .place_rules import (
    PLACE_PREPS, MOVE_PREPS, MOVE, DIRECT, WITHDRAW, SUPPORT, SANCTIONS, SPEECH_VERBS, _MATERIAL,
    SPEECH_ROOTS, ATTACK, OF_HEADS, REGION_WORDS, CONNECTORS, MAX_DISTANCE, FORCE_ROOTS,
    _NOT_WHERE, _SITES, SITE_NOUNS, BODIES, COURTS, LEGISLATORS, MEETING, SITTING, DEPLOYED, WORDS_OF_CONFLICT,
    AFFILIATED, EXCEPT, _topic, _proposed, _seat, _capital, _capital_word, _by_phone, _role, _under, _qualifier,
    _range, _distance, _at_meeting, _speaking, _own_goal, _words_on, place_slot, CUSTODY, LEGAL, JUSTICE,
    _other_conjunct, _struck, _words_of, passing, ADDRESSES, _words_sent,
    _possessed, _the_country, _the_capital, _in_own_event, _origin, CALENDAR_WORDS, MAX_SPAN,
)
from .place_audience import audience
from .place_scan import scan
from .place_setting import (aside, arrival, elsewhere, lead, occasion, occasion_names, setting, speaker_names,
                            speaker_occasion, theatre)

__all__ = ["Geocoder", "Place", "norm"]

_ARTICLE_WORDS = frozenset("al el ar as ash ad an az".split())
LOOKBACK = 6  # sentences searched back for a place when an act's own sentence names none
SPEAKER_OCCASION = True  # a statement takes the one occasion the article places its speaker at (place_setting)
AUDIENCE = True  # words told to an audience are said where it is gathered (place_audience)
HOME_CUSTODY = True  # a state holds, frees, expels or shelters people at home, in whatever clause it is told


class Geocoder(Gazetteer):
    """Offline geocoder. Build once per process (``Geocoder.default()``); ``locate`` per event."""

    def __init__(self, min_population: int = 15000, cache: bool = True):
        super().__init__(min_population, cache)
        self._scan_key, self._scan = None, ([], [])

    @classmethod
    def default(cls) -> "Geocoder":  # one per process
        return _default_geocoder()

    # -- the event's place ------------------------------------------------------------------
    def locate(self, sent, trigger_index: int, article=None, *, cameo: str | None = None,
               quad_class: int | None = None, source_country: str | None = None,
               target_country: str | None = None, dateline: bool = True, actors=(),
               negated: bool = False, speaker: str | None = None) -> dict | None:
        """The place of the event whose trigger is token ``trigger_index`` of ``sent``'s doc, as a
        location dict (see docs/schema.md), or None. ``cameo``, ``quad_class`` and the source actor's
        country, where given, sharpen the choice (statements, dateline fallback); ``actors``, the (start, end)
        token spans of its source and target, are never its place; ``article`` (its title and text) gives
        the places named before the event's sentence, parsed or not; ``speaker``, the name the source resolves to
        (a pronoun's antecedent). An act that did not happen (``negated``) takes only a place its sentence ties to it."""
        doc = sent.doc
        trigger = doc[trigger_index]
        if _by_phone(trigger):
            return None  # a call has no one place
        negated = negated or _proposed(trigger)
        cands = self._candidates(sent)
        if article is not None and getattr(article, "text", None):
            cands = cands + self._country_before(sent, cands, article)
        # a statement's place is said next to it ("said in Tehran"); places deeper in its object are
        # what it is about ("rejected calls for a ceasefire in Idlib"); "troops backed by X" is no statement
        lemma = trigger.lemma_.lower()
        held = lemma in MEETING or lemma == "meet"  # a meeting, held or planned, is where it is held
        verbal = (((cameo or "")[:2] in SPEECH_ROOTS or lemma in SPEECH_VERBS or _words_of(trigger, actors)
                   or _words_sent(trigger))  # "gave their views": words, whatever the code
                  and (lemma not in MOVE or _words_sent(trigger))
                  and lemma not in _MATERIAL and not held
                  and (lemma not in ATTACK and lemma not in DIRECT or (cameo or "")[:2] in WORDS_OF_CONFLICT
                       or _words_of(trigger, actors))
                  and not (trigger.dep_ == "acl" and trigger.tag_ == "VBN")
                  and not (lemma in SUPPORT and trigger.tag_ in ("VB", "VBG")))
        # "US support for militias in Syria": a noun of support takes a place its object names, but none from the article
        limit = (3.0 if lemma in SUPPORT and trigger.tag_ == "NN" else 2.0) if verbal else MAX_DISTANCE
        best, best_d = None, limit + 0.01
        for c in cands:
            d = _distance(c, trigger)
            if verbal:
                m = _at_meeting(c, trigger)
                m = _speaking(c, trigger) if m is None else m
                d = m if m is not None and (d is None or m < d) else d
            if d is not None and d < best_d:
                best, best_d = c, d
        if best is not None:
            # a finer place of the same country wins when close by ("in Afrin, in Syria's north-west") or inside
            # the phrase the coarser one attaches to ("shootings in the US, including one in Gilroy")
            # or is what the coarser one places ("from Kennedy Space Center in Florida"), or is the country's ("in
            # Syria's far eastern Deir ez-Zor province", however the parser hangs the province), or holds the coarser
            # one in its own phrase ("Raqqa, the militants' capital in Syria", "X, a town in Idlib province")
            role = _role(best, trigger)
            at = role[0] if role is not None else best[2]  # "while visiting Beijing": the place itself
            for c in cands:
                d = _distance(c, trigger)
                if (c is not best and c[3].country == best[3].country
                        and _RANK[c[3].precision] < _RANK[best[3].precision]
                        and (best[3].precision == "country" or c[3].admin1 == best[3].admin1)
                        and (d is not None and (d <= best_d + 1 or _under(c[2], at))
                             or c[2].i == at.i and at.i != trigger.i or _possessed(best, c)
                             or _under(best[2], c[2]))):
                    best, best_d = c, d if d is not None else best_d
            return self._from_sentence(best, sent)
        if verbal and AUDIENCE and article is not None:  # "telling delegates", "will ask the congregation"
            found = audience(self, article, trigger, cands)
            if found is not None:
                return _record(*found)
        if verbal:
            found = self._addressee(trigger, actors, target_country, article, sent)
            if found is not None:
                return found
        if dateline and article is not None and getattr(article, "place", None):
            found = self._dateline(article.place, cands, doc, quad_class, source_country)
            if found is not None:
                return found
        home = self._sitting(trigger, actors, source_country, article, sent)
        if home is None and (cameo or "") in LEGAL:
            home = self._legal(doc, actors, source_country, target_country, article, sent)
        if verbal and home is None and article is not None and trigger.pos_ == "VERB" and trigger.dep_ not in _NOT_OWN:
            # said at the gathering the story is set at (not another's reported act, nor a noun's background)
            found = setting(self, article, sent, LOOKBACK, source_country, speaker_names(doc, actors[:1]))
            found = lead(self, article, sent) if found is None else found  # or where the next sentence has the speaker
            found = arrival(self, article, sent) if found is None else found  # or at a meeting where one just arrived
            if found is None and actors:  # or where a sentence just before placed the same speaker
                pronoun = all(t.tag_ == "PRP" for t in doc[actors[0][0]:actors[0][1]])
                found = occasion(self, article, sent, speaker_names(doc, actors[:1]), pronoun or aside(trigger))
                if found is None and SPEAKER_OCCASION:  # or the one place the article gives the speaker's occasion
                    names = occasion_names(doc[actors[0][0]:actors[0][1]], speaker_names(doc, actors[:1]), speaker,
                                           pronoun)
                    found = speaker_occasion(self, article, sent, names)
            home = _record(*found, None, None, "article") if found is not None else None
        if verbal or negated:
            return home
        mentioned = self._mentioned(trigger, cands, actors)
        if mentioned is not None:
            return self._from_sentence(mentioned, sent)
        if home is not None:
            return home
        abroad = None  # an attack on troops or bases of a state, which serve abroad: the story's place comes first
        if target_country and (cameo or "")[:2] in FORCE_ROOTS and target_country in self.countries:
            found = self._target(doc, cands, actors, target_country)
            if found is not None and (found["how"] != "target" or not _deployed(doc, actors)):
                return found
            abroad = found
        found = None
        sanction = (cameo or "")[:2] == "16" or (cameo or "")[:3] in SANCTIONS
        if sanction:
            pass  # imposed from home, not where the story is ("restrictions on flights to Cuba")
        elif trigger.dep_ in ("relcl", "acl") and not _struck(trigger, cameo, actors):
            pass  # what a noun's clause tells of it is its background ("the alliance, which has bombed ...")
        elif article is not None and getattr(article, "text", None):
            at = article.text.find(sent.text.strip())
            found = self._before(article, at, doc, {source_country, target_country}) if at >= 0 else self._recent(sent)
            war = elsewhere(self, article, sent, found["country"], {source_country, target_country}) if (
                found is not None and (cameo or "")[:2] in FORCE_ROOTS) else None
            found = _record(*war, None, None, "article") if war is not None else found
        else:
            found = self._recent(sent)
        if found is None and abroad is not None:
            return abroad
        if (found is None and quad_class == 4 and (cameo or "")[:2] not in ("14", "16") and not sanction
                and not ((cameo or "") in CUSTODY and source_country) and getattr(article, "text", None)):
            # a fight or coercion no nearer sentence places (not a protest, nor a state holding people, at home): in the
            # country the story is set in
            war = theatre(self, article, sent)
            found = _record(*war, None, None, "article") if war is not None else None
        custody = (cameo or "") in CUSTODY and not _deployed(doc, actors[:1], everyone=True)
        if (source_country and (target_country in (None, source_country) or custody) and source_country in self.countries
                and (cameo or "")[:2] not in FORCE_ROOTS | {"16"} and quad_class in (2, 4)
                and (trigger.dep_ not in ("xcomp", "ccomp", "advcl", "acl", "relcl", "pcomp")
                     or HOME_CUSTODY and custody and trigger.dep_ in ("ccomp", "advcl"))
                and (found is None or found["country"] != source_country)):
            # a domestic act (its target none or of its own country) reported as done, not urged or planned
            # ("urged the rebels to release"), whose article names no place in its country before it: in its
            # country ("Zimbabwe's Robert Mugabe resigned", not a place of the story before it)
            return _record(self.countries[source_country], self.countries[source_country].name, None, None, "source")
        if (found is not None and source_country and found["country"] != source_country and quad_class != 4
                and not held):
            return None  # a foreign state's aid, pledge or policy is not done where the story is ("China pledged")
        parties = {source_country, target_country} - {None}
        if found is not None and held and found["how"] == "article" and parties and found["country"] not in parties:
            return None  # a meeting of no party of the story's country ("a senator met a minister", story on Syria)
        return found

    def _target(self, doc, cands, actors, iso3: str) -> dict | None:
        """An attack whose sentence places it nowhere, at its target: a place the target names ("Turkey attacked
        Afrin"), else the target's state; not when the target is a craft ("shot down an Iranian drone")."""
        span = doc[actors[-1][0]:actors[-1][1]] if len(actors) > 1 else None
        if span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in EXCEPT:
            return None  # "raids on every province other than Idlib" were not in Idlib
        if span is not None:
            noun = span.root.head if span.root.dep_ in ("amod", "compound", "nmod") else span.root  # "a Russian jet"
            if noun.lemma_.lower() in CRAFT:
                return None
            for c in cands:
                if c[0] < span.end and span.start < c[1] and c[3].country == iso3 and not _qualifier(c[2], c[3]):
                    return self._from_sentence(c, span.sent)  # not "fought US special forces": whose they are
        return _record(self.countries[iso3], self.countries[iso3].name, None, None, "target")

    def _sitting(self, trigger, actors, iso3: str | None, article=None, sent=None) -> dict | None:
        """A country's court or legislature, the subject of the act's verb, acts in that country ("a Greek court
        ruled", "was jailed by a Greek judge"; not the troops' deployment "the Russian parliament approved"): a court
        where the article, before or after, places it in that country ("a court in Kilis, a border town")."""
        if not actors or not iso3 or iso3 not in self.countries:
            return None
        head = trigger.doc[actors[0][0]:actors[0][1]].root
        verb = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "agent" else head.head
        if head.lemma_.lower() not in SITTING or head.dep_ not in ("nsubj", "pobj") or verb.i != trigger.i:
            return None
        if head.lemma_.lower() in COURTS and article is not None:
            found = self._body_place(article, sent, "court", after=True)
            if found is not None and found["country"] == iso3:
                return found
        return _record(self.countries[iso3], self.countries[iso3].name, None, None, "source")

    def _legal(self, doc, actors, iso3, target, article, sent) -> dict | None:
        """A lawsuit, case, verdict or sentence whose sentence names no place: before the court the article places in
        the country of its source (a court, judge or police of no named country: the country the document mentions most),
        else in that country; none when the other side is of another country (a case between states)."""
        if not iso3 and actors and any(t.lower_ in JUSTICE for t in doc[actors[0][0]:actors[0][1]]):
            iso3 = self._dominant(doc)
        if not iso3 or iso3 not in self.countries or target not in (None, iso3):
            return None
        found = self._body_place(article, sent, "court", after=True) if article is not None else None
        if found is not None and found["country"] == iso3:
            return found
        return _record(self.countries[iso3], self.countries[iso3].name, None, None, "source")

    def _addressee(self, trigger, actors, iso3: str | None, article, sent) -> dict | None:
        """Words told to a body that sits in one place, where the sentence names none: to a legislature or its
        members, the act's target ("the minister told MPs", "spoke to lawmakers"), in the house the sentence before
        named ("in the Commons"), else in its country's capital; to "the court" (or tribunal, committee, inquiry), where
        the article's title or text before placed that body ("A Paris court ..."; "she told the court"); "in his speech"
        where the article placed the speech ("a speech in California")."""
        heads = [c for c in trigger.children if c.dep_ in ("dobj", "dative")]
        heads += [o for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("to", "in", "during")
                  for o in c.children if o.dep_ == "pobj" and (c.lower_ == "to") != (o.lemma_.lower() in ADDRESSES)]
        for noun in heads:
            low = noun.lemma_.lower()
            s0 = noun.idx - sent.start_char
            if ((noun.lower_ in LEGISLATORS or low in LEGISLATORS) and iso3 and len(actors) > 1
                    and actors[-1][0] <= noun.i < actors[-1][1]):
                house = self._house_before(article, sent)
                if house is not None:
                    return house
                cap = self.capital(iso3)
                return None if cap is None else _record(cap, noun.text, s0, s0 + len(noun.text), "sentence")
            if (any(c.lower_ == "the" or c.dep_ == "poss" and low in ADDRESSES for c in noun.children)
                    and low in BODIES | ADDRESSES and article is not None):
                found = self._body_place(article, sent, low, kinds=("city", "place", "admin1") * (low in ADDRESSES))
                if found is not None:
                    return found
        return None

    def _house_before(self, article, sent) -> dict | None:
        """A seat of power or other team-file site the article named in the sentence before ``sent`` ("exposed in the
        Commons on Monday. He told MPs: ..."): where the legislators just told of sit."""
        text = getattr(article, "text", None) if article is not None else None
        at = text.find(sent.text.strip()) if text else -1
        if at < 0:
            return None
        places, bounds = self.article_places(article, self._context(sent.doc))
        here = bisect.bisect_right(bounds, at)
        near = [(p, t) for pos, _, p, t in places if 0 <= pos < at and here - bisect.bisect_right(bounds, pos) <= 1]
        return _record(near[-1][0], near[-1][1], None, None, "article") if near and near[-1][0].kind == "place" else None

    def _body_place(self, article, sent, body: str, after: bool = False, kinds=()) -> dict | None:
        """Where the article placed a body ("a Paris court", "the court in Paris"): its mention nearest before
        ``sent``, else the title's (``after``: else the nearest after ``sent``)."""
        text = getattr(article, "text", None) or ""
        at = text.find(sent.text.strip())
        sources = [text[:at] if at >= 0 else "", getattr(article, "title", None) or ""]
        if after and at >= 0:
            sources.append(text[at:])
        for n, chunk in enumerate(sources):
            for m in (list if n == 2 else reversed)(list(_body_pattern(body).finditer(chunk))):
                words = (m.group(1) or m.group(2)).split()
                for k in range(len(words)):  # "A Paris court": "A Paris", then "Paris"
                    place = self.lookup(" ".join(words[k:]))
                    if place is not None and place.kind in (kinds or ("city", "place")):
                        return _record(place, " ".join(words[k:]), None, None, "article")
        return None

    @staticmethod
    def _from_sentence(c, sent) -> dict:
        start, end, _, place = c
        span = sent.doc[start:end]
        s0 = span.start_char - sent.start_char
        return _record(place, span.text, s0, s0 + len(span.text), "sentence")

    def _mentioned(self, trigger, cands, actors) -> tuple | None:
        """For an act whose sentence names places that no rule ties to its trigger: the one named nearest
        before the trigger (else after it) that is not its actor, a subject, a partner ("backed by X",
        "with X") or an origin ("diplomats from X"); a finer place of the same country in the sentence wins
        ("Raqqa" over "Syria")."""
        pool = []
        for c in cands:
            start, end, tok, place = c
            if any(a0 < end and start < a1 for a0, a1 in actors):
                continue
            nxt = tok.doc[end] if end < len(tok.doc) else None
            if nxt is not None and _capital(nxt) and nxt.text not in _SITES and nxt.lower_ not in REGION_WORDS:
                continue  # the head of a longer name ("Mahan Air")
            t = tok
            if _qualifier(t, place) or place.kind == "country" and (
                    t.dep_ == "appos" or t.dep_ == "poss" and t.head.lower_ not in OF_HEADS | REGION_WORDS):
                continue  # "its allies, particularly the US", "Turkey's lack of interest" (not "Syria's north")
            while t.dep_ in ("compound", "appos", "conj", "poss", "amod", "nmod") and t.head.i != t.i:
                t = t.head
            if t.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
                continue
            role = _role(c, trigger)
            if _topic(t) or role is not None and _other_conjunct(role[0], trigger) or _in_own_event(tok, trigger):
                continue
            if t.dep_ == "pobj" and (t.head.lower_ in _NOT_WHERE or _range(t.head)
                                     or t.head.lower_ == "on" and _words_on(t.head)
                                     or t.head.lower_ in MOVE_PREPS and _own_goal(trigger, t.head)
                                     or t.head.lower_ == "from" and (t.head.head.lemma_.lower() not in MOVE | WITHDRAW
                                                                     or _origin(t.head))):
                continue
            pool.append(c)
        if not pool:
            return None
        before = [c for c in pool if c[1] <= trigger.i]
        best = before[-1] if before else pool[0]
        finer = [c for c in pool if c[3].country == best[3].country
                 and _RANK[c[3].precision] < _RANK[best[3].precision]
                 and (best[3].precision == "country" or c[3].admin1 == best[3].admin1)]
        if finer:
            best = min(finer, key=lambda c: abs(c[0] - trigger.i))
        return best

    def _before(self, article, offset: int, doc, parties=()) -> dict | None:
        """The place phrase named nearest before character ``offset`` of the article's text, at most ``LOOKBACK``
        sentences back (any sentence, parsed or not), else one in the title; a country gives way to the last
        finer place in it named before (in that window or the title: "in Reading ... came to the UK"). A place
        named in passing (its country named once in the article, and no party's) is not the story's."""
        places, bounds = self.article_places(article, self._context(doc))
        here = bisect.bisect_right(bounds, offset)
        window = [(pos, place, text) for pos, _, place, text in places if pos < offset and (
            pos < 0 or here - bisect.bisect_right(bounds, pos) <= LOOKBACK) and not passing(place, places, parties)]
        found = window[-1] if window else None  # the title's come first: the nearest in the text, else the title's
        if found is not None and found[0] < 0:
            found = window[0]
        if found is not None and found[1].precision == "country":
            finer = [w for w in window if w[1].country == found[1].country and w[1].precision != "country"]
            found = finer[-1] if finer else found
        return None if found is None else _record(found[1], found[2], None, None, "article")

    def article_places(self, article, context: Counter | None = None) -> tuple[list, list]:
        """``([(start, end, Place, words)], sentence boundaries)``: the place phrases of the article's title
        (start -1) and text ("in X", "near the town of X", "travelled to X"), found without a parse by
        :func:`annales.place_scan.scan`; the last article's are cached."""
        key = (article.id, article.title, article.text)  # the same text object: compared by identity, at once
        if self._scan_key != key:
            places = [(-1, -1, p, t) for _, _, p, t in scan(self, article.title or "", context)[0]]
            found, bounds = scan(self, article.text, context)
            self._scan_key, self._scan = key, (places + found, bounds)
        return self._scan

    def place_of(self, trigger) -> tuple[int, int, str] | None:
        """(start token, end token, ISO3) of the gazetteer place an act happened at, found as in
        :meth:`locate` from the trigger token alone; None when its sentence names none."""
        best, best_d = None, MAX_DISTANCE + 0.01
        for c in self._candidates(trigger.sent):
            d = _distance(c, trigger)
            if d is not None and d < best_d:
                best, best_d = c, d
        return None if best is None else (best[0], best[1], best[3].country)

    def _recent(self, sent) -> dict | None:
        """The place phrase ("in X", "at X", "near X") nearest before ``sent`` in the article, at most
        ``LOOKBACK`` sentences back, for acts whose own sentence names no place."""
        doc = sent.doc
        before = [s for s in doc.sents if s.end <= sent.start][-LOOKBACK:]
        for prev in reversed(before):
            for start, end, tok, place in reversed(self._candidates(prev)):
                if _role((start, end, tok, place), tok.head) is not None or tok.dep_ == "pobj":
                    if tok.dep_ == "pobj" and tok.head.lower_ not in PLACE_PREPS:
                        continue
                    return _record(place, doc[start:end].text, None, None, "article")
        return None

    def _dateline(self, place_text: str, cands, doc, quad_class, source_country) -> dict | None:
        """Only when the sentence names no place and the actor is not from another country: statements at
        the dateline place, material acts (quad class 2, 4) only in its country (anywhere in it)."""
        parts = [p.strip() for p in re.split(r"[,/]", place_text) if p.strip()]
        if not parts:
            return None
        context = self._context(doc)
        for p in parts[1:]:
            hint = self.lookup(p)
            if hint:
                context = context + Counter({hint.country: 3})
        place = self.lookup(parts[0], context)
        if (place is None or any(c[3].kind != "country" or c[3].country != place.country for c in cands)
                or source_country and source_country != place.country):
            return None
        if quad_class in (2, 4) and place.precision != "country":
            country = self.countries.get(place.country)
            return _record(country, place_text, None, None, "dateline") if country else None
        return _record(place, place_text, None, None, "dateline")

    def _candidates(self, sent) -> list[tuple]:
        """(start, end, head token, Place) per place name in ``sent``, cached on the doc."""
        cache = sent.doc.user_data.setdefault("annales.places", {})
        key = ("sent", sent.start)
        if key not in cache:
            doc = sent.doc
            spans = list(self._spans(doc, sent.start, sent.end))
            mentioned = self._context(doc) + self._mentions(doc, sent.start, sent.end, spans)
            context = Context.of({k: min(1.0, v) for k, v in mentioned.items()}, self._context(doc).home)
            out = []
            for n, (start, end, region) in enumerate(spans):
                near = Context.of(context, context.home)
                for s2, e2, _ in spans[n + 1:n + 2]:  # "Tripoli, Lebanon", "Tripoli in northern Lebanon"
                    if s2 - end <= 3 and all(t.is_punct or t.lower_ in ("in", "of") or t.pos_ == "ADJ"
                                             for t in doc[end:s2]):
                        given = self.lookup(_strip_cue(doc[s2:e2].text))
                        if given is not None and given.kind in ("country", "admin1", "place"):
                            near[given.country] = 3.0
                span = doc[start:end]
                if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in AFFILIATED:
                    continue  # "Russia-backed separatists"
                place = self.lookup(_strip_cue(span.text), near, region)
                if place is None:
                    continue
                root = span.root
                if place.kind == "country" and root.dep_ == "poss" and _seat(root.head):
                    # "in Argentina's National Congress": the country's capital
                    place = self.capital(place.country) or place
                out.append((start, end, root, place))
            out.extend(self._implicit(sent, out))
            out.sort(key=lambda c: c[0])
            cache[key] = out
        return cache[key]

    def _country_before(self, sent, cands, article) -> list:
        """"the country" / "the nation" (or "the capital") in a sentence that names no country before it: the country
        (or its capital) of the place the article named last before the sentence (at most ``LOOKBACK`` sentences back;
        "she went to work in Lebanon ... at a hospital in the south of the country"), else of the country the document
        mentions most; "the city" / "the town": that place, when it is a city."""
        nouns = [t for t in sent if (_the_country(t) or _the_capital(t, "capital") or _the_capital(t, "city", "town"))
                 and not any(c[0] <= t.i < c[1] for c in cands)]
        if not nouns:
            return []
        at = article.text.find(sent.text.strip())
        if at < 0:
            return []
        places, bounds = self.article_places(article, self._context(sent.doc))
        here = bisect.bisect_right(bounds, at)
        before = [p for pos, _, p, _ in places if 0 <= pos < at and here - bisect.bisect_right(bounds, pos) <= LOOKBACK]
        iso3 = before[-1].country if before else self._dominant(sent.doc)
        country = self.countries.get(iso3) if iso3 else None
        if country is None:
            return []
        city = before[-1] if before and before[-1].precision == "city" else None  # "in Homs ... in the city"
        found = {"country": country, "capital": self.capital(country.country), "city": city}
        out = [(t, found["capital" if _the_capital(t, "capital") else "city" if _the_capital(t, "city", "town")
                         else "country"]) for t in nouns]
        return [(t.i, t.i + 1, t, place) for t, place in out if place is not None]

    def _dominant(self, doc) -> str | None:
        """The country the document mentions most (names, places, demonyms), when one leads."""
        top = self._context(doc).most_common(2)
        return top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None

    def _implicit(self, sent, named: list) -> list:
        """Places a sentence gives without a gazetteer name: a seat of power or the capital named by a demonym ("at the
        Turkish parliament", "in the Turkish capital": Ankara), and "the country" / "the nation" / "the capital" after a
        country the sentence names ("banned the airline from flying in the European nation")."""
        out = []
        for t in sent:
            if t.text in self.demonyms and t.dep_ in ("amod", "compound", "nmod") and (
                    _seat(t.head) or t.head.lemma_.lower() == "capital" and t.head.tag_ == "NN"):
                cap = self.capital(self.demonyms[t.text])
                if cap is not None:
                    out.append((t.i, max(t.i, t.head.i) + 1, t, cap))
            elif _the_country(t) or _the_capital(t, "capital"):
                before = [c for c in named if c[1] <= t.i and c[3].kind == "country"]
                place = before[-1][3] if before else None
                if place is not None and _the_capital(t, "capital"):
                    place = self.capital(place.country)
                if place is not None:
                    out.append((t.i, t.i + 1, t, place))
        return out

    def _spans(self, doc, lo: int, hi: int):
        """Longest runs of capitalised words (with connectors such as "al-", "de") that the gazetteer
        knows, with a region cue flag ("Idlib province", "the province of Idlib")."""
        w = _words(doc)
        text, lower, cap, ent, pos = w.text, w.lower, w.cap, w.ent, w.pos
        demonyms, index = self.demonyms, self.index
        i = lo
        while i < hi:
            tx = text[i]
            demonym = tx in demonyms
            if not (cap[i] or demonym or lower[i] in _ARTICLE_WORDS):
                i += 1  # no name starts here (the common case, decided from the table alone)
                continue
            # the small model calls some towns NORP ("in Aleppo"): a proper noun that is no demonym may be one
            norp_town = ent[i] == "NORP" and pos[i] == "PROPN" and not demonym
            if demonym and i + 1 < hi and cap[i + 1]:  # "Iraqi Kurdistan"
                longer = next((n for n in range(min(MAX_SPAN, hi - i), 1, -1) if w.name_like(i, i + n)
                               and norm(w.span_text(i, i + n)) in index), None)
                if longer is not None and self._plausible(doc, i, i + longer):
                    yield i, i + longer, False
                    i += longer
                    continue
            article = (lower[i] in _ARTICLE_WORDS and i + 2 < hi and text[i + 1] == "-"
                       and cap[i + 2])  # "al - Shayrat", as the tokenizer splits it
            if (not cap[i] and not article or ent[i] in _NOT_PLACE and not norp_town or tx in CALENDAR_WORDS
                    or pos[i] in _NOT_NAME):
                i += 1
                continue
            found = next((n for n in range(min(MAX_SPAN, hi - i), 0, -1) if w.name_like(i, i + n)
                          and norm(w.span_text(i, i + n)) in index), None)
            if found is None:
                i += 1
                continue
            end = i + found
            if end < hi and lower[end] in SITE_NOUNS and norm(w.span_text(i, end + 1)) in index:
                end += 1  # "at Waterloo station": the station, not a town named Waterloo
            if not self._plausible(doc, i, end):
                i = end
                continue
            after = end < hi and lower[end] in REGION_WORDS  # "Idlib province", "province of Idlib"
            before = i - 2 >= lo and lower[i - 1] == "of" and lower[i - 2] in REGION_WORDS
            # "Idlib, a province of some three million people", "Idlib, Syria's last rebel-held province"
            appos = any(c.dep_ == "appos" and c.lower_ in REGION_WORDS for c in doc[end - 1].children)
            yield i, end + after, after or before or appos
            i = end

    def _plausible(self, doc, start: int, end: int) -> bool:
        """A place name here? Not a word that is a town's alternate name ("She", "Since"), the head of a longer
        name ("European Union"), a person ("Khan"); an alternate name only where the tagger says GPE/LOC/FAC."""
        span = doc[start:end]
        if span[-1].pos_ not in _NAME_POS or len(span.text) == 2 and not span.text.isupper():
            return False  # "us" is no "US"
        if (end - start == 1 and span[0].pos_ == "NOUN" and span[0].is_sent_start
                and span[0].ent_type_ not in ("GPE", "LOC", "FAC")):
            return False  # a common noun capitalised as the sentence's first word: "Police fired" (not Police, Poland)
        label = doc[start].ent_type_
        if label:  # the entity the match starts in, found from the IOB tags (no scan of doc.ents)
            e0, e1 = start, start + 1
            while e0 > 0 and doc[e0].ent_iob_ == "I":
                e0 -= 1
            while e1 < len(doc) and doc[e1].ent_iob_ == "I":
                e1 += 1
            while e0 < start and (doc[e0].lower_ == "the" or doc[e0].tag_ == "POS" or doc[e0].is_punct):
                e0 += 1  # "the", or a possessive the tagger put in front ("regime 's al-Shayrat")
            if (e1 - e0 > end - start and label not in ("GPE", "LOC") and (e1 == end or label != "FAC")
                    and not (e0 == start and (_sits(doc[e1 - 1]) or e1 == end + 1 and doc[end].text in _SITES))):
                # "University of Cambridge", "Mahan Air"; not "Aleppo airport", "the Commons committee", nor a site
                # named for its town ("at Baghdad University": in Baghdad; places.tsv knows those that are not)
                return False
        key = norm(_strip_cue(span.text))
        key = key if key in self.index else norm(span.text)
        hits = self.index[key]  # "Southern State"
        best = self.entries[max(self.named(key), key=lambda h: self._score(h, None, False))[0]]
        primary = any(p for _, p in hits)
        if label == "PERSON" and end < len(doc) and doc[end].lower_ in REGION_WORDS and best.kind != "country":
            return True  # "to enter Idlib province": no person is followed by "province"
        if label == "PERSON" and place_slot(span.root) and best.country in self._named(doc):
            return True  # the tagger's person where the parse wants a place ("bombed Douma" in a story on Syria)
        if label == "PERSON" and self._placed_in(doc, end, best.country):
            return True  # "jets struck Kafr Zita in the Hama countryside": a town in a region of its country
        if label == "PERSON" and not (best.kind in ("country", "place", "admin1") or best.pop >= 500_000):
            return False
        if not primary and end - start == 1 and label not in ("GPE", "LOC", "FAC"):
            return False
        if (end - start == 1 and not label and best.kind == "city" and best.pop < _SMALL_TOWN
                and best.country not in self._named(doc)):
            return False  # "cursing God" (Göd): an untagged word that is only a small town of a country never named
        return True

    def _placed_in(self, doc, end: int, iso3: str) -> bool:
        """Tokens from ``end`` read "in"/"near" (the, a direction ...) and a name the gazetteer places in ``iso3``."""
        if end >= len(doc) or doc[end].lower_ not in ("in", "near"):
            return False
        w = _words(doc)
        for k in range(end + 1, min(end + 5, len(doc))):
            if not w.cap[k]:
                continue
            for n in range(min(MAX_SPAN, len(doc) - k), 0, -1):
                place = self.lookup(_strip_cue(w.span_text(k, k + n))) if w.name_like(k, k + n) else None
                if place is not None:
                    return place.country == iso3
            return False
        return False

    def _named(self, doc) -> set:
        """Countries the document names in one word or by a demonym ("Syria", "Syrian"), without a gazetteer scan."""
        cache = doc.user_data.setdefault("annales.places", {})
        if "named" not in cache:
            words = set(_words(doc).text)
            cache["named"] = {self.demonyms[w] for w in words if w in self.demonyms} | {
                iso for iso, c in self.countries.items() if c.name in words}
        return cache["named"]

    def _mentions(self, doc, lo: int, hi: int, spans=None) -> Counter:
        """Countries named (unambiguously) or meant by a demonym in tokens [lo, hi) (``spans``: its
        :meth:`_spans`, when the caller has them)."""
        demonyms = self.demonyms
        out = Counter(demonyms[t] for t in _words(doc).text[lo:hi] if t in demonyms)
        for start, end, region in spans if spans is not None else self._spans(doc, lo, hi):
            hits = self.index.get(norm(_strip_cue(doc[start:end].text)), ())
            # an alternate name of a town elsewhere does not make a primary name ambiguous ("Quebec", "New Britain")
            hits = [h for h in hits if h[1]] or hits
            countries = {self.entries[i].country for i, _ in hits}
            place = self.lookup(_strip_cue(doc[start:end].text), None, region)
            # only what is not itself ambiguous: "Tripoli" is no evidence for Libya
            if place is not None and (len(countries) == 1 or place.kind in ("country", "place")):
                out[place.country] += 1
        return out

    def _context(self, doc) -> Counter:
        """Countries the whole document mentions (names, places, demonyms), counted once per doc."""
        cache = doc.user_data.setdefault("annales.places", {})
        if "doc" not in cache:
            c = self._mentions(doc, 0, len(doc))
            top = c.most_common(2)
            home = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
            cache["doc"] = Context.of({k: min(v, 2) * 0.25 for k, v in c.items()}, home)
        return cache["doc"]


_SMALL_TOWN = 100_000  # people: an untagged one-word name of a town smaller than this needs its country named
_RANK = {"city": 0, "region": 1, "country": 2}
_NOT_OWN = frozenset({"relcl", "acl", "pcomp", "ccomp"})  # a clause of reported words or of a noun's background
_NAME_POS = frozenset({"PROPN", "NOUN"})
_NOT_NAME = frozenset({"DET", "PRON", "ADP", "SCONJ", "CCONJ", "AUX", "PART", "ADV", "NUM"})
_NOT_PLACE = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"})


def _deployed(doc, actors, everyone: bool = False) -> bool:
    """The act's target (``everyone``: any of ``actors``) is troops, bases or the like ("two British soldiers",
    "Iranian bases")."""
    spans = actors if everyone else actors[1:][-1:]
    return any(doc[a:b].root.lower_ in DEPLOYED for a, b in spans)


def _sits(tok) -> bool:
    """A body that sits where its name says: "a Commons select committee", "Moscow City Court"."""
    return tok.lemma_.lower() in BODIES or _seat(tok)


@lru_cache(maxsize=None)
def _body_pattern(body: str):
    """Capitalised words before a body noun ("Paris court"), or after it and "in"/"at" ("court in Paris", "District
    Court for the Southern District of Ohio in Columbus"); the first form leaves the noun to the second."""
    word = r"(?!(?:The|A|An|This|That|Its|His|Her|Their)\b)[A-Z][\w'\u2019-]*"  # "The court in Kilis": not "The"
    name = rf"((?:{word}\s+){{0,2}}{word})"
    its_name = r"(?:(?:for|of)\s+(?:(?:the|of|for)\s+|[A-Z][\w.'\u2019-]*\s+){1,8}?)?"  # "for the Western District of X"
    return re.compile(rf"{name}(?=\s+(?:[a-z]+\s+)?(?i:{body})s?\b)"
                      rf"|\b(?i:{body})s?\s+{its_name}(?:in|at)\s+(?:the\s+(?:town|city|village)\s+of\s+)?{name}")


def _strip_cue(text: str) -> str:
    words = text.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in REGION_WORDS else text


class _Words:
    """A doc's tokens for the place-name scan (:meth:`Geocoder._spans`): the columns of
    :class:`annales.parse.Tokens`, and per token whether it is capitalised (:func:`_capital_word`) and
    whether it may sit inside a name (:func:`annales.place_rules._name_like`)."""

    __slots__ = ("table", "text", "lower", "ent", "pos", "cap", "namey")

    def __init__(self, doc):
        self.table = table = tokens(doc)
        self.text, self.lower, self.ent, self.pos = table.text, table.lower, table.ent, table.pos
        self.cap = [_capital_word(t) for t in self.text]
        self.namey = [c or low in CONNECTORS or t == "-" for c, low, t in zip(self.cap, self.lower, self.text)]

    def name_like(self, start: int, end: int) -> bool:
        """:func:`annales.place_rules._name_like` of the tokens [start, end)."""
        return self.cap[end - 1] and all(self.namey[start:end])

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``."""
        return self.table.span_text(start, end)


def _words(doc) -> _Words:
    """The doc's :class:`_Words`, built once per doc."""
    cache = doc.user_data.setdefault("annales.places", {})
    words = cache.get("words")
    if words is None:
        words = cache["words"] = _Words(doc)
    return words


def _record(place: Place, text: str, start, end, how: str) -> dict:
    r = lambda v: None if v is None else round(v, 4)  # noqa: E731
    return {"name": place.name, "country": place.country, "admin1": place.admin1,
            "lat": r(place.lat), "lon": r(place.lon), "precision": place.precision, "text": text,
            "start": start, "end": end, "how": how, "geonameid": place.geonameid, "admin1_code": place.admin1_code}


_default_geocoder = lru_cache(maxsize=1)(Geocoder)

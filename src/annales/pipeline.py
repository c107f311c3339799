"""The pipeline: Article -> parse -> actors -> events -> dates -> Event records.

``Pipeline`` holds the loaded model and the steps; ``pipeline(article)`` codes one article and
``pipeline.pipe(articles, workers=N)`` codes a stream with N worker processes, each loading the model
once, with a bounded number of articles in flight so memory stays flat on input of any size.
"""

from __future__ import annotations

import hashlib
import multiprocessing as mp
import os
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from . import __version__, ontology
from .actors import ActorFinder, ActorPhrase
from .generic_targets import DEFAULT_ROOTS
from .confidence import Calibrator
from .config import load_settings
from .dates import resolve_date
from .events import EventCoder, RawEvent
from .focus import localise, outlet_country
from .genres import GenreFinder
from .kb import KnowledgeBase
from .lexicon import Lexicon, default_lexicon
from .named_in_full import named_in_full
from .nonpolitical import not_political
from .parse import limit_blas_threads, load_model, prepare
from .prefilter import Prefilter, Selection
from .relations import Rejected, fallback_for, user_dictionaries
from .records import Actor, Article, Event, Mention, Trigger, event_id

_VERSION_SETTINGS = (("coder", ("intent_codes", "unaimed_force", "generic_target_roots", "learned_fallback",
                                "learned_min_probability", "countryless_actors", "min_confidence", "political_only",
                                "calibrated_confidence", "named_in_full")),
                     ("places", ("geocode", "dateline_fallback")), ("speed", ("prefilter",)),
                     ("focus", ("enabled", "antecedents", "office_holders", "short_names", "regimes", "min_mentions",
                                "min_share", "sectors", "outlet_home", "outlet_sectors", "outlets_abroad",
                                "placed_sectors", "placed_government_sectors")),
                     ("genres", ("skip", "min_per_100_words", "min_distinct_terms", "min_mentions")))


# modules that play no part in coding an article (storage, interfaces, evaluation, the merge and story
# steps that run over stored events): a change to them does not make a store re-code. Every other module of
# the package does, a new one included.
_NOT_CODING = frozenset({"api.py", "batch.py", "cli.py", "errors.py", "evaluate.py", "export.py", "formats.py",
                         "merge.py", "query.py", "spark.py", "store.py", "store_pg.py", "stories.py", "warc.py",
                         "watch.py"})


def _coding_files() -> list[Path]:
    """The files whose content decides how an article is coded: the knowledge files (every ``data/*.tsv``), the
    shipped models' descriptions (which carry their checksums) and the source of the coding modules."""
    here = Path(__file__).resolve().parent
    files = sorted((here / "data").glob("*.tsv"))
    files += sorted((here / "data" / "models").glob("*.json"))
    files += sorted(p for p in here.glob("*.py") if p.name not in _NOT_CODING)
    return files


def coder_version(settings: dict | None = None) -> str:
    """``annales-<version>+<hash>`` of the knowledge files, the coding modules' source, the spaCy model's
    version and the settings that change coding: changes whenever coding could change (so a store
    re-codes its articles)."""
    import json

    h = hashlib.sha1()
    for path in _coding_files():
        if path.exists():
            h.update(path.name.encode() + b"\0" + path.read_bytes())
    if settings is not None:
        chosen = {sec: {k: settings.get(sec, {}).get(k) for k in keys} for sec, keys in _VERSION_SETTINGS}
        chosen["model"] = _model_version(settings.get("model", {}).get("name"))
        h.update(json.dumps(chosen, sort_keys=True, default=str).encode())
    return f"annales-{__version__}+{h.hexdigest()[:8]}"


def _model_version(name: str | None) -> str | None:
    """``name==version`` of an installed spaCy model package (``None`` when it is not a package)."""
    if not name:
        return None
    from importlib import metadata

    for dist in (name, name.replace("_", "-")):
        try:
            return f"{name}=={metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return name


@dataclass
class CodedArticle:
    """An article with the events and actor mentions coded from it, its genre (``annales.genres``;
    articles of the genres of ``[genres] skip`` get no events) and its number of sentences."""

    article: Article
    events: list[Event] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    genre: str | None = None
    sentences: int = 0


class Pipeline:
    """Codes articles into events. Steps: spaCy parse, :class:`ActorFinder`, :class:`EventCoder`,
    date resolution. Knowledge (KB, lexicon) and settings can be swapped in."""

    def __init__(self, settings: dict | None = None, *, nlp=None, kb: KnowledgeBase | None = None,
                 lexicon: Lexicon | None = None):
        self.settings = settings or load_settings()
        self._nlp = nlp
        self._nlp_ready = False
        self._blas = str(self.settings.get("speed", {}).get("blas", "numpy"))
        self.kb = kb
        self.lexicon = lexicon or default_lexicon()
        self.user_verbs = user_dictionaries(self.lexicon)  # PETRARCH verb dictionaries (their suites, their codes)
        self.version = coder_version(self.settings)
        self._finder = None
        self._prefilter = None
        self._geocoder = None  # annales.places.Geocoder, built on first use when [places] geocode is on
        self.genre_of = GenreFinder.from_settings(self.settings)
        self.calibrate = Calibrator() if self.settings["coder"].get("calibrated_confidence", True) else None
        self.skip_genres = frozenset(self.settings.get("genres", {}).get("skip", ()))
        self.coder = EventCoder(self.lexicon, intent_codes=bool(self.settings["coder"].get("intent_codes", True)),
                                places=self._place_of,
                                unaimed_force=bool(self.settings["coder"].get("unaimed_force", True)),
                                generic_target_roots=self.settings["coder"].get("generic_target_roots", DEFAULT_ROOTS))

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_model(self.settings["model"]["name"])
        if not self._nlp_ready:  # a model passed in is prepared the same way
            prepare(self._nlp, self._blas, bool(self.settings.get("speed", {}).get("fast_ruler", True)))
            self._nlp_ready = True
        return self._nlp

    @property
    def finder(self) -> ActorFinder:
        if self._finder is None:
            self._finder = ActorFinder(self.nlp, self.kb)
            self._finder.countryless = bool(self.settings["coder"].get("countryless_actors", True))
            self._finder.event_nouns = frozenset(k for k, pats in self.lexicon.nouns.items() if any(p.code for p in pats))
        return self._finder

    @property
    def prefilter(self) -> Prefilter | None:
        """The sentence prefilter (None when ``[speed] prefilter = false``: every sentence is parsed)."""
        if self._prefilter is None and self.settings.get("speed", {}).get("prefilter", True):
            self._prefilter = Prefilter(self.nlp, self.finder, self.lexicon, pairs=fallback_for(self) is not None)
        return self._prefilter

    @property
    def geocoder(self):
        """The offline geocoder (None when ``[places] geocode = false``); one per process."""
        if self._geocoder is None and self.settings.get("places", {}).get("geocode", True):
            from .places import Geocoder

            self._geocoder = Geocoder.default()
        return self._geocoder

    def _place_of(self, trigger):
        geo = self.geocoder
        return geo.place_of(trigger) if geo is not None else None

    def _location(self, article: Article, sent, raw: RawEvent, quad_class: int) -> dict | None:
        geo = self.geocoder
        if geo is None:
            return None
        return geo.locate(sent, raw.trigger, article, cameo=raw.code, quad_class=quad_class,
                          source_country=raw.source.country,
                          target_country=raw.target.country if raw.target else None,
                          dateline=bool(self.settings.get("places", {}).get("dateline_fallback", True)),
                          actors=[(p.start, p.end) for p in (raw.source, raw.target) if p is not None],
                          negated=raw.negated, speaker=raw.source.name)

    # -- one article ------------------------------------------------------------------------
    def __call__(self, article: Article) -> CodedArticle:
        return next(self._code_batch([article]))

    def _chunks(self, text: str) -> list[tuple[int, str]]:
        """Split very long texts at paragraph breaks so spaCy's memory stays bounded."""
        limit = int(self.settings["model"]["max_chunk_chars"])
        if len(text) <= limit:
            return [(0, text)]
        out, start = [], 0
        while start < len(text):
            end = min(len(text), start + limit)
            if end < len(text):
                cut = text.rfind("\n", start + limit // 2, end)
                end = cut + 1 if cut > 0 else end
            out.append((start, text[start:end]))
            start = end
        return out

    def _code_batch(self, articles: list[Article]) -> Iterator[CodedArticle]:
        pre = self.prefilter
        units = [(i, off, pre(chunk) if pre is not None else chunk)
                 for i, a in enumerate(articles) for off, chunk in self._chunks(a.text)]
        texts = (u[2] if isinstance(u[2], str) else u[2].doc(self.nlp) for u in units)
        docs = self.nlp.pipe(texts, batch_size=int(self.settings["model"]["batch_size"]))
        results = [CodedArticle(a, genre=self.genre_of(a)) for a in articles]
        sent_base = [0] * len(articles)
        for (i, offset, unit), doc in zip(units, docs):
            selection = None if isinstance(unit, str) else unit
            n = self.code_doc(results[i], doc, offset, sent_base[i], selection)
            sent_base[i] += n
        min_conf = float(self.settings["coder"]["min_confidence"])
        for r, n in zip(results, sent_base):  # the article's focus country for its domestic roles (annales.focus)
            r.sentences = n
            if self.settings["coder"]["named_in_full"] and self.finder.office_holders:  # "Mr Brown" after "Gordon Brown"
                named_in_full(r.events, r.article.text, r.article.published, r.article.content_hash)
            localise(r.events, r.mentions, r.article.content_hash, self.settings,
                     outlet_country(r.article.source, self.finder.kb, self.settings))
            if self.calibrate is not None:  # then the chance that each is right (annales.confidence)
                self.calibrate(r.events, n)
            r.events = [e for e in r.events if e.confidence >= min_conf]
        yield from results

    def code_doc(self, result: CodedArticle, doc, char_offset: int = 0, sent_offset: int = 0,
                 selection: Selection | None = None) -> int:
        """Code one parsed (piece of an) article into ``result``; returns its number of sentences.

        ``selection``: the doc is the prefilter's picked sentences of the piece (their sentence numbers
        and offsets are mapped back to the piece)."""
        article = result.article
        actors = self.finder(doc, when=article.published)
        where: dict[int, tuple[int, int]] = {}  # sentence start token -> (sentence index, start in the article)
        for n, s in enumerate(doc.sents):
            s = _trim(s)
            if selection is None:
                where[s.sent.start] = (n + sent_offset, s.start_char + char_offset)
            else:
                number, start = selection.locate(s.start_char)
                where[s.sent.start] = (number + sent_offset, start + char_offset)
        for p in actors.phrases:
            sent = _trim(doc[p.head].sent)
            index, start = where[sent.sent.start]
            result.mentions.append(Mention(article.id, index, _actor(p, doc, sent), start))
        discards = self.lexicon.discards  # a story discard (PETRARCH dictionaries) anywhere in the article voids it
        if result.genre in self.skip_genres or (discards is not None and discards.voids_story(article.text)):
            return len(where) if selection is None else selection.n_sentences
        political_only = bool(self.settings["coder"].get("political_only", True))
        user_verbs = political_only and self.user_verbs
        seen = set()
        raws = self.coder(doc, actors)
        # what the rules ruled no event binds the learned fallback (annales.relations.Rejected)
        coder = self.coder
        rejected = Rejected(list(getattr(coder, "rejected", ())), set(getattr(coder, "rejected_triggers", ())))
        coded = []
        for raw in raws:
            ev = self._event(article, doc, raw, *where[doc[raw.sent_start].sent.start])
            if political_only and not_political(ev, result.genre, user_verbs):
                rejected.events.append(raw)  # no political event: the fallback may not code the pair either
                continue
            coded.append(ev)
        learned = fallback_for(self)  # [coder] learned_fallback: classified pairs the rules left unlinked
        for raw, confidence in learned(doc, actors, raws, rejected) if learned is not None else []:
            ev = self._event(article, doc, raw, *where[doc[raw.sent_start].sent.start])
            ev.confidence, ev.method = confidence, "learned"  # annales.relations
            if not (political_only and not_political(ev, result.genre, user_verbs)):
                coded.append(ev)
        for ev in coded:
            if ev.event_id not in seen:
                seen.add(ev.event_id)
                result.events.append(ev)
        return len(where) if selection is None else selection.n_sentences

    def _event(self, article: Article, doc, raw: RawEvent, sentence_index: int, sentence_start: int) -> Event:
        sent = _trim(doc[raw.sent_start].sent)
        trig = doc[raw.trigger]
        source = _actor(raw.source, doc, sent)
        target = _actor(raw.target, doc, sent) if raw.target else None
        entry = ontology.lookup(raw.code)
        t_start = trig.idx - sent.start_char
        iso, precision, inferred, _how = resolve_date(sent.text, article.published, raw.tense, near=t_start, span=sent)
        return Event(
            event_id=event_id(article.id, article.content_hash, sentence_index, t_start, source, target, raw.code),
            article_id=article.id, sentence_index=sentence_index, sentence=sent.text,
            source=source, target=target, cameo=raw.code, cameo_root=raw.code[:2],
            plover=entry.plover, plover_mode=entry.plover_mode, quad_class=entry.quad_class,
            goldstein=entry.goldstein, date=iso, date_precision=precision, date_inferred=inferred,
            trigger=Trigger(trig.text, t_start, t_start + len(trig.text), trig.lemma_),
            negated=raw.negated, modality=raw.modality, location=self._location(article, sent, raw, entry.quad_class),
            confidence=_confidence(raw), coder_version=self.version,
            sentence_start=sentence_start)

    # -- streams ----------------------------------------------------------------------------
    def pipe(self, articles: Iterable[Article], workers: int = 1, chunk_size: int = 16) -> Iterator[CodedArticle]:
        """Code a stream of articles, in order. ``workers > 1`` parses in that many processes."""
        if workers <= 1:
            batch: list[Article] = []
            for a in articles:
                batch.append(a)
                if len(batch) >= chunk_size:
                    yield from self._code_batch(batch)
                    batch = []
            if batch:
                yield from self._code_batch(batch)
            return
        ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
        with ctx.Pool(workers, initializer=_init_worker, initargs=(self.settings, self.kb, self.lexicon)) as pool:
            pending: deque = deque()
            batch = []

            def submit(b):
                pending.append(pool.apply_async(_work, (b,)))

            for a in articles:
                batch.append(a)
                if len(batch) >= chunk_size:
                    submit(batch)
                    batch = []
                    while len(pending) >= workers * 3:  # bounded: a few chunks in flight per worker
                        yield from pending.popleft().get()
            if batch:
                submit(batch)
            while pending:
                yield from pending.popleft().get()


_WORKER: Pipeline | None = None


def _init_worker(settings: dict, kb: KnowledgeBase | None = None, lexicon: Lexicon | None = None) -> None:
    global _WORKER
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    limit_blas_threads(1)  # a forked worker inherits the parent's BLAS threads; workers are the parallelism
    _WORKER = Pipeline(settings, kb=kb, lexicon=lexicon)  # user dictionaries (--actors ...) reach workers
    _WORKER.finder  # load the model and build matchers once per process
    _WORKER.geocoder  # and the gazetteer
    _WORKER.prefilter  # and the sentence prefilter


def _work(batch: list[Article]) -> list[CodedArticle]:
    assert _WORKER is not None
    return list(_WORKER._code_batch(batch))


def _trim(sent):
    """A sentence without its leading and trailing whitespace tokens (paragraph breaks, the
    prefilter's joins), so its text is a piece of the article."""
    start, end = sent.start, sent.end
    while start < end - 1 and sent.doc[start].is_space:
        start += 1
    while end > start + 1 and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[start:end]


def _actor(p: ActorPhrase, doc, sent) -> Actor:
    span = doc[p.start:p.end]
    start = span.start_char - sent.start_char
    return Actor(text=span.text, start=start, end=start + len(span.text), code=p.code,
                 country=p.country, sector=p.sector, name=p.name)


def _confidence(raw: RawEvent) -> float:
    """A heuristic score in [0, 1]: specific verb patterns between actors with known countries score
    high; nominal, hypothetical and country-less events lower. Documented in docs/schema.md."""
    score = 0.45 + (0.0 if raw.by_noun else 0.15) + 0.05 * min(raw.pattern.specificity, 2)
    score += 0.1 * (raw.source.country is not None or raw.source.org is not None)
    score += 0.1 * (raw.target is not None and (raw.target.country is not None or raw.target.org is not None))
    score -= 0.15 * (raw.modality == "hypothetical")
    return round(max(0.05, min(0.99, score)), 2)

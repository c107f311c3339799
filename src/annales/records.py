"""The typed records that flow through the pipeline: one per concept.

    Article  ->  (parse)  ->  Mention (an actor found in a sentence)
                          ->  Event   (source Actor, target Actor, action codes, provenance)

Records are plain dataclasses; ``to_dict()`` gives the JSON-ready form documented in
``docs/schema.md`` and validated against ``annales/schema/event.schema.json``.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass
class Article:
    """One news article, after ingestion and cleaning.

    ``origin`` names where it came from ("path/to/file.jsonl:12") so messages can point at it.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None  # outlet or agency ("Reuters", "AP")
    authors: list[str] = field(default_factory=list)
    place: str | None = None  # dateline place ("GENEVA")
    origin: str | None = None
    meta: dict = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        """SHA-1 of the cleaned text and title: the identity used for re-coding and resume."""
        h = hashlib.sha1()
        h.update((self.title or "").encode("utf-8"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()

    def to_dict(self) -> dict:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        d["content_hash"] = self.content_hash
        return d


@dataclass
class Actor:
    """An actor at a character span of a sentence, resolved to a CAMEO-style code.

    ``code`` is country + sector ("USAGOV", "RUSMIL"), an organisation ("IGOUNO"),
    or a bare sector ("COP") when no country is known.
    """

    text: str
    start: int
    end: int
    code: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, REB, OPP, CVL, COP, BUS, MED, JUD, ...
    name: str | None = None  # canonical name ("Russia", "Vladimir Putin")

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Mention:
    """An actor mention found in an article (stored in the ``mentions`` table)."""

    article_id: str
    sentence_index: int
    actor: Actor  # its start/end count from the sentence's start, as an event's actors do
    sentence_start: int = 0  # offset of the sentence in the article text

    def to_dict(self) -> dict:
        return {"article_id": self.article_id, "sentence_index": self.sentence_index, **self.actor.to_dict(),
                "sentence_start": self.sentence_start}


@dataclass
class Trigger:
    """The word(s) that carry the action, with offsets in the sentence."""

    text: str
    start: int
    end: int
    lemma: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Event:
    """One coded event: who did what to whom, when, where, and the sentence that says so."""

    event_id: str
    article_id: str
    sentence_index: int
    sentence: str
    source: Actor
    target: Actor | None
    cameo: str  # leading zeros kept: "042"
    cameo_root: str  # "04"
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    date: str | None  # ISO date
    date_precision: str | None  # day, month, year
    date_inferred: bool  # True when no time expression was found and the publication date was used
    trigger: Trigger
    negated: bool = False
    modality: str = "asserted"  # asserted, reported, intended, hypothetical
    location: dict | None = None
    confidence: float = 0.5
    coder_version: str = ""
    method: str = "rules"  # "rules" (the lexicon's patterns) or "learned" (annales.relations' classifier)
    sentence_start: int = 0  # offset of the sentence in the article text

    def to_dict(self) -> dict:
        d = asdict(self)
        d["source"] = self.source.to_dict()
        d["target"] = self.target.to_dict() if self.target else None
        d["trigger"] = self.trigger.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Event":
        d = dict(d)
        d["source"] = Actor(**d["source"])
        d["target"] = Actor(**d["target"]) if d.get("target") else None
        d["trigger"] = Trigger(**d["trigger"])
        return cls(**d)


def make_event_id(article_id: str, article_hash: str, sentence_index: int, trigger_start: int,
                  source_start: int, target_start: int | None, cameo: str, actor_codes: str = "") -> str:
    """Deterministic id: the same article coded twice gives the same ids (so re-runs and retries
    never duplicate); the same text under two article ids gives two ids. ``actor_codes`` tells apart
    two actors on the same words ("officials in X and Y": XGOV and YGOV)."""
    key = f"{article_id}|{article_hash}|{sentence_index}|{trigger_start}|{source_start}|{target_start}|{cameo}"
    if actor_codes:
        key += f"|{actor_codes}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def event_id(article_id: str, article_hash: str, sentence_index: int, trigger_start: int, source: Actor,
             target: Actor | None, cameo: str) -> str:
    """:func:`make_event_id` of an event's trigger offset, actors and code: how every event's id is made
    (by the pipeline, and again by ``annales.focus`` when it gives an actor a country)."""
    return make_event_id(article_id, article_hash, sentence_index, trigger_start, source.start,
                         target.start if target else None, cameo, f"{source.code}>{target.code if target else ''}")


@dataclass
class MergedEvent:
    """One real-world event: the coded records (mentions) that report it, merged by :mod:`annales.merge`.

    ``event_id`` is the record id of its first mention (earliest publication, then article, sentence),
    so it stays stable as later reports join. Actor fields are flat (``source_code`` ...), as in the
    store's ``merged_events`` table; ``mention_ids`` lists the ids of the coded records it merges.
    """

    event_id: str
    story_id: str | None
    date: str | None
    date_precision: str | None
    date_inferred: bool
    source_code: str | None
    source_country: str | None
    source_sector: str | None
    source_name: str | None
    target_code: str | None
    target_country: str | None
    target_sector: str | None
    target_name: str | None
    cameo: str
    cameo_root: str
    plover: str | None
    plover_mode: str | None
    quad_class: int
    goldstein: float
    negated: bool
    location: dict | None
    num_mentions: int  # distinct sentences reporting it
    num_articles: int
    num_sources: int
    first_published: str | None
    last_published: str | None
    article_id: str  # the first mention's article
    source_url: str | None  # the first mention's article URL
    sentence: str  # the first mention's sentence
    confidence: float
    mention_ids: list[str] = field(default_factory=list)
    method: str = "rules"  # "rules" if any of its reports was coded by the lexicon's patterns, else "learned"

    def to_dict(self) -> dict:
        return asdict(self)

"""Words told to an audience ("criticised the plans, telling delegates", "will ask the congregation", "to tell
activists in Kent") are said where that audience is gathered: a place in the audience's own phrase, else the one
town or site the article gives a gathering ("opened the forum in Brighton", "the congregation at Westminster
Cathedral"). Audience nouns and verbs of telling: ``data/audiences.tsv``."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ._data import data_path, read_tsv
from .gazetteer import Context, norm
from .place_setting import SETTINGS

_ROWS = [row for _, row in read_tsv(data_path("audiences.tsv"))]
AUDIENCES = frozenset(r["lemma"] for r in _ROWS if r["kind"] == "audience")
TELLING = frozenset(r["lemma"] for r in _ROWS if r["kind"] == "telling")
_KINDS = ("city", "place", "county")  # a town, a site or a county ("activists in Kent"): not a country


def audience_nouns(trigger) -> list:
    """The audience the trigger's words are told to: the "to" object of the trigger, or the object or dative of the
    trigger or of a verb of telling under it ("criticised its record, telling delegates ..."; not "hold a conference")."""
    verbs = [trigger] + [c for c in trigger.children
                         if c.dep_ in ("advcl", "xcomp", "conj") and c.lemma_.lower() in TELLING]
    out = []
    for v in verbs:
        for c in v.children:
            if c.dep_ in ("dobj", "dative") and c.lemma_.lower() in AUDIENCES and v.lemma_.lower() in TELLING:
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == "to":
                out += [o for o in c.children if o.dep_ == "pobj" and o.lemma_.lower() in AUDIENCES]
    return out


def _home(geo, article, sent) -> Context:
    """The countries the article's place phrases name, the one named most as its home."""
    places, _ = geo.article_places(article, geo._context(sent.doc))
    counts = Counter(p.country for _, _, p, _ in places)
    top = counts.most_common(2)
    home = top[0][0] if top and (len(top) == 1 or top[0][1] > top[1][1]) else None
    return Context.of({k: min(v, 2) * 0.25 for k, v in counts.items()}, home)


@lru_cache(maxsize=1)
def _gathering():
    word = r"(?!(?:The|A|An|This|That|Its|His|Her|Their|In|At|On)\b)[A-Z][\w'\u2019-]*"
    name = rf"((?:{word}\s+){{0,2}}{word})"
    nouns = "|".join(sorted(set(SETTINGS) | {a + "s" for a in AUDIENCES} | AUDIENCES))
    return re.compile(rf"{name}(?=\s+(?:[a-z]+\s+)?(?:{nouns})\b)"  # "the Brighton conference"
                      rf"|\b(?:{nouns})\b(?:\s+[\w,'\u2019-]+){{0,3}}?\s+(?:in|at)\s+(?:the\s+)?{name}")


def audience(geo, article, trigger, cands):
    """For words told to an audience (:func:`audience_nouns`), where they were said, as (Place, words, start, end,
    how) for a place record: a candidate place of the sentence inside the audience's phrase ("activists in Kent",
    its offsets in the sentence, how "sentence"), else the one town or site the article (title and text) gives a
    gathering (no offsets, how "article"); None when there is no audience, or the article gives its gatherings two
    places or none."""
    nouns = audience_nouns(trigger)
    if not nouns:
        return None
    for noun in nouns:
        inside = {t.i for t in noun.subtree} - {noun.i}
        for c in cands:
            if c[2].i in inside and c[2].head.lower_ in ("in", "at"):  # read in the article's own country ("activists
                # in Kent" in a British story); not a qualifier ("a Syria conference") nor an origin ("from Syria")
                span = trigger.doc[c[0]:c[1]]
                place = geo.lookup(span.text, _home(geo, article, trigger.sent)) or c[3]
                s0 = span.start_char - trigger.sent.start_char
                return place, span.text, s0, s0 + len(span.text), "sentence"
    text = " ".join(x for x in (getattr(article, "title", None), getattr(article, "text", None)) if x)
    home, found = _home(geo, article, trigger.sent), {}
    for m in _gathering().finditer(text):
        words = m.group(1) or m.group(2)
        hits = geo.named(norm(words))  # the whole name, a primary one
        place = geo.lookup(words, home) if any(p for _, p in hits) else None
        if place is not None and place.kind in _KINDS:
            found.setdefault((place.name, place.country), (place, words, None, None, "article"))
    return next(iter(found.values())) if len(found) == 1 else None

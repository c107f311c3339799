"""Helpers the test modules share (imported as ``helpers``: pytest puts this folder on the path)."""

from __future__ import annotations

from datetime import date

from annales.records import Article

PUBLISHED = date(2024, 3, 6)


def actor_codes(pipeline, text: str, when: date | None = None) -> dict[str, str]:
    """Actor phrase text -> its code, as the actor finder reads ``text`` (on the date ``when``)."""
    doc = pipeline.nlp(text)
    return {doc[p.start:p.end].text: p.code for p in pipeline.finder(doc, when=when).phrases}


def rule_events(pipeline, text: str, published: date = PUBLISHED) -> list[tuple]:
    """(source code, CAMEO code, target code or None) of the events the rules code in ``text``."""
    events = pipeline(Article(id="t", text=text, published=published)).events
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in events if e.method == "rules"]


def dyads(pipeline, text: str) -> list[tuple]:
    """(source code, CAMEO code, target code or None) of every event coded in ``text`` (an undated article)."""
    return [(e.source.code, e.cameo, e.target.code if e.target else None)
            for e in pipeline(Article(id="t", text=text)).events]


def locate(pipeline, geo, text: str, word: str, article: Article | None = None, **kw):
    """``geo.locate`` for the token ``word`` of ``text`` (or of the article's text), independent of the coder."""
    doc = pipeline.nlp(article.text if article is not None else text)
    tok = next(t for t in doc if t.text == word)
    return geo.locate(tok.sent, tok.i, article, **kw)


def locate_last(pipeline, geo, text: str, word: str, **kw):
    """``geo.locate`` for the last token ``word`` of an article of ``text`` published on the tests' usual date."""
    art = article(text)
    doc = pipeline.nlp(art.text)
    tok = [t for t in doc if t.text == word][-1]
    return geo.locate(tok.sent, tok.i, art, **kw)


def article(text: str, title: str | None = None, published: date = PUBLISHED) -> Article:
    """An article of ``text`` published on the tests' usual date."""
    return Article(id="a", title=title, text=text, published=published)

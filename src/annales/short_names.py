"""A body named by one bare word in an article about its organisation (``data/short_names.tsv``): "the
Commission" in an article that names the EU is the European Commission (IGOEEC), unless the article also names
another body of that word ("the Electoral Commission"); "Brussels" in such an article is the EU, unless the
article names Belgium otherwise (``home``), for annales.focus."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ._data import data_path, read_tsv, split_list
from .records import Actor, Mention

# bare word -> (the body's code, the codes one of which the article must name, the country of a capital or None)
SHORT_NAMES = {w: (row["code"], frozenset(split_list(row["named"])), row.get("home") or None)
               for _, row in read_tsv(data_path("short_names.tsv")) for w in split_list(row["words"])}
_THE = re.compile(r"^(?:the\s+)?", re.IGNORECASE)


def _bare(text: str) -> str:
    return _THE.sub("", text.strip()).lower()


def article_bodies(mentions: Iterable[Mention]) -> dict[str, Actor]:
    """The bare words of ``SHORT_NAMES`` that this article's mentions make plain, each with an actor of the body
    (its code, and its name as the article gave it) to copy."""
    mentions = list(mentions)
    found = {}
    for word, (code, named, home) in SHORT_NAMES.items():
        ours = [m.actor for m in mentions if m.actor.code in named]
        others = [m.actor for m in mentions if m.actor.code != code and _bare(m.actor.text) != word and (
            re.search(r"\b" + re.escape(word) + r"\W*$", m.actor.text, re.IGNORECASE)
            or (home and m.actor.country == home))]
        if ours and not others:
            body = next((a for a in ours if a.code == code), ours[0])
            found[word] = Actor(word, 0, 0, code, None, None, body.name if body.code == code else None)
    return found


def short_named(actor: Actor | None, bodies: dict[str, Actor]) -> Actor | None:
    """``actor`` as the body its bare word names in this article (:func:`article_bodies`), or None."""
    body = bodies.get(_bare(actor.text)) if actor is not None else None
    if body is None:
        return None
    home = SHORT_NAMES[_bare(actor.text)][2]
    if actor.country != home or actor.code not in (None, (home or "---") + (actor.sector or "")):
        return None  # "the Commission" with no country (---GOV), "Brussels" as Belgium's seat (BELGOV)
    return Actor(actor.text, actor.start, actor.end, body.code, None, None, body.name)

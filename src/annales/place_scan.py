"""The plain-text scan of an article for place phrases, without a parse: what the geocoder
(:mod:`annales.places`) falls back on for the places an article named before an event's sentence, and in its
title. A place preposition ("in", "near"; "to"/"into" after a verb of movement, "on" after a verb of attack),
an optional "the", a direction or "the city of", then the longest run of capitalised words the gazetteer knows.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .gazetteer import Gazetteer, norm
from .place_rules import (ATTACK, ATTACK_PREPS, CALENDAR_WORDS, CONNECTORS, DIRECT, MAX_SPAN, MOVE, MOVE_PREPS,
                          OF_HEADS, PLACE_PREPS, REGION_WORDS, _SITES, _capital_word)

__all__ = ["scan"]

# a place phrase in the article text, read without a parse: a preposition, "the", a direction ("northern",
# "the north of", "the city of"), then capitalised words the gazetteer knows
_SCAN_DIRECTIONS = frozenset(
    "northern southern eastern western central north south east west northeast northwest southeast southwest "
    "north-east north-west south-east south-west northeastern northwestern southeastern southwestern "
    "north-eastern north-western south-eastern south-western".split())
_SCAN_TOKEN = re.compile(r"\w[\w'\u2019-]*|\n|[.!?;:,()\"\u201c\u201d\u2013\u2014]")


@lru_cache(maxsize=None)
def _forms(kind: str) -> frozenset:
    """The inflected forms of the verbs of movement ("move"), attack ("attack") or direct action ("direct")."""
    from .prefilter import _irregular, word_forms

    irregular = _irregular()
    if kind == "move":
        return frozenset(f for v in MOVE for f in word_forms(v, irregular))
    if kind == "attack":
        return frozenset(f for v in ATTACK if v not in ("fire", "operation")
                         for f in (*word_forms(v, irregular), v + "s"))
    return frozenset(f for v in DIRECT for f in word_forms(v, irregular))


def scan(gaz: Gazetteer, text: str, context: Counter | None = None) -> tuple[list, list]:
    """Place phrases in plain text: a place preposition ("to"/"into" after a verb of movement), an optional
    "the", direction ("northern", "the north of") or "the city/province of", then the longest run of
    capitalised words the gazetteer knows, not followed by another capitalised word ("in New York
    Times"), by its primary name or as a country, region or team-file place. Returns
    ``([(start, end, Place, words)], [character offsets where sentences end])``."""
    toks = [(m.group(), m.start(), m.end()) for m in _SCAN_TOKEN.finditer(text)]
    out, bounds, n, last = [], [], len(toks), -2
    moves, attacks, directs = _forms("move"), _forms("attack"), _forms("direct")
    for i, (w, pos, _) in enumerate(toks):
        if w in ".!?\n":
            if (w == "\n" or i + 1 < n and (toks[i + 1][0][:1].isupper() or toks[i + 1][0] in "\"\u201c")) \
                    and last != i - 1:
                bounds.append(pos)
                last = i
            elif last == i - 1:
                last = i
            continue
        low = w.lower()
        prev = toks[i - 1][0].lower() if i else ""
        if not (low in PLACE_PREPS or low in MOVE_PREPS and (prev in moves or _of_head(toks, i + 1))
                or low in ATTACK_PREPS and prev in attacks  # "an assault on Idlib"
                or low in directs):  # "besieged the city of Afrin"
            continue
        j = i + 1
        j += j < n and toks[j][0].lower() == "the"
        region = False
        # a direction or a demonym before a place noun or a name: "the northern town of X", "the Kurdish
        # city of X", "in Kurdish Syria" (not "Iraqi Kurdistan", a name of its own)
        qualified = j + 1 < n and (toks[j][0].lower() in _SCAN_DIRECTIONS or toks[j][0] in gaz.demonyms
                                   and norm(f"{toks[j][0]} {toks[j + 1][0]}") not in gaz.index)
        k = j + (qualified or j + 2 < n and _capital_word(toks[j][0]) and toks[j + 1][0].lower() in OF_HEADS)
        if k + 1 < n and toks[k][0].lower() in OF_HEADS and toks[k + 1][0].lower() == "of":
            region = toks[k][0].lower() in REGION_WORDS
            j = k + 2
            j += j < n and toks[j][0].lower() == "the"
        elif qualified:
            j += 1
        words = []
        for k in range(j, min(n, j + MAX_SPAN)):
            tw = toks[k][0]
            poss = tw.endswith(("'s", "\u2019s"))
            tw = tw[:-2] if poss else tw
            if not (_capital_word(tw) or words and tw.lower() in CONNECTORS):
                break
            words.append((tw, toks[k][1], toks[k][1] + len(tw)))
            if poss:
                break
        for m in range(len(words), 0, -1):
            name = text[words[0][1]:words[m - 1][2]]
            if (not _capital_word(words[m - 1][0]) or norm(name) not in gaz.index
                    or len(name) == 2 and not name.isupper()):
                continue
            nxt = toks[j + m][0] if j + m < n else ""
            if (words[0][0] in CALENDAR_WORDS or words[0][0] in gaz.demonyms
                    or _capital_word(nxt) and nxt.lower() not in REGION_WORDS and nxt not in _SITES):
                break
            hits = gaz.index[norm(name)]
            if not any(p for _, p in hits) and all(gaz.entries[h].kind == "city" for h, _ in hits):
                break  # an alternate name only
            place = gaz.lookup(name, context, region or nxt.lower() in REGION_WORDS)
            out.append((words[0][1], words[m - 1][2], place, name))
            break
    return out, bounds


def _of_head(toks, j: int) -> bool:
    """Scan tokens from ``j`` read "(the) centre of", "(the) town of" ...: "dug into the centre of X"."""
    j += j < len(toks) and toks[j][0].lower() == "the"
    return j + 1 < len(toks) and toks[j][0].lower() in OF_HEADS and toks[j + 1][0].lower() == "of"

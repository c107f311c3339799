"""Scoring the coder against gold-coded sentences (the JSONL format of ``shared/data/gold``).

Each gold record is ``{"id", "text", "date", "events": [{"source", "target", "code"}]}``. The coder
codes ``text`` as a one-paragraph article published on ``date``; its events and the gold events are
compared per record as multisets at three levels:

- ``dyad+root``: (source country, target country, CAMEO root)
- ``dyad+code``: the same with the full CAMEO code
- ``root``: the CAMEO root alone

"Country" is the first three letters of an actor code ("USAGOV" -> "USA", "IGOUNO" -> "IGO",
"---REB" -> "---"), the convention of PETRARCH evaluations. Gold coded in PLOVER (2016 or 2021 names)
is compared with the events' PLOVER types, 2016 names mapped to 2021 ones ("root" is then the type).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .ontology import plover_family
from .records import Article, Event

LEVELS = ("dyad+root", "dyad+code", "root")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    records: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {lv: Score() for lv in LEVELS})
    code_exact: int = 0  # matched dyad+root events whose full code is also right
    exact_records: int = 0  # records whose events match the gold exactly at dyad+code level
    errors: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        out = {"records": self.records}
        for lv, s in self.scores.items():
            out[lv] = {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                       "tp": s.tp, "fp": s.fp, "fn": s.fn}
        matched = self.scores["dyad+root"].tp
        out["exact_code_of_matched"] = round(self.code_exact / matched, 4) if matched else 0.0
        out["exact_records"] = round(self.exact_records / self.records, 4) if self.records else 0.0
        return out

    def format(self) -> str:
        lines = [f"{'level':<12}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for lv, s in self.scores.items():
            lines.append(f"{lv:<12}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        d = self.as_dict()
        lines.append(f"{self.records} records, {d['exact_records']:.1%} coded exactly; exact code right on "
                     f"{d['exact_code_of_matched']:.1%} of matched (dyad+root) events")
        return "\n".join(lines)


def country(code: str | None) -> str:
    return (code or "---")[:3]


def read_gold(path: str | Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError("E003", origin=f"{path}:{lineno}", reason=exc.msg) from None
            yield rec


def root(code: str | None) -> str | None:
    """CAMEO root ("042" -> "04"), or the PLOVER family of a PLOVER name."""
    if not code:
        return None
    return code[:2] if code[:1].isdigit() else plover_family(code)


def _keys(events: Iterable[tuple[str, str, str]], level: str) -> Counter:
    if level == "dyad+root":
        return Counter((country(s), country(t), root(c)) for s, t, c in events)
    if level == "dyad+code":
        return Counter((country(s), country(t), c) for s, t, c in events)
    return Counter(root(c) for _, _, c in events)


def score_record(report: Report, predicted: list[tuple[str, str, str]], gold: list[tuple[str, str, str]]) -> None:
    report.records += 1
    for lv in LEVELS:
        p, g = _keys(predicted, lv), _keys(gold, lv)
        tp = sum((p & g).values())
        s = report.scores[lv]
        s.tp += tp
        s.fp += sum(p.values()) - tp
        s.fn += sum(g.values()) - tp
    # exact codes among dyad+root matches
    exact = _keys(predicted, "dyad+code") & _keys(gold, "dyad+code")
    report.code_exact += sum(exact.values())
    report.exact_records += _keys(predicted, "dyad+code") == _keys(gold, "dyad+code")


def evaluate(pipeline, gold_path: str | Path, *, workers: int = 1) -> Report:
    """Code every gold record's text and score the result."""
    records = list(read_gold(gold_path))
    articles = []
    for rec in records:
        published = None
        if rec.get("date"):
            try:
                published = date.fromisoformat(str(rec["date"])[:10])
            except ValueError:
                published = None
        articles.append(Article(id=str(rec.get("id")), text=rec.get("text") or "", published=published))
    report = Report()
    for rec, coded in zip(records, pipeline.pipe(articles, workers=workers)):
        gold = [(g.get("source"), g.get("target"), str(g.get("code"))) for g in rec.get("events", [])]
        plover = any(not c[:1].isdigit() for _, _, c in gold)
        predicted = predicted_tuples(coded.events, plover)
        score_record(report, predicted, gold)
        if Counter(_keys(predicted, "dyad+root")) != Counter(_keys(gold, "dyad+root")):
            report.errors.append({"id": rec.get("id"), "text": rec.get("text"), "gold": gold, "predicted": predicted})
    return report


def predicted_tuples(events: list[Event], plover: bool = False) -> list[tuple[str, str, str]]:
    """(source code, target code, CAMEO code or PLOVER type) of each event."""
    return [(e.source.code, e.target.code if e.target else None, (e.plover or "") if plover else e.cameo)
            for e in events if not plover or e.plover]

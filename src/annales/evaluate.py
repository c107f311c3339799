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
    exact_full: int = 0  # ... and with the full actor codes ("GONMIL", not only "GON")
    errors: list[dict] = field(default_factory=list)
    pairs: list[tuple[list, list]] = field(default_factory=list)  # (predicted, gold) per record

    def as_dict(self) -> dict:
        out = {"records": self.records}
        for lv, s in self.scores.items():
            out[lv] = {"precision": round(s.precision, 4), "recall": round(s.recall, 4), "f1": round(s.f1, 4),
                       "tp": s.tp, "fp": s.fp, "fn": s.fn}
        matched = self.scores["dyad+root"].tp
        out["exact_code_of_matched"] = round(self.code_exact / matched, 4) if matched else 0.0
        out["exact_records"] = round(self.exact_records / self.records, 4) if self.records else 0.0
        out["exact_records_full_codes"] = round(self.exact_full / self.records, 4) if self.records else 0.0
        return out

    def format(self) -> str:
        lines = [f"{'level':<12}{'precision':>10}{'recall':>10}{'f1':>8}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for lv, s in self.scores.items():
            lines.append(f"{lv:<12}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}")
        d = self.as_dict()
        lines.append(f"{self.records} records, {d['exact_records']:.1%} coded exactly (countries and codes; "
                     f"{d['exact_records_full_codes']:.1%} with the full actor codes); exact code right on "
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
    report.exact_full += Counter((s or "---", t or "---", c) for s, t, c in predicted) == \
        Counter((s or "---", t or "---", c) for s, t, c in gold)


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
        if plover:  # 2016 and 2021 type names ("DEMAND", "REQUEST") compared as one, at every level
            gold = [(s, t, plover_family(c)) for s, t, c in gold]
            predicted = [(s, t, plover_family(c)) for s, t, c in predicted]
        score_record(report, predicted, gold)
        report.pairs.append((predicted, gold))
        if Counter(_keys(predicted, "dyad+root")) != Counter(_keys(gold, "dyad+root")):
            report.errors.append({"id": rec.get("id"), "text": rec.get("text"), "gold": gold, "predicted": predicted})
    return report


def predicted_tuples(events: list[Event], plover: bool = False) -> list[tuple[str, str, str]]:
    """(source code, target code, CAMEO code or PLOVER type) of each event."""
    return [(e.source.code, e.target.code if e.target else None, (e.plover or "") if plover else e.cameo)
            for e in events if not plover or e.plover]


# -- error analysis ---------------------------------------------------------------------------------
def align(predicted: list[tuple], gold: list[tuple]) -> list[tuple[str, tuple | None, tuple | None]]:
    """Pair predicted and gold events of one record, best first: exact (dyad+root), same dyad (root
    confusion), same source and root (target wrong), same target and root (source wrong); the rest are
    missed (gold only) or spurious (predicted only). Tuples are (source, target, code)."""
    def key(e):
        return (country(e[0]), country(e[1]), root(e[2]))

    P, G = list(predicted), list(gold)
    out = []
    rules = [("match", lambda p, g: key(p) == key(g)),
             ("root", lambda p, g: key(p)[:2] == key(g)[:2]),
             ("target", lambda p, g: key(p)[0] == key(g)[0] and key(p)[2] == key(g)[2]),
             ("source", lambda p, g: key(p)[1] == key(g)[1] and key(p)[2] == key(g)[2])]
    for kind, same in rules:
        for g in list(G):
            p = next((p for p in P if same(p, g)), None)
            if p is not None:
                out.append((kind, p, g))
                P.remove(p)
                G.remove(g)
    out += [("missed", None, g) for g in G] + [("spurious", p, None) for p in P]
    return out


def error_type(kind: str, p: tuple | None, g: tuple | None) -> str | None:
    """A short label for one alignment ("missed 04", "root 04 -> 03", "wrong target USA -> ---GOV")."""
    if kind == "match":
        return None
    if kind == "missed":
        return f"missed {root(g[2])}"
    if kind == "spurious":
        return f"spurious {root(p[2])}"
    if kind == "root":
        return f"root {root(g[2])} coded as {root(p[2])}"
    i = 1 if kind == "target" else 0
    gc, pc = country(g[i]), country(p[i])
    what = "country" if gc != pc else "code"
    return f"wrong {kind} {what}"


def error_analysis(records: Iterable[tuple[list[tuple], list[tuple]]]) -> tuple[Counter, Counter]:
    """-> (confusion counts keyed (gold root or "-", predicted root or "-"), error type counts)."""
    confusion: Counter = Counter()
    errors: Counter = Counter()
    for predicted, gold in records:
        for kind, p, g in align(predicted, gold):
            confusion[(root(g[2]) if g else "-", root(p[2]) if p else "-")] += 1
            label = error_type(kind, p, g)
            if label:
                errors[label] += 1
    return confusion, errors


def multicoder_agreement(pipeline, path: str | Path, *, workers: int = 1) -> dict:
    """Agreement on CAMEO roots per sentence with the majority of several human coders.

    For each human: F1 of their roots against the majority (at least 2 of the other 3) of the others;
    the coder is scored the same way against each leave-one-out majority and averaged, so both figures
    answer "how well does this coder agree with a majority of three humans"."""
    records = [r for r in read_gold(path) if len(r.get("meta", {}).get("coders_completed", [])) >= 4]
    roots_by = []
    for rec in records:
        coders = [str(c) for c in rec["meta"]["coders_completed"]]
        votes = {c: {str(e["code"])[:2] for e in rec.get("events", []) if str(e.get("coder")) == c} for c in coders}
        roots_by.append(votes)
    articles = [Article(id=str(r["id"]), text=r.get("text") or "") for r in records]
    machine = [{e.cameo_root for e in c.events} for c in pipeline.pipe(articles, workers=workers)]

    def f1(pred: list[set], ref: list[set]) -> float:
        tp = sum(len(p & r) for p, r in zip(pred, ref))
        fp = sum(len(p - r) for p, r in zip(pred, ref))
        fn = sum(len(r - p) for p, r in zip(pred, ref))
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    human_scores, machine_scores = [], []
    n_coders = min(len(v) for v in roots_by)
    for k in range(n_coders):
        held, majority = [], []
        for votes in roots_by:
            coders = sorted(votes)
            me, others = coders[k], [c for c in coders if c != coders[k]]
            counts = Counter(r for c in others for r in votes[c])
            majority.append({r for r, n in counts.items() if n >= 2})
            held.append(votes[me])
        human_scores.append(f1(held, majority))
        machine_scores.append(f1(machine, majority))
    return {"sentences": len(records), "human_vs_majority_f1": round(sum(human_scores) / len(human_scores), 4),
            "human_range": [round(min(human_scores), 4), round(max(human_scores), 4)],
            "coder_vs_majority_f1": round(sum(machine_scores) / len(machine_scores), 4)}


# -- PLOVER pair classification (plv_train.tsv) ----------------------------------------------------
def read_plover_pairs(path: str | Path) -> list[dict]:
    """Rows of a PLOVER pair file (``marked_sentence`` with ``<s>..</s>`` and ``<t>..</t>``) with the
    character spans of source and target in the unmarked text and the gold PLOVER family."""
    import csv
    import re

    out = []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            marked = row["marked_sentence"]
            text, spans, pos = "", {}, 0
            for m in re.finditer(r"<(/?)([st])>", marked):
                text += marked[pos:m.start()]
                pos = m.end()
                spans.setdefault(m.group(2), [0, 0])[1 if m.group(1) else 0] = len(text)
            text += marked[pos:]
            if "s" in spans and "t" in spans:
                out.append({"id": row.get("sentence_id") or str(len(out)), "text": text, "source": tuple(spans["s"]),
                            "target": tuple(spans["t"]), "gold": plover_family(row["gold_root"])})
    return out


def in_test_split(sentence: str, test_share: float = 0.2, seed: int = 0) -> bool:
    """Whether a sentence belongs to the fixed held-out split: its seeded hash falls in the first
    ``test_share``. All pairs of one sentence fall on the same side; the same on every machine."""
    import hashlib

    h = int(hashlib.sha1(f"{seed}|{sentence.strip()}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return h < test_share


def split_pairs(rows: list[dict], test_share: float = 0.2, seed: int = 0) -> tuple[list[dict], list[dict]]:
    """(train, test) by :func:`in_test_split` of each row's sentence."""
    train, test = [], []
    for r in rows:
        (test if in_test_split(r["text"], test_share, seed) else train).append(r)
    return train, test


def macro_f1(gold: list[str], predicted: list[str | None]) -> tuple[float, dict[str, float]]:
    labels = sorted(set(gold))
    per = {}
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, predicted) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, predicted) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, predicted) if g == lab and p != lab)
        per[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return sum(per.values()) / len(per), per


def plover_pairs(pipeline, path: str | Path, rows: list[dict] | None = None, model=True) -> dict:
    """Pair classification macro-F1 (``classify``), and end-to-end recall: the share of pairs for which
    the coder, given only the sentence, codes an event from the source span to the target span (and with
    the gold PLOVER family)."""
    from .classify import classify_pair

    rows = rows if rows is not None else read_plover_pairs(path)
    predicted = [plover_family(classify_pair(pipeline, r["text"], r["source"], r["target"], model=model)["plover"])
                 for r in rows]
    f1, per = macro_f1([r["gold"] for r in rows], predicted)
    articles = [Article(id=str(i), text=r["text"]) for i, r in enumerate(rows)]
    found = right = 0
    for r, coded in zip(rows, pipeline.pipe(articles)):
        hits = [e for e in coded.events if e.target is not None  # actor offsets are within the sentence
                and _overlap(_in_text(e, e.source), r["source"]) and _overlap(_in_text(e, e.target), r["target"])]
        found += bool(hits)
        right += any(plover_family(e.plover) == r["gold"] for e in hits)
    n = len(rows)
    return {"pairs": n, "macro_f1": round(f1, 4), "per_class_f1": {k: round(v, 3) for k, v in per.items()},
            "accuracy": round(sum(g == p for g, p in zip([r["gold"] for r in rows], predicted)) / n, 4),
            "end_to_end_recall": round(found / n, 4), "end_to_end_recall_with_type": round(right / n, 4)}


def _in_text(event, actor) -> tuple[int, int]:
    """An event actor's span in the article text (its ``start``/``end`` count from the sentence's start)."""
    return event.sentence_start + actor.start, event.sentence_start + actor.end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# -- ConfliBERT's five-class sentences (conflibert_cameo_train_dev.jsonl) --------------------------
PENTACLASSES = ("Make a Statement", "Verbal Cooperation", "Material Cooperation", "Verbal Conflict",
                "Material Conflict")


# ConfliBERT's five classes follow the Phoenix pipeline's quad conversion: statements and appeals (01-02) are
# class 0, and reducing relations (16) is verbal conflict (on the dev half, 11 of 11 linked pairs coded 02 are
# labelled 0, and 16 of 17 coded 16 are labelled 3)
_PENTACLASS = {"01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3, "11": 3,
               "12": 3, "13": 3, "14": 4, "15": 4, "16": 3, "17": 4, "18": 4, "19": 4, "20": 4}


def pentaclass(code: str | None) -> int | None:
    """ConfliBERT's five classes of a CAMEO code: 0 statements and appeals (01-02), 1 verbal (03-05) and 2
    material (06-08) cooperation, 3 verbal conflict (09-13, 16), 4 material conflict (14-15, 17-20)."""
    return _PENTACLASS.get(root(code) or "")


def _find_span(text: str, span: str) -> tuple[int, int] | None:
    """Where a whitespace-tokenised span ("government 's request") is in the untokenised text."""
    import re

    parts = [re.escape(p) for p in span.split()]
    # whole words only: "Sudan" is not the start of "Sudanese", nor "UN" inside "UNICEF"
    m = re.search(r"(?<!\w)" + r"\s*".join(parts) + r"(?!\w)", text) if parts else None
    return (m.start(), m.end()) if m else None


def read_pentaclass(path: str | Path, split: str = "all", test_share: float = 0.5) -> list[dict]:
    """Records of ConfliBERT's CAMEO sentences: ``{"id", "text", "label", "source", "target"}`` with the
    first source and target spans located in the text (None where absent). ``split``: "dev", "test"
    (annales' fixed hash split of the sentences, ``test_share`` of them) or "all"."""
    rows = []
    for rec in read_gold(path):
        text = rec.get("text") or ""
        if split != "all" and in_test_split(text, test_share, seed=1) != (split == "test"):
            continue
        for ev in rec.get("events", [])[:1]:
            spans = {k: (_find_span(text, ev[f"{k}_text"][0]) if ev.get(f"{k}_text") else None)
                     for k in ("source", "target")}
            rows.append({"id": rec["id"], "text": text, "label": int(ev["pentaclass"]), **spans})
    return rows


def pentaclass_pairs(pipeline, rows: list[dict], *, workers: int = 1) -> dict:
    """End-to-end coding of real news sentences labelled with one event's class and its actors' spans.

    - ``pair_found``: of the sentences with both spans, the share where the coder codes an event from
      the source span to the target span; ``pair_class``: ... and of the labelled class.
    - ``sentence_recall``: of all sentences, the share where some coded event is of the labelled class
      (per class in ``per_class_recall``; the coder does not code bare statements, class 0).
    - ``sentence_precision``: of the sentences with events, the share whose events include the class.
    """
    articles = [Article(id=str(i), text=r["text"]) for i, r in enumerate(rows)]
    pairs = found = right = with_events = hit = 0
    per_class: dict[int, list[int]] = {}
    for r, coded in zip(rows, pipeline.pipe(articles, workers=workers)):
        classes = {pentaclass(e.cameo) for e in coded.events}
        ok = r["label"] in classes
        per_class.setdefault(r["label"], [0, 0])
        per_class[r["label"]][0] += ok
        per_class[r["label"]][1] += 1
        hit += ok
        with_events += bool(coded.events)
        if r["source"] and r["target"]:
            pairs += 1
            hits = [e for e in coded.events if e.target is not None
                    and _overlap(_in_text(e, e.source), r["source"]) and _overlap(_in_text(e, e.target), r["target"])]
            found += bool(hits)
            right += any(pentaclass(e.cameo) == r["label"] for e in hits)
    n = len(rows)
    return {"sentences": n, "pairs": pairs,
            "pair_found": round(found / pairs, 4) if pairs else 0.0,
            "pair_class": round(right / pairs, 4) if pairs else 0.0,
            "sentence_recall": round(hit / n, 4) if n else 0.0,
            "sentence_precision": round(hit / with_events, 4) if with_events else 0.0,
            "per_class_recall": {PENTACLASSES[k]: round(a / b, 3) for k, (a, b) in sorted(per_class.items())}}

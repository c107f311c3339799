"""Fit (and measure) the calibrated confidence of annales.confidence on the event audit's judged events.

    python benchmarks/train_confidence.py            # fit on the DEV rounds, write the model, print grouped CV
    python benchmarks/train_confidence.py --evaluate # measure the shipped model on the TEST rounds (aggregates)

The examples are the judged events of ``benchmarks/gold/event_audit.jsonl`` that the coder still codes in their
sentence (as ``event_audit.py`` scores them), coded with ``[coder] calibrated_confidence = false`` so that the
features see the coder's own score; the label is the verdict ``right``. Fitting reads the development rounds
only ('[dev round ...]'); the test rounds are the held-out measure: ranking (ROC AUC, against the coder's own
score), calibration (mean confidence against the share judged right) and the share right among the events kept
at several confidence floors. Writes ``src/annales/data/models/confidence.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_events import events_in, find_sentence  # noqa: E402
from event_audit import GOLD, _key  # noqa: E402
from places import CORPUS, load_articles  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "annales" / "data" / "models" / "confidence.json"
C = 0.3  # inverse L2 strength: chosen among 0.1-3 by grouped cross-validation on the dev rounds


def examples(split: str) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """(features, right?, round, the coder's own score) of the judged events still coded, one split's rounds."""
    from annales.config import load_settings
    from annales.confidence import features
    from annales.pipeline import Pipeline

    labels = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = [lab for lab in labels if lab["note"].startswith("[dev round") == (split == "dev")]
    articles = load_articles({lab["article_id"] for lab in labels})
    pipeline = Pipeline(load_settings(coder__calibrated_confidence=False))
    coded = {c.article.id: c for c in pipeline.pipe(articles[i] for i in sorted(articles))}
    X, y, rounds = [], [], []
    for lab in labels:
        art, c = articles.get(lab["article_id"]), coded.get(lab["article_id"])
        span = art and find_sentence(art.text, lab["anchor_sha1"], lab["anchor_words"])
        if not span or c is None:
            continue
        here = events_in(c.events, span)
        match = [e for e in here if _key(e) == (lab["source"], lab["target"], lab["code"])]
        if not match:
            continue
        X.append(features(match[0], len(here), len(c.events), c.sentences))
        y.append(lab["verdict"] == "right")
        rounds.append(lab["note"].split("]")[0].lstrip("["))
    X = np.array(X)
    return X, np.array(y), rounds, X[:, 0]


def fit(X: np.ndarray, y: np.ndarray):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, max_iter=5000).fit(X, y)


def _report(name: str, p: np.ndarray, y: np.ndarray, own: np.ndarray) -> None:
    from sklearn.metrics import roc_auc_score

    print(f"{name}: {len(y)} judged events, {y.mean():.1%} right; ROC AUC {roc_auc_score(y, p):.3f} "
          f"(the coder's own score {roc_auc_score(y, own):.3f}); mean confidence {p.mean():.3f}")
    print("| kept | events | share kept | right | mean confidence |")
    print("|---|---|---|---|---|")
    for floor in (0.0, 0.2, 0.3, 0.4, 0.5):
        k = p >= floor
        if k.any():
            print(f"| confidence >= {floor:.1f} | {k.sum()} | {k.mean():.0%} | {y[k].mean():.1%} | {p[k].mean():.3f} |")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--evaluate", action="store_true", help="measure the shipped model on the test rounds")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: corpus not found at {CORPUS}")
        return 0
    from annales.confidence import NAMES, Calibrator

    if args.evaluate:
        X, y, _, own = examples("test")
        cal = Calibrator(json.loads(OUT.read_text(encoding="utf-8")))
        p = np.array([cal.probability(x) for x in X])  # unrounded
        _report("test rounds (held out)", p, y, own)
        return 0
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold

    X, y, rounds, own = examples("dev")
    cv = np.zeros(len(y))
    for train, held in GroupKFold(n_splits=len(set(rounds))).split(X, y, rounds):
        cv[held] = fit(X[train], y[train]).predict_proba(X[held])[:, 1]
    _report(f"dev rounds, each predicted by a fit on the other {len(set(rounds)) - 1}", cv, y, own)
    model = fit(X, y)
    OUT.write_text(json.dumps({
        "about": "annales.confidence: logistic regression, P(event judged right), fitted by "
                 "benchmarks/train_confidence.py on the event audit's dev rounds",
        "examples": int(len(y)), "right": int(y.sum()), "C": C,
        "dev_grouped_cv_auc": round(float(roc_auc_score(y, cv)), 3), "intercept": round(float(model.intercept_[0]), 5),
        "weights": {n: round(float(w), 5) for n, w in zip(NAMES, model.coef_[0])},
    }, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

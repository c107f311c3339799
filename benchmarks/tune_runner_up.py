"""How ``annales classify`` lets the rule coder break a near tie of the PLOVER pair model, chosen on
out-of-fold probabilities of the training side only.

    python benchmarks/tune_runner_up.py OOF.npy [OOF2.npy ...] [--write]

``OOF.npy``: the 5-fold cross-validation's out-of-fold probabilities of ``benchmarks/train_plover.py``
(``--cv-only --oof OOF.npy``, the shipped recipe; rows of ``plv_train.tsv`` in file order, the held-out
side NaN). The *runner-up rule*: the model's most probable PLOVER family, unless the rule coder's best
candidate for the pair (:func:`annales.classify.rule_candidates`) is of the model's second family and that
family has at least ``ratio`` times the first one's probability; then the rule's. For each ratio of a small
grid the script prints the macro-F1 of every fold (the same ``StratifiedKFold`` folds as the training
script) and picks the ratio with the best mean over all given OOF files; ``--write`` stores it as
``runner_up_ratio`` (with the figures) in the shipped model's description, where ``classify`` reads it.
The held-out side is never read. Needs the gold file in ../shared (skips without it).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "gold" / "plv_train.tsv"
RATIOS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5)


def _spans(marked: str) -> tuple[str, dict]:
    text, spans, pos = "", {}, 0
    for m in re.finditer(r"<(/?)([st])>", marked):
        text += marked[pos:m.start()]
        pos = m.end()
        spans.setdefault(m.group(2), [0, 0])[1 if m.group(1) else 0] = len(text)
    return text + marked[pos:], spans


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("oof", nargs="+", type=Path)
    ap.add_argument("--write", action="store_true", help="store the chosen ratio in the model's .json")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    from sklearn.model_selection import StratifiedKFold

    from annales import ontology
    from annales.classify import MODEL, _phrase, rule_candidates
    from annales._data import data_path
    from annales.evaluate import in_test_split, macro_f1
    from annales.pipeline import Pipeline

    rows = list(csv.DictReader(open(DATA, encoding="utf-8", newline=""), delimiter="\t"))
    labels = sorted({r["gold_root"] for r in rows})  # the training script's label order
    families = [ontology.plover_family(lab) for lab in labels]
    y = np.array([r["gold_root"] for r in rows])
    train = np.where([not in_test_split(re.sub(r"</?[st]>", "", r["marked_sentence"])) for r in rows])[0]
    folds = [train[b] for _, b in StratifiedKFold(5, shuffle=True, random_state=42).split(train, y[train])]

    pipeline = Pipeline()
    rule: dict[int, str | None] = {}  # training row -> the rule coder's best family (pairs with both spans)
    for i in train:
        text, spans = _spans(rows[i]["marked_sentence"])
        if "s" not in spans or "t" not in spans:
            continue
        doc = pipeline.nlp(text)
        src, tgt = _phrase(doc, *spans["s"]), _phrase(doc, *spans["t"])
        cands = rule_candidates(pipeline, doc, src, tgt) if src is not None and tgt is not None else []
        plover = ontology.lookup(cands[0][1]).plover if cands else None
        rule[i] = ontology.plover_family(plover) if plover else None

    def fold_scores(oof: np.ndarray, ratio: float | None) -> list[float]:
        out = []
        for fold in folds:
            idx = [i for i in fold if i in rule]
            pred = []
            for i in idx:
                order = np.argsort(-oof[i])
                first, second = families[order[0]], families[order[1]]
                near = ratio is not None and oof[i][order[1]] >= ratio * oof[i][order[0]]
                pred.append(second if near and rule[i] == second else first)
            out.append(macro_f1([ontology.plover_family(y[i]) for i in idx], pred)[0])
        return out

    oofs = {p.name: np.load(p) for p in args.oof}
    right = sum(rule[i] == ontology.plover_family(y[i]) for i in rule)
    print(f"{len(rule)} training pairs with both spans; the rule coder's best candidate is right for "
          f"{right / len(rule):.3f}")
    means = {}
    for ratio in (None, *RATIOS):
        per_file = []
        for name, oof in oofs.items():
            f = fold_scores(oof, ratio)
            per_file.append(float(np.mean(f)))
            print(f"{name:14} ratio {'model only' if ratio is None else ratio:>10}: folds "
                  + " ".join(f"{x:.3f}" for x in f) + f"  mean {np.mean(f):.4f}")
        means[ratio] = float(np.mean(per_file))
    best = max(RATIOS, key=lambda r: means[r])
    print(f"chosen ratio {best}: mean CV macro-F1 {means[best]:.4f} against {means[None]:.4f} for the model alone")
    if args.write:
        path = Path(str(data_path(MODEL)) + ".json")
        meta = json.loads(path.read_text(encoding="utf-8"))
        meta["runner_up_ratio"] = best
        meta["runner_up_cv"] = {"model_only": round(means[None], 4), "combined": round(means[best], 4),
                                "oof_files": sorted(oofs)}
        path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        print(f"written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

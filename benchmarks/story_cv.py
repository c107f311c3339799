"""Cross-validated figures for story clustering on the DEV pairs only, with the clustering in the loop.

    .venv/bin/python benchmarks/story_cv.py              # the shipped score: settings chosen in-fold
    .venv/bin/python benchmarks/story_cv.py --logreg     # also a logistic-regression pair scorer
    .venv/bin/python benchmarks/story_cv.py --repeats 5 --folds 5

The dev figure of ``benchmarks/stories.py`` is optimistic: the weights and settings were chosen on the same
dev pairs. This script estimates what a choice made on part of the dev pairs gives on the rest. The dev pairs
(``stories.split_of``) are grouped into the connected components of the graph whose edges are the labelled
pairs, so that all pairs of an article are in one fold; the components are shuffled (``--seed`` + repeat)
and dealt into ``--folds`` folds. For each fold, on the other folds' pairs only:

* ``shipped``: the shipped pair score and settings, nothing chosen (the same clusters in every fold, so this
  is the plain dev figure);
* ``settings``: the ``threshold``, ``undated_margin`` and day decay with the best pairwise F1 of the
  clustering over a small grid (ties: nearest the shipped settings);
* ``logreg`` (``--logreg``): a logistic regression over the pair features (block cosines, days apart,
  undated flag, the pair signals, article lengths), its probability as the pair score and the probability
  threshold chosen the same way.

The whole collection is clustered with what was chosen (average linkage over the candidate pairs of the
shipped score, as ``cluster_articles`` finds them, then its second stage for lone articles with the shipped
``attach_margin`` and ``attach_slack`` around the threshold; ``--no-attach`` leaves that out; the logistic
regression's probabilities get average linkage alone) and the held-out fold's pairs are scored; the counts
are summed over folds and repeats. The test split is never read.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories import load_items, load_pairs, load_vectors  # noqa: E402

from annales import stories  # noqa: E402

THRESHOLDS = (0.19, 0.20, 0.21, 0.22, 0.23, 0.24, 0.25)
MARGINS = (0.14, 0.16, 0.18, 0.20, 0.22)
DECAYS = (0.06, 0.08, 0.10, 0.12)
PROB_THRESHOLDS = tuple(np.round(np.arange(0.30, 0.80, 0.025), 3))
FEATURES = ("cos_body", "cos_lead", "cos_names", "cos_events", "cos_embedding", "undated", "gap", "money", "rare",
            "conflicts", "len_ratio", "len_min")


def pair_table(items, dev_pairs, vectors=None):
    """(pairs, features, base, iscand, scorer): every candidate pair of the shipped score and every labelled
    dev pair (index pairs i < j of the sorted ``items``), their features, ``base`` = raw weighted cosine +
    pair adjustments (before the date factor, from which :func:`scored` gives the score under other margins
    and day decays), whether each is a candidate, and the shipped ``stories._Scorer``. ``vectors``: the
    embedding cache (default: the benchmark's)."""
    vectors = load_vectors() if vectors is None else vectors
    sc = stories._Scorer(items, vectors=vectors)
    cand = stories._candidates(items, sc.x, sc.window)
    pairs = sorted(set(cand) | set(dev_pairs))
    i = np.array([p[0] for p in pairs])
    j = np.array([p[1] for p in pairs])
    mats = stories._blocks(items, [stories._names(it) for it in items])
    emb = stories._embed(items, vectors) if stories._settings()["embeddings"] else None
    f = {f"cos_{k}": np.asarray(m[i].multiply(m[j]).sum(1)).ravel() for k, m in mats.items()}
    f["cos_embedding"] = np.einsum("ij,ij->i", emb[i], emb[j]) if emb is not None else np.zeros(len(pairs))
    raw = np.asarray(sc.x[i].multiply(sc.x[j]).sum(1)).ravel()
    pub = [it.published for it in items]
    f["undated"] = np.array([pub[a] is None or pub[b] is None for a, b in pairs], dtype=float)
    f["gap"] = np.array([abs((pub[a] - pub[b]).days) if pub[a] and pub[b] else 0 for a, b in pairs], dtype=float)
    f["money"] = np.array([stories._money_conflict(sc.money[a], sc.money[b]) for a, b in pairs], dtype=float)
    f["rare"] = np.array([min(stories.RARE_NAME_MAX, len(sc.rare[a] & sc.rare[b])) if pub[a] and pub[b] else 0
                          for a, b in pairs], dtype=float)
    f["conflicts"] = np.array([stories._conflicts(sc.days[a], sc.days[b]) for a, b in pairs], dtype=float)
    length = np.log(np.array([len(it.text) for it in items], dtype=float) + 50)
    f["len_ratio"], f["len_min"] = np.abs(length[i] - length[j]), np.minimum(length[i], length[j])
    adj = np.array([stories._pair_adjust(items[a], items[b], sc.money[a], sc.money[b], sc.rare[a], sc.rare[b],
                                         sc.days[a], sc.days[b], sc.money_pen, sc.rare_bonus) for a, b in pairs])
    iscand = np.array([p in cand for p in pairs])
    return pairs, f, raw + adj, iscand, sc


def scored(base, f, margin: float, decay: float, window: int) -> np.ndarray:
    """The pair score under other settings (undated margin, day decay, window), as ``_Scorer.score``
    computes it."""
    mult = np.where(f["gap"] <= window, np.maximum(stories.DECAY_FLOOR, 1.0 - decay * f["gap"]), 0.0)
    return np.where(f["undated"] == 1, base - margin, base * mult)


def pair_groups(pairs) -> list[list[tuple]]:
    """The pairs grouped by the connected components of the graph whose edges they are (all pairs of one
    article in one group), groups in the order of their smallest member, pairs in input order."""
    parent = {a: a for p in pairs for a in p}

    def root(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict = {}
    for p in pairs:
        groups.setdefault(root(p[0]), []).append(p)
    return sorted(groups.values(), key=lambda g: min(min(p) for p in g))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--logreg", action="store_true", help="also cross-validate a logistic-regression pair scorer")
    ap.add_argument("--no-attach", action="store_true",
                    help="average linkage alone, without the second stage (stories._attach_lone)")
    args = ap.parse_args()
    items = stories._sorted_unique(load_items()[0])
    index = {it.article_id: k for k, it in enumerate(items)}
    label = {}
    for a, b, same, split in load_pairs(set(index)):
        if split == "dev":
            label[tuple(sorted((index[a], index[b])))] = same
    dev = sorted(label)
    pairs, f, base, iscand, sc = pair_table(items, dev)
    at = {p: k for k, p in enumerate(pairs)}
    settings = stories._settings()
    shipped = (float(settings["threshold"]), float(settings["undated_margin"]), sc.decay)

    def cluster(score, threshold, attach=(settings["attach_margin"], settings["attach_slack"])):
        edges = {pairs[k]: float(score[k]) for k in np.flatnonzero(iscand & (score > 0))}
        label = stories._average_linkage(len(items), edges, threshold)
        if args.no_attach or attach is None:
            return label
        return stories._attach_lone(label, edges, threshold + float(attach[0]), threshold - float(attach[1]))

    def counts(lab, subset):
        tp = sum(1 for p in subset if lab[p[0]] == lab[p[1]] and label[p])
        fp = sum(1 for p in subset if lab[p[0]] == lab[p[1]] and not label[p])
        return np.array([tp, fp, sum(1 for p in subset if label[p]) - tp])

    def prf(c):
        p = c[0] / (c[0] + c[1]) if c[0] + c[1] else 1.0
        r = c[0] / (c[0] + c[2]) if c[0] + c[2] else 1.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    groups = pair_groups(dev)
    print(f"{len(items)} articles, {len(pairs)} candidate or labelled pairs; {len(dev)} dev pairs "
          f"({sum(label.values())} same) in {len(groups)} groups; {args.folds} folds x {args.repeats} repeats")

    grid = list(itertools.product(THRESHOLDS, MARGINS, DECAYS))
    memo: dict = {}

    def settings_clusters(g):
        if g not in memo:
            memo[g] = cluster(scored(base, f, g[1], g[2], sc.window), g[0])
        return memo[g]

    x = np.column_stack([f[k] for k in FEATURES])
    total = {"shipped": np.zeros(3, int), "settings": np.zeros(3, int), "logreg": np.zeros(3, int)}
    for rep in range(args.repeats):
        order = np.random.RandomState(args.seed + rep).permutation(len(groups))
        fold = {p: r % args.folds for r, g in enumerate(order) for p in groups[g]}
        for k in range(args.folds):
            train = [p for p in dev if fold[p] != k]
            held = [p for p in dev if fold[p] == k]
            total["shipped"] += counts(settings_clusters(shipped), held)
            best = max(grid, key=lambda g: (prf(counts(settings_clusters(g), train))[2],
                                            -sum(abs(u - v) for u, v in zip(g, shipped))))
            total["settings"] += counts(settings_clusters(best), held)
            if args.logreg:
                from sklearn.linear_model import LogisticRegression
                rows = np.array([at[p] for p in train])
                model = LogisticRegression(C=1.0, max_iter=2000).fit(x[rows], [label[p] for p in train])
                prob = model.predict_proba(x)[:, 1]
                t = max(PROB_THRESHOLDS, key=lambda t: (prf(counts(cluster(prob, t, None), train))[2], -abs(t - 0.5)))
                total["logreg"] += counts(cluster(prob, t, None), held)
    for name, c in total.items():
        if name != "logreg" or args.logreg:
            p, r, f1 = prf(c)
            print(f"{name:9} CV  P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (tp {c[0]}, fp {c[1]}, fn {c[2]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

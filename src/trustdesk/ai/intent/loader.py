"""Loading a saved intent model of any format: the one place that knows every model class."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from trustdesk.ai.intent.artefact import (
    EMBED_FORMATS,
    ModelArtefactError,
    content_hash,
    to_documents,
    verified_documents,
)
from trustdesk.ai.intent.embed import EmbeddingIntentModel
from trustdesk.ai.intent.features import FeatureSpace
from trustdesk.ai.intent.model import IntentModel


def load_model(directory: Path) -> IntentModel:
    """Load and verify a model directory."""
    directory = Path(directory)
    doc, arrays, manifest = verified_documents(directory)
    try:
        space = FeatureSpace(
            word_vocab={t: i for i, t in enumerate(doc["word_vocab"])},
            word_idf=arrays["word_idf"],
            char_vocab={t: i for i, t in enumerate(doc["char_vocab"])},
            char_idf=arrays["char_idf"],
        )
        fields: dict[str, Any] = dict(
            labels=tuple(doc["labels"]),
            threshold=float(doc["threshold"]),
            temperature=float(doc["temperature"]),
            oos_label=doc["oos_label"],
            space=space,
            coef_t=arrays["coef_t"],
            intercept=arrays["intercept"],
            metadata=doc["metadata"],
            train_digests=tuple(d.decode() for d in arrays["train_digests"].tolist()),
            version="-",
        )
        if doc.get("format") in EMBED_FORMATS:
            model: IntentModel = EmbeddingIntentModel.from_artefact(fields, doc, arrays)
        else:
            model = IntentModel(**fields)
    except (KeyError, ValueError) as exc:
        raise ModelArtefactError(f"{directory}: unreadable model ({exc}); retrain it") from exc
    model.version = content_hash(*to_documents(model))
    if model.version != manifest.get("version"):
        raise ModelArtefactError(
            f"{directory}: content hash {model.version[:12]} differs from the manifest's "
            f"version; the model was modified; restore it or retrain"
        )
    return model

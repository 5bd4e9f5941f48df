"""A file-based registry of intent model versions: one directory per version, one active."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trustdesk.ai.intent import artefact
from trustdesk.ai.intent.loader import load_model
from trustdesk.ai.intent.model import IntentModel

ACTIVE_FILE = "ACTIVE"
VERSIONS_DIR = "versions"


class RegistryError(Exception):
    """The registry cannot do what was asked; the message says what to do instead."""


@dataclass(frozen=True)
class ModelVersion:
    """One registered version as listed: its hash, when it was made, its figures."""

    version: str
    created_at: str
    backend: str
    metrics: dict[str, Any]
    active: bool


class ModelRegistry:
    """Versions live in root/versions/<version>/; root/ACTIVE names the one in use."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _dir(self, version: str) -> Path:
        return self.root / VERSIONS_DIR / version

    def add(self, model: IntentModel) -> Path:
        """Save a model as a new, inactive version; adding the same content twice is a no-op."""
        target = self._dir(model.version)
        if (target / artefact.MANIFEST_FILE).is_file():
            return target
        (self.root / VERSIONS_DIR).mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.root / VERSIONS_DIR))
        try:
            model.save(staging)
            os.replace(staging, target)
        finally:
            if staging.exists():
                shutil.rmtree(staging)
        return target

    def versions(self) -> list[ModelVersion]:
        """All registered versions, oldest first."""
        base = self.root / VERSIONS_DIR
        if not base.is_dir():
            return []
        active = self.active_version()
        found = []
        for d in base.iterdir():
            if d.name.startswith(".") or not (d / artefact.MODEL_FILE).is_file():
                continue
            meta = json.loads((d / artefact.MODEL_FILE).read_text(encoding="utf-8"))["metadata"]
            found.append(
                ModelVersion(
                    version=d.name,
                    created_at=str(meta.get("created_at", "")),
                    backend=str(meta.get("backend", "")),
                    metrics=dict(meta.get("metrics", {})),
                    active=d.name == active,
                )
            )
        return sorted(found, key=lambda v: (v.created_at, v.version))

    def resolve(self, version: str) -> str:
        """Full version for a full hash or a unique prefix of at least 6 characters."""
        names = [v.version for v in self.versions()]
        if version in names:
            return version
        matches = [n for n in names if len(version) >= 6 and n.startswith(version)]
        if len(matches) == 1:
            return matches[0]
        hint = "it is ambiguous" if matches else "no such version"
        raise RegistryError(f"{version!r}: {hint}; see `trustdesk model list` for versions")

    def activate(self, version: str) -> str:
        """Make a version the active one (verifying it loads first); return its full hash."""
        full = self.resolve(version)
        load_model(self._dir(full))
        tmp = self.root / f".{ACTIVE_FILE}.tmp"
        tmp.write_text(full + "\n", encoding="utf-8")
        os.replace(tmp, self.root / ACTIVE_FILE)
        return full

    def active_version(self) -> str | None:
        """The active version's hash, or None when nothing was activated yet."""
        path = self.root / ACTIVE_FILE
        if not path.is_file():
            return None
        return path.read_text(encoding="utf-8").strip() or None

    def active(self) -> IntentModel:
        """Load the active model (verified against its content hash)."""
        version = self.active_version()
        if version is None:
            raise RegistryError(
                f"{self.root}: no active model; run `trustdesk model activate VERSION`"
            )
        return load_model(self._dir(version))

    def load(self, version: str) -> IntentModel:
        """Load any registered version."""
        return load_model(self._dir(self.resolve(version)))

"""Deployer-defined patterns (order numbers, account ids) loaded from a YAML file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from trustdesk.privacy.pii.recognizer import Pattern, PatternRecognizer

_ENTITY = re.compile(r"[A-Z][A-Z0-9_]{0,39}")


class CustomPatternError(ValueError):
    """The custom-patterns YAML file is missing, unreadable or malformed."""


class CustomPatternRecognizer(PatternRecognizer):
    """A recogniser built from one entry of the custom-patterns file."""


def _entry(raw: Any, index: int, source: Path) -> CustomPatternRecognizer:
    where = f"{source}: patterns[{index}]"
    if not isinstance(raw, dict):
        raise CustomPatternError(f"{where} must be a mapping with entity, regex and score keys")
    entity = raw.get("entity")
    if not isinstance(entity, str) or not _ENTITY.fullmatch(entity):
        raise CustomPatternError(
            f"{where}: 'entity' must be an upper-case name like ORDER_NUMBER, got {entity!r}"
        )
    regex = raw.get("regex")
    if not isinstance(regex, str) or not regex:
        raise CustomPatternError(f"{where}: 'regex' must be a non-empty string")
    try:
        compiled = re.compile(regex)
    except re.error as exc:
        message = f"{where}: 'regex' does not compile ({exc}); fix the pattern"
        raise CustomPatternError(message) from exc
    if compiled.fullmatch(""):
        raise CustomPatternError(f"{where}: 'regex' matches the empty string; make it stricter")
    score = raw.get("score", 0.8)
    if not isinstance(score, int | float) or isinstance(score, bool) or not 0 <= score <= 1:
        raise CustomPatternError(f"{where}: 'score' must be a number between 0 and 1")
    context = raw.get("context", [])
    if not isinstance(context, list) or not all(isinstance(w, str) for w in context):
        raise CustomPatternError(f"{where}: 'context' must be a list of words")
    name = raw.get("name", entity.lower().replace("_", "-"))
    if not isinstance(name, str):
        raise CustomPatternError(f"{where}: 'name' must be a string")
    return CustomPatternRecognizer(
        entity=entity,
        patterns=[Pattern(name, regex, float(score))],
        context=context,
        name=f"CustomPatternRecognizer[{name}]",
    )


def load_custom_patterns(path: Path) -> list[CustomPatternRecognizer]:
    """Read a custom-patterns YAML file; raises CustomPatternError saying what to fix."""
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        message = f"cannot read custom patterns file {path}: {exc.strerror}"
        raise CustomPatternError(message) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise CustomPatternError(f"{path} is not valid YAML: {exc}") from exc
    entries = document.get("patterns") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise CustomPatternError(f"{path} must contain a top-level 'patterns:' list")
    return [_entry(raw, i, path) for i, raw in enumerate(entries)]

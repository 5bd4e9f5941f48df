"""Self-declared protected attributes: the closed vocabulary a customer may choose from.

These are special-category data. They are declared by the customer with explicit consent
under the `fairness_audit` purpose, stored encrypted under their data key, opened only by
the audit (through privacy.access with purpose fairness_audit) and never given to any model:
nothing on the message path imports this module or reads its table (a test checks).
Errors name the attribute, never the value given.
"""

from __future__ import annotations

from collections.abc import Mapping

import orjson

NOT_DECLARED = "(not declared)"
VOCABULARY: Mapping[str, tuple[str, ...]] = {
    "age_band": ("18-24", "25-34", "35-44", "45-54", "55-64", "65+", "prefer_not_to_say"),
    "gender": ("woman", "man", "non_binary", "another", "prefer_not_to_say"),
    "ethnicity": ("asian", "black", "hispanic_latino", "middle_eastern_north_african",
                  "mixed", "white", "another", "prefer_not_to_say"),
    "disability": ("yes", "no", "prefer_not_to_say"),
}
PROTECTED = tuple(VOCABULARY)


class ProtectedAttributeError(ValueError):
    """A declaration outside the vocabulary; the message names the attribute only."""


def validate(declared: Mapping[str, str]) -> dict[str, str]:
    if not declared:
        raise ProtectedAttributeError("attributes: declare at least one attribute")
    out: dict[str, str] = {}
    for name, value in declared.items():
        if name not in VOCABULARY:
            raise ProtectedAttributeError(
                f"attributes: unknown attribute (one of {', '.join(PROTECTED)})")
        if value not in VOCABULARY[name]:
            raise ProtectedAttributeError(
                f"attributes.{name}: not one of the allowed values "
                f"({', '.join(VOCABULARY[name])})")
        out[name] = value
    return out


def encode(declared: Mapping[str, str]) -> bytes:
    return orjson.dumps(dict(sorted(declared.items())))


def decode(plain: bytes) -> dict[str, str]:
    value = orjson.loads(plain)
    assert isinstance(value, dict)
    return {str(k): str(v) for k, v in value.items()}


def aad(customer_id: str) -> bytes:
    """Binds the ciphertext to its customer and its kind (no swapping rows or columns)."""
    return b"protected_attributes:" + customer_id.encode()

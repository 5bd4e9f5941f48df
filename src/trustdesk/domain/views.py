"""How a read model documents its fields for the API that sends it as it is.

A read model is a frozen dataclass declared once, where it is made (a service or a rule
package). FastAPI builds a route's response schema from a dataclass return type, and pydantic
takes a field's description from `dataclasses.field(metadata=described(...))`: the OpenAPI
spec documents each field where it is declared, and an API model adds only what is HTTP's own
(links), by subclassing. Datetimes in them are aware UTC; the store reads them back so.
"""

from __future__ import annotations

from typing import Any


def described(text: str, **schema: Any) -> dict[str, Any]:
    """Field metadata: its description (and any JSON-schema extra) for the API's spec."""
    return {"description": text, **({"json_schema_extra": schema} if schema else {})}

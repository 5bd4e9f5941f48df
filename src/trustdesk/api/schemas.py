"""API schemas shared by the routes: request bases, errors, links.

A response is the service's read model itself (a frozen dataclass; see domain/views.py), or a
subclass of it that adds the links a client follows next. Request bodies are pydantic models
that forbid unknown fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any, Literal, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field
from pydantic.config import JsonDict

from trustdesk.domain.text import TEXT_PATTERN
from trustdesk.service.conversations import ConversationView

T = TypeVar("T")

# The service checks free text (domain/text.py); the schema states the same rule, so that a
# request valid by the schema is not refused for a rule it does not show.
FREE_TEXT: JsonDict = {"pattern": TEXT_PATTERN}


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)


def linked(out: Callable[..., T], view: Any, links: dict[str, str]) -> T:
    """The response `out` (a subclass of the view's dataclass): the view's fields, and links."""
    return out(**{f.name: getattr(view, f.name) for f in fields(view)}, links=links)


def conversation_links(conversation_id: str) -> dict[str, str]:
    base = f"/v1/conversations/{conversation_id}"
    return {"messages": f"{base}/messages", "handoff": f"{base}/handoff"}


@dataclass(frozen=True, kw_only=True)
class ConversationOut(ConversationView):
    """A conversation, with the links a client follows next."""

    links: dict[str, str]

    @classmethod
    def of(cls, view: ConversationView) -> Self:
        return linked(cls, view, conversation_links(view.id))


class ProblemOut(BaseModel):
    field: str = Field(description="Dotted path of the field ('' for the body as a whole).")
    problem: str = Field(description="What is wrong with it; never the value sent.")


class ErrorOut(BaseModel):
    """Every error this API answers: a sentence, and for 422 the field-level problems."""

    error: str
    detail: list[ProblemOut] | None = None


# Purposes a read of personal data may name: the consent purposes and the subject's own request
AccessPurposeName = Literal[
    "support", "ai_assistance", "quality_improvement", "model_training", "analytics",
    "fairness_audit", "data_subject_request",
]

"""Types shared by the tests that drive the real application (a module beside conftest.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass
class Keys:
    """Authorization headers for one key of each role (and a second widget)."""

    widget: dict[str, str]
    other_widget: dict[str, str]
    agent: dict[str, str]
    admin: dict[str, str]
    identity_secret: str = ""  # the deployment's secret for signed customer references

    def sign(self, ref: str, *, lifetime_s: int = 300) -> str:
        """What the deployer's back end does: a short-lived HS256 JWT with sub=ref."""
        return sign_ref(self.identity_secret, ref, lifetime_s=lifetime_s)


def sign_ref(secret: str, ref: str, *, lifetime_s: int = 300, iat: int | None = None,
             algorithm: str = "HS256", **extra: Any) -> str:
    import time

    import jwt

    issued = int(time.time()) if iat is None else iat
    claims = {"sub": ref, "iat": issued, "exp": issued + lifetime_s, **extra}
    return jwt.encode(claims, secret, algorithm=algorithm)


class WidgetTokens:
    """Presents each conversation's token as a real widget does, for tests written to test
    other things: it remembers the `conversation_token` of every conversation started over
    the client, and adds `X-Conversation-Token` to later calls about that conversation, its
    decisions and its customer when the caller sent none. Tests of the token itself use
    `raw_client`, which does no such thing."""

    def __init__(self) -> None:
        self.conversation: dict[str, str] = {}
        self.decision: dict[str, str] = {}
        self.customer: dict[str, str] = {}

    def on_request(self, request: Any) -> None:
        if "x-conversation-token" in request.headers:
            return
        parts = request.url.path.strip("/").split("/")
        token: str | None = None
        if len(parts) >= 3 and parts[:2] == ["v1", "conversations"]:
            token = self.conversation.get(parts[2])
        elif len(parts) >= 3 and parts[:2] == ["v1", "decisions"]:
            token = self.decision.get(parts[2])
        elif len(parts) >= 3 and parts[:2] == ["v1", "customers"]:
            token = self.customer.get(parts[2])
        elif parts == ["v1", "privacy", "requests"] and request.method == "POST":
            try:
                token = self.customer.get(str(json.loads(request.content)["customer_id"]))
            except (ValueError, KeyError, TypeError):
                token = None
        if token is not None:
            request.headers["X-Conversation-Token"] = token

    def on_response(self, response: Any) -> None:
        request = response.request
        parts = request.url.path.strip("/").split("/")
        if request.method != "POST" or parts[:2] != ["v1", "conversations"]:
            return
        response.read()
        try:
            body = response.json()
        except ValueError:
            return
        if not isinstance(body, dict):
            return
        if len(parts) == 2 and body.get("conversation_token"):
            token = body["conversation_token"]
            self.conversation[body["id"]] = token
            # the latest conversation of a customer speaks for them
            self.customer[body["customer_id"]] = token
        elif len(parts) == 4 and parts[3] == "messages" and isinstance(body.get("decision"),
                                                                       dict):
            token = self.conversation.get(parts[2])
            if token is not None:
                self.decision[body["decision"]["id"]] = token


def audit_actions(services: Any, subject_id: str) -> list[str]:
    """The audit log's actions about one subject (a conversation, a decision), in order."""
    from sqlalchemy import select

    from trustdesk.store.tables import AuditEntryRow
    from trustdesk.store.uow import UnitOfWork

    with UnitOfWork(services.db) as uow:
        return [e.action for e in uow.session.scalars(
            select(AuditEntryRow).where(AuditEntryRow.subject_id == subject_id)
            .order_by(AuditEntryRow.seq))]

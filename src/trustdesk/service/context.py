"""The object graph the services work with; built once by trustdesk.bootstrap."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from trustdesk.path import MessagePath
from trustdesk.privacy.guard import PrivacyGuard
from trustdesk.privacy.vault import Vault
from trustdesk.service.keys import KeyCache
from trustdesk.settings import Settings
from trustdesk.store.db import Database

if TYPE_CHECKING:
    from trustdesk.service.privacy_context import Governance


@dataclass
class Services:
    settings: Settings
    db: Database
    vault: Vault
    guard: PrivacyGuard
    path: MessagePath
    keys: KeyCache
    governance: Governance | None = None

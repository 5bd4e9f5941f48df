"""The object graph the services work with; built once by trustdesk.bootstrap."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from trustdesk.oversight.killswitch import PauseCache
from trustdesk.pipeline import MessagePath
from trustdesk.privacy.governance import Governance
from trustdesk.privacy.guard import PrivacyGuard
from trustdesk.privacy.vault import Vault
from trustdesk.service.identity import IdentityVerifier
from trustdesk.service.keys import KeyCache
from trustdesk.settings import Settings
from trustdesk.store.db import Database


@dataclass
class Services:
    settings: Settings
    db: Database
    vault: Vault
    guard: PrivacyGuard
    path: MessagePath
    keys: KeyCache
    governance: Governance
    # the kill switch's active pauses, read from the database at most once per TTL
    pauses: PauseCache | None = None
    # True when a message can wait on the network (an LLM backend): the API then runs the
    # path in a thread instead of on the event loop.
    path_waits_on_network: bool = False
    # Messages through the path at once. The path is CPU-bound Python: more threads than
    # cores only make the one holding the write lock wait for the GIL (a lock convoy).
    path_slots: threading.BoundedSemaphore = field(init=False)
    # the deployment's identity secrets, for signed customer references
    identity: IdentityVerifier = field(init=False)

    def __post_init__(self) -> None:
        self.path_slots = threading.BoundedSemaphore(self.settings.path_concurrency)
        self.identity = IdentityVerifier(
            self.db, self.vault, max_lifetime_s=self.settings.identity_token_max_lifetime_s
        )

"""Kill the server with SIGKILL under load: every acknowledged message survives the restart."""

from __future__ import annotations

import signal
import subprocess
import threading
from pathlib import Path

import httpx
import pytest

from trustdesk.accountability import audit
from trustdesk.bootstrap import open_database
from trustdesk.domain import Role
from trustdesk.service.keys import create_key
from trustdesk.settings import Settings
from trustdesk.store.uow import UnitOfWork

from e2e_support import free_port, start_server

pytestmark = pytest.mark.slow

QUESTIONS = [
    "how long does delivery to the UK take?",
    "can I pay with a gift card?",
    "how do I return a lamp? mail me at sam@example.com",
    "do you ship to Germany?",
]


KILL_AFTER = 40  # acknowledged messages before the SIGKILL


def _start(settings: Settings, port: int, log: Path) -> subprocess.Popen[bytes]:
    proc = start_server(settings, port, log)
    assert isinstance(proc, subprocess.Popen)
    return proc


def test_sigkill_under_load_loses_nothing_acknowledged(settings: Settings, tmp_path: Path) -> None:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = open_database(settings)
    key = create_key(db, Role.WIDGET, "load").secret
    db.dispose()
    port, log = free_port(), tmp_path / "server.log"
    headers = {"Authorization": f"Bearer {key}"}
    proc = _start(settings, port, log)

    acked: list[tuple[str, str, str | None]] = []
    lock, stop, enough = threading.Lock(), threading.Event(), threading.Event()

    def client(n: int) -> None:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers,
                          timeout=5) as c:
            try:
                cid, token = _new(c)
                i = 0
                while not stop.is_set():
                    i += 1
                    r = c.post(f"/v1/conversations/{cid}/messages",
                               json={"text": QUESTIONS[(n + i) % len(QUESTIONS)]},
                               headers={"X-Conversation-Token": token})
                    if r.status_code == 200:
                        body = r.json()
                        decision = body["decision"]["id"] if body["decision"] else None
                        with lock:
                            acked.append((cid, body["message_id"], decision))
                            if len(acked) >= KILL_AFTER:
                                enough.set()
                        if body["conversation_state"] != "ai":  # keep the AI path busy
                            cid, token = _new(c)
            except (httpx.HTTPError, KeyError, ValueError):
                return  # the server died mid-request: that message was never acknowledged

    threads = [threading.Thread(target=client, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    # Bound by work, not by wall time: kill once the load has been acknowledged a number of
    # times (the clients keep sending while the kill lands), whatever the machine's speed.
    assert enough.wait(timeout=300), f"only {len(acked)} messages acknowledged in 300 s"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    stop.set()
    for t in threads:
        t.join(timeout=10)
    assert len(acked) > 10, "the load ran long enough to matter"
    assert sum(1 for _, _, d in acked if d) > 10, "most acknowledged messages had AI decisions"

    proc = _start(settings, port, log)  # restart on the same database
    try:
        db = open_database(settings, upgrade=False)
        with UnitOfWork(db) as uow:
            for cid, message_id, decision_id in acked:
                message = uow.messages.get(message_id)
                assert message is not None and message.conversation_id == cid
                if decision_id is None:  # acknowledged without an AI decision (a person's turn)
                    continue
                decision = uow.decisions.get(decision_id)
                assert decision is not None and decision.message_id == message_id
                assert decision.audit_seq is not None
            result = audit.verify(uow)
        db.dispose()
        assert result.ok, result.problems
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers) as c:
            cid, token = _new(c)
            r = c.post(f"/v1/conversations/{cid}/messages", json={"text": "hello again"},
                       headers={"X-Conversation-Token": token})
            assert r.status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _new(c: httpx.Client) -> tuple[str, str]:
    """Start a conversation: (its id, the token a widget presents with it)."""
    body = c.post("/v1/conversations", json={}).json()
    return str(body["id"]), str(body["conversation_token"])

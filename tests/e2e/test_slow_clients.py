"""Slow-loris against a real `trustdesk serve`: half-sent requests are answered 408 and closed
within the configured bounds, connections are bounded, and a normal client is still served.

The server runs with 1 s header and body timeouts and 40 connections per worker; every wait
below is bounded by a socket timeout several times larger, and every loop by a count.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from trustdesk.bootstrap import open_database
from trustdesk.domain import Role
from trustdesk.service.keys import create_key
from trustdesk.settings import Settings

from e2e_support import free_port, sqlite_settings, start_server

pytestmark = pytest.mark.slow

HEADER_TIMEOUT_S = 1.0
BODY_TIMEOUT_S = 1.0
MAX_CONNECTIONS = 40
WAIT_S = 8.0  # the bound on any one wait for the server: several times the timeouts


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory,
           demo_assets: tuple[Path, Path]) -> Iterator[tuple[int, str]]:
    """One server for the module (no storage is involved, so SQLite only)."""
    tmp_path = tmp_path_factory.mktemp("slow-clients")
    settings = sqlite_settings(tmp_path, demo_assets)
    assert isinstance(settings, Settings)
    db = open_database(settings)
    key = create_key(db, Role.WIDGET, "slow clients").secret
    db.dispose()
    port = free_port()
    proc = start_server(settings, port, tmp_path / "server.log", env={
        "TRUSTDESK_HEADER_TIMEOUT_S": str(HEADER_TIMEOUT_S),
        "TRUSTDESK_BODY_TIMEOUT_S": str(BODY_TIMEOUT_S),
        "TRUSTDESK_MAX_CONNECTIONS": str(MAX_CONNECTIONS),
    })
    assert isinstance(proc, subprocess.Popen)
    try:
        yield port, key
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _connect(port: int) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=WAIT_S)
    return sock


def _half_body(port: int, key: str) -> socket.socket:
    """A POST that promises 100 bytes of body and sends 13."""
    sock = _connect(port)
    sock.sendall(
        b"POST /v1/conversations HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
        b"Authorization: Bearer " + key.encode() + b"\r\nContent-Length: 100\r\n\r\n"
        b'{"channel": "'
    )
    return sock


def _read_to_close(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes; a socket timeout fails the test."""
    data = b""
    for _ in range(100):  # bounded: each recv returns data or the close
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk
    pytest.fail("the server kept the connection open")


def test_a_half_sent_body_gets_408_and_the_connection_is_closed(server: tuple[int, str]) -> None:
    port, key = server
    start = time.monotonic()
    with _half_body(port, key) as sock:
        answer = _read_to_close(sock)
    took = time.monotonic() - start
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:80]
    assert b"connection: close" in answer.lower()
    assert b"request body was not received within 1 s" in answer
    assert took < WAIT_S


def test_trickled_headers_get_408_although_bytes_keep_coming(server: tuple[int, str]) -> None:
    port, _ = server
    with _connect(port) as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: test\r\n")
        answer = b""
        for i in range(80):  # a header byte every 0.1 s: 8 s at most, the bound is 1 s
            try:
                sock.sendall(b"X-Slow-%d: y\r\n" % i)
            except (BrokenPipeError, ConnectionResetError):
                break
            sock.settimeout(0.1)
            try:
                answer += sock.recv(65536)
            except TimeoutError:
                continue
            if answer:
                break
        sock.settimeout(WAIT_S)
        answer += _read_to_close(sock)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:80]
    assert b"headers not received within 1 s" in answer


def test_a_connection_that_sends_nothing_is_closed(server: tuple[int, str]) -> None:
    port, _ = server
    with _connect(port) as sock:
        answer = _read_to_close(sock)
    assert answer.startswith(b"HTTP/1.1 408 ")


def test_many_slow_clients_do_not_stop_a_normal_one(server: tuple[int, str]) -> None:
    port, key = server
    slow = [_half_body(port, key) for _ in range(MAX_CONNECTIONS // 2)]
    try:
        headers = {"Authorization": f"Bearer {key}"}
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=headers,
                          timeout=WAIT_S) as c:
            started = c.post("/v1/conversations", json={}).json()
            token = started.get("conversation_token")  # widget calls carry it, where issued
            r = c.post(f"/v1/conversations/{started['id']}/messages",
                       json={"text": "how long does delivery to the UK take?"},
                       headers={"X-Conversation-Token": token} if token else {})
            assert r.status_code == 200
        answers = [_read_to_close(s) for s in slow]
    finally:
        for s in slow:
            s.close()
    assert all(a.startswith(b"HTTP/1.1 408 ") for a in answers)


def test_connections_are_bounded_and_freed_by_the_timeouts(server: tuple[int, str]) -> None:
    port, _ = server
    idle = [_connect(port) for _ in range(MAX_CONNECTIONS)]
    try:
        time.sleep(0.2)  # let the server accept them all
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=WAIT_S) as c:
            assert c.get("/healthz").status_code == 503  # over the bound: refused, not queued
        # The header timeout closes the idle connections, and the server has room again.
        for s in idle:
            assert _read_to_close(s).startswith(b"HTTP/1.1 408 ")
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=WAIT_S) as c:
            assert c.get("/healthz").status_code == 200
    finally:
        for s in idle:
            s.close()


def _one_response(sock: socket.socket) -> bytes:
    data = b""
    for _ in range(100):  # bounded: headers, then content-length bytes of body
        chunk = sock.recv(65536)
        assert chunk, "the server closed the connection"
        data += chunk
        head, sep, body = data.partition(b"\r\n\r\n")
        if sep:
            length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:"))
            if len(body) >= length:
                return data
    pytest.fail("no complete response")


def test_keep_alive_idle_time_is_not_cut_by_the_header_timeout(server: tuple[int, str]) -> None:
    port, _ = server
    request = b"GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n"
    with _connect(port) as sock:
        sock.sendall(request)
        assert _one_response(sock).startswith(b"HTTP/1.1 200 ")
        time.sleep(HEADER_TIMEOUT_S * 2)  # idle between requests, within uvicorn's 5 s
        sock.sendall(request)  # the same connection is still open
        assert _one_response(sock).startswith(b"HTTP/1.1 200 ")

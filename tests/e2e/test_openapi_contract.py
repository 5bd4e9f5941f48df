"""The OpenAPI document tells the truth: schemathesis against a live `trustdesk serve`.

15 generated cases per operation (about 380 in all, half of them schema-invalid), a fixed
seed and an admin key: no server error, no status code or
content type the document does not list, no response outside its schema, a schema-valid
request never refused with a 4xx other than 401/403/404/409, a schema-invalid one never
accepted, and no route that works without the key it declares. The coverage phase
(boundary values of every constraint, ~940 cases) also passes but takes a minute and a half
on a busy machine: run it by hand with `--phases coverage,fuzzing` after changing a schema.
"""

from __future__ import annotations

import subprocess
import sys
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

CHECKS = ",".join((
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_headers_conformance", "response_schema_conformance",
    "positive_data_acceptance", "negative_data_rejection", "ignored_auth", "unsupported_method",
))


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory,
         demo_assets: tuple[Path, Path]) -> Iterator[tuple[str, str]]:
    tmp_path = tmp_path_factory.mktemp("contract")
    settings = sqlite_settings(tmp_path, demo_assets)
    assert isinstance(settings, Settings)
    db = open_database(settings)
    key = create_key(db, Role.ADMIN, "schemathesis").secret
    db.dispose()
    port = free_port()
    proc = start_server(settings, port, tmp_path / "server.log")
    assert isinstance(proc, subprocess.Popen)
    try:
        yield f"http://127.0.0.1:{port}", key
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_the_live_api_matches_its_openapi_document(live: tuple[str, str]) -> None:
    url, key = live
    run = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", f"{url}/openapi.json",
         "--header", f"Authorization: Bearer {key}", "--checks", CHECKS,
         "--phases", "fuzzing", "--max-examples", "15", "--seed", "1",
         "--workers", "1", "--no-shrink", "--request-timeout", "20"],
        capture_output=True, text=True, timeout=600, check=False,
    )
    summary = run.stdout[-6000:]
    assert run.returncode == 0, summary
    assert " passed" in summary and "failures" not in summary.lower(), summary


def test_the_document_declares_keys_as_security_schemes(live: tuple[str, str]) -> None:
    url, _ = live
    spec = httpx.get(f"{url}/openapi.json").json()
    assert set(spec["components"]["securitySchemes"]) == {"BearerKey", "ApiKeyHeader"}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            names = {p["name"].lower() for p in operation.get("parameters", ())}
            assert not names & {"authorization", "x-api-key"}, (method, path)
            if "422" in operation["responses"]:
                schema = operation["responses"]["422"]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorOut"}, (method, path)
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def test_docs_are_served_without_a_cdn(live: tuple[str, str]) -> None:
    url, _ = live
    page = httpx.get(f"{url}/docs").text
    assert "https://" not in page and "cdn" not in page
    for asset in ("swagger-ui-bundle.js", "swagger-ui.css"):
        r = httpx.get(f"{url}/docs/assets/{asset}")
        assert r.status_code == 200 and len(r.content) > 10_000

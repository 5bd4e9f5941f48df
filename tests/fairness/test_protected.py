"""Self-declared protected attributes: consent, encryption, audit-only reads, no model sees them."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import orjson
import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from trustdesk.cli.main import app
from trustdesk.settings import Settings
from trustdesk.store.tables import AuditEntryRow
from trustdesk.store.tables.fairness import ProtectedAttributesRow
from trustdesk.store.tables.privacy import AccessLogRow

from app_support import Keys

SRC = Path(__file__).parents[2] / "src" / "trustdesk"
DECLARED = {"gender": "non_binary", "ethnicity": "middle_eastern_north_african",
            "age_band": "65+", "disability": "yes"}
URL = "/v1/customers/{}/protected-attributes"


def _customer(client: Any, keys: Keys, text: str = "where is my order") -> tuple[str, str]:
    conv = client.post("/v1/conversations", json={}, headers=keys.widget).json()
    r = client.post(f"/v1/conversations/{conv['id']}/messages", json={"text": text},
                    headers=keys.widget)
    assert r.status_code in (200, 201), r.text
    return conv["customer_id"], conv["id"]


def _audit(settings: Settings, *groups: str) -> dict[str, Any]:
    env = {"TRUSTDESK_DATABASE_URL": settings.resolved_database_url,
           "TRUSTDESK_DATA_DIR": str(settings.data_dir),
           "TRUSTDESK_MODEL_DIR": str(settings.model_dir),
           "TRUSTDESK_KB_DIR": str(settings.kb_dir)}
    args = ["fairness", "audit", "--since", "2000-01-01", "--outcome", "automatic",
            "--min-cell-size", "1", "--bootstrap", "0"]
    for g in groups:
        args += ["--group", g]
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.stderr
    doc: dict[str, Any] = orjson.loads(result.stdout)
    return doc


def _counts(doc: dict[str, Any], attribute: str) -> dict[str, int]:
    frame = next(g for g in doc["groupings"] if g["attributes"] == [attribute])
    return {c["group"][attribute]: c["n"] for c in frame["cells"]}


@pytest.mark.postgres
def test_declare_audit_withdraw(client: Any, keys: Keys, services: Any,
                                settings: Settings) -> None:
    declared_id, _ = _customer(client, keys)
    other_id, _ = _customer(client, keys)
    r = client.put(URL.format(declared_id), json={"attributes": DECLARED}, headers=keys.widget)
    assert r.status_code == 200, r.text
    assert r.json()["attributes"] == sorted(DECLARED)
    for value in DECLARED.values():
        assert value not in r.text

    with services.db.engine.connect() as conn:
        row = conn.execute(select(ProtectedAttributesRow.__table__)).one()
        audit_payloads = [orjson.dumps(p).decode() for p in
                          conn.execute(select(AuditEntryRow.payload)).scalars()]
    assert row.customer_id == declared_id
    for value in DECLARED.values():  # encrypted at rest, and not in the audit log
        assert value.encode() not in row.ciphertext
        assert not any(value in p for p in audit_payloads)
    consents = client.get(f"/v1/customers/{declared_id}/consents", headers=keys.widget).json()
    fairness = next(c for c in consents["current"] if c["purpose"] == "fairness_audit")
    assert fairness["allowed"] and fairness["lawful_basis"] == "consent"

    doc = _audit(settings, "gender", "channel")
    assert _counts(doc, "gender") == {"non_binary": 1, "(not declared)": 1}
    with services.db.engine.connect() as conn:
        reads = conn.execute(select(AccessLogRow.__table__).where(
            AccessLogRow.category == "protected_attributes")).all()
    assert [(r.customer_id, r.purpose, r.granted) for r in reads] == [
        (declared_id, "fairness_audit", True)]
    assert other_id not in {r.customer_id for r in reads}

    r = client.delete(URL.format(declared_id), headers=keys.widget)
    assert r.status_code == 200 and r.json()["deleted"] is True
    assert _counts(_audit(settings, "gender"), "gender") == {"(not declared)": 2}
    with services.db.engine.connect() as conn:
        assert conn.execute(select(ProtectedAttributesRow.__table__)).first() is None


@pytest.mark.postgres
def test_without_explicit_consent_the_audit_may_not_read(client: Any, keys: Keys,
                                                         services: Any,
                                                         settings: Settings) -> None:
    customer_id, _ = _customer(client, keys)
    assert client.put(URL.format(customer_id), json={"attributes": {"gender": "woman"}},
                      headers=keys.widget).status_code == 200
    # a later record on a legitimate-interest basis is not explicit consent
    r = client.post(f"/v1/customers/{customer_id}/consents", headers=keys.widget,
                    json={"purpose": "fairness_audit", "granted": True,
                          "lawful_basis": "legitimate_interest"})
    assert r.status_code == 201, r.text
    assert _counts(_audit(settings, "gender"), "gender") == {"(not declared)": 1}
    with services.db.engine.connect() as conn:
        refused = conn.execute(select(AccessLogRow.__table__).where(
            AccessLogRow.category == "protected_attributes")).one()
    assert refused.granted is False and "explicit consent" in refused.reason


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    ("attributes", "field"),
    [({"gender": "martian-secret"}, "attributes.gender"), ({"religion": "x"}, "attributes"),
     ({}, "attributes")],
)
def test_bad_declarations_name_the_field_not_the_value(client: Any, keys: Keys,
                                                       attributes: dict[str, str],
                                                       field: str) -> None:
    customer_id, _ = _customer(client, keys)
    r = client.put(URL.format(customer_id), json={"attributes": attributes},
                   headers=keys.widget)
    assert r.status_code == 422
    assert field in r.text
    assert "martian-secret" not in r.text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_another_sites_key_cannot_declare(client: Any, keys: Keys) -> None:
    customer_id, _ = _customer(client, keys)
    r = client.put(URL.format(customer_id), json={"attributes": {"gender": "man"}},
                   headers=keys.other_widget)
    assert r.status_code == 404


# -- no model input or feature ever sees them ----------------------------------------------

MODEL_SIDE = [SRC / "ai", SRC / "pipeline", SRC / "service" / "messages.py", SRC / "oversight",
              SRC / "service" / "training_data.py", SRC / "cli" / "model.py"]
FORBIDDEN = ("trustdesk.fairness.protected", "trustdesk.service.fairness.protected",
             "ProtectedAttributesRow", "protected_attributes")


def test_no_model_side_module_can_reach_the_protected_attributes() -> None:
    files = [f for p in MODEL_SIDE for f in ([p] if p.is_file() else sorted(p.rglob("*.py")))]
    assert len(files) > 20
    for f in files:
        tree = ast.parse(f.read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                names.add(node.module or "")
                names.update(a.name for a in node.names)
                names.update(f"{node.module}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                names.add(node.value)
        hits = [n for n in names for bad in FORBIDDEN if bad in n]
        assert not hits, f"{f.relative_to(SRC)} refers to {hits}"


class _Recorder:
    """Wraps one real model object and keeps every text it is given."""

    def __init__(self, inner: Any, seen: list[str], method: str) -> None:
        self._inner, self._seen, self._method = inner, seen, method

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._inner, name)
        if name != self._method:
            return attr

        def call(text: str, *args: Any, **kwargs: Any) -> Any:
            self._seen.append(text)
            return attr(text, *args, **kwargs)

        return call


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_the_models_see_the_same_inputs_with_and_without_a_declaration(
    client: Any, keys: Keys, services: Any
) -> None:
    path = services.path
    seen: list[str] = []
    for stage, attr, method in ((path.understand, "classifier", "predict"),
                                (path.understand, "tone", "score"),
                                (path.understand, "languages", "detect"),
                                (path.respond, "responder", "answer")):
        if getattr(stage, attr) is not None:
            setattr(stage, attr, _Recorder(getattr(stage, attr), seen, method))

    def run(declare: bool) -> tuple[list[str], list[Any]]:
        seen.clear()
        conv = client.post("/v1/conversations", json={}, headers=keys.widget).json()
        if declare:
            assert client.put(URL.format(conv["customer_id"]), json={"attributes": DECLARED},
                              headers=keys.widget).status_code == 200
        outs = []
        for text in ("where is my order", "I want a refund for the broken kettle"):
            r = client.post(f"/v1/conversations/{conv['id']}/messages", json={"text": text},
                            headers=keys.widget).json()
            reply = r.get("reply") or {}
            outs.append((r["decision"]["kind"], reply.get("text")))
        return list(seen), outs

    without_inputs, without = run(declare=False)
    with_inputs, with_ = run(declare=True)
    assert with_inputs and with_inputs == without_inputs
    assert with_ == without
    for value in DECLARED.values():
        assert not any(value in text for text in with_inputs)


@pytest.mark.postgres
def test_erasure_deletes_the_declaration(client: Any, keys: Keys, services: Any) -> None:
    erased_id, _ = _customer(client, keys)
    kept_id, _ = _customer(client, keys)
    for customer in (erased_id, kept_id):
        r = client.put(URL.format(customer), json={"attributes": {"gender": "woman"}},
                       headers=keys.widget)
        assert r.status_code == 200, r.text
    r = client.post("/v1/privacy/requests", json={"customer_id": erased_id, "kind": "erasure"},
                    headers=keys.admin)
    assert r.status_code == 201, r.text
    done = client.post(f"/v1/privacy/requests/{r.json()['id']}/complete", headers=keys.admin)
    assert done.status_code == 200, done.text
    assert done.json()["request"]["outcome"]["protected_attributes"] == 1
    with services.db.engine.connect() as conn:
        left = conn.execute(select(ProtectedAttributesRow.customer_id)).scalars().all()
        erasure = conn.execute(select(AuditEntryRow.payload).where(
            AuditEntryRow.action == "dsr.erasure")).scalar_one()
    assert left == [kept_id]  # the other customer's declaration is untouched
    assert erasure["protected_attributes"] == 1

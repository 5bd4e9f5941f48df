"""Purpose-checked access: every read names a purpose, is checked, and is logged."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from trustdesk.privacy.access import DataAccess, DataCategory
from trustdesk.privacy.consent import ConsentPolicy
from trustdesk.service.context import Services

from gov_support import WITH_EMAIL, Keys, say, start


def _log(client: TestClient, keys: Keys, **params: str) -> list[dict[str, object]]:
    r = client.get("/v1/privacy/access-log", params=params, headers=keys.admin)
    assert r.status_code == 200, r.text
    entries: list[dict[str, object]] = r.json()["entries"]
    return entries


@pytest.mark.parametrize(
    ("purpose", "granted", "reason"),
    [
        (None, False, "no purpose named"),
        ("", False, "no purpose named"),
        ("support", True, "default basis contract"),
        ("analytics", False, "needs consent"),
        ("marketing", False, "unknown purpose"),
        ("data_subject_request", True, "data-subject request"),
    ],
)
def test_decide_table(services: Services, purpose: str | None, granted: bool,
                      reason: str) -> None:
    access = DataAccess(services.vault, ConsentPolicy.default())
    entry = access.decide(actor="t", customer_id="c1", purpose=purpose,
                          category=DataCategory.ORIGINAL_MESSAGE, consents={})
    assert entry.granted is granted and reason in entry.reason


def test_the_message_path_reads_the_pseudonym_table_for_support(
    client: TestClient, keys: Keys
) -> None:
    cid, customer = start(client, keys.widget)
    say(client, keys.widget, cid, WITH_EMAIL)
    say(client, keys.widget, cid, "Thanks, and my phone is +44 20 7946 0958")
    entries = _log(client, keys, customer_id=customer)
    assert len(entries) == 2
    assert {(e["purpose"], e["category"], e["granted"]) for e in entries} == {
        ("support", "pseudonym_table", True)
    }


def test_read_without_purpose_is_refused_and_logged(client: TestClient, keys: Keys) -> None:
    cid, customer = start(client, keys.widget)
    say(client, keys.widget, cid, WITH_EMAIL)
    r = client.get(f"/v1/conversations/{cid}/originals", headers=keys.agent)
    assert r.status_code == 403 and "no purpose" in r.json()["error"]
    assert "dana.whitfield" not in r.text
    refused = _log(client, keys, customer_id=customer, granted="false")
    assert len(refused) == 1
    assert refused[0]["purpose"] is None and refused[0]["category"] == "original_message"


def test_purpose_without_consent_is_refused_then_granted_once_consented(
    client: TestClient, keys: Keys
) -> None:
    cid, customer = start(client, keys.widget)
    say(client, keys.widget, cid, WITH_EMAIL)
    url = f"/v1/conversations/{cid}/originals"
    r = client.get(url, params={"purpose": "quality_improvement"}, headers=keys.agent)
    assert r.status_code == 403 and "needs consent" in r.json()["error"]
    client.post(f"/v1/customers/{customer}/consents",
                json={"purpose": "quality_improvement", "granted": True}, headers=keys.widget)
    r = client.get(url, params={"purpose": "quality_improvement"}, headers=keys.agent)
    assert r.status_code == 200
    assert r.json()["messages"][0]["text"] == WITH_EMAIL
    outcomes = [(e["granted"]) for e in _log(client, keys, customer_id=customer,
                                              purpose="quality_improvement")]
    assert sorted(outcomes) == [False, True]
    # support runs on contract: an agent may read the originals to answer the customer
    assert client.get(url, params={"purpose": "support"}, headers=keys.agent).status_code == 200


def test_only_staff_read_originals_and_only_admins_read_the_log(
    client: TestClient, keys: Keys
) -> None:
    cid, _ = start(client, keys.widget)
    url = f"/v1/conversations/{cid}/originals"
    assert client.get(url, params={"purpose": "support"}, headers=keys.widget).status_code == 403
    assert client.get("/v1/privacy/access-log", headers=keys.agent).status_code == 403
    assert client.get("/v1/privacy/access-log", headers=keys.widget).status_code == 403
    assert client.get("/v1/privacy/access-log").status_code == 401


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"purpose": "marketing"}, "purpose: Input should be"),
        ({"granted": "perhaps"}, "granted"),
        ({"limit": "0"}, "limit"),
        ({"limit": "5000"}, "limit"),
    ],
)
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_bad_access_log_queries(client: TestClient, keys: Keys, params: dict[str, str],
                                fragment: str) -> None:
    r = client.get("/v1/privacy/access-log", params=params, headers=keys.admin)
    assert r.status_code == 422 and fragment in r.text

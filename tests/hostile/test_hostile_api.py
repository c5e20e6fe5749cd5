"""The hostile corpus through the REST API, on each backend: 4xx problems that name what
and where (never a 500, never SQL, parameters or exception class names), nothing stored."""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from tests.conftest import OPERATOR, People, listing_raw, org_raw
from tests.hostile import corpus

PROBLEM = "application/problem+json"
LEAKS = re.compile(
    r"\[SQL|INSERT INTO|SELECT |\[parameters|sqlalchemy|psycopg|Traceback|"
    r"\b[A-Z]\w*(Error|Exception)\b"
)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def admin(coopex: Coopex, people: People) -> dict[str, str]:
    coopex.registry.create_organization(OPERATOR, org_raw("ru-plant"))
    coopex.registry.create_listing(OPERATOR, listing_raw("lst-1", "ru-plant"))
    return bearer(people.admin()[1])


def state(coopex: Coopex) -> tuple[int, int]:
    with coopex.database.transaction() as connection:
        from coopex.storage.listings import ListingRepository

        return ListingRepository(connection).count(), len(coopex.audit.recent(OPERATOR, 500))


def assert_clean_problem(response: Any, *statuses: int) -> dict[str, object]:
    assert response.status_code in statuses, (response.status_code, response.text[:500])
    assert response.headers["content-type"] == PROBLEM
    assert not LEAKS.search(response.text), response.text[:500]
    body: dict[str, object] = response.json()
    return body


def test_hostile_json_bodies_are_422_naming_the_field(
    api: TestClient, coopex: Coopex, admin: dict[str, str]
) -> None:
    before = state(coopex)
    for name, (body, phrase) in corpus.hostile_json_bodies().items():
        response = api.post(
            "/api/v1/listings",
            content=body,
            headers={**admin, "Content-Type": "application/json"},
        )
        problem = assert_clean_problem(response, 422)
        assert phrase in str(problem), (name, problem)
    assert state(coopex)[0] == before[0]


def test_ids_nul_and_cursors_beyond_what_a_database_holds(
    api: TestClient, admin: dict[str, str]
) -> None:
    huge_cursor = base64.urlsafe_b64encode(b"after:" + b"9" * 30).decode().rstrip("=")
    for url in (
        "/api/v1/leads/2147483648",
        "/api/v1/news/99999999999999999999999",
        "/api/v1/news/1/original?x=1",
        "/api/v1/leads?document=2147483648",
        f"/api/v1/listings?cursor={huge_cursor}",
        "/api/v1/listings?q=ab%00cd",
        "/api/v1/organizations?q=%00",
        "/api/v1/listings/ab%00cd",
    ):
        assert_clean_problem(api.get(url, headers=admin), 404, 422)


def test_bodies_over_the_limit_are_413_even_when_chunked(
    api: TestClient, coopex: Coopex, admin: dict[str, str]
) -> None:
    big = b'{"title": "' + b"x" * (2 * 1024 * 1024) + b'"}'
    declared = api.post(
        "/api/v1/listings", content=big, headers={**admin, "Content-Type": "application/json"}
    )
    assert_clean_problem(declared, 413)

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x" * (64 * 1024)

    chunked = api.patch(
        "/api/v1/listings/lst-1",
        content=chunks(),
        headers={**admin, "Content-Type": "application/json"},
    )
    assert_clean_problem(chunked, 413)
    assert coopex.registry.get_listing(OPERATOR, "lst-1").version == 1


def test_news_upload_checks_the_role_before_reading_and_the_refusal_is_audited(
    api: TestClient, coopex: Coopex, people: People, admin: dict[str, str]
) -> None:
    _, member = people.member("ru-plant")
    refused = api.post(
        "/api/v1/news",
        files={"files": ("bomb.zip", corpus.zip_bomb(), "application/zip")},
        headers=bearer(member),
    )
    assert_clean_problem(refused, 403)
    assert api.get("/api/v1/leads", headers=bearer(member)).status_code == 403
    denied = [e for e in coopex.audit.recent(OPERATOR, 50) if e.outcome.value == "denied"]
    assert {e.action for e in denied} >= {"news.post", "leads.read"}


def test_members_cannot_label_their_data_as_seed(
    api: TestClient, coopex: Coopex, people: People, admin: dict[str, str]
) -> None:
    _, member = people.member("ru-plant")
    response = api.patch(
        "/api/v1/listings/lst-1", json={"provenance": "seed"}, headers=bearer(member)
    )
    assert_clean_problem(response, 403)
    assert coopex.registry.get_listing(OPERATOR, "lst-1").provenance.value == "user"


def test_etag_and_if_match(api: TestClient, admin: dict[str, str]) -> None:
    read = api.get("/api/v1/listings/lst-1", headers=admin)
    etag = read.headers["etag"]
    changed = api.patch(
        "/api/v1/listings/lst-1", json={"title": "Wheel sets"}, headers={**admin, "If-Match": etag}
    )
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    stale = api.patch(
        "/api/v1/listings/lst-1", json={"title": "Stale"}, headers={**admin, "If-Match": etag}
    )
    problem = assert_clean_problem(stale, 412)
    assert stale.headers["etag"] == changed.headers["etag"] and "version" in str(problem)
    assert api.get("/api/v1/listings/lst-1", headers=admin).json()["title"] == "Wheel sets"


def test_security_headers_and_no_caching_of_tokens(api: TestClient, admin: dict[str, str]) -> None:
    for response in (
        api.get("/api/v1/listings", headers=admin),
        api.get("/api/v1/listings"),  # a 401
        api.post("/api/v1/auth/token", json={"email": "x@example.org", "password": "nope"}),
    ):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["referrer-policy"] == "no-referrer"
        assert response.headers["cache-control"] == "no-store"


def test_uploaded_html_is_never_served_as_a_page(
    api: TestClient, coopex: Coopex, people: People
) -> None:
    from coopex.interchange.news_sources import uploaded

    report = coopex.news.ingest(OPERATOR, uploaded("forum.html", corpus.HTML_WITH_SCRIPT))
    document_id = report.items[0].document_id
    assert document_id is not None
    _, staff = people.staff()
    original = api.get(f"/api/v1/news/{document_id}/original", headers=bearer(staff))
    assert original.status_code == 200
    assert original.headers["content-type"].startswith("text/plain")
    assert original.headers["content-disposition"].startswith("attachment")
    assert "sandbox" in original.headers["content-security-policy"]


def test_an_empty_json_body_where_none_is_needed_is_fine(
    api: TestClient, admin: dict[str, str]
) -> None:
    closed = api.post(
        "/api/v1/listings/lst-1/close", headers={**admin, "Content-Type": "application/json"}
    )
    assert closed.status_code == 200 and closed.json()["status"] == "closed"

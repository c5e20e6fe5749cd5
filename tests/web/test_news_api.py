"""/api/v1/news and /api/v1/leads through the real application and database."""

from __future__ import annotations

import json
from typing import Any

from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.services.demo import demo_news_path
from tests.conftest import OPERATOR, People, org_raw
from tests.web.jobs import followed

DATA = demo_news_path()
PROBLEM = "application/problem+json"


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def upload(api: TestClient, token: str, *names: str) -> dict[str, Any]:
    """The result of the upload's job (which must succeed)."""
    files = [("files", (name, (DATA / name).read_bytes())) for name in names]
    job = followed(api, api.post("/api/v1/news", files=files, headers=bearer(token)), bearer(token))
    assert job["status"] == "succeeded", job
    assert job["progress"] == {"done": len(names), "total": len(names)}
    result: dict[str, Any] = job["result"]
    return result


def test_upload_files_then_page_filter_and_decide_leads(api: TestClient, people: People) -> None:
    _, token = people.staff()
    body = upload(api, token, "chuvashia_kazakhstan.txt", "vladivostok_harbin.html")
    assert (body["stored"], body["errors"]) == (2, 0)
    assert set(body["seconds_per_stage"]) >= {"decode", "entities", "events"}
    again = upload(api, token, "chuvashia_kazakhstan.txt")
    assert again["duplicates"] == 1 and again["leads"] == 0

    seen = []
    cursor = None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = api.get("/api/v1/leads", params=params, headers=bearer(token)).json()
        seen.extend(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == body["leads"]
    assert len({lead["id"] for lead in seen}) == len(seen)

    harbin = api.get("/api/v1/leads", params={"place": "cn-hl"}, headers=bearer(token)).json()[
        "items"
    ]
    assert harbin and all(lead["counterpart_place"] == "CN-HL" for lead in harbin)
    lead = harbin[0]
    assert lead["evidence"] and lead["document"] == "vladivostok_harbin.html"

    decided = api.patch(
        f"/api/v1/leads/{lead['id']}", json={"status": "accepted"}, headers=bearer(token)
    )
    assert decided.status_code == 200
    assert decided.json()["status"] == "accepted" and decided.json()["project"]
    twice = api.patch(
        f"/api/v1/leads/{lead['id']}", json={"status": "dismissed"}, headers=bearer(token)
    )
    assert twice.status_code == 409 and twice.headers["content-type"] == PROBLEM
    back = api.patch(f"/api/v1/leads/{lead['id']}", json={"status": "new"}, headers=bearer(token))
    assert back.status_code == 422

    document = api.get(f"/api/v1/news/{lead['document_id']}", headers=bearer(token)).json()
    assert document["encoding"] == "cp1251" and document["leads"]["lang"] == "ru"
    original = api.get(f"/api/v1/news/{lead['document_id']}/original", headers=bearer(token))
    assert original.content == (DATA / "vladivostok_harbin.html").read_bytes()
    # Served as text to download, never as a page from the API's origin (its scripts).
    assert original.headers["content-type"] == "text/plain; charset=cp1251"
    assert original.headers["content-disposition"].startswith("attachment")
    assert original.headers["content-security-policy"].startswith("sandbox")
    assert original.headers["x-content-type-options"] == "nosniff"


def test_upload_crawled_pages_as_json(api: TestClient, people: People) -> None:
    _, token = people.staff()
    pages = [
        {"url": "https://example.org/1", "text": (DATA / "bashkortostan_vietnam.txt").read_text()},
        {"url": "https://example.org/2"},
    ]
    response = api.post(
        "/api/v1/news",
        content=json.dumps(pages),
        headers={**bearer(token), "content-type": "application/json"},
    )
    body = followed(api, response, bearer(token))["result"]
    assert [item["outcome"] for item in body["items"]] == ["stored", "error"]
    assert body["items"][1]["source"] == "body:2"
    assert '"html" or "text"' in body["items"][1]["reason"]


def test_nothing_readable_fails_the_job_naming_each_document(
    api: TestClient, people: People
) -> None:
    _, token = people.staff()
    files = [("files", ("empty.txt", b"")), ("files", ("blob.bin", bytes(range(256)) * 8))]
    job = followed(api, api.post("/api/v1/news", files=files, headers=bearer(token)), bearer(token))
    assert job["status"] == "failed" and job["error"] == "none of the 2 documents could be read"
    reasons = {item["source"]: item["reason"] for item in job["result"]["items"]}
    assert reasons["empty.txt"] == "empty document"
    assert "not text" in reasons["blob.bin"]
    # What the request itself can tell is answered at once: no job.
    missing = api.post("/api/v1/news", data={"nothing": "here"}, headers=bearer(token))
    assert missing.status_code == 422 and missing.headers["content-type"] == PROBLEM


def test_the_job_is_its_owner_s_and_the_admins(
    api: TestClient, coopex: Coopex, people: People
) -> None:
    _, owner = people.staff()
    files = [("files", ("a.txt", (DATA / "chuvashia_kazakhstan.txt").read_bytes()))]
    accepted = api.post("/api/v1/news", files=files, headers=bearer(owner))
    job = followed(api, accepted, bearer(owner))
    assert job["kind"] == "news.ingest" and job["owner"].startswith("agency_staff-")
    assert job["result"]["stored"] == 1 and job["result"]["items"][0]["document_id"]
    assert job["created_at"] <= job["started_at"] <= job["finished_at"]
    location = accepted.headers["location"]
    assert api.get(location, headers=bearer(people.admin()[1])).status_code == 200
    other = api.get(location, headers=bearer(people.staff()[1]))
    assert other.status_code == 404 and other.headers["content-type"] == PROBLEM
    assert api.get(location).status_code == 401
    assert api.get("/api/v1/jobs/2147483648", headers=bearer(owner)).status_code == 422


def test_news_is_for_agency_staff(api: TestClient, coopex: Coopex, people: People) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("ru-plant"))
    _, member = people.member("ru-plant")
    files = [("files", ("a.txt", (DATA / "chuvashia_kazakhstan.txt").read_bytes()))]
    assert api.post("/api/v1/news", files=files, headers=bearer(member)).status_code == 403
    assert api.get("/api/v1/leads", headers=bearer(member)).status_code == 403
    assert api.get("/api/v1/leads").status_code == 401
    assert api.get("/api/v1/news/1", headers=bearer(people.staff()[1])).status_code == 404


def test_openapi_documents_both_upload_bodies_and_the_job(api: TestClient) -> None:
    spec = api.get("/api/v1/openapi.json").json()
    upload = spec["paths"]["/api/v1/news"]["post"]
    assert {"multipart/form-data", "application/json"} <= set(upload["requestBody"]["content"])
    assert "200" not in upload["responses"]
    assert "Location" in upload["responses"]["202"]["headers"]
    job = upload["responses"]["202"]["content"]["application/json"]["schema"]["$ref"]
    assert job == "#/components/schemas/JobOut"
    assert "/api/v1/jobs/{job_id}" in spec["paths"]
    assert "/api/v1/leads/{lead_id}/partners" in spec["paths"]


def test_documents_list_and_search(api: TestClient, people: People) -> None:
    _, token = people.staff()
    names = sorted(path.name for path in DATA.iterdir())
    upload(api, token, *names)
    everything = api.get("/api/v1/news", params={"limit": 500}, headers=bearer(token)).json()
    assert sorted(d["name"] for d in everything["items"]) == names
    chinese = api.get("/api/v1/news", params={"q": "电气"}, headers=bearer(token)).json()
    assert [d["lang"] for d in chinese["items"]] == ["zh"]
    english = api.get(
        "/api/v1/news", params={"q": "VIETNAM", "lang": "en"}, headers=bearer(token)
    ).json()
    assert [d["name"] for d in english["items"]] == ["bashkortostan_vietnam.txt"]
    assert api.get("/api/v1/news", params={"lang": "de"}, headers=bearer(token)).status_code == 422


def test_lead_search_by_meaning(api: TestClient, people: People) -> None:
    _, token = people.staff()
    upload(api, token, "vladivostok_harbin.html", "ulyanovsk_heilongjiang_zh.txt")
    response = api.get(
        "/api/v1/leads/search", params={"q": "power equipment", "limit": 2}, headers=bearer(token)
    )
    assert response.status_code == 200
    found = response.json()
    assert {f["lead"]["counterpart"] for f in found} == {"哈尔滨电气集团", "Harbin Electric"}
    assert api.get("/api/v1/leads/search", headers=bearer(token)).status_code == 422


def test_projects_from_accepted_leads_are_seen_by_their_parties(
    api: TestClient, coopex: Coopex, people: People
) -> None:
    _, token = people.staff()
    upload(api, token, "vladivostok_harbin.html")
    leads = api.get("/api/v1/leads", params={"type": "negotiation"}, headers=bearer(token))
    [lead] = [item for item in leads.json()["items"] if item["counterpart_org"]]
    accepted = api.patch(
        f"/api/v1/leads/{lead['id']}", json={"status": "accepted"}, headers=bearer(token)
    ).json()
    project = api.get(f"/api/v1/projects/{accepted['project']}", headers=bearer(token)).json()
    assert project["stage"] == "lead" and project["leads"] == [lead["id"]]
    assert project["counterpart_org"] == lead["counterpart_org"]  # the provisional Harbin Electric

    _, party = people.member(lead["counterpart_org"])
    assert [
        p["ref"] for p in api.get("/api/v1/projects", headers=bearer(party)).json()["items"]
    ] == [accepted["project"]]
    coopex.registry.create_organization(OPERATOR, org_raw("ru-plant"))
    _, outsider = people.member("ru-plant")
    assert api.get("/api/v1/projects", headers=bearer(outsider)).json()["items"] == []
    refused = api.get(f"/api/v1/projects/{accepted['project']}", headers=bearer(outsider))
    # Like an unpublished listing, a project of others is not found (not "forbidden").
    assert refused.status_code == 404 and refused.headers["content-type"] == PROBLEM

"""News, leads, projects and interests pages through the real app (no browser): permissions,
CSRF, hostile text escaped, the lead → project → agreement road, interests and contacts."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.domain.accounts import Role
from coopex.services.demo import demo_news_path
from coopex.web.app import create_app
from tests.conftest import OPERATOR, listing_raw, org_raw
from tests.web import forms

PASSWORD = "s3cret-pass"
HOSTILE = (
    "Мордовия ищет партнёров в Китае\n\n"
    "Делегация Республики Мордовия провела переговоры с компанией "
    "<script>alert('x')</script> Geely в Ханчжоу о локализации производства автомобилей.\n\n"
    "Стороны договорились продолжить работу."
)


@pytest.fixture
def web(coopex: Coopex) -> Iterator[TestClient]:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    coopex.registry.create_organization(
        OPERATOR,
        org_raw(
            "orbita",
            contacts_visibility="on_accepted_interest",
            contacts=[{"name": "Anna Orbita", "email": "anna@orbita.example"}],
        ),
    )
    coopex.registry.create_organization(
        OPERATOR, org_raw("mordovia-agency", kind="agency", region="RU-MO")
    )
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-rail-02", "rm-rail"))
    coopex.registry.create_listing(
        OPERATOR,
        listing_raw(
            "orb-1", "orbita", kind="offer", title="Литьё деталей тележек грузовых вагонов"
        ),
    )
    for email, role, org in (
        ("m@example.org", Role.ENTERPRISE_MEMBER, "rm-rail"),
        ("o@example.org", Role.ENTERPRISE_MEMBER, "orbita"),
        ("s@example.org", Role.AGENCY_STAFF, "mordovia-agency"),
    ):
        coopex.accounts.create_user(OPERATOR, email, email[0].upper(), role, PASSWORD)
        coopex.accounts.add_member(OPERATOR, email, org)
    with TestClient(create_app(coopex)) as client:
        yield client


def sign_in(client: TestClient, email: str) -> str:
    return forms.sign_in(client, email, PASSWORD, "/")


def test_enterprise_members_get_a_403_page_for_news_and_leads(web: TestClient) -> None:
    sign_in(web, "m@example.org")
    home = web.get("/").text
    assert 'href="/leads"' not in home and 'href="/projects"' in home
    for path in ("/leads", "/news", "/news/upload"):
        response = web.get(path)
        assert response.status_code == 403 and "<html" in response.text


def test_forms_need_their_csrf_token(web: TestClient) -> None:
    sign_in(web, "s@example.org")
    refused = web.post("/news/upload", data={"text": HOSTILE})
    assert refused.status_code == 400
    assert web.get("/news").text.count('class="item"') == 0  # nothing stored
    assert web.post("/projects/new", data={"title": "x"}).status_code == 400


def test_hostile_news_is_escaped_and_a_lead_becomes_a_project_that_reaches_agreement(
    web: TestClient,
) -> None:
    token = sign_in(web, "s@example.org")
    summary = forms.job_outcome(
        web, web.post("/news/upload", data={"text": HOSTILE, "csrf_token": token})
    )
    assert "<script>alert" not in summary.text
    document = re.search(r'href="/news/(\d+)"', summary.text)
    assert document
    page = web.get(f"/news/{document.group(1)}").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page

    leads = web.get("/leads", params={"q": "Geely"}).text
    lead_id = re.search(r'href="/leads/(\d+)"', leads)
    assert lead_id, leads
    lead = web.get(f"/leads/{lead_id.group(1)}").text
    marked = re.search(r"<mark>(.*?)</mark>", lead, re.S)
    assert marked and "&lt;script&gt;" in marked.group(1) and "<script>alert" not in lead

    accepted = web.post(
        f"/leads/{lead_id.group(1)}/accept", data={"csrf_token": token}, follow_redirects=False
    )
    assert accepted.status_code == 303
    twice = web.post(f"/leads/{lead_id.group(1)}/accept", data={"csrf_token": token})
    assert twice.status_code == 409 and 'role="alert"' in twice.text  # the service's sentence
    project = accepted.headers["location"].split("?")[0]
    assert project.startswith("/projects/")
    for stage in ("contact", "negotiation", "agreement"):
        moved = web.post(f"{project}/move", data={"stage": stage, "csrf_token": token})
        assert moved.status_code == 200
    detail = web.get(project).text
    assert 'aria-current="step" class="current">Agreement signed' in detail
    assert 'value="launched"' in detail and 'value="lead"' not in detail  # allowed moves only
    illegal = web.post(f"{project}/move", data={"stage": "lead", "csrf_token": token})
    assert illegal.status_code == 409 and "cannot move from agreement to lead" in illegal.text
    assert f'href="/leads/{lead_id.group(1)}"' in detail  # what produced it


def test_project_form_errors_per_field_then_saved_with_value_in_the_readers_locale(
    web: TestClient,
) -> None:
    token = sign_in(web, "m@example.org")
    bad = {"title": "", "initiator_org": "rm-rail", "value": "12", "csrf_token": token}
    failed = web.post("/projects/new", data=bad)
    assert failed.status_code == 422
    assert 'id="title-errors"' in failed.text and 'id="currency-errors"' in failed.text
    good = {
        **bad,
        "title": "Bogie castings",
        "counterpart_org": "orbita",
        "value": "1500000",
        "currency": "RUB",
        "next_step": "Send drawings",
        "next_step_due": "2020-01-01",
    }
    saved = web.post("/projects/new", data=good)
    assert saved.status_code == 200 and "Bogie castings" in saved.text
    assert "RUB" in saved.text and "1,500,000.00" in saved.text
    web.cookies.set("coopex_lang", "ru")
    russian = web.get(saved.url.path).text
    assert "1 500 000,00" in russian.replace("\xa0", " ")
    home = web.get("/").text
    assert "Bogie castings" in home  # overdue next step on the home page


def test_interest_accepted_shows_contacts_and_opens_a_project(web: TestClient) -> None:
    token = sign_in(web, "m@example.org")
    assert "anna@orbita.example" not in web.get("/organizations/orbita").text
    matches = web.get("/listings/rm-rail-02/matches").text
    assert 'name="to_listing" value="orb-1"' in matches  # the "Interested" button
    sent = web.post(
        "/interests",
        data={"from_listing": "rm-rail-02", "to_listing": "orb-1", "csrf_token": token},
    )
    assert sent.status_code == 200 and "rm-rail-02" in sent.text
    again = web.post(
        "/interests",
        data={"from_listing": "rm-rail-02", "to_listing": "orb-1", "csrf_token": token},
    )
    assert again.status_code == 409

    token = sign_in(web, "o@example.org")
    assert "Interests awaiting your decision" in web.get("/").text
    incoming = web.get("/interests").text
    interest = re.search(r'action="/interests/(\d+)/accept"', incoming)
    assert interest
    web.post(f"/interests/{interest.group(1)}/accept", data={"csrf_token": token})

    token = sign_in(web, "m@example.org")
    assert "anna@orbita.example" in web.get("/organizations/orbita").text
    assert "anna@orbita.example" in web.get("/interests").text
    opened = web.post(
        f"/interests/{interest.group(1)}/project",
        data={"csrf_token": token},
        follow_redirects=False,
    )
    assert opened.status_code == 303 and opened.headers["location"].startswith("/projects/")


def test_contacts_visibility_is_set_by_those_who_manage_the_organisation(
    web: TestClient,
) -> None:
    token = sign_in(web, "m@example.org")
    assert 'name="contacts_visibility"' in web.get("/organizations/rm-rail").text
    assert 'name="contacts_visibility"' not in web.get("/organizations/orbita").text
    refused = web.post(
        "/organizations/orbita/contacts-visibility",
        data={"contacts_visibility": "public", "csrf_token": token},
    )
    assert refused.status_code == 403
    saved = web.post(
        "/organizations/rm-rail/contacts-visibility",
        data={"contacts_visibility": "on_accepted_interest", "csrf_token": token},
    )
    assert saved.status_code == 200
    assert 'value="on_accepted_interest" checked' in saved.text
    bad = web.post(
        "/organizations/rm-rail/contacts-visibility",
        data={"contacts_visibility": "friends", "csrf_token": token},
    )
    assert bad.status_code == 422 and "Not saved" in bad.text


def test_uploaded_files_are_summarised_with_each_error_and_its_reason(web: TestClient) -> None:
    token = sign_in(web, "s@example.org")
    page = (demo_news_path() / "chuvashia_kazakhstan.txt").read_bytes()
    files = [("files", ("chuvashia.txt", page)), ("files", ("empty.txt", b""))]
    summary = forms.job_outcome(
        web, web.post("/news/upload", data={"csrf_token": token}, files=files)
    )
    assert "<h1>What was read</h1>" in summary.text and "Done" in summary.text
    body = summary.text.split("<tbody>")[1]
    rows = re.findall(r"<tr( class=\"bad\")?>(.*?)</tr>", body, re.S)
    assert len(rows) == 2
    bad = [row for flag, row in rows if flag]
    assert len(bad) == 1 and "empty.txt" in bad[0] and "not read" in bad[0]
    assert "<td>empty document</td>" in bad[0]  # the reason
    leads = int(re.findall(r"<dt>Leads</dt><dd>(\d+)</dd>", summary.text)[0])
    assert leads > 0
    again = forms.job_outcome(
        web, web.post("/news/upload", data={"csrf_token": token}, files=files[:1])
    )
    assert "already stored" in again.text
    empty = web.post("/news/upload", data={"csrf_token": token})
    assert empty.status_code == 422 and 'id="files-errors"' in empty.text

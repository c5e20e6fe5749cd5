"""Organisation create and edit pages: per-field errors, the service's permissions (agency
staff act on behalf of their region's enterprises, audited), CSRF."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.domain.accounts import Role
from coopex.domain.suggestions import SuggestionStatus
from coopex.interchange.news_sources import read_sources
from coopex.services.demo import demo_news_path, load_demo
from coopex.web.app import create_app
from tests.conftest import OPERATOR, org_raw
from tests.web import forms
from tests.web.forms import sign_in

PASSWORD = "s3cret-pass"
DATA = demo_news_path()


@pytest.fixture
def web(coopex: Coopex) -> Iterator[TestClient]:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    coopex.registry.create_organization(OPERATOR, org_raw("other", country="CN", region="CN-ZJ"))
    coopex.registry.create_organization(
        OPERATOR, org_raw("mordovia-agency", kind="agency", region="RU-MO")
    )
    for email, role, org in (
        ("m@example.org", Role.ENTERPRISE_MEMBER, "rm-rail"),
        ("o@example.org", Role.ENTERPRISE_MEMBER, "other"),
        ("s@example.org", Role.AGENCY_STAFF, "mordovia-agency"),
    ):
        coopex.accounts.create_user(OPERATOR, email, email.split("@")[0], role, PASSWORD)
        coopex.accounts.add_member(OPERATOR, email, org)
    with TestClient(create_app(coopex)) as client:
        yield client


def _form(token: str, **fields: str) -> dict[str, str]:
    return {"csrf_token": token, "kind": "enterprise", "country": "RU", **fields}


def test_create_shows_field_errors_then_saves(web: TestClient, coopex: Coopex) -> None:
    token = sign_in(web, "s@example.org", PASSWORD, then="/organizations")
    assert 'href="/organizations/new"' in web.get("/organizations").text
    web.cookies.set("coopex_lang", "ru")
    bad = web.post(
        "/organizations/new",
        data=_form(token, name="", website="ftp://x", **{"contact-0-email": "nope"}),
    )
    assert bad.status_code == 422
    assert "Заполните это поле" in bad.text
    assert 'id="name-errors"' in bad.text and 'id="website-errors"' in bad.text
    assert 'id="contacts-errors"' in bad.text
    good = web.post(
        "/organizations/new",
        data=_form(
            token,
            ref="volga-bogies",
            name="Volga Bogies",
            region="RU-MO",
            website="https://volga.example",
            aliases="VB; Волжские тележки",
            activity_codes="OKVED2:30.20",
            contacts_visibility="on_accepted_interest",
            **{"contact-0-name": "Anna", "contact-0-email": "anna@volga.example"},
        ),
    )
    assert good.status_code == 200 and "Volga Bogies" in good.text
    org = coopex.registry.get_organization("volga-bogies", OPERATOR)
    assert org.aliases == ("VB", "Волжские тележки")
    assert [c.email for c in org.contacts] == ["anna@volga.example"]
    assert org.contacts_visibility.value == "on_accepted_interest"
    # its region's agency staff manage it: the organisation page offers to edit it
    assert 'href="/organizations/volga-bogies/edit"' in good.text


def test_agency_staff_create_and_edit_on_behalf(web: TestClient, coopex: Coopex) -> None:
    token = sign_in(web, "s@example.org", PASSWORD, then="/organizations/new")
    created = web.post(
        "/organizations/new",
        data=_form(token, ref="saransk-cable", name="Saransk Cable", region="RU-MO"),
    )
    assert created.status_code == 200 and "Saransk Cable" in created.text
    page = web.get("/organizations/saransk-cable/edit")
    assert page.status_code == 200 and 'value="Saransk Cable"' in page.text
    edited = web.post(
        "/organizations/saransk-cable/edit",
        data={
            "csrf_token": token,
            "name": "Saransk Cable Works",
            "kind": "enterprise",
            "country": "RU",
            "region": "RU-MO",
            "description": "Cables for rolling stock.",
            "contacts_visibility": "public",
        },
    )
    assert edited.status_code == 200 and "Saransk Cable Works" in edited.text
    entries = coopex.audit.recent(OPERATOR, limit=5)
    update = next(e for e in entries if e.action == "organization.update")
    assert update.on_behalf_of == "saransk-cable"
    create = next(e for e in entries if e.action == "organization.create")
    assert create.on_behalf_of == "saransk-cable"


def test_member_of_another_organisation_gets_403(web: TestClient, coopex: Coopex) -> None:
    token = sign_in(web, "o@example.org", PASSWORD, then="/organizations/rm-rail")
    assert 'href="/organizations/rm-rail/edit"' not in web.get("/organizations/rm-rail").text
    assert web.get("/organizations/rm-rail/edit").status_code == 403
    refused = web.post(
        "/organizations/rm-rail/edit", data=_form(token, name="Taken over", region="RU-MO")
    )
    assert refused.status_code == 403 and "<html" in refused.text
    assert coopex.registry.get_organization("rm-rail").name == "Organisation rm-rail"
    # enterprise members do not register organisations: the service refuses, the 403 page
    create = web.post("/organizations/new", data=_form(token, name="Mine"))
    assert create.status_code == 403 and "<html" in create.text


def test_forms_need_their_csrf_token(web: TestClient, coopex: Coopex) -> None:
    sign_in(web, "m@example.org", PASSWORD)
    response = web.post("/organizations/new", data={"name": "No token", "kind": "enterprise"})
    assert response.status_code == 400
    edit = web.post("/organizations/rm-rail/edit", data={"name": "No token"})
    assert edit.status_code == 400
    assert coopex.registry.get_organization("rm-rail").name == "Organisation rm-rail"


@pytest.fixture
def demo_web(coopex: Coopex) -> Iterator[TestClient]:
    load_demo(coopex.transfer, coopex.accounts)
    coopex.suggestions.refresh(OPERATOR, ["rm-rail-03"])
    coopex.accounts.create_user(OPERATOR, "r@example.org", "R", Role.ENTERPRISE_MEMBER, PASSWORD)
    coopex.accounts.add_member(OPERATOR, "r@example.org", "rm-rail")
    coopex.accounts.create_user(OPERATOR, "a@example.org", "A", Role.ADMIN, PASSWORD)
    with TestClient(create_app(coopex)) as client:
        yield client


def test_suggestions_are_accepted_and_dismissed_from_home(
    demo_web: TestClient, coopex: Coopex
) -> None:
    token = sign_in(demo_web, "r@example.org", PASSWORD)
    new = [
        s
        for s in coopex.suggestions.visible(OPERATOR, SuggestionStatus.NEW)
        if "rm-rail" in s.request_ref + s.offer_ref
    ]
    assert len(new) >= 2
    home = demo_web.get("/").text
    assert f'action="/suggestions/{new[0].id}/accept"' in home
    assert "/suggestions/refresh" not in home  # admins only
    assert demo_web.post(f"/suggestions/{new[0].id}/accept", data={}).status_code == 400
    demo_web.post(f"/suggestions/{new[0].id}/accept", data={"csrf_token": token})
    demo_web.post(f"/suggestions/{new[1].id}/dismiss", data={"csrf_token": token})
    status = {s.id: s.status for s in coopex.suggestions.visible(OPERATOR)}
    assert status[new[0].id] is SuggestionStatus.CONTACTED
    assert status[new[1].id] is SuggestionStatus.DISMISSED
    assert f"/suggestions/{new[0].id}/" not in demo_web.get("/").text
    refused = demo_web.post("/suggestions/refresh", data={"csrf_token": token})
    assert refused.status_code == 403


def test_admins_refresh_the_suggestions_as_a_job_and_see_what_came_of_it(
    demo_web: TestClient,
) -> None:
    token = sign_in(demo_web, "a@example.org", PASSWORD)
    assert 'action="/suggestions/refresh"' in demo_web.get("/").text
    asked = demo_web.post("/suggestions/refresh", data={"csrf_token": token})
    assert "<h1>Computing the suggestions</h1>" in asked.text or "computed" in asked.text
    done = forms.job_outcome(demo_web, asked)
    assert "<h1>Suggestions computed</h1>" in done.text
    searched = re.search(r"<dt>Listings searched</dt><dd>([\d,]+)</dd>", done.text)
    assert searched and int(searched.group(1).replace(",", "")) > 0
    sign_in(demo_web, "r@example.org", PASSWORD)  # someone else's job is not theirs to see
    assert demo_web.get(done.url.path).status_code == 404


def test_leads_are_searched_by_meaning(web: TestClient, coopex: Coopex) -> None:
    sources = [DATA / "vladivostok_harbin.html", DATA / "ulyanovsk_heilongjiang_zh.txt"]
    coopex.news.ingest(OPERATOR, read_sources(sources))
    sign_in(web, "s@example.org", PASSWORD)
    page = web.get("/leads", params={"q": "electric power equipment", "meaning": "1"})
    assert page.status_code == 200
    assert "Harbin Electric" in page.text or "哈尔滨电气集团" in page.text
    assert "Similarity" in page.text and 'name="meaning" value="1" checked' in page.text
    short = web.get("/leads", params={"q": "?!", "meaning": "1"})
    assert 'id="q-errors"' in short.text


def test_editing_keeps_every_contact(web: TestClient, coopex: Coopex) -> None:
    people = [{"name": f"Person {i}", "email": f"p{i}@rm.example"} for i in range(5)]
    coopex.registry.update_organization(OPERATOR, "rm-rail", {"contacts": people})
    token = sign_in(web, "m@example.org", PASSWORD, then="/organizations/rm-rail/edit")
    form = web.get("/organizations/rm-rail/edit").text
    assert 'value="p4@rm.example"' in form and 'name="contact-5-name"' in form
    fields = {f"contact-{i}-{k}": v for i, p in enumerate(people) for k, v in p.items() if i != 1}
    saved = web.post(
        "/organizations/rm-rail/edit",
        data=_form(token, name="RM Rail", region="RU-MO", **fields),
    )
    assert saved.status_code == 200
    org = coopex.registry.get_organization("rm-rail", OPERATOR)
    assert [c.name for c in org.contacts] == ["Person 0", "Person 2", "Person 3", "Person 4"]

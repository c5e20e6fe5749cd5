"""Dashboard and admin pages through the real app (no browser): who sees what, CSRF, filters."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.domain.accounts import Role
from coopex.web.app import create_app
from tests.conftest import OPERATOR, listing_raw, org_raw
from tests.web.forms import csrf
from tests.web.test_ui import PASSWORD, sign_in


@pytest.fixture
def web(coopex: Coopex) -> Iterator[TestClient]:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    coopex.registry.create_organization(
        OPERATOR, org_raw("uly-idc", kind="agency", region="RU-ULY")
    )
    coopex.registry.create_organization(OPERATOR, org_raw("orbita", region="RU-ULY"))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-1", "rm-rail"))
    coopex.registry.create_listing(OPERATOR, listing_raw("orb-1", "orbita", kind="offer"))
    for email, role, org in (
        ("a@example.org", Role.ADMIN, None),
        ("s@example.org", Role.AGENCY_STAFF, "uly-idc"),
        ("m@example.org", Role.ENTERPRISE_MEMBER, "rm-rail"),
    ):
        coopex.accounts.create_user(OPERATOR, email, email[0].upper(), role, PASSWORD)
        if org:
            coopex.accounts.add_member(OPERATOR, email, org)
    with TestClient(create_app(coopex)) as client:
        yield client


def test_dashboard_draws_charts_with_tables_and_the_agency_starts_at_its_region(
    web: TestClient,
) -> None:
    sign_in(web, "s@example.org")
    page = web.get("/dashboard").text
    assert 'value="RU-ULY" selected' in page  # the agency's own region
    assert " style=" not in page and "<script>" not in page
    for kind in ("stages", "heat", "leads", "interests"):
        assert f'data-chart="{kind}"' in page
    stages = page.split('data-chart="stages"')[1].split("</svg>")[0]
    assert stages.count('class="mark') == 6  # every stage, zero too
    heat = page.split('data-chart="heat"')[1].split("</svg>")[0]
    assert heat.count('class="mark') == 1  # rail × RU-ULY only
    assert page.count("<caption>") >= 4
    everywhere = web.get("/dashboard?region=all").text
    heat = everywhere.split('data-chart="heat"')[1].split("</svg>")[0]
    assert heat.count('class="mark') == 2  # rail × (RU-MO, RU-ULY)


def test_members_see_no_news_figures_and_no_admin(web: TestClient) -> None:
    sign_in(web)
    page = web.get("/dashboard").text
    assert 'data-chart="leads"' not in page and 'data-chart="money"' not in page
    assert 'href="/dashboard"' in page and 'href="/admin"' not in page
    for path in ("/admin", "/admin/users", "/admin/memberships", "/admin/roles", "/admin/audit"):
        assert web.get(path).status_code == 403, path
    token = csrf(web, "/dashboard")
    refused = web.post(
        "/admin/users/role", data={"email": "m@example.org", "role": "admin", "csrf_token": token}
    )
    assert refused.status_code == 403


def test_admin_creates_users_changes_roles_memberships_and_reads_the_trail(
    web: TestClient, coopex: Coopex
) -> None:
    sign_in(web, "a@example.org")
    assert 'href="/admin"' in web.get("/").text
    no_token = web.post(
        "/admin/users", data={"email": "n@example.org", "name": "N", "role": "admin"}
    )
    assert no_token.status_code == 400
    token = csrf(web, "/admin/users")
    bad = web.post(
        "/admin/users",
        data={"email": "nope", "name": "", "role": "enterprise_member", "csrf_token": token},
    )
    assert bad.status_code == 422 and "f-email" in bad.text and "field-errors" in bad.text
    made = web.post(
        "/admin/users",
        data={
            "email": "n@example.org",
            "name": "New",
            "role": "enterprise_member",
            "password": PASSWORD,
            "csrf_token": token,
        },
    )
    assert made.status_code == 200 and "n@example.org" in made.text
    web.post(
        "/admin/users/role",
        data={"email": "n@example.org", "role": "agency_staff", "csrf_token": token},
    )
    assert coopex.accounts.user("n@example.org").role is Role.AGENCY_STAFF
    own = web.post(
        "/admin/users/role",
        data={"email": "a@example.org", "role": "agency_staff", "csrf_token": token},
    )
    assert own.status_code == 409 and "You cannot change your own role." in own.text
    myself = web.post(
        "/admin/users/active",
        data={"email": "a@example.org", "active": "false", "csrf_token": token},
    )
    assert myself.status_code == 409 and coopex.accounts.user("a@example.org").active
    web.post(
        "/admin/users/active",
        data={"email": "n@example.org", "active": "false", "csrf_token": token},
    )
    assert coopex.accounts.user("n@example.org").active is False
    web.post(
        "/admin/memberships",
        data={
            "email": "n@example.org",
            "organization": "orbita",
            "action": "add",
            "csrf_token": token,
        },
    )
    assert "orbita" in {u.email: r for u, r in coopex.accounts.directory(OPERATOR)}["n@example.org"]
    missing = web.post(
        "/admin/memberships",
        data={"email": "n@example.org", "organization": "ghost", "csrf_token": token},
    )
    assert missing.status_code == 422
    web.post(
        "/admin/memberships",
        data={
            "email": "n@example.org",
            "organization": "orbita",
            "action": "remove",
            "csrf_token": token,
        },
    )
    assert {u.email: r for u, r in coopex.accounts.directory(OPERATOR)}["n@example.org"] == []
    roles = web.get("/admin/roles").text
    assert "agency_staff" in roles and "<caption>" in roles

    trail = web.get("/admin/audit?ref=n%40example.org").text
    actions = re.findall(r"<code>([a-z_.]+)</code>", trail)
    assert actions == [
        "membership.remove",
        "membership.add",
        "user.deactivate",
        "user.role",
        "user.create",
    ]
    denied = web.get("/admin/audit?outcome=denied&action=user.role").text
    assert re.findall(r"<code>([a-z_.]+)</code>", denied) == []  # the own-role slip is a 409
    bad_date = web.get("/admin/audit?since=yesterday")
    assert bad_date.status_code == 422 and "since-errors" in bad_date.text


def test_audit_trail_pages_with_filters_kept(web: TestClient, coopex: Coopex) -> None:
    for n in range(60):
        coopex.registry.create_organization(OPERATOR, org_raw(f"bulk-{n:02d}"))
    sign_in(web, "a@example.org")
    first = web.get("/admin/audit?entity=organization").text
    assert first.count("<tr><td>") == 50
    older = re.search(r'href="\?([^"]+)" rel="next"', first)
    assert older and "entity=organization" in older.group(1)
    second = web.get("/admin/audit?" + older.group(1).replace("&amp;", "&")).text
    assert second.count("<tr><td>") == 13 and 'rel="next"' not in second  # 60 + 3 set up

"""The web UI through the real app (no browser): security, languages, forms, page weight."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.domain.accounts import Role
from coopex.services.throttle import SignInThrottle, ThrottleLimits
from coopex.web.app import create_app
from coopex.web.ui import catalogues
from tests.conftest import OPERATOR, listing_raw, org_raw
from tests.web.forms import csrf

PASSWORD = "s3cret-pass"
MAX_ASSET_BYTES = 300 * 1024


@pytest.fixture
def web(coopex: Coopex) -> Iterator[TestClient]:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    coopex.registry.create_organization(OPERATOR, org_raw("other", country="CN", region="CN-ZJ"))
    coopex.registry.create_listing(OPERATOR, listing_raw("rm-rail-02", "rm-rail"))
    coopex.registry.create_listing(
        OPERATOR,
        listing_raw("other-01", "other", kind="offer", title="<script>alert('x')</script> bogies"),
    )
    coopex.accounts.create_user(
        OPERATOR, "m@example.org", "Member", Role.ENTERPRISE_MEMBER, PASSWORD
    )
    coopex.accounts.add_member(OPERATOR, "m@example.org", "rm-rail")
    with TestClient(create_app(coopex)) as client:
        yield client


def sign_in(client: TestClient, email: str = "m@example.org", password: str = PASSWORD) -> None:
    token = csrf(client)
    response = client.post(
        "/signin", data={"email": email, "password": password, "csrf_token": token}
    )
    assert response.status_code == 200 and 'class="signout"' in response.text


def test_root_is_the_application_with_strict_headers(web: TestClient) -> None:
    response = web.get("/")
    assert response.status_code == 200 and "<form" in response.text
    policy = response.headers["content-security-policy"]
    assert "unsafe-inline" not in policy and "script-src 'self'" in policy
    assert "<script>" not in response.text and " style=" not in response.text
    assert "HttpOnly" in response.headers["set-cookie"]
    sign_in(web)
    session = next(c for c in web.cookies.jar if c.name == "coopex_session")
    assert session.has_nonstandard_attr("HttpOnly")


def test_forms_without_their_csrf_token_are_refused(web: TestClient) -> None:
    web.get("/signin")
    response = web.post("/signin", data={"email": "m@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert "coopex_session" not in web.cookies


def test_hostile_listing_text_is_escaped(web: TestClient) -> None:
    sign_in(web)
    page = web.get("/listings/other-01").text
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_pages_need_a_session_and_the_services_decide(web: TestClient) -> None:
    first = web.get("/listings", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"].startswith("/signin")
    sign_in(web)
    assert web.get("/listings/rm-rail-02/edit").status_code == 200
    token = csrf(web, "/listings")
    refused = web.post("/listings/other-01/close", data={"csrf_token": token})
    assert refused.status_code == 403
    assert web.get("/listings/no-such").status_code == 404


def test_sign_in_is_throttled_with_retry_after(web: TestClient, coopex: Coopex) -> None:
    coopex.accounts.throttle = SignInThrottle(ThrottleLimits(2, 50, 600))
    token = csrf(web)
    for _ in range(2):
        wrong = {"email": "m@example.org", "password": "nope", "csrf_token": token}
        assert web.post("/signin", data=wrong).status_code == 401
    held = web.post(
        "/signin", data={"email": "m@example.org", "password": PASSWORD, "csrf_token": token}
    )
    assert held.status_code == 429 and int(held.headers["retry-after"]) > 0
    api = web.post("/api/v1/auth/token", json={"email": "m@example.org", "password": PASSWORD})
    assert api.status_code == 429 and "retry-after" in api.headers


def test_language_from_browser_then_choice_then_account(web: TestClient, coopex: Coopex) -> None:
    page = web.get("/signin", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"})
    assert 'lang="zh"' in page.text and "登录" in page.text
    sign_in(web)
    token = csrf(web, "/")
    switched = web.post("/language", data={"lang": "ru", "next": "/listings", "csrf_token": token})
    assert 'lang="ru"' in switched.text and "Объявления" in switched.text
    assert coopex.accounts.user("m@example.org").language == "ru"
    web.cookies.delete("coopex_lang")  # another browser: the account remembers
    assert 'lang="ru"' in web.get("/listings", headers={"Accept-Language": "en"}).text


def test_form_errors_per_field_in_the_readers_language(web: TestClient) -> None:
    sign_in(web)
    token = csrf(web, "/listings/new")
    web.cookies.set("coopex_lang", "ru")
    response = web.post(
        "/listings/new",
        data={
            "csrf_token": token,
            "kind": "offer",
            "org": "rm-rail",
            "title": "",
            "codes": "HS:99x",
            "sectors": "rail",
        },
    )
    assert response.status_code == 422
    html = response.text
    assert re.search(r'id="title-errors">\s*<li>Заполните это поле\.</li>', html)
    assert 'id="f-codes" name="codes" type="text" value="HS:99x"' in html
    assert 'aria-invalid="true"' in html


def test_every_message_is_translated() -> None:
    template = catalogues.extract()
    assert len([m for m in template if m.id]) > 100
    for language in catalogues.TRANSLATED:
        assert catalogues.untranslated(language, template) == [], language


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/organizations",
        "/organizations/rm-rail",
        "/listings",
        "/listings/new",
        "/listings/rm-rail-02",
        "/account",
        "/search?q=bogie",
    ],
)
def test_pages_are_light_and_load_nothing_from_elsewhere(web: TestClient, path: str) -> None:
    sign_in(web)
    html = web.get(path).text
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/static/") for a in assets), assets
    total = sum(len(web.get(a).content) for a in assets)
    assert total <= MAX_ASSET_BYTES, (path, total)


def test_api_docs_work_offline(web: TestClient) -> None:
    page = web.get("/api/v1/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets and all(a.startswith("/api/v1/docs/") for a in assets)
    for asset in assets:
        assert web.get(asset).status_code == 200


def test_unknown_pages_are_html_and_unknown_api_paths_problems(web: TestClient) -> None:
    page = web.get("/no/such/page")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    api = web.get("/api/v1/no-such")
    assert api.status_code == 404 and api.headers["content-type"] == "application/problem+json"


def test_listings_filter_by_union(web: TestClient) -> None:
    sign_in(web)
    union = web.get("/listings?union=EAEU").text
    assert "/listings/rm-rail-02" in union and "/listings/other-01" not in union
    assert "/listings/other-01" in web.get("/listings?country=CN").text


def test_edit_and_close_a_listing_through_the_forms(web: TestClient, coopex: Coopex) -> None:
    sign_in(web)
    form = web.get("/listings/rm-rail-02/edit").text
    assert 'value="HS:8607"' in form
    token = csrf(web, "/listings/rm-rail-02/edit")
    bad = web.post(
        "/listings/rm-rail-02/edit",
        data={"csrf_token": token, "title": "Тележки", "valid_until": "31.02.2026"},
    )
    assert bad.status_code == 422 and 'id="valid_until-errors"' in bad.text
    saved = web.post(
        "/listings/rm-rail-02/edit",
        data={
            "csrf_token": token,
            "title": "Тележки грузовых вагонов",
            "codes": "HS:8607",
            "sectors": "rail",
            "status": "published",
            "valid_until": "2030-12-31",
        },
    )
    assert saved.status_code == 200 and "Тележки грузовых вагонов" in saved.text
    listing = coopex.registry.get_listing(OPERATOR, "rm-rail-02")
    assert listing.title == "Тележки грузовых вагонов" and str(listing.valid_until) == "2030-12-31"
    closed = web.post("/listings/rm-rail-02/close", data={"csrf_token": token})
    assert closed.status_code == 200
    assert coopex.registry.get_listing(OPERATOR, "rm-rail-02").status.value == "closed"

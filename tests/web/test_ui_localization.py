"""The localization pages through the real app (no browser): regimes, assess, compare, plan,
stored products; errors per field in the reader's language, CSRF, permissions."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from coopex.app import Coopex
from coopex.domain.accounts import Role
from coopex.web.app import create_app
from tests.conftest import OPERATOR, org_raw
from tests.web.forms import csrf
from tests.web.test_ui import PASSWORD, sign_in

GENERATOR = {
    "name": "Diesel generator set 200 kW",
    "okpd2": "27.11.31",
    "op_0": "assembly and tests",
    "country_0": "RU",
    "points_0": "180",
    "op_1": "engine",
    "country_1": "RU",
    "points_1": "70",
    "op_2": "alternator",
    "country_2": "CN",
    "points_2": "90",
}
GENERATOR_FILE = """\
name: Diesel generator set 200 kW
okpd2: "27.11.31"
operations:
  - {operation: assembly and tests, points: 180, country: RU}
  - {operation: engine, points: 70, country: BY}
"""


@pytest.fixture
def web(coopex: Coopex) -> Iterator[TestClient]:
    coopex.registry.create_organization(OPERATOR, org_raw("rm-rail"))
    coopex.registry.create_organization(OPERATOR, org_raw("other", country="CN", region="CN-ZJ"))
    coopex.registry.create_organization(OPERATOR, org_raw("elektrosila"))
    for email, role in (
        ("m@example.org", Role.ENTERPRISE_MEMBER),
        ("o@example.org", Role.ENTERPRISE_MEMBER),
    ):
        coopex.accounts.create_user(OPERATOR, email, email, role, PASSWORD)
    coopex.accounts.add_member(OPERATOR, "m@example.org", "rm-rail")
    coopex.accounts.add_member(OPERATOR, "o@example.org", "other")
    with TestClient(create_app(coopex)) as client:
        yield client


def post(web: TestClient, path: str, data: dict[str, str], **kwargs: object) -> str:
    response = web.post(path, data={**data, "csrf_token": csrf(web, path)}, **kwargs)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text[-3000:]
    return response.text


def verdict(html: str) -> str:
    found = re.search(r'<p class="big">([^<]+)</p>', html)
    assert found, html[-2000:]
    return found.group(1)


def test_regimes_list_and_a_regime_filtered_by_okpd2(web: TestClient) -> None:
    sign_in(web)
    html = web.get("/localization").text
    assert "ru-pp719-thresholds" in html and "Sample data, not legal advice" in html
    assert 'href="/localization"' in html and 'aria-current="page"' in html  # nav entry
    found = web.get("/localization/regimes/ru-pp719-thresholds?q=27.11.31").text
    assert "27.11.31" in found and "1 category" in found
    assert "28.15.10" not in found
    everything = web.get("/localization/regimes/ru-pp719-thresholds").text
    assert "Show more" in everything  # ~200 categories are paged
    table = web.get("/localization/regimes/ru-pp719-vehicles").text
    assert "Operations with points" in table and "mandatory" in table.lower()
    assert web.get("/localization/regimes/no-such").status_code == 404


def test_assess_a_generator_set_in_2026_and_2027(web: TestClient) -> None:
    sign_in(web)
    html = post(web, "/localization/assess", {**GENERATOR, "on": "2026-06-01", "territory": "RU"})
    assert verdict(html) == "Eligible"
    assert re.search(r'class="loc-score">250<', html)
    assert re.search(r'class="loc-threshold">180', html)
    assert "Performed in China, outside the territory RU: does not count." in html
    assert (
        '<svg viewBox="0 0 640 240" role="img"' in html
        and '<table class="table loc-outlook">' in html
    )
    assert " style=" not in html and "<script>" not in html
    later = post(web, "/localization/assess", {**GENERATOR, "on": "2027-01-01", "territory": "RU"})
    assert verdict(later) == "Not eligible"
    assert re.search(r'class="loc-threshold">270', later)
    web.cookies.set("coopex_lang", "ru")
    russian = post(web, "/localization/assess", {**GENERATOR, "on": "2027-01-01"})
    assert verdict(russian) == "Не соответствует"
    assert "Выполняется вне территории RU (Китай): не засчитывается." in russian


def test_assess_errors_are_per_field_and_in_the_readers_language(web: TestClient) -> None:
    sign_in(web)
    web.cookies.set("coopex_lang", "ru")
    token = csrf(web, "/localization/assess")
    data = {**GENERATOR, "points_1": "", "on": "2026-06-01", "csrf_token": token}
    response = web.post("/localization/assess", data=data)
    assert response.status_code == 422
    html = response.text
    assert re.search(r'id="points_1-errors">\s*<li>Укажите баллы', html), html[-4000:]
    assert 'name="op_0" type="text" value="assembly and tests"' in html  # kept as typed
    country = web.post("/localization/assess", data={**data, "points_1": "70", "country_2": "XX"})
    assert re.search(r'id="country_2-errors">\s*<li>Неизвестный код страны', country.text)
    bad_day = web.post(
        "/localization/assess",
        data={**GENERATOR, "on": "2040-01-01", "csrf_token": csrf(web, "/localization/assess")},
    )
    assert bad_day.status_code == 422 and re.search(r'id="on-errors">\s*<li>Дата вне', bad_day.text)
    unknown = web.post(
        "/localization/assess",
        data={
            **GENERATOR,
            "okpd2": "01.11.11",
            "on": "2026-06-01",
            "csrf_token": csrf(web, "/localization/assess"),
        },
    )
    assert re.search(r'id="okpd2-errors">\s*<li>Ни в одном режиме', unknown.text)


def test_forms_without_csrf_are_refused(web: TestClient) -> None:
    sign_in(web)
    web.get("/localization/assess")
    for path in ("/localization/assess", "/localization/compare", "/localization/plan"):
        assert web.post(path, data={**GENERATOR, "on": "2026-06-01"}).status_code == 400
    assert web.post("/organizations/rm-rail/products", data={}).status_code == 400


def test_pages_need_a_session(web: TestClient) -> None:
    for path in ("/localization", "/localization/assess", "/localization/plan"):
        response = web.get(path, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"].startswith("/signin")


def test_upload_a_product_file_and_compare_russia_with_the_union_state(web: TestClient) -> None:
    sign_in(web)
    token = csrf(web, "/localization/compare")
    response = web.post(
        "/localization/compare",
        data={"on": "2026-06-01", "csrf_token": token},
        files={"file": ("generator.yaml", GENERATOR_FILE.encode(), "application/yaml")},
    )
    assert response.status_code == 200, response.text[-3000:]
    html = response.text
    assert "Mutual recognition adds 70 points." in html
    verdicts = re.findall(r'<p class="big">([^<]+)</p>', html)
    assert verdicts == ["Eligible", "Eligible"] or verdicts == ["Not eligible", "Eligible"]
    assert 'value="Diesel generator set 200 kW"' in html  # the file's product fills the form
    broken = web.post(
        "/localization/assess",
        data={"on": "2026-06-01", "csrf_token": token},
        files={"file": ("g.json", b"{not json", "application/json")},
    )
    assert broken.status_code == 422 and "The file is not valid JSON or YAML." in broken.text


def test_a_plan_with_a_partner_and_an_infeasible_one(web: TestClient) -> None:
    sign_in(web)
    data = {
        **GENERATOR,
        "by": "2027-06-01",
        "start": "2026-01-15",
        "territory": "RU",
        "cost_op_0": "alternator",
        "cost_0": "2500000",
        "lead_0": "200",
        "onboarding_cost": "100000",
        "currency": "RUB",
    }
    # No registry search here (the test registry has no offers): no partner, so blocked.
    html = post(web, "/localization/plan", data)
    assert "No plan meets every constraint." in html
    assert "The threshold cannot be reached: short by 20 points" in html
    short = post(web, "/localization/plan", {**data, "by": "2026-06-01", "budget": "1"})
    assert "Already eligible" in short
    wrong = web.post(
        "/localization/plan",
        data={**data, "cost_op_0": "gearbox", "csrf_token": csrf(web, "/localization/plan")},
    )
    assert wrong.status_code == 422
    assert re.search(r'id="cost_op_0-errors">\s*<li>Not an operation of this product', wrong.text)


def test_a_plan_names_its_partners_from_a_file(web: TestClient) -> None:
    sign_in(web)
    text = GENERATOR_FILE + (
        "  - {operation: alternator, points: 90, country: CN}\n"
        "plan:\n  start: 2026-01-15\n  onboarding_cost: 100000\n"
        "  operations:\n    - {operation: alternator, cost: 2500000, lead_time_days: 200}\n"
        "  partners:\n    - {partner: elektrosila, operation: alternator}\n"
    )
    token = csrf(web, "/localization/plan")
    response = web.post(
        "/localization/plan",
        data={"by": "2027-06-01", "territory": "RU", "csrf_token": token},
        files={"file": ("generator.yaml", text.encode(), "application/yaml")},
    )
    assert response.status_code == 200, response.text[-3000:]
    html = response.text
    assert "Optimal plan (proven" in html
    assert 'href="/organizations/elektrosila"' in html
    assert "2,600,000.00" in html or "2 600 000" in html


def test_stored_products_follow_the_services_permissions(web: TestClient, coopex: Coopex) -> None:
    sign_in(web)
    token = csrf(web, "/organizations/rm-rail")
    added = web.post(
        "/organizations/rm-rail/products",
        data={"csrf_token": token},
        files={"file": ("generator.yaml", GENERATOR_FILE.encode(), "application/yaml")},
        follow_redirects=False,
    )
    assert added.status_code == 303, added.text[-2000:]
    product_path = added.headers["location"].split("?")[0]
    page = web.get("/organizations/rm-rail").text
    assert "Products" in page and product_path in page
    again = web.post(
        f"{product_path}/assess",
        data={"on": "2027-01-01", "territory": "RU+BY", "csrf_token": token},
    )
    assert again.status_code == 200 and "Assessment history" in again.text
    assert "<polyline" in again.text and "RU+BY" in again.text
    bad = web.post(f"{product_path}/assess", data={"on": "soon", "csrf_token": token})
    assert bad.status_code == 422 and 'id="on-errors"' in bad.text
    # Another enterprise sees neither the section nor the product, and cannot add or assess.
    web.cookies.clear()
    sign_in(web, "o@example.org")
    assert "products-title" not in web.get("/organizations/rm-rail").text
    assert web.get(product_path).status_code == 403
    token = csrf(web, "/organizations/other")
    refused = web.post(
        "/organizations/rm-rail/products",
        data={"csrf_token": token},
        files={"file": ("generator.yaml", GENERATOR_FILE.encode(), "application/yaml")},
    )
    assert refused.status_code == 403
    assert web.post(f"{product_path}/assess", data={"csrf_token": token}).status_code == 403
    assert len(coopex.localization.list_products(OPERATOR, "rm-rail").items) == 1

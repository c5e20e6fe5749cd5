"""Localization journeys in a real browser: assess, Russia vs Union State, plan, stored
products; screenshots of the localization pages in three languages; accessibility (axe)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.web.browser.conftest import SCREENSHOTS
from tests.web.browser.test_journeys import LANGUAGES, serious, sign_in, switch_language

GENERATOR = [
    ("assembly and tests", "RU", "180"),
    ("engine", "RU", "70"),
    ("alternator", "CN", "90"),
]
PLAN_FILE = """\
name: Diesel generator set 200 kW
okpd2: "27.11.31"
operations:
  - {operation: assembly and tests, points: 180, country: RU}
  - {operation: engine, points: 70, country: RU}
  - {operation: alternator, points: 90, country: CN}
plan:
  start: 2026-01-15
  onboarding_cost: 100000
  operations:
    - {operation: alternator, cost: 2500000, lead_time_days: 200}
  partners:
    - {partner: saransk-cable, operation: alternator, cost: 2100000}
"""


@pytest.fixture(params=["js-on", "js-off"])
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """Every journey runs with JavaScript and without (forms must work alone)."""
    ctx = browser.new_context(
        locale="en-GB",
        viewport={"width": 1280, "height": 900},
        java_script_enabled=request.param == "js-on",
    )
    yield ctx
    ctx.close()


def fill_product(page: Page, lines: list[tuple[str, str, str]], name: str, okpd2: str) -> None:
    page.fill("#f-name", name)
    page.fill("#f-okpd2", okpd2)
    for row, (operation, country, points) in enumerate(lines):
        page.fill(f"#f-op_{row}", operation)
        page.fill(f"#f-country_{row}", country)
        page.fill(f"#f-points_{row}", points)


def submit(page: Page) -> None:
    page.click("form.loc-form button.primary")


def test_assess_a_generator_set_eligible_in_2026_not_in_2027(
    context: BrowserContext, server: str
) -> None:
    page = context.new_page()
    sign_in(page, server)
    page.click("nav .nav >> text=Localization")
    expect(page.locator("h1")).to_have_text("Localization regimes")
    page.click(".loc-tabs >> text=Assess a product")
    fill_product(page, GENERATOR, "Diesel generator set 200 kW", "27.11.31")
    page.fill("#f-on", "2026-06-01")
    submit(page)
    expect(page.locator(".loc-verdict .big")).to_have_text("Eligible")
    expect(page.locator(".loc-score")).to_have_text("250")
    expect(page.locator(".loc-threshold")).to_contain_text("180")
    expect(page.locator(".loc-chart svg")).to_be_visible()
    page.fill("#f-on", "2027-01-01")  # the form keeps the product: only the date changes
    submit(page)
    expect(page.locator(".loc-verdict .big")).to_have_text("Not eligible")
    expect(page.locator(".loc-threshold")).to_contain_text("270")
    expect(page.locator(".loc-contributions")).to_contain_text(
        "Performed in China, outside the territory RU: does not count."
    )


def test_compare_russia_with_the_union_state(context: BrowserContext, server: str) -> None:
    page = context.new_page()
    sign_in(page, server)
    page.goto(f"{server}/localization/compare")
    lines = [
        ("assembly and tests", "RU", "180"),
        ("engine", "BY", "70"),
        ("alternator", "CN", "90"),
    ]
    fill_product(page, lines, "Diesel generator set 200 kW", "27.11.31")
    page.fill("#f-on", "2026-06-01")
    submit(page)
    expect(page.locator(".loc-gain")).to_have_text("Mutual recognition adds 70 points.")
    scores = page.locator(".loc-columns .loc-score").all_inner_texts()
    assert scores == ["180", "250"], scores


def test_make_a_plan_and_see_it(context: BrowserContext, server: str, tmp_path: Path) -> None:
    page = context.new_page()
    sign_in(page, server)
    page.goto(f"{server}/localization/plan")
    product = tmp_path / "generator.yaml"
    product.write_text(PLAN_FILE, encoding="utf-8")
    page.set_input_files("#f-file", str(product))
    page.fill("#f-by", "2027-06-01")
    page.uncheck("input[name=registry]")  # the file names the partner: no registry search
    submit(page)
    expect(page.locator(".loc-verdict .big")).to_contain_text("Optimal plan")
    moves = page.locator(".loc-moves")
    expect(moves).to_contain_text("alternator")
    moves.locator("a[href='/organizations/saransk-cable']").click()
    expect(page).to_have_url(f"{server}/organizations/saransk-cable")


def test_keep_a_product_and_assess_it_again(
    context: BrowserContext, server: str, tmp_path: Path
) -> None:
    page = context.new_page()
    sign_in(page, server)
    page.goto(f"{server}/organizations/rm-rail")
    product = tmp_path / "generator.yaml"
    name = f"Generator set, {tmp_path.name}"  # each run (JS on, off) keeps its own product
    product.write_text(PLAN_FILE.replace("Diesel generator set 200 kW", name), encoding="utf-8")
    page.set_input_files("#f-product-file", str(product))
    page.click(".loc-products button[type=submit]")
    expect(page.locator(".notice")).to_contain_text("The product is kept.")
    expect(page.locator("h1")).to_have_text(name)
    for day in ("2026-06-01", "2027-01-01"):
        page.fill("#f-on", day)
        page.click("form.loc-again button.primary")
        expect(page.locator(".loc-history tbody tr")).to_have_count(1 if day < "2027" else 2)
    expect(page.locator(".loc-chart.small polyline.score")).to_be_attached()


def test_screenshots_and_accessibility_of_the_localization_pages(
    browser: Browser, server: str
) -> None:
    # axe is injected by evaluating its script, which the site's CSP would refuse.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    problems: list[str] = []
    sign_in(page, server, "staff@ulyanovsk-idc.demo")

    def check(name: str, code: str) -> None:
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{code}.png"), full_page=True)
        problems.extend(f"{name} [{code}]: {p}" for p in serious(axe.run(page)))

    for code in LANGUAGES:
        switch_language(page, code)
        for name, path in {
            "localization-regimes": "/localization",
            "localization-regime": "/localization/regimes/ru-pp719-vehicles",
            "localization-thresholds": "/localization/regimes/ru-pp719-thresholds?q=27.11",
        }.items():
            page.goto(f"{server}{path}")
            check(name, code)
        page.goto(f"{server}/localization/assess")
        fill_product(page, GENERATOR, "Diesel generator set 200 kW", "27.11.31")
        page.fill("#f-on", "2026-06-01")
        submit(page)
        check("localization-assess", code)
        page.goto(f"{server}/localization/compare")
        lines = [("assembly and tests", "RU", "180"), ("engine", "BY", "70")]
        fill_product(page, lines, "Diesel generator set 200 kW", "27.11.31")
        page.fill("#f-on", "2026-06-01")
        submit(page)
        check("localization-compare", code)
        page.goto(f"{server}/localization/plan")
        fill_product(page, GENERATOR, "Diesel generator set 200 kW", "27.11.31")
        page.fill("#f-cost_op_0", "alternator")
        page.fill("#f-cost_0", "2500000")
        page.fill("#f-lead_0", "400")
        page.fill("#f-by", "2027-06-01")
        page.fill("#f-start", "2026-03-01")
        page.uncheck("input[name=registry]")
        submit(page)  # no partner and too slow: blocked, with the reasons
        check("localization-plan", code)
    context.close()
    assert not problems, "\n".join(problems)

"""Dashboards and admin pages in a real browser: charts drawn, screenshots, accessibility."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.web.browser.conftest import SCREENSHOTS
from tests.web.browser.test_journeys import LANGUAGES, serious, sign_in, switch_language

PAGES = {
    "dashboard": "/dashboard?region=all",
    "admin-users": "/admin/users",
    "admin-memberships": "/admin/memberships",
    "admin-roles": "/admin/roles",
    "admin-audit": "/admin/audit",
}


def _marks(page: Page, kind: str) -> int:
    return page.locator(f'svg[data-chart="{kind}"] rect.mark').count()


def test_dashboard_draws_the_demo_figures(browser: Browser, server: str) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    sign_in(page, server, "admin@coopex.demo")
    page.goto(f"{server}/dashboard?region=all")
    assert _marks(page, "stages") == 6  # every stage of the funnel
    assert _marks(page, "interests") == 3  # expressed, accepted, projects
    # The demo news: three trade figures (Vietnam, Kazakhstan, China; all in USD).
    assert _marks(page, "money") == 3
    # Leads of this month: one column, a segment per type plus the legend's key per type.
    types = page.locator("#h-leads ~ table tbody tr").count()
    assert _marks(page, "leads") == 2 * types and types >= 5
    cells = page.locator("#h-heat ~ table tbody tr").count()
    assert _marks(page, "heat") == cells > 20  # a shaded cell per sector and region in use
    context.clear_cookies()  # the agency's staff start at their own region
    staff = context.new_page()
    sign_in(staff, server, "staff@ulyanovsk-idc.demo")
    staff.goto(f"{server}/dashboard")
    expect(staff.locator("#f-region")).to_have_value("RU-ULY")
    context.close()


def test_screenshots_and_accessibility_of_dashboard_and_admin(
    browser: Browser, server: str
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    problems: list[str] = []
    sign_in(page, server, "admin@coopex.demo")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for code in LANGUAGES:
        switch_language(page, code)
        for name, path in PAGES.items():
            page.goto(f"{server}{path}")
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{code}.png"), full_page=True)
            problems += [f"{path} [{code}]: {p}" for p in serious(axe.run(page))]
    context.close()
    assert not problems, "\n".join(problems)

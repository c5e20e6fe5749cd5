"""Journeys through the web application in a real browser, screenshots, accessibility."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.web.browser.conftest import SCREENSHOTS

PASSWORD = "coopex-demo"
BATCHES = itertools.count(1)
LANGUAGES = {"ru": "Русский", "en": "English", "zh": "中文"}


def sign_in(page: Page, server: str, email: str = "member@rmrail.demo") -> None:
    page.goto(f"{server}/")
    page.fill("#f-email", email)
    page.fill("#f-password", PASSWORD)
    page.click("form.form button[type=submit]")
    expect(page.locator("form.signout")).to_be_visible()
    # The language is remembered on the account: a journey before this one may have left the
    # user in Russian or Chinese, and every journey starts in English.
    if page.locator("html").get_attribute("lang") != "en":
        switch_language(page, "en")


def switch_language(page: Page, code: str) -> None:
    page.click(f"form.languages button[value={code}]")
    expect(page.locator("html")).to_have_attribute("lang", code)


@pytest.fixture(params=["js-on", "js-off"])
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    """Every journey runs twice: with JavaScript and without (forms must work alone)."""
    ctx = browser.new_context(
        locale="en-GB",
        viewport={"width": 1280, "height": 900},
        java_script_enabled=request.param == "js-on",
    )
    yield ctx
    ctx.close()


def test_sign_in_and_out(context: BrowserContext, server: str) -> None:
    page = context.new_page()
    page.goto(f"{server}/")
    page.fill("#f-email", "member@rmrail.demo")
    page.fill("#f-password", "not-the-password")
    page.click("form.form button[type=submit]")
    expect(page.locator(".alert")).to_contain_text("Wrong e-mail or password")
    sign_in(page, server)
    expect(page.locator("h1")).to_contain_text("RM Rail engineer")
    page.click("form.signout button")
    expect(page.locator("#f-password")).to_be_visible()
    page.goto(f"{server}/listings")
    expect(page).to_have_url(f"{server}/signin?next=%2Flistings")


def test_russian_request_finds_chinese_and_english_offers_explained_in_russian(
    context: BrowserContext, server: str
) -> None:
    page = context.new_page()
    sign_in(page, server)
    switch_language(page, "ru")
    page.goto(f"{server}/listings/new")
    page.select_option("#f-kind", "request")
    title = "Ищем поставщика тележек и автосцепок для грузовых вагонов"
    page.fill("#f-title", f"{title}, партия {next(BATCHES)}")  # each run its own listing
    page.fill(
        "#f-description",
        "Нужны литые боковые рамы тележек, автосцепки и колёсные пары, серийные объёмы.",
    )
    page.fill("#f-codes", "HS:8607")
    page.check("input[name=sectors][value=rail]")
    page.click("form.form button[type=submit]")
    expect(page.locator(".notice")).to_contain_text("Объявление сохранено")
    page.click("text=Найти партнёров")
    matches = page.locator("ol.items > li.match")
    expect(matches.first).to_be_visible()
    languages = set(matches.locator(".item-head a").evaluate_all("els => els.map(e => e.lang)"))
    assert {"en", "zh"} <= languages, languages
    reasons = " ".join(matches.locator(".reasons").all_inner_texts())
    assert "Общие слова" in reasons and "Та же отрасль" in reasons, reasons
    for internal in ("semantic", "lexical", "same_union", "bogi", "тележк"):
        assert not re.search(rf"\b{internal}\b", reasons), (internal, reasons)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "journey-matches-ru.png"), full_page=True)


def test_switch_to_chinese_and_back(context: BrowserContext, server: str) -> None:
    page = context.new_page()
    sign_in(page, server)
    page.goto(f"{server}/listings")
    switch_language(page, "zh")
    expect(page.locator("nav .nav")).to_contain_text("首页")
    expect(page).to_have_url(f"{server}/listings")
    page.goto(f"{server}/organizations")
    expect(page.locator("h1")).to_have_text("机构")  # remembered
    switch_language(page, "en")
    expect(page.locator("h1")).to_have_text("Organisations")


MAIN_PAGES = {
    "home": "/",
    "organizations": "/organizations",
    "organization": "/organizations/rm-rail",
    "listings": "/listings",
    "listing": "/listings/rm-rail-02",
    "matches": "/listings/rm-rail-02/matches",
    "search": "/search?q=%E5%86%B7%E9%93%BE%E7%89%A9%E6%B5%81",
    "new-listing": "/listings/new",
    "account": "/account",
}


def serious(results: Any) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def test_screenshots_and_accessibility_of_the_main_pages(browser: Browser, server: str) -> None:
    # axe is injected by evaluating its script, which the site's CSP would refuse.
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    problems: list[str] = []
    page.goto(f"{server}/signin")
    for code in LANGUAGES:
        switch_language(page, code)
        page.screenshot(path=str(SCREENSHOTS / f"signin-{code}.png"), full_page=True)
    problems += serious(axe.run(page))
    sign_in(page, server, "staff@ulyanovsk-idc.demo")
    for code in LANGUAGES:
        switch_language(page, code)
        for name, path in MAIN_PAGES.items():
            page.goto(f"{server}{path}")
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{code}.png"), full_page=True)
            problems += [f"{path} [{code}]: {p}" for p in serious(axe.run(page))]
    context.close()
    assert not problems, "\n".join(problems)
    assert len(list(Path(SCREENSHOTS).glob("*.png"))) >= 3 * len(MAIN_PAGES)


def test_api_docs_render_offline_under_the_sites_policy(browser: Browser, server: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    page.goto(f"{server}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("coopex")
    expect(page.locator(".opblock-tag-section").first).to_be_visible()
    context.close()
    assert not outside, outside
    assert not [e for e in errors if "Content Security Policy" in e], errors

"""Journeys through news, leads, cooperation projects and expressions of interest in a real
browser (JavaScript on and off), screenshots of these pages in RU/EN/ZH, accessibility."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.web.browser.conftest import SCREENSHOTS
from tests.web.browser.test_journeys import LANGUAGES, PASSWORD, serious, sign_in, switch_language

STAFF = "staff@ulyanovsk-idc.demo"  # acts for the organisations of Ulyanovsk region
MEMBER = "member@rmrail.demo"
# One page per run (JavaScript on, off): the same story twice would be stored once.
NEWS = {
    "js-on": (
        "Ульяновская область ищет партнёров в Китае\n\n"
        "Делегация Ульяновской области провела переговоры с компанией Weichai в Вэйфане "
        "о локализации производства двигателей.\n\n"
        "Стороны договорились продолжить работу над проектом."
    ),
    "js-off": (
        "Ulyanovsk delegation holds talks with Weichai Power\n\n"
        "A business mission of Ulyanovsk region held talks with Weichai Power Co., Ltd. in "
        "Weifang on the supply of diesel engines.\n\n"
        "The sides agreed to sign an agreement in spring."
    ),
}


@pytest.fixture(params=["js-on", "js-off"])
def context(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    ctx = browser.new_context(
        locale="en-GB",
        viewport={"width": 1280, "height": 900},
        java_script_enabled=request.param == "js-on",
    )
    yield ctx
    ctx.close()


def enter(page: Page, server: str, email: str) -> None:
    """Sign in and read in English (another test may have left the account in Chinese)."""
    sign_in(page, server, email)
    switch_language(page, "en")


def sign_out(page: Page) -> None:
    page.click("form.signout button")
    expect(page.locator("#f-password")).to_be_visible()


def test_upload_news_accept_a_lead_and_move_the_project_to_agreement_signed(
    context: BrowserContext, server: str, request: pytest.FixtureRequest
) -> None:
    run = request.node.callspec.params["context"]
    page = context.new_page()
    enter(page, server, STAFF)
    page.click("nav >> text=News")
    page.click("text=Upload news")
    page.fill("#f-title", f"journey-{run}.txt")
    page.fill("#f-text", NEWS[run])
    page.click("form.form button[type=submit]")
    # The upload runs as a background job; its page reloads itself until the job ends.
    expect(page.locator("h1")).to_have_text("What was read", timeout=90_000)
    expect(page.locator(".badge.status-succeeded")).to_have_text("Done")
    expect(page.locator("dl.summary")).to_contain_text("Stored")
    page.click(f"table a:has-text('journey-{run}.txt')")
    page.locator("ul.items .item-head a").first.click()
    expect(page.locator("mark")).to_be_visible()  # the evidence sentence in the page
    page.click("text=Accept: open a project")
    expect(page.locator(".notice")).to_contain_text("this project was opened from it")
    expect(page.locator(".heading .badge")).to_have_text("Lead")
    expect(page.locator("input[name=stage][value=agreement]")).to_have_count(0)  # not offered
    for stage, label in (
        ("contact", "Contact"),
        ("negotiation", "Negotiation"),
        ("agreement", "Agreement signed"),
    ):
        page.check(f"input[name=stage][value={stage}]")
        page.fill("#f-comment", f"{label} ({run})")
        page.click("form[action$='/move'] button[type=submit]")
        expect(page.locator(".heading .badge")).to_have_text(label)
    expect(page.locator("ol.timeline")).to_contain_text("Negotiation → Agreement signed")
    expect(page.locator("ul.links")).to_contain_text("Lead from the news")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"journey-project-{run}.png"), full_page=True)


def _api(server: str, method: str, path: str, body: object, token: str | None = None) -> object:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    call = urllib.request.Request(
        f"{server}/api/v1{path}", json.dumps(body).encode(), headers, method=method
    )
    with urllib.request.urlopen(call, timeout=30) as response:
        return json.loads(response.read())


def test_interest_accepted_by_the_other_side_shows_its_contacts(
    browser: Browser, server: str
) -> None:
    # The other side hides its contacts until it accepts an interest (set up through the API).
    login = _api(server, "POST", "/auth/token", {"email": STAFF, "password": PASSWORD})
    assert isinstance(login, dict)
    contacts = [{"name": "Irina Sales", "email": "sales@umt.example"}]
    _api(
        server,
        "PATCH",
        "/organizations/ulyanovsk-machine-tools",
        {"contacts": contacts, "contacts_visibility": "on_accepted_interest"},
        str(login["token"]),
    )
    context = browser.new_context(locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    enter(page, server, MEMBER)
    page.goto(f"{server}/organizations/ulyanovsk-machine-tools")
    expect(page.locator("main")).not_to_contain_text("sales@umt.example")
    page.goto(f"{server}/listings/rm-rail-01/matches")
    button = page.locator(
        "form.interest:has(input[name=to_listing][value=ulyanovsk-machine-tools-01]) button"
    )
    if not button.is_visible():
        page.click("details.weak summary")
    button.click()
    expect(page.locator(".notice")).to_contain_text("Your interest is sent")
    sign_out(page)

    enter(page, server, STAFF)
    page.locator(".followups a[href^='/interests#interest-']").first.click()  # on the home page
    incoming = page.locator("section:has(h2:text('Incoming')) li.item").filter(
        has=page.locator("a[href='/listings/ulyanovsk-machine-tools-01']")
    )
    incoming.locator("button:text('Accept')").click()
    expect(page.locator(".notice")).to_contain_text("you now see each other's contacts")
    sign_out(page)

    enter(page, server, MEMBER)
    page.goto(f"{server}/organizations/ulyanovsk-machine-tools")
    expect(page.locator("ul.contacts")).to_contain_text("sales@umt.example")
    page.click("nav >> text=Interests")
    outgoing = page.locator("section:has(h2:text('Outgoing')) li.item").first
    expect(outgoing).to_contain_text("sales@umt.example")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "journey-interest-accepted.png"), full_page=True)
    outgoing.locator("button:text('Open a cooperation project')").click()
    expect(page.locator(".heading .badge")).to_have_text("Contact")
    expect(page.locator("ul.links")).to_contain_text("Match")
    context.close()


def _first_link(page: Page, server: str, path: str, selector: str) -> str:
    page.goto(f"{server}{path}")
    href = page.locator(selector).first.get_attribute("href")
    assert href, f"nothing to open on {path}"
    return href


def test_screenshots_and_accessibility_of_the_news_and_project_pages(
    browser: Browser, server: str
) -> None:
    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    sign_in(page, server, STAFF)
    lead = _first_link(page, server, "/leads", "ul.items .item-head a")
    project = _first_link(page, server, "/projects", "ul.items .item-head a")
    login = _api(server, "POST", "/auth/token", {"email": STAFF, "password": PASSWORD})
    assert isinstance(login, dict)
    story = "Делегация Чувашии провела переговоры с компанией Sany о поставках техники."
    job = _api(
        server,
        "POST",
        "/news",
        [{"url": "https://example.org/a11y", "text": story}],
        str(login["token"]),
    )
    assert isinstance(job, dict)
    pages = {
        "news": "/news",
        "news-upload": "/news/upload",
        "news-job": f"/jobs/{job['id']}",
        "leads": "/leads",
        "lead": lead,
        "lead-partners": f"{lead}/partners",
        "projects": "/projects",
        "project": project,
        "new-project": "/projects/new",
        "interests": "/interests",
    }
    axe = Axe()
    problems: list[str] = []
    for code in LANGUAGES:
        switch_language(page, code)
        for name, path in pages.items():
            page.goto(f"{server}{path}")
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{code}.png"), full_page=True)
            problems += [f"{path} [{code}]: {p}" for p in serious(axe.run(page))]
    switch_language(page, "en")
    context.close()
    assert not problems, "\n".join(problems)

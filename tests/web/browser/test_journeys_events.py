"""The demo round table in a real browser: ask for a meeting, have it accepted, schedule, read
the grid, download the agenda (.ics), record the meeting held with an agreement and see the
project; screenshots and accessibility of the events pages in the three languages."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.web.browser.conftest import SCREENSHOTS
from tests.web.browser.test_journeys import LANGUAGES, serious, sign_in, switch_language

EVENT = "ulyanovsk-mordovia-round-table"
STAFF = "staff@ulyanovsk-idc.demo"
# Each run of the journey asks a different participant (the server is shared by both runs).
PARTNERS = {"js-on": ("saransk-cable", "Саранский кабельный завод"), "js-off": ("orbita", "Орбита")}


@pytest.fixture(params=["js-on", "js-off"])
def run(browser: Browser, request: pytest.FixtureRequest) -> Iterator[tuple[BrowserContext, str]]:
    ctx = browser.new_context(
        locale="en-GB",
        viewport={"width": 1280, "height": 900},
        java_script_enabled=request.param == "js-on",
        accept_downloads=True,
    )
    yield ctx, request.param
    ctx.close()


def sign_out(page: Page) -> None:
    page.click("form.signout button")
    expect(page.locator("#f-password")).to_be_visible()


def test_request_schedule_agenda_and_an_agreement(
    run: tuple[BrowserContext, str], server: str, tmp_path: Path
) -> None:
    context, mode = run
    partner, partner_name = PARTNERS[mode]
    page = context.new_page()
    sign_in(page, server)  # the RM Rail member
    page.click("nav >> text=Events")
    page.check("input[name=when][value=past]")  # the demo round table is over
    page.click("form.filters button[type=submit]")
    page.click(f"a[href='/events/{EVENT}']")
    expect(page.locator("h1")).to_contain_text("round table")
    expect(page.locator("#funnel-title")).to_be_visible()
    page.click("a.button >> text=Meetings")
    page.select_option("#f-target", partner)
    page.select_option("#f-priority", "4")
    page.fill("#f-message", "Cables for rail-wagon wiring")
    page.click("button >> text=Send the request")
    expect(page.locator(".notice")).to_contain_text("The request is sent.")
    outgoing = page.locator("section[aria-labelledby=out-title] li", has_text=partner_name)
    expect(outgoing).to_contain_text("Waiting for an answer")
    sign_out(page)

    # the organiser answers for the other side, then schedules
    sign_in(page, server, STAFF)
    page.goto(f"{server}/events/{EVENT}/meetings?org={partner}")
    incoming = page.locator("section[aria-labelledby=in-title] li", has_text="РМ Рейл")
    incoming.locator("button[value=accepted]").click()
    expect(page.locator(".notice")).to_contain_text("The answer is saved.")
    page.goto(f"{server}/events/{EVENT}/schedule")
    page.fill("#f-time_limit", "10")
    page.click("button >> text=Schedule now")
    expect(page.locator(".notice")).to_contain_text("The schedule is computed and stored.")
    expect(page.locator("dl.facts")).to_contain_text("Breaks")
    grid = page.locator("table.grid-table")
    expect(grid.locator("thead th")).to_have_count(1 + 4)  # slot + four tables
    expect(grid.locator("tbody tr")).to_have_count(6)
    expect(grid).to_contain_text(partner_name)
    sign_out(page)

    # the member's agenda, as a file for the calendar
    sign_in(page, server)
    page.goto(f"{server}/events/{EVENT}/agenda/rm-rail")
    with page.expect_download() as info:
        page.click("a[href$='rm-rail.ics']")
    path = tmp_path / "agenda.ics"
    info.value.save_as(path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    descriptions = [str(e.get("description", "")) for e in calendar.walk("VEVENT")]
    assert any(partner in d for d in descriptions), descriptions

    # after the event: held, with an agreement -> a project
    page.goto(f"{server}/events/{EVENT}/meetings")
    meeting = page.locator("li.meeting", has_text=partner_name)
    meeting.locator("select[name=follow_up]").select_option("agreement")
    meeting.locator("button[value=held]").click()
    expect(page.locator(".notice")).to_contain_text("The outcome is saved.")
    meeting = page.locator("li.meeting", has_text=partner_name)
    expect(meeting).to_contain_text("Held")
    expect(meeting.locator(".project")).to_contain_text("Agreement")
    page.goto(f"{server}/events/{EVENT}")
    expect(page.locator(".funnel")).to_contain_text("agreements")


EVENT_PAGES = {
    "events": "/events?when=past",
    "event": f"/events/{EVENT}",
    "event-meetings": f"/events/{EVENT}/meetings?org=rm-rail",
    "event-schedule": f"/events/{EVENT}/schedule",
    "event-agenda": f"/events/{EVENT}/agenda/rm-rail",
    "event-tables": f"/events/{EVENT}/tables",
    "event-new": "/events/new",
    "event-edit": f"/events/{EVENT}/edit",
}


def test_screenshots_and_accessibility_of_the_events_pages(browser: Browser, server: str) -> None:
    # axe is injected by evaluating its script, which the site's CSP would refuse.
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(bypass_csp=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    problems: list[str] = []
    sign_in(page, server, STAFF)
    for code in LANGUAGES:
        switch_language(page, code)
        for name, path in EVENT_PAGES.items():
            page.goto(f"{server}{path}")
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{code}.png"), full_page=True)
            problems += [f"{path} [{code}]: {p}" for p in serious(axe.run(page))]
    page.goto(f"{server}/events/{EVENT}/agenda/rm-rail")
    page.emulate_media(media="print")
    page.screenshot(path=str(SCREENSHOTS / "event-agenda-print.png"), full_page=True)
    expect(page.locator("header.top")).to_be_hidden()  # the print stylesheet applies
    context.close()
    assert not problems, "\n".join(problems)

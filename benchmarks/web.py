"""Web pages against the bare API call for the same data, in the same run (demo scale).

Each main page is requested N times through the ASGI app (no network), as is the API call
that reads the same data; p50/p95 per page and the page/API ratio are printed. The target is
a p95 of at most 150 ms per page.
"""

from __future__ import annotations

import re
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from coopex.app import Coopex, build
from coopex.config import Settings
from coopex.domain.accounts import Actor
from coopex.domain.news import LeadStatus
from coopex.domain.queries import LeadFilter
from coopex.services.demo import DEMO_PASSWORD, load_demo, load_demo_news
from coopex.services.demo_events import load_demo_event
from coopex.web.app import create_app

TARGET_P95_MS = 150.0
QUERY = "%E5%86%B7%E9%93%BE%E7%89%A9%E6%B5%81"  # 冷链物流, cold-chain logistics
EVENT = "ulyanovsk-mordovia-round-table"  # the demo event
# page -> the API call reading the same data
PAIRS = {
    "/": "/api/v1/listings?org=rm-rail&limit=100",
    "/organizations": "/api/v1/organizations?limit=25",
    "/organizations/rm-rail": "/api/v1/organizations/rm-rail",
    "/listings": "/api/v1/listings?limit=25",
    "/listings?kind=offer&country=CN": "/api/v1/listings?kind=offer&country=CN&limit=25",
    "/listings/rm-rail-02": "/api/v1/listings/rm-rail-02",
    "/listings/rm-rail-02/matches": "/api/v1/listings/rm-rail-02/matches?limit=20",
    f"/search?q={QUERY}": f"/api/v1/search?q={QUERY}&limit=20",
    "/account": "/api/v1/tokens",
    # The dashboard draws five charts; its baseline is the interests funnel the API serves.
    "/dashboard?region=all": "/api/v1/interests/funnel",
    "/events?when=past": "/api/v1/events?limit=50",
    f"/events/{EVENT}": f"/api/v1/events/{EVENT}/participants",
    f"/events/{EVENT}/meetings": f"/api/v1/events/{EVENT}/suggestions?org=rm-rail",
    f"/events/{EVENT}/schedule": f"/api/v1/events/{EVENT}/schedule",
    f"/events/{EVENT}/agenda/rm-rail": f"/api/v1/events/{EVENT}/agenda/rm-rail",
    f"/events/{EVENT}/tables": f"/api/v1/events/{EVENT}/tables",
}
# news, leads, projects, interests: read by agency staff (LEAD and PROJECT filled in per run)
STAFF_PAIRS = {
    "/": "/api/v1/leads?status=new&place=RU-ULY&limit=5",
    "/news": "/api/v1/news?limit=25",
    "/leads": "/api/v1/leads?limit=25",
    "/leads?type=negotiation&place=CN": "/api/v1/leads?type=negotiation&place=CN&limit=25",
    "/leads/LEAD": "/api/v1/leads/LEAD",
    "/projects": "/api/v1/projects?limit=25",
    "/projects/PROJECT": "/api/v1/projects/PROJECT",
    "/interests": "/api/v1/interests?direction=incoming",
}


def _times(client: TestClient, path: str, runs: int, headers: dict[str, str]) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path, headers=headers)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code, response.text[:300])
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def run(runs: int = 40) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory() as home:
        coopex = build(Settings(home=Path(home)))
        coopex.migrate()
        load_demo(coopex.transfer, coopex.accounts)
        coopex.matching.rebuild()
        load_demo_event(coopex.events, coopex.meetings, coopex.schedules)
        load_demo_news(coopex.news)
        operator = Actor.operator("bench")
        first = coopex.news.leads(operator, LeadFilter(), None, 1).items[0]
        assert first.id is not None
        project = coopex.news.decide(operator, first.id, LeadStatus.ACCEPTED).project
        assert project is not None
        staff_pairs = {
            path.replace("LEAD", str(first.id)).replace("PROJECT", project): api.replace(
                "LEAD", str(first.id)
            ).replace("PROJECT", project)
            for path, api in STAFF_PAIRS.items()
        }
        results: dict[str, tuple[float, float]] = {}
        print(f"{'page':<40} {'p50 ms':>8} {'p95 ms':>8} {'API p95':>8} {'ratio':>6}")
        for email, pairs in (
            ("member@rmrail.demo", PAIRS),
            ("staff@ulyanovsk-idc.demo", staff_pairs),
        ):
            print(f"-- as {email}")
            client, api = _signed_in(coopex, email)
            measured = _measure(client, api, pairs, runs)
            results.update({f"{email} {path}": times for path, times in measured.items()})
        results.update(_dashboard_as_admin(coopex, runs))
        coopex.close()
        return results


def _signed_in(coopex: Coopex, email: str) -> tuple[TestClient, dict[str, str]]:
    client = TestClient(create_app(coopex))
    token = coopex.accounts.login(email, DEMO_PASSWORD).secret
    page = client.get("/signin").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert csrf
    client.post(
        "/signin",
        data={"email": email, "password": DEMO_PASSWORD, "csrf_token": csrf.group(1)},
    )
    return client, {"Authorization": f"Bearer {token}"}


def _measure(
    client: TestClient, api: dict[str, str], pairs: dict[str, str], runs: int
) -> dict[str, tuple[float, float]]:
    results: dict[str, tuple[float, float]] = {}
    for path, api_path in pairs.items():
        _times(client, path, 3, {})  # warm
        _times(client, api_path, 3, api)
        page_ms = _times(client, path, runs, {})
        api_ms = _times(client, api_path, runs, api)
        results[path] = (p95(page_ms), p95(api_ms))
        flag = "" if p95(page_ms) <= TARGET_P95_MS else "  over target"
        print(
            f"{path[:40]:<40} {statistics.median(page_ms):8.1f} {p95(page_ms):8.1f} "
            f"{p95(api_ms):8.1f} {p95(page_ms) / p95(api_ms):6.2f}{flag}"
        )
    return results


def _dashboard_as_admin(coopex: Coopex, runs: int) -> dict[str, tuple[float, float]]:
    """The admin's dashboard (every chart, every region) against the bare service calls that
    compute its figures, in the same run."""
    client = TestClient(create_app(coopex))
    page = client.get("/signin").text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert csrf
    form = {"email": "admin@coopex.demo", "password": DEMO_PASSWORD, "csrf_token": csrf.group(1)}
    client.post("/signin", data=form)
    actor = coopex.accounts.actor_for(coopex.accounts.user("admin@coopex.demo"))
    board = coopex.dashboard

    def services() -> float:
        start = time.perf_counter()
        board.regions(actor)
        board.projects_by_stage(actor)
        board.sector_region(actor)
        board.leads_by_month(actor)
        board.money_figures(actor)
        board.interests_funnel(actor)
        return (time.perf_counter() - start) * 1000

    path = "/dashboard?region=all"
    _times(client, path, 3, {})
    page_ms = _times(client, path, runs, {})
    service_ms = [services() for _ in range(runs)]
    flag = "" if p95(page_ms) <= TARGET_P95_MS else "  over target"
    print(
        f"{'admin ' + path:<40} {statistics.median(page_ms):8.1f} {p95(page_ms):8.1f} "
        f"{p95(service_ms):8.1f} {p95(page_ms) / p95(service_ms):6.2f}{flag}  (vs the services)"
    )
    size = len(client.get(path).content)
    print(f"{'admin ' + path + ' bytes':<40} {size:8d}")
    return {"admin " + path: (p95(page_ms), p95(service_ms))}


if __name__ == "__main__":
    run()

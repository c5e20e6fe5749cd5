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
from coopex.services.demo import DEMO_PASSWORD, load_demo
from coopex.web.app import create_app

TARGET_P95_MS = 150.0
QUERY = "%E5%86%B7%E9%93%BE%E7%89%A9%E6%B5%81"  # 冷链物流, cold-chain logistics
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
        client = TestClient(create_app(coopex))
        token = coopex.accounts.login("member@rmrail.demo", DEMO_PASSWORD).secret
        api = {"Authorization": f"Bearer {token}"}
        page = client.get("/signin").text
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert csrf
        client.post(
            "/signin",
            data={
                "email": "member@rmrail.demo",
                "password": DEMO_PASSWORD,
                "csrf_token": csrf.group(1),
            },
        )
        results: dict[str, tuple[float, float]] = {}
        print(f"{'page':<40} {'p50 ms':>8} {'p95 ms':>8} {'API p95':>8} {'ratio':>6}")
        for path, api_path in PAIRS.items():
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
        results.update(_dashboard_as_admin(coopex, runs))
        coopex.close()
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

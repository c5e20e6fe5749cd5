"""Registry benchmark: import throughput and filtered listing queries.

Baselines, measured in the same run on the same database:
- import: the same rows bulk-inserted straight into the tables (no validation, no audit,
  no idempotency check), i.e. the floor any importer pays for writing the data;
- query: an unfiltered first page, the floor any filtered page pays.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa
from rich.console import Console
from rich.table import Table

from coopex.app import Coopex, build
from coopex.config import Settings
from coopex.domain.accounts import Actor
from coopex.domain.codes import parse_code
from coopex.domain.listings import ListingKind
from coopex.domain.queries import ListingFilter
from coopex.interchange.reading import read_file
from coopex.interchange.records import Entity, SourceRecord
from coopex.services.demo import demo_dataset_path
from coopex.storage.database import utc_now
from coopex.storage.tables import listings, organizations

OPERATOR = Actor.operator("bench")
console = Console()


def synthetic_records(count: int, seed: int = 7) -> list[SourceRecord]:
    """`count` listings varied from the demo ones, deterministic for a seed."""
    demo = read_file(demo_dataset_path())
    orgs = [r for r in demo if r.entity is Entity.ORGANIZATIONS]
    templates = [r.raw for r in demo if r.entity is Entity.LISTINGS]
    rng = random.Random(seed)
    records = []
    for index in range(count):
        template = rng.choice(templates)
        raw = {**template, "ref": f"bench-{index}", "title": f"{template['title']} #{index}"}
        records.append(SourceRecord(Entity.LISTINGS, f"listings[{index}]", raw))
    return orgs + records


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def bulk_insert_baseline(coopex: Coopex, records: list[SourceRecord]) -> None:
    now = utc_now()
    with coopex.database.transaction() as connection:
        ids = dict(connection.execute(sa.select(organizations.c.ref, organizations.c.id)).all())
        rows = [
            {
                "ref": f"base-{r.raw['ref']}",
                "kind": r.raw["kind"],
                "organization_id": ids[r.raw["org"]],
                "title": r.raw["title"],
                "description": r.raw["description"],
                "language": "ru",
                "region": r.raw.get("region"),
                "status": "published",
                "provenance": "illustrative",
                "search_text": str(r.raw["title"]).casefold(),
                "created_at": now,
                "updated_at": now,
            }
            for r in records
            if r.entity is Entity.LISTINGS
        ]
        connection.execute(listings.insert(), rows)


def latencies(action: Callable[[], object], repeat: int = 50) -> tuple[float, float]:
    samples = sorted(timed(action) for _ in range(repeat))
    return statistics.median(samples) * 1000, samples[int(len(samples) * 0.95) - 1] * 1000


def run(count: int, database_url: str | None) -> None:
    with tempfile.TemporaryDirectory() as home:
        url = database_url or f"sqlite:///{Path(home) / 'bench.db'}"
        coopex = build(Settings(database_url=url, home=Path(home)))
        coopex.migrate()
        records = synthetic_records(count)
        import_s = timed(lambda: coopex.transfer.import_records(OPERATOR, records))
        reimport_s = timed(lambda: coopex.transfer.import_records(OPERATOR, records))
        baseline_s = timed(lambda: bulk_insert_baseline(coopex, records))

        queries = {
            "code prefix HS:8607": ListingFilter(code_prefix=parse_code("HS:8607")),
            "text 'вагон'": ListingFilter(text="вагон"),
            "offers in CN, sector rail": ListingFilter(
                kind=ListingKind.OFFER, country="CN", sector="rail"
            ),
        }
        floor_p50, floor_p95 = latencies(
            lambda: coopex.registry.list_listings(OPERATOR, ListingFilter(language="xx"))
        )
        plain_p50, _ = latencies(lambda: coopex.registry.list_listings(OPERATOR, ListingFilter()))

        table = Table(title=f"registry benchmark: {count:,} listings on {coopex.database.dialect}")
        for column in ("measure", "value", "baseline", "ratio"):
            table.add_column(column, justify="right" if column != "measure" else "left")
        table.add_row(
            "import (validated, audited)",
            f"{count / import_s:,.0f} rec/s",
            f"{count / baseline_s:,.0f} rec/s bulk insert",
            f"{import_s / baseline_s:.1f}×",
        )
        table.add_row(
            "re-import (all unchanged)",
            f"{count / reimport_s:,.0f} rec/s",
            f"{count / import_s:,.0f} rec/s first import",
            f"{reimport_s / import_s:.2f}×",
        )
        for name, filters in queries.items():
            p50, p95 = latencies(lambda f=filters: coopex.registry.list_listings(OPERATOR, f))  # type: ignore[misc]
            table.add_row(
                f"page of 50: {name}",
                f"p50 {p50:.1f} ms, p95 {p95:.1f} ms",
                f"p50 {plain_p50:.1f} ms unfiltered",
                f"{p50 / plain_p50:.1f}×",
            )
        table.add_row(
            "empty result (index only)", f"p50 {floor_p50:.1f} ms, p95 {floor_p95:.1f} ms", "", ""
        )
        console.print(table)
        coopex.close()

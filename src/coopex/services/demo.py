"""The demo: the shipped registry dataset plus a few users to sign in with."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from coopex.domain.accounts import Actor, Role
from coopex.domain.errors import NotFound
from coopex.interchange.news_sources import read_sources
from coopex.interchange.reading import read_file
from coopex.services.accounts import AccountService, IssuedToken
from coopex.services.news import IngestReport, NewsService
from coopex.services.transfer import ImportReport, TransferService

DEMO_PASSWORD = "coopex-demo"  # printed by `coopex demo`; a demo database is not for real data
DEMO_USERS = (
    ("admin@coopex.demo", "Demo Admin", Role.ADMIN, ()),
    ("staff@ulyanovsk-idc.demo", "Ulyanovsk IDC staff", Role.AGENCY_STAFF, ("ulyanovsk-idc",)),
    ("member@rmrail.demo", "RM Rail engineer", Role.ENTERPRISE_MEMBER, ("rm-rail",)),
    (
        "member@gagarin-cannery.demo",
        "Gagarin Cannery sales",
        Role.ENTERPRISE_MEMBER,
        ("gagarin-cannery",),
    ),
)


@dataclass(frozen=True, slots=True)
class DemoLoaded:
    report: ImportReport
    token: IssuedToken
    users: tuple[str, ...]


def demo_dataset_path() -> Path:
    with resources.as_file(resources.files("coopex.data") / "demo" / "registry.json") as path:
        return path


def demo_news_path() -> Path:
    """Three news pages written for the demo (RU text, EN text, RU HTML in Windows-1251)."""
    with resources.as_file(resources.files("coopex.data") / "demo" / "news") as path:
        return path


def load_demo_news(news: NewsService) -> IngestReport:
    """Ingest the demo news pages (idempotent: known pages are recognised)."""
    return news.ingest(Actor.operator("demo"), read_sources([demo_news_path()]))


def load_demo(transfer: TransferService, accounts: AccountService) -> DemoLoaded:
    """Import the demo registry (idempotent), make sure the demo users exist, issue a token."""
    operator = Actor.operator("demo")
    report = transfer.import_records(operator, read_file(demo_dataset_path()), label="demo")
    for email, name, role, organizations in DEMO_USERS:
        try:
            accounts.user(email)
        except NotFound:
            accounts.create_user(operator, email, name, role, DEMO_PASSWORD)
        for ref in organizations:
            accounts.add_member(operator, email, ref)
    token = accounts.issue_token(operator, DEMO_USERS[0][0], "demo")
    return DemoLoaded(report, token, tuple(user[0] for user in DEMO_USERS))

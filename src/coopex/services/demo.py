"""The demo: the shipped registry dataset plus a few users to sign in with."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from coopex.domain.accounts import Actor, Role
from coopex.domain.errors import Conflict, NotFound
from coopex.interchange.news_sources import read_sources
from coopex.interchange.reading import read_file
from coopex.services.accounts import AccountService, IssuedToken
from coopex.services.news import IngestReport, NewsService
from coopex.services.transfer import ImportReport, TransferService
from coopex.storage.listings import ListingRepository
from coopex.storage.organizations import OrganizationRepository

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


class NotADemoDatabase(Conflict):
    """The database holds data of its own: the demo (and its admin with a published
    password) is not loaded into it unless forced."""


def foreign_data(transfer: TransferService, accounts: AccountService) -> list[str]:
    """What the database holds besides the demo: empty for a fresh or a demo database."""
    records = read_file(demo_dataset_path())
    org_refs = sorted({str(r.raw.get("ref")) for r in records if r.entity.value == "organizations"})
    listing_refs = [str(r.raw.get("ref")) for r in records if r.entity.value == "listings"]
    with transfer.database.transaction() as connection:
        organizations = OrganizationRepository(connection)
        listings = ListingRepository(connection)
        # The demo news register a few provisional organisations of their own.
        news_sources = [f"news:{page.name}" for page in demo_news_path().iterdir()]
        other_orgs = (
            organizations.count()
            - len(organizations.ids_by_ref(org_refs))
            - organizations.count_with_source(news_sources)
        )
        other_listings = listings.count() - len(listings.by_refs(listing_refs))
    demo_emails = {user[0] for user in DEMO_USERS}
    other_users = [u.email for u, _ in accounts.users() if u.email not in demo_emails]
    found = []
    if other_users:
        found.append(f"{len(other_users)} user(s) of its own (e.g. {other_users[0]})")
    if other_orgs > 0:
        found.append(f"{other_orgs} organisation(s) not in the demo")
    if other_listings > 0:
        found.append(f"{other_listings} listing(s) not in the demo")
    return found


def load_demo(
    transfer: TransferService, accounts: AccountService, *, force: bool = False
) -> DemoLoaded:
    """Import the demo registry (idempotent), make sure the demo users exist, issue a token.
    Refuses a database with data of its own (its users would share it with a demo admin
    whose password is published), unless `force`."""
    if not force:
        found = foreign_data(transfer, accounts)
        if found:
            raise NotADemoDatabase(
                "this database holds other data (" + "; ".join(found) + "): the demo, with "
                "an admin whose password is public, is not loaded into it (--force to do so)"
            )
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

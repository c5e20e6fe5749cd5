"""Shared fixtures. Storage, service, API and CLI tests run on every configured backend.

SQLite always runs. PostgreSQL runs when COOPEX_TEST_POSTGRES_URL names a server (the
README's test command sets it when one is reachable); with CI=true a missing or unreachable
server is an error, not a skip.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from coopex.app import Coopex, build
from coopex.config import Settings
from coopex.domain.accounts import Actor, Role
from coopex.reference.catalog import ShippedCatalog
from coopex.storage.database import create_engine
from coopex.storage.migrate import upgrade
from coopex.storage.tables import metadata
from coopex.web.api.app import create_api
from evaluation import shared_folder

POSTGRES_URL = os.environ.get("COOPEX_TEST_POSTGRES_URL")
# The shared seeds, gold annotation and scorer sit beside the checkout (read-only), or where
# COOPEX_SHARED says.
SHARED = shared_folder()
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]
# For a slow test of what does not depend on the store (a process pool, files on disk): the
# store's part of it is tested on every backend by the tests beside it.
on_sqlite_only = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("CI") == "true" and not POSTGRES_URL:
        raise pytest.UsageError("CI must test PostgreSQL: set COOPEX_TEST_POSTGRES_URL")


def pytest_report_header() -> str:
    return f"coopex storage backends: {', '.join(BACKENDS)}"


@pytest.fixture(scope="session")
def shared() -> Path:
    """`../shared`; its absence skips the test, except in CI where it is an error."""
    if not (SHARED / "seeds").is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the shared seeds are missing: {SHARED}")
        pytest.skip("../shared is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def catalog() -> ShippedCatalog:
    return ShippedCatalog()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (faster than migrating each time)."""
    path = tmp_path_factory.mktemp("template") / "coopex.db"
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh, migrated PostgreSQL database for the session, dropped afterwards."""
    assert POSTGRES_URL is not None
    name = f"coopex_test_{uuid.uuid4().hex[:10]}"
    admin = sa.create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate_postgres(url: str) -> None:
    """Empties our tables and the job queue's (a job left queued by one test must not run in
    the next, whose job ids start at 1 again)."""
    engine = sa.create_engine(url)
    queue = [n for n in sa.inspect(engine).get_table_names() if n.startswith("procrastinate_")]
    tables = ", ".join(f'"{name}"' for name in [*(t.name for t in metadata.sorted_tables), *queue])
    with engine.begin() as connection:
        connection.execute(sa.text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty, migrated database on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "coopex.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_database")
    _truncate_postgres(url)
    return url


@pytest.fixture
def coopex(database_url: str, tmp_path: Path) -> Iterator[Coopex]:
    app = build(Settings(database_url=database_url, home=tmp_path))
    yield app
    app.close()


OPERATOR = Actor.operator("test")


class People:
    """Makes users with tokens: `people.member("rm-rail")` -> (actor, token)."""

    def __init__(self, coopex: Coopex) -> None:
        self.coopex = coopex

    def make(self, role: Role, *orgs: str) -> tuple[Actor, str]:
        email = f"{role.value}-{uuid.uuid4().hex[:8]}@example.org"
        self.coopex.accounts.create_user(OPERATOR, email, "Test User", role, "s3cret-pass")
        for ref in orgs:
            self.coopex.accounts.add_member(OPERATOR, email, ref)
        token = self.coopex.accounts.issue_token(OPERATOR, email).secret
        return self.coopex.accounts.authenticate(token), token

    def admin(self) -> tuple[Actor, str]:
        return self.make(Role.ADMIN)

    def staff(self, *orgs: str) -> tuple[Actor, str]:
        return self.make(Role.AGENCY_STAFF, *orgs)

    def member(self, *orgs: str) -> tuple[Actor, str]:
        return self.make(Role.ENTERPRISE_MEMBER, *orgs)


@pytest.fixture
def people(coopex: Coopex) -> People:
    return People(coopex)


@pytest.fixture
def api(coopex: Coopex) -> TestClient:
    return TestClient(create_api(coopex))


def org_raw(ref: str, **overrides: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "ref": ref,
        "name": f"Organisation {ref}",
        "kind": "enterprise",
        "country": "RU",
        "region": "RU-MO",
        "activity_codes": ["OKVED2:30.20"],
    }
    raw.update(overrides)
    return raw


def listing_raw(ref: str, org: str, **overrides: object) -> dict[str, object]:
    raw: dict[str, object] = {
        "ref": ref,
        "kind": "request",
        "org": org,
        "title": "Изготовление комплектующих для грузовых вагонов",
        "description": "Литые детали тележек, автосцепки.",
        "codes": ["HS:8607"],
        "sectors": ["rail"],
    }
    raw.update(overrides)
    return raw

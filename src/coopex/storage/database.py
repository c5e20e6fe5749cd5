"""Engines and transactions for SQLite (embedded default) and PostgreSQL (production)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from coopex.domain.errors import Busy, Conflict, FieldError, ValidationFailed

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything we store is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def as_utc_or_none(moment: datetime | None) -> datetime | None:
    return None if moment is None else as_utc(moment)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    # In WAL mode NORMAL cannot corrupt the database; a power cut may lose the last commits.
    # FULL would fsync on every commit, which per-document news ingestion pays for dearly.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_engine(url: str) -> Engine:
    """An engine for `url`; for SQLite it creates the folder and turns foreign keys on."""
    parsed = sa.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"check_same_thread": False})
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return sa.create_engine(parsed, pool_pre_ping=True)


class Database:
    """One engine; `transaction()` is the unit of work every service call runs in."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def from_url(cls, url: str) -> Database:
        return cls(create_engine(url))

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Commits when the block ends, rolls back on an error. What the database itself
        refuses comes out as a domain error without SQL in it (the details go to the log):
        a duplicate key raced in by a concurrent writer is a Conflict, a value the column
        cannot hold is a ValidationFailed, a lock held too long is Busy."""
        try:
            with self.engine.begin() as connection:
                yield connection
        except sa.exc.IntegrityError as error:
            log.info("integrity error: %s", error)
            raise Conflict(
                "conflicts with a record stored at the same time (the same key exists)"
            ) from None
        except sa.exc.DataError as error:
            log.info("data error: %s", error)
            raise ValidationFailed(
                [FieldError("body", "a value does not fit the database (too long or too large)")]
            ) from None
        except sa.exc.OperationalError as error:
            if "locked" not in str(error.orig) and "deadlock" not in str(error.orig):
                raise
            log.warning("database busy: %s", error)
            raise Busy("the database is busy with other writers; try again") from None

    def dispose(self) -> None:
        self.engine.dispose()

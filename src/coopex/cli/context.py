"""What every command needs: the application, opened with its schema current."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer

from coopex.app import Coopex, build
from coopex.cli.output import fail, reporting_errors
from coopex.domain.accounts import Actor
from coopex.storage import migrate

OPERATOR = Actor.operator("cli")


@contextmanager
def opened(*, auto_migrate: bool = True) -> Iterator[Coopex]:
    """The application, with its schema current; domain errors reported, not raised."""
    coopex = build()
    try:
        with reporting_errors():
            if auto_migrate and not migrate.is_up_to_date(coopex.database.engine):
                if coopex.settings.database_url and migrate.current_revision(
                    coopex.database.engine
                ):
                    fail("the database schema is behind this version: run `coopex db upgrade`")
                coopex.migrate()
            yield coopex
    finally:
        coopex.close()


AsOption = typer.Option(
    None,
    "--as",
    help="Act as this user (their role, organisations and agency region) [default: the operator]",
    show_default=False,
)


def acting(coopex: Coopex, email: str | None) -> Actor:
    """The operator, or the user named by `--as`: the services apply that user's rights."""
    if not email:
        return OPERATOR
    return coopex.accounts.actor_for(coopex.accounts.user(email))

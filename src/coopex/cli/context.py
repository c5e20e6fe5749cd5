"""What every command needs: the application, opened with its schema current."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from coopex.cli.output import errors, fail, reporting_errors
from coopex.domain.accounts import Actor

if TYPE_CHECKING:
    from coopex.app import Coopex

OPERATOR = Actor.operator("cli")


@contextmanager
def opened(*, auto_migrate: bool = True) -> Iterator[Coopex]:
    """The application, with its schema current; domain errors reported, not raised."""
    from coopex.app import build
    from coopex.storage import migrate

    coopex = build()
    # Which database a command works on is never a guess (it does not depend on the folder
    # the command runs in: see config.py).
    errors.print(f"[dim]database: {coopex.settings.database_label}[/]", highlight=False)
    old_default = Path(".coopex") / "coopex.db"  # where versions before 0.2 kept it
    if (
        not coopex.settings.database_url
        and "COOPEX_HOME" not in os.environ
        and old_default.exists()
        and old_default.resolve() != (coopex.settings.home / "coopex.db").resolve()
    ):
        errors.print(
            f"[yellow]note:[/] {old_default} is a database of an older version's default "
            "location; set COOPEX_HOME=.coopex to keep using it",
            highlight=False,
        )
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

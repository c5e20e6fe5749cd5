"""Printing results: rich tables for people, one JSON object per line for scripts."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import NoReturn

import typer
from rich.console import Console
from rich.table import Table

from coopex.domain.errors import DomainError, ValidationFailed
from coopex.domain.paging import Page

console = Console()
# Messages name files and rows: the terminal wraps them, so a long path is never cut in two.
errors = Console(stderr=True, soft_wrap=True)

JsonOption = typer.Option(False, "--json", help="One JSON object per line, for scripts.")


def emit_json(record: Mapping[str, object]) -> None:
    sys.stdout.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def emit(
    records: Iterable[Mapping[str, object]],
    as_json: bool,
    columns: Sequence[str],
    title: str | None = None,
    cell: Callable[[str, object], str] | None = None,
) -> int:
    """Print records as JSON lines or as a table of `columns`; returns how many."""
    count = 0
    if as_json:
        for record in records:
            emit_json(record)
            count += 1
        return count
    table = Table(title=title, show_lines=False)
    for column in columns:
        table.add_column(column)
    for record in records:
        render = cell or _cell
        table.add_row(*(render(column, record.get(column)) for column in columns))
        count += 1
    console.print(table)
    return count


def _cell(_column: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def unexpected(error: Exception) -> str:
    """An unexpected failure in words for the operator: the database driver's own message
    (never the SQL statement and parameters SQLAlchemy appends to it), or the exception's."""
    from sqlalchemy.exc import DBAPIError

    if isinstance(error, DBAPIError):
        kind, message = "the database failed", str(error.orig)
    else:
        kind, message = f"unexpected {type(error).__name__}", str(error)
    lines = message.strip().splitlines()
    return f"{kind}: {lines[0][:300]}" if lines else kind


def fail(message: str, code: int = 1) -> NoReturn:
    errors.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


@contextmanager
def reporting_errors() -> Iterator[None]:
    """Domain errors become a message on stderr and exit code 1 (not a traceback)."""
    try:
        yield
    except ValidationFailed as failure:
        for error in failure.errors:
            errors.print(f"[bold red]error:[/] {error.describe()}", highlight=False)
        raise typer.Exit(1) from None
    except DomainError as error:
        fail(str(error))


def pages(fetch, all_pages: bool):  # type: ignore[no-untyped-def]
    cursor = None
    while True:
        page: Page[object] = fetch(cursor)
        yield page
        cursor = page.next_cursor
        if not all_pages or cursor is None:
            return


def show_record(record: dict[str, object], as_json: bool) -> None:
    if as_json:
        emit_json(record)
        return
    rows = [{"field": key, "value": value} for key, value in record.items()]
    emit(rows, False, ["field", "value"])

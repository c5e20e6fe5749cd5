"""`coopex interest ...`: expressions of interest in a match."""

from __future__ import annotations

import typer

from coopex.cli.context import AsOption, acting, opened
from coopex.cli.output import JsonOption, emit, pages, show_record
from coopex.cli.projects import project_row
from coopex.domain.interests import Direction, Interest, InterestStatus

interest_app = typer.Typer(no_args_is_help=True, help="Expressions of interest in a match.")

COLUMNS = ["id", "status", "from_listing", "to_listing", "from_org", "to_org", "project"]


def interest_row(interest: Interest) -> dict[str, object]:
    return {
        "id": interest.id,
        "status": interest.status.value,
        "from_listing": interest.from_listing,
        "to_listing": interest.to_listing,
        "from_org": interest.from_org,
        "to_org": interest.to_org,
        "message": interest.message,
        "expressed_by": interest.expressed_by,
        "expressed_at": interest.expressed_at,
        "decided_by": interest.decided_by,
        "decided_at": interest.decided_at,
        "project": interest.project,
    }


@interest_app.command("express")
def interest_express(
    from_listing: str = typer.Argument(..., help="Your organisation's listing (ref)"),
    to_listing: str = typer.Argument(..., help="The other organisation's listing (ref)"),
    message: str = typer.Option("", help="A word to the other side"),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Say your listing's organisation is interested in another organisation's listing."""
    with opened() as coopex:
        actor = acting(coopex, as_user)
        interest = coopex.interests.express(actor, from_listing, to_listing, message)
        emit([interest_row(interest)], as_json, COLUMNS)


@interest_app.command("list")
def interest_list(
    direction: Direction = typer.Option(Direction.ALL, help="incoming, outgoing or all"),
    status: InterestStatus = typer.Option(None, help="pending, accepted, declined, withdrawn"),
    limit: int = typer.Option(50),
    all_pages: bool = typer.Option(False, "--all", help="Every page, not just the first"),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Interests of the organisations you act for (the operator: all)."""
    with opened() as coopex:
        actor = acting(coopex, as_user)
        for page in pages(
            lambda cursor: coopex.interests.page(actor, direction, status, cursor, limit),
            all_pages,
        ):
            emit([interest_row(i) for i in page.items], as_json, COLUMNS, "interests")


def _decide(interest_id: int, accept: bool, as_user: str | None, as_json: bool) -> None:
    with opened() as coopex:
        actor = acting(coopex, as_user)
        decide = coopex.interests.accept if accept else coopex.interests.decline
        show_record(interest_row(decide(actor, interest_id)), as_json)


@interest_app.command("accept")
def interest_accept(interest_id: int, as_user: str = AsOption, as_json: bool = JsonOption) -> None:
    """Accept an interest expressed to you: both sides see each other's contacts."""
    _decide(interest_id, True, as_user, as_json)


@interest_app.command("decline")
def interest_decline(interest_id: int, as_user: str = AsOption, as_json: bool = JsonOption) -> None:
    """Decline an interest expressed to you."""
    _decide(interest_id, False, as_user, as_json)


@interest_app.command("withdraw")
def interest_withdraw(
    interest_id: int, as_user: str = AsOption, as_json: bool = JsonOption
) -> None:
    """Withdraw a pending interest you expressed."""
    with opened() as coopex:
        interest = coopex.interests.withdraw(acting(coopex, as_user), interest_id)
        show_record(interest_row(interest), as_json)


@interest_app.command("project")
def interest_project(
    interest_id: int,
    title: str = typer.Option(None, help="[default: the two listings' titles]"),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Open a cooperation project from an accepted interest."""
    with opened() as coopex:
        project = coopex.interests.open_project(acting(coopex, as_user), interest_id, title)
        show_record(project_row(project), as_json)


@interest_app.command("funnel")
def interest_funnel(as_user: str = AsOption, as_json: bool = JsonOption) -> None:
    """Counts: expressed → accepted → projects."""
    with opened() as coopex:
        counts = coopex.interests.funnel(acting(coopex, as_user))
        record: dict[str, object] = {
            "expressed": counts.expressed,
            "pending": counts.pending,
            "accepted": counts.accepted,
            "declined": counts.declined,
            "withdrawn": counts.withdrawn,
            "projects": counts.projects,
            "acceptance_rate": counts.acceptance_rate,
        }
        emit([record], as_json, list(record), "interest funnel")

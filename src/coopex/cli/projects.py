"""`coopex project ...`: cooperation projects, their stage moves, notes and history."""

from __future__ import annotations

from datetime import datetime

import typer

from coopex.cli.context import AsOption, acting, opened
from coopex.cli.output import JsonOption, emit, pages, show_record
from coopex.domain.projects import HistoryEntry, Project, ProjectStage, project_record
from coopex.domain.queries import ProjectFilter

project_app = typer.Typer(no_args_is_help=True, help="Cooperation projects.")


def project_row(project: Project) -> dict[str, object]:
    """A project's record as the CLI shows it: links and matched pairs as short text, with its
    leads, interests and who opened it when."""
    return {
        **project_record(project),
        "leads": list(project.leads),
        "interests": list(project.interests),
        "matches": [f"{p.first} ↔ {p.second}" for p in project.matches],
        "links": [f"{link.kind}:{link.key}" for link in project.links],
        "created_by": project.created_by,
        "created_at": project.created_at,
    }


def history_row(entry: HistoryEntry) -> dict[str, object]:
    return {
        "at": entry.at.isoformat(timespec="seconds"),
        "actor": entry.actor,
        "kind": entry.kind.value,
        "from": entry.from_stage.value if entry.from_stage else None,
        "to": entry.to_stage.value if entry.to_stage else None,
        "detail": entry.detail,
    }


def _links(meeting: list[str], event: list[str]) -> list[dict[str, str]]:
    return [{"kind": "meeting", "key": m} for m in meeting] + [
        {"kind": "event", "key": e} for e in event
    ]


def _pairs(match: list[str]) -> list[list[str]]:
    """`--match REQUEST:OFFER` (two listing refs joined by a colon)."""
    return [item.split(":", 1) if ":" in item else [item] for item in match]


@project_app.command("create")
def project_create(
    title: str = typer.Option(...),
    initiator: str = typer.Option(None, help="Ref of the initiating organisation"),
    counterpart: str = typer.Option(None, help="Ref of the other organisation"),
    stage: ProjectStage = typer.Option(
        ProjectStage.LEAD, help="Where it opens: lead, contact, negotiation or agreement"
    ),
    sector: list[str] = typer.Option([], help="Sector slug (repeatable)"),
    description: str = typer.Option(None),
    value: str = typer.Option(None, help="Amount, e.g. 1500000"),
    currency: str = typer.Option(None, help="ISO 4217, e.g. RUB"),
    next_step: str = typer.Option(None),
    due: str = typer.Option(None, help="The next step's due date, YYYY-MM-DD"),
    match: list[str] = typer.Option([], help="LISTING:LISTING that produced it (repeatable)"),
    meeting: list[str] = typer.Option([], help="Id of a B2B meeting it came from (repeatable)"),
    ref: str = typer.Option(None, help="[default: derived from the parties and title]"),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Open a project directly (admins, agency staff, members of a party)."""
    raw: dict[str, object] = {
        "ref": ref,
        "title": title,
        "stage": stage.value,
        "initiator_org": initiator,
        "counterpart_org": counterpart,
        "sectors": sector,
        "description": description,
        "value": value,
        "currency": currency,
        "next_step": next_step,
        "next_step_due": due,
        "matches": _pairs(match),
        "links": _links(meeting, []),
    }
    with opened() as coopex:
        project = coopex.projects.create(acting(coopex, as_user), raw)
        show_record(project_row(project), as_json)


@project_app.command("edit")
def project_edit(
    ref: str,
    title: str = typer.Option(None),
    initiator: str = typer.Option(None),
    counterpart: str = typer.Option(None),
    sector: list[str] = typer.Option(None, help="Sector slug (repeatable; replaces the list)"),
    description: str = typer.Option(None),
    value: str = typer.Option(None),
    currency: str = typer.Option(None),
    next_step: str = typer.Option(None),
    due: str = typer.Option(None, help="YYYY-MM-DD"),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Change a project's fields (only those given); the stage changes with `move`."""
    given = {
        "title": title,
        "initiator_org": initiator,
        "counterpart_org": counterpart,
        "sectors": sector or None,
        "description": description,
        "value": value,
        "currency": currency,
        "next_step": next_step,
        "next_step_due": due,
    }
    changes = {key: item for key, item in given.items() if item is not None}
    with opened() as coopex:
        project = coopex.projects.update(acting(coopex, as_user), ref, changes)
        show_record(project_row(project), as_json)


@project_app.command("move")
def project_move(
    ref: str,
    stage: ProjectStage = typer.Argument(
        ..., help="contact, negotiation, agreement, launched, dropped or lead (reopen)"
    ),
    comment: str = typer.Option("", help="Why (kept in the history)"),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Move a project to another stage (refused when the stage machine does not allow it)."""
    with opened() as coopex:
        project = coopex.projects.move(acting(coopex, as_user), ref, stage, comment)
        emit([project_row(project)], as_json, ["ref", "stage", "title"])


@project_app.command("note")
def project_note(
    ref: str,
    text: str = typer.Argument(..., help="The note"),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Add a note to a project."""
    with opened() as coopex:
        entry = coopex.projects.add_note(acting(coopex, as_user), ref, text)
        emit([history_row(entry)], as_json, ["at", "actor", "detail"])


@project_app.command("list")
def project_list(
    stage: ProjectStage = typer.Option(None, help="lead, contact, negotiation, agreement, ..."),
    org: str = typer.Option(None, help="Either party's ref"),
    sector: str = typer.Option(None),
    due_before: datetime = typer.Option(
        None, formats=["%Y-%m-%d"], help="The next step is due before this day"
    ),
    limit: int = typer.Option(50),
    all_pages: bool = typer.Option(False, "--all", help="Every page, not just the first"),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Cooperation projects, oldest first."""
    filters = ProjectFilter(
        stage=stage, org_ref=org, sector=sector, due_before=due_before and due_before.date()
    )
    with opened() as coopex:
        actor = acting(coopex, as_user)
        for page in pages(
            lambda cursor: coopex.projects.page(actor, filters, cursor, limit), all_pages
        ):
            rows = [project_row(p) for p in page.items]
            columns = ["ref", "stage", "title", "next_step_due", "leads"]
            emit(rows, as_json, columns, "projects")


@project_app.command("show")
def project_show(ref: str, as_user: str = AsOption, as_json: bool = JsonOption) -> None:
    """One project (its timeline: `coopex project history REF`)."""
    with opened() as coopex:
        show_record(project_row(coopex.projects.get(acting(coopex, as_user), ref)), as_json)


@project_app.command("history")
def project_history(ref: str, as_user: str = AsOption, as_json: bool = JsonOption) -> None:
    """A project's timeline: creation, every move, edit and note, oldest first."""
    with opened() as coopex:
        rows = [history_row(e) for e in coopex.projects.history(acting(coopex, as_user), ref)]
        emit(rows, as_json, ["at", "actor", "kind", "from", "to", "detail"], f"history of {ref}")

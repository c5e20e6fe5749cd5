"""/api/v1/projects: cooperation projects, their stage moves, history and notes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Query, status
from pydantic import BaseModel, ConfigDict, Field

from coopex.domain.projects import HistoryEntry, Project, ProjectStage
from coopex.domain.queries import ProjectFilter
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.schemas import PageOut

router = APIRouter(prefix="/projects", tags=["projects"])


class LinkBody(BaseModel):
    kind: str = Field(description="meeting or event")
    key: str = Field(description="The linked thing's id in its own module")


class ProjectOut(BaseModel):
    ref: str
    title: str
    stage: ProjectStage
    initiator_org: str | None = Field(description="Organisation ref, when linked")
    counterpart_org: str | None
    sectors: list[str]
    description: str
    value: Decimal | None
    currency: str | None = Field(description="ISO 4217")
    next_step: str | None
    next_step_due: date | None
    leads: list[int] = Field(description="Ids of the leads that opened it")
    interests: list[int] = Field(description="Ids of the expressions of interest that opened it")
    matches: list[list[str]] = Field(description="Listing pairs (refs) that produced it")
    links: list[LinkBody] = Field(description="Meetings and events it came from")
    created_by: str
    created_at: datetime | None
    updated_at: datetime | None

    @classmethod
    def of(cls, project: Project) -> ProjectOut:
        return cls(
            ref=project.ref,
            title=project.title,
            stage=project.stage,
            initiator_org=project.initiator_org,
            counterpart_org=project.counterpart_org,
            sectors=list(project.sectors),
            description=project.description,
            value=project.value,
            currency=project.currency,
            next_step=project.next_step,
            next_step_due=project.next_step_due,
            leads=list(project.leads),
            interests=list(project.interests),
            matches=[[p.first, p.second] for p in project.matches],
            links=[LinkBody(kind=link.kind, key=link.key) for link in project.links],
            created_by=project.created_by,
            created_at=project.created_at,
            updated_at=project.updated_at,
        )


class ProjectBody(BaseModel):
    """Fields of a project. On PATCH, only the fields sent are changed (not ref or stage:
    the stage changes by POST /projects/{ref}/moves)."""

    model_config = ConfigDict(extra="forbid")
    ref: str | None = Field(None, description="Stable key; derived from parties and title")
    title: str | None = None
    stage: str | None = Field(
        None, description="Where it opens: lead (default), contact, negotiation or agreement"
    )
    initiator_org: str | None = Field(None, description="Organisation ref")
    counterpart_org: str | None = Field(None, description="Organisation ref")
    sectors: list[str] | None = None
    description: str | None = None
    value: Decimal | None = None
    currency: str | None = Field(None, description="ISO 4217, e.g. USD, RUB, CNY")
    next_step: str | None = None
    next_step_due: date | None = None
    matches: list[list[str]] | None = Field(None, description="[[listing ref, listing ref]]")
    links: list[LinkBody] | None = None


class MoveBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stage: ProjectStage
    comment: str = ""


class NoteBody(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str


class HistoryOut(BaseModel):
    at: datetime
    actor: str
    kind: str = Field(description="created, moved, edited or note")
    from_stage: ProjectStage | None
    to_stage: ProjectStage | None
    detail: str = Field(description="The note, the move's comment or the changed fields (JSON)")

    @classmethod
    def of(cls, entry: HistoryEntry) -> HistoryOut:
        return cls(
            at=entry.at,
            actor=entry.actor,
            kind=entry.kind.value,
            from_stage=entry.from_stage,
            to_stage=entry.to_stage,
            detail=entry.detail,
        )


ProjectPage = PageOut[ProjectOut]


@router.get("", summary="Projects (enterprise members: those their organisation is a party to)")
def list_projects(
    coopex: CoopexDep,
    actor: ActorDep,
    stage: ProjectStage | None = None,
    org: Annotated[str | None, Query(description="Either party's ref")] = None,
    sector: str | None = None,
    due_before: Annotated[
        date | None, Query(description="The next step is due before this day")
    ] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ProjectPage:
    filters = ProjectFilter(stage=stage, org_ref=org, sector=sector, due_before=due_before)
    page = coopex.projects.page(actor, filters, cursor, limit)
    return ProjectPage(items=[ProjectOut.of(p) for p in page.items], next_cursor=page.next_cursor)


@router.post("", status_code=status.HTTP_201_CREATED, summary="Open a project directly")
def create_project(coopex: CoopexDep, actor: ActorDep, body: ProjectBody) -> ProjectOut:
    raw = body.model_dump(mode="json", exclude_unset=True)
    return ProjectOut.of(coopex.projects.create(actor, raw))


@router.get("/{ref}", summary="One project")
def get_project(coopex: CoopexDep, actor: ActorDep, ref: str) -> ProjectOut:
    return ProjectOut.of(coopex.projects.get(actor, ref))


@router.patch("/{ref}", summary="Change a project's fields (not its stage)")
def update_project(coopex: CoopexDep, actor: ActorDep, ref: str, body: ProjectBody) -> ProjectOut:
    changes = body.model_dump(mode="json", exclude_unset=True)
    return ProjectOut.of(coopex.projects.update(actor, ref, changes))


@router.post(
    "/{ref}/moves",
    summary="Move to another stage; 409 when the stage machine does not allow it",
)
def move_project(coopex: CoopexDep, actor: ActorDep, ref: str, body: MoveBody) -> ProjectOut:
    return ProjectOut.of(coopex.projects.move(actor, ref, body.stage, body.comment))


@router.get("/{ref}/history", summary="The timeline: creation, moves, edits and notes")
def project_history(coopex: CoopexDep, actor: ActorDep, ref: str) -> list[HistoryOut]:
    return [HistoryOut.of(entry) for entry in coopex.projects.history(actor, ref)]


@router.get("/{ref}/notes", summary="The project's notes, oldest first")
def project_notes(coopex: CoopexDep, actor: ActorDep, ref: str) -> list[HistoryOut]:
    return [HistoryOut.of(entry) for entry in coopex.projects.notes(actor, ref)]


@router.post("/{ref}/notes", status_code=status.HTTP_201_CREATED, summary="Add a note")
def add_note(coopex: CoopexDep, actor: ActorDep, ref: str, body: NoteBody) -> HistoryOut:
    return HistoryOut.of(coopex.projects.add_note(actor, ref, body.text))

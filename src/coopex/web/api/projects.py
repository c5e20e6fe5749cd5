"""/api/v1/projects: cooperation projects (opened from accepted news leads)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from coopex.domain.projects import Project, ProjectStage
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.schemas import PageOut

router = APIRouter(prefix="/projects", tags=["projects"])


class ProjectOut(BaseModel):
    ref: str
    title: str
    stage: ProjectStage
    initiator_org: str | None = Field(description="Organisation ref, when linked")
    counterpart_org: str | None
    sectors: list[str]
    leads: list[int] = Field(description="Ids of the leads that opened it")
    created_by: str
    created_at: datetime | None

    @classmethod
    def of(cls, project: Project) -> ProjectOut:
        return cls(
            ref=project.ref,
            title=project.title,
            stage=project.stage,
            initiator_org=project.initiator_org,
            counterpart_org=project.counterpart_org,
            sectors=list(project.sectors),
            leads=list(project.leads),
            created_by=project.created_by,
            created_at=project.created_at,
        )


ProjectPage = PageOut[ProjectOut]


@router.get("", summary="Projects (enterprise members: those their organisation is a party to)")
def list_projects(
    coopex: CoopexDep,
    actor: ActorDep,
    stage: ProjectStage | None = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> ProjectPage:
    page = coopex.projects.page(actor, stage, cursor, limit)
    return ProjectPage(items=[ProjectOut.of(p) for p in page.items], next_cursor=page.next_cursor)


@router.get("/{ref}", summary="One project; its history is GET /audit?entity=project&ref=")
def get_project(coopex: CoopexDep, actor: ActorDep, ref: str) -> ProjectOut:
    return ProjectOut.of(coopex.projects.get(actor, ref))

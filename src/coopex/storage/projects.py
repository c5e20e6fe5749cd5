"""Cooperation projects, with the organisations they join and the leads that opened them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.paging import Page, encode_cursor
from coopex.domain.projects import Project, ProjectStage
from coopex.storage.database import as_utc, utc_now
from coopex.storage.keyset import fetch_after
from coopex.storage.parties import with_party_refs
from coopex.storage.tables import leads, projects

_PROJECTS = with_party_refs(sa.select(projects), projects)


def _project(row: RowMapping, lead_ids: Sequence[int]) -> Project:
    return Project(
        ref=row["ref"],
        title=row["title"],
        stage=ProjectStage(row["stage"]),
        initiator_org=row["initiator_ref"],
        counterpart_org=row["counterpart_ref"],
        sectors=tuple(row["sectors"]),
        created_by=row["created_by"],
        created_at=as_utc(row["created_at"]),
        leads=tuple(lead_ids),
        id=row["id"],
    )


class ProjectRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add(
        self, project: Project, initiator_org_id: int | None, counterpart_org_id: int | None
    ) -> int:
        now = utc_now()
        return int(
            self.connection.execute(
                sa.insert(projects)
                .values(
                    ref=project.ref,
                    title=project.title,
                    stage=project.stage.value,
                    initiator_org_id=initiator_org_id,
                    counterpart_org_id=counterpart_org_id,
                    sectors=list(project.sectors),
                    created_by=project.created_by,
                    created_at=now,
                    updated_at=now,
                )
                .returning(projects.c.id)
            ).scalar_one()
        )

    def _lead_ids(self, project_ids: Sequence[int]) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {i: [] for i in project_ids}
        if project_ids:
            rows = self.connection.execute(
                sa.select(leads.c.project_id, leads.c.id)
                .where(leads.c.project_id.in_(project_ids))
                .order_by(leads.c.id)
            )
            for row in rows:
                found[row.project_id].append(row.id)
        return found

    def get(self, ref: str) -> Project | None:
        row = self.connection.execute(_PROJECTS.where(projects.c.ref == ref)).mappings().first()
        if row is None:
            return None
        return _project(row, self._lead_ids([row["id"]])[row["id"]])

    def page(
        self,
        stage: ProjectStage | None,
        organization_ids: frozenset[int] | None,
        after_id: int,
        limit: int,
    ) -> Page[Project]:
        """`organization_ids`: only projects one of them is a party to (None: all)."""
        query: sa.Select[Any] = _PROJECTS
        if stage is not None:
            query = query.where(projects.c.stage == stage.value)
        if organization_ids is not None:
            query = query.where(
                sa.or_(
                    projects.c.initiator_org_id.in_(organization_ids),
                    projects.c.counterpart_org_id.in_(organization_ids),
                )
            )
        rows, more = fetch_after(self.connection, query, projects.c.id, after_id, limit)
        lead_ids = self._lead_ids([row["id"] for row in rows])
        items = [_project(row, lead_ids[row["id"]]) for row in rows]
        return Page(items, encode_cursor(rows[-1]["id"]) if more and rows else None)

    # -- used by event follow-ups (services/outcomes.py) ------------------------------------

    def open_between(self, first_org_id: int, second_org_id: int) -> Project | None:
        """The latest project joining these two organisations (either way) that is not closed."""
        pair = (first_org_id, second_org_id)
        row = (
            self.connection.execute(
                _PROJECTS.where(
                    projects.c.initiator_org_id.in_(pair),
                    projects.c.counterpart_org_id.in_(pair),
                    projects.c.initiator_org_id != projects.c.counterpart_org_id,
                    projects.c.stage != ProjectStage.CLOSED.value,
                ).order_by(projects.c.id.desc())
            )
            .mappings()
            .first()
        )
        return None if row is None else _project(row, self._lead_ids([row["id"]])[row["id"]])

    def set_stage(self, project_id: int, stage: ProjectStage) -> None:
        self.connection.execute(
            sa.update(projects)
            .where(projects.c.id == project_id)
            .values(stage=stage.value, updated_at=utc_now())
        )

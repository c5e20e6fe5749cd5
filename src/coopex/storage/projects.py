"""Cooperation projects, with the organisations they join, what opened them (leads, matches,
interests, links such as meetings) and their history."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.paging import Page, encode_cursor
from coopex.domain.projects import (
    OPEN_STAGES,
    HistoryEntry,
    HistoryKind,
    ListingPair,
    Project,
    ProjectLink,
    ProjectStage,
)
from coopex.domain.queries import ProjectFilter
from coopex.storage.database import as_utc, utc_now
from coopex.storage.keyset import fetch_after
from coopex.storage.parties import either_party_is, with_party_refs
from coopex.storage.tables import (
    interests,
    leads,
    listings,
    project_history,
    project_links,
    project_matches,
    projects,
)

_PROJECTS = with_party_refs(sa.select(projects), projects)
_first = listings.alias("first_listing")
_second = listings.alias("second_listing")


def _columns(project: Project) -> dict[str, Any]:
    return {
        "title": project.title,
        "sectors": list(project.sectors),
        "description": project.description,
        "value": None if project.value is None else str(project.value),
        "currency": project.currency,
        "next_step": project.next_step,
        "next_step_due": project.next_step_due,
    }


class _Children:
    """What hangs off a page of projects, fetched in one query each."""

    def __init__(self, connection: Connection, ids: Sequence[int]) -> None:
        self.leads: dict[int, list[int]] = {i: [] for i in ids}
        self.interests: dict[int, list[int]] = {i: [] for i in ids}
        self.matches: dict[int, list[ListingPair]] = {i: [] for i in ids}
        self.links: dict[int, list[ProjectLink]] = {i: [] for i in ids}
        if not ids:
            return
        for table, into in ((leads, self.leads), (interests, self.interests)):
            rows = connection.execute(
                sa.select(table.c.project_id, table.c.id)
                .where(table.c.project_id.in_(ids))
                .order_by(table.c.id)
            )
            for row in rows:
                into[row.project_id].append(row.id)
        pairs = connection.execute(
            sa.select(project_matches.c.project_id, _first.c.ref, _second.c.ref.label("second"))
            .join(_first, _first.c.id == project_matches.c.first_listing_id)
            .join(_second, _second.c.id == project_matches.c.second_listing_id)
            .where(project_matches.c.project_id.in_(ids))
            .order_by(_first.c.ref, _second.c.ref)
        )
        for pair in pairs:
            self.matches[pair.project_id].append(ListingPair(pair.ref, pair.second))
        links = connection.execute(
            sa.select(project_links)
            .where(project_links.c.project_id.in_(ids))
            .order_by(project_links.c.kind, project_links.c.key)
        )
        for link in links:
            self.links[link.project_id].append(ProjectLink(link.kind, link.key))

    def project(self, row: RowMapping) -> Project:
        key = row["id"]
        return Project(
            ref=row["ref"],
            title=row["title"],
            stage=ProjectStage(row["stage"]),
            initiator_org=row["initiator_ref"],
            counterpart_org=row["counterpart_ref"],
            sectors=tuple(row["sectors"]),
            created_by=row["created_by"],
            created_at=as_utc(row["created_at"]),
            leads=tuple(self.leads[key]),
            description=row["description"],
            value=None if row["value"] is None else Decimal(row["value"]),
            currency=row["currency"],
            next_step=row["next_step"],
            next_step_due=row["next_step_due"],
            matches=tuple(self.matches[key]),
            links=tuple(self.links[key]),
            interests=tuple(self.interests[key]),
            updated_at=as_utc(row["updated_at"]),
            id=key,
        )


class ProjectRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def add(
        self, project: Project, initiator_org_id: int | None, counterpart_org_id: int | None
    ) -> int:
        """Store a new project with the `created` entry that opens its history."""
        now = utc_now()
        project_id = int(
            self.connection.execute(
                sa.insert(projects)
                .values(
                    ref=project.ref,
                    stage=project.stage.value,
                    initiator_org_id=initiator_org_id,
                    counterpart_org_id=counterpart_org_id,
                    created_by=project.created_by,
                    created_at=now,
                    updated_at=now,
                    **_columns(project),
                )
                .returning(projects.c.id)
            ).scalar_one()
        )
        self.add_history(
            project_id,
            HistoryEntry(
                at=now,
                actor=project.created_by,
                kind=HistoryKind.CREATED,
                to_stage=project.stage,
                detail=project.title,
            ),
        )
        return project_id

    def replace(
        self,
        project_id: int,
        project: Project,
        initiator_org_id: int | None,
        counterpart_org_id: int | None,
    ) -> None:
        self.connection.execute(
            projects.update()
            .where(projects.c.id == project_id)
            .values(
                initiator_org_id=initiator_org_id,
                counterpart_org_id=counterpart_org_id,
                updated_at=utc_now(),
                **_columns(project),
            )
        )

    def set_stage(self, project_id: int, stage: ProjectStage) -> None:
        self.connection.execute(
            projects.update()
            .where(projects.c.id == project_id)
            .values(stage=stage.value, updated_at=utc_now())
        )

    def touch(self, project_id: int) -> None:
        self.connection.execute(
            projects.update().where(projects.c.id == project_id).values(updated_at=utc_now())
        )

    def write_matches(self, project_id: int, pairs: Sequence[tuple[int, int]]) -> None:
        self.connection.execute(
            project_matches.delete().where(project_matches.c.project_id == project_id)
        )
        if pairs:
            self.connection.execute(
                project_matches.insert(),
                [
                    {"project_id": project_id, "first_listing_id": a, "second_listing_id": b}
                    for a, b in dict.fromkeys(pairs)
                ],
            )

    def write_links(self, project_id: int, links: Sequence[ProjectLink]) -> None:
        self.connection.execute(
            project_links.delete().where(project_links.c.project_id == project_id)
        )
        if links:
            self.connection.execute(
                project_links.insert(),
                [
                    {"project_id": project_id, "kind": link.kind, "key": link.key}
                    for link in dict.fromkeys(links)
                ],
            )

    def add_history(self, project_id: int, entry: HistoryEntry, user_id: int | None = None) -> None:
        self.connection.execute(
            project_history.insert().values(
                project_id=project_id,
                at=entry.at,
                actor=entry.actor,
                user_id=user_id,
                kind=entry.kind.value,
                from_stage=entry.from_stage.value if entry.from_stage else None,
                to_stage=entry.to_stage.value if entry.to_stage else None,
                detail=entry.detail,
                on_behalf_of=entry.on_behalf_of,
            )
        )

    def history(self, project_id: int, kind: HistoryKind | None = None) -> list[HistoryEntry]:
        query = (
            sa.select(project_history)
            .where(project_history.c.project_id == project_id)
            .order_by(project_history.c.id)
        )
        if kind is not None:
            query = query.where(project_history.c.kind == kind.value)
        return [
            HistoryEntry(
                id=row["id"],
                at=as_utc(row["at"]),
                actor=row["actor"],
                kind=HistoryKind(row["kind"]),
                from_stage=ProjectStage(row["from_stage"]) if row["from_stage"] else None,
                to_stage=ProjectStage(row["to_stage"]) if row["to_stage"] else None,
                detail=row["detail"],
                on_behalf_of=row["on_behalf_of"],
            )
            for row in self.connection.execute(query).mappings()
        ]

    def get(self, ref: str) -> Project | None:
        row = self.connection.execute(_PROJECTS.where(projects.c.ref == ref)).mappings().first()
        if row is None:
            return None
        return _Children(self.connection, [row["id"]]).project(row)

    def party_ids(self, project_id: int) -> frozenset[int]:
        row = self.connection.execute(
            sa.select(projects.c.initiator_org_id, projects.c.counterpart_org_id).where(
                projects.c.id == project_id
            )
        ).one()
        return frozenset(i for i in row if i is not None)

    def page(
        self,
        filters: ProjectFilter,
        organization_ids: frozenset[int] | None,
        after_id: int,
        limit: int,
    ) -> Page[Project]:
        """`organization_ids`: only projects one of them is a party to (None: all)."""
        query: sa.Select[Any] = _PROJECTS
        if filters.stage is not None:
            query = query.where(projects.c.stage == filters.stage.value)
        if filters.org_ref is not None:
            query = query.where(either_party_is(filters.org_ref))
        if filters.sector is not None:
            # A JSON list of slugs; its text holds the quoted slug on both backends.
            quoted = f'"{filters.sector}"'
            query = query.where(
                sa.cast(projects.c.sectors, sa.Text).contains(quoted, autoescape=True)
            )
        if filters.due_before is not None:
            query = query.where(projects.c.next_step_due < filters.due_before)
        if organization_ids is not None:
            query = query.where(
                sa.or_(
                    projects.c.initiator_org_id.in_(organization_ids),
                    projects.c.counterpart_org_id.in_(organization_ids),
                )
            )
        rows, more = fetch_after(self.connection, query, projects.c.id, after_id, limit)
        children = _Children(self.connection, [row["id"] for row in rows])
        items = [children.project(row) for row in rows]
        return Page(items, encode_cursor(rows[-1]["id"]) if more and rows else None)

    # -- used by event follow-ups (services/outcomes.py) ------------------------------------

    def open_between(self, first_org_id: int, second_org_id: int) -> Project | None:
        """The latest open project joining these two organisations (either way)."""
        pair = (first_org_id, second_org_id)
        row = (
            self.connection.execute(
                _PROJECTS.where(
                    projects.c.initiator_org_id.in_(pair),
                    projects.c.counterpart_org_id.in_(pair),
                    projects.c.initiator_org_id != projects.c.counterpart_org_id,
                    projects.c.stage.in_([s.value for s in OPEN_STAGES]),
                ).order_by(projects.c.id.desc())
            )
            .mappings()
            .first()
        )
        return None if row is None else _Children(self.connection, [row["id"]]).project(row)

"""Cooperation projects: seen by agency staff and admins, and by members of the organisations
they join. They are opened from accepted news leads (`services/news.py`); their history is the
audit trail (`coopex audit --entity project --ref REF`)."""

from __future__ import annotations

from coopex.domain.accounts import Actor, Role
from coopex.domain.errors import NotFound
from coopex.domain.paging import Page, check_page_size, decode_cursor
from coopex.domain.projects import Project, ProjectStage
from coopex.storage.database import Database
from coopex.storage.organizations import OrganizationRepository
from coopex.storage.projects import ProjectRepository


class ProjectService:
    def __init__(self, database: Database) -> None:
        self.database = database

    @staticmethod
    def _scope(actor: Actor) -> frozenset[int] | None:
        return actor.organizations if actor.role is Role.ENTERPRISE_MEMBER else None

    def page(
        self,
        actor: Actor,
        stage: ProjectStage | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> Page[Project]:
        check_page_size(limit)
        with self.database.transaction() as connection:
            return ProjectRepository(connection).page(
                stage, self._scope(actor), decode_cursor(cursor), limit
            )

    def get(self, actor: Actor, ref: str) -> Project:
        with self.database.transaction() as connection:
            project = ProjectRepository(connection).get(ref)
            if project is None:
                raise NotFound("project", ref)
            scope = self._scope(actor)
            if scope is not None:
                ids = OrganizationRepository(connection).ids_by_ref(
                    [r for r in (project.initiator_org, project.counterpart_org) if r]
                )
                if not scope & set(ids.values()):
                    # Like an unpublished listing: a project's existence is its parties' affair.
                    raise NotFound("project", ref)
        return project

"""Cooperation projects: seen by agency staff and admins, and by members of the organisations
they join. They are opened from accepted news leads (`services/news.py`); their history is the
audit trail (`coopex audit --entity project --ref REF`)."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, Role
from coopex.domain.audit import Outcome
from coopex.domain.errors import NotFound, PermissionDenied
from coopex.domain.fields import stable_ref
from coopex.domain.paging import Page, check_page_size, decode_cursor
from coopex.domain.projects import Project, ProjectStage
from coopex.services.auditing import AuditedChange
from coopex.storage.database import Database
from coopex.storage.organizations import OrganizationRepository
from coopex.storage.projects import ProjectRepository


class ProjectService:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.audited = AuditedChange(database)

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
                    raise PermissionDenied(
                        f"see project {ref!r}", "your organisation is not a party to it"
                    )
        return project

    # -- follow-ups of event meetings (called by services/outcomes.py) ----------------------

    def follow_up(
        self,
        connection: Connection,
        actor: Actor,
        parties: tuple[tuple[str, int], tuple[str, int]],
        stage: ProjectStage,
        title: str,
        ref_seed: str,
    ) -> Project:
        """Open a project between two organisations ((ref, id) each) at `stage`, or advance
        their open one to it (never back). Runs in the caller's transaction and writes its
        own audit entry there (`project.create` or `project.advance`)."""
        (first_ref, first_id), (second_ref, second_id) = parties
        repo = ProjectRepository(connection)
        current = repo.open_between(first_id, second_id)
        if current is None:
            project = Project(
                ref=stable_ref("project", "event", ref_seed),
                title=title[:500],
                stage=stage,
                initiator_org=first_ref,
                counterpart_org=second_ref,
                created_by=actor.label,
            )
            repo.add(project, first_id, second_id)
            self.audited.log(
                connection, actor, "project.create", project.ref, Outcome.DONE, title[:200]
            )
        elif _ORDER.index(stage) > _ORDER.index(current.stage):
            assert current.id is not None
            repo.set_stage(current.id, stage)
            detail = f"{current.stage.value} -> {stage.value}: {title[:200]}"
            self.audited.log(
                connection, actor, "project.advance", current.ref, Outcome.DONE, detail
            )
        found = repo.get(current.ref if current else project.ref)
        assert found is not None
        return found


_ORDER = (ProjectStage.LEAD, ProjectStage.NEGOTIATION, ProjectStage.AGREEMENT)

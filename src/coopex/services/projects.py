"""Cooperation projects: opened from accepted news leads (`services/news.py`), from accepted
expressions of interest (`services/interests.py`) or directly; moved through the stages of
`domain/projects.py`; edited and annotated. Every change writes the project's history (its
timeline) and the audit trail in one transaction.

Seen and changed by agency staff and admins, and by members of the organisations they join."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import replace

from sqlalchemy.engine import Connection

from coopex.domain.accounts import Actor, Role
from coopex.domain.audit import Outcome
from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.errors import (
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from coopex.domain.fields import FieldReader, stable_ref
from coopex.domain.paging import Page, check_page_size, decode_cursor
from coopex.domain.projects import (
    EDITABLE_FIELDS,
    HistoryEntry,
    HistoryKind,
    ListingPair,
    Project,
    ProjectStage,
    build_project,
    check_move,
    forward_path,
    project_record,
    require_can_manage_project,
    require_can_see_project,
)
from coopex.domain.queries import ProjectFilter
from coopex.services.auditing import AuditedChange, changed_fields, record_detail
from coopex.storage.database import Database, utc_now
from coopex.storage.listings import ListingRepository
from coopex.storage.organizations import OrganizationRepository
from coopex.storage.projects import ProjectRepository

MAX_NOTE = 5000


def party_ids(connection: Connection, project: Project) -> tuple[int | None, int | None]:
    """The ids of a project's two organisations; an unknown ref is a field error."""
    found = OrganizationRepository(connection).ids_by_ref(list(project.parties))
    errors = [
        FieldError(name, "no organisation with this ref", ref)
        for name, ref in (
            ("initiator_org", project.initiator_org),
            ("counterpart_org", project.counterpart_org),
        )
        if ref is not None and ref not in found
    ]
    if errors:
        raise ValidationFailed(errors)
    return (
        found.get(project.initiator_org or ""),
        found.get(project.counterpart_org or ""),
    )


def pair_ids(connection: Connection, pairs: Sequence[ListingPair]) -> list[tuple[int, int]]:
    """Listing ids of each match; both listings exist and belong to different organisations."""
    refs = sorted({ref for pair in pairs for ref in (pair.first, pair.second)})
    found = ListingRepository(connection).by_refs(refs)
    errors: list[FieldError] = []
    ids: list[tuple[int, int]] = []
    for index, pair in enumerate(pairs):
        missing = [r for r in (pair.first, pair.second) if r not in found]
        if missing:
            errors.extend(FieldError(f"matches[{index}]", "no such listing", r) for r in missing)
            continue
        first, second = found[pair.first][0], found[pair.second][0]
        if first.org_ref == second.org_ref:
            errors.append(
                FieldError(
                    f"matches[{index}]",
                    "a match joins listings of two different organisations",
                    f"{pair.first}, {pair.second}",
                )
            )
            continue
        assert first.id is not None and second.id is not None
        ids.append((first.id, second.id))
    if errors:
        raise ValidationFailed(errors)
    return ids


def store_project(
    connection: Connection, actor: Actor, project: Project, *, check_parties: bool = True
) -> Project:
    """Insert a validated project with its matches and links; returns it as stored."""
    repo = ProjectRepository(connection)
    initiator, counterpart = party_ids(connection, project)
    if check_parties:
        ids = frozenset(i for i in (initiator, counterpart) if i is not None)
        if actor.role is Role.ENTERPRISE_MEMBER and not actor.organizations & ids:
            raise PermissionDenied("open a project", "your organisation must be one of its parties")
    if repo.get(project.ref) is not None:
        raise Conflict(f"a project with ref {project.ref!r} exists", field="ref")
    project_id = repo.add(project, initiator, counterpart)
    repo.write_matches(project_id, pair_ids(connection, project.matches))
    repo.write_links(project_id, project.links)
    stored = repo.get(project.ref)
    assert stored is not None
    return stored


class ProjectService:
    def __init__(self, database: Database, catalog: ReferenceCatalog) -> None:
        self.database = database
        self.catalog = catalog
        self.audited = AuditedChange(database)

    @staticmethod
    def _scope(actor: Actor) -> frozenset[int] | None:
        return actor.organizations if actor.role is Role.ENTERPRISE_MEMBER else None

    # ---- reading -------------------------------------------------------------------------

    def page(
        self,
        actor: Actor,
        filters: ProjectFilter | ProjectStage | None = None,
        cursor: str | None = None,
        limit: int = 50,
    ) -> Page[Project]:
        """Projects, oldest first (enterprise members: those their organisation joins)."""
        check_page_size(limit)
        if not isinstance(filters, ProjectFilter):
            filters = ProjectFilter(stage=filters)
        with self.database.transaction() as connection:
            return ProjectRepository(connection).page(
                filters, self._scope(actor), decode_cursor(cursor), limit
            )

    @staticmethod
    def _visible(connection: Connection, actor: Actor, ref: str) -> Project:
        repo = ProjectRepository(connection)
        project = repo.get(ref)
        if project is None or project.id is None:
            raise NotFound("project", ref)
        try:
            require_can_see_project(actor, ref, repo.party_ids(project.id))
        except PermissionDenied:
            # Like an unpublished listing: a project's existence is its parties' affair.
            raise NotFound("project", ref) from None
        return project

    def get(self, actor: Actor, ref: str) -> Project:
        with self.database.transaction() as connection:
            return self._visible(connection, actor, ref)

    def history(self, actor: Actor, ref: str) -> list[HistoryEntry]:
        """The timeline: creation, every move, edit and note, oldest first."""
        with self.database.transaction() as connection:
            project = self._visible(connection, actor, ref)
            assert project.id is not None
            return ProjectRepository(connection).history(project.id)

    def notes(self, actor: Actor, ref: str) -> list[HistoryEntry]:
        with self.database.transaction() as connection:
            project = self._visible(connection, actor, ref)
            assert project.id is not None
            return ProjectRepository(connection).history(project.id, HistoryKind.NOTE)

    # ---- changing ------------------------------------------------------------------------

    def create(self, actor: Actor, raw: Mapping[str, object]) -> Project:
        """Open a project directly: admins, agency staff, and members of a party."""
        project = build_project(raw, self.catalog, actor.label)

        def work(connection: Connection) -> tuple[Project, str]:
            stored = store_project(connection, actor, project)
            return stored, record_detail(project_record(stored))

        return self.audited.run(actor, "project.create", project.ref, work)

    def _managed(self, connection: Connection, actor: Actor, ref: str) -> Project:
        repo = ProjectRepository(connection)
        project = repo.get(ref)
        if project is None or project.id is None:
            raise NotFound("project", ref)
        require_can_manage_project(actor, ref, repo.party_ids(project.id))
        return project

    @staticmethod
    def _entry(
        actor: Actor,
        kind: HistoryKind,
        detail: str,
        from_stage: ProjectStage | None = None,
        to_stage: ProjectStage | None = None,
    ) -> HistoryEntry:
        return HistoryEntry(utc_now(), actor.label, kind, from_stage, to_stage, detail)

    def update(self, actor: Actor, ref: str, changes: Mapping[str, object]) -> Project:
        """Change the editable fields; the stage changes only by a move."""
        fixed = [
            FieldError(name, reason, str(changes[name]))
            for name, reason in (
                ("ref", "cannot be changed"),
                ("stage", "changes only by a move (POST /projects/{ref}/moves)"),
            )
            if name in changes
        ]
        unknown = [
            FieldError(name, "is not a project field")
            for name in changes
            if name not in EDITABLE_FIELDS and name not in ("ref", "stage")
        ]
        if fixed or unknown:
            raise ValidationFailed(fixed + unknown)

        def work(connection: Connection) -> tuple[Project, str]:
            current = self._managed(connection, actor, ref)
            assert current.id is not None
            before = project_record(current)
            merged = {**before, **changes, "stage": None}  # the builder checks opening stages
            updated = build_project(merged, self.catalog, current.created_by)
            updated = replace(updated, ref=current.ref, stage=current.stage)
            initiator, counterpart = party_ids(connection, updated)
            repo = ProjectRepository(connection)
            repo.replace(current.id, updated, initiator, counterpart)
            repo.write_matches(current.id, pair_ids(connection, updated.matches))
            repo.write_links(current.id, updated.links)
            saved = repo.get(ref)
            assert saved is not None
            detail = changed_fields(before, project_record(saved))
            repo.add_history(
                current.id, self._entry(actor, HistoryKind.EDITED, detail), actor.user_id
            )
            return saved, detail

        return self.audited.run(actor, "project.update", ref, work)

    def move(self, actor: Actor, ref: str, stage: ProjectStage, comment: str = "") -> Project:
        """Move to another stage, if the state machine allows it (else a 409 naming both)."""
        comment = _comment(comment, "comment")

        def work(connection: Connection) -> tuple[Project, str]:
            current = self._managed(connection, actor, ref)
            assert current.id is not None
            check_move(ref, current.stage, stage)
            repo = ProjectRepository(connection)
            repo.set_stage(current.id, stage)
            entry = self._entry(
                actor, HistoryKind.MOVED, comment, from_stage=current.stage, to_stage=stage
            )
            repo.add_history(current.id, entry, actor.user_id)
            moved = repo.get(ref)
            assert moved is not None
            detail = json.dumps(
                {"from": current.stage.value, "to": stage.value, "comment": comment},
                ensure_ascii=False,
            )
            return moved, detail

        return self.audited.run(actor, "project.move", ref, work)

    def add_note(self, actor: Actor, ref: str, text: str) -> HistoryEntry:
        note = _comment(text, "text")
        if not note:
            raise ValidationFailed([FieldError("text", "is required")])

        def work(connection: Connection) -> tuple[HistoryEntry, str]:
            current = self._managed(connection, actor, ref)
            assert current.id is not None
            repo = ProjectRepository(connection)
            repo.add_history(current.id, self._entry(actor, HistoryKind.NOTE, note), actor.user_id)
            repo.touch(current.id)
            return repo.history(current.id, HistoryKind.NOTE)[-1], note

        return self.audited.run(actor, "project.note", ref, work)

    # ---- follow-ups of event meetings (called by services/outcomes.py) ------------------

    def follow_up(
        self,
        connection: Connection,
        actor: Actor,
        parties: tuple[tuple[str, int], tuple[str, int]],
        stage: ProjectStage,
        title: str,
        ref_seed: str,
    ) -> Project:
        """Open a project between two organisations ((ref, id) each) at `stage`, or move their
        open one forward to it through the machine's stages (never back). Runs in the caller's
        transaction and writes the history and audit entries there."""
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
            stored = store_project(connection, actor, project, check_parties=False)
            self.audited.log(
                connection, actor, "project.create", project.ref, Outcome.DONE, title[:200]
            )
            return stored
        assert current.id is not None
        for from_stage, to_stage in forward_path(current.stage, stage):
            check_move(current.ref, from_stage, to_stage)
            repo.set_stage(current.id, to_stage)
            entry = self._entry(
                actor, HistoryKind.MOVED, title[:200], from_stage=from_stage, to_stage=to_stage
            )
            repo.add_history(current.id, entry, actor.user_id)
            detail = json.dumps(
                {"from": from_stage.value, "to": to_stage.value, "comment": title[:200]},
                ensure_ascii=False,
            )
            self.audited.log(connection, actor, "project.move", current.ref, Outcome.DONE, detail)
        moved = repo.get(current.ref)
        assert moved is not None
        return moved


def _comment(text: str, field: str) -> str:
    reader = FieldReader({field: text})
    value = reader.optional_text(field, max_length=MAX_NOTE, multiline=True)
    reader.raise_if_failed()
    return value or ""

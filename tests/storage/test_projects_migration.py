"""Migration 0006 keeps the projects opened before it: "closed" becomes "dropped", and each
gets the history that replays to its stage."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from coopex.domain.projects import ProjectStage, replay
from coopex.storage import migrate
from coopex.storage.database import create_engine
from coopex.storage.projects import ProjectRepository

BEFORE = "0003"


def test_projects_recorded_before_0006_replay_to_their_stage(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        migrate.downgrade(engine, BEFORE)
        now = datetime(2026, 11, 1, tzinfo=UTC)
        with engine.begin() as connection:
            for ref, stage in (("old-open", "lead"), ("old-closed", "closed")):
                connection.execute(
                    sa.text(
                        "INSERT INTO projects (ref, title, stage, sectors, created_by, "
                        "created_at, updated_at) VALUES (:ref, :ref, :stage, '[]', 'cli', :at, :at)"
                    ),
                    {"ref": ref, "stage": stage, "at": now},
                )
        migrate.upgrade(engine)
        with engine.begin() as connection:
            repo = ProjectRepository(connection)
            for ref, stage in (
                ("old-open", ProjectStage.LEAD),
                ("old-closed", ProjectStage.DROPPED),
            ):
                project = repo.get(ref)
                assert project is not None and project.id is not None
                assert project.stage is stage
                assert replay(ref, repo.history(project.id)) is stage
        migrate.downgrade(engine, BEFORE)
        with engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT ref, stage FROM projects")).all()
        stages = {str(row[0]): str(row[1]) for row in rows}
        assert stages == {"old-open": "lead", "old-closed": "closed"}
        migrate.upgrade(engine)
    finally:
        engine.dispose()

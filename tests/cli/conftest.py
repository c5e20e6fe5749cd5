"""Every CLI test runs the real app in process, on each backend, in its own folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from coopex.cli.main import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, database_url: str, tmp_path: Path) -> None:
    monkeypatch.setenv("COOPEX_DATABASE_URL", database_url)
    monkeypatch.setenv("COOPEX_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)


def run(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `coopex ARGS`."""
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def runner_bytes(*args: str) -> bytes:
    """The raw bytes `coopex ARGS` writes to stdout."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes

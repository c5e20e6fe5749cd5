"""The hostile corpus through `coopex import` and `coopex ingest`, on each backend: a clear
error naming the file and where, the database unchanged, the other files still imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from coopex.cli.main import app
from coopex.domain.organizations import Organization
from tests.hostile import corpus

runner = CliRunner()


@pytest.fixture(autouse=True)
def environment(monkeypatch: pytest.MonkeyPatch, database_url: str, tmp_path: Path) -> None:
    monkeypatch.setenv("COOPEX_DATABASE_URL", database_url)
    monkeypatch.setenv("COOPEX_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot() -> str:
    code, out, err = run("export", "-")
    assert code == 0, err
    return json.dumps({k: v for k, v in json.loads(out).items() if k != "exported_at"})


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    orgs = tmp_path / "orgs.csv"
    orgs.write_text(corpus.ORG_HEADER + "ru-plant,Wagon Plant,enterprise,RU,RU-MO\n")
    assert run("import", str(orgs))[0] == 0
    return orgs


def test_each_hostile_file_is_refused_clearly_and_changes_nothing(
    registry: Path, tmp_path: Path
) -> None:
    before = snapshot()
    for name, (path, phrase) in corpus.bad_imports(tmp_path).items():
        code, _, err = run("import", str(path))
        assert code == 1, (name, err)
        assert name in err and phrase in err, (name, err)
        assert "Traceback" not in err and "Error:" not in err.replace("error:", ""), err
        assert snapshot() == before, name


def test_a_bad_file_does_not_stop_the_next(registry: Path, tmp_path: Path) -> None:
    bad = corpus.bad_imports(tmp_path)["giant-cell.csv"][0]
    good = tmp_path / "good.csv"
    good.write_text(corpus.LISTING_HEADER + "l-ok,offer,ru-plant,Cast couplers,,,\n")
    code, _, err = run("import", str(bad), str(good))
    assert code == 1 and "giant-cell.csv" in err
    code, out, _ = run("listing", "show", "l-ok", "--json")
    assert code == 0 and json.loads(out)["title"] == "Cast couplers"


def test_excel_csv_from_a_russian_office_is_read(registry: Path, tmp_path: Path) -> None:
    path = corpus.good_cp1251_semicolons(tmp_path)
    code, _, err = run("import", str(path))
    assert code == 0, err
    assert "Windows-1251" in err and "';'" in err
    code, out, _ = run("listing", "show", "ru-plant-01", "--json")
    listing = json.loads(out)
    assert (listing["title"], listing["valid_until"]) == ("Литьё корпусов букс", "2027-12-31")


def test_formula_cells_are_defused_on_export_and_survive_the_round_trip(
    registry: Path, tmp_path: Path
) -> None:
    code, _, err = run("import", str(corpus.formula_cells(tmp_path)))
    assert code == 0, err
    exported = tmp_path / "listings.csv"
    assert run("export", str(exported), "--entity", "listings")[0] == 0
    cells = [
        cell
        for line in exported.read_text(encoding="utf-8").splitlines()[1:]
        for cell in line.split(",")
    ]
    assert all(not cell.lstrip('"').startswith(("=", "+", "-", "@")) for cell in cells), cells
    before = snapshot()
    code, out, err = run("import", str(exported), "--json")
    assert code == 0, err
    assert json.loads(out)["unchanged"]["listings"] == 4
    assert snapshot() == before


def test_news_ingest_refuses_bombs_and_blobs(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "bomb.zip").write_bytes(corpus.zip_bomb())
    (pages / "one-word.txt").write_text("a" * 300_000)
    (pages / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n")
    (pages / "surrogate.jsonl").write_text('{"text": "Forum \\ud800 in Kazan"}\n')
    code, out, err = run("ingest", str(pages), "--json")
    assert code == 1
    problems = {
        json.loads(line)["source"]: json.loads(line)["error"]
        for line in out.splitlines()
        if "error" in json.loads(line)
    }
    assert any("bomb.zip" in s and "not text" in e for s, e in problems.items()), problems
    assert any("one-word" in s and "without a space" in e for s, e in problems.items()), problems
    assert any("deep.jsonl" in s and "nested" in e for s, e in problems.items()), problems
    assert any("surrogate" in s and "surrogate" in e for s, e in problems.items()), problems
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("failure", "said"),
    [
        (
            sa.exc.OperationalError(
                "INSERT INTO organizations (ref) VALUES (?)", ("boom",), Exception("disk I/O error")
            ),
            "the database failed: disk I/O error",
        ),
        (RuntimeError("a bug on this row"), "unexpected RuntimeError: a bug on this row"),
    ],
)
def test_a_failure_mid_file_is_reported_and_the_next_file_still_goes_in(
    registry: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: Exception, said: str
) -> None:
    """Not a broken rule but the database (or a bug) failing on the second row of a file: the
    file is reported, none of its rows stay, and the next file is imported."""
    from coopex.storage.organizations import OrganizationRepository

    add = OrganizationRepository.add

    def failing(self: OrganizationRepository, organization: Organization) -> Organization:
        if organization.ref == "ru-boom":
            raise failure
        return add(self, organization)

    monkeypatch.setattr(OrganizationRepository, "add", failing)
    failing_file = tmp_path / "failing.csv"
    failing_file.write_text(
        corpus.ORG_HEADER
        + "ru-first,First Plant,enterprise,RU,RU-MO\nru-boom,Boom Plant,enterprise,RU,RU-MO\n"
    )
    good = tmp_path / "good.csv"
    good.write_text(corpus.ORG_HEADER + "ru-next,Next Plant,enterprise,RU,RU-TA\n")
    code, _, err = run("import", str(failing_file), str(good))
    assert code == 1
    assert f"{failing_file}: nothing imported: {said}" in " ".join(err.split())
    assert "INSERT" not in err and "Traceback" not in err
    assert run("org", "show", "ru-first")[0] == 1  # the row before the failure is gone too
    assert run("org", "show", "ru-next")[0] == 0
    run_json = run("import", str(failing_file), "--json")
    assert json.loads(run_json[1])["ok"] is False and said in json.loads(run_json[1])["error"]
    # only the repository comes back: `monkeypatch.undo()` would also drop the fixture's
    # database settings and write to the user's own database
    monkeypatch.setattr(OrganizationRepository, "add", add)
    code, _, err = run("import", str(failing_file))
    assert code == 0, err

"""The command line, in process, against real databases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import run

ORGS = (
    "ref,name,kind,country,region\n"
    "rm-rail,УК «РМ Рейл»,enterprise,RU,RU-MO\n"
    "orbita,Орбита,enterprise,RU,RU-MO\n"
)
LISTINGS = (
    "ref,kind,org,title,codes,sectors\n"
    "rm-1,request,rm-rail,Комплектующие вагонов,HS:8607,rail\n"
    "rm-2,request,rm-rail,Металлообработка,HS:73,metalworking\n"
    "orb-1,offer,orbita,Источники питания,HS:8504,electronics\n"
    "orb-2,offer,orbita,Преобразователи,HS:85041,electronics\n"
)


def json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_bad_row_is_named_and_nothing_is_imported(tmp_path: Path) -> None:
    Path("orgs.csv").write_text(ORGS, encoding="utf-8")
    Path("listings.csv").write_text(LISTINGS, encoding="utf-8")
    assert run("import", "orgs.csv")[0] == 0
    code, _, err = run("import", "listings.csv")
    assert code == 1
    assert "row 5" in err and "codes" in err and "HS:85041" in err
    assert "nothing imported" in err
    code, out, _ = run("listing", "list", "--json")
    assert code == 0 and json_lines(out) == []

    code, out, err = run("import", "listings.csv", "--partial", "--json")
    assert code == 0
    [summary] = json_lines(out)
    assert summary["created"] == {"organizations": 0, "listings": 3}
    assert summary["rejected"] == 1
    rejects = Path(str(summary["rejects_file"])).read_text(encoding="utf-8")
    assert "orb-2" in rejects and "HS:85041" in rejects and "errors" in rejects.splitlines()[0]
    assert "rm-1" not in rejects
    # Fix the rejects file in place and import it as it is: the errors column is ignored.
    Path(str(summary["rejects_file"])).write_text(
        rejects.replace("HS:85041", "HS:850410"), encoding="utf-8"
    )
    assert run("import", str(summary["rejects_file"]))[0] == 0
    assert len(json_lines(run("listing", "list", "--json")[1])) == 4


def test_an_error_names_a_long_path_in_one_piece() -> None:
    """Whatever the terminal's width, a path is printed whole, to be copied from the message."""
    deep = Path("incoming-" + "x" * 60, "from-the-regions-" + "y" * 40)
    deep.mkdir(parents=True)
    broken = deep / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = run("import", str(broken))
    assert code == 1
    assert str(broken) in err and "not valid JSON" in err


def test_a_bad_file_in_a_batch_does_not_stop_the_others() -> None:
    Path("orgs.csv").write_text(ORGS, encoding="utf-8")
    Path("broken.json").write_text("{not json", encoding="utf-8")
    Path("listings.csv").write_text(LISTINGS.replace("HS:85041", "HS:850410"), encoding="utf-8")
    code, out, _err = run("import", "orgs.csv", "broken.json", "listings.csv", "--json")
    assert code == 1
    results = {Path(str(r["file"])).name: r for r in json_lines(out)}
    assert results["broken.json"]["ok"] is False and "not valid JSON" in str(
        results["broken.json"]["error"]
    )
    assert results["listings.csv"]["created"] == {"organizations": 0, "listings": 4}


def test_export_import_round_trip_through_the_cli(tmp_path: Path) -> None:
    assert run("demo")[0] == 0
    assert run("export", "all.json")[0] == 0
    assert run("export", "listings.csv", "--entity", "listings")[0] == 0
    code, _, err = run("export", "x.csv")
    assert code == 2 and "--entity" in err
    document = json.loads(Path("all.json").read_text(encoding="utf-8"))
    assert len(document["listings"]) >= 200
    code, out, _ = run("import", "all.json", "--json")
    assert code == 0
    assert json_lines(out)[0]["unchanged"] == {
        "organizations": len(document["organizations"]),
        "listings": len(document["listings"]),
    }


def test_users_tokens_and_listings(tmp_path: Path) -> None:
    Path("orgs.csv").write_text(ORGS, encoding="utf-8")
    run("import", "orgs.csv")
    code, out, _ = run(
        "user",
        "add",
        "eng@rm.example",
        "--name",
        "Engineer",
        "--org",
        "rm-rail",
        "--password",
        "long-password",
        "--json",
    )
    assert code == 0 and json_lines(out)[0]["organizations"] == ["rm-rail"]
    code, out, _ = run("token", "create", "eng@rm.example", "--json")
    assert str(json_lines(out)[0]["token"]).startswith("cpx_")
    code, out, _ = run(
        "listing",
        "add",
        "--kind",
        "offer",
        "--org",
        "rm-rail",
        "--title",
        "货车转向架",
        "--code",
        "HS:8607",
        "--json",
    )
    assert code == 0 and json_lines(out)[0]["language"] == "zh"
    ref = str(json_lines(out)[0]["ref"])
    assert json_lines(run("listing", "show", ref, "--json")[1])[0]["title"] == "货车转向架"
    assert run("listing", "close", ref)[0] == 0
    assert json_lines(run("listing", "list", "--status", "closed", "--json")[1])[0]["ref"] == ref
    actions = [r["action"] for r in json_lines(run("audit", "--json")[1])]
    assert {"listing.create", "listing.close", "user.create", "token.issue"} <= set(actions)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("org", "show", "nope"), "organisation 'nope' not found"),
        (("listing", "list", "--code", "HS:1"), "code"),
        (("org", "add", "--name", "X", "--kind", "agency", "--country", "ZZ"), "country"),
        (("import", "missing.csv"), "No such file"),
        (("regions", "XX"), "no ISO 3166-2 regions"),
    ],
)
def test_errors_go_to_stderr_with_a_nonzero_exit(args: tuple[str, ...], message: str) -> None:
    code, out, err = run(*args)
    assert code != 0
    assert message in err
    assert out == ""


def test_reference_lists_in_three_languages() -> None:
    regions = {r["code"]: r for r in json_lines(run("regions", "RU", "--json")[1])}
    assert regions["RU-ULY"]["ru"] == "Ульяновская область"
    sectors = {s["slug"]: s for s in json_lines(run("sectors", "--json")[1])}
    assert sectors["rail"]["zh"]


def test_match_and_search_commands() -> None:
    assert run("demo")[0] == 0
    code, out, _ = run("match", "rm-rail-02", "--limit", "5", "--json")
    assert code == 0
    rows = json_lines(out)
    assert len(rows) == 5 and all(r["kind"] == "offer" and r["why"] for r in rows)
    code, out, _ = run("search", "冷链物流", "--limit", "3", "--json")
    assert code == 0 and len(json_lines(out)) == 3
    code, _, err = run("search", "x")
    assert code == 1 and "q:" in err
    code, _, err = run("match", "rm-rail-02", "--union", "NATO")
    assert code == 1 and "union" in err

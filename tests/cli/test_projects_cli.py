"""`coopex project ...`, `coopex interest ...` and `--as` (the services' rules at the CLI),
in process, against real databases."""

from __future__ import annotations

import json

from tests.cli.conftest import run


def ok(*args: str) -> str:
    code, out, err = run(*args)
    assert code == 0, err
    return out


def _registry() -> None:
    ok(
        "org",
        "add",
        "--ref",
        "uly-idc",
        "--name",
        "Ulyanovsk IDC",
        "--kind",
        "agency",
        "--country",
        "RU",
        "--region",
        "RU-ULY",
    )
    ok(
        "org",
        "add",
        "--ref",
        "rm-rail",
        "--name",
        "RM Rail",
        "--kind",
        "enterprise",
        "--country",
        "RU",
        "--region",
        "RU-ULY",
        "--contacts-visibility",
        "on_accepted_interest",
    )
    ok(
        "org",
        "add",
        "--ref",
        "orbita",
        "--name",
        "Orbita",
        "--kind",
        "enterprise",
        "--country",
        "RU",
        "--region",
        "RU-MO",
    )
    ok(
        "user",
        "add",
        "staff@uly.example",
        "--name",
        "Staff",
        "--role",
        "agency_staff",
        "--org",
        "uly-idc",
        "--no-password",
    )
    ok("user", "add", "rm@rail.example", "--name", "RM", "--org", "rm-rail", "--no-password")
    ok("user", "add", "orb@orbita.example", "--name", "Orb", "--org", "orbita", "--no-password")


def test_project_create_move_note_show_list_history() -> None:
    _registry()
    out = ok(
        "project",
        "create",
        "--title",
        "Bogie castings",
        "--initiator",
        "rm-rail",
        "--counterpart",
        "orbita",
        "--sector",
        "rail",
        "--value",
        "900000",
        "--currency",
        "RUB",
        "--next-step",
        "Send drawings",
        "--due",
        "2026-12-15",
        "--meeting",
        "12",
        "--as",
        "rm@rail.example",
        "--json",
    )
    project = json.loads(out)
    ref = project["ref"]
    assert project["stage"] == "lead" and project["links"] == ["meeting:12"]
    assert (
        json.loads(ok("project", "move", ref, "contact", "--comment", "called", "--json"))["stage"]
        == "contact"
    )
    code, _, err = run("project", "move", ref, "agreement")
    assert code == 1 and "cannot move from contact to agreement" in err
    assert "negotiation or dropped" in err
    code, _, err = run("project", "move", ref, "dropped", "--as", "orb@orbita.example")
    assert code == 0, err
    ok("project", "note", ref, "Price too high for now", "--as", "rm@rail.example")
    ok("project", "edit", ref, "--next-step", "Call again in spring", "--due", "2027-03-01")
    shown = json.loads(ok("project", "show", ref, "--json"))
    assert shown["stage"] == "dropped" and shown["next_step_due"] == "2027-03-01"
    listed = [
        json.loads(line)
        for line in ok(
            "project",
            "list",
            "--stage",
            "dropped",
            "--org",
            "rm-rail",
            "--due-before",
            "2027-06-01",
            "--json",
        ).splitlines()
    ]
    assert [p["ref"] for p in listed] == [ref]
    assert ok("project", "list", "--sector", "automotive", "--json") == ""
    history = [json.loads(line) for line in ok("project", "history", ref, "--json").splitlines()]
    assert [h["kind"] for h in history] == ["created", "moved", "moved", "note", "edited"]
    assert history[2]["actor"] == "orb@orbita.example" and history[2]["to"] == "dropped"
    code, _, err = run("project", "create", "--title", "x", "--currency", "EURO", "--value", "1")
    assert code == 1 and "currency" in err


def test_interest_express_list_accept_and_contacts() -> None:
    _registry()
    ok(
        "listing",
        "add",
        "--ref",
        "rm-1",
        "--kind",
        "request",
        "--org",
        "rm-rail",
        "--title",
        "Bogie castings wanted",
        "--sector",
        "rail",
    )
    ok(
        "listing",
        "add",
        "--ref",
        "orb-1",
        "--kind",
        "offer",
        "--org",
        "orbita",
        "--title",
        "Steel castings",
        "--sector",
        "rail",
    )
    hidden = json.loads(ok("org", "show", "rm-rail", "--as", "orb@orbita.example", "--json"))
    assert hidden["contacts"] == []
    interest = json.loads(
        ok("interest", "express", "orb-1", "rm-1", "--as", "orb@orbita.example", "--json")
    )
    assert interest["status"] == "pending"
    code, _, err = run("interest", "accept", str(interest["id"]), "--as", "orb@orbita.example")
    assert code == 1 and "not allowed" in err
    incoming = ok(
        "interest", "list", "--direction", "incoming", "--as", "rm@rail.example", "--json"
    )
    assert [json.loads(line)["id"] for line in incoming.splitlines()] == [interest["id"]]
    accepted = json.loads(
        ok("interest", "accept", str(interest["id"]), "--as", "rm@rail.example", "--json")
    )
    assert accepted["status"] == "accepted"
    project = json.loads(ok("interest", "project", str(interest["id"]), "--json"))
    assert project["stage"] == "contact" and project["interests"] == [interest["id"]]
    funnel = json.loads(ok("interest", "funnel", "--json"))
    assert funnel["expressed"] == 1 and funnel["projects"] == 1
    second = json.loads(ok("interest", "express", "rm-1", "orb-1", "--json"))  # the operator
    declined = json.loads(ok("interest", "decline", str(second["id"]), "--json"))
    assert declined["status"] == "declined"


def test_agency_staff_at_the_cli_act_for_their_region_only() -> None:
    _registry()
    ok(
        "listing",
        "add",
        "--kind",
        "request",
        "--org",
        "rm-rail",
        "--ref",
        "rm-9",
        "--title",
        "Forgings wanted",
        "--as",
        "staff@uly.example",
    )
    code, _, err = run(
        "listing",
        "add",
        "--kind",
        "offer",
        "--org",
        "orbita",
        "--title",
        "Castings",
        "--as",
        "staff@uly.example",
    )
    assert code == 1 and "not in your agency's region" in err
    ok(
        "org",
        "update",
        "rm-rail",
        "--website",
        "https://rmrail.example",
        "--as",
        "staff@uly.example",
    )
    trail = [json.loads(line) for line in ok("audit", "--limit", "5", "--json").splitlines()]
    done = [e for e in trail if e["outcome"] == "done"]
    assert done[0]["action"] == "organization.update" and done[0]["on_behalf_of"] == "rm-rail"
    assert done[1]["action"] == "listing.create" and done[1]["actor"] == "staff@uly.example"
    code, _, err = run("org", "show", "rm-rail", "--as", "nobody@example.org")
    assert code == 1 and "not found" in err

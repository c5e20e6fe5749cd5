"""`coopex event ...` and `coopex schedule` in process, against real databases."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar

from coopex.engines.scheduling.breaks import violations
from coopex.engines.scheduling.problem import Placement
from coopex.interchange.dzn import read_dzn
from tests.cli.conftest import run


def ok(*args: str) -> str:
    code, out, err = run(*args)
    assert code == 0, err
    return out


def test_a_round_table_from_the_command_line(tmp_path: Path) -> None:
    for ref, name in (
        ("rm-rail", "RM Rail"),
        ("ulyanovsk-avia", "Aviastar"),
        ("mordovia-cable", "Cable"),
    ):
        ok("org", "add", "--ref", ref, "--name", name, "--kind", "enterprise", "--country", "RU")
    ok(
        "event",
        "create",
        "--ref",
        "round-table",
        "--title",
        "Ulyanovsk – Mordovia round table",
        "--kind",
        "round_table",
        "--starts-on",
        "2025-03-20",
        "--timezone",
        "Europe/Samara",
        "--tables",
        "1",
    )
    ok(
        "event",
        "session-add",
        "round-table",
        "--key",
        "b2b",
        "--title",
        "B2B",
        "--kind",
        "matchmaking",
        "--day",
        "2025-03-20",
        "--starts",
        "11:00",
        "--ends",
        "12:00",
        "--slot-minutes",
        "30",
        "--place",
        "Technopark",
    )
    code, _, err = run(
        "event",
        "session-add",
        "round-table",
        "--key",
        "late",
        "--title",
        "X",
        "--day",
        "2025-04-01",
        "--starts",
        "10:00",
        "--ends",
        "11:00",
    )
    assert code == 1 and "day: is outside the event" in err

    participants = tmp_path / "participants.csv"
    participants.write_text("org,representatives\nrm-rail,Ivan\nulyanovsk-avia,\nmordovia-cable,\n")
    assert "3 registered" in ok("event", "import", "round-table", str(participants))
    bad = tmp_path / "requests.csv"
    bad.write_text("requester,target,priority\nrm-rail,ulyanovsk-avia,5\nrm-rail,nobody,1\n")
    code, _, err = run("event", "import", "round-table", str(bad))
    assert code == 1 and "row 3: target: is not a participant of 'round-table'" in err
    assert json.loads(ok("event", "counts", "round-table", "--json"))["requested"] == 0
    bad.write_text(
        "requester,target,priority\nrm-rail,ulyanovsk-avia,5\nrm-rail,mordovia-cable,1\n"
        "ulyanovsk-avia,mordovia-cable,2\n"
    )
    ok("event", "import", "round-table", str(bad))
    requests = [
        json.loads(x) for x in ok("event", "requests", "round-table", "--json").splitlines()
    ]
    for request in requests:
        ok("event", "accept", "round-table", str(request["id"]))

    # three meetings, each pair shares someone, one table: two slots hold two of them
    code, out, _ = run("schedule", "round-table", "--time-limit", "5", "--json")
    summary, *unplaced = [json.loads(x) for x in out.splitlines()]
    assert code == 1 and summary["placed"] == 2 and summary["unplaced"] == 1
    # no request is mutual: the weight held is one-sided, within its proven bound
    assert summary["held_mutual"] == 0 and summary["held_one_sided"] > 0
    assert summary["held_one_sided"] <= summary["held_bound_one_sided"]
    assert summary["held_gap"] is not None and 0.0 <= summary["held_gap"] <= 1.0
    assert unplaced[0]["reason"]
    meetings = [
        json.loads(x) for x in ok("event", "meetings", "round-table", "--json").splitlines()
    ]
    placed = [m for m in meetings if m["slot"]]
    assert len({m["slot"] for m in placed}) == 2 and all(m["table"] == 1 for m in placed)

    code, _, err = run("event", "lock", "round-table", str(placed[0]["id"]), "b2b#3", "1")
    assert code == 1 and "has slots #1 to #2" in err
    ics = tmp_path / "agenda.ics"
    html = tmp_path / "agenda.html"
    ok("event", "agenda", "round-table", "rm-rail", "--ics", str(ics), "--html", str(html))
    calendar = icalendar.Calendar.from_ical(ics.read_bytes())
    rm_rail_meetings = [m for m in placed if "rm-rail" in m["participants"]]
    assert len(list(calendar.walk("VEVENT"))) == len(rm_rail_meetings)
    assert "Europe/Samara" in ics.read_text() and "<table>" in html.read_text()
    plan = [json.loads(x) for x in ok("event", "tables", "round-table", "--json").splitlines()]
    assert len(plan) == 2

    first = placed[0]
    out = ok(
        "event", "outcome", "round-table", str(first["id"]), "held", "--follow-up", "negotiation"
    )
    assert "project project-" in out
    show = json.loads(ok("event", "show", "round-table", "--json"))
    assert (show["held"], show["projects"], show["agreements"], show["scheduled"]) == (1, 1, 0, 2)
    listed = [json.loads(x) for x in ok("event", "list", "--json").splitlines()]
    assert [e["ref"] for e in listed] == ["round-table"]


def test_bad_files_and_unknown_events(tmp_path: Path) -> None:
    missing = run("event", "show", "nowhere")
    assert missing[0] == 1 and "event 'nowhere' not found" in missing[2]
    broken = tmp_path / "x.csv"
    broken.write_text("company\nfoo\n")
    code, _, err = run("event", "import", "nowhere", str(broken))
    assert code == 1 and "unknown column(s) company" in err


def test_a_dzn_instance_is_solved_from_the_command_line(shared: Path) -> None:
    """tic-12 (a real ICT brokerage event, published optimum 0): every meeting gets a slot and
    a table, the schedule keeps the rules, and its breaks reach the proven bound."""
    path = shared / "benchmarks" / "b2b-meetings" / "instances" / "tic-12.original.dzn"
    lines = [
        json.loads(line) for line in ok("event", "solve-dzn", str(path), "--json").splitlines()
    ]
    summary, rows = lines[0], lines[1:]
    assert summary["status"] == "optimal" and summary["breaks"] == summary["bound"] == 0
    problem = read_dzn(path).problem
    assert sorted(row["meeting"] for row in rows) == list(range(1, len(problem.meetings) + 1))
    placements = [Placement(str(row["meeting"]), row["slot"] - 1, row["table"] - 1) for row in rows]
    assert violations(problem, placements) == []


def test_a_damaged_dzn_file_is_refused_naming_the_field(tmp_path: Path) -> None:
    path = tmp_path / "broken.dzn"
    path.write_text("nBusiness = 3;\nnMeetings = two;\n", encoding="utf-8")
    code, out, err = run("event", "solve-dzn", str(path))
    assert code != 0
    assert "broken.dzn: nMeetings" in err + out

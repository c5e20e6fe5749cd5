"""The .dzn importer: all 140 benchmark files against the sizes in instances.csv, and bad files."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from coopex.interchange.dzn import DznError, parse_dzn, read_dzn

SMALL = """
nBusiness = 3;
nMeetings = 2;
nTables = 1;
nTotalSlots = 3;
nMorningSlots = 2;
requested = [|1, 2,1,
|3, 2,3,
|];
meetingsxBusiness = [{1,2},{1,2,3},{1,3}];
nMeetingsBusiness = [1,2,1];
forbidden = [{0},{0,3},{0}];
fixed = [0,2];
precedences = [{},{1}];
"""


def test_a_small_file_becomes_the_problem_it_describes() -> None:
    instance = parse_dzn(SMALL, "small.dzn")
    problem = instance.problem
    assert problem.slot_sessions == (1, 1, 2)
    assert problem.tables == 1
    assert [m.participants for m in problem.meetings] == [("1", "2"), ("3", "2")]
    assert problem.meetings[0].sessions == frozenset({1})
    assert problem.meetings[1].sessions is None
    assert problem.meetings[1].fixed_slot == 1  # slot 2 in the file, counted from 0 here
    assert problem.unavailable == {"2": frozenset({2})}
    assert problem.precedences == (("1", "2"),)
    assert problem.all_required and problem.max_break_difference == 2
    assert problem.participants == ("1", "2", "3")


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        (("nTables = 1;", ""), "nTables", "missing"),
        (("nMeetings = 2;", "nMeetings = 3;"), "requested", "has 2 entries, expected 3"),
        (("|3, 2,3,", "|3, 2,4,"), "requested row 2", "session 4"),
        (("|3, 2,3,", "|3, 7,3,"), "requested row 2", "participant 7 is not in 1..3"),
        (("{1,2,3},{1,3}]", "{1,2},{1,3}]"), "meetingsxBusiness[2]", "requested gives [1, 2]"),
        (("[1,2,1]", "[1,1,1]"), "nMeetingsBusiness[2]", "says 1"),
        (("{0,3}", "{0,9}"), "forbidden[2]", "slot 9 is not in 1..3"),
        (("fixed = [0,2]", "fixed = [0,x]"), "fixed", "unexpected"),
        (("[{},{1}]", "[{},{5}]"), "precedences[2]", "meeting 5 is not in 1..2"),
        (("nMorningSlots = 2;", "nMorningSlots = 4;"), "nMorningSlots", "more than"),
    ],
)
def test_a_damaged_file_is_refused_naming_file_field_and_why(
    change: tuple[str, str], field: str, reason: str
) -> None:
    before, after = change
    assert before in SMALL
    with pytest.raises(DznError) as caught:
        parse_dzn(SMALL.replace(before, after), "bad.dzn")
    assert caught.value.file == "bad.dzn"
    assert caught.value.field == field
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"bad.dzn: {field}: ")


def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "binary.dzn"
    path.write_bytes(b"\xff\xfe\x00nBusiness")
    with pytest.raises(DznError, match=r"binary\.dzn: file: not UTF-8"):
        read_dzn(path)
    with pytest.raises(DznError, match=r"missing\.dzn: file"):
        read_dzn(tmp_path / "missing.dzn")


def test_every_benchmark_file_imports_with_the_sizes_of_instances_csv(shared: Path) -> None:
    folder = shared / "benchmarks" / "b2b-meetings"
    with (folder / "instances.csv").open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 140
    for row in rows:
        instance = read_dzn(folder / row["file"])
        problem = instance.problem
        sessions = Counter(
            "any" if m.sessions is None else min(m.sessions) for m in problem.meetings
        )
        per_person = Counter(who for m in problem.meetings for who in m.participants)
        found = {
            "participants": instance.participants,
            "meetings": len(problem.meetings),
            "time_slots": problem.slots,
            "locations": problem.tables,
            "morning_slots": problem.slot_sessions.count(1),
            "forbidden_pairs": instance.forbidden_pairs,
            "fixed_meetings": instance.fixed_meetings,
            "precedence_pairs": instance.precedence_pairs,
            "meetings_am_only": sessions[1],
            "meetings_pm_only": sessions[2],
            "meetings_any_session": sessions["any"],
            "max_meetings_per_participant": max(per_person.values()),
            "participants_with_0or1_meeting": sum(
                1 for who in problem.participants if per_person[who] <= 1
            ),
        }
        expected = {key: int(row[key]) for key in found}
        assert found == expected, row["file"]

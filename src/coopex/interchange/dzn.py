"""Import the B2B meeting-scheduling benchmark's MiniZinc data files (`.dzn`).

The format (see ../shared/benchmarks/b2b-meetings/README.md): participants and meetings are
numbered from 1, slots too; `meetingsxBusiness` lists each participant's meetings shifted by +1
with 1 standing for "no meeting"; `forbidden` uses 0 as a placeholder; `precedences[m]` holds
the meetings that must come before m. Every meeting is required. The redundant fields are
checked against `requested`, so a damaged file is refused rather than half-read.

In the `SchedulingProblem` made here, participants and meetings keep their file numbers as
strings ("7"), slots and tables are numbered from 0, and sessions are 1 (morning) and 2
(afternoon) as in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from coopex.engines.scheduling.problem import Meeting, SchedulingProblem
from coopex.interchange.records import UnreadableFile

MORNING, AFTERNOON = 1, 2
REQUIRED_FIELDS = (
    "nBusiness",
    "nMeetings",
    "nTables",
    "nTotalSlots",
    "nMorningSlots",
    "requested",
    "meetingsxBusiness",
    "nMeetingsBusiness",
    "forbidden",
    "fixed",
    "precedences",
)

Value = int | list["Value"] | frozenset[int]


class DznError(UnreadableFile):
    """A `.dzn` file cannot be imported: which file, which field and why."""

    def __init__(self, file: str, field: str, reason: str) -> None:
        self.file = file
        self.field = field
        self.reason = reason
        super().__init__(f"{file}: {field}: {reason}")


@dataclass(frozen=True, slots=True)
class DznInstance:
    """The problem read from one file, with the sizes the file states."""

    name: str
    problem: SchedulingProblem
    participants: int
    forbidden_pairs: int
    fixed_meetings: int
    precedence_pairs: int


_TOKEN = re.compile(r"\s*(?:(-?\d+)|(\[\||\|\]|[\[\]{}|,]))")
_STATEMENT = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?);", re.S)


class _Parser:
    """A reader for the value syntax these files use: ints, sets, 1-D and 2-D arrays."""

    def __init__(self, text: str, file: str, field: str) -> None:
        self.text = text
        self.pos = 0
        self.file = file
        self.field = field

    def fail(self, reason: str) -> DznError:
        return DznError(self.file, self.field, reason)

    def peek(self) -> str | None:
        match = _TOKEN.match(self.text, self.pos)
        if match is None:
            rest = self.text[self.pos :].strip()
            if not rest:
                return None
            raise self.fail(f"unexpected text {rest[:20]!r}")
        return match.group(1) or match.group(2)

    def take(self) -> str:
        match = _TOKEN.match(self.text, self.pos)
        if match is None:
            raise self.fail("the value ends too early")
        self.pos = match.end()
        return match.group(1) or match.group(2)

    def expect(self, token: str) -> None:
        found = self.take()
        if found != token:
            raise self.fail(f"expected {token!r}, found {found!r}")

    def value(self) -> Value:
        token = self.peek()
        if token is None:
            raise self.fail("no value")
        if token == "[|":
            return self.matrix()
        if token == "[":
            return self.array()
        if token == "{":
            return self.set()
        if token.lstrip("-").isdigit():
            return int(self.take())
        raise self.fail(f"unexpected {token!r}")

    def set(self) -> frozenset[int]:
        self.expect("{")
        items: list[int] = []
        while self.peek() != "}":
            token = self.take()
            if not token.lstrip("-").isdigit():
                raise self.fail(f"a set holds integers, found {token!r}")
            items.append(int(token))
            if self.peek() == ",":
                self.take()
        self.take()
        return frozenset(items)

    def array(self) -> list[Value]:
        self.expect("[")
        items: list[Value] = []
        while self.peek() != "]":
            items.append(self.value())
            if self.peek() == ",":
                self.take()
        self.take()
        return items

    def matrix(self) -> list[Value]:
        self.expect("[|")
        rows: list[Value] = []
        row: list[Value] = []
        while True:
            token = self.peek()
            if token == "|]":
                self.take()
                break
            if token == "|":
                self.take()
                rows.append(row)
                row = []
                continue
            if token == ",":
                self.take()
                continue
            item = self.value()
            row.append(item)
        if row:
            rows.append(row)
        return rows

    def done(self) -> None:
        if self.peek() is not None:
            raise self.fail(f"unexpected text after the value: {self.text[self.pos :][:20]!r}")


def _fields(text: str, file: str) -> dict[str, Value]:
    text = re.sub(r"%[^\n]*", "", text)  # MiniZinc line comments
    found: dict[str, Value] = {}
    for match in _STATEMENT.finditer(text):
        name = match.group(1)
        parser = _Parser(match.group(2), file, name)
        found[name] = parser.value()
        parser.done()
    missing = [name for name in REQUIRED_FIELDS if name not in found]
    if missing:
        raise DznError(file, missing[0], "missing (" + ", ".join(missing) + " not found)")
    return found


class _Reader:
    def __init__(self, fields: dict[str, Value], file: str) -> None:
        self.fields = fields
        self.file = file

    def fail(self, field: str, reason: str) -> DznError:
        return DznError(self.file, field, reason)

    def count(self, field: str, least: int = 0) -> int:
        value = self.fields[field]
        if not isinstance(value, int):
            raise self.fail(field, "must be an integer")
        if value < least:
            raise self.fail(field, f"must be at least {least}, got {value}")
        return value

    def items(self, field: str, length: int, what: str) -> list[Value]:
        value = self.fields[field]
        if not isinstance(value, list):
            raise self.fail(field, "must be an array")
        if len(value) != length:
            raise self.fail(field, f"has {len(value)} entries, expected {length} ({what})")
        return value

    def ints(self, field: str, length: int, what: str) -> list[int]:
        values = self.items(field, length, what)
        for index, item in enumerate(values, start=1):
            if not isinstance(item, int):
                raise self.fail(f"{field}[{index}]", "must be an integer")
        return [item for item in values if isinstance(item, int)]

    def sets(self, field: str, length: int, what: str) -> list[frozenset[int]]:
        values = self.items(field, length, what)
        sets: list[frozenset[int]] = []
        for index, item in enumerate(values, start=1):
            if not isinstance(item, frozenset):
                raise self.fail(f"{field}[{index}]", "must be a set like {1,2}")
            sets.append(item)
        return sets


def parse_dzn(text: str, file: str = "<text>", max_break_difference: int | None = 2) -> DznInstance:
    """Read one instance. `max_break_difference` is the paper's `d` (not in the files)."""
    reader = _Reader(_fields(text, file), file)
    participants = reader.count("nBusiness", 1)
    meetings = reader.count("nMeetings", 0)
    tables = reader.count("nTables", 1)
    slots = reader.count("nTotalSlots", 1)
    morning = reader.count("nMorningSlots", 0)
    if morning > slots:
        raise reader.fail("nMorningSlots", f"{morning} is more than nTotalSlots ({slots})")

    rows = reader.items("requested", meetings, "one row per meeting")
    pairs: list[tuple[int, int, int]] = []
    for index, row in enumerate(rows, start=1):
        where = f"requested row {index}"
        if not (isinstance(row, list) and len(row) == 3 and all(isinstance(v, int) for v in row)):
            raise reader.fail(where, "must be three integers: participant, participant, session")
        a, b, session = (v for v in row if isinstance(v, int))
        for who in (a, b):
            if not 1 <= who <= participants:
                raise reader.fail(where, f"participant {who} is not in 1..{participants}")
        if a == b:
            raise reader.fail(where, f"participant {a} cannot meet themself")
        if session not in (1, 2, 3):
            raise reader.fail(where, f"session {session} is not 1 (morning), 2 or 3 (either)")
        pairs.append((a, b, session))

    own: list[set[int]] = [set() for _ in range(participants)]
    for index, (a, b, _) in enumerate(pairs, start=1):
        own[a - 1].add(index)
        own[b - 1].add(index)
    listed = reader.sets("meetingsxBusiness", participants, "one set per participant")
    counts = reader.ints("nMeetingsBusiness", participants, "one count per participant")
    for who in range(participants):
        shifted = {m - 1 for m in listed[who] if m != 1}
        if shifted != own[who]:
            raise reader.fail(
                f"meetingsxBusiness[{who + 1}]",
                f"lists meetings {sorted(shifted)} but requested gives {sorted(own[who])}",
            )
        if counts[who] != len(own[who]):
            raise reader.fail(
                f"nMeetingsBusiness[{who + 1}]",
                f"says {counts[who]} but requested gives {len(own[who])} meetings",
            )

    unavailable: dict[str, frozenset[int]] = {}
    forbidden_pairs = 0
    for who, slots_out in enumerate(reader.sets("forbidden", participants, "per participant")):
        for slot in slots_out:
            if not 0 <= slot <= slots:
                raise reader.fail(f"forbidden[{who + 1}]", f"slot {slot} is not in 1..{slots}")
        real = frozenset(slot - 1 for slot in slots_out if slot != 0)
        if real:
            unavailable[str(who + 1)] = real
            forbidden_pairs += len(real)

    fixed = reader.ints("fixed", meetings, "one slot or 0 per meeting")
    for index, slot in enumerate(fixed, start=1):
        if not 0 <= slot <= slots:
            raise reader.fail(f"fixed[{index}]", f"slot {slot} is not 0 or in 1..{slots}")

    precedences: list[tuple[str, str]] = []
    for later, earlier_set in enumerate(reader.sets("precedences", meetings, "per meeting"), 1):
        for earlier in sorted(earlier_set):
            if not 1 <= earlier <= meetings:
                raise reader.fail(
                    f"precedences[{later}]", f"meeting {earlier} is not in 1..{meetings}"
                )
            precedences.append((str(earlier), str(later)))

    sessions = {1: frozenset({MORNING}), 2: frozenset({AFTERNOON}), 3: None}
    problem = SchedulingProblem(
        slot_sessions=tuple(MORNING if t < morning else AFTERNOON for t in range(slots)),
        tables=tables,
        meetings=tuple(
            Meeting(
                id=str(index),
                participants=(str(a), str(b)),
                sessions=sessions[session],
                fixed_slot=fixed[index - 1] - 1 if fixed[index - 1] else None,
            )
            for index, (a, b, session) in enumerate(pairs, start=1)
        ),
        unavailable=unavailable,
        precedences=tuple(precedences),
        max_break_difference=max_break_difference,
        all_required=True,
        participants=tuple(str(who) for who in range(1, participants + 1)),
    )
    return DznInstance(
        name=file.removesuffix(".dzn"),
        problem=problem,
        participants=participants,
        forbidden_pairs=forbidden_pairs,
        fixed_meetings=sum(1 for slot in fixed if slot),
        precedence_pairs=len(precedences),
    )


def read_dzn(path: Path, max_break_difference: int | None = 2) -> DznInstance:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise DznError(path.name, "file", f"not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise DznError(path.name, "file", str(error.strerror)) from None
    return parse_dzn(text, path.name, max_break_difference)

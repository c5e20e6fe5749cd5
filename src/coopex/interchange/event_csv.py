"""CSV files of an event's participants and meeting requests.

Participants: `org` (required), `representatives`, `unavailable`, `listings` (lists
separated by ';'). Requests: `requester`, `target` (required), `priority`, `message`.
The first line is the header; rows are numbered as a spreadsheet shows them (header = 1).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from coopex.domain.errors import FieldError
from coopex.interchange.records import UnreadableFile

PARTICIPANT_COLUMNS = ("org", "representatives", "unavailable", "listings")
REQUEST_COLUMNS = ("requester", "target", "priority", "message")


@dataclass(frozen=True, slots=True)
class Row:
    number: int
    raw: dict[str, object] = field(hash=False)
    errors: tuple[FieldError, ...] = ()  # the row's shape was wrong

    @property
    def location(self) -> str:
        return f"row {self.number}"


def decode(data: bytes, name: str = "the file") -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{name}: not UTF-8 text (byte {error.start})") from None


def read_rows(text: str, columns: tuple[str, ...], name: str = "the file") -> list[Row]:
    """Rows of a CSV whose header uses `columns` and has the first of them; blank rows are
    skipped. An unknown or missing column makes the whole file unreadable."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [cell.strip() for cell in next(reader)]
    except StopIteration:
        raise UnreadableFile(f"{name}: the CSV file is empty") from None
    except csv.Error as error:
        raise UnreadableFile(f"{name}: line 1: {error}") from None
    unknown = [c for c in header if c not in columns]
    if unknown:
        raise UnreadableFile(
            f"{name}: unknown column(s) {', '.join(unknown)}; known: {', '.join(columns)}"
        )
    required = [c for c in columns[:2] if c in ("org", "requester", "target")]
    missing = [c for c in required if c not in header]
    if missing:
        raise UnreadableFile(f"{name}: missing column(s) {', '.join(missing)}")
    rows: list[Row] = []
    try:
        for cells in reader:
            number = reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                problem = FieldError("row", f"has {len(cells)} cells; the header has {len(header)}")
                rows.append(Row(number, {}, (problem,)))
                continue
            rows.append(Row(number, dict(zip(header, cells, strict=True))))
    except csv.Error as error:
        raise UnreadableFile(f"{name}: line {reader.line_num}: {error}") from None
    return rows

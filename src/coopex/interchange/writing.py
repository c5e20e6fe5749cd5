"""Writing exports. What these write, `reading` reads back to the same records."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import TextIO

from coopex.interchange.records import Entity

FORMAT_VERSION = "coopex/1"
# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(...),
# @SUM(...), +cmd|...): such cells are written with a leading apostrophe, which spreadsheets
# show as text, and `reading` takes it off again (cells already starting with apostrophes
# before one of these get one more, so every text survives the round trip).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def defuse(text: str) -> str:
    """`text` as a CSV cell that no spreadsheet evaluates."""
    return "'" + text if text.lstrip("'").startswith(FORMULA_STARTS) else text


def _cell(name: str, value: object) -> str:
    if value is None:
        return ""
    if name == "contacts":
        return json.dumps(value, ensure_ascii=False) if value else ""
    if isinstance(value, list):
        return defuse(";".join(str(item) for item in value))
    return defuse(str(value))


def write_csv(
    stream: TextIO,
    entity: Entity,
    records: Iterable[Mapping[str, object]],
    extra: tuple[str, ...] = (),
) -> int:
    """One row per record, in the column order of `entity.fields` (+ `extra`); returns rows."""
    columns = entity.fields + extra
    # RFC 4180 line ends (CRLF): with them the writer also quotes cells holding a lone \r.
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    for record in records:
        writer.writerow([_cell(name, record.get(name)) for name in columns])
        count += 1
    return count


def write_json(stream: TextIO, sections: Mapping[Entity, Iterable[Mapping[str, object]]]) -> int:
    """A JSON document with one list per entity; returns the number of records."""
    document: dict[str, object] = {"format": FORMAT_VERSION}
    count = 0
    for entity, records in sections.items():
        items = [dict(record) for record in records]
        document[entity.value] = items
        count += len(items)
    json.dump(document, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
    return count

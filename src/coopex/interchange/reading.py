"""Reading import files into `SourceRecord`s. Validation happens later, in the domain."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from coopex.domain.errors import FieldError
from coopex.interchange.records import Entity, FileFormat, SourceRecord, UnreadableFile

# Rejects files carry the reasons in this column; it is ignored, so a fixed file re-imports as is.
REJECT_REASONS = "errors"


def format_of(path: Path, given: FileFormat | None = None) -> FileFormat:
    if given is not None:
        return given
    suffix = path.suffix.lower().lstrip(".")
    try:
        return FileFormat(suffix)
    except ValueError:
        raise UnreadableFile(
            f"{path.name}: cannot tell the format from '.{suffix}' (csv or json); give --format"
        ) from None


def _text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path.name}: not UTF-8 text (byte {error.start})") from None
    except OSError as error:
        raise UnreadableFile(f"{path.name}: {error.strerror}") from None


def entity_from_header(header: list[str]) -> Entity:
    columns = set(header)
    if {"kind", "org", "title"} <= columns:
        return Entity.LISTINGS
    if {"name", "country"} <= columns:
        return Entity.ORGANIZATIONS
    raise UnreadableFile(
        "cannot tell what the CSV holds: listings need the columns kind, org, title; "
        "organisations need name, country"
    )


def _check_columns(entity: Entity, columns: list[str], where: str) -> None:
    unknown = [c for c in columns if c not in entity.fields and c != REJECT_REASONS]
    if unknown:
        raise UnreadableFile(
            f"{where}: unknown column(s) {', '.join(unknown)} for {entity}; "
            f"known: {', '.join(entity.fields)}"
        )


def read_csv(text: str, entity: Entity | None = None) -> list[SourceRecord]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise UnreadableFile("the CSV file is empty") from None
    entity = entity or entity_from_header(header)
    _check_columns(entity, header, "header")
    records = []
    for row_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problem = FieldError("row", f"has {len(cells)} cells; the header has {len(header)}")
            records.append(SourceRecord(entity, f"row {row_number}", {}, (problem,)))
            continue
        raw: dict[str, object] = dict(zip(header, cells, strict=True))
        raw.pop(REJECT_REASONS, None)
        problems: tuple[FieldError, ...] = ()
        contacts = raw.get("contacts")
        if isinstance(contacts, str) and contacts.strip():
            try:
                raw["contacts"] = json.loads(contacts)
            except json.JSONDecodeError as error:
                raw["contacts"] = None
                problems = (FieldError("contacts", f"is not valid JSON ({error.msg})", contacts),)
        records.append(SourceRecord(entity, f"row {row_number}", raw, problems))
    return records


def read_json(text: str, entity: Entity | None = None) -> list[SourceRecord]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(f"not valid JSON: {error.msg} at line {error.lineno}") from None
    if isinstance(document, list):
        if entity is None:
            raise UnreadableFile("a JSON list needs --entity organizations|listings")
        sections = {entity: document}
    elif isinstance(document, dict):
        unknown = set(document) - {e.value for e in Entity} - {"format", "exported_at"}
        if unknown:
            raise UnreadableFile(f"unknown top-level key(s): {', '.join(sorted(unknown))}")
        sections = {e: document.get(e.value, []) for e in Entity}
    else:
        raise UnreadableFile("expected a JSON object with organizations and listings")
    records = []
    for section, items in sections.items():
        if not isinstance(items, list):
            raise UnreadableFile(f"{section} must be a list")
        for index, item in enumerate(items):
            location = f"{section}[{index}]"
            if not isinstance(item, dict):
                problem = FieldError(location, "must be an object")
                records.append(SourceRecord(section, location, {}, (problem,)))
                continue
            _check_columns(section, list(item), location)
            item.pop(REJECT_REASONS, None)
            records.append(SourceRecord(section, location, item))
    return records


def read_file(
    path: Path, file_format: FileFormat | None = None, entity: Entity | None = None
) -> list[SourceRecord]:
    """Every record in `path`. Raises UnreadableFile when the file as a whole is wrong."""
    text = _text(path)
    if format_of(path, file_format) is FileFormat.CSV:
        return read_csv(text, entity)
    return read_json(text, entity)

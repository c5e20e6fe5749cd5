"""Reading import files into `SourceRecord`s. Validation happens later, in the domain."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from coopex.domain.errors import FieldError
from coopex.interchange.decoding import UndecodableDocument, decode
from coopex.interchange.records import Entity, FileFormat, SourceRecord, UnreadableFile
from coopex.interchange.writing import FORMULA_STARTS

DELIMITERS = (",", ";", "\t")  # Excel in Russian locales saves CSV with ';'
_ENCODING_NAMES = {"cp1251": "Windows-1251", "koi8-r": "KOI8-R", "gb18030": "GB18030"}


@dataclass(frozen=True, slots=True)
class ReadFile:
    """The records of a file, and what was detected to read it (encoding, separator)."""

    records: list[SourceRecord]
    notes: tuple[str, ...] = ()


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


def _text(path: Path) -> tuple[str, str]:
    """The file's text and its encoding: UTF-8 when it is, else the likeliest of the
    encodings Russian and Chinese offices save in (Windows-1251 from Excel, say)."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(f"{path.name}: {error.strerror}") from None
    if not data.strip():
        return "", "utf-8"
    try:
        decoded = decode(data)
    except UndecodableDocument as error:
        raise UnreadableFile(f"{path.name}: {error}") from None
    return decoded.text, decoded.encoding


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


def _undefuse(cell: str) -> str:
    """The text `writing.defuse` wrote as `cell`."""
    if cell.startswith("'") and cell.lstrip("'").startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def sniff_delimiter(first_line: str) -> str:
    """The separator that splits the header into the most known column names."""
    known = set(Entity.ORGANIZATIONS.fields) | set(Entity.LISTINGS.fields)

    def score(delimiter: str) -> tuple[int, int]:
        cells = [c.strip() for c in next(csv.reader([first_line], delimiter=delimiter), [])]
        return sum(c in known for c in cells), len(cells)

    return max(DELIMITERS, key=score)


def read_csv(text: str, entity: Entity | None = None, delimiter: str = ",") -> list[SourceRecord]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = [name.strip() for name in next(reader)]
    except StopIteration:
        raise UnreadableFile("the CSV file is empty") from None
    except csv.Error as error:
        raise UnreadableFile(f"row 1 (the header): {error}") from None
    entity = entity or entity_from_header(header)
    _check_columns(entity, header, "header")
    records = []
    row_number = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            # One cell over the csv module's limit (128 KB) or broken quoting: the rest of
            # the file cannot be split into rows reliably any more.
            raise UnreadableFile(f"row {row_number + 1}: {error}") from None
        row_number += 1
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            problem = FieldError("row", f"has {len(cells)} cells; the header has {len(header)}")
            records.append(SourceRecord(entity, f"row {row_number}", {}, (problem,)))
            continue
        raw: dict[str, object] = dict(zip(header, map(_undefuse, cells), strict=True))
        raw.pop(REJECT_REASONS, None)
        problems: tuple[FieldError, ...] = ()
        contacts = raw.get("contacts")
        if isinstance(contacts, str) and contacts.strip():
            try:
                raw["contacts"] = _loads(contacts)
            except UnreadableFile as error:
                raw["contacts"] = None
                problems = (FieldError("contacts", f"is not valid JSON ({error})", contacts),)
        records.append(SourceRecord(entity, f"row {row_number}", raw, problems))
    return records


def _loads(text: str) -> object:
    """JSON, with every way it can fail as an UnreadableFile that says why."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableFile(f"not valid JSON: {error.msg} at line {error.lineno}") from None
    except RecursionError:
        raise UnreadableFile("not valid JSON: nested too deeply") from None
    except ValueError as error:  # an integer with more digits than Python converts
        raise UnreadableFile(f"not valid JSON: {str(error).split(';')[0]}") from None


def read_json(text: str, entity: Entity | None = None) -> list[SourceRecord]:
    document = _loads(text)
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
    return read_import(path, file_format, entity).records


def read_import(
    path: Path, file_format: FileFormat | None = None, entity: Entity | None = None
) -> ReadFile:
    """Every record in `path`, with what was detected to read it."""
    chosen = format_of(path, file_format)
    text, encoding = _text(path)
    notes = []
    if encoding != "utf-8":
        notes.append(f"encoding {_ENCODING_NAMES.get(encoding, encoding)} (not UTF-8)")
    try:
        if chosen is FileFormat.CSV:
            delimiter = sniff_delimiter(text.split("\n", 1)[0])
            if delimiter != ",":
                notes.append("separator " + ("tab" if delimiter == "\t" else repr(delimiter)))
            return ReadFile(read_csv(text, entity, delimiter), tuple(notes))
        return ReadFile(read_json(text, entity), tuple(notes))
    except UnreadableFile as error:
        raise UnreadableFile(f"{path.name}: {error}") from None

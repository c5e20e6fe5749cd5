"""Reading loosely-typed input (CSV cells, JSON values, API bodies) into typed values.

One reader collects every problem of one record, so a report can name them all at once.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import TypeVar

from coopex.domain.errors import FieldError, ValidationFailed

E = TypeVar("E", bound=StrEnum)

REF_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$")
LIST_SEPARATOR = ";"
MAX_NUMBER_CHARACTERS = 40  # quantities are stored as their exact text
# PostgreSQL text cannot hold NUL; lone UTF-16 surrogates (a JSON "\ud800" decodes to one)
# cannot be encoded as UTF-8, so no database can store them.
_FORBIDDEN = re.compile(r"[\x00\ud800-\udfff]")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def text_problem(text: str) -> str | None:
    """Why `text` cannot be stored as text (a NUL, a control character, a lone surrogate)."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return None
    char = found.group()
    what = "a NUL character" if char == "\x00" else "a lone surrogate (invalid Unicode)"
    return f"contains {what} (U+{ord(char):04X}) at position {found.start()}"


def shown(text: str, limit: int = 40) -> str:
    """`text` cut for an error message, with anything unprintable escaped."""
    cut = text[:limit] + ("…" if len(text) > limit else "")
    return _FORBIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", cut)


def stable_ref(prefix: str, *parts: str) -> str:
    """A reference derived from content, so importing the same row twice finds the same record."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{prefix}-{digest}"


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class FieldReader:
    """Typed access to one raw record; problems are collected, not raised one by one."""

    def __init__(self, raw: Mapping[str, object]) -> None:
        self.raw = raw
        self.errors: list[FieldError] = []

    def fail(self, field: str, reason: str, value: object = None) -> None:
        try:
            text = None if value is None else shown(str(value), 60)
        except (ValueError, RecursionError):  # an int too long to print, a deep structure
            text = None
        self.errors.append(FieldError(field, reason, text))

    def failed(self, field: str) -> bool:
        """Whether `field` has a problem already (so a follow-up rule need not add one)."""
        return any(error.field == field for error in self.errors)

    def raise_if_failed(self) -> None:
        if self.errors:
            raise ValidationFailed(self.errors)

    def optional_text(
        self, field: str, *, max_length: int = 200, multiline: bool = False
    ) -> str | None:
        value = self.raw.get(field)
        if _blank(value):
            return None
        if not isinstance(value, str):
            self.fail(field, "must be text", shown(str(value)))
            return None
        problem = text_problem(value)
        if problem is not None:
            self.fail(field, problem, shown(value))
            return None
        # Names and codes fold inner white space; prose keeps its line breaks.
        text = value.strip() if multiline else " ".join(value.split())
        if len(text) > max_length:
            self.fail(field, f"longer than {max_length} characters", text[:40] + "…")
            return None
        return text

    def text(self, field: str, *, max_length: int = 200) -> str:
        text = self.optional_text(field, max_length=max_length)
        if text is None and not any(e.field == field for e in self.errors):
            self.fail(field, "is required")
        return text or ""

    def ref(self, field: str) -> str | None:
        value = self.optional_text(field, max_length=80)
        if value is not None and not REF_PATTERN.match(value):
            self.fail(
                field,
                "letters, digits, '.', '_' or '-' only, starting with a letter or digit",
                value,
            )
            return None
        return value

    def choice(self, field: str, enum: type[E], default: E | None = None) -> E | None:
        value = self.optional_text(field)
        if value is None:
            if default is None:
                self.fail(field, "is required")
            return default
        try:
            return enum(value.lower())
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            self.fail(field, f"must be one of: {allowed}", value)
            return None

    def text_list(self, field: str, *, max_length: int = 200) -> tuple[str, ...]:
        """A list given as a JSON array or as one ';'-separated string (CSV)."""
        value = self.raw.get(field)
        if _blank(value):
            return ()
        items: list[object]
        if isinstance(value, str):
            items = list(value.split(LIST_SEPARATOR))
        elif isinstance(value, list | tuple):
            items = list(value)
        else:
            self.fail(field, "must be a list or a ';'-separated text", value)
            return ()
        result: list[str] = []
        for item in items:
            if not isinstance(item, str):
                self.fail(field, "every item must be text", shown(str(item)))
                continue
            problem = text_problem(item)
            if problem is not None:
                self.fail(field, problem, shown(item))
                continue
            text = " ".join(item.split())
            if not text:
                continue
            if LIST_SEPARATOR in text:
                self.fail(field, f"an item must not contain {LIST_SEPARATOR!r}", text)
                continue
            if len(text) > max_length:
                self.fail(field, f"an item is longer than {max_length} characters", text[:40] + "…")
                continue
            if text not in result:
                result.append(text)
        return tuple(result)

    def optional_decimal(self, field: str) -> Decimal | None:
        value = self.raw.get(field)
        if _blank(value):
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
            self.fail(field, "must be a number", shown(str(value)))
            return None
        if isinstance(value, str) and len(value.strip()) > MAX_NUMBER_CHARACTERS:
            self.fail(field, f"longer than {MAX_NUMBER_CHARACTERS} characters", shown(value))
            return None
        try:
            number = Decimal(str(value).strip().replace(",", "."))
        except (InvalidOperation, ValueError):  # ValueError: an int too long to print
            self.fail(field, "must be a number", value if isinstance(value, str) else None)
            return None
        if not number.is_finite() or number < 0:
            self.fail(field, "must be a finite number, zero or more", shown(str(value)))
            return None
        if len(str(number)) > MAX_NUMBER_CHARACTERS:
            self.fail(field, f"longer than {MAX_NUMBER_CHARACTERS} characters", str(number))
            return None
        return number

    def optional_date(self, field: str) -> date | None:
        value = self.raw.get(field)
        if _blank(value):
            return None
        if isinstance(value, date):
            return value
        if not isinstance(value, str):
            self.fail(field, "must be a date as YYYY-MM-DD", shown(str(value)))
            return None
        text = value.strip()
        # Russian spreadsheets write dd.mm.yyyy; the dots make it unambiguous.
        dotted = _DOTTED_DATE.match(text)
        try:
            if dotted:
                day, month, year = (int(part) for part in dotted.groups())
                return date(year, month, day)
            return date.fromisoformat(text)
        except ValueError:
            self.fail(field, "must be a date as YYYY-MM-DD or DD.MM.YYYY", shown(text))
            return None

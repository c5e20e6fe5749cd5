"""Query-string filters -> domain filter objects, with field-named errors."""

from __future__ import annotations

from coopex.domain.codes import Code, parse_code
from coopex.domain.errors import FieldError, ValidationFailed


def code_prefix(text: str | None) -> Code | None:
    if not text:
        return None
    try:
        return parse_code(text)
    except ValueError as error:
        raise ValidationFailed([FieldError("code", str(error), text)]) from None


def upper(text: str | None) -> str | None:
    return text.strip().upper() if text else None

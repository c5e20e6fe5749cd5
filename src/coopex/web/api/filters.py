"""Query-string filters -> domain filter objects, with field-named errors."""

from __future__ import annotations

from datetime import date

from coopex.domain.codes import Code, parse_code
from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.geography import UNIONS
from coopex.domain.listings import ListingKind
from coopex.domain.queries import MatchFilter


def code_prefix(text: str | None) -> Code | None:
    if not text:
        return None
    try:
        return parse_code(text)
    except ValueError as error:
        raise ValidationFailed([FieldError("code", str(error), text)]) from None


def upper(text: str | None) -> str | None:
    return text.strip().upper() if text else None


def union(text: str | None) -> str | None:
    if not text:
        return None
    name = text.strip().upper()
    if name not in UNIONS:
        known = ", ".join(UNIONS)
        raise ValidationFailed([FieldError("union", f"must be one of: {known}", text)])
    return name


def match_filter(
    kind: ListingKind | None,
    country: str | None,
    region: str | None,
    union_name: str | None,
    sector: str | None,
    code: str | None,
    valid_on: date | None = None,
) -> MatchFilter:
    """Filters of a match or search request, checked and normalised."""
    return MatchFilter(
        kind=kind,
        country=upper(country),
        region=upper(region),
        union=union(union_name),
        sector=sector,
        code_prefix=code_prefix(code),
        open_on=valid_on,
    )

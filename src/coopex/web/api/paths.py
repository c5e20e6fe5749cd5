"""Path parameters shared by the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path

from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.paging import MAX_ID

# A row id in a path: bounded, so an id no database row can have is a 422, not a 500.
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]

# A record's version for If-Match (a version from an ETag, e.g. "3"; * for any).
IF_MATCH_DESCRIPTION = (
    "The ETag of the version you read: the change applies only if it is still current "
    "(412 otherwise). Without it, a concurrent change is kept and yours is applied over it."
)


def if_match_version(header: str | None) -> int | None:
    """The version an If-Match header names; None for no header or `*` (any version)."""
    if header is None or header.strip() == "*":
        return None
    text = header.strip().removeprefix("W/").strip('"')
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        raise ValidationFailed(
            [FieldError("If-Match", 'must be the ETag of a version, e.g. "3"', header[:40])]
        )
    return int(text)

"""Form errors in the reader's language: the domain's field reasons mapped to messages."""

from __future__ import annotations

import re
from collections.abc import Iterable

from coopex.domain.errors import FieldError
from coopex.web.ui.i18n import N_, I18n

# The domain's reasons (English, from FieldReader and the services) -> translated messages.
# An unknown reason is shown as the domain wrote it.
_REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), m)
    for p, m in [
        (r"^is required$", N_("This field is required.")),
        (r"^is required when a unit is given$", N_("Give a quantity with the unit.")),
        (r"^longer than (?P<n>\d+) characters$", N_("At most %(n)s characters.")),
        (r"^must be at least (?P<n>\d+) characters$", N_("At least %(n)s characters.")),
        (r"^must be a number$", N_("Enter a number.")),
        (r"^must be a finite number, zero or more$", N_("Enter a number, zero or more.")),
        (r"^must be a date as YYYY-MM-DD$", N_("Enter a date as YYYY-MM-DD.")),
        (r"^must be one of: ", N_("Choose one of the offered values.")),
        (r"^unknown sector", N_("Unknown sector.")),
        (r"^no such ISO 3166-2 region$", N_("Unknown region code (ISO 3166-2, e.g. RU-TA).")),
        (r"^no such ISO 3166-1 country$", N_("Unknown country code (ISO 3166-1, e.g. RU).")),
        (r"^is not in country", N_("The region is not in this country.")),
        (r"^no such .* code in the shipped list$", N_("Unknown code.")),
        (r"^(is not a|must be a) .*code|^expected", N_("Not a code: write e.g. HS:8607.")),
        (r"^no organisation with this ref$", N_("Unknown organisation.")),
        (r"^is not right$", N_("This is not your current password.")),
        (r"^is not an e-mail address$", N_("Enter an e-mail address.")),
        (
            r"^must start with http:// or https://$",
            N_("Start the address with https:// or http://."),
        ),
        (r"^cannot be changed$", N_("This cannot be changed.")),
        (r"^needs at least \d+ letters or digits$", N_("Type at least two letters.")),
        (r"exists$", N_("This already exists.")),
    ]
]
GENERIC = N_("This value is not valid.")


def reason_text(i18n: I18n, reason: str) -> str:
    for pattern, message in _REASONS:
        found = pattern.search(reason)
        if found:
            return i18n.gettext(message) % found.groupdict()
    return reason


def field_errors(i18n: I18n, errors: Iterable[FieldError]) -> dict[str, list[str]]:
    """Errors by form field (the first part of the domain's field path)."""
    shown: dict[str, list[str]] = {}
    for error in errors:
        name = re.split(r"[.\[]", error.field, maxsplit=1)[0]
        shown.setdefault(name, []).append(reason_text(i18n, error.reason))
    return shown

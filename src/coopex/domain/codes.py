"""Standard codes: countries, regions, product and activity classifications.

Format rules live here (pure). Whether a well-formed code exists is asked of a
`ReferenceCatalog` (see `domain.catalog`), which adapters back with shipped data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class CodeScheme(StrEnum):
    HS = "HS"  # Harmonized System, products (WCO)
    OKPD2 = "OKPD2"  # Russian classifier of products, aligned with CPA 2.1
    OKVED2 = "OKVED2"  # Russian classifier of activities, aligned with NACE rev. 2
    NACE = "NACE"  # EU statistical classification of activities, rev. 2

    @property
    def is_product(self) -> bool:
        return self in (CodeScheme.HS, CodeScheme.OKPD2)


# HS: 2, 4 or 6 digits (chapter, heading, subheading); dots are accepted and dropped.
_HS = re.compile(r"^\d{2}(\d{2}(\d{2})?)?$")
# OKPD2 / OKVED2 / NACE share the CPA/NACE shape: 01, 01.1, 01.11, 01.11.1, 01.11.11 (+ .111)
_DOTTED = re.compile(r"^\d{2}(\.\d{1,2}(\.\d{1,2}(\.\d{1,3})?)?)?$")
_NACE = re.compile(r"^\d{2}(\.\d{1,2})?$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_REGION = re.compile(r"^([A-Z]{2})-[A-Z0-9]{1,3}$")

_FORMAT_HELP = {
    CodeScheme.HS: "2, 4 or 6 digits, e.g. 8708 or 870899",
    CodeScheme.OKPD2: "dotted digits, e.g. 30.20 or 30.20.40.000",
    CodeScheme.OKVED2: "dotted digits, e.g. 25.62 or 30.20.9",
    CodeScheme.NACE: "a division or group, e.g. 25 or 25.62",
}


@dataclass(frozen=True, slots=True, order=True)
class Code:
    """A product or activity code in one scheme, normalised (`HS:870899`, `OKPD2:30.20.40`)."""

    scheme: CodeScheme
    value: str

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"

    @property
    def division(self) -> str:
        """The two leading digits: HS chapter, or CPA/NACE division."""
        return self.value[:2]

    def starts_with(self, prefix: str) -> bool:
        return self.value.startswith(normalize_code_value(self.scheme, prefix))


def normalize_code_value(scheme: CodeScheme, raw: str) -> str:
    value = raw.strip()
    if scheme is CodeScheme.HS:
        return value.replace(".", "").replace(" ", "")
    return value


def code_format_error(scheme: CodeScheme, value: str) -> str | None:
    """Why `value` is not a well-formed code of `scheme`, or None when it is."""
    pattern = {
        CodeScheme.HS: _HS,
        CodeScheme.OKPD2: _DOTTED,
        CodeScheme.OKVED2: _DOTTED,
        CodeScheme.NACE: _NACE,
    }[scheme]
    if pattern.match(value):
        return None
    return f"not a {scheme} code: expected {_FORMAT_HELP[scheme]}"


def parse_code(text: str) -> Code:
    """Parse `SCHEME:value` (scheme case-insensitive). Raises ValueError with the reason."""
    scheme_text, sep, raw_value = text.partition(":")
    if not sep:
        raise ValueError(f"expected SCHEME:code, e.g. HS:870899, got {text!r}")
    try:
        scheme = CodeScheme(scheme_text.strip().upper())
    except ValueError:
        known = ", ".join(s.value for s in CodeScheme)
        raise ValueError(f"unknown code scheme {scheme_text!r}; known: {known}") from None
    value = normalize_code_value(scheme, raw_value)
    problem = code_format_error(scheme, value)
    if problem:
        raise ValueError(problem)
    return Code(scheme, value)


def country_format_error(value: str) -> str | None:
    if _COUNTRY.match(value):
        return None
    return "expected an ISO 3166-1 alpha-2 code in capitals, e.g. RU"


def region_format_error(value: str) -> str | None:
    if _REGION.match(value):
        return None
    return "expected an ISO 3166-2 code, e.g. RU-TA"


def region_country(region: str) -> str:
    """The country part of a well-formed ISO 3166-2 code."""
    return region.split("-", 1)[0]

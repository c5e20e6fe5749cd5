"""Unions whose members recognise each other's production, and how near two places are."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

UNIONS: dict[str, frozenset[str]] = {
    # Eurasian Economic Union: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia.
    "EAEU": frozenset({"AM", "BY", "KZ", "KG", "RU"}),
    # Union State of Russia and Belarus.
    "UNION_STATE": frozenset({"BY", "RU"}),
}


class Proximity(StrEnum):
    SAME_REGION = "same_region"
    SAME_COUNTRY = "same_country"
    SAME_UNION = "same_union"
    ELSEWHERE = "elsewhere"


def unions_of(country: str) -> list[str]:
    return [name for name, members in UNIONS.items() if country in members]


def proximity(
    country_a: str, region_a: str | None, country_b: str, region_b: str | None
) -> Proximity:
    if region_a is not None and region_a == region_b:
        return Proximity.SAME_REGION
    if country_a == country_b:
        return Proximity.SAME_COUNTRY
    if any(country_b in UNIONS[name] for name in unions_of(country_a)):
        return Proximity.SAME_UNION
    return Proximity.ELSEWHERE


@dataclass(frozen=True, slots=True)
class Place:
    """A named place resolved to a code: ISO 3166-1 country, ISO 3166-2 region, or a union."""

    code: str
    countries: frozenset[str]  # one for a country or region; the members for a union

    @property
    def is_region(self) -> bool:
        return "-" in self.code

    @property
    def is_union(self) -> bool:
        return self.code in UNIONS

    def within(self, countries: frozenset[str]) -> bool:
        return bool(self.countries) and self.countries <= countries


def place_of(code: str) -> Place:
    if code in UNIONS:
        return Place(code, UNIONS[code])
    return Place(code, frozenset({code.split("-")[0]}))

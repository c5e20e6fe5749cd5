"""The reference data the domain consults, as a Protocol that adapters implement."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from coopex.domain.codes import Code

LANGUAGES = ("ru", "en", "zh")


@dataclass(frozen=True, slots=True)
class Region:
    """An ISO 3166-2 subdivision with display names by language."""

    code: str
    country: str
    kind: str
    names: dict[str, str]

    def name(self, language: str) -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True, slots=True)
class Sector:
    slug: str
    names: dict[str, str]


class ReferenceCatalog(Protocol):
    """Lookups of shipped code lists. `None` from `code_exists` means "no list to check"."""

    def country_exists(self, code: str) -> bool: ...

    def region(self, code: str) -> Region | None: ...

    def currency_exists(self, code: str) -> bool: ...  # ISO 4217 alpha-3

    def code_exists(self, code: Code) -> bool | None: ...

    def sector(self, slug: str) -> Sector | None: ...

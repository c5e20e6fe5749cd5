"""`ShippedCatalog`: the ReferenceCatalog backed by pycountry and the files in `coopex/data`.

Existence of HS codes is checked at the chapter (2-digit) level and of OKPD2 / OKVED2 / NACE
at the division level, the depth the shipped lists cover; deeper digits are checked for
format only. Region names come from a shipped RU/EN/ZH table for Russia, Belarus and
China, and from pycountry's translations elsewhere.
"""

from __future__ import annotations

import csv
import gettext
import io
from collections.abc import Iterator
from functools import cached_property
from importlib import resources

import pycountry

from coopex.domain.catalog import LANGUAGES, Region, Sector
from coopex.domain.codes import Code, CodeScheme

_GETTEXT_LANGUAGE = {"ru": "ru", "zh": "zh_CN", "en": "en"}


def read_reference_csv(name: str) -> list[dict[str, str]]:
    text = (resources.files("coopex.data") / "reference" / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


class ShippedCatalog:
    """Reference lookups; each file is read once, on first use."""

    @cached_property
    def _hs_chapters(self) -> dict[str, str]:
        return {row["code"]: row["en"] for row in read_reference_csv("hs_chapters.csv")}

    @cached_property
    def _divisions(self) -> dict[str, str]:
        return {row["code"]: row["en"] for row in read_reference_csv("nace_divisions.csv")}

    @cached_property
    def _sectors(self) -> dict[str, Sector]:
        return {
            row["slug"]: Sector(row["slug"], {lang: row[lang] for lang in LANGUAGES})
            for row in read_reference_csv("sectors.csv")
        }

    @cached_property
    def _region_names(self) -> dict[str, dict[str, str]]:
        return {
            row["code"]: {lang: row[lang] for lang in LANGUAGES}
            for row in read_reference_csv("region_names.csv")
        }

    @cached_property
    def _translators(self) -> dict[str, gettext.NullTranslations]:
        return {
            lang: gettext.translation(
                "iso3166-2", pycountry.LOCALES_DIR, languages=[code], fallback=True
            )
            for lang, code in _GETTEXT_LANGUAGE.items()
        }

    def country_exists(self, code: str) -> bool:
        return pycountry.countries.get(alpha_2=code) is not None

    def currency_exists(self, code: str) -> bool:
        return pycountry.currencies.get(alpha_3=code) is not None

    def region(self, code: str) -> Region | None:
        subdivision = pycountry.subdivisions.get(code=code)
        if subdivision is None:
            return None
        names = self._region_names.get(code) or {
            lang: translator.gettext(subdivision.name)
            for lang, translator in self._translators.items()
        }
        return Region(code, subdivision.country_code, subdivision.type, names)

    def regions(self, country: str) -> Iterator[Region]:
        for subdivision in pycountry.subdivisions.get(country_code=country) or ():
            region = self.region(subdivision.code)
            if region is not None:
                yield region

    def code_exists(self, code: Code) -> bool | None:
        table = self._hs_chapters if code.scheme is CodeScheme.HS else self._divisions
        return code.division in table

    def code_title(self, code: Code) -> str | None:
        """The English title of the code's chapter or division."""
        table = self._hs_chapters if code.scheme is CodeScheme.HS else self._divisions
        return table.get(code.division)

    def sector(self, slug: str) -> Sector | None:
        return self._sectors.get(slug)

    def sectors(self) -> list[Sector]:
        return list(self._sectors.values())

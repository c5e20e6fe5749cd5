"""Languages of the web UI: catalogues, the reader's language, names and formats for it.

Messages live in gettext catalogues (`locale/<lang>/LC_MESSAGES/messages.po`), compiled in
memory when first needed, so no binary .mo file is kept in the repository. Python code marks
messages with `N_()` (extracted by Babel, translated at render time); templates use `_()` and
`{% trans %}`.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from importlib import resources

import pycountry
from babel import Locale
from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_currency, format_decimal, format_percent

from coopex.domain.catalog import LANGUAGES
from coopex.domain.geography import UNIONS
from coopex.reference.catalog import ShippedCatalog

DEFAULT_LANGUAGE = "en"
LANGUAGE_NAMES = {"ru": "Русский", "en": "English", "zh": "中文"}
_BABEL_LOCALES = {"ru": "ru_RU", "en": "en_GB", "zh": "zh_Hans_CN"}
COOKIE = "coopex_lang"


def N_(message: str) -> str:  # noqa: N802 - the gettext convention Babel extracts
    """Mark a message for extraction; it is translated where it is shown."""
    return message


def catalogue_path(language: str) -> str:
    return f"locale/{language}/LC_MESSAGES/messages.po"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's catalogue compiled in memory (English is the source: identity)."""
    source = resources.files("coopex.web.ui").joinpath(catalogue_path(language))
    if not source.is_file():
        return gettext.NullTranslations()
    with source.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def negotiate(accept_language: str | None) -> str | None:
    """The first of our languages in an Accept-Language header, by quality."""
    if not accept_language:
        return None
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower().split("-")[0]))
    for quality, _, language in sorted(ranked):
        if quality < 0 and language in LANGUAGES:
            return language
    return None


def choose(cookie: str | None, stored: str | None, accept_language: str | None) -> str:
    """The reader's language: their choice (cookie, then account), else the browser's."""
    for candidate in (cookie, stored):
        if candidate in LANGUAGES:
            assert candidate is not None
            return candidate
    return negotiate(accept_language) or DEFAULT_LANGUAGE


@dataclass(frozen=True, slots=True)
class I18n:
    """Everything a page needs to speak the reader's language."""

    language: str
    catalog: ShippedCatalog

    @property
    def translations(self) -> gettext.NullTranslations:
        return translations(self.language)

    @property
    def locale(self) -> Locale:
        return _locale(self.language)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    # -- names ------------------------------------------------------------------------

    def country(self, code: str | None) -> str:
        if not code:
            return ""
        name = self.locale.territories.get(code.upper())
        if name:
            return str(name)
        found = pycountry.countries.get(alpha_2=code.upper())
        return str(found.name) if found else code

    def region(self, code: str | None) -> str:
        if not code:
            return ""
        region = self.catalog.region(code)
        return region.name(self.language) if region else code

    def place(self, country: str | None, region: str | None) -> str:
        parts = [self.region(region), self.country(country)] if region else [self.country(country)]
        return ", ".join(p for p in parts if p)

    def sector(self, slug: str) -> str:
        sector = self.catalog.sector(slug)
        return (sector.names.get(self.language) or slug) if sector else slug

    def union(self, name: str) -> str:
        return self.gettext(UNION_NAMES.get(name, name))

    def language_name(self, code: str) -> str:
        return LANGUAGE_NAMES.get(code, code)

    # -- formats ----------------------------------------------------------------------

    def date(self, value: date | datetime | None) -> str:
        if value is None:
            return ""
        if isinstance(value, datetime):
            return format_datetime(value, format="medium", locale=self.locale)
        return format_date(value, format="medium", locale=self.locale)

    def number(self, value: Decimal | float | int | None) -> str:
        return "" if value is None else format_decimal(value, locale=self.locale)

    def percent(self, value: float) -> str:
        return format_percent(value, locale=self.locale)

    def money(self, amount: Decimal | float | int, currency: str) -> str:
        """An amount in an ISO 4217 currency, e.g. `565 000 000,00 $` for ru."""
        return format_currency(amount, currency, locale=self.locale)


UNION_NAMES = {
    "EAEU": N_("Eurasian Economic Union"),
    "UNION_STATE": N_("Union State of Russia and Belarus"),
}
assert set(UNION_NAMES) == set(UNIONS)


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(_BABEL_LOCALES.get(language, language))

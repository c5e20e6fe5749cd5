"""`ShippedPlaces`: place names in Russian, English and Chinese resolved to country, region or
union codes, from pycountry (countries and their translations), the shipped region name
table, and `place_aliases.csv` (short and colloquial names, and the cities a region is known
by). Inflected names are expected in dictionary form already (the NER adapters do that)."""

from __future__ import annotations

import gettext
import re
import unicodedata
from functools import cached_property

import pycountry

from coopex.domain.geography import Place, place_of
from coopex.reference.catalog import ShippedCatalog, read_reference_csv

# Words that say what kind of place a name is; "Республика Татарстан", "Татарстан" and
# "Republic of Tatarstan" share the core "татарстан".
_GENERIC = re.compile(
    r"\b(республика|область|край|автономный округ|автономная область|провинция|"
    r"republic of|the republic of|oblast|autonomous region|region|krai|territory|province|"
    r"autonomous okrug|the)\b|"
    r"(省|市|自治区|共和国|州|边疆区)$"
)


_HAN = re.compile(r"[\u4e00-\u9fff]")


def place_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    text = re.sub(r"[«»“”\"'’]", "", text)
    return " ".join(re.sub(r"[-—–‐]", " ", text).split())


def core_key(name: str) -> str:
    return " ".join(_GENERIC.sub(" ", place_key(name)).split())


class ShippedPlaces:
    def __init__(self, catalog: ShippedCatalog | None = None) -> None:
        self._catalog = catalog or ShippedCatalog()
        self._written: set[str] = set()

    @cached_property
    def _names(self) -> tuple[dict[str, str], dict[str, str]]:
        exact: dict[str, str] = {}
        cores: dict[str, str] = {}

        def add(name: str, code: str) -> None:
            if not name:
                return
            self._written.add(name)
            exact.setdefault(place_key(name), code)
            core = core_key(name)
            # Chinese names are short: "山东" is the core of "山东省".
            if core and (len(core) > 2 or (len(core) == 2 and _HAN.search(core))):
                cores.setdefault(core, code)

        for row in read_reference_csv("place_aliases.csv"):
            add(row["name"], row["code"])
        translators = [
            gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            for lang in ("ru", "zh_CN")
        ]
        for country in pycountry.countries:
            for attribute in ("name", "official_name", "common_name"):
                english = getattr(country, attribute, None)
                if not english:
                    continue
                add(english, country.alpha_2)
                for translator in translators:
                    add(translator.gettext(english), country.alpha_2)
        for code in ("RU", "BY", "CN", "KZ"):
            for region in self._catalog.regions(code):
                for name in region.names.values():
                    add(name, region.code)
        return exact, cores

    def chinese_names(self) -> list[str]:
        """Every known place name written in Chinese, with its short form ("鞑靼斯坦" for
        "鞑靼斯坦共和国"), longest first: a gazetteer for text that has no NER model."""
        self._names  # noqa: B018 (fills self._written)
        names: set[str] = set()
        for name in self._written:
            if _HAN.search(name):
                names.add(name)
                short = _GENERIC.sub("", name)
                if len(short) >= 2 and self.resolve(short) is not None:
                    names.add(short)
        return sorted(names, key=lambda n: (-len(n), n))

    def latin_pattern(self) -> str:
        """Every known place name in Latin script as one case-insensitive alternation of whole
        words, longest first, its core with or without a kind word ("Irkutsk Region",
        "Irkutsk Oblast", "Republic of Buryatia"): places the English model misses. Callers
        keep capitalised matches that `resolve`."""
        self._names  # noqa: B018 (fills self._written)
        cores = {
            core_key(n)
            for n in self._written
            if n[:1].isupper() and re.fullmatch(r"[A-Za-z .'’-]+", n)
        }
        names = sorted((c for c in cores if len(c) >= 4), key=lambda n: (-len(n), n))
        alternation = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in names)
        return (
            r"(?i:\b(?:(?:the\s+)?republic\s+of\s+)?(?:" + alternation + r")"
            r"(?:\s+(?:region|oblast|province|krai|republic|territory|"
            r"autonomous (?:okrug|region)))?\b)"
        )

    def chinese_pattern(self) -> str:
        """`chinese_names` as one alternation, longest first, any dash matching any dash
        ("汉特—曼西自治区" and "汉特-曼西自治区")."""
        return "|".join(
            re.sub(r"\\?[-—–‐]", "[-—–‐]", re.escape(name)) for name in self.chinese_names()
        )

    def resolve(self, name: str) -> Place | None:
        exact, cores = self._names
        code = exact.get(place_key(name)) or cores.get(core_key(name))
        return None if code is None else place_of(code)

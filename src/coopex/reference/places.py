"""`ShippedPlaces`: place names in Russian, English and Chinese resolved to country, region or
union codes, from pycountry (countries and their translations), the shipped region name
table, `place_aliases.csv` (short and colloquial names, and the cities a region is known
by), and the top-level subdivisions of the partner countries in `subdivision_countries.csv`
under pycountry's names and translations and `subdivision_names.csv` (the names pycountry
lacks, and those left out); and, for a name none of these knows, the world's cities
(`reference/cities.py`). Inflected names are expected in dictionary form already (the NER
adapters do that)."""

from __future__ import annotations

import functools
import gettext
import re
import unicodedata
from collections.abc import Callable
from functools import cached_property
from typing import Any

import pycountry

from coopex.domain.geography import Place, place_of
from coopex.reference.catalog import ShippedCatalog, read_reference_csv
from coopex.reference.cities import city_codes, shipped_cities

# Words that say what kind of place a name is; "Республика Татарстан", "Татарстан" and
# "Republic of Tatarstan" share the core "татарстан".
_GENERIC = re.compile(
    r"\b(республика|область|край|автономный округ|автономная область|провинция|штат|"
    r"префектура|republic of|the republic of|oblast|autonomous region|region|krai|territory|"
    r"province|prefecture|autonomous okrug|the)\b|"
    r"(省|市|自治区|共和国|州|边疆区)$"
)


_HAN = re.compile(r"[\u4e00-\u9fff]")
# The last characters of a Chinese name that say what kind of place it is.
_CHINESE_KIND = re.compile(r"(?:省|市|州|邦|县|府|都|道|区|岛|群岛)$")
# Letters NFKD does not split into a base and a mark ("Đồng Nai", "Kırklareli").
_UNMARKED = str.maketrans({"Đ": "D", "đ": "d", "ı": "i", "Ł": "L", "ł": "l"})


def ascii_folded(name: str) -> str:
    """A Latin name as the English press writes it, without marks ("Bà Rịa - Vũng Tàu" ->
    "Ba Ria - Vung Tau"); other scripts unchanged."""
    if not re.search(r"[A-Za-z]", name):
        return name
    text = unicodedata.normalize("NFKD", name.translate(_UNMARKED))
    return "".join(c for c in text if not unicodedata.combining(c))


_DASHES = "-—–‐"
# A bracket of a Chinese name, in the form the pattern matches either form of it by.
_BRACKETS = {"（": "(", "）": ")"}


def _chinese_token(c: str) -> str:
    if c == "-":
        return f"[{_DASHES}]"
    if c in "()":
        return "[(（]" if c == "(" else "[)）]"
    return re.escape(c)


def _prefix_tree(names: list[list[str]], token: Callable[[str], str]) -> str:
    """Names as one regular expression that shares their common beginnings ("ba(?:den…|
    var…)"), a longer name tried before a shorter one it starts with, as in a list sorted
    longest first: `re` tries a list's names one by one at every position, the tree's letters
    once (the dev and silver pages: 19 ms for the 1,080 English names as a list, 2 as a tree;
    Chinese 7 and 2; the same matches)."""
    tree: dict[str, Any] = {}
    for name in names:
        node = tree
        for part in name:
            node = node.setdefault(part, {})
        node[""] = {}
    return _branches(tree, token)


def _branches(node: dict[str, Any], token: Callable[[str], str]) -> str:
    branches = [
        token(part) + _branches(child, token) for part, child in sorted(node.items()) if part
    ]
    if not branches:
        return ""
    if "" in node:  # a name ends here: longer names first, then this one
        return "(?:" + "|".join(branches) + ")?"
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


# Quotes dropped, dashes made spaces: one table for both (the world's cities call this 400,000
# times).
_KEY_MARKS = str.maketrans({**dict.fromkeys("«»“”\"'’", None), **dict.fromkeys("-—–‐", " ")})


def place_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    return " ".join(text.translate(_KEY_MARKS).split())


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

        def add(name: str, code: str, short_core: bool = True) -> None:
            if not name:
                return
            self._written.add(name)
            exact.setdefault(place_key(name), code)
            core = core_key(name)
            # Chinese names are short: "山东" is the core of "山东省".
            short = short_core and len(core) == 2 and _HAN.search(core)
            if core and (len(core) > 2 or short):
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
        for name, code in self._partner_subdivision_names():
            # A partner's "同奈省" is known in full only: two characters left alone are
            # mostly a word or a place in China ("太原", "和平", "中央").
            add(name, code, short_core=False)
        return exact, cores

    def _partner_subdivision_names(self) -> list[tuple[str, str]]:
        """The top-level subdivisions of the partner countries: the shipped names first, then
        pycountry's local, English, Russian and Chinese ones, in Latin script also without
        marks, in Chinese also with the kind word the press adds for that country (`zh_kind`:
        "巴伐利亚州"). Added after every other name, so a subdivision never takes a name a
        country or a home region has ("河南省" is Henan, not Vietnam's Hà Nam). Left out: the
        names `subdivision_names.csv` lists without a code (common words, surnames, wrong
        translations), and pycountry's Chinese names of fewer than three characters and Latin
        or Cyrillic ones of fewer than four."""
        shipped = self._subdivision_rows
        left_out = self._left_out
        found: set[tuple[str, str]] = set()
        for row in read_reference_csv("subdivision_countries.csv"):
            for subdivision in pycountry.subdivisions.get(country_code=row["country"]) or ():
                region = self._catalog.region(subdivision.code)
                if region is None or subdivision.parent_code:  # a province of a region
                    continue
                # pycountry's own name is the local one ("Bayern"), its English one "Bavaria"
                for name in {subdivision.name, region.names["en"], *region.names.values()}:
                    found.update({(name, region.code), (ascii_folded(name), region.code)})
                chinese = region.names["zh"]
                if _HAN.search(chinese) and not _CHINESE_KIND.search(chinese):
                    # "巴伐利亚" is written "巴伐利亚州", "伦巴第" "伦巴第大区"
                    found.add((chinese + row["zh_kind"], region.code))
        return [(row["name"], row["code"]) for row in shipped if row["code"]] + [
            (name, code)
            for name, code in sorted(found, key=lambda pair: (pair[1], pair[0]))
            if place_key(name) not in left_out and len(name) >= (3 if _HAN.search(name) else 4)
        ]

    @cached_property
    def _subdivision_rows(self) -> list[dict[str, str]]:
        return read_reference_csv("subdivision_names.csv")

    @cached_property
    def _left_out(self) -> frozenset[str]:
        """Keys of the names `subdivision_names.csv` lists without a code: never a place."""
        return frozenset(place_key(r["name"]) for r in self._subdivision_rows if not r["code"])

    def known(self, name: str) -> str | None:
        """The code of a country, region, union or alias by that name, cities left out."""
        exact, cores = self._names
        return exact.get(place_key(name)) or cores.get(core_key(name))

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
        names = [list(c) for c in cores if len(c) >= 4]
        alternation = _prefix_tree(names, lambda c: r"[\s-]+" if c == " " else re.escape(c))
        return (
            r"(?i:\b(?:(?:the\s+)?republic\s+of\s+)?(?:" + alternation + r")"
            r"(?:\s+(?:region|oblast|province|prefecture|krai|republic|territory|"
            r"autonomous (?:okrug|region)))?\b)"
        )

    def chinese_pattern(self) -> str:
        """`chinese_names` as one alternation, the longest name where several start, any dash
        matching any dash ("汉特—曼西自治区" and "汉特-曼西自治区"), a bracket written full-width
        or not ("萨哈（雅库特）共和国" and "萨哈(雅库特)共和国")."""
        names = [
            ["-" if c in _DASHES else _BRACKETS.get(c, c) for c in name]
            for name in self.chinese_names()
        ]
        return _prefix_tree(names, _chinese_token)

    def resolve(self, name: str, cities: bool = True) -> Place | None:
        """The place `name` names, if any; `cities=False`: a country, region or union only, as
        a city's name is often a surname or a word too ("Королёв", "Reading")."""
        # A city only where no country, region or alias has the name: "Kaliningrad" is also
        # an old name of Korolev, "Moscow" a town in Idaho.
        code = self.known(name)
        if code is None and cities:
            code = _world_cities().get(place_key(name))
        return None if code is None else place_of(code)

    def is_city(self, name: str) -> bool:
        """Whether the name is a city's that is no region of its own ("Ярославль", "Tula";
        not "Москва", a city that is its own region, nor "Приморье", a region's other name)."""
        code = _world_cities().get(place_key(name))
        if code is None or "-" not in code or self.known(name) not in (None, code):
            return False
        region = self._catalog.region(code)
        own = {place_key(n) for n in region.names.values()} if region is not None else set()
        return place_key(name) not in own


@functools.cache
def _world_cities() -> dict[str, str]:
    """The cities' names to codes, built once a process (2 s): the same for every
    `ShippedPlaces`, as it reads shipped data only."""
    places = ShippedPlaces()
    return city_codes(shipped_cities(), places.known, place_key, places._left_out)

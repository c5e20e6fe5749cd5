"""Place names in three languages resolved to ISO 3166 codes and unions."""

from __future__ import annotations

import pytest

from coopex.reference.places import ShippedPlaces

places = ShippedPlaces()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Смоленская область", "RU-SMO"),
        ("Smolensk Oblast", "RU-SMO"),
        ("Татарстан", "RU-TA"),
        ("Republic of Tatarstan", "RU-TA"),
        ("РТ", "RU-TA"),
        ("Китайская Народная Республика", "CN"),
        ("КНР", "CN"),
        ("People's Republic of China", "CN"),
        ("the People's Republic of China", "CN"),
        ("中国", "CN"),
        ("Германия", "DE"),
        ("Чжэцзян", "CN-ZJ"),
        ("Ханчжоу", "CN-ZJ"),
        ("Union State", "UNION_STATE"),
        ("ЕАЭС", "EAEU"),
        ("Минск", "BY-HM"),
        ("Чувашия", "RU-CU"),
        # names the press still uses where ISO 3166 has a new or a formal one
        ("Turkey", "TR"),
        ("Republic of Korea", "KR"),
        ("Burma", "MM"),
        ("Belorussia", "BY"),
        # English names of Kazakh regions, Chinese autonomous regions, Russia's "krai"
        # translated as "Territory", and the cities of the region the English press names.
        ("Kostanay region", "KZ-39"),
        # Russian names of the regions of Kazakhstan, Uzbekistan and Kyrgyzstan
        ("Карагандинская область", "KZ-35"),
        ("Караганда", "KZ-35"),
        ("Ташкентская область", "UZ-TO"),
        ("Чуйская область", "KG-C"),
        ("Karaganda", "KZ-35"),
        ("Primorsky Territory", "RU-PRI"),
        ("Khabarovsk Territory", "RU-KHA"),
        ("Inner Mongolia", "CN-NM"),
        ("Inner Mongolia Autonomous Region", "CN-NM"),
        ("Xinjiang Uygur Autonomous Region", "CN-XJ"),
        ("Urumqi", "CN-XJ"),
        ("Naberezhnye Chelny", "RU-TA"),
        ("Tashkent", "UZ"),
        ("Jizzakh region", "UZ"),
        ("Far Eastern Federal District", "RU"),
        # Kyrgyzstan's and Tajikistan's regions, by their English names
        ("Chuy region", "KG-C"),
        ("Issyk-Kul Region", "KG-Y"),
        ("Sughd region", "TJ-SU"),
        # China's industrial cities the partners' news names, in each language.
        ("Weifang", "CN-SD"),
        ("淄博", "CN-SD"),
        ("Сюйчжоу", "CN-JS"),
        ("Baotou", "CN-NM"),
        ("Петербург", "RU-SPE"),
    ],
)
def test_names_resolve(name: str, code: str) -> None:
    place = places.resolve(name)
    assert place is not None and place.code == code


def test_unions_carry_their_members_and_regions_their_country() -> None:
    union = places.resolve("Союзное государство")
    assert union is not None and union.is_union and union.countries == {"RU", "BY"}
    region = places.resolve("Мордовия")
    assert region is not None and region.is_region and region.countries == {"RU"}


def test_unknown_names_do_not_resolve() -> None:
    assert places.resolve("Foton Motor") is None
    assert places.resolve("") is None
    assert places.resolve("Territory") is None and places.resolve("Autonomous Region") is None


def test_every_sector_keyword_row_parses_and_names_a_shipped_sector() -> None:
    from coopex.reference.catalog import ShippedCatalog, read_reference_csv
    from coopex.reference.sector_keywords import SectorKeywords

    rows = read_reference_csv("sector_keywords.csv")
    assert rows and all(set(row) == {"sector", "stems"} for row in rows)
    slugs = {sector.slug for sector in ShippedCatalog().sectors()}
    assert {row["sector"] for row in rows} <= slugs
    tagger = SectorKeywords()
    assert "auto_components" in tagger("комплектующие для грузовых автомобилей")
    assert "chemicals" not in tagger("нефтехимическое оборудование")
    assert "auto_components" in tagger("汽车零部件")
    # words and Han stems in one sentence, each sector once, in the table's order
    both = tagger("Truck maker 汽车 plant: грузовая техника")
    assert both == tuple(dict.fromkeys(both)) and {"automotive", "trucks_buses"} <= set(both)

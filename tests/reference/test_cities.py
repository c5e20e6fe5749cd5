"""The world's cities (`reference/cities.py`): a city resolves to its region where GeoNames'
division can be matched to one, else to its country; a name the place tables know keeps
their place; words, lower-case romanisations and short names are no cities."""

from __future__ import annotations

import pytest

from coopex.reference.cities import City, city_codes
from coopex.reference.places import ShippedPlaces, place_key

KNOWN = {"vologda": "RU-VLG", "gomel": "BY-HO", "brest": "BY-BR", "belarus": "BY"}


def city(name: str, country: str, division: str, people: int, *others: str) -> City:
    return City(
        name=name,
        countrycode=country,
        admin1code=division,
        population=people,
        alternatenames=list(others),
    )


def codes(*cities: City, left_out: frozenset[str] = frozenset()) -> dict[str, str]:
    return city_codes(cities, lambda n: KNOWN.get(place_key(n)), place_key, left_out)


def test_a_division_takes_the_region_its_cities_are_known_by() -> None:
    table = codes(
        city("Vologda", "RU", "85", 300_000, "Вологда"),
        city("Cherepovets", "RU", "85", 310_000, "Череповец", "切列波韦茨"),
    )
    assert table["череповец"] == table["切列波韦茨"] == table["cherepovets"] == "RU-VLG"


def test_the_largest_citys_other_names_match_a_division_no_city_of_which_is_known() -> None:
    # "Homyel'" is not "Gomel", but one of its other names is; Brest tells that the gazetteer
    # knows Belarus's regions
    table = codes(
        city("Brest", "BY", "01", 340_000),
        city("Homyel'", "BY", "02", 500_000, "Gomel", "Гомель"),
        city("Rechytsa", "BY", "02", 60_000),
    )
    assert table["rechytsa"] == "BY-HO"


def test_a_division_not_matched_resolves_to_its_country() -> None:
    assert codes(city("Kingisepp", "RU", "42", 50_000, "Кингисепп"))["кингисепп"] == "RU"


def test_a_name_shared_by_cities_is_the_most_populous_ones() -> None:
    table = codes(
        city("Armavir", "AM", "01", 29_000, "Армавир"),
        city("Armavir", "RU", "38", 190_000, "Армавир"),
    )
    assert table["армавир"] == "RU"


@pytest.mark.parametrize("name", ["MSQ", "ming si ke", "Ура"])
def test_codes_lower_case_romanisations_and_short_names_are_no_city(name: str) -> None:
    table = codes(city("Minsk", "BY", "04", 2_000_000, name))
    assert place_key(name) not in table


@pytest.mark.parametrize(
    "name", ["Ust-Ilimsk", "Усть-Илимск", "Набережные Челны", "乌斯季伊利姆斯克"]
)
def test_hyphenated_spaced_and_chinese_names_are_cities(name: str) -> None:
    assert codes(city("Ust-Ilimsk", "RU", "20", 80_000, name))[place_key(name)] == "RU"


def test_a_name_left_out_as_a_word_is_no_city() -> None:
    table = codes(city("Mir", "BY", "03", 20_000, "Победа"), left_out=frozenset({"победа"}))
    assert "победа" not in table


places = ShippedPlaces()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Череповец", "RU-VLG"),
        ("Дзержинск", "RU-NIZ"),
        ("Гомель", "BY-HO"),
        ("沈阳", "CN-LN"),
        ("大连", "CN-LN"),
        ("Шэньян", "CN-LN"),
        # a name the place tables know keeps their place: not Korolev (once Kaliningrad), not
        # the Moscow of Idaho
        ("Калининград", "RU-KGD"),
        ("Moscow", "RU-MOW"),
        ("Армавир", "RU-KDA"),
    ],
)
def test_shipped_cities_resolve(name: str, code: str) -> None:
    place = places.resolve(name)
    assert place is not None and place.code == code


def test_without_cities_a_city_is_unknown() -> None:
    assert places.resolve("Череповец", cities=False) is None
    assert places.known("Череповец") is None


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Ярославль", True),
        ("Kazan", True),
        ("乌鲁木齐", True),
        ("Череповец", True),
        # a region by its own or its other name, a city that is its own region, a country
        ("Ярославская область", False),
        ("Приморье", False),
        ("新疆", False),
        ("Москва", False),
        ("Минск", False),
        ("Китай", False),
    ],
)
def test_a_city_is_told_from_its_region(name: str, city: bool) -> None:
    assert places.is_city(name) is city

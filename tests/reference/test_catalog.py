from __future__ import annotations

from coopex.domain.codes import parse_code
from coopex.reference.catalog import ShippedCatalog

catalog = ShippedCatalog()


def test_seed_regions_have_names_in_three_languages() -> None:
    smolensk = catalog.region("RU-SMO")
    assert smolensk is not None
    assert smolensk.names == {
        "ru": "Смоленская область",
        "en": "Smolensk Oblast",
        "zh": "斯摩棱斯克州",
    }
    zhejiang = catalog.region("CN-ZJ")
    assert zhejiang is not None
    assert zhejiang.name("zh") == "浙江省"
    assert zhejiang.country == "CN"


def test_other_regions_fall_back_to_pycountry() -> None:
    bavaria = catalog.region("DE-BY")
    assert bavaria is not None
    assert bavaria.names == {"en": "Bavaria", "ru": "Бавария", "zh": "巴伐利亚"}


def test_unknown_region_is_none() -> None:
    assert catalog.region("RU-XXX") is None


def test_every_shipped_region_name_is_a_real_subdivision() -> None:
    for country in ("RU", "BY", "CN"):
        regions = list(catalog.regions(country))
        assert regions
        assert all(set(r.names) == {"ru", "en", "zh"} and all(r.names.values()) for r in regions)


def test_code_existence_at_chapter_and_division_level() -> None:
    assert catalog.code_exists(parse_code("HS:860719")) is True
    assert catalog.code_exists(parse_code("HS:7700")) is False  # chapter 77 is reserved
    assert catalog.code_exists(parse_code("OKPD2:30.20.40")) is True
    assert catalog.code_exists(parse_code("NACE:04")) is False  # no division 04
    assert catalog.code_title(parse_code("HS:8607")) is not None


def test_sectors_have_three_names() -> None:
    rail = catalog.sector("rail")
    assert rail is not None
    assert set(rail.names) == {"ru", "en", "zh"}
    assert catalog.sector("nonsense") is None

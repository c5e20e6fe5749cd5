"""Place names in three languages resolved to ISO 3166 codes and unions."""

from __future__ import annotations

import re

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
        # Uzbekistan's regions and cities by their English, Russian and Chinese names: the
        # region, not the country
        ("Tashkent", "UZ-TK"),
        ("Jizzakh region", "UZ-JI"),
        ("Fergana region", "UZ-FA"),
        ("Ferghana", "UZ-FA"),
        ("Kashkadarya region", "UZ-QA"),
        ("Самарканд", "UZ-SA"),
        ("塔什干", "UZ-TK"),
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


@pytest.mark.parametrize(
    ("name", "code"),
    [
        # the partner countries' provinces, states and lands, in each language
        ("провинция Кёнги", "KR-41"),
        ("Кёнгидо", "KR-41"),
        ("Gyeonggi Province", "KR-41"),
        ("京畿道", "KR-41"),
        ("провинция Бариа-Вунгтау", "VN-43"),
        ("Ba Ria-Vung Tau province", "VN-43"),  # pycountry's "Bà Rịa - Vũng Tàu" unmarked
        ("巴地头顿省", "VN-43"),
        ("同奈省", "VN-39"),
        ("Dong Nai", "VN-39"),
        ("Бавария", "DE-BY"),
        ("Bavaria", "DE-BY"),
        ("Bayern", "DE-BY"),
        ("巴伐利亚州", "DE-BY"),
        ("штат Махараштра", "IN-MH"),
        ("马哈拉施特拉邦", "IN-MH"),
        ("Tamil Nadu", "IN-TN"),
        ("泰米尔纳德邦", "IN-TN"),  # pycountry gives it to Sikkim; the shipped row wins
        ("Ломбардия", "IT-25"),
        ("Lombardy", "IT-25"),
        ("伦巴第", "IT-25"),
        ("префектура Хиросима", "JP-34"),
        ("Aichi Prefecture", "JP-23"),
        ("爱知县", "JP-23"),
        ("Измир", "TR-35"),
        ("Izmir", "TR-35"),
        ("伊兹密尔", "TR-35"),
        ("Kocaeli", "TR-41"),
        # a city that is its own subdivision is the subdivision; a capital is its country
        ("Busan", "KR-26"),
        ("Стамбул", "TR-34"),
        ("Ханой", "VN"),
        ("Delhi", "IN"),
        ("Белград", "RS"),
        # a subdivision never takes a name a country or a home region has
        ("河南省", "CN-HA"),
        ("Армавир", None),  # Armenia's province; the city of Russia is a city
    ],
)
def test_partner_subdivisions_resolve(name: str, code: str | None) -> None:
    place = places.resolve(name, cities=False)
    assert (place and place.code) == code


@pytest.mark.parametrize(
    "name",
    [
        # common words, persons and wrong translations pycountry has for a subdivision
        "Кампания",  # Campania, and "a campaign"
        "Марке",
        "Saga",
        "Batman",
        "Mary",
        "Fars",  # the news agency
        "Yamaguchi",
        "Саманган",  # pycountry's Russian for Telangana is an Afghan province
        "Ho Chi Minh",  # the person; the city is "Ho Chi Minh City"
        "Centre",
        "Nord",
        "Центр",
        # a two-character Chinese name alone is a word or a place in China
        "中央",  # Iran's Markazi
        "和平",  # Vietnam's Hòa Bình
        "同奈",
        "凡",  # Turkey's Van
    ],
)
def test_partner_subdivisions_leave_out_common_words(name: str) -> None:
    assert places.resolve(name) is None


def test_partner_subdivision_names_are_no_common_russian_nouns() -> None:
    """A one-word Russian name of a partner's subdivision is no noun pymorphy knows as a common
    one ("кампания", "марке", "ханам"), unless it is a place to pymorphy too."""
    from coopex.nlp.analysis import morph

    common = [
        name
        for name, _ in places._partner_subdivision_names()
        if re.fullmatch(r"[А-ЯЁ][а-яё]+", name)
        and morph().word_is_known(name.casefold())
        and {"NOUN"} <= (tag := morph().parse(name.casefold())[0].tag).grammemes
        and not {"Geox", "Name", "Surn", "Patr"} & tag.grammemes
    ]
    assert common == []


def test_partner_subdivision_names_hide_in_no_chinese_word() -> None:
    """The Chinese pattern has no boundaries between words: a partner's Chinese name found
    inside a word of jieba's dictionary that is no place ("德里" in "亚德里亚", "布什尔" in
    "新罕布什尔", "大邱" in "大邱庄") is known only with its kind word ("布什尔省")."""
    import jieba

    jieba.initialize()
    added = set()  # the names that resolve to the subdivision, not to a place before it
    for name, code in places._partner_subdivision_names():
        place = places.resolve(name)
        if re.search(r"[\u4e00-\u9fff]", name) and place is not None and place.code == code:
            added.add(name)
    pattern = re.compile(places.chinese_pattern())
    hidden = sorted(
        (match.group(), word)
        for word, count in jieba.dt.FREQ.items()
        if count >= 5 and len(word) >= 3 and places.resolve(word) is None
        for match in pattern.finditer(word)
        if match.group() in added and match.group() != word
    )
    assert hidden == []


def test_the_patterns_find_the_partners_subdivisions_longest_first() -> None:
    latin = re.compile(r"(?=[A-Z])" + places.latin_pattern())
    text = "Plants in North Rhine-Westphalia, Ba Ria-Vung Tau province and Gyeonggi Province."
    assert [m.group() for m in latin.finditer(text)] == [
        "North Rhine-Westphalia",
        "Ba Ria-Vung Tau province",
        "Gyeonggi Province",
    ]
    chinese = re.compile(places.chinese_pattern())
    text = "巴伐利亚州、石勒苏益格—荷尔斯泰因和同奈省的企业在太原和平共处"
    assert [m.group() for m in chinese.finditer(text)] == [
        "巴伐利亚州",
        "石勒苏益格—荷尔斯泰因",
        "同奈省",
        "太原",
    ]


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


def test_a_chinese_name_in_brackets_is_found_with_either_width_of_bracket() -> None:
    chinese = re.compile(places.chinese_pattern())
    text = "萨哈(雅库特)共和国和萨哈（雅库特）共和国的代表"
    assert [m.group() for m in chinese.finditer(text)] == [
        "萨哈(雅库特)共和国",
        "萨哈（雅库特）共和国",
    ]

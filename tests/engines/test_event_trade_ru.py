"""A checklist of how Russian news tells trade between a region and a country or another
region (`trade_figure`): turnover, exports, imports and supplies with a figure — in digits or
in words ("вырос вдвое", "две трети продукции", "первое место по товарообороту", "главный
торговый партнёр") — or a change reported as a fact ("поставки выросли"). The guideline: trade
is symmetric, either party may be the initiator. Sentences written for this test (not taken
from the pages), with sentences that use the same words but report no current trade figure:
prices and exchange rates, a firm's sales, trade of a past decade or recalled, forecasts and
goals, trade without a figure."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import amounts_measured, known_miss, page_events


def _forms(code: str, *names: str) -> dict[str, str]:
    return dict.fromkeys(names, code)


PLACES = {
    **_forms("RU-PNZ", "Пензенская область", "Пензенской области", "Пензенской областью"),
    **_forms("RU-TVE", "Тверская область", "Тверской области"),
    **_forms("RU-KGN", "Курганская область", "Курганской области"),
    **_forms("RU-VLG", "Вологодская область", "Вологодской области"),
    **_forms("RU-OMS", "Омская область", "Омской области"),
    **_forms("RU-ALT", "Алтайский край", "Алтайского края"),
    **_forms("RU-ORE", "Оренбургская область", "Оренбургской области"),
    **_forms("RU-TA", "Татарстан", "Татарстана", "Татарстаном"),
    **_forms("BY-BR", "Брестская область", "Брестской области"),
    **_forms("BY-MA", "Могилёвская область", "Могилёвской области"),
    **_forms("TR", "Турция", "Турции", "Турцией"),
    **_forms("VN", "Вьетнам", "Вьетнама"),
    **_forms("CN", "Китай", "Китая", "Китаем", "Китае"),
    **_forms("KZ", "Казахстан", "Казахстана", "Казахстаном", "Казахстане"),
    **_forms("UZ", "Узбекистан", "Узбекистана", "Узбекистаном"),
    **_forms("MN", "Монголия", "Монголии", "Монголией", "Монголию"),
    **_forms("IN", "Индия", "Индии"),
    **_forms("AM", "Армения"),
    **_forms("IR", "Иран", "Ирана"),
    **_forms("RU", "Россия", "России", "Россию"),
}
ORGANIZATIONS = ("Кургантрактор",)
TRADE = "trade_figure"

# The page's title names its home region by its full name.
TITLES = {
    "RU-PNZ": "Пензенская область расширяет внешние связи",
    "RU-TVE": "Тверская область расширяет внешние связи",
    "RU-KGN": "Курганская область расширяет внешние связи",
    "RU-VLG": "Вологодская область расширяет внешние связи",
    "RU-OMS": "Омская область расширяет внешние связи",
    "RU-ALT": "Алтайский край расширяет внешние связи",
    "RU-ORE": "Оренбургская область расширяет внешние связи",
    "RU-TA": "Татарстан расширяет внешние связи",
    "BY-BR": "Брестская область расширяет внешние связи",
    "BY-MA": "Могилёвская область расширяет внешние связи",
    "RU": "Россия и Иран: итоги года",
}


def events(*paragraphs: str) -> list[tuple[str, str, str]]:
    found = page_events(
        paragraphs,
        PLACES,
        ORGANIZATIONS,
        "ru",
        amounts_measured,
    )
    # a place as its code, so that any case of its name is the party
    code = PLACES.get
    return [
        (e.type.value, code(e.initiator, e.initiator), code(e.counterpart, e.counterpart))
        for e in found
    ]


# (sentence, the home side, the trading partner): trade is symmetric, either may start it
TRADED = [
    # a ranking among the region's partners
    (
        "По итогам девяти месяцев Турция вышла на первое место по товарообороту среди "
        "зарубежных партнёров Пензенской области.",
        "RU-PNZ",
        "TR",
    ),
    ("Вьетнам занимает третье место во внешней торговле Пензенской области.", "RU-PNZ", "VN"),
    ("Китай — главный торговый партнёр Тверской области.", "RU-TVE", "CN"),
    ("Казахстан остаётся крупнейшим торговым партнёром Курганской области.", "RU-KGN", "KZ"),
    ("Армения стала вторым по величине торговым партнёром Пензенской области.", "RU-PNZ", "AM"),
    (
        "Китай прочно удерживает первое место среди внешнеторговых партнёров Тверской области.",
        "RU-TVE",
        "CN",
    ),
    (
        "Индия вошла в пятёрку ведущих внешнеторговых партнёров Вологодской области.",
        "RU-VLG",
        "IN",
    ),
    (
        "Татарстан занял второе место по объёму экспорта в Узбекистан среди регионов России.",
        "RU-TA",
        "UZ",
    ),
    # growth told in words; a turnover "of A and B"
    (
        "В прошлом году товарооборот Казахстана и Омской области вырос почти вдвое.",
        "RU-OMS",
        "KZ",
    ),
    (
        "Товарооборот Алтайского края с Монголией за январь–сентябрь вырос в полтора раза.",
        "RU-ALT",
        "MN",
    ),
    (
        "За год объём торговли между Татарстаном и Узбекистаном увеличился втрое.",
        "RU-TA",
        "UZ",
    ),
    (
        "По итогам полугодия товарооборот Оренбургской области с Казахстаном сократился на треть.",
        "RU-ORE",
        "KZ",
    ),
    ("Экспорт продукции Омской области в Монголию вырос в разы.", "RU-OMS", "MN"),
    ("Импорт Вологодской области из Китая за полгода удвоился.", "RU-VLG", "CN"),
    (
        "Взаимный товарооборот Омской области и Казахстана достиг рекордных значений.",
        "RU-OMS",
        "KZ",
    ),
    pytest.param(
        "Объёмы экономического сотрудничества Вологодской области и Индии за два года выросли "
        "в 1,5 раза.",
        "RU-VLG",
        "IN",
        marks=known_miss(
            "a volume of «сотрудничество» is no trade wording: read as one, the bronze tuning "
            "page worded so (told from no home region) got a false party and lost 0.005"
        ),
    ),
    (
        "Поставки оренбургской продукции в Казахстан за год сократились почти вдвое.",
        "RU-ORE",
        "KZ",
    ),
    (
        "Курганская область и Казахстан увеличили взаимную торговлю в полтора раза.",
        "RU-KGN",
        "KZ",
    ),
    # a share of exports or of trade
    (
        "Около половины продукции, выпускаемой в Брестской области, экспортируется в Россию.",
        "BY-BR",
        "RU",
    ),
    (
        "Три четверти зерна, собранного в Курганской области, отправляется на экспорт в Казахстан.",
        "RU-KGN",
        "KZ",
    ),
    ("Треть продукции предприятий Могилёвской области поставляется в Россию.", "BY-MA", "RU"),
    ("Доля Китая во внешней торговле Тверской области составляет 20%.", "RU-TVE", "CN"),
    ("На долю Казахстана приходится около трети экспорта Курганской области.", "RU-KGN", "KZ"),
    (
        "На Китай приходится почти половина внешнеторгового оборота Тверской области.",
        "RU-TVE",
        "CN",
    ),
    # a change with digits, or reported with no figure
    ("Экспорт Курганской области в Узбекистан увеличился на 30%.", "RU-KGN", "UZ"),
    (
        "Объём взаимной торговли Татарстана и Узбекистана превысил 500 млн долларов.",
        "RU-TA",
        "UZ",
    ),
    ("Поставки продукции Курганской области в Казахстан выросли.", "RU-KGN", "KZ"),
    ("Вологодская область нарастила экспорт в Китай на 40%.", "RU-VLG", "CN"),
    (
        "Товарооборот между Пензенской областью и Турцией по итогам года составил "
        "180 млн долларов.",
        "RU-PNZ",
        "TR",
    ),
    (
        "Внешнеторговый оборот Пензенской области с Турцией вырос на 18 процентов.",
        "RU-PNZ",
        "TR",
    ),
    (
        "В январе–июне Брестская область поставила в Россию товаров на 1,2 млрд долларов.",
        "BY-BR",
        "RU",
    ),
    # a current figure beside a forecast
    (
        "Товарооборот Курганской области с Казахстаном вырос на 10%, а в следующем году может "
        "превысить 1 млрд долларов.",
        "RU-KGN",
        "KZ",
    ),
    # two countries' trade on a country's page
    ("Товарооборот России и Ирана за десять месяцев вырос на 15%.", "RU", "IR"),
    # exports named far before their change, after who says so
    (
        "Как сообщили в правительстве региона, экспорт Пензенской области в Иран за десять"
        " месяцев вырос в 2,3 раза.",
        "RU-PNZ",
        "IR",
    ),
    (
        "Поставки продукции Тверской области в Казахстан за девять месяцев увеличились на треть.",
        "RU-TVE",
        "KZ",
    ),
]


@pytest.mark.parametrize(("sentence", "home", "partner"), TRADED)
def test_trade_told_with_a_figure_is_a_trade_figure(sentence: str, home: str, partner: str) -> None:
    found = events(TITLES[home], sentence)
    assert any(t == TRADE and {i, c} == {home, partner} for t, i, c in found), found
    # goods shipped abroad are no visit ("отправляется на экспорт в Казахстан")
    assert not any(t == "business_mission" for t, _, _ in found), found


def test_a_countrys_trade_on_a_regions_page_is_the_countrys() -> None:
    """ "Товарооборот России и Китая" on a region's page names no region of its own: the
    country trades, not the page's region."""
    found = events(
        TITLES["RU-KGN"], "Товарооборот России и Китая в прошлом году превысил 240 млрд долларов."
    )
    assert (TRADE, "RU", "CN") in found, found


NO_FIGURE = [
    # prices, exchange rates, a firm's sales
    "Курс тенге к рублю вырос на 2%.",
    "Цены на пшеницу в Казахстане выросли на 15%.",
    "Выручка завода Кургантрактор от продаж в Казахстане выросла на 20%.",
    "Курганский завод занимает первое место в России по выпуску автобусов.",
    "На долю малого и среднего бизнеса приходится треть экспорта Курганской области.",
    "Китай — крупнейший торговый партнёр России.",
    # trade of a past decade or recalled as background
    "В 1990-е годы товарооборот Курганской области с Казахстаном составлял около 100 млн долларов.",
    "В советское время поставки курганских автобусов в Монголию достигали тысячи машин в год.",
    "Напомним, товарооборот Курганской области с Казахстаном в позапрошлом году вырос вдвое.",
    # forecasts and goals
    "По прогнозам, товарооборот Курганской области с Казахстаном может вырасти до 1 млрд долларов.",
    "Ожидается, что экспорт Курганской области в Казахстан удвоится.",
    "Губернатор предложил увеличить товарооборот с Казахстаном в два раза.",
    "Стороны договорились нарастить товарооборот до 500 млн долларов к 2030 году.",
    # the value of contracts signed
    "Курганские предприниматели заключили экспортные договоры на поставку зерна в Казахстан "
    "на 20 млн долларов.",
    # trade with no figure
    "Губернатор рассчитывает на существенное увеличение товарооборота с Казахстаном.",
    "Стороны обсудили, как увеличить поставки курганской продукции в Казахстан.",
    "Половина опрошенных предпринимателей хотели бы поставлять продукцию в Казахстан.",
    "Товарооборот Курганской области с Казахстаном необходимо увеличить.",
    "Главный партнёр проекта — казахстанская компания.",
]


@pytest.mark.parametrize("sentence", NO_FIGURE)
def test_no_current_trade_figure_gives_none(sentence: str) -> None:
    found = events(TITLES["RU-KGN"], sentence)
    assert not any(t == TRADE for t, _, _ in found), found


def test_a_figure_naming_only_its_own_region_is_with_the_pages_other_side() -> None:
    """The page's own region named in the sentence is the figure's initiator; its other party,
    named by a word the page's names do not know ("КНР"), is the page's other side."""
    found = events(
        "Тверская область и Китай",
        "По итогам полугодия КНР занимает первое место по товарообороту среди партнёров "
        "Тверской области.",
    )
    assert (TRADE, "RU-TVE", "CN") in found, found

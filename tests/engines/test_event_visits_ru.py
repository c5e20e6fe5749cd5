"""A checklist of how Russian news tells a visit received: a foreign or other-region
delegation, an embassy, a consulate, a trade mission or an ambassador comes to the story's
home region. The guideline: the visitor starts the business mission, the host region is its
counterpart; the two are never one party, a region's colloquial name included ("Тамбовщина"
is Тамбовская область). Sentences written for this test (not taken from the pages), with
sentences that use the same words but tell no such visit."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import known_miss, page_events

PLACES = {
    "Тамбовская область": "RU-TAM",
    "Тамбовской области": "RU-TAM",
    "Тамбовскую область": "RU-TAM",
    "Тамбовщина": "RU-TAM",
    "Тамбовщины": "RU-TAM",
    "Тамбовщину": "RU-TAM",
    "Тамбовщине": "RU-TAM",
    "Приамурье": "RU-AMU",
    "Приамурья": "RU-AMU",
    "Амурская область": "RU-AMU",
    "Амурской области": "RU-AMU",
    "Южный Урал": "RU-CHE",
    "Южного Урала": "RU-CHE",
    "Южном Урале": "RU-CHE",
    "Челябинская область": "RU-CHE",
    "Челябинской области": "RU-CHE",
    "Вьетнам": "VN",
    "Вьетнама": "VN",
    "Узбекистан": "UZ",
    "Узбекистана": "UZ",
    "Монголии": "MN",
    "Монголия": "MN",
    "Египта": "EG",
    "Египет": "EG",
    "Сербии": "RS",
    "Сербия": "RS",
    "Беларусь": "BY",
    "Беларуси": "BY",
    "Белоруссии": "BY",
    "Цзянсу": "CN-JS",
    "Кировской области": "RU-KIR",
    "России": "RU",
}
ORGANIZATIONS = ("Intergas", "Tambov Agro")

MISSION = "business_mission"


def events(*paragraphs: str) -> list[tuple[str, str, str]]:
    found = page_events(paragraphs, PLACES, ORGANIZATIONS, "ru")
    return [(e.type.value, e.initiator, e.counterpart) for e in found]


# The page's title names the host region by its full name.
TITLES = {
    "Приамур": "Амурская область принимает гостей",
    "Южн": "Челябинская область принимает гостей",
    "": "Тамбовская область принимает гостей",
}

# (sentence, the visitor, the host)
RECEIVED = [
    # diplomats: an embassy, a consulate, a trade mission, an ambassador
    pytest.param(
        "Сотрудники посольства Вьетнама вместе с губернатором осмотрели заводы Тамбовщины.",
        "Вьетнам",
        "Тамбовщин",
        marks=known_miss("«осмотрели заводы» is no visit's wording: a governor inspects his own"),
    ),
    (
        "Сотрудники посольства Вьетнама вместе с губернатором посетили заводы Тамбовщины.",
        "Вьетнам",
        "Тамбовщин",
    ),
    (
        "Представители генерального консульства Монголии посетили предприятия Тамбовской области.",
        "Монголи",
        "Тамбовск",
    ),
    (
        "Тамбовскую область с рабочим визитом посетил Чрезвычайный и Полномочный Посол"
        " Узбекистана.",
        "Узбекистан",
        "Тамбовск",
    ),
    (
        "Посол Египта находится с рабочим визитом в Тамбовской области.",
        "Египт",
        "Тамбовск",
    ),
    (
        "Торговый представитель Вьетнама побывал на предприятиях Тамбовщины.",
        "Вьетнам",
        "Тамбовщин",
    ),
    (
        "Генеральный консул Монголии прибыл в Тамбовскую область, где осмотрит индустриальный"
        " парк.",
        "Монголи",
        "Тамбовск",
    ),
    # a region's colloquial name: the host stays the host, never the visitor's counterpart
    # of itself
    (
        "«Мы готовы расширять поставки», — сказал во время визита в Приамурье заместитель"
        " министра торговли Монголии.",
        "Монголи",
        "Приамур",
    ),
    (
        "В ходе визита на Южный Урал представители Вьетнама посетили металлургический комбинат.",
        "Вьетнам",
        "Южн",
    ),
    (
        "Делегация из Сербии прибыла на Тамбовщину для переговоров с аграриями.",
        "Серби",
        "Тамбовщин",
    ),
    (
        "Приамурье посетила делегация провинции Цзянсу.",
        "Цзянсу",
        "Приамур",
    ),
    # a delegation received by the host
    (
        "В Тамбовскую область прибыла делегация из Узбекистана во главе с хокимом.",
        "Узбекистан",
        "Тамбовск",
    ),
    (
        "На Тамбовщине с ответным визитом находится делегация провинции Цзянсу.",
        "Цзянсу",
        "Тамбовщин",
    ),
    (
        "Губернатор Тамбовской области принял делегацию деловых кругов Египта.",
        "Египт",
        "Тамбовск",
    ),
    (
        "Делегацию Сербии на Тамбовщине встретили представители областного правительства.",
        "Серби",
        "Тамбовщин",
    ),
    (
        "Представители бизнеса Узбекистана побывали на предприятиях Южного Урала.",
        "Узбекистан",
        "Южн",
    ),
    # the place visited named first, the visitor after
    ("Тамбовщину с рабочим визитом посетил посол Сербии.", "Серби", "Тамбовщин"),
    ("Приамурье с официальным визитом посетила делегация Монголии.", "Монголи", "Приамур"),
    (
        "Тамбовскую область с визитом посетили представители посольства Египта.",
        "Египт",
        "Тамбовск",
    ),
    (
        "В Тамбовской области с двухдневным визитом находится делегация Узбекистана.",
        "Узбекистан",
        "Тамбовск",
    ),
    # the home region called «регион», a return visit, a visit to come, guests
    (
        "В регион прибыла делегация провинции Цзянсу во главе с вице-губернатором.",
        "Цзянсу",
        "Тамбовск",
    ),
    ("Делегация провинции Цзянсу нанесла ответный визит на Тамбовщину.", "Цзянсу", "Тамбовщин"),
    ("Делегация из Сербии в ближайшее время посетит Тамбовскую область.", "Серби", "Тамбовск"),
    ("Гости из Вьетнама побывали на заводе в Тамбовской области.", "Вьетнам", "Тамбовск"),
    ("Делегация Беларуси прибыла с визитом в Приамурье.", "Беларус", "Приамур"),
    (
        "Торговый представитель Вьетнама в России посетил Тамбовскую область.",
        "Вьетнам",
        "Тамбовск",
    ),
    (
        "Делегация Египта в ходе визита в Тамбовскую область осмотрела элеватор.",
        "Египт",
        "Тамбовск",
    ),
    # a delegation called by its country's adjective
    ("Вьетнамская делегация прибыла в Тамбовскую область.", "Вьетнам", "Тамбовск"),
    ("Узбекская делегация побывала на предприятиях Тамбовщины.", "Узбекистан", "Тамбовщин"),
    ("Монгольские гости посетили Приамурье.", "Монголи", "Приамур"),
    # the home region pointed back to by its kind, not named
    ("Вьетнамская делегация посетила регион.", "Вьетнам", "Тамбов"),
    ("Узбекская делегация прибыла в область с рабочим визитом.", "Узбекистан", "Тамбов"),
    # another Russian region visits the home region
    (
        "Делегация Кировской области посетила предприятия Тамбовщины.",
        "Киров",
        "Тамбовщин",
    ),
    # a delegation of a country's businessmen, the adjective after the noun
    (
        "Делегация индийских предпринимателей посетит Тамбовскую область в марте.",
        "Инди",
        "Тамбов",
    ),
    (
        "В марте в Тамбовскую область приедет делегация вьетнамских предпринимателей.",
        "Вьетнам",
        "Тамбов",
    ),
    # the visitors are businessmen or investors called by their country's adjective
    ("Китайские инвесторы посетили Тамбовскую область.", "Кита", "Тамбов"),
    ("Индийские бизнесмены приехали в Тамбовскую область.", "Инди", "Тамбов"),
    # the country an envoy is sent to is no place his delegation visits
    (
        "Тамбовскую область посетила делегация Вьетнама во главе с Послом Вьетнама в России.",
        "Вьетнам",
        "Тамбов",
    ),
]


@pytest.mark.parametrize(("sentence", "visitor", "host"), RECEIVED)
def test_a_visit_received_is_the_visitors_with_the_host(
    sentence: str, visitor: str, host: str
) -> None:
    title = next((t for stem, t in TITLES.items() if stem in host), TITLES[""])
    found = events(title, sentence)
    assert any(t == MISSION and visitor in i and host in c for t, i, c in found), found


# Sentences whose visitor and host could be read as two names of one region.
ONE_REGION = [
    "«Мы ценим наше партнерство», — заявил во время визита в Приамурье гость из-за рубежа.",
    "Во время поездки по Приамурью губернатор Амурской области осмотрел новые предприятия.",
    "Глава Тамбовской области посетил предприятия Тамбовщины.",
    "Делегация Челябинской области побывала на заводах Южного Урала.",
]


@pytest.mark.parametrize("sentence", ONE_REGION)
def test_a_region_is_never_its_own_counterpart(sentence: str) -> None:
    ones = [{"Тамбовская", "Тамбовщин"}, {"Приамур", "Амурск"}, {"Южн", "Челябинск"}]
    for t, initiator, counterpart in events("Новости регионов", sentence):
        for one in ones:
            assert not (any(w in initiator for w in one) and any(w in counterpart for w in one)), (
                t,
                initiator,
                counterpart,
            )


NOT_A_VISIT = [
    # tourists, sportsmen, students
    "Тамбовскую область посетили туристы из Узбекистана.",
    "Тамбовщину посетили более двух тысяч туристов из Вьетнама.",
    "Сборная Сербии по волейболу прибыла в Тамбовскую область на турнир.",
    "Студенты из Монголии прибыли на учебу в Тамбовскую область.",
    "Школьники из Узбекистана побывали на экскурсии в музеях Тамбовщины.",
    # background: a visit told as an earlier fact
    "Напомним, в прошлом году Тамбовскую область посетила делегация из Вьетнама.",
    "Как сообщалось ранее, посол Египта побывал в Тамбовской области.",
    # a visit asked for or declined, or only hoped for
    "Губернатор Тамбовской области пригласил посла Египта посетить регион.",
    # a visit put off or that never came
    "Визит делегации Узбекистана в Тамбовскую область перенесен на неопределенный срок.",
    "Делегация Египта так и не приехала в Тамбовскую область.",
    # pilgrims, a concert, a delivery
    "Паломники из Сербии посетили монастыри Тамбовщины.",
    "Гости из Вьетнама посетили концерт в Тамбовской области.",
    "В Тамбовскую область прибыла партия удобрений из Египта.",
    # a recap of related links
    "Читайте также: Визит делегации Сербии в Тамбовскую область",
    # a meeting with an envoy is talks, not a visit
    "Генеральный консул Монголии нанес визит вежливости губернатору Тамбовской области.",
]


@pytest.mark.parametrize("sentence", NOT_A_VISIT)
def test_a_sentence_with_no_visit_gives_no_mission(sentence: str) -> None:
    found = events("Тамбовская область и зарубежные партнеры", sentence)
    assert not any(t == MISSION for t, _, _ in found), found


# Talks on a visit received, with the host's head: the visitors are the talks' party, not a
# plant they are shown; talks with a firm the sentence names after «с» stay that firm's.
TALKS_OF_VISITORS = [
    (
        "Вьетнамские гости посетят предприятия региона, в том числе завод «Tambov Agro», и"
        " проведут переговоры с губернатором.",
        "Вьетнам",
    ),
    ("Посол Вьетнама провёл переговоры с губернатором Тамбовской области.", "Вьетнам"),
    ("Делегация Вьетнама провела переговоры с компанией «Tambov Agro».", "Tambov Agro"),
]


@pytest.mark.parametrize(("sentence", "party"), TALKS_OF_VISITORS)
def test_talks_on_a_visit_received_are_with_the_visitors(sentence: str, party: str) -> None:
    found = events(TITLES[""], sentence)
    assert any(t == "negotiation" and party in c for t, _, c in found), found

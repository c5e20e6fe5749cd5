"""A checklist of how Russian news tells an investment (`investment`): a firm or a country that
invests, puts money into a place («вложит», «вкладывает», «потратит», «направит», «выделит»),
whose investments, capital spending or project budget come to a figure, that finances a
facility, buys a stake in a local firm or is a project's main investor. The project's convention
(as in the English checklist): the counterpart is the investor, the initiator the place.
Sentences written for this test (not taken from the pages), with sentences that use the same
words but tell no investment of anybody's."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import counterparts_of

PLACES = {
    "Тульской области": "RU-TUL",
    "Ростовской области": "RU-ROS",
    "Калужской области": "RU-KLU",
    "Татарстане": "RU-TA",
    "Свердловской области": "RU-SVE",
    "Нижегородской области": "RU-NIZ",
    "Челябинской области": "RU-CHE",
    "Пензенской области": "RU-PNZ",
    "Липецкой области": "RU-LIP",
}
ORGANIZATIONS = (
    "Chery",
    "Haier",
    "Komatsu",
    "Ростсельмаш",
    "Kombassan",
    "Сбербанк",
    "Great Wall",
    "Автотор",
)


def investors(*paragraphs: str) -> list[str]:
    return counterparts_of(
        "investment", ("Иностранный капитал в регионах", *paragraphs), PLACES, ORGANIZATIONS, "ru"
    )


# (sentence, the investor)
TOLD = [
    ("Компания Haier вложит в расширение завода в Татарстане 3 млрд рублей.", "Haier"),
    ("Kombassan инвестирует в экономику Пензенской области 1 млрд рублей.", "Kombassan"),
    ("Турецкий холдинг инвестирует в экономику Пензенской области 1 млрд рублей.", "Турция"),
    ("Японский концерн вкладывает в проект в Челябинской области 40 млн долларов.", "Япония"),
    (
        "Ростсельмаш выделит на модернизацию производства в Ростовской области 800 млн рублей.",
        "Ростсельмаш",
    ),
    (
        "Итальянская компания намерена направить на расширение завода в Свердловской области"
        " 15 млн евро.",
        "Италия",
    ),
    ("Бюджет проекта компании Haier в Татарстане - 55 млн долларов.", "Haier"),
    (
        "Инвестиции компании Komatsu в производство в Челябинской области оцениваются"
        " в 40 млн долларов.",
        "Komatsu",
    ),
    ("Казахстанский инвестор вкладывает средства в проект в Челябинской области.", "Казахстан"),
    ("Сбербанк финансирует реконструкцию аэропорта в Липецкой области.", "Сбербанк"),
    ("Проект в Калужской области реализуется за счёт средств компании Автотор.", "Автотор"),
    ("Great Wall станет главным инвестором проекта в Тульской области.", "Great Wall"),
    ("Сбербанк приобрел долю в компании из Нижегородской области.", "Сбербанк"),
    (
        "Затраты компании Haier на модернизацию сети сервисных центров в Татарстане"
        " составят 4 млрд рублей.",
        "Haier",
    ),
    ("Инвестором проекта в Липецкой области является компания Haier.", "Haier"),
    ("Инвестор проекта в Тульской области — компания Great Wall.", "Great Wall"),
    ("Завод в Калужской области построен на средства компании Автотор.", "Автотор"),
    ("Kombassan выкупила 51% акций предприятия из Пензенской области.", "Kombassan"),
    ("Компания Chery стала совладельцем предприятия в Липецкой области.", "Chery"),
    ("Стоимость инвестпроекта Haier в Татарстане — 1,2 млрд рублей.", "Haier"),
    ("Компания Komatsu выделит на проект в Челябинской области 30 млн долларов.", "Komatsu"),
]


@pytest.mark.parametrize(("sentence", "investor"), TOLD)
def test_an_investment_is_read_with_its_investor(sentence: str, investor: str) -> None:
    assert investor in investors(sentence)


# the same words, no investment of anybody's
NOT_TOLD = [
    "Губернатор рассказал о благоприятном инвестиционном климате Пензенской области.",
    "Ростсельмаш потратил на подготовку выставки в Ростовской области три месяца.",
    "Сотрудники Haier потратили 3 часа на дорогу до Татарстане.",
    "Глава Липецкой области выделил время для встречи с жителями.",
    "Компания Komatsu направила поздравления партнёрам в Челябинской области.",
    "Комиссия выделила на рассмотрение заявок из Челябинской области 10 дней.",
    "Бюджет Тульской области на следующий год принят с дефицитом.",
]


@pytest.mark.parametrize("sentence", NOT_TOLD)
def test_the_same_words_tell_no_investment(sentence: str) -> None:
    assert investors(sentence) == []


def test_one_investor_a_title_calls_by_its_country_is_the_firm_its_lead_names() -> None:
    """The title's "Японский инвестор" is the firm the lead names; its money told again further
    on, with nobody named ("Общий объем инвестиций в проект …"), is that firm's too."""
    found = counterparts_of(
        "investment",
        (
            "Японский инвестор вложит 12 млрд рублей в завод в Калужской области",
            "Губернатор Калужской области провел встречу с руководством компании Komatsu.",
            "Общий объем инвестиций в проект оценивается в 12 млрд рублей.",
        ),
        PLACES,
        ORGANIZATIONS,
        "ru",
    )
    assert found and set(found) == {"Komatsu"}, found

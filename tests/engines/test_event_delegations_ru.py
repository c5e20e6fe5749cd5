"""A checklist of who visits whom in Russian news of delegations: a foreign state named by its
full official name, a delegation met at the other side's place, and talks with the body of a
foreign province. The guideline: the visitor starts the business mission, the place visited is
its counterpart; talks with a province's body are talks with the province. Sentences written
for this test (not taken from the pages), with sentences using the same words that tell the
other direction or another party."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import known_miss, page_events

PLACES = {
    "Пензенская область": "RU-PNZ",
    "Пензенской области": "RU-PNZ",
    "Пензенскую область": "RU-PNZ",
    "Пенза": "RU-PNZ",
    "Пензу": "RU-PNZ",
    "Пензе": "RU-PNZ",
    "Исламская Республика Иран": "IR",
    "Исламской Республики Иран": "IR",
    "Исламскую Республику Иран": "IR",
    "Исламской Республике Иран": "IR",
    "Иран": "IR",
    "Ирана": "IR",
    "Тегеран": "IR",
    "Тегеране": "IR",
    "Итальянская Республика": "IT",
    "Итальянской Республики": "IT",
    "Итальянской Республике": "IT",
    "Социалистической Республики Вьетнам": "VN",
    "Социалистическую Республику Вьетнам": "VN",
    "Ханое": "VN",
    "Гилян": "IR-01",
    "Ляонин": "CN-LN",
    "Китая": "CN",
    "Шэньяне": "CN",
    "Ломбардия": "IT-25",
    "Милане": "IT",
}
ORGANIZATIONS = (
    "Народного собрания провинции Гилян",
    "Народного правительства провинции Ляонин",
    "Политического консультативного совета провинции Ляонин",
    "Торгово-промышленной палаты Ломбардии",
    "Penza Agro",
)
UNKNOWN = ("Ломбардии",)

MISSION = "business_mission"
TALKS = "negotiation"
TITLE = "Пензенская область и зарубежные партнеры"


def events(*paragraphs: str) -> list[tuple[str, str, str]]:
    found = page_events(paragraphs, PLACES, ORGANIZATIONS, "ru", unknown_places=UNKNOWN)
    return [(e.type.value, e.initiator, e.counterpart) for e in found]


# (sentence, the visitor, the place visited): a foreign state named in full visits home
RECEIVED = [
    ("В Пензенскую область прибыла делегация Исламской Республики Иран.", "Иран", "Пенз"),
    ("В Пензу с официальным визитом прибыла делегация Исламской Республики Иран.", "Иран", "Пенз"),
    ("Делегация Итальянской Республики посетила Пензенскую область.", "Итальян", "Пенз"),
    (
        "Пензенскую область посетила делегация Социалистической Республики Вьетнам.",
        "Вьетнам",
        "Пенз",
    ),
    ("Посол Исламской Республики Иран посетил Пензенскую область.", "Иран", "Пенз"),
    (
        "Делегация Исламской Республики Иран во главе с министром прибыла в Пензу.",
        "Иран",
        "Пенз",
    ),
    (
        "Представители деловых кругов Исламской Республики Иран посетили Пензенскую область.",
        "Иран",
        "Пенз",
    ),
    (
        "Делегация бизнесменов Исламской Республики Иран посетила Пензенскую область.",
        "Иран",
        "Пенз",
    ),
]


@pytest.mark.parametrize(("sentence", "visitor", "host"), RECEIVED)
def test_a_foreign_state_named_in_full_visits_the_home_region(
    sentence: str, visitor: str, host: str
) -> None:
    found = events(TITLE, sentence)
    assert any(t == MISSION and visitor in i and host in c for t, i, c in found), found


# (sentence, the place visited): the home side travels; a delegation of the other side it
# meets at that side's place is its host, not a visitor
ABROAD = [
    ("Делегация Пензенской области посетила Исламскую Республику Иран.", "Иран"),
    ("Губернатор Пензенской области находится с визитом в Исламской Республике Иран.", "Иран"),
    (
        "В Тегеране губернатор Пензенской области встретился с делегацией Исламской "
        "Республики Иран.",
        "Тегеран",
    ),
    (
        "В Ханое губернатор Пензенской области встретился с делегацией Социалистической "
        "Республики Вьетнам.",
        "Ханое",
    ),
    (
        "В Милане делегация Пензенской области встретилась с делегацией Итальянской Республики.",
        "Милане",
    ),
    (
        "Делегация Пензенской области приняла участие в выставке в Исламской Республике Иран.",
        "Иран",
    ),
    ("Пензенская делегация посетила Социалистическую Республику Вьетнам.", "Вьетнам"),
]


@pytest.mark.parametrize(("sentence", "visited"), ABROAD)
def test_the_home_side_visits_the_other_sides_place(sentence: str, visited: str) -> None:
    found = events(TITLE, sentence)
    missions = [(i, c) for t, i, c in found if t == MISSION]
    assert missions, found
    assert all("Пенз" in i and visited in c for i, c in missions), found


# (sentence, the party talked with): talks with a province's body are the province's; a
# chamber or a firm of a place stays itself
TALKS_WITH = [
    (
        "Губернатор Пензенской области встретился с председателем Народного собрания "
        "провинции Гилян.",
        "Гилян",
    ),
    (
        "Вице-губернатор Пензенской области провел переговоры с председателем Политического "
        "консультативного совета провинции Ляонин.",
        "Ляонин",
    ),
    (
        "Министр экономики Пензенской области встретился с руководителями Народного "
        "правительства провинции Ляонин.",
        "Ляонин",
    ),
    (
        "Губернатор Пензенской области провел переговоры с президентом "
        "Торгово-промышленной палаты Ломбардии.",
        "Торгово-промышленной палаты Ломбардии",
    ),
    ("Губернатор Пензенской области встретился с руководством компании Penza Agro.", "Penza Agro"),
]


@pytest.mark.parametrize(("sentence", "party"), TALKS_WITH)
def test_talks_with_a_provinces_body_are_the_provinces(sentence: str, party: str) -> None:
    found = events(TITLE, sentence)
    assert any(t == TALKS and c == party for t, _, c in found), found


# Sentences with a delegation's words that tell no visit of the other side to home
NOT_RECEIVED = [
    "В Тегеране делегация Пензенской области провела переговоры с делегацией Ирана.",
    "В Шэньяне губернатор Пензенской области встретился с делегацией провинции Ляонин.",
    "Губернатор Пензенской области в Тегеране встретился с делегацией Исламской Республики Иран.",
]


@pytest.mark.parametrize("sentence", NOT_RECEIVED)
def test_a_delegation_met_abroad_is_no_visitor(sentence: str) -> None:
    found = events(TITLE, sentence)
    assert not any(t == MISSION and "Пенз" in c for t, _, c in found), found


def test_a_visit_held_within_an_exhibition_is_no_presentation_of_its_own() -> None:
    found = events(
        TITLE,
        "Губернатор Пензенской области встретился с губернатором провинции Ляонин.",
        "Визит делегации региона проходит в рамках Российско-Китайской выставки ЭКСПО.",
    )
    assert not any(t == "product_presentation" for t, _, _ in found), found


@known_miss("a delegation represented by firms at a session is read as the delegation's visit")
def test_a_delegation_represented_by_firms_is_no_visit() -> None:
    found = events(
        "В Пензе пройдет сессия «Италия встречает Поволжье»",
        "Делегацию Итальянской Республики представят более 30 ведущих итальянских компаний.",
    )
    assert not any(t == MISSION for t, _, _ in found), found


def test_a_forum_held_on_a_visit_abroad_keeps_the_visit() -> None:
    found = events(
        "Делегация Пензы посетила Ляонин",
        "Делегация во главе с губернатором Пензенской области побывала в провинции Ляонин.",
        "В ходе бизнес-форума с участием предпринимателей двух регионов прошли встречи.",
    )
    assert any(t == MISSION and c == "Ляонин" for t, _, c in found), found

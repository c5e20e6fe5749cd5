"""One firm called by its country in a page's title or lead ("Китайский производитель откроет
завод", "A Chinese carmaker will open a plant", "一家中国企业将建厂") is the firm the page goes
on to name: one plan, the firm's. Several firms of a country ("Китайские компании откроют
производства") are the country's plan beside the firm's, as the annotation keeps both.
Sentences written for this test, not taken from the pages."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import amounts_measured, page_events

PLAN = "localization_plan"
CASES = [
    (
        "ru",
        "Китайский производитель откроет завод в Ульяновской области",
        "Компания Kastamonu планирует построить в Ульяновской области завод.",
        {"Ульяновской области": "RU-ULY"},
        [(PLAN, "Kastamonu")],
    ),
    (
        "ru",
        "Китайская компания построит завод в Ульяновской области",
        "Компания Kastamonu планирует построить в Ульяновской области завод.",
        {"Ульяновской области": "RU-ULY"},
        [(PLAN, "Kastamonu")],
    ),
    (
        "ru",
        "Производитель из Китая построит завод в Ульяновской области",
        "Компания Kastamonu планирует построить в Ульяновской области завод.",
        {"Ульяновской области": "RU-ULY", "Китая": "CN"},
        [(PLAN, "Kastamonu")],
    ),
    (
        "ru",
        "Китайские компании откроют производства в Ульяновской области",
        "Компания Kastamonu планирует построить в Ульяновской области завод.",
        {"Ульяновской области": "RU-ULY"},
        [(PLAN, "Китай"), (PLAN, "Kastamonu")],
    ),
    (
        "en",
        "A Chinese carmaker will open a plant in Tula Region",
        "Kastamonu plans to build a plant in Tula Region, the regional government said.",
        {"Tula Region": "RU-TUL"},
        [(PLAN, "Kastamonu")],
    ),
    (
        "zh",
        "一家中国企业将在图拉州建厂",
        "Kastamonu计划在图拉州建设工厂。",
        {"图拉州": "RU-TUL", "中国": "CN"},
        [(PLAN, "Kastamonu")],
    ),
]


@pytest.mark.parametrize(("lang", "title", "body", "places", "kept"), CASES)
def test_one_firm_called_by_its_country_is_the_firm_the_page_names(
    lang: str, title: str, body: str, places: dict[str, str], kept: list[tuple[str, str]]
) -> None:
    found = page_events((title, body), places, ("Kastamonu",), lang, amounts_measured)
    assert [(e.type.value, e.counterpart) for e in found] == kept

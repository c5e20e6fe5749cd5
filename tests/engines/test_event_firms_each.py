"""A checklist of several firms' plants told in one sentence, in Russian and English: firms
listed after a plural noun for firms, in apposition or not ("Two Chinese carmakers, Chery and
Geely, …"), and firms each told in a clause of their own with a wording of their own ("Haier will
build a plant, and Midea plans a factory") build a plant each, at the place the sentence names,
neither the other's partner; firms acting together build one; a zone or park that hosts a
plant is no party of it; one firm's plants in several places listed are a plan in each.
Sentences written for this test (not taken from the pages); the whole event reader runs on each,
the names given as mentions."""

from __future__ import annotations

import re

import pytest

from tests.engines.event_checklists import page_events

PLACES = {
    "Татарстане": "RU-TA",
    "Татарстан": "RU-TA",
    "Калужской области": "RU-KLU",
    "Тульской области": "RU-TUL",
    "Tatarstan": "RU-TA",
    "Kaluga Region": "RU-KLU",
    "Tula Region": "RU-TUL",
    "鞑靼斯坦": "RU-TA",
}
FIRMS = ("Haier", "Midea", "Chery", "Geely", "海尔", "美的")
ORGANIZATIONS = (*FIRMS, "ОЭЗ «Алабуга»", "Alabuga SEZ")
PLAN = "localization_plan"

EACH = [
    ("ru", "Китайские компании Haier и Midea построят заводы в Татарстане.", "Татарстане"),
    (
        "ru",
        "Два китайских автопроизводителя, Chery и Geely, планируют локализовать производство в"
        " Калужской области.",
        "Калужской области",
    ),
    (
        "ru",
        "Haier построит в Татарстане завод холодильников, а Midea планирует открыть там завод"
        " кондиционеров.",
        "Татарстане",
    ),
    # the firms the subject, plants in the plural
    ("ru", "Haier и Midea построят заводы в Татарстане.", "Татарстане"),
    ("en", "Haier and Midea will build plants in Tatarstan.", "Tatarstan"),
    ("en", "Chinese companies Haier and Midea will build plants in Tatarstan.", "Tatarstan"),
    # each firm told as building on its own (分别, "respectively")
    ("zh", "海尔和美的将分别在鞑靼斯坦建厂。", "鞑靼斯坦"),
    (
        "en",
        "Two Chinese carmakers, Chery and Geely, plan to localize production in Kaluga Region.",
        "Kaluga Region",
    ),
    (
        "en",
        "Haier will build a refrigerator plant in Tatarstan, and Midea plans to open an air"
        " conditioner factory there.",
        "Tatarstan",
    ),
]

TITLES = {"ru": "Новости", "en": "News", "zh": "新闻"}


def plans(lang: str, sentence: str) -> set[tuple[str, str]]:
    found = page_events((TITLES[lang], sentence), PLACES, ORGANIZATIONS, lang)
    return {(e.initiator, e.counterpart) for e in found if e.type.value == PLAN}


@pytest.mark.parametrize(("lang", "sentence", "place"), EACH)
def test_each_firm_builds_a_plant_of_its_own_at_the_place_named(
    lang: str, sentence: str, place: str
) -> None:
    firms = {name for name in FIRMS if name in sentence}
    assert plans(lang, sentence) == {(place, firm) for firm in firms}


TOGETHER = [
    ("ru", "Компании Haier и Midea наладят совместное производство в Татарстане."),
    ("ru", "Haier и Midea построят завод в Татарстане."),
    ("en", "Chinese companies Haier and Midea will jointly build a plant in Tatarstan."),
    ("zh", "海尔和美的将在鞑靼斯坦合资建厂。"),
]


@pytest.mark.parametrize(("lang", "sentence"), TOGETHER)
def test_firms_acting_together_build_one_plant(lang: str, sentence: str) -> None:
    assert len(plans(lang, sentence)) == 1


# A special economic zone or an industrial park hosts the plant: the firm is its party.
IN_A_ZONE = [
    ("ru", "Компания Haier построит завод холодильников в ОЭЗ «Алабуга» в Татарстане."),
    ("en", "Haier will build a refrigerator plant in the Alabuga SEZ in Tatarstan."),
]


@pytest.mark.parametrize(("lang", "sentence"), IN_A_ZONE)
def test_a_zone_hosting_a_plant_is_no_party_of_it(lang: str, sentence: str) -> None:
    assert {firm for _, firm in plans(lang, sentence)} == {"Haier"}


# One firm's plants in the plural, in several places listed: a plan in each place.
IN_EACH_PLACE = [
    ("ru", "Haier построит заводы в Татарстане, Калужской области и Тульской области."),
    ("en", "Haier will build plants in Tatarstan, Kaluga Region and Tula Region."),
]


@pytest.mark.parametrize(("lang", "sentence"), IN_EACH_PLACE)
def test_a_firm_s_plants_in_several_places_are_a_plan_in_each(lang: str, sentence: str) -> None:
    places = {name for name in PLACES if re.search(rf"(?<!\w){name}(?!\w)", sentence)}
    assert plans(lang, sentence) == {(place, "Haier") for place in places}


def test_one_plant_in_a_city_of_a_region_is_one_plan() -> None:
    found = page_events(
        ("News", "Haier will build a plant in Kazan, Tatarstan."),
        {"Kazan": "RU-TA", "Tatarstan": "RU-TA"},
        ORGANIZATIONS,
        "en",
    )
    assert [e.counterpart for e in found if e.type.value == PLAN] == ["Haier"]


# Firms listed as the subject, a sum each: an investment of each; one sum of both is theirs.
EACH_SUM = [
    ("ru", "Haier и Midea вложат в Татарстан по 1 млрд рублей.", 2),
    ("en", "Haier and Midea will invest $100 million each in Tatarstan.", 2),
    ("ru", "Haier и Midea вложат в Татарстан 3 млрд рублей.", 1),
]


@pytest.mark.parametrize(("lang", "sentence", "count"), EACH_SUM)
def test_firms_each_putting_in_a_sum_are_an_investment_each(
    lang: str, sentence: str, count: int
) -> None:
    found = page_events((TITLES[lang], sentence), PLACES, ORGANIZATIONS, lang)
    assert len({e.counterpart for e in found if e.type.value == "investment"}) == count

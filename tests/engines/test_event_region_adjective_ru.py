"""A Russian region told only by its adjective ("представители тульского бизнеса",
"Нижегородские экспортёры", "татарстанская делегация", "башкирских предприятий") is that region
for deciding the page's sides and who starts its events; a name that opens with such an
adjective ("Рязанский станкостроительный завод", "Кировский район") is not. Sentences written
for this test (not taken from the pages)."""

from __future__ import annotations

import pytest

from coopex.domain.geography import Place, place_of
from coopex.engines.news.events import read_events
from coopex.nlp.region_adjectives import RegionAdjectives
from coopex.nlp.russian_forms import adjective_lemma
from coopex.reference.catalog import read_reference_csv
from coopex.reference.event_cues import shipped_event_cues
from coopex.reference.places import ShippedPlaces
from tests.engines.event_checklists import mentions

PLACES = {
    "Китай": "CN",
    "Китая": "CN",
    "Китае": "CN",
    "Казахстан": "KZ",
    "Казахстана": "KZ",
    "Харбин": "CN-HL",
    "Харбине": "CN-HL",
    "Нижегородская область": "RU-NIZ",
    "Россия": "RU",
}
ORGANIZATIONS = ("Changan", "Рязанский станкостроительный завод")


@pytest.fixture(scope="module")
def adjectives() -> RegionAdjectives:
    return RegionAdjectives()


@pytest.fixture(scope="module")
def gazetteer() -> ShippedPlaces:
    return ShippedPlaces()


def told(adjectives: RegionAdjectives, *paragraphs: str) -> list[tuple[str, str]]:
    """(the adjective as written, the place it stands for)."""
    return [
        (paragraphs[m.paragraph][m.start : m.end], m.name)
        for m in adjectives.mentions(list(paragraphs), mentions(paragraphs, PLACES, ORGANIZATIONS))
    ]


def events(
    adjectives: RegionAdjectives | None, gazetteer: ShippedPlaces, *paragraphs: str
) -> list[tuple[str, str, str]]:
    places: dict[str, Place | None] = {name: place_of(code) for name, code in PLACES.items()}
    named = mentions(paragraphs, PLACES, ORGANIZATIONS)
    found = adjectives.mentions(list(paragraphs), named) if adjectives else []
    for mention in found:
        places[mention.name] = gazetteer.resolve(mention.name)
    read = read_events(
        list(paragraphs),
        named,
        places,
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
        lang="ru",
        adjectives=found,
    )
    return [(e.type.value, e.initiator, e.counterpart) for e in read]


@pytest.mark.parametrize(
    ("text", "adjective", "place"),
    [
        ("Представители тульского бизнеса отправились в Китай.", "тульского", "Тульская область"),
        ("Нижегородские экспортёры провели переговоры.", "Нижегородские", "Нижегородская область"),
        ("Прибыла татарстанская делегация.", "татарстанская", "Республика Татарстан"),
        ("Делегация башкирских предприятий.", "башкирских", "Республика Башкортостан"),
        ("Товары с пермским производителем.", "пермским", "Пермский край"),
        ("Встреча с приморскими рыбаками.", "приморскими", "Приморский край"),
        ("Кузбасские угольщики ищут партнёров.", "Кузбасские", "Кемеровская область"),
        # a city's adjective where the region's name is formed from it too
        ("Московские компании подписали договор.", "Московские", "Москва"),
        ("Подмосковные заводы подписали договор.", "Подмосковные", "Московская область"),
        ("Петербургские судостроители подписали договор.", "Петербургские", "Санкт-Петербург"),
        ("Ленинградские верфи подписали договор.", "Ленинградские", "Ленинградская область"),
        # a word of the region itself after the adjective
        ("Продукция рязанского региона.", "рязанского", "Рязанская область"),
    ],
)
def test_a_region_told_by_its_adjective_in_any_case_and_gender(
    adjectives: RegionAdjectives, text: str, adjective: str, place: str
) -> None:
    assert told(adjectives, text) == [(adjective, place)]


@pytest.mark.parametrize(
    "text",
    [
        # names: an organisation the recogniser found, capitals inside a sentence, a quote
        "Рязанский станкостроительный завод подписал договор.",
        "Договор подписал Рязанский приборный завод.",
        "«Тульский оружейный завод» подписал договор.",
        "В Кировском районе открылся магазин.",
        "Об этом сказал Сергей Вологодский.",
        # a place named after the adjective that is no region
        "Магазин открылся на тверской улице, а кировский район получил парк.",
        # common words
        "Еврейская община провела праздник.",
        "Это северный город.",
    ],
)
def test_no_region_in_a_name_a_district_or_a_common_word(
    adjectives: RegionAdjectives, text: str
) -> None:
    assert told(adjectives, text) == []


def test_every_listed_adjective_is_a_dictionary_form_of_a_home_place(
    gazetteer: ShippedPlaces,
) -> None:
    for row in read_reference_csv("region_adjectives.csv"):
        assert adjective_lemma(row["adjective"]) == row["adjective"], row
        if row["place"]:
            place = gazetteer.resolve(row["place"])
            assert place is not None and place.within(frozenset({"RU"})), row


def test_the_adjective_of_every_region_called_so_is_derived(adjectives: RegionAdjectives) -> None:
    assert adjectives.places["рязанский"] == "Рязанская область"
    assert adjectives.places["удмуртский"] == "Удмуртская Республика"
    assert adjectives.places["ямало-ненецкий"] == "Ямало-Ненецкий автономный округ"
    assert "северный" not in adjectives.places  # "Республика Северная Осетия — Алания"
    assert "еврейский" not in adjectives.places  # a common word first


@pytest.mark.parametrize(
    ("paragraphs", "event"),
    [
        # no home place but the adjective: the story is the region's, not told from China
        (
            ("Представители рязанского бизнеса отправились с деловой миссией в Китай.",),
            ("business_mission", "Рязанская область", "Китай"),
        ),
        (
            ("Татарстанская делегация прибыла в Харбин с рабочим визитом.",),
            ("business_mission", "Республика Татарстан", "Харбин"),
        ),
        (
            ("Нижегородские экспортёры провели переговоры с Changan в Харбине.",),
            ("negotiation", "Нижегородская область", "Changan"),
        ),
        (
            (
                "Бизнес-миссия в Казахстан",
                "Делегация башкирских предприятий отправилась в Казахстан.",
            ),
            ("business_mission", "Республика Башкортостан", "Казахстан"),
        ),
        # a page told from the home country: the region whose firms act starts the event
        (
            (
                "Россия и Китай",
                "Рязанские предприятия подписали соглашение с Changan.",
            ),
            ("agreement", "Рязанская область", "Changan"),
        ),
    ],
)
def test_the_region_told_by_its_adjective_starts_the_event(
    adjectives: RegionAdjectives,
    gazetteer: ShippedPlaces,
    paragraphs: tuple[str, ...],
    event: tuple[str, str, str],
) -> None:
    assert event in events(adjectives, gazetteer, *paragraphs)


def test_without_the_adjective_the_trip_was_read_from_the_place_abroad(
    adjectives: RegionAdjectives, gazetteer: ShippedPlaces
) -> None:
    text = "Представители рязанского бизнеса отправились с деловой миссией в Китай."
    assert not any(kind == "business_mission" for kind, _, _ in events(None, gazetteer, text))


def test_an_adjective_is_never_the_counterpart(
    adjectives: RegionAdjectives, gazetteer: ShippedPlaces
) -> None:
    # a mission of Moscow firms told on a page from Nizhny Novgorod: Moscow is who travels
    found = events(
        adjectives,
        gazetteer,
        "Нижегородская область и Китай",
        "Стартовал проект деловых миссий московских предприятий в регионы.",
    )
    assert not any(counterpart == "Москва" for _, _, counterpart in found)


def test_an_organisation_named_with_the_adjective_is_no_region(
    adjectives: RegionAdjectives, gazetteer: ShippedPlaces
) -> None:
    found = events(
        adjectives,
        gazetteer,
        "Рязанский станкостроительный завод подписал соглашение с Changan.",
    )
    assert not any(initiator == "Рязанская область" for _, initiator, _ in found)

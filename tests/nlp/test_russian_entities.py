"""Russian entities in dictionary form, on sentences written for the test (not the gold)."""

from __future__ import annotations

from collections.abc import Sequence

from coopex.domain.news import Entities, collect_entities
from coopex.nlp.russian import RussianEntityRecognizer

recognizer = RussianEntityRecognizer()


def entities(paragraphs: Sequence[str]) -> Entities:
    return collect_entities(recognizer.mentions(paragraphs))


def test_people_places_and_organisations_in_dictionary_form() -> None:
    found = entities(
        [
            "Делегация Смоленской области во главе с губернатором Алексеем Островским "
            "посетила завод компании Foton Motor в Пекине.",
            "Островский встретился с представителями Центра поддержки экспорта "
            "и Саранского приборостроительного завода.",
        ]
    )
    assert found.persons == ("Алексей Островский",)  # the surname-only mention is merged
    assert found.locations == ("Смоленская область", "Пекин")
    assert found.organizations == (
        "Foton Motor",
        "Центр поддержки экспорта",
        "Саранский приборостроительный завод",
    )


def test_quoted_names_keep_their_quotes_and_spans_stay_in_their_paragraph() -> None:
    found = entities(
        ["Директор УК «РМ Рейл» Сергей Дробжев выступил в Саранске", "Делегация прибыла в Казань."]
    )
    assert "УК «РМ Рейл»" in found.organizations
    assert found.persons == ("Сергей Дробжев",)
    assert found.locations == ("Саранск", "Казань")


def test_empty_input() -> None:
    empty = entities([])
    assert (empty.persons, empty.organizations, empty.locations) == ((), (), ())


def test_russian_dates_through_natasha() -> None:
    from coopex.engines.news.dates import distinct_iso
    from coopex.nlp.russian import russian_dates

    text = "Стол прошёл 9 ноября 2023 года. Выставка идёт по 18 мая. В 2016 году был диалог."
    assert distinct_iso(russian_dates(text)) == ("2023-11-09", "--05-18", "2016")

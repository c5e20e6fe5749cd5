"""A checklist of talks with a body abroad named after the region it governs by its kind word
(«Народный комитет провинции Лаокай», «Правительство префектуры Тоттори», "People's Committee
of Lao Cai Province"): the talks are the region's, as the annotation guideline's party is the
place, not its body. Sentences written for this test, not taken from the pages; the whole event
reader runs on each, the names given as mentions."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import page_events

PLACES = {
    "Омской области": "RU-OMS",
    "Omsk Region": "RU-OMS",
    "Лаокай": "VN-02",
    "Lao Cai Province": "VN-02",
    "Тоттори": "JP-31",
    "Tottori Prefecture": "JP-31",
}
TITLE = {"ru": "Омская область и Азия", "en": "Omsk Region and Asia"}

# (language, sentence, the body, its region)
TALKS = [
    (
        "ru",
        "Губернатор Омской области провёл переговоры с Народным комитетом провинции Лаокай.",
        "Народным комитетом провинции Лаокай",
        "Лаокай",
    ),
    (
        "ru",
        "Губернатор Омской области встретился с Правительством префектуры Тоттори.",
        "Правительством префектуры Тоттори",
        "Тоттори",
    ),
    (
        "en",
        "The governor of Omsk Region held talks with the People's Committee of Lao Cai Province.",
        "People's Committee of Lao Cai Province",
        "Lao Cai Province",
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "body", "region"), TALKS)
def test_talks_with_a_region_s_body_are_the_region_s(
    lang: str, sentence: str, body: str, region: str
) -> None:
    found = page_events((TITLE[lang], sentence), PLACES, (body,), lang)
    assert [(e.type.value, e.counterpart) for e in found] == [("negotiation", region)]

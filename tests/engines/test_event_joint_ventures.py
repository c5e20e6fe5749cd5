"""Joint ventures two places plan together, with no firm named or spoken of, are what they
agreed: an agreement between them (the annotation guideline: joint ventures with no plant are
agreements); a plant they build together stays a plan; a firm's venture stays its plan. The
Russian rows live in `test_event_agreement_parties_ru.py`; these are the English and Chinese
ones. Sentences written for this test, not taken from the pages."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import page_events

PLACES = {
    "Omsk Region": "RU-OMS",
    "Pavlodar Region": "KZ-PAV",
    "鄂木斯克州": "RU-OMS",
    "巴甫洛达尔州": "KZ-PAV",
}
CASES = [
    (
        "en",
        "Omsk Region and Pavlodar Region will set up joint ventures for brick making.",
        "agreement",
    ),
    ("en", "Omsk Region and Pavlodar Region will build a joint brick plant.", "localization_plan"),
    ("zh", "鄂木斯克州与巴甫洛达尔州将成立合资企业生产砖块。", "agreement"),
    ("zh", "鄂木斯克州与巴甫洛达尔州将共同建设砖厂。", "localization_plan"),
    (
        "en",
        "Haier and Omsk Region will set up a joint venture to make fridges.",
        "localization_plan",
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "kind"), CASES)
def test_ventures_of_two_places_are_their_agreement(lang: str, sentence: str, kind: str) -> None:
    title = "Omsk Region and Kazakhstan" if lang == "en" else "鄂木斯克州与哈萨克斯坦合作"
    found = page_events((title, sentence), PLACES, ("Haier",), lang)
    assert kind in [e.type.value for e in found], found

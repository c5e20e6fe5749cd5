"""A checklist of invitations to several firms at once: each firm the inviting words list is
invited on its own ("пригласил компании Haier и Geely разместить производство", "invited Haier,
Geely and Chery to localize", "邀请海尔、吉利和奇瑞建厂"), as the guideline reads each firm a
region courts (King Long and Geely in the seeds). Sentences written for this test, not taken
from the pages; the whole event reader runs on each, the names given as mentions."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import page_events

PLACES = {"Самарской области": "RU-SAM", "Samara Region": "RU-SAM", "萨马拉州": "RU-SAM"}
FIRMS = {
    "ru": ("Haier", "Geely", "Chery"),
    "en": ("Haier", "Geely", "Chery"),
    "zh": ("海尔", "吉利", "奇瑞"),
}
TITLES = {
    "ru": "Губернатор Самарской области пригласил инвесторов",
    "en": "Samara Region courts investors",
    "zh": "萨马拉州邀请中国企业投资",
}


def invited(lang: str, sentence: str) -> list[str]:
    found = page_events((TITLES[lang], sentence), PLACES, FIRMS[lang], lang)
    return sorted(e.counterpart for e in found if e.type.value == "localization_invitation")


EACH = [
    (
        "ru",
        "Губернатор пригласил компании Haier и Geely разместить производство в Самарской области.",
    ),
    ("ru", "Губернатор пригласил Haier, Geely и Chery локализовать производство в регионе."),
    ("en", "The governor invited Haier and Geely to set up production in Samara Region."),
    ("en", "The governor invited the companies Haier, Geely and Chery to localize production."),
    ("zh", "萨马拉州州长邀请海尔、吉利和奇瑞在该州建厂。"),
]


@pytest.mark.parametrize(("lang", "sentence"), EACH)
def test_each_firm_listed_is_invited(lang: str, sentence: str) -> None:
    named = [firm for firm in FIRMS[lang] if firm in sentence]
    assert invited(lang, sentence) == sorted(named)


ONE = [
    ("ru", "Губернатор пригласил компанию Haier разместить производство в Самарской области."),
    ("en", "The governor invited Haier to set up production in Samara Region, Geely said."),
    ("zh", "萨马拉州州长邀请海尔在该州建厂。"),
]


@pytest.mark.parametrize(("lang", "sentence"), ONE)
def test_one_firm_invited_is_one_invitation(lang: str, sentence: str) -> None:
    assert invited(lang, sentence) == [FIRMS[lang][0]]

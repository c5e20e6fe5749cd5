"""A checklist of who helps a plant without being its firm. A lender: a bank or a fund that
grants a loan, a credit line or financing for a plant («Сбербанк предоставит кредит на
строительство завода», "VEB will finance the construction of a plant") finances it and is no
party of the plant's localization plan; its financing is read as its investment, as the
investment checklists read a financier. A local partner a plant is built with ("with local
partner Allur Group", «с местным партнёром», 与当地合作伙伴) helps the firm's plan: no plan of
its own; nor has a bank named after the plant as what finances it ("financed by VEB", «за счёт
кредита Сбербанка»). The firm whose plant it is stays the plan's party. Sentences written for
this test, not taken from the pages; the whole event reader runs on each, the names given as
mentions."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import page_events

PLACES = {
    "Тульской области": "RU-TUL",
    "Липецкой области": "RU-LIP",
    "Tula Region": "RU-TUL",
    "图拉州": "RU-TUL",
}
ORGANIZATIONS = (
    "Сбербанк",
    "Фонд развития промышленности",
    "Банк развития Китая",
    "Haier",
    "VEB",
    "Sberbank",
    "Allur Group",
    "Автотор",
    "海尔",
    "阿鲁尔集团",
)
TITLE = {"ru": "Новости промышленности", "en": "Industry news", "zh": "工业新闻"}


def events_of(kind: str, lang: str, sentence: str) -> list[str]:
    found = page_events((TITLE[lang], sentence), PLACES, ORGANIZATIONS, lang)
    return [e.counterpart for e in found if e.type.value == kind]


# (language, sentence, the lender)
LENT = [
    ("ru", "Сбербанк предоставит кредит на строительство завода в Тульской области.", "Сбербанк"),
    (
        "ru",
        "Фонд развития промышленности выдал заём на 300 млн рублей на запуск производства в"
        " Липецкой области.",
        "Фонд развития промышленности",
    ),
    ("ru", "Сбербанк открыл кредитную линию заводу в Липецкой области.", "Сбербанк"),
    ("en", "VEB will finance the construction of a plant in Tula Region.", "VEB"),
]


@pytest.mark.parametrize(("lang", "sentence", "lender"), LENT)
def test_a_lender_is_no_party_of_the_plant(lang: str, sentence: str, lender: str) -> None:
    assert lender not in events_of("localization_plan", lang, sentence)


@pytest.mark.parametrize(("lang", "sentence", "lender"), LENT)
def test_a_lender_invests(lang: str, sentence: str, lender: str) -> None:
    assert lender in events_of("investment", lang, sentence)


# (language, sentence): the plant is Haier's, whoever lends for it
FIRMS_PLANT = [
    (
        "ru",
        "Банк развития Китая предоставит кредит на строительство завода Haier в Тульской области.",
    ),
    ("en", "VEB will provide a loan for the construction of a Haier plant in Tula Region."),
]


@pytest.mark.parametrize(("lang", "sentence"), FIRMS_PLANT)
def test_the_plant_stays_its_firms(lang: str, sentence: str) -> None:
    assert events_of("localization_plan", lang, sentence) == ["Haier"]


# (language, sentence): Haier's plant, built with a local partner
WITH_A_LOCAL_PARTNER = [
    ("en", "Haier will build a plant in Tula Region with local partner Allur Group."),
    ("ru", "Haier построит завод в Тульской области вместе с местным партнёром «Автотор»."),
    ("zh", "海尔将与当地合作伙伴阿鲁尔集团在图拉州建设工厂。"),
]


@pytest.mark.parametrize(("lang", "sentence"), WITH_A_LOCAL_PARTNER)
def test_a_local_partner_has_no_plan_of_its_own(lang: str, sentence: str) -> None:
    assert events_of("localization_plan", lang, sentence) == ["海尔" if lang == "zh" else "Haier"]


# (language, sentence): Haier's plant told on as financed by a bank, the one firm named
FINANCED_BY = [
    ("en", "The plant will be financed by VEB."),
    ("en", "The plant will be built with a loan from Sberbank."),
    ("ru", "Завод будет построен за счёт кредита Сбербанка."),
    ("ru", "Завод будет построен при финансовой поддержке Сбербанка."),
]
BUILDS = {
    "en": "Haier will build a plant in Tula Region.",
    "ru": "Haier построит завод в Тульской области.",
}


@pytest.mark.parametrize(("lang", "sentence"), FINANCED_BY)
def test_a_bank_the_plant_is_financed_by_has_no_plan_of_its_own(lang: str, sentence: str) -> None:
    found = page_events((TITLE[lang], BUILDS[lang], sentence), PLACES, ORGANIZATIONS, lang)
    assert [e.counterpart for e in found if e.type.value == "localization_plan"] == ["Haier"]

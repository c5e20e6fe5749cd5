"""A checklist of policies made at home: a ministry's support measures or a union commission's
subsidy mechanism, on a page that names nobody abroad. The guideline's policy is with the
country or union it governs, set by the body that makes it (a Russian ministry's rules: the
body → Russia; the Eurasian Economic Commission's mechanism: the commission → the EAEU), and
its two parties are never one. Sentences written for this test (not taken from the pages),
with sentences using the same words that name no body making the policy, or a party abroad."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import page_events

PLACES = {
    "России": "RU",
    "Россия": "RU",
    "Russia": "RU",
    "Russian": "RU",
    "ЕАЭС": "EAEU",
    "EAEU": "EAEU",
    "Казахстан": "KZ",
    "Казахстана": "KZ",
    "Kazakhstan": "KZ",
    "中国": "CN",
    "哈萨克斯坦": "KZ",
}
ORGANIZATIONS = (
    "Минпромторг",
    "Совет ЕЭК",
    "Ministry of Industry and Trade",
    "Eurasian Economic Commission",
    "商务部",
)
POLICY = "policy"


def policies(lang: str, *paragraphs: str) -> list[tuple[str, str]]:
    found = page_events(("", *paragraphs), PLACES, ORGANIZATIONS, lang)
    return [(e.initiator, e.counterpart) for e in found if e.type.value == POLICY]


# (language, sentence, the body that makes the policy, the country or union it governs)
AT_HOME = [
    (
        "ru",
        "Минпромторг утвердил новые меры поддержки автопроизводителей России.",
        "Минпромторг",
        "Росси",
    ),
    (
        "ru",
        "Совет ЕЭК утвердил механизм субсидирования проектов промышленной кооперации в ЕАЭС.",
        "ЕЭК",
        "ЕАЭС",
    ),
    (
        "en",
        "The Ministry of Industry and Trade approved new support measures for Russian carmakers.",
        "Ministry",
        "Russia",
    ),
    (
        "en",
        "The Eurasian Economic Commission will grant subsidies to joint projects in the EAEU.",
        "Commission",
        "EAEU",
    ),
    ("zh", "中国商务部出台新的扶持政策，支持汽车企业。", "商务部", "中国"),
]


@pytest.mark.parametrize(("lang", "sentence", "body", "governed"), AT_HOME)
def test_a_policy_made_at_home_is_the_body_s_with_what_it_governs(
    lang: str, sentence: str, body: str, governed: str
) -> None:
    found = policies(lang, sentence)
    assert len(found) == 1, found
    initiator, counterpart = found[0]
    assert body in initiator and governed in counterpart, found


# The same wordings with no body named that makes the policy: nobody's policy to report.
NOBODY_MAKES_IT = [
    ("ru", "В России действуют меры поддержки автопроизводителей."),
    ("en", "Support measures for carmakers remain in force in Russia."),
    ("zh", "中国的扶持政策仍然有效。"),
]


@pytest.mark.parametrize(("lang", "sentence"), NOBODY_MAKES_IT)
def test_a_policy_nobody_is_named_making_is_no_event(lang: str, sentence: str) -> None:
    assert policies(lang, sentence) == []


# A policy with a party abroad stays with that party, whoever makes it.
ABROAD = [
    (
        "ru",
        "Минпромторг утвердил меры поддержки экспортёров из России в Казахстан.",
        "Казахстан",
    ),
    (
        "en",
        "The Ministry of Industry and Trade approved support measures for exporters from "
        "Russia to Kazakhstan.",
        "Kazakhstan",
    ),
]


@pytest.mark.parametrize(("lang", "sentence", "abroad"), ABROAD)
def test_a_policy_with_a_party_abroad_keeps_it(lang: str, sentence: str, abroad: str) -> None:
    found = policies(lang, sentence)
    assert len(found) == 1 and abroad in found[0][1], found


# A policy's own wording that names localizing: the rules are the policy, nobody is invited to
# localize and nobody plans a plant.
LOCALIZING_RULES = [
    ("ru", "Минпромторг ужесточил требования к локализации производства автомобилей России."),
    (
        "en",
        "The Ministry of Industry and Trade tightened localization requirements for Russian "
        "carmakers.",
    ),
    ("zh", "中国商务部提高了汽车企业的本地化生产要求。"),
]


@pytest.mark.parametrize(("lang", "sentence"), LOCALIZING_RULES)
def test_rules_on_localizing_are_a_policy_that_invites_nobody(lang: str, sentence: str) -> None:
    found = page_events(("", sentence), PLACES, ORGANIZATIONS, lang)
    assert [e.type.value for e in found] == [POLICY], found

"""Cooperation events from sentences written for these tests (not the seeds or their gold).

Entity mentions are given by hand, so each test pins one rule of `engines/news/events.py`."""

from __future__ import annotations

from collections.abc import Sequence

from coopex.domain.geography import Place, place_of
from coopex.domain.news import EventType, Mention, MentionKind
from coopex.engines.news.events import read_events
from coopex.reference.event_cues import shipped_event_cues

PLACES = {
    "Нижегородская область": "RU-NIZ",
    "Нижегородской области": "RU-NIZ",
    "Китай": "CN",
    "КНР": "CN",
    "Россия": "RU",
    "Russia": "RU",
    "Казахстан": "KZ",
    "Republic of Bashkortostan": "RU-BA",
    "Bashkortostan": "RU-BA",
    "China": "CN",
    "Vietnam": "VN",
    "Belarus": "BY",
    "Union State": "UNION_STATE",
    "Харбин": "CN-HL",
    "Калужская область": "RU-KLU",
    "Хэнань": "CN-HA",
}
ORGANIZATIONS = (
    "Changan",
    "Sany",
    "ТехноМаш",
    "Harbin Electric",
    "Минский тракторный завод",
    "Торговая палата провинции Хэнань",
    "Zoomlion",
)


def mentions(paragraphs: Sequence[str]) -> list[Mention]:
    """Every known name where it occurs, as the NER adapters would report it."""
    found: list[Mention] = []
    for number, paragraph in enumerate(paragraphs):
        for name in sorted({*PLACES, *ORGANIZATIONS}, key=len, reverse=True):
            start = paragraph.find(name)
            while start >= 0:
                end = start + len(name)
                if not any(m.paragraph == number and m.start <= start < m.end for m in found):
                    kind = MentionKind.LOCATION if name in PLACES else MentionKind.ORGANIZATION
                    found.append(Mention(kind, name, number, start, end))
                start = paragraph.find(name, end)
    return sorted(found, key=lambda m: (m.paragraph, m.start))


def places() -> dict[str, Place | None]:
    return {name: place_of(code) for name, code in PLACES.items()}


def events(
    *paragraphs: str, home: frozenset[str] = frozenset({"RU"})
) -> list[tuple[str, str, str]]:
    found = read_events(
        list(paragraphs), mentions(paragraphs), places(), home, lambda _: (), shipped_event_cues()
    )
    return [(e.type.value, e.initiator, e.counterpart) for e in found]


def test_mission_invitation_and_talks_with_the_region_as_initiator() -> None:
    found = events(
        "Делегация Нижегородской области отправилась в Китай",
        "Губернатор возглавил деловую миссию в Китай. "
        "Он пригласил компанию Changan локализовать производство в регионе. "
        "Также запланированы переговоры с Sany.",
    )
    assert found == [
        ("business_mission", "Нижегородской области", "Китай"),
        ("localization_invitation", "Нижегородской области", "Changan"),
        ("negotiation", "Нижегородской области", "Sany"),
    ]


def test_a_company_named_in_an_earlier_sentence_is_the_party_of_a_pointing_back_sentence() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Губернатор посетил завод Sany. Стороны обсудили локализацию производства этой компании "
        "на площадке технопарка.",
    )
    assert ("localization_invitation", "Нижегородская область", "Sany") in found


def test_talks_covered_by_a_stronger_lead_with_the_same_party_are_not_repeated() -> None:
    found = events(
        "Нижегородская область",
        "Переговоры с Changan продолжатся. Области предложат Changan разместить производство.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "Changan")]


def test_a_similar_offer_repeats_the_previous_event_type_with_a_new_party() -> None:
    found = events(
        "Нижегородская область",
        "Губернатор предложил Changan локализовать сборку. Схожее предложение получит и Sany.",
    )
    assert [f[0] for f in found] == ["localization_invitation", "localization_invitation"]
    assert [f[2] for f in found] == ["Changan", "Sany"]


def test_a_company_planning_its_own_localization_is_a_plan_not_an_invitation() -> None:
    found = events("Нижегородская область", "Компания Changan планирует локализовать производство.")
    assert found == [("localization_plan", "Нижегородская область", "Changan")]


def test_forum_counterpart_is_a_place_not_on_the_initiators_side() -> None:
    found = events(
        "Bashkortostan and Vietnam",
        "The Republic of Bashkortostan will hold a business forum with partners from Vietnam.",
    )
    assert found == [("forum", "Bashkortostan", "Vietnam")]


def test_press_conferences_and_counted_agreements_are_not_leads() -> None:
    assert events("Russia and China", "The minister spoke at a press conference about China.") == []
    assert events("Russia and China", "Around 15 agreements will be signed with China.") == []


def test_an_agreement_with_no_party_in_its_sentence_goes_to_the_documents_counterpart() -> None:
    found = events(
        "Belarus and Russia to cooperate",
        "Russia and Belarus discussed industry. Last year we signed an agreement on machine tools.",
    )
    assert ("agreement", "Russia", "Belarus") in found


def test_a_union_the_initiator_belongs_to_is_its_own_side() -> None:
    found = events(
        "Russia and Belarus",
        "The Union State approved a common industrial policy for Belarus and Russia.",
    )
    assert found == [("policy", "Russia", "Belarus")]


def test_a_partner_search_is_initiated_by_the_searching_company_and_not_at_its_own_place() -> None:
    found = events(
        "Нижегородская область и Казахстан",
        "«Мы ищем партнёров по литью», — сказал директор ТехноМаш (Нижегородская область).",
    )
    assert found == [("partner_search", "ТехноМаш", "Казахстан")]


def test_another_home_country_makes_the_other_side_the_initiator() -> None:
    found = events(
        "Belarus and China",
        "Minsk hosted a round table with companies from China.",
        home=frozenset({"BY"}),
    )
    assert found == [("forum", "Belarus", "China")]


def test_trade_figures_come_from_turnover_wording() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Товарооборот между Нижегородской областью и Китаем вырос на 20%.",
    )
    assert found == [("trade_figure", "Нижегородская область", "Китай")]


def test_no_triggers_no_events() -> None:
    assert events("Нижегородская область", "Погода в регионе будет тёплой.") == []
    assert events() == []


def test_every_event_has_a_type_of_the_closed_set_and_its_sentence_as_evidence() -> None:
    paragraphs = ["Нижегородская область и Китай", "Переговоры с Sany прошли в Харбине."]
    found = read_events(
        paragraphs,
        mentions(paragraphs),
        places(),
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
    )
    assert found and all(isinstance(e.type, EventType) for e in found)
    assert all(e.evidence in paragraphs[1] for e in found)


def test_a_region_and_its_country_are_one_party() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Делегация отправилась с деловой миссией в Харбин. Деловая миссия в Китай продлится "
        "неделю.",
    )
    assert found == [("business_mission", "Нижегородская область", "Харбин")]


def test_talks_with_a_place_stay_a_lead_beside_an_organisation_named_after_it() -> None:
    found = events(
        "Калужская область и Хэнань",
        "Губернатор встретился с делегацией провинции Хэнань. "
        "Торговая палата провинции Хэнань подписала соглашение с регионом.",
    )
    assert found == [
        ("negotiation", "Калужская область", "Хэнань"),
        ("agreement", "Калужская область", "Торговая палата провинции Хэнань"),
    ]


def test_an_investment_sentence_belongs_to_the_company_just_named() -> None:
    found = events(
        "Калужская область и Хэнань",
        "Компания Zoomlion подписала соглашение с регионом. "
        "В проект будет инвестировано 3 млрд рублей.",
    )
    assert found == [
        ("agreement", "Калужская область", "Zoomlion"),
        ("investment", "Калужская область", "Zoomlion"),
    ]


def test_the_investment_in_a_companys_plant_is_part_of_its_localization_plan() -> None:
    found = events(
        "Калужская область и Хэнань",
        "Компания Zoomlion планирует открыть в регионе производство техники. "
        "В проект будет инвестировано 3 млрд рублей.",
    )
    assert found == [("localization_plan", "Калужская область", "Zoomlion")]


def test_a_partner_search_is_never_addressed_to_the_searcher_itself() -> None:
    found = events("Калужская область", "Предприятия Калужской области ищут партнёров.")
    assert all(initiator != counterpart for _, initiator, counterpart in found)
    assert ("partner_search", "Калужская область", "Калужская область") not in found


def test_talks_reported_with_an_invitation_to_the_same_party_are_that_invitation() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Цель визита — переговоры и приглашение китайскому бизнесу локализовать производство.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "Китай")]

"""A checklist of how Russian news tells localization — a region inviting firms to invest or to
produce on its territory (`localization_invitation`), a firm's own plant (`localization_plan`),
money pledged (`investment`) — in sentences written for this test (not taken from the pages).
The annotation guideline: a region offering foreign business to invest in it invites, whatever
verb of investing follows; parties agreeing to carry out a project of building a plant in the
region tell that plant, not an investment nor an agreement; an investment agreement stays an
investment; a road show told with no party abroad invites nobody named — not a town at home the
gazetteer does not know. And sentences with the same words that must not give the event."""

from __future__ import annotations

import re

import pytest

from tests.engines.event_checklists import amounts_measured, known_miss, page_events

PLACES = {
    "Тверской области": "RU-TVE",
    "Тверская область": "RU-TVE",
    "Тверскую область": "RU-TVE",
    "Тверской областью": "RU-TVE",
    "Псковской области": "RU-PSK",
    "Псковская область": "RU-PSK",
    "Костромской области": "RU-KOS",
    "Токио": "JP",
    "Японии": "JP",
    "Индии": "IN",
    "Вьетнама": "VN",
    "Турции": "TR",
    "Белоруссии": "BY",
}
# A place as its code, so that any case of its name, or a country named by its adjective
# ("индийским компаниям": Индия), is the party.
CODES = {**PLACES, "Индия": "IN", "Япония": "JP", "Турция": "TR", "Вьетнам": "VN"}
# Places the gazetteer does not know: a town at home.
UNKNOWN = ("Кимры", "Торопец")
ORGANIZATIONS = (
    "Sun Pharma",
    "Hitachi",
    "Ozka Lastik",
    "Полесье-Лён",
    "Стеклопак",
    "ЗАО «Псковский завод механических приводов»",
)
INVITE = "localization_invitation"
PLAN = "localization_plan"


def events(*paragraphs: str) -> list[tuple[str, str]]:
    named = {
        name: code
        for name, code in PLACES.items()
        if any(re.search(rf"(?<!\w){name}(?!\w)", p) for p in paragraphs)
    }
    unknown = [n for n in UNKNOWN if any(n in p for p in paragraphs)]
    found = page_events(
        ("Экономика", *paragraphs), named, ORGANIZATIONS, "ru", amounts_measured, unknown
    )
    return [(e.type.value, CODES.get(e.counterpart, e.counterpart)) for e in found]


def _row(paragraphs: str | tuple[str, ...]) -> tuple[str, ...]:
    return (paragraphs,) if isinstance(paragraphs, str) else paragraphs


# A region's head offering or inviting foreign business to invest: an invitation of that
# business's country, no investment of its own.
OFFERED_TO_INVEST = [
    (
        "Губернатор Тверской области предложил индийским компаниям инвестировать в экономику"
        " региона.",
        "IN",
    ),
    (
        "Глава Псковской области предложил японскому бизнесу вкладывать средства в"
        " промышленные парки региона.",
        "JP",
    ),
    (
        "На встрече с послом Вьетнама губернатор Костромской области предлагал вьетнамским"
        " предпринимателям вложить средства в переработку леса.",
        "VN",
    ),
    (
        "Губернатор Тверской области пригласил турецких инвесторов вкладывать средства в"
        " экономику региона.",
        "TR",
    ),
    (
        "Губернатор Тверской области призвал индийских предпринимателей инвестировать в регион.",
        "IN",
    ),
]

# The firm offers or pledges to invest itself: no invitation.
FIRM_INVESTS = [
    "Индийская компания Sun Pharma предложила инвестировать в завод в Тверской области 2 млрд"
    " рублей.",
    "Японская компания Hitachi инвестирует в Тверскую область 3 млрд рублей.",
    "Компания Hitachi готова вложить в проект в Тверской области 3 млрд рублей.",
]

# Parties agreeing to carry out a project of building a plant in the region: the plant, with
# the other side the page names; no investment, no agreement beside it.
AGREED_PLANT = [
    (
        "Губернатор Тверской области выступил на деловой конференции в Токио.",
        "В тот же день губернатор встретился с несколькими японскими предпринимателями.",
        "Стороны договорились о реализации инвестиционного проекта по строительству в Тверской"
        " области завода по выпуску стекла.",
    ),
    (
        "Делегация Псковской области побывала в Белоруссии.",
        "Компания «Полесье-Лён» и власти региона договорились о создании в Псковской области"
        " предприятия по переработке льна.",
    ),
    (
        "Турецкий холдинг Ozka Lastik и власти Тверской области договорились о размещении на"
        " территории региона производства шин.",
    ),
]

# An investment agreement, a document signed: still an investment.
INVESTMENT_DOCUMENT = [
    "Компания Hitachi подписала договор об инвестициях в Тверскую область на 3 млрд рублей.",
    "Правительство Тверской области и компания Hitachi заключили соглашение об инвестировании"
    " в строительство логистического центра.",
]

# Building in the region, but nothing produced: no plant.
NO_PLANT = [
    "Строительство в Тверской области новых школ и детских садов продолжится в этом году.",
    "Размещение в Псковской области туристов из Белоруссии обсудили на совещании.",
    "Строительство в Тверской области дороги к новому заводу завершится летом.",
]

# A road show told by a region's official with no party abroad named, the page's other place a
# town at home the gazetteer does not know: no invitation of that town; the plant it names stays.
ROAD_SHOW_NOBODY = [
    (
        "Губернатор Тверской области рассказал о работе с иностранными инвесторами.",
        "«В этом году мы провели роуд-шоу, посетив несколько стран», — сказал губернатор.",
        "Среди новых предприятий он назвал завод «Стеклопак», который начал работу в Кимры.",
    ),
    (
        "В Псковской области работают 40 заводов иностранных компаний.",
        "«Мы провели роуд-шоу и сейчас привлекаем новых инвесторов», — рассказал вице-губернатор.",
        "Новое производство открылось в Торопец.",
    ),
]

# A road show with the country it goes to named: the invitation of that country.
ROAD_SHOW_ABROAD = [
    ("Тверская область провела роуд-шоу в Японии.", "JP"),
    (
        "Делегация Псковской области побывала в Индии.",
        "«Мы провели роуд-шоу для местных инвесторов», — рассказал вице-губернатор.",
        "IN",
    ),
]


@pytest.mark.parametrize(("sentence", "party"), OFFERED_TO_INVEST)
def test_a_region_offering_business_to_invest_invites(sentence: str, party: str) -> None:
    found = events(sentence)
    assert (INVITE, party) in found, found
    assert "investment" not in [kind for kind, _ in found], found


@pytest.mark.parametrize("sentence", FIRM_INVESTS)
def test_a_firm_offering_to_invest_is_invited_by_nobody(sentence: str) -> None:
    found = events(sentence)
    assert INVITE not in [kind for kind, _ in found], found
    assert found, found


@pytest.mark.parametrize("paragraphs", AGREED_PLANT)
def test_agreeing_to_build_a_plant_in_the_region_is_the_plan(paragraphs: tuple[str, ...]) -> None:
    found = events(*paragraphs)
    kinds = [kind for kind, _ in found]
    assert PLAN in kinds or INVITE in kinds, found
    assert "investment" not in kinds and "agreement" not in kinds, found


@pytest.mark.parametrize("sentence", INVESTMENT_DOCUMENT)
def test_an_investment_document_stays_an_investment(sentence: str) -> None:
    assert "investment" in [kind for kind, _ in events(sentence)]


@pytest.mark.parametrize("sentence", NO_PLANT)
def test_building_what_produces_nothing_is_no_plant(sentence: str) -> None:
    assert PLAN not in [kind for kind, _ in events(sentence)]


@pytest.mark.parametrize("paragraphs", ROAD_SHOW_NOBODY)
def test_a_road_show_with_nobody_named_invites_no_town_at_home(
    paragraphs: tuple[str, ...],
) -> None:
    found = events(*paragraphs)
    assert not [(k, p) for k, p in found if k == INVITE], found
    assert [k for k, _ in found if k == PLAN], found


@pytest.mark.parametrize("row", ROAD_SHOW_ABROAD)
def test_a_road_show_abroad_invites_that_country(row: tuple[str, ...]) -> None:
    *paragraphs, party = row
    assert (INVITE, party) in events(*paragraphs)


# The state's support of localization told as a statement: a policy, not an invitation of the
# audience it is told to.
STATE_SUPPORT = [
    pytest.param(
        (
            "Заместитель министра выступил на конференции Японской торговой палаты в Тверской"
            " области.",
            "Государство поддерживает локализацию производства иностранных компаний, заявил он.",
        ),
        marks=known_miss("localizing production supported by the state reads as an invitation"),
    ),
]


@pytest.mark.parametrize("paragraphs", STATE_SUPPORT)
def test_the_states_support_of_localization_is_policy(paragraphs: tuple[str, ...]) -> None:
    found = events(*paragraphs)
    assert "policy" in [kind for kind, _ in found], found
    assert INVITE not in [kind for kind, _ in found], found


# Support measures told during a region's investment presentation: part of its invitation, no
# policy of their own; the region's own plant that tells them is not invited.
PRESENTED_SUPPORT = [
    (
        "Псковская область провела презентацию инвестиционного потенциала в посольстве Индии.",
        "Во время презентации директор ЗАО «Псковский завод механических приводов» рассказал"
        " индийским бизнесменам о мерах поддержки со стороны региональных властей.",
    ),
]

# Support measures adopted, no presentation: a policy.
SUPPORT_ADOPTED = [
    "Правительство Псковской области утвердило меры поддержки инвесторов из Индии.",
]


@pytest.mark.parametrize("paragraphs", PRESENTED_SUPPORT)
def test_support_told_at_a_presentation_is_its_invitation(paragraphs: tuple[str, ...]) -> None:
    found = events(*paragraphs)
    assert found == [(INVITE, "IN")], found


@pytest.mark.parametrize("sentence", SUPPORT_ADOPTED)
def test_support_adopted_is_policy(sentence: str) -> None:
    assert "policy" in [kind for kind, _ in events(sentence)]


# Localizing discussed by «the sides» of the talks just told: the talks' firm is invited, the
# talks are that invitation (the guideline's talks about localizing).
SIDES_DISCUSSED = [
    (
        "Губернатор Тверской области провёл переговоры с руководством компании Hitachi.",
        "Стороны обсудили возможность локализации производства на территории региона.",
    ),
    (
        "Губернатор Тверской области провёл переговоры с руководством компании Hitachi. Стороны"
        " обсудили возможность размещения производства в Тверской области.",
    ),
    # the sides of a document signed further back, a plant's figures told between
    (
        "Компания Hitachi из Японии подписала соглашение с Тверской областью о строительстве"
        " завода.",
        "Объём инвестиций составит 5 млрд рублей. Предприятие создаст 300 рабочих мест.",
        "Также стороны обсудили возможность локализации производства комплектующих.",
    ),
]


@pytest.mark.parametrize("paragraphs", SIDES_DISCUSSED)
def test_localizing_the_sides_of_talks_discussed_invites_their_firm(
    paragraphs: tuple[str, ...],
) -> None:
    found = events(*paragraphs)
    assert (INVITE, "Hitachi") in found, found
    assert (INVITE, "RU-TVE") not in found
    assert (INVITE, "JP") not in found


def test_a_side_named_by_its_country_is_no_sides_of_the_talks() -> None:
    """«турецкой стороны»: the Turkish side, not «the sides» of what was told before."""
    found = events(
        "В Кимрах компания Стеклопак запустит производство.",
        "Губернатор Тверской области пообещал поддержать любые проекты турецкой стороны.",
    )
    assert (INVITE, "TR") in found, found


@pytest.mark.parametrize(
    ("paragraphs", "party"),
    [
        (  # the sides talk of localizing a firm's production: the firm is invited
            (
                "Делегация Вьетнама посетила Тверскую область.",
                "Стороны обсудили возможность локализации производства автокомпонентов компании"
                " Hitachi на территории региона.",
            ),
            "Hitachi",
        ),
        (  # what the sides talk over is no party of their own
            (
                "Делегация Вьетнама посетила Тверскую область.",
                "Кроме того, стороны обсудили поставки на предприятия компании Hitachi.",
            ),
            None,
        ),
    ],
)
def test_the_firm_whose_production_the_sides_talk_of_localizing_is_invited(
    paragraphs: tuple[str, ...], party: str | None
) -> None:
    found = events(*paragraphs)
    parties = [c for k, c in found if k in (INVITE, "negotiation")]
    assert (party in parties) if party else ("Hitachi" not in parties), found

"""A checklist of who an invitation is with when its inviter is named: the organisation before
an inviting verb in the singular («Минпромторг пригласил …», "Alabuga invites …") invites, so
the invitation is with the firms or the country invited, never with the inviter; support a
region's government promises a firm's production («окажет поддержку компании X в создании
производства») courts that firm, as the guideline reads a region courting King Long. A plural
verb may follow its object («Компанию Haier пригласили …»), and a firm governed by "with"
(«С компанией King Long планируются переговоры …», a seed's) is the other party: both stay
invited.
Sentences written for this test, not taken from the pages; the whole event reader runs on each,
the names given as mentions."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import page_events

PLACES = {
    "Тульской области": "RU-TUL",
    "Тульскую область": "RU-TUL",
    "Татарстана": "RU-TA",
    "Татарстане": "RU-TA",
    "Липецкой области": "RU-LIP",
    "Китая": "CN",
    "Tula Region": "RU-TUL",
    "Tatarstan": "RU-TA",
}
ORGANIZATIONS = ("Минпромторг", "Haier", "Ministry of Industry", "Alabuga")
TITLE = {"ru": "Новости промышленности", "en": "Industry news"}


def invited(lang: str, sentence: str) -> list[str]:
    found = page_events((TITLE[lang], sentence), PLACES, ORGANIZATIONS, lang)
    return [e.counterpart for e in found if e.type.value == "localization_invitation"]


def parties(lang: str, sentence: str) -> list[str]:
    found = page_events((TITLE[lang], sentence), PLACES, ORGANIZATIONS, lang)
    return [name for e in found for name in (e.initiator, e.counterpart)]


# (language, sentence, the party invited)
INVITED = [
    ("ru", "Минпромторг пригласил инвесторов из Китая в Тульскую область.", "Китая"),
    (
        "ru",
        "Минпромторг поддержит создание производства компрессоров компании Haier в Тульской"
        " области.",
        "Haier",
    ),
    (
        "ru",
        "Правительство Татарстана окажет поддержку компании Haier в создании производства.",
        "Haier",
    ),
    ("ru", "Власти Липецкой области поддержат строительство завода Haier.", "Haier"),
    ("ru", "Компанию Haier пригласили разместить производство в Тульской области.", "Haier"),
    ("en", "Alabuga invites Haier to build a plant in Tatarstan.", "Haier"),
]


@pytest.mark.parametrize(("lang", "sentence", "party"), INVITED)
def test_the_invitation_is_with_the_invited(lang: str, sentence: str, party: str) -> None:
    assert party in invited(lang, sentence)


# (language, sentence, the inviter, who is no party of any event)
INVITER_ONLY = [
    ("ru", "Минпромторг пригласил инвесторов в Тульскую область.", "Минпромторг"),
    (
        "ru",
        "Минпромторг поддержит создание производства компрессоров в Тульской области.",
        "Минпромторг",
    ),
    ("en", "The Ministry of Industry invites investors to Tula Region.", "Ministry of Industry"),
]


@pytest.mark.parametrize(("lang", "sentence", "inviter"), INVITER_ONLY)
def test_an_inviter_with_nobody_invited_is_no_party(lang: str, sentence: str, inviter: str) -> None:
    assert inviter not in parties(lang, sentence)


@pytest.mark.parametrize(
    ("paragraphs", "party"),
    [
        (  # a city abroad the gazetteer knows only by its country's code, named first
            (
                "Tatarstan invites Indian auto component makers",
                "A delegation of Tatarstan met manufacturers in New Delhi on Friday.",
                "Tatarstan has invited Indian manufacturers to set up production in the region.",
                "Trade between India and Tatarstan rose by 40%.",
            ),
            "India",
        ),
        (  # with no country's own name on the page, the city stays the party
            (
                "Tatarstan courts investors",
                "A delegation of Tatarstan met manufacturers in New Delhi on Friday.",
                "Tatarstan has invited the manufacturers to set up production in the region.",
            ),
            "New Delhi",
        ),
    ],
)
def test_the_country_of_a_city_abroad_is_invited_by_its_own_name(
    paragraphs: tuple[str, ...], party: str
) -> None:
    places = {"Tatarstan": "RU-TA", "New Delhi": "IN", "India": "IN"}
    found = page_events(paragraphs, places, (), "en")
    assert [e.counterpart for e in found if e.type.value == "localization_invitation"] == [party]


def test_the_storys_own_firms_invited_abroad_by_their_countrys_adjective_are_invited() -> None:
    """A host abroad courting the story's own country's firms: they are the invited party, as
    a Chinese page's 欢迎俄罗斯企业来黑龙江投资 (told from Russia) has it."""
    places = {"Нижегородская область": "RU-NIZ", "Вьетнама": "VN", "Вьетнаме": "VN"}
    found = page_events(
        (
            "Нижегородская область и Вьетнам",
            "Заместитель министра промышленности Вьетнама призвал российские компании"
            " локализовать производство во Вьетнаме.",
        ),
        places,
        (),
        "ru",
    )
    assert [e.counterpart for e in found if e.type.value == "localization_invitation"] == ["Россия"]

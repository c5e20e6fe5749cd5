"""A checklist of how Russian news tells a delegation's trip and an invitation to localize,
with the party each event is with, in sentences written for this test (not taken from the
pages). The guideline: who travels starts a business mission, the place visited is its
counterpart; a visit received is the visitor's, the host its counterpart; talks with a company
or a province about localizing its production on the region's territory invite it."""

from __future__ import annotations

import pytest

from tests.engines.test_event_precision_ru import events

MISSION = "business_mission"
INVITATION = "localization_invitation"

TOLD = [
    # a trip abroad: the place visited is the counterpart
    ("Делегация Нижегородской области прибыла в Харбин с рабочим визитом.", MISSION, "Харбин"),
    ("Губернатор Нижегородской области находится с визитом в Китае.", MISSION, "Китае"),
    ("Делегация Нижегородской области побывала в Казахстане.", MISSION, "Казахстане"),
    ("Представители Нижегородской области в составе делегации посетили Харбин.", MISSION, "Харбин"),
    ("Нижегородская область организовала бизнес-миссию в Казахстан.", MISSION, "Казахстан"),
    (
        "Предприятия Нижегородской области приняли участие в деловой миссии в Китай.",
        MISSION,
        "Китай",
    ),
    (
        "Экспортеры Нижегородской области отправились с выездной миссией во Вьетнам.",
        MISSION,
        "Вьетнам",
    ),
    ("Состоялся визит делегации Нижегородской области в Казахстан.", MISSION, "Казахстан"),
    ("Нижегородская область направила делегацию в Казахстан.", MISSION, "Казахстан"),
    ("Делегация Нижегородской области отправится в Китай на следующей неделе.", MISSION, "Китай"),
    ("Глава Нижегородской области прибыл в Харбин, где проведет ряд встреч.", MISSION, "Харбин"),
    (
        "Из Нижегородской области во Вьетнам выехали представители шести предприятий.",
        MISSION,
        "Вьетнам",
    ),
    ("В Казахстан отправились предприниматели Нижегородской области.", MISSION, "Казахстан"),
    ("Предприниматели Нижегородской области выезжают в Казахстан.", MISSION, "Казахстан"),
    (
        "Представители бизнеса Нижегородской области совершили поездку во Вьетнам.",
        MISSION,
        "Вьетнам",
    ),
    ("Делегация Нижегородской области нанесла визит в Харбин.", MISSION, "Харбин"),
    # a visit received: the visitor starts it, the host is its counterpart
    (
        "Нижегородскую область посетила делегация провинции Хэнань.",
        MISSION,
        "Нижегородскую область",
    ),
    (
        "Делегация провинции Хэнань находится с визитом в Нижегородской области.",
        MISSION,
        "Нижегородской области",
    ),
    ("В Нижегородскую область прибыла делегация из Вьетнама.", MISSION, "Нижегородскую область"),
    ("Губернатор Нижегородской области принял делегацию из Китая.", MISSION, "Нижегородской"),
    (
        "Делегация провинции Хэнань нанесла ответный визит в Нижегородскую область.",
        MISSION,
        "Нижегородскую область",
    ),
    (
        "Делегация провинции Хэнань посетила Нижегородскую область по приглашению губернатора.",
        MISSION,
        "Нижегородскую область",
    ),
    # a visit to the story's own place: the visitor the sentence names starts it
    (
        "«Мы высоко ценим нашу дружбу», — сказал во время визита в Нижегородскую область"
        " вице-губернатор провинции Хэнань.",
        MISSION,
        "Нижегородскую область",
    ),
    (
        "В ходе визита в Нижегородскую область представители Вьетнама посетили завод.",
        MISSION,
        "Нижегородскую область",
    ),
    # a visit abroad stays the story's own
    (
        "В ходе визита в Харбин делегация Нижегородской области посетила предприятия.",
        MISSION,
        "Харбин",
    ),
    (
        "Губернатор Нижегородской области во время поездки в Казахстан встретился с акимом.",
        MISSION,
        "Казахстан",
    ),
    # invitations to localize: the firm or place invited is the counterpart
    (
        "Губернатор Нижегородской области пригласил Changan разместить производство в регионе.",
        INVITATION,
        "Changan",
    ),
    (
        "Нижегородская область предложила Changan локализовать производство автомобилей.",
        INVITATION,
        "Changan",
    ),
    (
        "Changan предложили рассмотреть возможность размещения производства в Нижегородской"
        " области.",
        INVITATION,
        "Changan",
    ),
    (
        "Губернатор Нижегородской области обсудил с Changan возможность локализации производства"
        " в регионе.",
        INVITATION,
        "Changan",
    ),
    (
        "Нижегородская область презентовала инвестиционный потенциал делегации Хэнань.",
        INVITATION,
        "Хэнань",
    ),
    ("Нижегородская область приглашает инвесторов из Китая.", INVITATION, "Китая"),
    (
        "Нижегородская область предложила компании Changan площадки для строительства завода.",
        INVITATION,
        "Changan",
    ),
    (
        "На встрече с Changan стороны обсудили локализацию производства в Нижегородской области.",
        INVITATION,
        "Changan",
    ),
    (
        "Губернатор Нижегородской области провел переговоры с Changan о создании производства в"
        " регионе.",
        INVITATION,
        "Changan",
    ),
    (
        "Нижегородская область готова предоставить Changan площадку для производства.",
        INVITATION,
        "Changan",
    ),
    (
        "Нижегородская область готова принять производство Changan на своей территории.",
        INVITATION,
        "Changan",
    ),
    ("Нижегородская область представила Changan свои индустриальные парки.", INVITATION, "Changan"),
    (
        "Губернатор Нижегородской области провел переговоры с Changan о локализации.",
        INVITATION,
        "Changan",
    ),
    (
        "Нижегородская область ищет инвесторов в Китае для создания производства.",
        INVITATION,
        "Китае",
    ),
]


@pytest.mark.parametrize(("sentence", "kind", "counterpart"), TOLD)
def test_the_trip_or_invitation_is_read_with_its_party(
    sentence: str, kind: str, counterpart: str
) -> None:
    found = events(sentence)
    assert any(t == kind and counterpart in c for t, _, c in found), found


NOT_A_TRIP = [
    # a meeting at an embassy in the country is no trip there
    "На встречу в посольство Вьетнама в Казахстане приехали представители компаний.",
    "Нижегородская область выехала на первое место в рейтинге.",
    # a call paid on a person is a meeting, not a trip
    "Генеральный консул Китая нанес визит губернатору Нижегородской области.",
    "Генеральный консул Китая нанес визит вежливости главе Нижегородской области.",
    # a visit somebody is invited to make is not made
    "Губернатор Нижегородской области пригласил делегацию Хэнань посетить регион.",
]


@pytest.mark.parametrize("sentence", NOT_A_TRIP)
def test_a_sentence_with_no_trip_gives_no_mission(sentence: str) -> None:
    assert not any(t == MISSION for t, _, _ in events(sentence))

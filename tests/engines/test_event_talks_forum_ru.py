"""A checklist of Russian sentences that use the words of talks, meetings and forums but report
no negotiation or forum of their own (the annotation guideline: a meeting that is only the
occasion of someone's statement is no separate negotiation; a forum is one the page reports as
held or attended, with its party — not the place where something else happened, a title, the
next edition, or a recap), beside near-identical sentences that do report one. Written for
this test, not taken from the pages; the whole event reader runs on each sentence."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import known_miss, page_events
from tests.engines.test_event_precision_ru import ORGANIZATIONS, PLACES, TITLE, events

F, TALKS = "forum", "negotiation"


NO_TALKS = [
    # a meeting as the occasion of a statement
    "Об этом губернатор Нижегородской области сообщил на встрече с послом Китая.",
    "Как отметил министр на переговорах с Changan, область открыта для бизнеса.",
    "Губернатор заявил в ходе встречи с делегацией Хэнань, что регион ждёт инвесторов.",
    "Встречаясь с делегацией Хэнань, губернатор подчеркнул, что регион ждёт инвесторов.",
    "На встрече с губернатором посол Китая выразил надежду на расширение сотрудничества.",
    "На встрече с послом Вьетнама губернатор пояснил, что регион готов поставлять технику.",
    # talks that are the frame or the occasion of the event the sentence tells
    "В ходе переговоров Нижегородская область и Changan подписали меморандум.",
    "По итогам встречи с Changan Нижегородская область подписала соглашение.",
    # talks about a policy: the policy is the fact
    "Правительство продолжает диалог с бизнесом о мерах поддержки экспортёров.",
    "Минпромторг обсуждает с производителями новые требования к локализации.",
    # the word of talks naming no talks: a venue, a process, a position
    "Переговорная площадка для бизнеса Китая откроется в Нижегородской области.",
    "Переговорный процесс по соглашению о свободной торговле с Вьетнамом продолжается.",
    "Переговорные позиции Китая и Вьетнама по тарифам пока расходятся.",
    # people attending an occasion: no talks between them
    "В мероприятии приняли участие губернатор Нижегородской области и посол Китая.",
    "В церемонии открытия приняли участие министр промышленности и делегация Хэнань.",
    # the home side's own meeting
    pytest.param(
        "На аппаратном совещании губернатор обсудил с главами районов поставки в Казахстан.",
        marks=known_miss("«совещание» as the home side's meeting lowered dev reporting ru"),
    ),
    "На заседании правительства области обсудили с министрами поставки в Китай.",
    # background and what a place is for
    "Переговоры с Хэнань начались ещё в 2019 году.",
    "Ранее губернатор уже встречался с руководством Changan.",
    "Россия и Китай ведут переговоры о снижении тарифов уже несколько лет.",
    "Форум станет площадкой для диалога с партнёрами из Китая.",
]

NO_FORUM = [
    # a forum as the occasion of a statement
    "Об этом заявил министр на пленарной сессии форума в Харбине.",
    "Об этом губернатор рассказал журналистам на полях форума в Харбине.",
    "Как заявил министр в ходе выступления на форуме в Харбине, торговля с Китаем растёт.",
    "Как сообщил министр на конференции в Харбине, Китай остаётся главным партнёром.",
    # a forum as the venue of a signing or of talks ("on its sidelines")
    "На полях форума в Харбине Нижегородская область и Changan подписали соглашение.",
    "На полях форума Нижегородская область подписала соглашение с Хэнань.",
    "На полях ярмарки в Харбине губернатор провёл переговоры с Changan.",
    # the next edition, not the one reported
    "Следующий форум пройдёт в Казахстане в 2027 году.",
    "Следующая ярмарка состоится в Харбине через два года.",
    "Стороны договорились провести следующий форум в Нижегородской области.",
    # a forum in a person's title or an office's name
    "Об этом сообщил директор форума в Харбине Ван Лэй.",
    "Председатель оргкомитета форума рассказал о сотрудничестве с Китаем.",
    "Как сообщили в пресс-службе форума, в Харбин приедут гости из Казахстана.",
    # a summit of heads of state, not a gathering of regions and firms
    "Президент России принял участие в саммите ШОС в Казахстане.",
    "Саммит глав государств Китая и Казахстана прошёл в Харбине.",
    # invited to a forum: an invitation, not the forum held
    "Губернатор пригласил посла Вьетнама на форум в Нижегородскую область.",
    "Министр пригласил Changan на ярмарку в Харбине.",
    # recaps and background
    "Напомним, что на форуме в Харбине в прошлом году побывала делегация Казахстана.",
    "Нижегородская область участвует в форуме в Харбине с 2015 года.",
    "Форум в Харбине проводится ежегодно начиная с 2010 года.",
    "На протяжении многих лет Нижегородская область участвует в форуме в Харбине.",
]

A_TALK_OR_FORUM = [
    ("Губернатор Нижегородской области встретился с послом Китая.", TALKS),
    ("Губернатор провёл переговоры с делегацией Хэнань.", TALKS),
    ("Министр провёл переговоры с Changan о поставках техники.", TALKS),
    ("Стороны обсудили возможности расширения сотрудничества с Хэнань.", TALKS),
    ("На полях форума в Харбине губернатор провёл переговоры с Changan.", TALKS),
    ("Губернатор встретился с руководством Changan и обсудил локализацию.", TALKS),
    ("Переговоры губернатора с делегацией Хэнань прошли в Нижегородской области.", TALKS),
    ("Губернатор принял посла Вьетнама.", TALKS),
    ("Глава региона принял делегацию Хэнань в своей резиденции.", TALKS),
    ("На заседании межправкомиссии Хэнань и Нижегородская область обсудили экспорт.", TALKS),
    ("Нижегородская область приняла участие в форуме в Харбине.", F),
    ("В Харбине прошёл форум с участием Нижегородской области.", F),
    ("Нижегородская делегация участвует в форуме в Харбине.", F),
    ("Форум в Харбине откроется 15 мая, в нём примет участие Нижегородская область.", F),
    ("В Нижегородской области стартовал форум с участием делегации Казахстана.", F),
    ("В рамках форума в Харбине Нижегородская область подписала соглашение с Хэнань.", F),
    ("На форуме в Харбине губернатор представил потенциал региона гостям из Китая.", F),
    ("Губернатор выступил на пленарной сессии форума в Харбине.", F),
    ("В Харбине открылся российско-китайский бизнес-саммит с участием Хэнань.", F),
    ("Губернатор пригласил посла Вьетнама, посетившего форум в Харбине.", F),
    ("Очередной форум открылся в Харбине при участии делегации Казахстана.", F),
    ("Организаторами форума в Харбине выступили власти Хэнань.", F),
    ("На следующий день форума в Харбине делегация Казахстана посетила выставку.", F),
]


@pytest.mark.parametrize("sentence", NO_TALKS)
def test_no_talks_of_their_own(sentence: str) -> None:
    assert TALKS not in [k for k, _, _ in events(TITLE, sentence)]


@pytest.mark.parametrize("sentence", NO_FORUM)
def test_no_forum_reported(sentence: str) -> None:
    assert F not in [k for k, _, _ in events(TITLE, sentence)]


@pytest.mark.parametrize(("sentence", "kind"), A_TALK_OR_FORUM)
def test_talks_or_a_forum_reported(sentence: str, kind: str) -> None:
    assert kind in [k for k, _, _ in events(TITLE, sentence)]


def test_talks_with_the_place_a_page_invites_are_the_invitation() -> None:
    found = events(
        TITLE,
        "Губернатор Нижегородской области встретился с послом Китая.",
        "В посольстве Китая состоялась презентация инвестиционного потенциала региона.",
    )
    assert [k for k, _, _ in found] == ["localization_invitation"]


def test_talks_with_another_place_than_the_one_invited_stay() -> None:
    found = events(
        TITLE,
        "Губернатор Нижегородской области встретился с послом Вьетнама.",
        "В посольстве Китая состоялась презентация инвестиционного потенциала региона.",
    )
    assert "negotiation" in [k for k, _, _ in found]


def test_a_page_tells_of_one_forum_the_other_places_attend_it() -> None:
    found = events(
        TITLE,
        "В Харбине открылся форум с участием Нижегородской области.",
        "На форуме также побывали делегации Казахстана и Вьетнама.",
    )
    assert [k for k, _, _ in found] == ["forum"]


def test_a_tour_holds_a_forum_at_each_stop() -> None:
    """A mission to a country with a forum in each of two of its regions: two forums (the
    seeds' reference annotation), while one forum is attended by the other places."""
    found = events(
        "Делегация Нижегородской области посетит Китай.",
        "В Харбине состоится деловой форум, на котором представят экономику Нижегородской области.",
        "Затем в провинции Хэнань пройдёт инвестиционный форум с участием Нижегородской области.",
    )
    assert [(k, c) for k, _, c in found if k == "forum"] == [
        ("forum", "Харбине"),
        ("forum", "Хэнань"),
    ]


@pytest.mark.parametrize(
    ("title", "party"),
    [
        # the other side named only after the forum: a forum at home, the home country's
        ("Нижегородская область на форуме", "RU"),
        # named before it: the forum is with that side
        ("Нижегородская область и Вьетнам", "VN"),
    ],
)
def test_a_forum_naming_no_place_is_with_the_side_named_before_it(title: str, party: str) -> None:
    places = {**PLACES, "России": "RU", "Вьетнамом": "VN"}
    found = page_events(
        (
            title,
            "Делегация Нижегородской области приняла участие в международном экономическом форуме.",
            "Область подписала соглашение с Вьетнамом о поставках техники в обход России.",
        ),
        places,
        ORGANIZATIONS,
        "ru",
    )
    assert [places.get(e.counterpart) for e in found if e.type.value == F] == [party]


def test_a_forum_at_home_with_its_country_unnamed_is_the_countrys() -> None:
    """The guideline's Sochi forum is Russia's, even where the page calls it «Российский»."""
    found = page_events(
        (
            "Итоги инвестиционного форума",
            "На Российском инвестиционном форуме в Сочи Краснодарский край подписал 48"
            " соглашений на общую сумму 210 млрд рублей.",
        ),
        {"Сочи": "RU-KDA", "Краснодарский край": "RU-KDA"},
        (),
        "ru",
    )
    assert [e.counterpart for e in found if e.type.value == "forum"] == ["Россия"]

"""A checklist of the ways Russian news reports a signed agreement, and an investment
commitment or an investment agreement (typed `investment`, as the development set's annotators
do), with the counterpart each names — sentences written for this test, not taken from the
pages. The whole event reader runs on each sentence, the names given as mentions."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import amounts_measured, known_miss, page_events
from tests.engines.test_event_precision_ru import PLACES as PRECISION_PLACES

# The precision checklist's places, with Henan named as a province.
PLACES = {
    **PRECISION_PLACES,
    "провинция Хэнань": "CN-HA",
    "провинцией Хэнань": "CN-HA",
    "провинции Хэнань": "CN-HA",
    "провинцию Хэнань": "CN-HA",
}
ORGANIZATIONS = ("Changan", "Haier", "Sinopec")


def events(*paragraphs: str) -> list[tuple[str, str]]:
    found = page_events(
        paragraphs,
        PLACES,
        ORGANIZATIONS,
        "ru",
        amounts_measured,
    )
    # a place as its code, so that any case of its name is the party
    return [(e.type.value, PLACES.get(e.counterpart, e.counterpart)) for e in found]


TITLE = "Нижегородская область и Китай"
A, MONEY_IN = "agreement", "investment"

SIGNED = [
    # the two parties joined by «и» before the verb
    ("Нижегородская область и Хэнань подписали соглашение о сотрудничестве.", "Хэнань"),
    ("Changan и Нижегородская область подписали договор о сотрудничестве.", "Changan"),
    ("Нижегородская область и Вьетнам подписали дорожную карту сотрудничества.", "Вьетнам"),
    ("Нижегородская область и Хэнань подписали план мероприятий на два года.", "Хэнань"),
    ("Нижегородская область и Казахстан подписали программу сотрудничества.", "Казахстан"),
    (
        "Губернатор Нижегородской области и глава Changan скрепили подписями соглашение.",
        "Changan",
    ),
    ("Нижегородская область и Хэнань заключили меморандум о взаимопонимании.", "Хэнань"),
    # «между X и Y»
    (
        "Между Нижегородской областью и провинцией Хэнань подписано соглашение о торговле.",
        "Хэнань",
    ),
    (
        "Состоялось подписание меморандума между Нижегородской областью и Казахстаном.",
        "Казахстан",
    ),
    (
        "Соглашение между Нижегородской областью и Вьетнамом подписали губернатор и посол.",
        "Вьетнам",
    ),
    (
        "Состоялась церемония подписания соглашения между Нижегородской областью и Changan.",
        "Changan",
    ),
    # the other party after «с»
    ("Было подписано соглашение о сотрудничестве с Changan.", "Changan"),
    ("Нижегородская область подписала с Хэнань меморандум о сотрудничестве.", "Хэнань"),
    ("Губернатор подписал с руководством Changan соглашение о поставках.", "Changan"),
    ("По итогам переговоров был подписан протокол о намерениях с Changan.", "Changan"),
    ("Также заключено соглашение с компанией Haier о поставках бытовой техники.", "Haier"),
    ("Подписан контракт с Sinopec на поставку нефтегазового оборудования.", "Sinopec"),
    # a special investment contract (СПИК) is an agreement with the state, not an investment
    ("Подписан специнвестконтракт с Changan.", "Changan"),
    ("Подписан специальный инвестиционный контракт с Changan.", "Changan"),
    ("На форуме в Харбине Нижегородская область заключила соглашение с Хэнань.", "Хэнань"),
    ("В ходе визита губернатор подписал соглашение с Changan.", "Changan"),
    ("Changan заключила контракт на поставку автомобилей с Нижегородской областью.", "Changan"),
    # passive, participle and noun forms
    ("Меморандум, подписанный Нижегородской областью и Changan, рассчитан на пять лет.", "Changan"),
    ("Документ о сотрудничестве подписали Нижегородская область и Хэнань.", "Хэнань"),
    ("Соглашение с Вьетнамом было подписано в Москве.", "Вьетнам"),
    ("Нижегородская область и Хэнань обменялись подписанными соглашениями.", "Хэнань"),
    # signed during a visit or at talks: the agreement stays beside them
    ("В ходе переговоров губернатор и руководство Changan подписали соглашение.", "Changan"),
    (
        "Во время визита делегации провинции Хэнань в Нижегородскую область стороны подписали"
        " соглашение о сотрудничестве.",
        "Хэнань",
    ),
    (
        "Губернатор встретился с руководством Changan, по итогам встречи стороны подписали"
        " меморандум.",
        "Changan",
    ),
    (
        "Делегация Нижегородской области посетила Хэнань, где был подписан договор о"
        " сотрудничестве.",
        "Хэнань",
    ),
    ("Губернатор провёл переговоры и подписал соглашение с Changan.", "Changan"),
    ("В Харбине губернатор подписал с Changan соглашение о поставках.", "Changan"),
    # the signing as a noun, the visit's or the talks' outcome
    ("Итогом визита стало подписание соглашения с Changan.", "Changan"),
    ("Визит завершился подписанием меморандума с провинцией Хэнань.", "Хэнань"),
    ("Подписание соглашения с Changan состоялось в рамках форума.", "Changan"),
    ("Стороны поставили подписи под соглашением о сотрудничестве с Changan.", "Changan"),
    ("Сегодня Нижегородская область и Хэнань подписывают соглашение о побратимстве.", "Хэнань"),
    ("Соглашение о сотрудничестве заключено между Нижегородской областью и Хэнань.", "Хэнань"),
    # two firms: either is accepted (the guideline), the reader takes the first
    ("Changan и Haier подписали соглашение в присутствии губернатора.", "Changan"),
    ("В присутствии губернатора был подписан меморандум между Changan и Haier.", "Changan"),
    (
        "Губернатор Нижегородской области и председатель Changan подписали соглашение о поставках.",
        "Changan",
    ),
]

LISTED = [
    (
        "В ходе визита были подписаны соглашения с Haier, Changan и Sinopec.",
        {"Haier", "Changan", "Sinopec"},
    ),
    (
        "В ходе визита подписаны три соглашения: с Changan, Haier и Sinopec.",
        {"Haier", "Changan", "Sinopec"},
    ),
    # a series of documents, each with its own party
    (
        "Также были подписаны соглашение о сотрудничестве с Changan, меморандум с Haier и"
        " договор поставки с Sinopec.",
        {"Haier", "Changan", "Sinopec"},
    ),
]

INVESTED = [
    ("Changan и Нижегородская область подписали инвестиционное соглашение.", "Changan"),
    ("Нижегородская область заключила с Changan инвестиционное соглашение.", "Changan"),
    (
        "Нижегородская область и Haier подписали соглашение об инвестициях на 5 млрд рублей.",
        "Haier",
    ),
    ("Changan намерена вложить в экономику Нижегородской области 10 млрд рублей.", "Changan"),
    ("В этом году вложить деньги в Нижегородскую область пообещала компания Changan.", "Changan"),
    ("Changan обязалась инвестировать в Нижегородскую область 3 млрд рублей.", "Changan"),
    ("Haier инвестирует в Нижегородскую область 2 млрд рублей.", "Haier"),
    ("Компания Haier планирует инвестировать в регион около 50 млн долларов.", "Haier"),
    ("Changan вложит 5 млрд рублей в Нижегородскую область.", "Changan"),
    ("Changan готова вложить в Нижегородскую область более 1 млрд рублей.", "Changan"),
    ("Объём инвестиций Changan в проект составит 5 млрд рублей.", "Changan"),
    ("Changan пообещала вложить в регион миллиард рублей.", "Changan"),
    ("Инвестиции Changan в экономику региона составят 100 млн долларов.", "Changan"),
    ("Changan направит на развитие бизнеса в регионе 2 млрд рублей.", "Changan"),
    ("Changan намерена инвестировать в Нижегородскую область.", "Changan"),
    ("Changan объявила об инвестициях в Нижегородскую область на 1 млрд рублей.", "Changan"),
    ("Changan увеличит инвестиции в Нижегородскую область до 1 млрд рублей.", "Changan"),
    ("Сумма инвестиционного соглашения с Changan составляет 3 млрд рублей.", "Changan"),
    ("Нижегородская область и Changan подписали инвестсоглашение.", "Changan"),
    ("Подписан инвестиционный меморандум с Changan.", "Changan"),
    (
        "Нижегородская область и Changan подписали соглашение о реализации инвестпроекта по"
        " созданию логистического центра.",
        "Changan",
    ),
    (
        "Нижегородская область и Changan подписали соглашение о реализации инвестиционного"
        " проекта.",
        "Changan",
    ),
    ("Инвестор из Китая — компания Changan — вложит в регион 2 млрд рублей.", "Changan"),
    pytest.param(
        "Changan продолжит вкладывать средства в экономику Нижегородской области.",
        "Changan",
        marks=known_miss("«вкладывать»: tried, lowered silver held-out ru events 0.582 -> 0.575"),
    ),
    ("Changan примет участие в финансировании проекта.", "Changan"),
    ("Changan направит инвестиции на модернизацию производства.", "Changan"),
]

# Told over two sentences: the first names the event, the second tells it on.
TOLD_ON = [
    (
        (
            "Губернатор Нижегородской области посетил Хэнань",
            "В ходе визита губернатор и"
            " руководство провинции Хэнань подписали соглашение о сотрудничестве.",
        ),
        (A, "Хэнань"),
    ),
    (
        (
            "Губернатор Нижегородской области провёл переговоры с Changan",
            "По итогам переговоров стороны подписали соглашение о сотрудничестве.",
        ),
        (A, "Changan"),
    ),
    (
        (
            "Делегация провинции Хэнань посетила Нижегородскую область",
            "Стороны подписали меморандум о сотрудничестве.",
        ),
        (A, "Хэнань"),
    ),
    (
        (
            "Нижегородская область и Changan подписали соглашение",
            "Губернатор встретился с руководством Changan.",
        ),
        (A, "Changan"),
    ),
    (
        (
            "Changan вложит в Нижегородскую область 5 млрд рублей",
            "Соответствующее соглашение подписано на форуме в Харбине.",
        ),
        (MONEY_IN, "Changan"),
    ),
    (
        (
            "Губернатор Нижегородской области встретился с послом Вьетнама",
            "По итогам встречи подписан меморандум о сотрудничестве.",
        ),
        (A, "Вьетнам"),
    ),
    (
        (
            "Губернатор Нижегородской области посетил Китай",
            "В ходе визита губернатор встретился с губернатором провинции Хэнань.",
            "По итогам встречи стороны подписали соглашение о торговле.",
        ),
        (A, "Хэнань"),
    ),
    (
        (
            "Нижегородская область подписала соглашение с Changan",
            "Компания вложит в регион 3 млрд рублей.",
        ),
        (MONEY_IN, "Changan"),
    ),
    # the talks' outcome
    (
        (
            "Нижегородская делегация в Китае",
            "Губернатор Нижегородской области встретился с губернатором провинции Хэнань.",
            "Итогом встречи стало подписание соглашения о сотрудничестве.",
        ),
        (A, "Хэнань"),
    ),
    (
        (
            "Нижегородская делегация в Китае",
            "Губернатор Нижегородской области провёл переговоры с руководством Changan.",
            "По результатам переговоров подписано соглашение о сотрудничестве.",
        ),
        (A, "Changan"),
    ),
    # the sides of the talks just told sign ("Стороны", "главы регионов")
    (
        (
            "Нижегородская делегация в Китае",
            "Губернатор Нижегородской области провёл переговоры с руководством Changan.",
            "Стороны подписали соглашение о сотрудничестве.",
        ),
        (A, "Changan"),
    ),
    (
        (
            "Нижегородская область и Китай",
            "Губернатор Нижегородской области встретился с губернатором провинции Хэнань.",
            "Главы регионов подписали соглашение о сотрудничестве.",
        ),
        (A, "Хэнань"),
    ),
    # any signing that names nobody, right after talks with a party: tried as that party's, it
    # lowered both the silver set's held-out halves (ru and en events 0.582 -> 0.564, 0.581 ->
    # 0.565) while raising bronze's (0.597 -> 0.601)
    pytest.param(
        (
            "Нижегородская делегация в Китае",
            "Губернатор Нижегородской области провёл переговоры с руководством Changan.",
            "Подписано соглашение о сотрудничестве.",
        ),
        (A, "Changan"),
        marks=known_miss("signing after talks: tried, dropped"),
    ),
]


@pytest.mark.parametrize(("paragraphs", "event"), TOLD_ON)
def test_an_event_told_on_keeps_its_type_and_party(
    paragraphs: tuple[str, ...], event: tuple[str, str]
) -> None:
    kind, party = event
    assert (kind, PLACES.get(party, party)) in events(*paragraphs)


@pytest.mark.parametrize(("sentence", "party"), SIGNED)
def test_a_signed_agreement_is_read_with_its_counterpart(sentence: str, party: str) -> None:
    assert (A, PLACES.get(party, party)) in events(TITLE, sentence)


@pytest.mark.parametrize(("sentence", "parties"), LISTED)
def test_agreements_listed_are_one_each(sentence: str, parties: set[str]) -> None:
    assert parties <= {party for kind, party in events(TITLE, sentence) if kind == A}


@pytest.mark.parametrize(("sentence", "party"), INVESTED)
def test_an_investment_commitment_is_an_investment(sentence: str, party: str) -> None:
    found = events(TITLE, sentence)
    assert (MONEY_IN, PLACES.get(party, party)) in found
    assert (A, PLACES.get(party, party)) not in found


# The document of the investment just told ("соответствующее соглашение", "соглашение об
# этом") is part of the investment, not an agreement of its own.
SIGNED_FOR_IT = [
    (
        "Changan вложит в Нижегородскую область 5 млрд рублей",
        "Соответствующее соглашение подписано на форуме в Харбине.",
    ),
    (
        "Changan инвестирует в Нижегородскую область 2 млрд рублей",
        "Соглашение об этом подписали губернатор и президент компании.",
    ),
]


@pytest.mark.parametrize("paragraphs", SIGNED_FOR_IT)
def test_the_document_of_an_investment_is_the_investment(paragraphs: tuple[str, str]) -> None:
    found = events(*paragraphs)
    assert (MONEY_IN, "Changan") in found
    assert A not in [kind for kind, _ in found]

"""A checklist of pages whose events a merging or dropping rule must leave apart, beside pages
with the same words where the rule still merges or drops: an agreement told back by "the
parties" with an organisation named before, each home region inviting or presenting on its
own at one shared event, a visit told in what somebody said at a forum, a place's money spent
on other things than a plant, and a visit to a city beside a forum held on it that does not name
the city. Written for this
test (not taken from the pages); the whole event reader runs on each page."""

from __future__ import annotations

from tests.engines.event_checklists import page_events

PLACES_EN = {
    "Russia": "RU",
    "Tambov Region": "RU-TAM",
    "Kursk Region": "RU-KRS",
    "Orel Region": "RU-ORL",
    "China": "CN",
    "Vietnam": "VN",
    "Hanoi": "VN-HN",
    "Kazakhstan": "KZ",
    "Jiangsu Province": "CN-JS",
}
ORGANIZATIONS_EN = ("Sinotruk", "Haier", "Zoomlion")

PLACES_RU = {
    "Тамбовская область": "RU-TAM",
    "Тамбовской области": "RU-TAM",
    "Курская область": "RU-KRS",
    "Курской области": "RU-KRS",
    "Китай": "CN",
    "Китая": "CN",
    "Казахстан": "KZ",
    "Казахстане": "KZ",
    "Казахстана": "KZ",
    "Харбин": "CN-HL",
    "Харбине": "CN-HL",
    "Вьетнам": "VN",
    "Ханой": "VN-HN",
    "Ханое": "VN-HN",
}
ORGANIZATIONS_RU = ("Sany", "Weichai")


def en(*paragraphs: str) -> list[tuple[str, str, str]]:
    found = page_events(paragraphs, PLACES_EN, ORGANIZATIONS_EN, "en")
    return [(e.type.value, e.initiator, e.counterpart) for e in found]


def ru(*paragraphs: str) -> list[tuple[str, str, str]]:
    found = page_events(paragraphs, PLACES_RU, ORGANIZATIONS_RU, "ru")
    return [(e.type.value, e.initiator, e.counterpart) for e in found]


def pairs(found: list[tuple[str, str, str]]) -> set[tuple[str, str]]:
    return {(kind, counterpart) for kind, _, counterpart in found}


# An agreement told back by "the parties … with the company" is with the organisation the page
# named before, beside another agreement its sentence names: only a place it was held in is
# "where", not a party.
def test_an_agreement_told_back_stays_beside_another() -> None:
    found = en(
        "Tambov Region signs deals in China",
        "The governor of Tambov Region met the head of Sinotruk in Beijing.",
        "The parties signed a cooperation agreement with the company.",
        "Tambov Region also signed an agreement with Haier.",
    )
    assert {("agreement", "Sinotruk"), ("agreement", "Haier")} <= pairs(found)


def test_an_agreement_told_only_where_it_was_signed_is_the_named_one() -> None:
    found = en(
        "Tambov Region signs deals in China",
        "Tambov Region signed an agreement in Beijing.",
        "Tambov Region signed an agreement with Haier.",
    )
    assert [k for k in pairs(found) if k[0] == "agreement"] == [("agreement", "Haier")]


# Each region of the story's own side that invites the same partner at one event invites on
# its own; one region inviting twice is one invitation.
def test_two_home_regions_each_invite() -> None:
    found = en(
        "Regions of Russia invite China",
        "Representatives of Tambov Region invited companies from China to localize production.",
        "Kursk Region also invited companies from China to localize production in the region.",
    )
    invitations = [(i, c) for k, i, c in found if k == "localization_invitation"]
    assert invitations == [("Tambov Region", "China"), ("Kursk Region", "China")]


def test_one_region_inviting_twice_is_one_invitation() -> None:
    found = en(
        "Regions of Russia invite China",
        "Tambov Region invited companies from China to localize production in its park.",
        "Tambov Region also invited companies from China to localize production at a new site.",
    )
    assert [k for k, _, _ in found].count("localization_invitation") == 1


def test_a_region_inviting_a_second_country_is_still_one_invitation() -> None:
    found = en(
        "Regions of Russia invite China",
        "Tambov Region invited companies from China to localize production in its park.",
        "Tambov Region also invited companies from Vietnam to localize production.",
    )
    assert [k for k, _, _ in found].count("localization_invitation") == 1


# A visit told in what somebody said at a forum is a visit; a delegation attending the forum
# is the forum's.
def test_a_visit_told_in_a_statement_at_a_forum_stays() -> None:
    found = en(
        "Tambov governor in Vietnam",
        "At a business forum yesterday, the governor of Tambov Region stressed that his visit to "
        "Vietnam would open a new chapter.",
    )
    assert {"business_mission", "forum"} <= {k for k, _, _ in found}


def test_a_delegation_attending_a_forum_is_the_forum() -> None:
    found = en(
        "Tambov governor in Vietnam",
        "A delegation of Tambov Region attended the business forum in Hanoi.",
    )
    assert [k for k, _, _ in found] == ["forum"]


# Money of a place that its sentence spends on other things than a plant or a project is an
# investment of its own beside the plant; money for the plant, or a firm's money, is its plan.
def test_money_for_roads_and_schools_is_an_investment_beside_the_plant() -> None:
    found = ru(
        "Тамбовская область и Казахстан",
        "Казахстан построит в Тамбовской области завод удобрений.",
        "Инвесторы из Казахстана вложат 3 млрд рублей в дороги и школы Тамбовской области.",
    )
    assert {k for k, _, _ in found} == {"localization_plan", "investment"}


def test_money_for_the_project_is_the_plan() -> None:
    found = ru(
        "Китай и Тамбовская область",
        "Китай построит в Тамбовской области завод по выпуску тракторов.",
        "Инвесторы из Китая вложат в проект 10 млрд рублей.",
    )
    assert [k for k, _, _ in found] == ["localization_plan"]


def test_a_firms_money_is_its_plan() -> None:
    found = ru(
        "Китай и Тамбовская область",
        "Компания Sany построит в Тамбовской области завод по выпуску тракторов.",
        "Sany вложит в Тамбовскую область 5 млрд рублей.",
    )
    assert [k for k, _, _ in found] == ["localization_plan"]


# A forum told after a visit to a city without naming the city ("с участием предпринимателей
# двух стран") is held on the visit: the visit stays; a forum that names the city visited is
# the visit, as is a forum told before the visit.
def test_a_visit_to_a_city_stays_beside_a_forum_held_on_it() -> None:
    found = ru(
        "Тамбовская делегация в Ханое",
        "Делегация Тамбовской области посетила Ханой.",
        "На бизнес-форуме с участием предпринимателей двух стран обсудили поставки техники.",
    )
    assert {"business_mission", "forum"} <= {k for k, _, _ in found}


def test_a_forum_naming_the_city_visited_is_the_visit() -> None:
    found = ru(
        "Тамбовская делегация в Ханое",
        "Делегация Тамбовской области посетила Ханой.",
        "Бизнес-форум в Ханое собрал 300 компаний.",
    )
    assert "business_mission" not in {k for k, _, _ in found}


def test_a_visit_told_after_its_forum_is_the_forum() -> None:
    found = ru(
        "Тамбовская область во Вьетнаме",
        "В Ханое прошёл бизнес-форум с участием Тамбовской области.",
        "Делегация Тамбовской области также посетила Ханой.",
    )
    assert "business_mission" not in {k for k, _, _ in found}

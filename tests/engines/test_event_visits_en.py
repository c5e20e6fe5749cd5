"""A checklist of how English news tells a visit and what happens during it — a business
mission, and the talks, forums and presentations held on it — with the two sides each event
must be read with, in sentences written for this test (not taken from the pages), and
sentences with the same words that tell no visit (tourists, sport, study, background, an
invitation only). The guideline: who travels starts a business mission, the place visited is
its counterpart; a visit received is the visitor's, the host its counterpart; planned visits
count. The whole event reader runs on each page (a title naming the story's two sides, then the
sentence), the names given as mentions."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import known_miss, page_events

PLACES = {
    "Russia": "RU",
    "Tambov Region": "RU-TAM",
    "Mongolia": "MN",
    "Ulaanbaatar": "MN-1",
    "Tatarstan": "RU-TA",
    "Kazan": "RU-TA",
    "Naberezhnye Chelny": "RU-TA",
    "Iran": "IR",
    "Primorye Krai": "RU-PRI",
    "Vietnam": "VN",
    "Hanoi": "VN-HN",
    "Astrakhan Region": "RU-AST",
    "India": "IN",
    "China": "CN",
    "Beijing": "CN-BJ",
    "Tomsk Region": "RU-TOM",
    "Chuvashia": "RU-CU",
    "Minsk": "BY-HM",
    "Belarus": "BY",
    "Penza Region": "RU-PNZ",
    "Uzbekistan": "UZ",
    "Tashkent": "UZ-TK",
    "Jiangsu Province": "CN-JS",
    "Tula Region": "RU-TUL",
    "Ulyanovsk Region": "RU-ULY",
    "Kaluga Region": "RU-KLU",
    "Turkey": "TR",
    "Istanbul": "TR-34",
    "Samara Region": "RU-SAM",
    "Kazakhstan": "KZ",
    "Almaty": "KZ-75",
    "Bashkortostan": "RU-BA",
    "Chelyabinsk Region": "RU-CHE",
}
ORGANIZATIONS = (
    "Mongolian National Chamber of Commerce",
    "Mostazafan Foundation",
    "KAMAZ",
    "Sany",
    "Vinfast",
    "Alabuga",
)


def events(title: str, *sentences: str) -> list[tuple[str, str, str]]:
    found = page_events([title, *sentences], PLACES, ORGANIZATIONS, "en")
    return [(e.type.value, e.initiator, e.counterpart) for e in found]


M, TALKS, F = "business_mission", "negotiation", "forum"
SHOW, INVITES = "product_presentation", "localization_invitation"

TOLD = [
    # a trip abroad: the home region starts it, the place visited is the counterpart
    (
        "Tomsk Region and Mongolia",
        "The governor of Tomsk Region paid a working visit to Mongolia.",
        (M, "Tomsk Region", "Mongolia"),
    ),
    (
        "Chuvashia and Belarus",
        "The head of Chuvashia arrived in Minsk on a visit.",
        (M, "Chuvashia", "Minsk"),
    ),
    (
        "Kaluga Region and Turkey",
        "The governor of Kaluga Region arrived in Istanbul on a working visit.",
        (M, "Kaluga Region", "Istanbul"),
    ),
    (
        "Penza Region and Uzbekistan",
        "The industry minister of Penza Region led a business delegation to Uzbekistan.",
        (M, "Penza Region", "Uzbekistan"),
    ),
    (
        "Ulyanovsk Region and Uzbekistan",
        "The Ulyanovsk Region delegation arrived in Tashkent on a three-day visit.",
        (M, "Ulyanovsk Region", "Tashkent"),
    ),
    (
        "Samara Region and Kazakhstan",
        "Entrepreneurs from Samara Region are on a working visit to Kazakhstan.",
        (M, "Samara Region", "Kazakhstan"),
    ),
    (
        "Samara Region and Kazakhstan",
        "The Samara Region delegation toured plants in Almaty.",
        (M, "Samara Region", "Almaty"),
    ),
    (
        "Bashkortostan and Vietnam",
        "Bashkortostan's business delegation is currently in Vietnam on a working trip.",
        (M, "Bashkortostan", "Vietnam"),
    ),
    # a visit received, the home region pointed back to by its kind
    (
        "Astrakhan Region and Vietnam",
        "A Vietnamese delegation visited the region last week.",
        (M, "Vietnam", "Astrakhan Region"),
    ),
    (
        "Chelyabinsk Region and Kazakhstan",
        "Representatives of 15 companies from Chelyabinsk Region made a trip to Kazakhstan.",
        (M, "Chelyabinsk Region", "Kazakhstan"),
    ),
    (
        "Tatarstan and China",
        "A delegation of Tatarstan led by the prime minister went to China on a business mission.",
        (M, "Tatarstan", "China"),
    ),
    (
        "Primorye Krai and Vietnam",
        "The governor of Primorye Krai said his first trip to Vietnam, accompanied by more than"
        " 20 companies, would open new markets.",
        (M, "Primorye Krai", "Vietnam"),
    ),
    (
        "Kaluga Region and Turkey",
        "The governor of Kaluga Region flew to Istanbul for talks with investors.",
        (M, "Kaluga Region", "Istanbul"),
    ),
    # planned visits count
    (
        "Kaluga Region and Turkey",
        "Kaluga Region will send a business mission to Turkey in October.",
        (M, "Kaluga Region", "Turkey"),
    ),
    (
        "Penza Region and Uzbekistan",
        "A business mission of Penza Region exporters will travel to Uzbekistan next month.",
        (M, "Penza Region", "Uzbekistan"),
    ),
    (
        "Tomsk Region and Mongolia",
        "Tomsk Region will send a delegation of exporters to Mongolia in June.",
        (M, "Tomsk Region", "Mongolia"),
    ),
    (
        "Chelyabinsk Region and Kazakhstan",
        "The governor of Chelyabinsk Region will pay a visit to Kazakhstan in September.",
        (M, "Chelyabinsk Region", "Kazakhstan"),
    ),
    # a visit received: the visitor starts it, the host is its counterpart
    (
        "Tula Region and Jiangsu Province",
        "A delegation of Jiangsu Province paid a return visit to Tula Region.",
        (M, "Jiangsu Province", "Tula Region"),
    ),
    (
        "Tula Region and Jiangsu Province",
        "The visit of the Jiangsu Province delegation to Tula Region began on Monday.",
        (M, "Jiangsu Province", "Tula Region"),
    ),
    (
        "Tatarstan and India",
        "The Ambassador of India visited the KAMAZ plant in Naberezhnye Chelny.",
        (M, "India", "Naberezhnye Chelny"),
    ),
    (
        "Tatarstan and China",
        "The Consul General of China in Kazan toured the plants of Tatarstan.",
        (M, "China", "Kazan"),
    ),
    # the visitor named mid-sentence, after the visit to the home place
    (
        "Tatarstan and Turkey",
        "During his visit to Tatarstan, the Consul General of Turkey toured the Alabuga"
        " special economic zone.",
        (M, "Turkey", "Tatarstan"),
    ),
    # the visitor called by its country's adjective
    (
        "Astrakhan Region and Iran",
        "The Iranian ambassador paid a working visit to Astrakhan Region.",
        (M, "Iran", "Astrakhan Region"),
    ),
    (
        "Tatarstan and India",
        "The Indian ambassador toured the KAMAZ plant during his visit to Tatarstan.",
        (M, "India", "Tatarstan"),
    ),
    (
        "Bashkortostan and Vietnam",
        "A delegation of Vietnamese businessmen is visiting Bashkortostan this week.",
        (M, "Vietnam", "Bashkortostan"),
    ),
    (
        "Primorye Krai and Vietnam",
        "The Vietnamese delegation visited Primorye Krai.",
        (M, "Vietnam", "Primorye Krai"),
    ),
    (
        "Kaluga Region and Turkey",
        "Turkish businessmen arrived in Kaluga Region on a visit.",
        (M, "Turkey", "Kaluga Region"),
    ),
    (
        "Kaluga Region and Turkey",
        "Turkish investors will visit Kaluga Region in March.",
        (M, "Turkey", "Kaluga Region"),
    ),
    (
        "Kaluga Region and Turkey",
        "The Turkish Embassy's trade counsellor visited Kaluga Region's industrial park.",
        (M, "Turkey", "Kaluga Region"),
    ),
    (
        "Kaluga Region and Turkey",
        "Turkish Ambassador Mehmet Samsar visited plants in Kaluga Region.",
        (M, "Turkey", "Kaluga Region"),
    ),
    (
        "Kaluga Region and Turkey",
        "A group of Turkish investors toured the industrial parks of Kaluga Region.",
        (M, "Turkey", "Kaluga Region"),
    ),
    # … on a page that names that country nowhere else
    (
        "Astrakhan Region",
        "The Iranian ambassador to Russia paid a working visit to Astrakhan Region.",
        (M, "Iran", "Astrakhan Region"),
    ),
    (
        "Bashkortostan",
        "A delegation of Vietnamese businessmen is visiting Bashkortostan.",
        (M, "Vietnam", "Bashkortostan"),
    ),
    (
        "Kaluga Region",
        "A Turkish delegation visited Kaluga Region to discuss industrial cooperation.",
        (M, "Turkey", "Kaluga Region"),
    ),
    (
        "Kaluga Region",
        "Turkish guests toured the industrial parks of Kaluga Region.",
        (M, "Turkey", "Kaluga Region"),
    ),
    # a delegation the other side sends to a home place
    (
        "Astrakhan Region and Iran",
        "Iran will dispatch a delegation to Astrakhan Region to study investment opportunities.",
        (M, "Iran", "Astrakhan Region"),
    ),
    # the organisation a sentence points back to sends the delegation to a home place
    (
        "Astrakhan Region and Iran",
        "The working group will study investments of Mostazafan Foundation in Astrakhan Region.",
        "The Foundation said it would dispatch an expert delegation to Astrakhan Region"
        " to study investment opportunities.",
        (M, "Mostazafan Foundation", "Astrakhan Region"),
    ),
    (
        "Samara Region and China",
        "The governor of Samara Region met the head of Sany.",
        "The company will send a delegation to Samara Region in May.",
        (M, "Sany", "Samara Region"),
    ),
    # an envoy's title names no place he comes to
    (
        "Tatarstan and India",
        "The Indian Ambassador to Russia visited Tatarstan.",
        (M, "India", "Tatarstan"),
    ),
    # talks, forums and presentations held on a visit
    (
        "Samara Region and China",
        "During the visit, the governor of Samara Region met with the management of Sany.",
        (TALKS, "Samara Region", "Sany"),
    ),
    (
        "Bashkortostan and Vietnam",
        "In Hanoi, the Bashkortostan delegation held negotiations with Vinfast.",
        (TALKS, "Bashkortostan", "Vinfast"),
    ),
    (
        "Penza Region and Uzbekistan",
        "As part of the visit, the Penza Region delegation took part in a business forum in"
        " Tashkent.",
        (F, "Penza Region", "Tashkent"),
    ),
    (
        "Chelyabinsk Region and Kazakhstan",
        "During the trip to Kazakhstan, companies of Chelyabinsk Region presented their"
        " products to local buyers.",
        (SHOW, "Chelyabinsk Region", "Kazakhstan"),
    ),
    (
        "Ulyanovsk Region and Uzbekistan",
        "During the visit to Tashkent, the Ulyanovsk Region delegation presented the investment"
        " potential of the region.",
        (INVITES, "Ulyanovsk Region", "Uzbekistan"),
    ),
    # talks with the people of the country visited, named by its adjective: talks of their own
    (
        "Tatarstan and Iran",
        "In their visit to Iran, the Tatarstan delegation also held direct talks with"
        " Iranian private sector representatives.",
        (TALKS, "Tatarstan", "Iran"),
    ),
    (
        "Tatarstan and Iran",
        "The Tatarstan delegation held talks with Iranian businessmen.",
        (TALKS, "Tatarstan", "Iran"),
    ),
    # a body abroad visited, no place abroad named: the body is the place visited
    (
        "Tambov Region and Mongolia",
        "A trade delegation from Tambov Region visited the Mongolian National Chamber of Commerce.",
        (M, "Tambov Region", "Mongolian National Chamber of Commerce"),
    ),
    # a visit to a chamber to attend a forum there: the visit and the forum both
    (
        "Tambov Region and Mongolia",
        "A trade delegation from Russia's Tambov Region visited the Mongolian National Chamber"
        " of Commerce in Ulaanbaatar to attend a business forum.",
        (F, "Tambov Region", "Ulaanbaatar"),
    ),
    (
        "Tambov Region and Mongolia",
        "A trade delegation from Russia's Tambov Region visited the Mongolian National Chamber"
        " of Commerce in Ulaanbaatar to attend a business forum.",
        (M, "Tambov Region", "Ulaanbaatar"),
    ),
    # a visit received from representatives of a country's companies
    (
        "Tatarstan and China",
        "Representatives of Chinese companies visited Tatarstan in May.",
        (M, "China", "Tatarstan"),
    ),
]


@pytest.mark.parametrize("row", TOLD, ids=lambda row: row[-2][:60])
def test_a_visit_and_what_happens_on_it_are_read_with_their_sides(
    row: tuple[str | tuple[str, str, str], ...],
) -> None:
    *page, expected = row
    assert expected in events(*[p for p in page if isinstance(p, str)])


def test_the_visitor_is_never_the_host() -> None:
    for row in TOLD:
        page = [p for p in row if isinstance(p, str)] if type(row) is tuple else []
        for _, initiator, counterpart in events(*page) if page else ():
            assert initiator != counterpart


NO_VISIT = [
    # tourism, sport, culture and study
    (
        "Tambov Region and Mongolia",
        "Tourists from Tambov Region visited the national parks of Mongolia.",
    ),
    (
        "Tatarstan and China",
        "Chinese tourists visited the Kazan Kremlin during their trip to Tatarstan.",
    ),
    ("Tatarstan and China", "The hockey team of Tatarstan arrived in Beijing for a tournament."),
    (
        "Penza Region and Uzbekistan",
        "The football club from Penza Region travelled to Tashkent for a friendly match.",
    ),
    (
        "Bashkortostan and Vietnam",
        "Students from Vietnam visited Bashkortostan as part of an exchange programme.",
    ),
    (
        "Tomsk Region and Mongolia",
        "A group of schoolchildren from Tomsk Region visited Ulaanbaatar.",
    ),
    ("Chuvashia and Belarus", "A folk ensemble from Chuvashia went on a concert tour to Belarus."),
    pytest.param(
        "Kaluga Region and Turkey",
        "The visa regime makes visits to Turkey easy for tourists from Kaluga Region.",
        marks=known_miss("tourists named after the visit's words"),
    ),
    # a visit of an earlier year told as background
    ("Kaluga Region and Turkey", "Back in 2015, the governor of Kaluga Region visited Turkey."),
    ("Kaluga Region and Turkey", "The governor of Kaluga Region last visited Turkey in 2017."),
    (
        "Tomsk Region and Mongolia",
        "The governor recalled his visit to Mongolia in 2019, when the sides agreed on meat"
        " supplies.",
    ),
    (
        "Astrakhan Region and Iran",
        "The previous visit of the Iranian delegation to Astrakhan Region took place in 2021.",
    ),
    (
        "Tula Region and Jiangsu Province",
        "Over the past five years, delegations from Tula Region visited Jiangsu Province more"
        " than 20 times.",
    ),
    # a home firm's plant visited at home
    ("Tatarstan and Turkey", "The governor of Tatarstan visited the KAMAZ plant."),
    ("Tatarstan and Turkey", "The governor of Tatarstan visited plants in Naberezhnye Chelny."),
    ("Tatarstan and China", "Chinese students visited factories in Kazan."),
    # invited to visit: no visit yet
    (
        "Tatarstan and India",
        "The head of Tatarstan invited the Ambassador of India to visit the republic.",
    ),
    (
        "Kaluga Region and Turkey",
        "The governor invited Turkish businessmen to visit Kaluga Region.",
    ),
]


@pytest.mark.parametrize(("title", "sentence"), NO_VISIT)
def test_a_sentence_with_a_visits_words_but_no_visit_gives_no_event(
    title: str, sentence: str
) -> None:
    assert events(title, sentence) == []

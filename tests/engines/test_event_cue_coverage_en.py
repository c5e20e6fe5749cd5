"""A checklist of the usual ways English news agencies word each cooperation event (sentences
written for this test, varying verb, tense, voice, noun and synonym), and of sentences naming no
event: the English wordings of `data/reference/event_cues.csv` name the expected type, and
background, culture, sport or weather sentences name none."""

from __future__ import annotations

import pytest

from coopex.domain.news import EventType
from tests.engines.event_checklists import wording_types
from tests.engines.event_types import INV, PLAN, POLICY, SEARCH, SHOW, TALKS, TRADE, A, F, M

I = EventType.INVESTMENT  # noqa: E741

CHECKLIST = [
    (M, "A business mission of Belarusian exporters arrived in Almaty on Tuesday."),
    (M, "The governor paid a working visit to the Republic of Belarus."),
    (M, "A delegation of the Shandong province visited the Minsk Tractor Works."),
    (M, "Kazakh entrepreneurs will travel to Urumqi next week as part of a trade mission."),
    (M, "The minister is on an official visit to New Delhi."),
    (M, "Representatives of forty Chinese companies came to Tashkent to explore the market."),
    (M, "The head of the region will pay a visit to Harbin in June."),
    (
        M,
        "The deputy prime minister is currently visiting Beijing at the invitation of China.",
    ),
    (M, "The mayor embarked on a tour of Indian industrial hubs."),
    (INV, "The governor invited Chinese carmakers to localize production in the region."),
    (
        INV,
        "The ministry offered Indian drug makers land plots for new plants in the zone.",
    ),
    (
        INV,
        "Kazakhstan will provide incentives to foreign firms who set up production there.",
    ),
    (INV, "The president called on Belarusian companies to open assembly plants in Uzbekistan."),
    (INV, "The region presented its investment opportunities to business circles of Jiangsu."),
    (INV, "The akim urged investors to build a factory in the industrial zone."),
    (INV, "The authorities are ready to allocate a site for the construction of the plant."),
    (
        INV,
        "The government welcomes investors willing to set up production facilities there.",
    ),
    (PLAN, "The company will set up a plant to assemble trucks in Kostanay."),
    (PLAN, "Production of the crossovers is to be launched in 2025."),
    (PLAN, "The joint venture will manufacture electric buses in Minsk."),
    (PLAN, "The Chinese automaker plans to localize production of its models in Uzbekistan."),
    (PLAN, "A new assembly line was commissioned at the factory last month."),
    (PLAN, "The firm opened a plant producing solar panels near Almaty."),
    (PLAN, "The company intends to build a manufacturing facility in the Karaganda region."),
    (PLAN, "Serial production of the tractors started at the plant in the autumn."),
    (PLAN, "The two companies will jointly produce agricultural machinery in Kazakhstan."),
    (SEARCH, "The company is looking for partners in Central Asia."),
    (SEARCH, "The Belarusian manufacturer seeks distributors in India."),
    (SEARCH, "Indian firms are keen to cooperate with Kazakh producers."),
    (SEARCH, "The plant is searching for suppliers of components in Russia."),
    (SEARCH, "The company is interested in cooperation with Chinese manufacturers."),
    (SEARCH, "The enterprise hopes to find new buyers for its products in the region."),
    (SEARCH, "Uzbek textile producers are seeking new partners abroad."),
    (
        SEARCH,
        "The Chinese side expressed interest in joint projects in the machine-building sector.",
    ),
    (SHOW, "The company showcased its products at the exhibition in Shanghai."),
    (SHOW, "The Belarusian plant presented its new tractors to Kazakh farmers."),
    (SHOW, "Visitors to the exhibition stand could see the latest models of buses."),
    (SHOW, "The manufacturer unveiled a new electric truck at the show."),
    (SHOW, "The national pavilion displayed more than 200 products of domestic enterprises."),
    (SHOW, "The company demonstrated its equipment to potential buyers."),
    (SHOW, "The firm exhibited its machinery at the industrial fair."),
    (SHOW, "The exhibition stand of the company featured its latest agricultural machinery."),
    (SHOW, "A presentation of the products of the Gomel plant was held in Tashkent."),
    (TALKS, "The minister held talks with the Chinese ambassador."),
    (TALKS, "The sides discussed prospects of cooperation in the automotive industry."),
    (TALKS, "The governor met with the head of the Indian company."),
    (TALKS, "Negotiations between the two companies are under way."),
    (TALKS, "The prime minister received a delegation of Chinese investors."),
    (TALKS, "The parties discussed the supply of agricultural machinery."),
    (TALKS, "The officials exchanged views on expanding industrial cooperation."),
    (TALKS, "During the meeting with the ambassador, issues of trade were discussed."),
    pytest.param(
        TALKS,
        "The ministers held a meeting to discuss joint projects.",
        marks=pytest.mark.xfail(
            strict=True,
            reason="'held a meeting' is no event, 'to discuss' an intention: left unread",
        ),
    ),
    (TALKS, "The two ministries held consultations on industrial cooperation."),
    (TALKS, "The president had a telephone conversation with the Chinese leader."),
    (TALKS, "The governor had a phone call with the ambassador of India."),
    (A, "The two sides inked a deal on supplies of buses."),
    (A, "The region and the company signed an MoU on cooperation."),
    (A, "The company entered into an agreement with a Chinese partner."),
    (A, "A memorandum of understanding was signed between the ministry and the corporation."),
    (A, "The parties concluded a contract for the delivery of 500 tractors."),
    (A, "The agreement was signed in the presence of the two presidents."),
    (A, "The company and the region have signed a cooperation agreement."),
    (A, "The sides agreed to establish a joint venture."),
    (A, "An agreement on cooperation was signed by the governor and the company chief."),
    (F, "The Kazakhstan-China Business Forum was held in Astana."),
    (F, "A round table on industrial cooperation took place in Minsk."),
    (F, "The conference brought together more than 300 participants."),
    (F, "The company took part in the China-Eurasia Expo."),
    (F, "A B2B meeting session was organized for entrepreneurs of the two countries."),
    (F, "The business council held its meeting in Tashkent."),
    (F, "The industrial summit gathered investors from 20 countries."),
    (F, "The participants of the investment forum discussed new projects."),
    (POLICY, "The government approved a new industrial policy programme."),
    (POLICY, "State support measures are available to exporters."),
    (POLICY, "The import substitution programme covers 200 products."),
    (POLICY, "The ministry adopted rules for public procurement of domestic machinery."),
    (POLICY, "The countries agreed on mutual recognition of certificates."),
    pytest.param(
        POLICY,
        "The government introduced tax incentives for car manufacturers.",
        marks=pytest.mark.xfail(strict=True, reason="tax benefits are mostly offered to investors"),
    ),
    (POLICY, "New localization requirements will apply to automakers from next year."),
    (POLICY, "The state will subsidize interest rates on loans for industrial enterprises."),
    (TRADE, "Bilateral trade grew by 20 percent in the first half of the year."),
    (TRADE, "Trade turnover between the two countries reached 5 billion dollars."),
    (TRADE, "The volume of trade between Belarus and China increased by 15 percent."),
    (TRADE, "Exports of Kazakh goods to China amounted to 3 billion dollars."),
    (TRADE, "Mutual trade totalled 2.4 billion dollars last year."),
    (TRADE, "China remains the country's largest trading partner."),
    (TRADE, "Foreign trade of the region rose to 1.5 billion dollars."),
    (TRADE, "Imports from India increased by 12 percent."),
    (I, "The company will invest 100 million dollars in the construction of the plant."),
    (I, "The investment of the project amounts to 50 million dollars."),
    (I, "Chinese investors plan to invest in the agricultural sector of Kazakhstan."),
    (I, "The total investment in the project is estimated at 200 million dollars."),
    pytest.param(
        I,
        "The corporation invested 30 million euros in the new factory.",
        marks=pytest.mark.xfail(strict=True, reason="a past investment is often background"),
    ),
    (I, "The project is worth 250 million dollars in investment."),
    (I, "The company has poured more than 1 billion yuan into its Kazakh subsidiary."),
    (I, "The investor will allocate 40 million dollars for the modernization of the plant."),
    (M, "Entrepreneurs from the region will travel to Tashkent next week."),
    (INV, "The region offers investors ready-made sites with infrastructure."),
    (INV, "The authorities are courting foreign investors."),
    (INV, "The province hopes to lure Korean manufacturers with tax breaks."),
    (POLICY, "The new rules set points for technological operations performed in the country."),
    (POLICY, "The commission approved common rules of origin for industrial goods."),
]

NO_EVENT = [
    "The weather in Astana will be sunny with temperatures up to 25 degrees.",
    "The national football team won the match against Kyrgyzstan 2-1.",
    "The festival of national cuisine attracted thousands of visitors.",
    "The city celebrates its 150th anniversary this year.",
    "Heavy snowfall blocked roads in the northern regions.",
    "The museum opened a new exhibition hall for paintings.",
    "The student theater staged a play by Chekhov.",
    "The economy of the country is growing at a steady pace, experts believe.",
    "Inflation slowed to 8 percent in October.",
    "The history of the plant dates back to 1950.",
    "The singer gave a concert in the capital.",
    "The tourists visited the old town and its museums.",
    "The new school was built in the village.",
    "Experts believe that the region has great potential.",
    "The athletes met the demands of the coaches.",
    "The power plant will be commissioned in December.",
    "The river level rose by two metres after the rain.",
    "Oil output is expected to start declining next year.",
    pytest.param(
        "The film production will start shooting in May.",
        marks=pytest.mark.xfail(strict=True, reason="older row: 'production … will start'"),
    ),
    pytest.param(
        "The students embarked on a trip to the lake.",
        marks=pytest.mark.xfail(strict=True, reason="older row: 'on a trip to'"),
    ),
    "The subsidiary of the bank opened a branch in the city.",
    "The crowd welcomed the athletes at the airport.",
    "The club is courting a foreign striker.",
    "Fans will travel to the final by train.",
    "The team scored points in the second half.",
]


@pytest.mark.parametrize(("expected", "sentence"), CHECKLIST)
def test_the_usual_wording_names_its_type(expected: EventType, sentence: str) -> None:
    assert expected in wording_types(sentence, "en")


@pytest.mark.parametrize("sentence", NO_EVENT)
def test_a_sentence_of_no_event_names_none(sentence: str) -> None:
    assert wording_types(sentence, "en") == []

"""A second English checklist (2026-11-30), written for this test from the language and the
annotation guideline: the ways English news tells a signed document, talks, a firm's plant, an
invitation to localize and a partner search — and, read through the event reader with names
the helper of `test_news_events.py` knows, who the counterpart of each is."""

from __future__ import annotations

import pytest

from coopex.domain.news import EventType
from tests.engines.event_checklists import wording_types
from tests.engines.event_types import INV, PLAN, SEARCH, TALKS, A
from tests.engines.test_news_events import events

WORDINGS = [
    (A, "The two sides signed a memorandum of cooperation in the field of agriculture."),
    (A, "An agreement was signed between the Karaganda region and Henan province."),
    (A, "Following the meeting, the two companies concluded a supply contract."),
    (A, "A package of agreements worth $2 billion was signed at the forum."),
    (A, "The agreements signed include a memorandum on tourism and an agreement on education."),
    (A, "The region signed a strategic partnership agreement with the Chinese corporation."),
    (A, "The akimat and the investor signed a memorandum of intent."),
    (A, "A roadmap for cooperation was signed by the two regions."),
    (A, "The companies signed off on a deal to supply 300 buses."),
    (A, "A trade agreement between the two countries was sealed on Monday."),
    (A, "Uzbekistan, China sign deals worth $5 billion"),
    (A, "The sovereign fund signed 16 agreements with Chinese partners."),
    (A, "Business leaders of the two countries inked over 40 agreements at the council."),
    (A, "Tula and Jiangsu firms sign 12 contracts on farm machinery"),
    (A, "The governor and the Chinese ambassador signed a joint statement on cooperation."),
    (A, "Two memoranda were signed during the visit."),
    (A, "Kazakhstan, China ink 20 agreements"),
    (A, "A Russian-Chinese intergovernmental agreement on cooperation in the east was signed."),
    (A, "Memoranda on joint projects in energy and transport were signed."),
    (TALKS, "The ambassador paid a courtesy call on the governor of the region."),
    (TALKS, "The consul called on Chief Minister Ram Singh at his office and discussed trade."),
    (TALKS, "The two leaders held a bilateral meeting in Tashkent."),
    (TALKS, "The minister met the ambassador of Vietnam to discuss trade."),
    (TALKS, "During the talks, the parties discussed the supply of grain."),
    (TALKS, "Talks were held between the governor and the Chinese delegation."),
    (TALKS, "The akim discussed the implementation of joint projects with Chinese investors."),
    (TALKS, "He also held a series of meetings with representatives of Indian businesses."),
    (TALKS, "Tatarstan President meets Chinese ambassador"),
    (TALKS, "The delegation held business meetings with Iranian companies."),
    (PLAN, "The Chinese company will build a cement plant in the Chelyabinsk region."),
    (PLAN, "The Turkish firm is setting up a textile factory in the region."),
    (PLAN, "The company intends to launch production of tractors in Uzbekistan."),
    (PLAN, "A Chinese investor is building a glass factory in the region."),
    (PLAN, "The firm is going to construct a plant for the production of fertilizers."),
    (PLAN, "The company has launched a new production line in the region."),
    (PLAN, "The project provides for the construction of a plant for processing of soybeans."),
    (PLAN, "The company will localize the production of its buses in Kazakhstan."),
    (PLAN, "A plant for the assembly of agricultural machinery will be built in the region."),
    (PLAN, "The corporation will locate its production in the special economic zone."),
    (PLAN, "The firm plans to expand its production in the region."),
    (PLAN, "The Chinese company will build a gas processing complex in the region."),
    (INV, "The parties discussed the possibility of organizing production of tractors there."),
    (INV, "We invite Chinese companies to come and invest in our region."),
    (INV, "The governor invited Chinese companies to set up production in the region."),
    (INV, "The minister invited Turkish businessmen to invest in the region's industrial parks."),
    (INV, "The akim proposed that the company open a plant in the region."),
    (INV, "The sides discussed the localization of production of the company's buses there."),
    (INV, "The governor called on Indian investors to build plants in the region."),
    (INV, "The president urged foreign investors to set up production in Uzbekistan."),
    (INV, "The minister invited the company to consider localizing its production there."),
    (INV, "The region presented its investment potential to Chinese businessmen."),
    (INV, "The delegation revealed the competitive advantages of the region to investors."),
    (INV, "The governor briefed the ambassador on the investment opportunities of the region."),
    (INV, "The minister introduced the investment climate of the country to Chinese business."),
    (SEARCH, "Minsk plants are ready to cooperate with Chinese companies in machine building."),
    (SEARCH, "Chinese companies are looking for opportunities to cooperate with Kazakh firms."),
    (SEARCH, "Iranian companies want to cooperate with Tatarstan enterprises."),
    (SEARCH, "The company is keen on cooperation with local producers."),
    (SEARCH, "The company is looking for a distributor in Kazakhstan."),
    (SEARCH, "The firm wants to find partners in China."),
    (SEARCH, "The delegation is looking for business partners in the region."),
    (SEARCH, "The company is in search of partners for a joint project."),
    (SEARCH, "The manufacturer is interested in finding suppliers in Russia."),
    (SEARCH, "The region is looking for investors for the project."),
    (SEARCH, "The company is seeking a local partner."),
]

# Counted documents that are a statistic or a plan, not a signing told.
NO_SIGNING = [
    "Over 30 years, the two countries have signed more than 100 agreements.",
    "About 20 agreements will be signed during the visit.",
    "The sides plan to sign 15 documents at the forum.",
    "The two countries will sign 12 agreements during the visit.",
    # the document the page has told of, told on
    "The agreement on cooperation in the field of energy and transport was signed by the mayor.",
]


@pytest.mark.parametrize(("expected", "sentence"), WORDINGS)
def test_the_wording_names_its_type(expected: EventType, sentence: str) -> None:
    assert expected in wording_types(sentence, "en")


@pytest.mark.parametrize("sentence", NO_SIGNING)
def test_counted_documents_not_signed_now_are_no_agreement(sentence: str) -> None:
    assert EventType.AGREEMENT not in wording_types(sentence, "en")


READINGS = [
    # an investment agreement signed for a plant is the investment (the dev gold's convention)
    (
        "Kaluga Region signed an investment agreement with Haier to build a plant.",
        ("investment", "Kaluga Region", "Haier"),
    ),
    # documents counted as they are signed: the signing is told
    (
        "Kaluga Region signed 16 agreements with Sany on Tuesday.",
        ("agreement", "Kaluga Region", "Sany"),
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), READINGS)
def test_the_event_and_its_counterpart(sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in events("Russia and China", sentence, lang="en")


def test_an_investment_agreement_for_a_plant_is_no_plan_beside_it() -> None:
    found = events(
        "Russia and China",
        "Kaluga Region signed an investment agreement with Haier to build a plant.",
        lang="en",
    )
    assert "localization_plan" not in [kind for kind, _, _ in found]


def test_a_firm_called_the_own_sides_by_adjective_and_noun_is_no_counterpart() -> None:
    # "Russian automaker KAMAZ" in a story told from Russia is the own side's firm
    found = events(
        "Russia and China",
        "Russian company Sany and Changan signed an agreement on the supply of buses.",
        lang="en",
    )
    assert [(kind, counterpart) for kind, _, counterpart in found] == [("agreement", "Changan")]


# Investment told as a stock or a country's total (the dev gold's "cumulative investment"): a
# statistic, no investment of anybody's.
INVESTMENT_STOCK = [
    "The volume of Chinese investments in Kazakhstan amounted to $25 billion.",
    "Turkish companies have invested about $1 billion, investing in Tatarstan since 2010.",
    "Foreign direct investment from China amounted to $2.5 billion.",
    "Chinese investments in the economy of Kazakhstan amount to $5 billion.",
]


@pytest.mark.parametrize("sentence", INVESTMENT_STOCK)
def test_investment_told_as_a_stock_is_no_investment(sentence: str) -> None:
    found = events("Russia and China", sentence, lang="en")
    assert "investment" not in [kind for kind, _, _ in found]


@pytest.mark.parametrize(
    "sentence",
    [
        "The station will produce up to 1 billion kWh of electricity a year.",
        "The solar park will produce 100 MW.",
    ],
)
def test_power_produced_is_no_plant_of_a_firm(sentence: str) -> None:
    assert wording_types(sentence, "en") == []

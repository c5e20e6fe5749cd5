"""A checklist of how English news tells an investment (`investment`): a firm or a country that
invests, will invest, channels or pours money into a place, finances or helps modernise a
facility there, backs a project with its support, or buys a stake in a local firm. The
project's convention (the dev gold's "investment agreement with CONCH"): the counterpart is the
investor, the initiator the place it invests in. Sentences written for this test (not taken
from the pages), with sentences that use the same words but tell no investment of anybody's:
the investment climate, a region inviting investors, a country's total or a statistic, a fund's
own spending, investments of a past decade."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import counterparts_of

PLACES = {
    "Kazakhstan": "KZ",
    "Uzbekistan": "UZ",
    "China": "CN",
    "Russia": "RU",
    "Pavlodar Region": "KZ-PAV",
    "Turkestan Region": "KZ-YUZ",
    "Atyrau Region": "KZ-ATY",
    "Samarkand Region": "UZ-SA",
    "Tatarstan": "RU-TA",
    "Kaluga Region": "RU-KLU",
    "Tashkent": "UZ-TK",
}
ORGANIZATIONS = (
    "Sinopec",
    "CNPC",
    "Lukoil",
    "Hyundai",
    "Masdar",
    "Gazprom",
    "Asian Development Bank",
    "Sinoma",
    "Kolin",
    "Uzbekneftegaz",
    "Haier",
    "China Energy",
    "Export-Import Bank of China",
    "Mitsubishi",
    "ACWA Power",
    "Shell",
)


def investors(*paragraphs: str) -> list[str]:
    return counterparts_of(
        "investment", ("Foreign capital in the regions", *paragraphs), PLACES, ORGANIZATIONS, "en"
    )


# (sentence, the investor)
TOLD = [
    ("Lukoil plans to invest $200 million in the ports of Uzbekistan.", "Lukoil"),
    ("Sinopec intends to invest 2 billion yuan in a chemical complex in Atyrau Region.", "Sinopec"),
    ("Hyundai is investing $150 million in Samarkand Region.", "Hyundai"),
    ("Kolin has invested $50 million in a new hotel in Tashkent.", "Kolin"),
    ("China Energy will invest $300 million in wind farms in Pavlodar Region.", "China Energy"),
    (
        "There are also plans to modernise the refinery in Pavlodar Region with support from CNPC.",
        "CNPC",
    ),
    ("CNPC will help modernise the oil refinery in Pavlodar Region.", "CNPC"),
    (
        "The Asian Development Bank will finance the construction of a power plant in"
        " Turkestan Region.",
        "Asian Development Bank",
    ),
    ("The project in Turkestan Region will be financed by Sinoma.", "Sinoma"),
    ("Gazprom acquired a stake in a gas company in Tashkent.", "Gazprom"),
    ("Lukoil bought a 49% stake in a gas field in Uzbekistan.", "Lukoil"),
    (
        "Investments of Masdar in the renewable energy projects of Uzbekistan will reach"
        " $1 billion.",
        "Masdar",
    ),
    ("Haier will allocate 3 billion roubles for the expansion of its plant in Tatarstan.", "Haier"),
    ("Sinopec is ready to fund the reconstruction of the port in Atyrau Region.", "Sinopec"),
    (
        "The Export-Import Bank of China will provide a $500 million loan for the construction"
        " of a highway in Pavlodar Region.",
        "Export-Import Bank of China",
    ),
    ("Mitsubishi will put $80 million into a new terminal in Atyrau Region.", "Mitsubishi"),
    ("Sinopec will be the main investor of the gas chemical complex in Atyrau Region.", "Sinopec"),
    ("The project in Turkestan Region is funded by ACWA Power.", "ACWA Power"),
    ("ACWA Power will finance a solar plant in Samarkand Region.", "ACWA Power"),
    ("Shell has increased its stake in an oil field in Kazakhstan.", "Shell"),
    ("The Haier plant in Tatarstan, worth $120 million, will employ 500 people.", "Haier"),
    ("The total cost of the Lukoil project in Uzbekistan is put at 3 billion rubles.", "Lukoil"),
    ("Masdar will spend $500 million on a solar plant in Uzbekistan.", "Masdar"),
    (
        "Capital expenditure on the Sinopec plant in Atyrau Region will reach $300 million.",
        "Sinopec",
    ),
]


@pytest.mark.parametrize(("sentence", "investor"), TOLD)
def test_an_investment_is_read_with_its_investor(sentence: str, investor: str) -> None:
    assert investor in investors(sentence)


# the same words, no investment of anybody's
NOT_TOLD = [
    "The governor spoke about the favourable investment climate of Pavlodar Region.",
    "Turkestan Region invites investors from China to build plants in its industrial zone.",
    "China has invested $27 billion in the economy of Kazakhstan.",
    "Foreign investments in Tatarstan grew by 12 percent last year.",
    "The Asian Development Bank spent $2 million on its own offices.",
    "In the 2000s Lukoil invested heavily in Uzbekistan.",
    "Investment in fixed capital in Kaluga Region amounted to 90 billion roubles.",
    "The support from CNPC for the school festival was warmly received.",
    "The minister discussed the financing of the roads with the mayor of Tashkent.",
    "Shareholders of Gazprom will meet in Moscow in June.",
    "Hyundai put the new plant in Samarkand Region into operation.",
    "The fund will finance the construction of its new headquarters in Tashkent.",
    "Pavlodar Region is looking for investors to finance a new bridge.",
    "The cost of the Hyundai cars sold in Tashkent rose by 5 percent.",
    "Hyundai spent two days in Samarkand Region.",
    "Capital spending across Kazakhstan fell by 3 percent in 2025.",
]


@pytest.mark.parametrize("sentence", NOT_TOLD)
def test_the_same_words_tell_no_investment(sentence: str) -> None:
    assert investors(sentence) == []

"""`evaluation.news.errors`: the false and missed events and amounts it lists are those the
shared scorer counts (one to one, type and counterpart; currency and 1%)."""

from __future__ import annotations

from pathlib import Path

from evaluation.news.errors import amount_errors, event_errors

GOLD = {
    "events": [
        {"type": "agreement", "initiator": [["Kaluga Region"]], "counterpart": ["Anhui", "安徽"]},
        {"type": "forum", "initiator": [["Kaluga Region"]], "counterpart": ["China"]},
    ],
    "amounts": [{"value": 3_500_000_000, "currency": "USD"}, {"value": 100, "currency": "RUB"}],
}


def test_events_match_one_to_one_on_type_and_counterpart(shared: Path) -> None:
    found = [
        {"type": "agreement", "initiator": "Kaluga Region", "counterpart": "«Anhui»"},
        {"type": "agreement", "initiator": "Kaluga Region", "counterpart": "Anhui"},
        {"type": "negotiation", "initiator": "Kaluga Region", "counterpart": "China"},
    ]
    lines = event_errors(GOLD, found)
    assert [line.split(":")[0].strip() for line in lines] == [
        "false  agreement",  # the gold agreement is taken by the first
        "false  negotiation",  # a type the gold has not with that party
        "missed forum",
    ]


def test_amounts_match_on_currency_within_one_percent(shared: Path) -> None:
    found = [
        {"value": 3_520_000_000, "currency": "USD", "text": "$3.52 bln"},
        {"value": 100, "currency": "USD", "text": "USD 100"},
    ]
    lines = amount_errors(GOLD, found)
    assert lines == ["  false  100 USD  « USD 100 »", "  missed 100 RUB"]

"""`evaluation.news.losses`: each false event falls in exactly one class, the gold events it
stands beside are not "missed, alone", and the counts add up to the scorer's."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from evaluation.news.losses import page_losses

GOLD = [
    {"type": "agreement", "initiator": [["Kaluga Region"]], "counterpart": ["Anhui", "安徽"]},
    {"type": "forum", "initiator": [["Kaluga Region"]], "counterpart": ["China"]},
    {"type": "investment", "initiator": [["Kaluga Region"]], "counterpart": ["Haier"]},
]


def test_each_false_event_is_classed_by_what_it_came_near(shared: Path) -> None:
    found = [
        {"type": "agreement", "counterpart": "安徽"},  # found
        {"type": "forum", "counterpart": "Kazakhstan"},  # a forum left: wrong counterpart
        {"type": "negotiation", "counterpart": "Haier"},  # Haier's investment left: wrong type
        {"type": "negotiation", "counterpart": "Japan"},  # nothing near: unfounded
    ]
    tally = page_losses(GOLD, found)
    assert tally["agreement", "found"] == 1
    assert tally["forum", "wrong counterpart"] == 1
    assert tally["negotiation", "wrong type"] == 1
    assert tally["negotiation", "unfounded"] == 1
    assert tally["forum", "missed"] == tally["investment", "missed"] == 1
    # each missed gold event has a false event beside it
    assert tally["forum", "missed, alone"] == tally["investment", "missed, alone"] == 0


def test_a_gold_event_nobody_came_near_is_missed_alone(shared: Path) -> None:
    tally = page_losses(GOLD, [{"type": "agreement", "counterpart": "Anhui"}])
    assert tally["forum", "missed, alone"] == tally["investment", "missed, alone"] == 1
    assert tally["agreement", "missed"] == 0


TYPES = ("agreement", "forum", "investment", "negotiation")
PARTIES = ("Anhui", "China", "Haier", "Japan")
events = st.lists(
    st.fixed_dictionaries(
        {"type": st.sampled_from(TYPES), "counterpart": st.sampled_from(PARTIES)}
    ),
    max_size=6,
)


@given(events)
def test_counts_add_up_to_the_scorers(shared: Path, found: list[dict[str, str]]) -> None:
    tally = page_losses(GOLD, found)
    total = {name: sum(v for (_, c), v in tally.items() if c == name) for _, name in tally}
    false = total.get("wrong counterpart", 0) + total.get("wrong type", 0)
    false += total.get("unfounded", 0)
    assert total.get("found", 0) + false == len(found)
    assert total.get("found", 0) + total.get("missed", 0) == len(GOLD)
    assert total.get("missed, alone", 0) <= total.get("missed", 0)

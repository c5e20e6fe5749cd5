"""The event model's trainer (evaluation/news/train_events.py) on pages made up for the test."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from coopex.domain.news import EventType, LeadEvent
from evaluation.news.train_events import Page, counts, fit, matched, weights_csv

GOLD = [
    {"type": "agreement", "initiator": [["Россия"]], "counterpart": ["Китай", "КНР"]},
    {"type": "forum", "initiator": [["Россия"]], "counterpart": ["Харбин"]},
]


def option(kind: str, counterpart: str, **features: float) -> tuple[LeadEvent, dict[str, float]]:
    return LeadEvent(EventType(kind), "Россия", counterpart, (), "…"), dict(features)


def test_found_events_are_matched_one_to_one_as_the_shared_scorer_does(shared: Path) -> None:
    found = [("agreement", "КНР"), ("agreement", "Китай"), ("forum", "Москва"), ("forum", "Харбин")]
    assert matched(GOLD, found) == 2
    assert matched(GOLD, []) == 0


def test_a_page_counts_the_likeliest_option_of_each_proposed_event(shared: Path) -> None:
    page = Page(
        "doc.txt",
        [
            [option("agreement", "Sany"), option("agreement", "Китай")],
            [option("forum", "Харбин")],
        ],
        GOLD,
    )
    assert page.labels() == [0, 1, 1]
    assert counts(page, [0.2, 0.9, 0.6], threshold=0.5) == (2, 2, 2)
    assert counts(page, [0.9, 0.2, 0.4], threshold=0.5) == (0, 1, 2)


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 2**32 - 1))
def test_the_fit_separates_what_a_feature_separates(seed: int) -> None:
    rng = np.random.default_rng(seed)
    signal = rng.integers(0, 2, size=60).astype(float)
    noise = rng.normal(size=60)
    x = np.column_stack([signal, noise, np.ones(60)])
    w = fit(x, signal, penalty=0.3)
    assert w[0] > 2.0 > abs(w[1])


def test_weights_are_written_with_their_intercept_and_threshold() -> None:
    text = weights_csv(["in_title", "quote"], np.array([1.5, 0.0, -2.0]), 0.35)
    assert text.splitlines() == [
        "feature,weight",
        "(bias),-2.0000",
        "(threshold),0.35",
        "in_title,1.5000",
    ]

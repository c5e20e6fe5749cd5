"""The event model's weights, shipped as data (`event_weights.csv`: feature, weight; the rows
`(bias)` and `(threshold)` hold the intercept and the probability an event needs), fitted on
the development set's tuning part by `python -m evaluation.news.train_events`."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from coopex.engines.news.event_scoring import EventScorer
from coopex.reference.catalog import read_reference_csv

FILE = "event_weights.csv"
BIAS, THRESHOLD = "(bias)", "(threshold)"


def event_scorer(rows: Sequence[dict[str, str]], source: str = FILE) -> EventScorer:
    """The model of `rows` as csv.DictReader gives them; a bad row is a ValueError naming it."""
    weights: dict[str, float] = {}
    for number, row in enumerate(rows, start=2):
        try:
            weights[row["feature"]] = float(row["weight"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(
                f"{source}, row {number}: needs a feature and a numeric weight, got {row}"
            ) from None
    missing = [name for name in (BIAS, THRESHOLD) if name not in weights]
    if missing:
        raise ValueError(f"{source}: no {' or '.join(missing)} row")
    return EventScorer(
        {k: v for k, v in weights.items() if k not in (BIAS, THRESHOLD)},
        weights[BIAS],
        weights[THRESHOLD],
    )


@cache
def shipped_event_scorer() -> EventScorer:
    return event_scorer(read_reference_csv(FILE))

"""The event model's weights, shipped as data (`event_weights.csv`: feature, weight; the rows
`(bias)` and `(threshold)` hold the intercept and the probability an event needs), fitted on
the development set's tuning part by `python -m evaluation.news.train_events`."""

from __future__ import annotations

from functools import cache

from coopex.engines.news.event_scoring import EventScorer
from coopex.reference.catalog import read_reference_csv

FILE = "event_weights.csv"
BIAS, THRESHOLD = "(bias)", "(threshold)"


@cache
def shipped_event_scorer() -> EventScorer:
    weights: dict[str, float] = {}
    for number, row in enumerate(read_reference_csv(FILE), start=2):
        try:
            weights[row["feature"]] = float(row["weight"])
        except (KeyError, TypeError, ValueError):
            raise ValueError(
                f"{FILE}, row {number}: needs a feature and a numeric weight"
            ) from None
    missing = {BIAS, THRESHOLD} - weights.keys()
    if missing:
        raise ValueError(f"{FILE}: no {' or '.join(sorted(missing))} row")
    return EventScorer(
        {k: v for k, v in weights.items() if k not in (BIAS, THRESHOLD)},
        weights[BIAS],
        weights[THRESHOLD],
    )

"""News extraction quality on the shared development set (`../shared/eval/dev-news`), scored by
the shared scorer on the reporting part (even-numbered files; the tuning part is for tuning).

`FLOORS` are what the pipeline reaches now, less a margin: a drop under them fails. `TARGETS`
are the issue's goals; those not reached yet are expected failures (strict: reaching one fails
the test until its mark is removed, so the table stays honest)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopex.nlp.news import load_news_models
from evaluation.news.scoring import LANGUAGES, Evaluation, evaluate

TARGETS = {"entities": 0.88, "events": 0.65, "amounts": 0.85}
FLOORS = {
    ("ru", "entities"): 0.89,
    ("en", "entities"): 0.89,
    ("zh", "entities"): 0.89,
    ("ru", "events"): 0.60,
    ("en", "events"): 0.67,
    ("zh", "events"): 0.65,
    ("ru", "amounts"): 0.95,
    ("en", "amounts"): 0.95,
    ("zh", "amounts"): 0.95,
}
REACHED = {
    ("ru", "entities"),
    ("en", "entities"),
    ("zh", "entities"),
    ("en", "events"),
    ("zh", "events"),
    ("ru", "amounts"),
    ("en", "amounts"),
    ("zh", "amounts"),
}


@pytest.fixture(scope="module")
def result(shared: Path) -> Evaluation:
    return evaluate(load_news_models(), shared / "eval" / "dev-news", baseline=False)


@pytest.mark.parametrize(("lang", "field"), sorted(FLOORS))
def test_reporting_part_holds_its_floor(result: Evaluation, lang: str, field: str) -> None:
    f1 = result.scores["pipeline"][lang, "reporting"][field][2]
    assert f1 >= FLOORS[lang, field], f"{lang} {field} F1 {f1:.3f}"


@pytest.mark.parametrize(
    ("lang", "field"),
    [
        (lang, field)
        if (lang, field) in REACHED
        else pytest.param(
            lang, field, marks=pytest.mark.xfail(strict=True, reason="target not reached yet")
        )
        for lang in LANGUAGES
        for field in TARGETS
    ],
)
def test_reporting_part_meets_the_targets(result: Evaluation, lang: str, field: str) -> None:
    f1 = result.scores["pipeline"][lang, "reporting"][field][2]
    assert f1 >= TARGETS[field], f"{lang} {field} F1 {f1:.3f} < {TARGETS[field]}"


def test_the_pipeline_beats_the_ner_models_alone(shared: Path) -> None:
    result = evaluate(load_news_models(), shared / "eval" / "dev-news")
    for field in TARGETS:
        ours = result.scores["pipeline"]["all", "reporting"][field][2]
        alone = result.scores["baseline"]["all", "reporting"][field][2]
        assert ours > alone, (field, ours, alone)

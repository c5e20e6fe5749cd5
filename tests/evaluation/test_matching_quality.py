"""The evaluation set is sound, and matching quality on it does not regress."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from coopex.domain.matching import MatchWeights
from coopex.engines.matching.evaluation import Ranked, evaluate, recall_at, reciprocal_rank
from coopex.services.demo import demo_dataset_path
from evaluation.matching.__main__ import demo_app, load_queries, run_evaluation


def test_metrics() -> None:
    relevant = frozenset({"b", "d"})
    assert reciprocal_rank(["a", "b", "c", "d"], relevant) == 0.5
    assert reciprocal_rank(["a"], relevant) == 0.0
    assert recall_at(["a", "b", "c", "d"], relevant, 2) == 0.5
    assert recall_at(["d", "b"], relevant, 10) == 1.0
    report = evaluate(
        load_queries()[:1],
        lambda q: [Ranked(r, "en") for r in sorted(q.relevant)],
        dict.fromkeys(load_queries()[0].relevant, "en"),
    )
    assert report.overall.mrr == 1.0


def test_evaluation_set_is_large_trilingual_and_points_at_real_listings() -> None:
    queries = load_queries()
    assert len(queries) >= 150
    assert Counter(q.lang for q in queries) == {"ru": 50, "en": 50, "zh": 50}
    demo = {
        x["ref"]
        for x in json.loads(Path(demo_dataset_path()).read_text(encoding="utf-8"))["listings"]
    }
    assert all(q.relevant and q.relevant <= demo for q in queries)


def test_cross_lingual_quality_holds(tmp_path: Path) -> None:
    coopex = demo_app(tmp_path)
    try:
        report = run_evaluation(coopex, load_queries(), MatchWeights())
    finally:
        coopex.close()
    assert report.overall.mrr >= 0.8
    assert len(report.pairs) == 9
    assert all(
        score.mrr >= 0.75 and score.recall_at_10 >= 0.8 for score in report.pairs.values()
    ), report.pairs

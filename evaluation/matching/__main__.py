"""`make eval`: matching quality on evaluation/matching/queries.jsonl over the demo registry
(synthetic), then on the development set of real offers and requests (evaluation.matching.dev).

Prints recall@10 and MRR per language pair with all signals, then an ablation (each signal
switched off, and each alone), then the development set per part and query language with the
embedding-alone baseline beside it; `--json FILE` also writes the numbers.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import asdict
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coopex.app import Coopex, build
from coopex.config import Settings
from coopex.domain.matching import SIGNALS, MatchWeights
from coopex.domain.queries import MatchFilter
from coopex.engines.matching.evaluation import EvalQuery, Ranked, Report, evaluate
from coopex.engines.matching.ranker import MatchQuery
from coopex.interchange.records import Entity
from coopex.services.demo import load_demo
from evaluation.matching.dev import (
    dev_engine,
    dev_set_folder,
    embedding_alone,
    evaluate_dev,
    load_dev_queries,
    load_offers,
)

QUERIES = Path(__file__).with_name("queries.jsonl")
console = Console()


def load_queries(path: Path = QUERIES) -> list[EvalQuery]:
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    return [EvalQuery(r["id"], r["lang"], r["query"], frozenset(r["relevant"])) for r in rows]


def run_evaluation(coopex: Coopex, queries: list[EvalQuery], weights: MatchWeights) -> Report:
    engine = coopex.matching.engine
    engine.weights = weights
    languages = {
        str(r["ref"]): str(r["language"]) for r in coopex.transfer.export_records(Entity.LISTINGS)
    }

    def run(query: EvalQuery) -> list[Ranked]:
        matches = engine.search(MatchQuery(text=query.text), MatchFilter(), limit=len(languages))
        # A result with translations stands for each of its listings, in its place.
        return [Ranked(x.ref, x.language) for m in matches for x in (m.listing, *m.translations)]

    return evaluate(queries, run, languages)


def demo_app(home: Path) -> Coopex:
    coopex = build(Settings(database_url=f"sqlite:///{home / 'eval.db'}", home=home))
    coopex.migrate()
    load_demo(coopex.transfer, coopex.accounts)
    return coopex


def dev_report() -> dict[str, dict[str, dict[str, float]]]:
    """Print (and return) the development set's numbers; nothing when the set is absent."""
    folder = dev_set_folder()
    if not (folder / "queries.jsonl").is_file():
        console.print(f"development set not found at {folder}: skipped")
        return {}
    engine = dev_engine(load_offers(folder))
    queries = load_dev_queries(folder)
    ranker = evaluate_dev(engine, queries, engine.weights)
    alone = embedding_alone(engine, queries)
    table = Table(title=f"development set ({folder.name}): {len(queries)} real requests")
    for column in ("part", "language", "queries", "MRR", "recall@10", "embedding MRR", "R@10"):
        table.add_column(column, justify="left" if column in ("part", "language") else "right")
    for (part, lang), score in ranker.items():
        base = alone[(part, lang)]
        table.add_row(
            part,
            lang,
            str(score.queries),
            f"{score.mrr:.3f}",
            f"{score.recall_at_10:.3f}",
            f"{base.mrr:.3f}",
            f"{base.recall_at_10:.3f}",
        )
    console.print(table)
    return {
        label: {f"{part}/{lang}": asdict(score) for (part, lang), score in report.items()}
        for label, report in (("ranker", ranker), ("embedding alone", alone))
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.matching")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--dev-only", action="store_true", help="only the development set")
    args = parser.parse_args()
    if args.dev_only:
        dev = dev_report()
        if args.json:
            args.json.write_text(json.dumps({"development": dev}, indent=1), encoding="utf-8")
        return
    queries = load_queries()
    with tempfile.TemporaryDirectory() as home:
        coopex = demo_app(Path(home))
        full = run_evaluation(coopex, queries, MatchWeights())
        pairs = Table(title=f"matching quality: {len(queries)} queries (all signals)")
        for column in ("query → listing", "queries", "recall@10", "MRR"):
            pairs.add_column(column, justify="left" if column.startswith("query") else "right")
        for (q, lang), score in full.pairs.items():
            pairs.add_row(
                f"{q} → {lang}", str(score.queries), f"{score.recall_at_10:.3f}", f"{score.mrr:.3f}"
            )
        pairs.add_row(
            "all (mixed languages)",
            str(full.overall.queries),
            f"{full.overall.recall_at_10:.3f}",
            f"{full.overall.mrr:.3f}",
        )
        console.print(pairs)

        ablation = Table(title="ablation: overall recall@10 / MRR")
        for column in ("weights", "recall@10", "MRR", "Δ MRR"):
            ablation.add_column(column, justify="left" if column == "weights" else "right")
        results = {"semantic + lexical (default)": full}
        for name in ("semantic", "lexical"):
            others = [s for s in SIGNALS if s != name]
            results[f"{name} only"] = run_evaluation(
                coopex, queries, MatchWeights().without(*others)
            )
        for label, report in results.items():
            delta = report.overall.mrr - full.overall.mrr
            ablation.add_row(
                label,
                f"{report.overall.recall_at_10:.3f}",
                f"{report.overall.mrr:.3f}",
                f"{delta:+.3f}",
            )
        console.print(ablation)
        console.print(
            "Free-text queries carry no codes, sectors or place, so those signals are 0 here; "
            "they act on listing-to-listing matches (see docs/matching.md)."
        )
        coopex.close()
    dev = dev_report()
    if args.json:
        synthetic = {
            label: {
                "overall": asdict(r.overall),
                "pairs": {f"{q}->{t}": asdict(s) for (q, t), s in r.pairs.items()},
            }
            for label, r in results.items()
        }
        args.json.write_text(
            json.dumps({"synthetic": synthetic, "development": dev}, indent=1), encoding="utf-8"
        )


if __name__ == "__main__":
    main()

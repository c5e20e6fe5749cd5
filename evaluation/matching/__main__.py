"""`make eval`: matching quality on evaluation/matching/queries.jsonl over the demo registry.

Prints recall@10 and MRR per language pair with all signals, then an ablation (each signal
switched off, and each alone); `--json FILE` also writes the numbers.
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
        return [Ranked(m.listing.ref, m.listing.language) for m in matches]

    return evaluate(queries, run, languages)


def demo_app(home: Path) -> Coopex:
    coopex = build(Settings(database_url=f"sqlite:///{home / 'eval.db'}", home=home))
    coopex.migrate()
    load_demo(coopex.transfer, coopex.accounts)
    return coopex


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.matching")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()
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
        if args.json:
            args.json.write_text(
                json.dumps(
                    {
                        label: {
                            "overall": asdict(r.overall),
                            "pairs": {f"{q}->{t}": asdict(s) for (q, t), s in r.pairs.items()},
                        }
                        for label, r in results.items()
                    },
                    indent=1,
                ),
                encoding="utf-8",
            )


if __name__ == "__main__":
    main()

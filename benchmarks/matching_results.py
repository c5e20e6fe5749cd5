"""The results of a fixed set of searches, written down so two versions of the matcher can be
compared on the same index: a speed change must leave rankings, scores and explanations as
they were.

    python -m benchmarks.matching_results dump --listings 200000 --out after.jsonl
    python -m benchmarks.matching_results dump --dev --out after-dev.jsonl
    python -m benchmarks.matching_results compare before.jsonl after.jsonl

`--listings`: the benchmark's synthetic corpus and queries (`benchmarks.matching`), hybrid and
exact, without and with filters; `--dev`: the development set's requests over its offers, every
offer ranked, with all signals and with the embedding alone. Run the same command with each
version's `src` first on PYTHONPATH (this file only uses the engine's public API). Scores are
written with `repr`, so "the same" means bit for bit.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from coopex.domain.codes import parse_code
from coopex.domain.listings import ListingKind
from coopex.domain.matching import Match, MatchWeights, explain
from coopex.domain.queries import MatchFilter
from coopex.engines.matching.ranker import MatchEngine, MatchQuery

FILTERS = {
    "none": MatchFilter(),
    "offers": MatchFilter(kind=ListingKind.OFFER),
    "china": MatchFilter(country="CN"),
    "hs84": MatchFilter(code_prefix=parse_code("HS:84")),
}


def record(match: Match) -> dict[str, object]:
    """Everything a caller sees of one match, floats as `repr` (bit-exact)."""
    x = match.explanation
    return {
        "id": match.listing.id,
        "score": repr(match.score),
        "signals": [repr(v) for v in vars_of(match.signals)],
        "strong": match.strong,
        "translations": [t.id for t in match.translations],
        "similarity": repr(x.semantic_similarity),
        "terms": [[t.query_term, t.listing_term] for t in x.matched_terms],
        "codes": [
            [str(c.query_code), str(c.listing_code), c.shared_prefix] for c in x.shared_codes
        ],
        "sectors": list(x.shared_sectors),
        "proximity": None if x.proximity is None else str(x.proximity),
        "why": explain(match),
    }


def vars_of(signals: object) -> list[float]:
    names = ("semantic", "lexical", "codes", "sectors", "geography")
    return [float(getattr(signals, name)) for name in names]


def synthetic(count: int, query_count: int, exact_sample: int) -> Iterator[dict[str, object]]:
    from benchmarks.matching import build_engine, queries_of

    engine, indexed = build_engine(count)
    queries = queries_of(indexed, query_count)
    step = max(1, len(queries) // exact_sample)
    for number, query in enumerate(queries):
        for name, filters in FILTERS.items():
            if name != "none" and number % 5:
                continue  # filters on every fifth query: they widen the pool
            yield _row(engine, f"q{number}/{name}", query, filters, 10, exact=False)
        if number % step == 0:
            yield _row(engine, f"q{number}/exact", query, MatchFilter(), 10, exact=True)
        if number % 10 == 0:
            yield _row(engine, f"q{number}/top50", query, MatchFilter(), 50, exact=False)


def development() -> Iterator[dict[str, object]]:
    from evaluation.matching.dev import (
        EMBEDDING_ALONE,
        dev_engine,
        dev_set_folder,
        load_dev_queries,
        load_offers,
    )

    folder = dev_set_folder()
    engine = dev_engine(load_offers(folder))
    for query in load_dev_queries(folder):
        variants = (("all", MatchWeights(), True), ("alone", EMBEDDING_ALONE, False))
        for label, weights, need in variants:
            engine.weights = weights
            yield _row(
                engine,
                f"{query.id}/{label}",
                MatchQuery(text=query.text, states_need=need),
                MatchFilter(),
                len(engine),
                exact=False,
            )
    # Offers matched against each other (the listing path: stored vectors, codes, places).
    engine.weights = MatchWeights()
    for item in engine.items()[:40]:
        yield _row(engine, f"offer{item.id}", MatchQuery.of(item), MatchFilter(), 20, exact=False)


def _row(
    engine: MatchEngine, key: str, query: MatchQuery, filters: MatchFilter, limit: int, exact: bool
) -> dict[str, object]:
    matches = engine.search(query, filters, limit, exact=exact)
    return {"key": key, "matches": [record(m) for m in matches]}


def compare(before: Path, after: Path) -> int:
    """Print the searches whose results differ; the number of them."""
    a = [json.loads(line) for line in before.read_text("utf-8").splitlines()]
    b = [json.loads(line) for line in after.read_text("utf-8").splitlines()]
    if [r["key"] for r in a] != [r["key"] for r in b]:
        print("the two files hold different searches")
        return 1
    differing = 0
    for x, y in zip(a, b, strict=True):
        if x != y:
            differing += 1
            if differing <= 5:
                pairs = zip(x["matches"], y["matches"], strict=False)
                first = next(
                    (i for i, (m, n) in enumerate(pairs) if m != n),
                    min(len(x["matches"]), len(y["matches"])),
                )
                print(f"{x['key']}: first difference at result {first}")
    matches = sum(len(r["matches"]) for r in a)
    print(f"{len(a)} searches, {matches} results: {differing} searches differ")
    return differing


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.matching_results")
    sub = parser.add_subparsers(dest="which", required=True)
    dump = sub.add_parser("dump")
    dump.add_argument("--listings", type=int, default=0, help="synthetic corpus of this size")
    dump.add_argument("--dev", action="store_true", help="the development set instead")
    dump.add_argument("--queries", type=int, default=300)
    dump.add_argument("--exact-queries", type=int, default=60)
    dump.add_argument("--out", type=Path, required=True)
    both = sub.add_parser("compare")
    both.add_argument("before", type=Path)
    both.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.which == "compare":
        sys.exit(1 if compare(args.before, args.after) else 0)
    np.random.seed(0)
    random.seed(0)
    rows = development() if args.dev else synthetic(args.listings, args.queries, args.exact_queries)
    with args.out.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()

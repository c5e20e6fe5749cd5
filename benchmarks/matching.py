"""Matching at scale: build, memory, latency and recall over a synthetic corpus (default 1M).

Measured side by side in one run, on the same queries:
- hybrid (HNSW semantic candidates + BM25), the engine as deployed;
- exact: the same pipeline with brute-force semantic candidates, the reference for recall@10;
- SQLite FTS5 (bm25, unicode61 tokens), a lexical-only baseline.
Queries: the 150 evaluation queries (RU/EN/ZH free text) plus as many listing-to-listing matches.
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from rich.console import Console
from rich.table import Table

from benchmarks.corpus import SyntheticListing, generate
from benchmarks.vectors import CACHE, corpus_vectors, embedding_text
from coopex.domain.codes import parse_code
from coopex.domain.listings import Listing, ListingKind, ListingStatus
from coopex.domain.organizations import Provenance
from coopex.domain.queries import MatchFilter
from coopex.engines.matching.ranker import IndexedListing, MatchEngine, MatchQuery
from coopex.indexing.hnsw import HnswIndex
from coopex.nlp.analysis import MultilingualAnalyzer
from coopex.nlp.embeddings import UseEmbedder
from coopex.reference.glossary import chinese_words, load_glossary
from evaluation.matching.__main__ import load_queries

console = Console()
WORD = re.compile(r"\w+", re.UNICODE)
INCREMENTAL = 21  # listings added, then removed, one at a time


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def to_indexed(item: SyntheticListing) -> IndexedListing:
    listing = Listing(
        ref=f"syn-{item.id}",
        kind=ListingKind(item.kind),
        org_ref=f"org-{item.id % 5000}",
        title=item.title,
        description=item.description,
        language=item.language,
        codes=tuple(parse_code(c) for c in item.codes),
        region=item.region,
        status=ListingStatus.PUBLISHED,
        provenance=Provenance.ILLUSTRATIVE,
        id=item.id,
    )
    return IndexedListing(listing, item.country)


@dataclass
class Timing:
    p50: float
    p95: float
    p99: float


def timing(samples: list[float]) -> Timing:
    ordered = sorted(samples)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    return Timing(statistics.median(ordered) * 1000, at(0.95), at(0.99))


def timed_each(queries: list[MatchQuery], run: Callable[[MatchQuery], object]) -> list[float]:
    samples = []
    for query in queries:
        start = time.perf_counter()
        run(query)
        samples.append(time.perf_counter() - start)
    return samples


def fts_query(text: str) -> str:
    words = {w for w in WORD.findall(text.lower()) if len(w) > 2}
    return " OR ".join(f'"{w}"' for w in sorted(words)) or '"x"'


def queries_of(indexed: list[IndexedListing], query_count: int) -> list[MatchQuery]:
    """The benchmark's queries: the evaluation queries, then listings matched (seeded)."""
    rng = random.Random(7)
    texts = [MatchQuery(text=q.text) for q in load_queries()]
    listing_queries = [
        MatchQuery.of(indexed[i])
        for i in rng.sample(range(len(indexed)), max(query_count - len(texts), 0))
    ]
    return (texts + listing_queries)[:query_count]


def build_engine(count: int) -> tuple[MatchEngine, list[IndexedListing]]:
    """The benchmark's engine over `count` synthetic listings, its embeddings and HNSW graph
    from the cache (the graph is built with several threads, so two builds differ a little:
    versions compared on "the same index" must load the same graph)."""
    embedder, analyzer = UseEmbedder(), MultilingualAnalyzer(chinese_words())
    items = list(generate(count))
    vectors, _ = corpus_vectors(items, embedder)
    indexed = [to_indexed(i) for i in items]
    graph = CACHE / f"hnsw-{count}.usearch"
    ann = HnswIndex(embedder.dimension, path=graph)
    engine = MatchEngine(embedder, analyzer, load_glossary(analyzer), ann=ann)
    engine.add(indexed, np.asarray(vectors), with_ann=len(ann) == 0)
    if not graph.exists():
        partial = graph.with_suffix(".partial")
        ann.save(partial)
        partial.rename(graph)
    return engine, indexed


def run(count: int, query_count: int, exact_sample: int) -> dict[str, object]:
    embedder, analyzer = UseEmbedder(), MultilingualAnalyzer(chinese_words())
    items = list(generate(count))
    console.print(f"corpus: {count:,} listings; RSS {rss_mib():,.0f} MiB")
    sample = [embedding_text(i) for i in items[:20_000]]
    embedder.embed(sample[: embedder.parallel_from])  # start the worker pool
    start = time.perf_counter()
    embedder.embed(sample)  # as a rebuild embeds: in parallel worker processes
    embed_ms = (time.perf_counter() - start) / len(sample) * 1000
    vectors, embed_seconds = corpus_vectors(items, embedder)
    embed_seconds = embed_seconds or embed_ms * count / 1000  # cached: extrapolated from this run

    indexed = [to_indexed(i) for i in items]
    engine = MatchEngine(
        embedder, analyzer, load_glossary(analyzer), ann=HnswIndex(embedder.dimension)
    )
    start = time.perf_counter()
    engine.add(indexed, np.asarray(vectors), with_ann=False)
    lexical_seconds = time.perf_counter() - start
    assert engine.ann is not None
    start = time.perf_counter()
    engine.ann.upsert([i.id for i in indexed], np.asarray(vectors))
    hnsw_seconds = time.perf_counter() - start
    memory = rss_mib()
    console.print(
        f"built: lexical+store {lexical_seconds:.0f}s, HNSW {hnsw_seconds:.0f}s, "
        f"RSS {memory:,.0f} MiB"
    )

    queries = queries_of(indexed, query_count)
    for query in queries[:5]:
        engine.search(query, MatchFilter(), 10)  # warm caches (analysis, numpy)
    hybrid_results: list[list[int]] = []
    hybrid = timing(
        timed_each(
            queries,
            lambda q: hybrid_results.append(
                [m.listing.id or 0 for m in engine.search(q, MatchFilter(), 10)]
            ),
        )
    )

    exact_queries = queries[:: max(1, len(queries) // exact_sample)][:exact_sample]
    exact_results: list[list[int]] = []
    exact = timing(
        timed_each(
            exact_queries,
            lambda q: exact_results.append(
                [m.listing.id or 0 for m in engine.search(q, MatchFilter(), 10, exact=True)]
            ),
        )
    )
    step = max(1, len(queries) // exact_sample)
    recall = statistics.fmean(
        len(set(hybrid_results[i * step]) & set(exact_results[i])) / max(1, len(exact_results[i]))
        for i in range(len(exact_results))
    )

    fts = sqlite3.connect(":memory:")
    start = time.perf_counter()
    fts.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize='unicode61')")
    fts.executemany(
        "INSERT INTO docs(rowid, body) VALUES (?, ?)",
        ((i.id, f"{i.title} {i.description}") for i in items),
    )
    fts.commit()
    fts_build = time.perf_counter() - start
    fts_results: list[list[int]] = []
    fts_timing = timing(
        timed_each(
            queries,
            lambda q: fts_results.append(
                [
                    r[0]
                    for r in fts.execute(
                        "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10",
                        (fts_query(q.text),),
                    )
                ]
            ),
        )
    )
    fts_recall = statistics.fmean(
        len(set(fts_results[i * step]) & set(exact_results[i])) / max(1, len(exact_results[i]))
        for i in range(len(exact_results))
    )

    # Several listings, one at a time: a single add or remove is at the mercy of the machine's
    # noise (one run read 59 ms where the runs before read 8-10).
    fresh = [
        to_indexed(replace(listing, id=count + 1 + n))
        for n, listing in enumerate(generate(INCREMENTAL, seed=count))
    ]
    add_samples, remove_samples = [], []
    for listing in fresh:
        start = time.perf_counter()
        engine.add([listing])
        add_samples.append((time.perf_counter() - start) * 1000)
    for listing in fresh:
        start = time.perf_counter()
        engine.remove(listing.id)
        remove_samples.append((time.perf_counter() - start) * 1000)

    results = {
        "listings": count,
        "queries": len(queries),
        "exact_queries": len(exact_queries),
        "embed_ms_per_listing": round(embed_ms, 3),
        "build_seconds": {
            "embed": round(embed_seconds),
            "lexical_and_store": round(lexical_seconds),
            "hnsw": round(hnsw_seconds),
            "total": round(embed_seconds + lexical_seconds + hnsw_seconds),
            "fts5": round(fts_build),
        },
        "rss_mib_after_build": round(memory),
        "latency_ms": {
            "hybrid_hnsw": vars(hybrid),
            "exact_brute_force": vars(exact),
            "fts5_lexical_only": vars(fts_timing),
        },
        "recall_at_10_vs_exact": {
            "hybrid_hnsw": round(recall, 4),
            "fts5_lexical_only": round(fts_recall, 4),
        },
        "incremental_ms": {
            "listings": INCREMENTAL,
            "add_one": round(statistics.median(add_samples), 1),
            "add_one_max": round(max(add_samples), 1),
            "remove_one": round(statistics.median(remove_samples), 2),
            "remove_one_max": round(max(remove_samples), 2),
        },
    }
    report(results)
    return results


def report(r: dict[str, object]) -> None:
    latency = r["latency_ms"]
    recall = r["recall_at_10_vs_exact"]
    build = r["build_seconds"]
    assert isinstance(latency, dict) and isinstance(recall, dict) and isinstance(build, dict)
    table = Table(
        title=f"matching: {r['listings']:,} listings, {r['queries']} queries, top-10, 2 cores"
    )
    for column in ("", "p50 ms", "p95 ms", "p99 ms", "recall@10 vs exact", "build"):
        table.add_column(column, justify="right" if column else "left")
    base = latency["exact_brute_force"]["p95"]
    for name, label, built in (
        ("hybrid_hnsw", "coopex hybrid (HNSW + BM25)", f"{build['total']} s"),
        (
            "exact_brute_force",
            "exact (brute-force semantic)",
            f"{build['total'] - build['hnsw']} s",
        ),
        ("fts5_lexical_only", "SQLite FTS5 (lexical only)", f"{build['fts5']} s"),
    ):
        t = latency[name]
        recall_cell = "1 (reference)" if name == "exact_brute_force" else f"{recall[name]:.3f}"
        table.add_row(
            label,
            f"{t['p50']:.1f}",
            f"{t['p95']:.1f} ({base / t['p95']:.1f}× faster)"
            if name != "exact_brute_force"
            else f"{t['p95']:.1f}",
            f"{t['p99']:.1f}",
            recall_cell,
            built,
        )
    console.print(table)
    incremental = r["incremental_ms"]
    assert isinstance(incremental, dict)
    console.print(
        f"build: embed {build['embed']} s ({r['embed_ms_per_listing']} ms/listing), "
        f"lexical+store {build['lexical_and_store']} s, HNSW {build['hnsw']} s; "
        f"RSS {r['rss_mib_after_build']:,} MiB; incremental, median (max) of "
        f"{incremental['listings']} listings one at a time: add {incremental['add_one']} ms "
        f"({incremental['add_one_max']}), remove {incremental['remove_one']} ms "
        f"({incremental['remove_one_max']})"
    )


def save(results: dict[str, object], path: Path) -> None:
    path.write_text(json.dumps(results, indent=1), encoding="utf-8")

"""Embeddings of the synthetic corpus, computed once and cached (outside the repository)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
from rich.progress import Progress

from benchmarks.corpus import SyntheticListing
from coopex.engines.matching.ports import Vectors
from coopex.nlp.embeddings import UseEmbedder

CACHE = Path(os.environ.get("COOPEX_BENCH_CACHE", Path(tempfile.gettempdir()) / "coopex-bench"))
CHUNK = 32_768


def embedding_text(item: SyntheticListing) -> str:
    return f"{item.title}. {item.description}"


def corpus_vectors(items: list[SyntheticListing], embedder: UseEmbedder) -> tuple[Vectors, float]:
    """(vectors, seconds spent embedding); the seconds are 0 when they came from the cache."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"use-{len(items)}.npy"
    if path.exists():
        return np.load(path, mmap_mode="r"), 0.0
    import time

    start = time.perf_counter()
    vectors = np.zeros((len(items), embedder.dimension), dtype=np.float32)
    with Progress() as progress:
        task = progress.add_task(f"embedding {len(items):,} listings", total=len(items))
        for offset in range(0, len(items), CHUNK):
            batch = items[offset : offset + CHUNK]
            vectors[offset : offset + len(batch)] = embedder.embed(
                [embedding_text(i) for i in batch]
            )
            progress.advance(task, len(batch))
    seconds = time.perf_counter() - start
    partial = path.with_suffix(".partial.npy")
    np.save(partial, vectors)
    partial.rename(path)  # a crash mid-way leaves no half-written cache behind
    return vectors, seconds

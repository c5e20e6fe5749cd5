from __future__ import annotations

from pathlib import Path

import numpy as np

from coopex.engines.matching.ports import Vectors
from coopex.engines.matching.vectors import VectorIndex
from coopex.indexing.hnsw import HnswIndex


def unit_vectors(count: int, dimension: int = 64, seed: int = 1) -> Vectors:
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(count, dimension)).astype(np.float32)
    normalised: Vectors = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return normalised


def test_hnsw_agrees_with_brute_force_and_follows_changes(tmp_path: Path) -> None:
    vectors = unit_vectors(3000)
    ids = list(range(1, 3001))
    ann, exact = HnswIndex(64), VectorIndex(64)
    ann.upsert(ids, vectors)
    exact.upsert(ids, vectors)
    queries = unit_vectors(50, seed=2)
    recall = np.mean(
        [
            len(set(ann.top(q, 10)[0].tolist()) & set(exact.top(q, 10)[0].tolist())) / 10
            for q in queries
        ]
    )
    assert recall >= 0.9
    found, similarities = ann.top(vectors[0], 1)
    assert found.tolist() == [1] and abs(similarities[0] - 1.0) < 0.02

    ann.remove(1)
    ann.upsert([2], vectors[[5]])  # replace in place
    assert 1 not in ann.top(vectors[0], 5)[0].tolist()
    assert set(ann.top(vectors[5], 2)[0].tolist()) == {2, 6}
    assert len(ann) == 2999

    path = tmp_path / "vectors.usearch"
    ann.save(path)
    restored = HnswIndex(64, path=path)
    assert len(restored) == 2999
    assert restored.top(vectors[5], 2)[0].tolist() == ann.top(vectors[5], 2)[0].tolist()

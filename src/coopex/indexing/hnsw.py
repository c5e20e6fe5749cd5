"""Approximate nearest neighbours with usearch's HNSW graph (cosine, int8 vectors)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
from usearch.index import Index

from coopex.engines.matching.ports import Vectors


class HnswIndex:
    """The `NearestNeighbours` the engine uses past a size where brute force gets slow.

    int8 quantisation keeps 512-d vectors at 512 bytes each; the exact float32 vectors stay
    in the engine, which re-scores every candidate exactly.
    """

    def __init__(
        self,
        dimension: int,
        connectivity: int = 16,
        expansion_add: int = 128,
        expansion_search: int = 96,
        path: Path | None = None,
    ) -> None:
        self._index = Index(
            ndim=dimension,
            metric="cos",
            dtype="i8",
            connectivity=connectivity,
            expansion_add=expansion_add,
            expansion_search=expansion_search,
        )
        if path is not None and path.exists():
            self._index.load(str(path))

    def __len__(self) -> int:
        return len(self._index)

    def upsert(self, doc_ids: list[int], vectors: Vectors) -> None:
        keys = np.asarray(doc_ids, dtype=np.uint64)
        present = [k for k in keys.tolist() if self._index.contains(k)]
        for key in present:
            self._index.remove(key)
        if len(keys):
            self._index.add(keys, np.ascontiguousarray(vectors, dtype=np.float32), threads=0)

    def remove(self, doc_id: int) -> None:
        if self._index.contains(doc_id):
            self._index.remove(doc_id)

    def top(self, query: Vectors, k: int) -> tuple[npt.NDArray[np.int64], Vectors]:
        if len(self._index) == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        matches = self._index.search(np.asarray(query, dtype=np.float32), min(k, len(self._index)))
        return matches.keys.astype(np.int64), (1.0 - matches.distances).astype(np.float32)

    def save(self, path: Path) -> None:
        self._index.save(str(path))

    def load(self, path: Path) -> None:
        self._index.load(str(path))

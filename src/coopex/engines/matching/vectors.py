"""Exact cosine search over a growing matrix of normalised vectors."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from coopex.engines.matching.ports import Vectors


class VectorIndex:
    """Rows are added or replaced in place and removed by tombstone; storage doubles as needed."""

    def __init__(self, dimension: int) -> None:
        self.dimension = dimension
        self._matrix: Vectors = np.zeros((0, dimension), dtype=np.float32)
        self._ids: npt.NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self._alive: npt.NDArray[np.bool_] = np.zeros(0, dtype=bool)
        self._row: dict[int, int] = {}
        self._size = 0

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._row

    def _grow(self, needed: int) -> None:
        capacity = max(needed, 2 * len(self._ids), 64)
        matrix = np.zeros((capacity, self.dimension), dtype=np.float32)
        matrix[: self._size] = self._matrix[: self._size]
        ids = np.zeros(capacity, dtype=np.int64)
        ids[: self._size] = self._ids[: self._size]
        alive = np.zeros(capacity, dtype=bool)
        alive[: self._size] = self._alive[: self._size]
        self._matrix, self._ids, self._alive = matrix, ids, alive

    def upsert(self, doc_ids: list[int], vectors: Vectors) -> None:
        fresh = [i for i in doc_ids if i not in self._row]
        if self._size + len(fresh) > len(self._ids):
            self._grow(self._size + len(fresh))
        for doc_id, vector in zip(doc_ids, vectors, strict=True):
            row = self._row.get(doc_id)
            if row is None:
                row = self._size
                self._size += 1
                self._row[doc_id] = row
                self._ids[row] = doc_id
            self._matrix[row] = vector
            self._alive[row] = True

    def remove(self, doc_id: int) -> None:
        row = self._row.pop(doc_id, None)
        if row is not None:
            self._alive[row] = False

    def export(self) -> tuple[npt.NDArray[np.int64], Vectors]:
        """(ids, vectors) of every live row, in row order."""
        alive = self._alive[: self._size]
        return self._ids[: self._size][alive].copy(), self._matrix[: self._size][alive].copy()

    def vector(self, doc_id: int) -> Vectors | None:
        row = self._row.get(doc_id)
        return None if row is None else self._matrix[row]

    def similarities(self, query: Vectors) -> tuple[npt.NDArray[np.int64], Vectors]:
        """(ids, cosine similarities) of every live row."""
        alive = self._alive[: self._size]
        scores = self._matrix[: self._size][alive] @ query
        return self._ids[: self._size][alive], scores.astype(np.float32)

    def top(self, query: Vectors, k: int) -> tuple[npt.NDArray[np.int64], Vectors]:
        """The exact `k` nearest live rows, best first (brute force, one matrix product)."""
        scores = self._matrix[: self._size] @ query
        scores[~self._alive[: self._size]] = -np.inf
        k = min(k, len(self._row))
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        rows = np.argpartition(-scores, k - 1)[:k] if k < scores.size else np.arange(scores.size)
        rows = rows[np.argsort(-scores[rows], kind="stable")]
        rows = rows[np.isfinite(scores[rows])]
        return self._ids[rows], scores[rows].astype(np.float32)

    def similarity_of(self, doc_ids: list[int], query: Vectors) -> Vectors:
        """Cosine similarity of the query with each given id (0 for unknown ids)."""
        rows = [self._row.get(i, -1) for i in doc_ids]
        known = np.array([r for r in rows if r >= 0], dtype=np.int64)
        result = np.zeros(len(rows), dtype=np.float32)
        if known.size:
            mask = np.array([r >= 0 for r in rows])
            result[mask] = self._matrix[known] @ query
        return result

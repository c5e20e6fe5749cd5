"""Exact cosine search over normalised vectors kept in fixed-size blocks.

Blocks mean growth never copies what is stored (a doubling array would copy gigabytes at a
million listings, on one unlucky insert); rows are replaced in place and removed by tombstone.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from coopex.engines.matching.ports import Vectors

BLOCK = 65_536

Ids = npt.NDArray[np.int64]


class VectorIndex:
    def __init__(self, dimension: int, block: int = BLOCK) -> None:
        self.dimension = dimension
        self.block = block
        self._blocks: list[Vectors] = []
        self._ids: list[Ids] = []
        self._alive: list[npt.NDArray[np.bool_]] = []
        self._row: dict[int, int] = {}
        self._size = 0

    def __len__(self) -> int:
        return len(self._row)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._row

    def _slot(self, row: int) -> tuple[int, int]:
        return divmod(row, self.block)

    def _append_row(self, doc_id: int) -> int:
        row = self._size
        block, offset = self._slot(row)
        if block == len(self._blocks):
            self._blocks.append(np.zeros((self.block, self.dimension), dtype=np.float32))
            self._ids.append(np.zeros(self.block, dtype=np.int64))
            self._alive.append(np.zeros(self.block, dtype=bool))
        self._ids[block][offset] = doc_id
        self._row[doc_id] = row
        self._size += 1
        return row

    def upsert(self, doc_ids: list[int], vectors: Vectors) -> None:
        for doc_id, vector in zip(doc_ids, vectors, strict=True):
            row = self._row.get(doc_id)
            if row is None:
                row = self._append_row(doc_id)
            block, offset = self._slot(row)
            self._blocks[block][offset] = vector
            self._alive[block][offset] = True

    def remove(self, doc_id: int) -> None:
        row = self._row.pop(doc_id, None)
        if row is not None:
            block, offset = self._slot(row)
            self._alive[block][offset] = False

    def _used(self) -> list[tuple[Vectors, Ids, npt.NDArray[np.bool_]]]:
        """(vectors, ids, alive) of every block, trimmed to the rows in use."""
        result = []
        for index, (vectors, ids, alive) in enumerate(
            zip(self._blocks, self._ids, self._alive, strict=True)
        ):
            used = min(self.block, self._size - index * self.block)
            result.append((vectors[:used], ids[:used], alive[:used]))
        return result

    def export(self) -> tuple[Ids, Vectors]:
        """(ids, vectors) of every live row, in row order."""
        parts = [(ids[alive], vectors[alive]) for vectors, ids, alive in self._used()]
        if not parts:
            return np.zeros(0, dtype=np.int64), np.zeros((0, self.dimension), dtype=np.float32)
        return np.concatenate([p[0] for p in parts]), np.vstack([p[1] for p in parts])

    def vector(self, doc_id: int) -> Vectors | None:
        row = self._row.get(doc_id)
        if row is None:
            return None
        block, offset = self._slot(row)
        stored: Vectors = self._blocks[block][offset]
        return stored

    def top(self, query: Vectors, k: int) -> tuple[Ids, Vectors]:
        """The exact `k` nearest live rows, best first (brute force, block by block)."""
        k = min(k, len(self._row))
        if k <= 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        all_ids: list[Ids] = []
        all_scores: list[Vectors] = []
        for vectors, ids, alive in self._used():
            scores = vectors @ query
            scores[~alive] = -np.inf
            keep = min(k, scores.size)
            best = (
                np.argpartition(-scores, keep - 1)[:keep]
                if keep < scores.size
                else np.arange(scores.size)
            )
            all_ids.append(ids[best])
            all_scores.append(scores[best])
        ids = np.concatenate(all_ids)
        scores = np.concatenate(all_scores)
        order = np.argsort(-scores, kind="stable")[:k]
        order = order[np.isfinite(scores[order])]
        return ids[order], scores[order].astype(np.float32)

    def similarity_of(self, doc_ids: list[int], query: Vectors) -> Vectors:
        """Cosine similarity of the query with each given id (0 for unknown ids)."""
        result = np.zeros(len(doc_ids), dtype=np.float32)
        rows = np.fromiter((self._row.get(i, -1) for i in doc_ids), np.int64, len(doc_ids))
        positions = np.flatnonzero(rows >= 0)
        blocks, offsets = np.divmod(rows[positions], self.block)
        for block in np.unique(blocks).tolist():
            chosen = blocks == block
            # One dot product per row (not a matrix product, whose sums run in another order):
            # the same float32 values as `vector @ query` row by row, bit for bit.
            result[positions[chosen]] = np.vecdot(self._blocks[block][offsets[chosen]], query)
        return result

"""BM25 over a compacted, term-major segment plus a small mutable delta.

Scores are computed with numpy over posting arrays, so a query costs the length of its
terms' postings, not the size of the index. Additions go to the delta (and removals to
tombstones) without touching the compacted segment; `compact()` folds both in when the delta
grows past a fraction of the whole. BM25's length normalisation is fixed when a document is
added (as in Lucene's norms); idf is always current.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
import numpy.typing as npt

Ids = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float32]
COMPACT_FRACTION = 0.2  # compact when the delta holds this share of all documents


class LexicalScores:
    """BM25 scores of one query over every document (dense, indexed by internal row)."""

    def __init__(self, index: LexicalIndex, dense: Floats) -> None:
        self._index = index
        self._dense = dense

    def top(self, k: int) -> tuple[Ids, Floats]:
        """The `k` best documents with a positive score, best first."""
        positive = np.flatnonzero(self._dense > 0)
        if positive.size > k:
            chosen = np.argpartition(-self._dense[positive], k - 1)[:k]
            positive = positive[chosen]
        order = np.argsort(-self._dense[positive], kind="stable")
        rows = positive[order]
        return self._index._doc_ids[rows], self._dense[rows]

    def of(self, doc_ids: Iterable[int]) -> Floats:
        known = self._index._rows
        rows = np.fromiter((known.get(int(i), -1) for i in doc_ids), np.int64)
        scores = np.zeros(len(rows), dtype=np.float32)
        found = rows >= 0
        scores[found] = self._dense[rows[found]]
        return scores


class LexicalIndex:
    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self._term_ids: dict[str, int] = {}
        self._df: list[int] = []  # live documents per term id
        # Documents: internal row -> doc id; term counts per doc for removal and explanations.
        self._doc_ids: Ids = np.zeros(0, dtype=np.int64)
        self._rows: dict[int, int] = {}
        self._counts: list[Counter[str] | None] = []
        self._total_length = 0
        self._live = 0
        # Compacted segment: postings of term t are rows/impacts[offsets[t]:offsets[t+1]].
        self._offsets: Ids = np.zeros(1, dtype=np.int64)
        self._post_rows: Ids = np.zeros(0, dtype=np.int64)
        self._post_impacts: Floats = np.zeros(0, dtype=np.float32)
        self._alive: npt.NDArray[np.bool_] = np.zeros(0, dtype=bool)
        self._compacted_rows = 0
        # Delta: term id -> {row: impact} for rows added since the last compaction.
        self._delta: dict[int, dict[int, float]] = {}

    def __len__(self) -> int:
        return self._live

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._rows

    def _impact(self, tf: int, length: int) -> float:
        average = self._total_length / self._live if self._live else max(length, 1)
        return tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b * length / average))

    def _term_id(self, term: str) -> int:
        term_id = self._term_ids.get(term)
        if term_id is None:
            term_id = self._term_ids[term] = len(self._df)
            self._df.append(0)
        return term_id

    def add(self, doc_id: int, terms: Iterable[str]) -> None:
        """Index a document; re-adding an id replaces it."""
        self.add_many([(doc_id, list(terms))])

    def add_many(self, documents: Iterable[tuple[int, list[str]]]) -> None:
        documents = list(documents)
        for doc_id, _ in documents:
            self.remove(doc_id)
        start = len(self._counts)
        self._doc_ids = np.concatenate(
            [self._doc_ids, np.array([d for d, _ in documents], dtype=np.int64)]
        )
        self._alive = np.concatenate([self._alive, np.ones(len(documents), dtype=bool)])
        for offset, (doc_id, terms) in enumerate(documents):
            row = start + offset
            counts = Counter(terms)
            length = sum(counts.values())
            self._rows[doc_id] = row
            self._counts.append(counts)
            self._total_length += length
            self._live += 1
            for term, tf in counts.items():
                term_id = self._term_id(term)
                self._df[term_id] += 1
                self._delta.setdefault(term_id, {})[row] = self._impact(tf, length)
        if (
            len(self._counts) - self._compacted_rows > COMPACT_FRACTION * max(self._live, 1)
            and self._live > 1000
        ):
            self.compact()

    def _reserve(self, rows: int) -> None:
        """Room for `rows` rows in the per-row arrays (they are small: 9 bytes a row)."""
        if rows <= len(self._doc_ids):
            return
        capacity = max(rows, 2 * len(self._doc_ids), 1024)
        doc_ids = np.zeros(capacity, dtype=np.int64)
        doc_ids[: len(self._doc_ids)] = self._doc_ids
        alive = np.zeros(capacity, dtype=bool)
        alive[: len(self._alive)] = self._alive
        self._doc_ids, self._alive = doc_ids, alive

    def remove(self, doc_id: int) -> None:
        row = self._rows.pop(doc_id, None)
        if row is None:
            return
        counts = self._counts[row]
        assert counts is not None
        self._counts[row] = None
        self._alive[row] = False
        self._total_length -= sum(counts.values())
        self._live -= 1
        for term in counts:
            term_id = self._term_ids[term]
            self._df[term_id] -= 1
            posting = self._delta.get(term_id)
            if posting is not None:
                posting.pop(row, None)

    def compact(self) -> None:
        """Rewrite every live document into one compacted segment (renumbering rows)."""
        live_rows = [row for row, counts in enumerate(self._counts) if counts is not None]
        counts_list = [self._counts[row] for row in live_rows]
        doc_ids = self._doc_ids[live_rows] if live_rows else np.zeros(0, dtype=np.int64)
        average = self._total_length / self._live if self._live else 1.0
        postings: dict[int, tuple[list[int], list[float]]] = {}
        for new_row, counts in enumerate(counts_list):
            assert counts is not None
            length = sum(counts.values())
            for term, tf in counts.items():
                rows, impacts = postings.setdefault(self._term_ids[term], ([], []))
                rows.append(new_row)
                impacts.append(
                    tf * (self.k1 + 1) / (tf + self.k1 * (1 - self.b + self.b * length / average))
                )
        offsets = np.zeros(len(self._df) + 1, dtype=np.int64)
        for term_id in range(len(self._df)):
            offsets[term_id + 1] = offsets[term_id] + len(postings.get(term_id, ((), ()))[0])
        post_rows = np.zeros(int(offsets[-1]), dtype=np.int64)
        post_impacts = np.zeros(int(offsets[-1]), dtype=np.float32)
        for term_id, (rows, impacts) in postings.items():
            post_rows[offsets[term_id] : offsets[term_id + 1]] = rows
            post_impacts[offsets[term_id] : offsets[term_id + 1]] = impacts
        self._offsets, self._post_rows, self._post_impacts = offsets, post_rows, post_impacts
        self._doc_ids = doc_ids.astype(np.int64)
        self._counts = list(counts_list)
        self._rows = {int(d): row for row, d in enumerate(self._doc_ids)}
        self._alive = np.ones(len(self._counts), dtype=bool)
        self._compacted_rows = len(self._counts)
        self._delta = {}

    def df(self, term: str) -> int:
        """Live documents holding `term`."""
        term_id = self._term_ids.get(term)
        return self._df[term_id] if term_id is not None else 0

    def idf(self, term: str) -> float:
        term_id = self._term_ids.get(term)
        df = self._df[term_id] if term_id is not None else 0
        return math.log(1 + (self._live - df + 0.5) / (df + 0.5))

    def score(self, query: Mapping[str, float]) -> LexicalScores:
        """BM25 of every document for `query` (term -> weight)."""
        rows = len(self._counts)
        dense = np.zeros(rows, dtype=np.float32)
        for term, weight in query.items():
            term_id = self._term_ids.get(term)
            if term_id is None or self._df[term_id] == 0:
                continue
            factor = np.float32(self.idf(term) * weight)
            if term_id + 1 < len(self._offsets):
                start, end = self._offsets[term_id], self._offsets[term_id + 1]
                dense[self._post_rows[start:end]] += factor * self._post_impacts[start:end]
            for row, impact in self._delta.get(term_id, {}).items():
                dense[row] += factor * impact
        if self._live < rows:  # removed documents' rows are still in the segment
            dense[~self._alive[:rows]] = 0.0
        return LexicalScores(self, dense)

    def scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """{doc id: score} of the documents that match (convenient for small indexes)."""
        ids, values = self.score(query).top(max(self._live, 1))
        return dict(zip(ids.tolist(), values.tolist(), strict=True))

    def terms_of(self, doc_id: int) -> Counter[str]:
        row = self._rows.get(doc_id)
        counts = self._counts[row] if row is not None else None
        return counts if counts is not None else Counter()

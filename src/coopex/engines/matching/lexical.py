"""An in-memory BM25 index that takes additions and removals without a rebuild."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping


class LexicalIndex:
    def __init__(self, k1: float = 1.2, b: float = 0.75) -> None:
        self.k1 = k1
        self.b = b
        self._postings: dict[str, dict[int, int]] = {}
        self._documents: dict[int, Counter[str]] = {}
        self._lengths: dict[int, int] = {}
        self._total_length = 0

    def __len__(self) -> int:
        return len(self._documents)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._documents

    def add(self, doc_id: int, terms: Iterable[str]) -> None:
        """Index a document; re-adding an id replaces it."""
        self.remove(doc_id)
        counts = Counter(terms)
        self._documents[doc_id] = counts
        self._lengths[doc_id] = sum(counts.values())
        self._total_length += self._lengths[doc_id]
        for term, count in counts.items():
            self._postings.setdefault(term, {})[doc_id] = count

    def remove(self, doc_id: int) -> None:
        counts = self._documents.pop(doc_id, None)
        if counts is None:
            return
        self._total_length -= self._lengths.pop(doc_id)
        for term in counts:
            posting = self._postings[term]
            del posting[doc_id]
            if not posting:
                del self._postings[term]

    def idf(self, term: str) -> float:
        df = len(self._postings.get(term, ()))
        n = len(self._documents)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def scores(self, query: Mapping[str, float]) -> dict[int, float]:
        """BM25 of every document containing a query term; `query` maps term -> weight."""
        if not self._documents:
            return {}
        average = self._total_length / len(self._documents)
        k1, b, lengths = self.k1, self.b, self._lengths
        result: dict[int, float] = {}
        for term, weight in query.items():
            posting = self._postings.get(term)
            if not posting:
                continue
            idf = self.idf(term) * weight
            for doc_id, tf in posting.items():
                norm = tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths[doc_id] / average))
                result[doc_id] = result.get(doc_id, 0.0) + idf * norm
        return result

    def terms_of(self, doc_id: int) -> Counter[str]:
        return self._documents.get(doc_id, Counter())

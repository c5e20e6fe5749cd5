"""Event typing learned from labelled sentences, on top of the event wordings.

A sentence whose wordings name event types is compared, by multilingual sentence embedding
(USE, `nlp/embeddings.py`), with the labelled sentences shipped in
`data/reference/event_examples.csv` (drawn from the development set's tuning part by
`python -m evaluation.news.examples`). Its nearest labelled neighbours vote, weighted by
similarity: a strong vote for "no event" drops the wordings' types, a strong vote for a type
the wordings did not name adds it. The wordings stay the first path; the examples correct
them across languages, since a Chinese sentence lies near its Russian and English kin.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import numpy as np

from coopex.domain.news import EventType
from coopex.engines.matching.ports import Vectors
from coopex.nlp.embeddings import UseEmbedder
from coopex.reference.catalog import read_reference_csv

NONE = "none"
SAME = 0.995  # a labelled sentence this close is the sentence itself: it does not vote


class ExampleEventTyper:
    def __init__(
        self,
        embedder: UseEmbedder | None = None,
        rows: Sequence[tuple[str, str]] | None = None,
        neighbours: int = 5,
        drop: float = 0.8,
        add: float = 0.8,
    ) -> None:
        """`rows`: (label, sentence), a label being an event type's value or "none"."""
        self._embedder = embedder or UseEmbedder(threads=1, processes=1)
        self._rows = rows
        self.neighbours, self.drop, self.add = neighbours, drop, add

    @cached_property
    def _examples(self) -> tuple[list[str], Vectors]:
        rows = self._rows
        if rows is None:
            rows = [(r["label"], r["sentence"]) for r in read_reference_csv("event_examples.csv")]
        for label, _ in rows:
            if label != NONE and label not in EventType._value2member_map_:
                raise ValueError(f"event_examples.csv: unknown label {label!r}")
        return [label for label, _ in rows], self._embedder.embed([s for _, s in rows])

    def votes(self, sentence: str) -> dict[str, float]:
        """Each label's share of the nearest labelled sentences' similarity."""
        labels, vectors = self._examples
        if not labels:
            return {}
        similarity = vectors @ self._embedder.embed([sentence])[0]
        similarity[similarity >= SAME] = -1.0
        nearest = np.argsort(-similarity)[: self.neighbours]
        weights: dict[str, float] = {}
        for i in nearest:
            if similarity[i] > 0:
                weights[labels[i]] = weights.get(labels[i], 0.0) + float(similarity[i])
        total = sum(weights.values()) or 1.0
        return {label: weight / total for label, weight in weights.items()}

    def __call__(self, sentence: str, kinds: Sequence[EventType]) -> list[EventType]:
        votes = self.votes(sentence)
        if votes.get(NONE, 0.0) >= self.drop:
            return []
        found = list(kinds)
        typed = [(share, label) for label, share in votes.items() if label != NONE]
        best = max(typed) if typed else None
        if best is not None and best[0] >= self.add and EventType(best[1]) not in found:
            found.insert(0, EventType(best[1]))
        return found

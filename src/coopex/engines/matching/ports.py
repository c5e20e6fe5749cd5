"""What the matching engine needs from NLP models; `coopex.nlp` provides them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    dimension: int

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One L2-normalised row per text, comparable across languages."""
        ...


class NearestNeighbours(Protocol):
    """An approximate nearest-neighbour index over the same vectors (e.g. HNSW)."""

    def upsert(self, doc_ids: list[int], vectors: Vectors) -> None: ...

    def remove(self, doc_id: int) -> None: ...

    def top(self, query: Vectors, k: int) -> tuple[npt.NDArray[np.int64], Vectors]:
        """About the `k` nearest ids, best first, with their cosine similarities."""
        ...

    def __len__(self) -> int: ...

    def save(self, path: Path) -> None: ...

    def load(self, path: Path) -> None: ...


class Terms(Protocol):
    def terms(self, text: str) -> list[str]:
        """Index terms of `text`: lemmas (Russian), stems (English), words (Chinese)."""
        ...


class Analyzer(Terms, Protocol):
    def words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, index term) of each indexed word, in order: explanations show people
        the words as written, never the terms."""
        ...

"""What the matching engine needs from NLP models; `coopex.nlp` provides them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class Embedder(Protocol):
    dimension: int

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One L2-normalised row per text, comparable across languages."""
        ...


class Analyzer(Protocol):
    def terms(self, text: str) -> list[str]:
        """Index terms of `text`: lemmas (Russian), stems (English), words (Chinese)."""
        ...

"""Near-duplicate stories: MinHash of word 5-shingles (character 3-shingles for Chinese),
banded for locality-sensitive lookup. Two copies of one story from different sites share at
least one band with high probability when their shingle sets overlap by ~70% or more."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

PERMUTATIONS = 64
THRESHOLD = 0.7  # estimated Jaccard similarity from which two stories are one
# The banding datasketch's MinHashLSH chooses for this threshold and permutations (a test
# checks): asking it at import would load scipy, seconds before any command could start.
BANDS, ROWS = 8, 8
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Fingerprint:
    signature: bytes  # PERMUTATIONS uint32 hash values
    bands: tuple[int, ...]  # one signed 64-bit key per band


def _shingles(text: str, lang: str) -> list[bytes]:
    folded = text.casefold()
    if lang == "zh":
        chars = "".join(_WORD.findall(folded))
        grams = [chars[i : i + 3] for i in range(max(1, len(chars) - 2))]
    else:
        words = _WORD.findall(folded)
        grams = [" ".join(words[i : i + 5]) for i in range(max(1, len(words) - 4))]
    return [gram.encode() for gram in grams if gram]


def fingerprint(text: str, lang: str) -> Fingerprint:
    from datasketch import MinHash  # loads scipy: only when a document is read

    minhash = MinHash(num_perm=PERMUTATIONS, seed=1)
    minhash.update_batch(_shingles(text, lang))
    values = minhash.hashvalues.astype(np.uint32)
    bands = tuple(
        int.from_bytes(
            hashlib.blake2b(values[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest(),
            "big",
            signed=True,
        )
        for b in range(BANDS)
    )
    return Fingerprint(values.tobytes(), bands)


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures."""
    left = np.frombuffer(a, dtype=np.uint32)
    right = np.frombuffer(b, dtype=np.uint32)
    return float(np.mean(left == right))

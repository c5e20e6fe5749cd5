"""Sectors a sentence is about, from the shipped stems in `sector_keywords.csv` (RU/EN/ZH)."""

from __future__ import annotations

import re

from coopex.reference.catalog import read_reference_csv


def _at_word_start(stems: str) -> str:
    """Latin and Cyrillic stems match at the start of a word ("химическ" is not in
    "нефтехимическ"); Chinese has no spaces, so its words match anywhere."""
    return "|".join(
        stem if re.match(r"[\u4e00-\u9fff]", stem) else rf"\b{stem}" for stem in stems.split("|")
    )


class SectorKeywords:
    def __init__(self) -> None:
        self._patterns = [
            (row["sector"], re.compile(_at_word_start(row["stems"]), re.IGNORECASE))
            for row in read_reference_csv("sector_keywords.csv")
        ]

    def __call__(self, sentence: str) -> tuple[str, ...]:
        return tuple(sector for sector, pattern in self._patterns if pattern.search(sentence))

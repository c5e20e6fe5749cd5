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
    """All sectors' stems in one pattern, a named group per sector: one scan per sentence."""

    def __init__(self) -> None:
        rows = read_reference_csv("sector_keywords.csv")
        self._sectors = [row["sector"] for row in rows]
        self._pattern = re.compile(
            "|".join(f"(?P<s{i}>{_at_word_start(row['stems'])})" for i, row in enumerate(rows)),
            re.IGNORECASE,
        )

    def __call__(self, sentence: str) -> tuple[str, ...]:
        found = {int(m.lastgroup[1:]) for m in self._pattern.finditer(sentence) if m.lastgroup}
        return tuple(self._sectors[i] for i in sorted(found))

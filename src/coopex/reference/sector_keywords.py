"""Sectors a sentence is about, from the shipped stems in `sector_keywords.csv` (RU/EN/ZH)."""

from __future__ import annotations

import re
from functools import lru_cache

from coopex.engines.screen import Screen
from coopex.reference.catalog import read_reference_csv

_HAN = re.compile(r"[\u4e00-\u9fff]")


class SectorKeywords:
    """All sectors' stems in one alternation, a named group per sector, scanned once per
    sentence: where two sectors' stems overlap, the one the scan meets first is read.

    Latin and Cyrillic stems match at the start of a word ("химическ" is not in
    "нефтехимическ"); Chinese has no spaces, so its words match anywhere. A screen first
    picks the sectors whose stems occur in the sentence at all, and the alternation is built
    of those alone: one that matches nowhere changes no match, and most sentences name none.
    """

    def __init__(self) -> None:
        rows = read_reference_csv("sector_keywords.csv")
        self._sectors = [row["sector"] for row in rows]
        self._alternatives: list[str] = []
        for index, row in enumerate(rows):
            stems = row["stems"].split("|")
            words = "|".join(stem for stem in stems if not _HAN.match(stem))
            han = "|".join(stem for stem in stems if _HAN.match(stem))
            spaced = [rf"\b(?P<w{index}>{words})"] if words else []
            self._alternatives.append("|".join(spaced + ([f"(?P<h{index}>{han})"] if han else [])))
        self._screen = Screen(
            [(index, alternative) for index, alternative in enumerate(self._alternatives)]
        )
        self._pattern = lru_cache(maxsize=1024)(self._pattern_of)

    def _pattern_of(self, indexes: tuple[int, ...]) -> re.Pattern[str]:
        return re.compile("|".join(self._alternatives[i] for i in indexes), re.IGNORECASE)

    def __call__(self, sentence: str) -> tuple[str, ...]:
        candidates = tuple(sorted(self._screen.keys_in(sentence)))
        if not candidates:
            return ()
        found = {
            int(m.lastgroup[1:])
            for m in self._pattern(candidates).finditer(sentence)
            if m.lastgroup
        }
        return tuple(self._sectors[i] for i in sorted(found))

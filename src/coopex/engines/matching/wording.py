"""Index terms back to the words a reader wrote: `тележк`/`bogi` are shown as the text's word."""

from __future__ import annotations

import re
from collections.abc import Iterable

from coopex.engines.matching.ports import Analyzer

_WORD = re.compile(r"\w+", re.UNICODE)
_CJK = re.compile(r"[\u3400-\u9fff]")


def surface_words(analyzer: Analyzer, text: str, terms: Iterable[str]) -> dict[str, str]:
    """Each term -> the first word of `text` the analyzer turns into it (lower-cased).

    Chinese terms are words of the text already; a term no word yields is left out."""
    wanted = set(terms)
    found: dict[str, str] = {}
    for term in wanted:
        if _CJK.search(term) and term in text:  # Chinese segments are words of the text
            found[term] = term
    for word in _WORD.findall(text):
        if len(found) == len(wanted):
            break
        lowered = word.lower()
        for term in analyzer.terms(lowered):
            if term in wanted and term not in found:
                found[term] = lowered
    return found

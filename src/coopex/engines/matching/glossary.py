"""A multilingual glossary: carries query terms into the other languages for lexical search."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from coopex.engines.matching.ports import Analyzer

TRANSLATION_WEIGHT = 0.8  # a translated term counts a little less than the user's own word


class Glossary:
    """Concepts, each a set of index terms across languages (`вагон`, `wagon`, `货车`)."""

    def __init__(self, concepts: Iterable[Sequence[str]], analyzer: Analyzer) -> None:
        self._concepts: list[frozenset[str]] = []
        self._by_term: dict[str, list[int]] = {}
        for phrases in concepts:
            # A phrase that analyses to several terms would drag each word in on its own
            # (колесная пара -> пара), so only one-term phrases make a concept.
            analysed = (analyzer.terms(phrase) for phrase in phrases)
            terms = frozenset(terms[0] for terms in analysed if len(terms) == 1)
            if len(terms) < 2:
                continue
            index = len(self._concepts)
            self._concepts.append(terms)
            for term in terms:
                self._by_term.setdefault(term, []).append(index)

    def __len__(self) -> int:
        return len(self._concepts)

    def translations(self, term: str) -> frozenset[str]:
        """The other terms of every concept `term` belongs to."""
        found: set[str] = set()
        for index in self._by_term.get(term, ()):
            found |= self._concepts[index]
        found.discard(term)
        return frozenset(found)

    def expand(self, terms: Iterable[str]) -> dict[str, float]:
        """Query weights: the user's terms at 1, their translations at TRANSLATION_WEIGHT."""
        weights: dict[str, float] = {}
        for term in terms:
            weights[term] = 1.0
        for term in list(weights):
            for other in self.translations(term):
                weights.setdefault(other, TRANSLATION_WEIGHT)
        return weights

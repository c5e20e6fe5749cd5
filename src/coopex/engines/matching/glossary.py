"""Concepts across languages, and the words that carry no meaning for matching.

A concept is a set of phrases in Russian, English and Chinese (`литье|отливка`, `casting`,
`铸件|铸造`). Texts become *match tokens*: each phrase of a concept found in the text (longest
first) becomes the concept's token, every other term stays itself, and stop terms (function
words and the generic words of procurement: «искать», «оборудование», "supplier", 需要) are
dropped. A concept token means the same in every language, so its document frequency is
counted across languages and a Russian query meets a Chinese offer on it.

A request often says who the buyer is before what it needs («Производителю насосов нужны
корпусные отливки», "A coal mine needs a roadheader", 薯片厂需要切片机). *Need words* («нужны»,
"needs", 需要) mark the turn: `need_start` finds it, so the buyer's own trade (pumps, a mine,
crisps) is not searched for as if it were wanted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from coopex.engines.matching.ports import Terms

CONCEPT = "≈"  # match tokens of concepts start with this; no analysed term does


class Glossary:
    def __init__(
        self,
        concepts: Iterable[Sequence[str]],
        analyzer: Terms,
        stop_words: Iterable[str] = (),
        need_words: Iterable[str] = (),
    ) -> None:
        self._concepts = 0
        # first term -> [(phrase terms, concept index)], longest phrases first
        self._phrases: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self.stop_terms = frozenset(t for word in stop_words for t in analyzer.terms(word))
        self.need_terms = frozenset(t for word in need_words for t in analyzer.terms(word))
        for phrases in concepts:
            # Phrases are matched with stop terms left out on both sides, so «литье под
            # высоким давлением» meets «литье под давлением»; a phrase that keeps one term
            # once they are out ("big bag") would claim that term for itself, so it goes.
            analysed: set[tuple[str, ...]] = set()
            for phrase in phrases:
                written = analyzer.terms(phrase)
                kept = tuple(t for t in written if t not in self.stop_terms)
                if kept and (len(kept) > 1 or len(written) == 1):
                    analysed.add(kept)
            if not analysed:
                continue
            index, self._concepts = self._concepts, self._concepts + 1
            for phrase_terms in analysed:
                self._phrases.setdefault(phrase_terms[0], []).append((phrase_terms, index))
        for entries in self._phrases.values():
            entries.sort(key=lambda entry: -len(entry[0]))

    def __len__(self) -> int:
        return self._concepts

    def need_start(self, terms: Sequence[str]) -> int:
        """Where the need begins: the position after the first need word when words other
        than stop words come before and after it, else 0 (the whole text is the need)."""
        for position, term in enumerate(terms):
            if term in self.need_terms:
                before, after = terms[:position], terms[position + 1 :]
                if self._meaningful(before) and self._meaningful(after):
                    return position + 1
                return 0
        return 0

    def _meaningful(self, terms: Sequence[str]) -> bool:
        return any(t not in self.stop_terms and t not in self.need_terms for t in terms)

    def tokens(self, terms: Sequence[str]) -> list[str]:
        """The match tokens of a text's terms (see the module's docstring)."""
        return [token for token, _, _ in self.spans(terms)]

    def spans(self, terms: Sequence[str]) -> list[tuple[str, int, int]]:
        """(match token, first term, end) for each match token, in order; positions index
        `terms`, so a phrase's span includes the stop terms inside it."""
        kept = [i for i, term in enumerate(terms) if term not in self.stop_terms]
        words = [terms[i] for i in kept]
        result: list[tuple[str, int, int]] = []
        position = 0
        while position < len(words):
            term = words[position]
            found: list[int] = []
            length = 1
            for phrase, index in self._phrases.get(term, ()):
                if found and len(phrase) < length:
                    break  # only the longest phrases that match here
                if tuple(words[position : position + len(phrase)]) == phrase:
                    found.append(index)
                    length = len(phrase)
            first, end = kept[position], kept[position + length - 1] + 1
            if found:
                result += [(f"{CONCEPT}{index}", first, end) for index in dict.fromkeys(found)]
            else:
                result.append((term, first, end))
            position += length
        return result

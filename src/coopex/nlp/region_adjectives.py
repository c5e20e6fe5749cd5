"""Regions a Russian page names only by their adjective ("представители рязанского бизнеса",
"Нижегородские экспортёры провели переговоры", "татарстанская делегация"): the region, as a
place mention for the events to read the page's sides and initiators from (not an entity the
page names: the entities stay as the recogniser found them).

The adjectives come from the gazetteer's own region names — a name that opens with an adjective
and has a place word after it ("Рязанская область" → "рязанский", "Удмуртская Республика",
"Ханты-Мансийский автономный округ — Югра") — and, for the regions and cities whose adjective is
not their name's ("Татарстан" → "татарстанский", "Москва" → "московский", "Санкт-Петербург" →
"петербургский", "Кузбасс" → "кузбасский"), from `data/reference/region_adjectives.csv`; there a
region's adjective that is also a common word ("еврейский") is listed with no place, and a
city's adjective takes the place of the region's ("московский" is Moscow's, "Московская
область" is told "подмосковный" or by its name).

Not read as the region: an adjective written with a capital inside a sentence (a name:
"Рязанский завод", "Московский район", a surname), one inside a name the recogniser found
(«ЗАО «Костромской завод автокомпонентов»»), and one before a place word other than the
region's own (`region_word`: "региона", "территории"), "Кировский район", "тверская улица".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property

from coopex.domain.news import Mention, MentionKind
from coopex.engines.news.sentences import sentence_spans
from coopex.nlp.name_words import name_words
from coopex.nlp.russian_forms import adjective_lemma, is_adjective
from coopex.reference.catalog import ShippedCatalog, read_reference_csv

_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")
# The endings of a Russian adjective: a word without one is not looked up.
_ADJECTIVE_ENDING = re.compile(
    r"(?:ий|ый|ой|ая|яя|ое|ее|ие|ые|ого|его|ому|ему|ым|им|ом|ем|ей|ую|юю|ых|их|ыми|ими)$"
)


class RegionAdjectives:
    """Finds the regions of `countries` a Russian text names by their adjective."""

    def __init__(
        self, countries: Iterable[str] = ("RU",), catalog: ShippedCatalog | None = None
    ) -> None:
        self._countries = tuple(countries)
        self._catalog = catalog or ShippedCatalog()

    @cached_property
    def places(self) -> dict[str, str]:
        """Adjective (its dictionary form) -> the name of the place it stands for."""
        heads, _ = self._heads
        found: dict[str, str] = {}
        for country in self._countries:
            for region in self._catalog.regions(country):
                name = region.names.get("ru", "")
                words = name.split()
                if len(words) < 2 or not is_adjective(words[0]):
                    continue
                if not any(word.casefold() in heads for word in words[1:]):
                    continue
                lemma = adjective_lemma(words[0])
                if lemma is not None:
                    found.setdefault(lemma, name)
        for row in read_reference_csv("region_adjectives.csv"):
            if row["place"]:
                found[row["adjective"]] = row["place"]
            else:
                found.pop(row["adjective"], None)
        return found

    @cached_property
    def _heads(self) -> tuple[frozenset[str], frozenset[str]]:
        return (
            frozenset(name_words("place_head", "ru")),
            frozenset(name_words("region_word", "ru")),
        )

    def mentions(self, paragraphs: Sequence[str], named: Sequence[Mention]) -> list[Mention]:
        """Each adjective of a region in `paragraphs` outside the names already `named`, as a
        place mention of that region (in its dictionary form)."""
        found: list[Mention] = []
        for number, paragraph in enumerate(paragraphs):
            inside = [(m.start, m.end) for m in named if m.paragraph == number]
            for start, end in sentence_spans(paragraph):
                for word in _WORD.finditer(paragraph, start, end):
                    place = self._region(word, paragraph, start, end)
                    if place is not None and not any(
                        s <= word.start() < e or s < word.end() <= e for s, e in inside
                    ):
                        found.append(
                            Mention(MentionKind.LOCATION, place, number, word.start(), word.end())
                        )
        return found

    def _region(self, word: re.Match[str], paragraph: str, start: int, end: int) -> str | None:
        text = word.group()
        if len(text) < 5 or not _ADJECTIVE_ENDING.search(text.casefold()):
            return None
        opening = not paragraph[start : word.start()].strip()
        if text[:1].isupper() and not opening:
            return None  # a name: "Рязанский завод", "Московский район", "Сергей Вологодский"
        lemma = adjective_lemma(text)
        place = self.places.get(lemma) if lemma is not None else None
        if place is None:
            return None
        following = _WORD.match(paragraph, _skip_spaces(paragraph, word.end(), end))
        if following is not None:
            heads, region_words = self._heads
            head = _noun_lemma(following.group())
            if head in heads and head not in region_words:
                return None  # "Кировский район", "тверская улица": a place named after it
        return place


def _skip_spaces(text: str, at: int, end: int) -> int:
    while at < end and text[at] == " ":
        at += 1
    return at


def _noun_lemma(word: str) -> str:
    from coopex.nlp.analysis import parses

    readings = parses(word.casefold())
    noun = next((p for p in readings if p.tag.POS == "NOUN"), readings[0])
    return str(noun.normal_form)

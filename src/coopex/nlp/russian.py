"""Russian named entities in dictionary form, with natasha (its models ship in the wheel).

NER runs paragraph by paragraph, so an entity never spans a title and the next line. Persons
and places are normalised by natasha ("Алексеем Островским" -> "Алексей Островский",
"Смоленской области" -> "Смоленская область"); organisation names already in the nominative
keep their written form, because inflecting every word of a name can break it
("Центр поддержки экспорта" must not become "Центр поддержка экспорт").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

TYPES = {"PER": "persons", "ORG": "organizations", "LOC": "locations"}


@dataclass(frozen=True, slots=True)
class Entities:
    persons: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    locations: list[str] = field(default_factory=list)


@cache
def _models() -> dict[str, Any]:
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return {
        "segmenter": Segmenter(),
        "vocab": MorphVocab(),
        "morph": NewsMorphTagger(embedding),
        "ner": NewsNERTagger(embedding),
    }


# A word the tagger calls a proper noun but that ends like an adjective ("Шэньянским") is an
# adjective it did not know, not the head of the name.
_ADJECTIVE_ENDING = re.compile(
    r"(ый|ий|ой|ого|его|ому|ему|ым|им|ом|ем|ая|яя|ую|юю|ое|ее|ые|ие|ых|их|ыми|ими)$"
)


def _is_head(token: Any) -> bool:
    if token.pos == "NOUN":
        return True
    return token.pos == "PROPN" and not _ADJECTIVE_ENDING.search(token.text.lower())


def _organization_name(span: Any, paragraph: str) -> str:
    """Words up to the head noun in the nominative (adjectives agree with it); the rest as
    written: "Саранского приборостроительного завода" -> "Саранский приборостроительный завод",
    "Центра поддержки экспорта" -> "Центр поддержки экспорта"."""
    written = paragraph[span.start : span.stop]
    if written.count("«") > written.count("»") and paragraph[span.stop : span.stop + 1] == "»":
        written += "»"  # the tagger stopped before the closing quote
    tokens = span.tokens
    normal = (span.normal or "").split()
    head = next((i for i, t in enumerate(tokens) if _is_head(t)), None)
    if head is None or len(normal) != len(tokens) or tokens[0].text[:1] in '«"':
        return written
    rest = paragraph[tokens[head + 1].start : span.stop] if head + 1 < len(tokens) else ""
    if rest and written.endswith("»") and not rest.endswith("»"):
        rest += "»"  # the closing quote added above
    return " ".join([*normal[: head + 1], rest]).strip()


def _merge_people(names: list[str]) -> list[str]:
    """Drop a surname-only or initials mention when a fuller name with that surname is known."""
    result: list[str] = []
    for name in sorted(names, key=lambda n: -len(n.split())):
        surname = name.split()[-1]
        partial = len(name.split()) == 1 or "." in name
        if partial and any(other.split()[-1] == surname for other in result):
            continue
        if name not in result:
            result.append(name)
    return sorted(result, key=names.index)


class RussianEntityExtractor:
    def entities(self, paragraphs: Iterable[str]) -> Entities:
        from natasha import Doc

        models = _models()
        found: dict[str, list[str]] = {kind: [] for kind in TYPES.values()}
        for paragraph in paragraphs:
            doc = Doc(paragraph)
            doc.segment(models["segmenter"])
            doc.tag_morph(models["morph"])
            doc.tag_ner(models["ner"])
            for span in doc.spans:
                span.normalize(models["vocab"])
                if span.type == "ORG":
                    text = _organization_name(span, paragraph)
                else:
                    text = span.normal or span.text
                text = " ".join(text.split())
                kind = TYPES.get(span.type)
                if kind and text and text not in found[kind]:
                    found[kind].append(text)
        return Entities(_merge_people(found["persons"]), found["organizations"], found["locations"])

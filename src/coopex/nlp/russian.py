"""Russian named entities in dictionary form, with natasha (its models ship in the wheel).

NER runs paragraph by paragraph, so an entity never spans a title and the next line. Persons
and places are normalised by natasha ("Алексеем Островским" -> "Алексей Островский",
"Смоленской области" -> "Смоленская область"); organisation names already in the nominative
keep their written form, because inflecting every word of a name can break it
("Центр поддержки экспорта" must not become "Центр поддержка экспорт").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import accumulate
from typing import Any

from coopex.domain.news import Mention, MentionKind
from coopex.engines.news.dates import DateFact
from coopex.engines.news.sentences import sentences

KINDS = {"PER": MentionKind.PERSON, "ORG": MentionKind.ORGANIZATION, "LOC": MentionKind.LOCATION}


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


def _is_head(token: Any) -> bool:
    """The noun a name's adjectives agree with. A capitalised adjective the tagger took for a
    proper noun ("Шэньянским") is not one; pymorphy3 tells them apart."""
    if token.pos == "NOUN":
        return True
    if token.pos != "PROPN":
        return False
    from coopex.nlp.analysis import morph

    return morph().parse(token.text)[0].tag.POS not in ("ADJF", "ADJS", "PRTF")


def _nominative_word(word: str) -> str:
    """One inflected name word in the nominative (pymorphy3, its reading as a name or an
    organisation first); a word it cannot put there stays as written."""
    if not re.fullmatch(r"[А-Яа-яЁё-]+", word) or word.isupper():
        return word
    from coopex.nlp.analysis import morph

    parses = morph().parse(word)
    parse = next((p for p in parses if {"Orgn", "Name", "Surn"} & set(p.tag.grammemes)), None)
    parse = parse or parses[0]
    if parse.tag.case == "nomn":
        return word
    nominative = parse.inflect({"nomn"})
    if nominative is None:
        return word
    result: str = nominative.word
    return result.capitalize() if word[:1].isupper() else result


def _organization_name(span: Any, paragraph: str) -> str:
    """Words up to the head noun in the nominative (adjectives agree with it); the rest as
    written: "Саранского приборостроительного завода" -> "Саранский приборостроительный завод",
    "Центра поддержки экспорта" -> "Центр поддержки экспорта"."""
    written = paragraph[span.start : span.stop]
    if written.count("«") > written.count("»") and paragraph[span.stop : span.stop + 1] == "»":
        written += "»"  # the tagger stopped before the closing quote
    tokens = span.tokens
    if len(tokens) == 1 and tokens[0].feats.get("Case") not in (None, "Nom"):
        return _nominative_word(written)  # "Соллерса" -> "Соллерс"
    normal = (span.normal or "").split()
    head = next((i for i, t in enumerate(tokens) if _is_head(t)), None)
    if head is None or len(normal) != len(tokens) or tokens[0].text[:1] in '«"':
        return written
    rest = paragraph[tokens[head + 1].start : span.stop] if head + 1 < len(tokens) else ""
    if rest and written.endswith("»") and not rest.endswith("»"):
        rest += "»"  # the closing quote added above
    return " ".join([*normal[: head + 1], rest]).strip()


# "Торговая палата" + "провинции" + "Хэнань": a place noun in the genitive between an
# organisation and a place makes the place part of its name.
_OF_PLACE = re.compile(r"(?:провинции|области|края|республики|округа|района|города|г\.)")
_ENDS_SENTENCE = re.compile(r"[.!?…»\"”]\s*$")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def _place_name(span: Any) -> str:
    """natasha's dictionary form; a one-word place it left inflected ("Татарстану",
    "Поднебесную") goes through pymorphy3, preferring its reading as a place name."""
    name: str = span.normal or span.text
    if len(span.tokens) != 1 or name.isupper() or span.tokens[0].feats.get("Case") == "Nom":
        return name  # "Хэнань" is in the nominative already: pymorphy would decline it
    from coopex.nlp.analysis import morph

    parses = morph().parse(name)
    parse = next((p for p in parses if "Geox" in p.tag), parses[0])
    nominative = parse.inflect({"nomn"}) if parse.tag.case != "nomn" else None
    if nominative is None:
        return name
    word: str = nominative.word
    return word.capitalize() if name[:1].isupper() else word


def _common_noun(name: str) -> bool:
    """ "Провинция", "Правительство": one dictionary word is not a name by itself."""
    if " " in name or name.isupper() or not re.fullmatch(r"[А-Яа-яЁё-]+", name):
        return False
    from coopex.nlp.analysis import morph

    tag = morph().parse(name)[0].tag
    return tag.POS == "NOUN" and not ({"Orgn", "Name", "Surn", "Geox", "Abbr"} & set(tag.grammemes))


def _genitive(tokens: Sequence[Any]) -> bool:
    return bool(tokens) and tokens[0].feats.get("Case") == "Gen"


class RussianEntityRecognizer:
    """Mentions of persons, organisations and places in a document's paragraphs.

    The paragraphs go through natasha as one text (a third faster than one call each), and
    no mention crosses from one paragraph into the next. Beyond natasha's spans: an
    organisation name stops before a verb the tagger swept in, and takes a following genitive
    name as its own ("Посольство" + "КНР", "Центр развития промышленности" + "Ульяновской
    области"); the place is still a mention of its own.
    """

    def mentions(self, paragraphs: Sequence[str]) -> list[Mention]:
        from natasha import Doc

        models = _models()
        # A title or heading without a full stop gets one, so that it stays a sentence apart.
        separators = ["\n" if _ENDS_SENTENCE.search(p) else ".\n" for p in paragraphs]
        text = "".join(p + s for p, s in zip(paragraphs, separators, strict=True))
        starts = list(
            accumulate(
                (len(p) + len(s) for p, s in zip(paragraphs, separators, strict=True)), initial=0
            )
        )
        doc = Doc(text)
        doc.segment(models["segmenter"])
        doc.tag_morph(models["morph"])
        doc.tag_ner(models["ner"])
        found: list[Mention] = []
        last_org: Mention | None = None
        for span in doc.spans:
            kind = KINDS.get(span.type)
            if kind is None:
                continue
            number = bisect_right(starts, span.start) - 1
            paragraph_end = starts[number] + len(paragraphs[number])
            tokens = [t for t in span.tokens if t.stop <= paragraph_end]
            verb = next((i for i, t in enumerate(tokens) if t.pos in ("VERB", "AUX")), None)
            if verb is not None and (kind is not MentionKind.ORGANIZATION or verb == 0):
                continue
            tokens = tokens[:verb]
            if not tokens:
                continue
            start, stop = span.start, tokens[-1].stop
            written_only = len(tokens) < len(span.tokens)
            between = text[last_org.end : start].strip(" ") if last_org else ""
            joins = (
                last_org is not None
                and kind is not MentionKind.PERSON
                and ((not between and _genitive(tokens)) or bool(_OF_PLACE.fullmatch(between)))
            )
            if joins and last_org is not None:
                merged = Mention(
                    last_org.kind,
                    f"{last_org.name} {text[last_org.end : stop].strip()}",
                    number,
                    last_org.start,
                    stop,
                )
                found[found.index(last_org)] = merged
                last_org = merged
                if kind is MentionKind.ORGANIZATION:
                    continue
            span.normalize(models["vocab"])
            if kind is MentionKind.ORGANIZATION:
                name = text[start:stop] if written_only else _organization_name(span, text)
            elif written_only:
                name = text[start:stop]
            elif kind is MentionKind.LOCATION:
                name = _place_name(span)
            else:
                name = span.normal or span.text
            name = " ".join(_PARENTHESIS.sub("", name).split())
            if not name:
                continue
            mention = Mention(kind, name, number, start, stop)
            found.append(mention)
            if kind is MentionKind.ORGANIZATION:
                last_org = mention
            elif not joins:
                last_org = None
        return [
            replace(m, start=m.start - starts[m.paragraph], end=m.end - starts[m.paragraph])
            for m in found
            if not (m.kind is MentionKind.ORGANIZATION and _common_noun(m.name))
        ]


@cache
def _dates_extractor() -> Any:
    from natasha import DatesExtractor

    return DatesExtractor(_models()["vocab"])


# natasha's dates need a number: only sentences with a digit and a month or a year go through
# its (slow) grammar parser — 60 ms for a 5 KB article when given all of it.
_DATE_HINT = re.compile(
    r"январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)


def russian_dates(text: str) -> list[DateFact]:
    candidates = [
        s for s in sentences(text) if any(c.isdigit() for c in s) and _DATE_HINT.search(s)
    ]
    return [
        DateFact(match.fact.year, match.fact.month, match.fact.day)
        for sentence in candidates
        for match in _dates_extractor()(sentence)
    ]

"""The baseline the pipeline is measured against: the NER models alone.

Entities: natasha's spans in its normal form (Russian), spaCy's entities as written (English),
jieba's name tags (Chinese: nr person, ns place, nt organisation). Events: the first trigger
wording of a sentence, with the sentence's first name as the counterpart and the document's
first place as the initiator. Amounts: natasha's money extractor (Russian) and spaCy's MONEY
spans (English); none for Chinese.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from coopex.domain.news import EventType
from coopex.engines.language import detect_language
from coopex.engines.news.amounts import find_amounts
from coopex.engines.news.clean import clean
from coopex.engines.news.cues import EventCues
from coopex.engines.news.sentences import sentences
from coopex.reference.money_words import shipped_money_words

_NATASHA = {"PER": "persons", "ORG": "organizations", "LOC": "locations"}
_SPACY = {"PERSON": "persons", "ORG": "organizations", "GPE": "locations", "LOC": "locations"}
_JIEBA = {"nr": "persons", "nt": "organizations", "ns": "locations"}
Names = list[tuple[str, str, int]]  # (kind, name, offset in the text)


def _russian(text: str) -> tuple[Names, list[dict[str, Any]]]:
    from natasha import Doc, MoneyExtractor

    from coopex.nlp.russian import _models

    models = _models()
    doc = Doc(text)
    doc.segment(models["segmenter"])
    doc.tag_morph(models["morph"])
    doc.tag_ner(models["ner"])
    names: Names = []
    for span in doc.spans:
        span.normalize(models["vocab"])
        names.append((_NATASHA[span.type], span.normal or span.text, span.start))
    money = [
        {"value": float(m.fact.amount), "currency": m.fact.currency}
        for m in MoneyExtractor(models["vocab"])(text)
    ]
    return names, money


def _english(text: str) -> tuple[Names, list[dict[str, Any]]]:
    from coopex.nlp.english import _pipeline

    doc = _pipeline()(text)
    names = [(_SPACY[e.label_], e.text, e.start_char) for e in doc.ents if e.label_ in _SPACY]
    money = [
        {"value": float(a.value), "currency": a.currency}
        for e in doc.ents
        if e.label_ == "MONEY"
        for a in find_amounts(e.text, shipped_money_words())
    ]
    return names, money


def _chinese(text: str) -> tuple[Names, list[dict[str, Any]]]:
    from coopex.nlp.chinese import _posseg

    names: Names = []
    offset = 0
    for word in _posseg().cut(text):
        if word.flag in _JIEBA:
            names.append((_JIEBA[word.flag], word.word, offset))
        offset += len(word.word)
    return names, []


def _events(text: str, names: Names, cues: EventCues) -> list[dict[str, Any]]:
    places = [n for kind, n, _ in names if kind == "locations"]
    initiator = places[0] if places else ""
    events: list[dict[str, Any]] = []
    offset = 0
    for sentence in sentences(text):
        start = text.find(sentence, offset)
        offset = max(offset, start)
        kind = next((k for k, p in cues.triggers if p.search(sentence)), None)
        if kind is None:
            continue
        inside = [
            n
            for k, n, at in names
            if start <= at < start + len(sentence) and k != "persons" and n != initiator
        ]
        if inside:
            events.append(_event(kind, initiator, inside[0]))
    return events


def _event(kind: EventType, initiator: str, counterpart: str) -> dict[str, Any]:
    return {"type": kind.value, "initiator": initiator, "counterpart": counterpart}


def read_baseline(name: str, raw: bytes, cues: EventCues) -> dict[str, Any]:
    """The news-leads document of the NER models alone."""
    article = clean(raw.decode("utf-8", errors="replace"))
    text = "\n".join([article.title, *article.paragraphs])
    lang = detect_language(article.text)
    reader = {"ru": _russian, "en": _english, "zh": _chinese}.get(lang)
    names, money = reader(text) if reader else ([], [])
    entities: dict[str, list[str]] = {"persons": [], "organizations": [], "locations": []}
    for kind, found, _ in names:
        if found not in entities[kind]:
            entities[kind].append(found)
    return {
        "doc": name,
        "lang": lang,
        "entities": entities,
        "events": _events(text, names, cues),
        "amounts": money,
    }


def read_baselines(files: Sequence[tuple[str, bytes]], cues: EventCues) -> list[dict[str, Any]]:
    return [read_baseline(name, raw, cues) for name, raw in files]

"""The models the news pipeline runs with, loaded once per process."""

from __future__ import annotations

from coopex.engines.news.dates import english_dates
from coopex.engines.news.pipeline import BadDocument, NewsModels
from coopex.interchange.decoding import UndecodableDocument, decode
from coopex.nlp.chinese import ChineseEntityRecognizer
from coopex.nlp.english import EnglishEntityRecognizer
from coopex.nlp.russian import RussianEntityRecognizer, russian_dates
from coopex.reference.places import ShippedPlaces
from coopex.reference.sector_keywords import SectorKeywords


def decode_document(data: bytes) -> tuple[str, str]:
    try:
        decoded = decode(data)
    except UndecodableDocument as error:
        raise BadDocument(str(error)) from None
    # A stray NUL in a scraped page is debris: dropped, as no database stores it in text.
    return decoded.text.replace("\x00", ""), decoded.encoding


def html_to_text(html: str) -> str:
    """The article of a page, one paragraph per line (trafilatura; tolerant of broken HTML)."""
    import trafilatura

    return trafilatura.extract(html, favor_recall=True, include_comments=False) or ""


def load_news_models(home: frozenset[str] = frozenset({"RU"})) -> NewsModels:
    places = ShippedPlaces()
    return NewsModels(
        decode=decode_document,
        html_to_text=html_to_text,
        recognizers={
            "ru": RussianEntityRecognizer(),
            "en": EnglishEntityRecognizer(),
            "zh": ChineseEntityRecognizer(places),
        },
        places=places,
        sectors=SectorKeywords(),
        dates={"ru": russian_dates, "en": english_dates},
        home=home,
    )

"""The models the news pipeline runs with, loaded once per process."""

from __future__ import annotations

from coopex.domain.errors import SetupBroken
from coopex.engines.news.dates import english_dates
from coopex.engines.news.pipeline import BadDocument, NewsModels
from coopex.interchange.decoding import UndecodableDocument, decode
from coopex.nlp.chinese import ChineseEntityRecognizer, lac_tagger, simplified
from coopex.nlp.english import EnglishEntityRecognizer
from coopex.nlp.event_typing import ExampleEventTyper
from coopex.nlp.region_adjectives import RegionAdjectives
from coopex.nlp.russian import RussianEntityRecognizer, russian_dates
from coopex.reference.event_cues import shipped_event_cues
from coopex.reference.event_weights import shipped_event_scorer
from coopex.reference.money_words import shipped_money_words
from coopex.reference.places import ShippedPlaces
from coopex.reference.sector_keywords import SectorKeywords


def decode_document(data: bytes) -> tuple[str, str]:
    try:
        decoded = decode(data)
    except UndecodableDocument as error:
        raise BadDocument(str(error)) from None
    # A stray NUL in a scraped page is debris: dropped, as no database stores it in text.
    return decoded.text.replace("\x00", ""), decoded.encoding


_PROBE = "<html><body><article><p>Kazan hosts the forum of regions.</p></article></body></html>"


def check_html_reader() -> None:
    """Read one small page, so that a broken installation (an old pip leaves out
    lxml_html_clean, which trafilatura's helpers need) fails once, at start, saying how to
    repair it, instead of on every HTML page of a batch."""
    try:
        import lxml_html_clean  # noqa: F401

        html_to_text(_PROBE)
    except ImportError as error:
        raise SetupBroken(
            f"reading HTML pages needs a library that is not installed ({error.name or error}): "
            "reinstall coopex with a current pip (`pip install -U pip && pip install -e .`) "
            "or `pip install lxml_html_clean`"
        ) from None


def html_to_text(html: str) -> str:
    """The article of a page, one paragraph per line (trafilatura; tolerant of broken HTML)."""
    import trafilatura

    return trafilatura.extract(html, favor_recall=True, include_comments=False) or ""


def load_news_models(
    home: frozenset[str] = frozenset({"RU"}),
    learned_typing: bool = False,
    event_model: bool = False,
) -> NewsModels:
    """`learned_typing`: event types also voted by labelled sentences (`nlp/event_typing.py`);
    `event_model`: each proposed event's counterpart chosen, or the event dropped, by the
    logistic model of `data/reference/event_weights.csv`. Both off by default: on the dev set
    neither measured better than the rules (docs/news.md, "Learned typing and the event
    model")."""
    check_html_reader()
    places = ShippedPlaces()
    return NewsModels(
        decode=decode_document,
        html_to_text=html_to_text,
        recognizers={
            "ru": RussianEntityRecognizer(places),
            "en": EnglishEntityRecognizer(places),
            "zh": ChineseEntityRecognizer(places, lac_tagger()),
        },
        places=places,
        sectors=SectorKeywords(),
        dates={"ru": russian_dates, "en": english_dates},
        cues=shipped_event_cues(),
        money=shipped_money_words(),
        home=home,
        reading_forms={"zh": simplified},
        event_typer=ExampleEventTyper(neighbours=3, drop=0.8, add=0.6) if learned_typing else None,
        event_chooser=shipped_event_scorer() if event_model else None,
        adjective_places={"ru": RegionAdjectives(home).mentions},
    )

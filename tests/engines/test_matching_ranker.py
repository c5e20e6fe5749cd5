"""The ranker reads a request's need: the words that describe the buyer count less."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import numpy as np
import pytest

from coopex.domain.listings import Listing, ListingKind
from coopex.domain.queries import MatchFilter
from coopex.engines.matching.ports import Vectors
from coopex.engines.matching.ranker import IndexedListing, MatchEngine, MatchQuery
from coopex.nlp.analysis import MultilingualAnalyzer
from coopex.reference.glossary import chinese_words, load_glossary


class SameVector:
    """Every text gets one vector, so only the lexical signal separates listings; it keeps
    the texts it was asked to embed."""

    dimension = 4
    model_name = "same"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def embed(self, texts: Sequence[str]) -> Vectors:
        self.texts += texts
        return np.tile(np.array([1.0, 0.0, 0.0, 0.0], dtype=np.float32), (len(texts), 1))


@cache
def analyzer() -> MultilingualAnalyzer:
    return MultilingualAnalyzer(chinese_words())


def engine_over(offers: list[tuple[str, str, str]]) -> tuple[MatchEngine, SameVector]:
    embedder = SameVector()
    engine = MatchEngine(embedder, analyzer(), load_glossary(analyzer()))
    engine.add(
        [
            IndexedListing(
                Listing(ref, ListingKind.OFFER, f"org-{ref}", title, "", language, id=number),
                "RU",
            )
            for number, (ref, title, language) in enumerate(offers, start=1)
        ]
    )
    embedder.texts.clear()
    return engine, embedder


# (request, an offer of the buyer's own trade, an offer of what it needs, the language)
CASES = [
    (
        "A maker of pumps, valves and compressors needs castings",
        "Pumps, valves and compressors",
        "Castings",
        "en",
    ),
    (
        "Производителю насосов, клапанов и компрессоров нужны отливки",
        "Насосы, клапаны и компрессоры",
        "Отливки",
        "ru",
    ),
    ("水泵、阀门和压缩机制造商需要铸件", "水泵、阀门和压缩机", "铸件", "zh"),
]


@pytest.mark.parametrize(
    ("request_text", "own_trade", "need", "language"), CASES, ids=[c[3] for c in CASES]
)
def test_the_need_outranks_the_buyers_own_trade(
    request_text: str, own_trade: str, need: str, language: str
) -> None:
    engine, _ = engine_over(
        [("trade", own_trade, language), ("need", need, language), ("other", "Furniture", "en")]
    )
    found = engine.search(MatchQuery(text=request_text), MatchFilter(), limit=3)
    assert [m.listing.ref for m in found[:2]] == ["need", "trade"]
    # Read as written (an offer's text is not a request), the shared trade words win.
    plain = engine.search(MatchQuery(text=request_text, states_need=False), MatchFilter())
    assert plain[0].listing.ref == "trade"


def test_the_need_is_embedded_beside_the_whole_request() -> None:
    engine, embedder = engine_over([("need", "Castings", "en")])
    engine.search(MatchQuery(text="A pump maker needs grey iron castings"), MatchFilter())
    assert embedder.texts == ["A pump maker needs grey iron castings", " grey iron castings"]
    embedder.texts.clear()
    # Nothing said about the buyer: the request is all need, embedded once.
    engine.search(MatchQuery(text="We need grey iron castings"), MatchFilter())
    assert embedder.texts == ["We need grey iron castings"]


def test_a_request_listing_is_read_for_its_need_and_an_offer_is_not() -> None:
    def query(kind: ListingKind) -> MatchQuery:
        listing = Listing("q", kind, "org-q", "Pump maker needs castings", "", "en", id=99)
        return MatchQuery.of(IndexedListing(listing, "RU"))

    assert query(ListingKind.REQUEST).states_need
    assert not query(ListingKind.OFFER).states_need

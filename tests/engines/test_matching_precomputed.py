"""What the matcher computes once (at indexing, or once per search) equals what computing it
again for every candidate gave: the words explanations quote, cosines, fusion and filters."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopex.domain.codes import parse_code
from coopex.domain.geography import UNIONS
from coopex.domain.listings import Listing, ListingKind, ListingStatus
from coopex.domain.matching import SIGNALS, Fusion, MatchWeights, Signals, fuse
from coopex.domain.queries import MatchFilter
from coopex.engines.matching.ports import Vectors
from coopex.engines.matching.ranker import (
    IndexedListing,
    MatchEngine,
    MatchQuery,
    _admission,
)
from coopex.engines.matching.vectors import VectorIndex
from coopex.nlp.analysis import MultilingualAnalyzer
from coopex.reference.glossary import chinese_words, load_glossary


class Hashed:
    """A deterministic vector per text (no model needed)."""

    dimension = 8
    model_name = "hashed"

    def embed(self, texts: Sequence[str]) -> Vectors:
        rows = [np.random.default_rng(sum(map(ord, t))).normal(size=8) for t in texts]
        vectors = np.array(rows, dtype=np.float32).reshape(len(texts), 8)
        norms: Vectors = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)


@cache
def analyzer() -> MultilingualAnalyzer:
    return MultilingualAnalyzer(chinese_words())


def engine() -> MatchEngine:
    return MatchEngine(Hashed(), analyzer(), load_glossary(analyzer()))


def listing(number: int, title: str, description: str = "", language: str = "en") -> IndexedListing:
    return IndexedListing(
        Listing(
            f"l{number}", ListingKind.OFFER, f"org{number}", title, description, language, id=number
        ),
        "RU",
    )


def reanalysed(matcher: MatchEngine, item: IndexedListing) -> list[tuple[str, str]]:
    """Each match token of the listing -> its words as written, by analysing its text again
    (what explanations did at every search before the places were kept)."""
    text = f"{item.listing.title}\n{item.listing.description}"
    return list(matcher._written(text, matcher.analyzer.words(text)).items())


def kept(matcher: MatchEngine, item: IndexedListing) -> list[tuple[str, str]]:
    every = dict.fromkeys(matcher.lexical.terms_of(item.id), "")
    return list(matcher._shown(item.id, every).items())


TEXTS = [
    ("Литые боковые рамы тележек", "Отливки  из стали;\nлитье под   давлением, IGBT-модули"),
    ("Castings and FORGINGS", "Grey iron castings, die  casting;\n\tIGBT modules for wagons"),
    ("铸件和锻件", "供应铸钢件、印制电路板和冷链物流服务。铸件"),
    ("Heat exchangers", "теплообменники и 换热器 for district heating"),
    ("", ""),
]


def test_explanations_quote_the_words_analysing_the_text_again_would() -> None:
    matcher = engine()
    items = [listing(n, t, d) for n, (t, d) in enumerate(TEXTS, start=1)]
    matcher.add(items)
    for item in items:
        assert kept(matcher, item) == reanalysed(matcher, item)
    # Changed text: the places follow it; removed: gone with it.
    changed = listing(1, "Forged crankshafts", "crankshafts and CASTINGS")
    matcher.add([changed])
    assert kept(matcher, changed) == reanalysed(matcher, changed)
    assert [w for _, w in kept(matcher, changed)][:2] == ["forged", "crankshafts"]
    matcher.remove(2)
    assert 2 not in matcher._places


def test_a_search_quotes_the_listings_own_words() -> None:
    matcher = engine()
    matcher.add([listing(1, "Grey iron CASTINGS", "castings for pump housings")])
    found = matcher.search(MatchQuery(text="Отливки для насосов"), MatchFilter())
    terms = [(t.query_term, t.listing_term) for t in found[0].explanation.matched_terms]
    # The first place a word is written, capitals kept when it is all capitals.
    assert terms == [("отливки", "CASTINGS"), ("насосов", "pump")]


pieces = st.sampled_from(
    [
        "литье под давлением",
        "литьё",
        "отливки",
        "вагонов",
        "тележки",
        "для",
        "IGBT",
        "castings",
        "Die Casting",
        "wagons",
        "the",
        "supplier",
        "pumps",
        "CNC",
        "lathes",
        "铸件",
        "数控车床",
        "冷链物流",
        "需要",
        "印制电路板",
        "2024",
        "ISO-9001",
        "Ёлка",
    ]
)
gaps = st.sampled_from([" ", "  ", "\n", ", ", "; ", "\t", "", "-", "。"])
texts = st.lists(st.tuples(pieces, gaps), max_size=14).map(
    lambda parts: "".join(p + g for p, g in parts)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(texts, texts), min_size=1, max_size=4))
def test_kept_places_equal_a_fresh_analysis(documents: list[tuple[str, str]]) -> None:
    matcher = engine()
    items = [listing(n, t, d) for n, (t, d) in enumerate(documents, start=1)]
    matcher.add(items)
    for item in items:
        assert kept(matcher, item) == reanalysed(matcher, item)


@given(
    st.lists(st.integers(0, 40), unique=True, max_size=30),
    st.lists(st.integers(0, 50), max_size=20),
    st.integers(0, 2**32 - 1),
)
def test_cosines_of_candidates_equal_row_by_row_products(
    stored: list[int], asked: list[int], seed: int
) -> None:
    rng = np.random.default_rng(seed)
    index = VectorIndex(16, block=8)  # several blocks
    vectors = rng.normal(size=(len(stored), 16)).astype(np.float32)
    index.upsert(stored, vectors)
    query = rng.normal(size=16).astype(np.float32)
    expected = np.zeros(len(asked), dtype=np.float32)
    for position, doc_id in enumerate(asked):
        vector = index.vector(doc_id)
        if vector is not None:
            expected[position] = float(vector @ query)
    assert index.similarity_of(asked, query).tobytes() == expected.tobytes()


def fuse_as_before(signals: Signals, weights: MatchWeights) -> float:
    """`fuse` as it was written before `Fusion`."""
    total = sum(float(getattr(weights, name)) for name in SIGNALS)
    if total <= 0:
        return 0.0
    weighted = sum(
        float(getattr(weights, name)) * float(getattr(signals, name)) for name in SIGNALS
    )
    return weighted / total


unit = st.floats(0, 1, allow_nan=False)


@given(st.tuples(unit, unit, unit, unit, unit), st.tuples(unit, unit, unit, unit, unit))
def test_fusion_gives_the_same_floats_as_fuse(
    values: tuple[float, float, float, float, float],
    weights: tuple[float, float, float, float, float],
) -> None:
    w = MatchWeights(*weights)
    expected = fuse_as_before(Signals(*values), w)
    assert Fusion(w)(*values) == expected == fuse(Signals(*values), w)


def passes_as_before(item: IndexedListing, query: MatchQuery, filters: MatchFilter) -> bool:
    """The candidate filter as it was written before `_admission`."""
    x = item.listing
    if x.status is not ListingStatus.PUBLISHED or item.id in query.exclude_ids:
        return False
    if query.exclude_org is not None and x.org_ref == query.exclude_org:
        return False
    return all(
        (
            filters.kind is None or x.kind is filters.kind,
            filters.country is None or item.country == filters.country,
            filters.region is None or x.region == filters.region,
            filters.union is None or item.country in UNIONS.get(filters.union, ()),
            filters.sector is None or filters.sector in x.sectors,
            filters.code_prefix is None
            or any(
                c.scheme is filters.code_prefix.scheme and c.starts_with(filters.code_prefix.value)
                for c in x.codes
            ),
            filters.open_on is None or x.is_open_on(filters.open_on),
        )
    )


def maybe(values: Sequence[object]) -> st.SearchStrategy[object]:
    return st.none() | st.sampled_from(values)


candidates = st.builds(
    lambda number, kind, org, country, region, sectors, codes, status, until: IndexedListing(
        Listing(
            f"l{number}",
            kind,
            org,
            "t",
            "",
            "en",
            codes=tuple(parse_code(c) for c in codes),
            sectors=tuple(sectors),
            region=region,
            status=status,
            valid_until=until,
            id=number,
        ),
        country,
    ),
    st.integers(1, 5),
    st.sampled_from(list(ListingKind)),
    st.sampled_from(["a", "b"]),
    st.sampled_from(["RU", "BY", "CN", "KZ"]),
    st.sampled_from([None, "RU-MOW", "CN-ZJ"]),
    st.lists(st.sampled_from(["rail", "energy", "food"]), max_size=2),
    st.lists(st.sampled_from(["HS:8607", "HS:840120", "OKPD2:30.20.40"]), max_size=2),
    st.sampled_from(list(ListingStatus)),
    st.sampled_from([None, date(2026, 1, 1), date(2027, 1, 1)]),
)
filters = st.builds(
    MatchFilter,
    kind=maybe(list(ListingKind)),
    country=maybe(["RU", "CN"]),
    region=maybe(["RU-MOW"]),
    union=maybe(["EAEU", "UNION_STATE", "NOWHERE"]),
    sector=maybe(["rail", "food"]),
    code_prefix=maybe([parse_code("HS:86"), parse_code("OKPD2:30.20")]),
    open_on=maybe([date(2026, 6, 1)]),
)


@given(
    st.lists(candidates, max_size=8),
    filters,
    st.sets(st.integers(1, 5), max_size=2),
    maybe(["a", "b"]),
)
def test_admission_admits_what_the_filter_did(
    items: list[IndexedListing],
    wanted: MatchFilter,
    excluded: set[int],
    org: object,
) -> None:
    query = MatchQuery(text="x", exclude_ids=frozenset(excluded), exclude_org=org)  # type: ignore[arg-type]
    admits = _admission(query, wanted)
    assert [admits(i) for i in items] == [passes_as_before(i, query, wanted) for i in items]

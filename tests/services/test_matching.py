"""Matching on the demo registry with the real models, on every backend."""

from __future__ import annotations

import pytest

from coopex.app import Coopex
from coopex.domain.errors import ValidationFailed
from coopex.domain.geography import Proximity
from coopex.domain.listings import ListingKind
from coopex.domain.queries import MatchFilter, OrganizationFilter
from coopex.services.demo import load_demo
from tests.conftest import OPERATOR, org_raw


@pytest.fixture
def demo(coopex: Coopex) -> Coopex:
    load_demo(coopex.transfer, coopex.accounts)
    return coopex


def test_russian_wagon_request_finds_english_and_chinese_offers_with_reasons(demo: Coopex) -> None:
    request, matches = demo.matching.match_listing(OPERATOR, "rm-rail-02", MatchFilter(), limit=10)
    assert request.language == "ru"
    assert all(m.listing.kind is ListingKind.OFFER for m in matches)
    assert all(m.listing.org_ref != "rm-rail" for m in matches)
    by_language = {
        lang: [m for m in matches if m.listing.language == lang] for lang in ("ru", "en", "zh")
    }
    assert by_language["en"] and by_language["zh"]
    for match in by_language["en"] + by_language["zh"]:
        assert any(c.listing_code.value.startswith("8607") for c in match.explanation.shared_codes)
        crossing = [t for t in match.explanation.matched_terms if t.query_term != t.listing_term]
        assert crossing, match.listing.ref  # a Russian word found through its translation
    chinese_terms = {t.listing_term for m in by_language["zh"] for t in m.explanation.matched_terms}
    assert chinese_terms & {"转向架", "货车", "车钩"}
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_filters_restrict_matches(demo: Coopex) -> None:
    _, union = demo.matching.match_listing(
        OPERATOR, "rm-rail-02", MatchFilter(union="UNION_STATE"), limit=20
    )
    organizations = demo.registry.list_organizations(OrganizationFilter(), limit=500).items
    union_state = {o.ref for o in organizations if o.country in {"RU", "BY"}}
    assert union and {m.listing.org_ref for m in union} <= union_state
    assert all(m.explanation.proximity is not Proximity.ELSEWHERE for m in union)
    _, chinese = demo.matching.match_listing(
        OPERATOR, "rm-rail-02", MatchFilter(country="CN"), limit=20
    )
    assert chinese and all(m.explanation.proximity is Proximity.ELSEWHERE for m in chinese)


def test_index_follows_changes_without_a_rebuild(demo: Coopex) -> None:
    engine = demo.matching.engine
    size = len(engine)
    demo.registry.create_organization(
        OPERATOR, org_raw("harbin-bogies", country="CN", region="CN-HL")
    )
    offer = demo.registry.create_listing(
        OPERATOR,
        {
            "ref": "hb-1",
            "kind": "offer",
            "org": "harbin-bogies",
            "title": "铁路货车转向架和车钩",
            "codes": ["HS:860719"],
            "sectors": ["rail"],
        },
    )
    assert demo.matching.engine is engine and len(engine) == size + 1
    _, matches = demo.matching.match_listing(OPERATOR, "rm-rail-02", MatchFilter(), limit=15)
    assert offer.ref in [m.listing.ref for m in matches]

    demo.registry.update_organization(
        OPERATOR, "harbin-bogies", {"country": "BY", "region": "BY-HO"}
    )
    _, matches = demo.matching.match_listing(OPERATOR, "rm-rail-02", MatchFilter(), limit=15)
    moved = next(m for m in matches if m.listing.ref == "hb-1")
    assert moved.explanation.proximity is Proximity.SAME_UNION

    demo.registry.close_listing(OPERATOR, "hb-1")
    assert len(engine) == size
    _, matches = demo.matching.match_listing(OPERATOR, "rm-rail-02", MatchFilter(), limit=50)
    assert "hb-1" not in [m.listing.ref for m in matches]


def test_free_text_search_crosses_languages(demo: Coopex) -> None:
    result = demo.matching.search(
        "замороженная крольчатина", MatchFilter(kind=ListingKind.OFFER), limit=5
    )
    assert result.query_language == "ru"
    # The RU, EN and ZH offers of one producer translate each other: one result, three languages
    best = result.matches[0]
    assert {x.ref for x in (best.listing, *best.translations)} == {
        "krol-i-k-01",
        "krol-i-k-03",
        "krol-i-k-04",
    }
    assert sorted(best.languages) == ["en", "ru", "zh"] and best.strong
    refs = [x.ref for m in result.matches for x in (m.listing, *m.translations)]
    assert len(refs) == len(set(refs))
    zh = demo.matching.search("冷链物流", MatchFilter(), limit=5)
    assert any(m.listing.sectors and "cold_chain" in m.listing.sectors for m in zh.matches)


@pytest.mark.parametrize("text", ["", " ", "a", "!!", "x" * 100_000])
def test_useless_or_huge_queries_are_refused_with_the_field(demo: Coopex, text: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        demo.matching.search(text, MatchFilter())
    assert caught.value.errors[0].field == "q"


def test_unknown_language_is_refused(demo: Coopex) -> None:
    with pytest.raises(ValidationFailed):
        demo.matching.search("pumps", MatchFilter(), language="de")


ODD_QUERIES = [
    "'; DROP TABLE listings; --",
    "<script>alert(1)</script> насосы",
    "🚂🚃 вагоны",
    "насосы pumps 泵",
    "Ω≈ç√∫",
]


def test_odd_queries_give_results_not_crashes(demo: Coopex) -> None:
    # one index for all of them: building it is what takes the time
    for text in ODD_QUERIES:
        result = demo.matching.search(text, MatchFilter(), limit=5)
        assert len(result.matches) <= 5, text
        assert all(0.0 <= m.score <= 1.0 for m in result.matches), text

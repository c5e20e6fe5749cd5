from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.codes import parse_code
from coopex.domain.geography import Proximity, proximity
from coopex.domain.matching import SIGNALS, MatchWeights, Signals, fuse
from coopex.engines.matching.signals import code_overlap, sector_overlap


def codes(*texts: str) -> list:  # type: ignore[type-arg]
    return [parse_code(t) for t in texts]


@pytest.mark.parametrize(
    ("query", "listing", "score", "prefix"),
    [
        (["HS:870899"], ["HS:870899"], 1.0, "870899"),
        (["HS:870899"], ["HS:870830"], 0.8, "8708"),
        (["HS:8708"], ["HS:8701"], 0.4, "87"),
        (["HS:8708"], ["HS:8607"], 0.0, None),
        (["OKPD2:30.20.40"], ["OKPD2:30.20.31"], 0.7, "30.20"),
        (["OKPD2:30.20.40"], ["OKPD2:30.20.40.000"], 1.0, "30.20.40"),
        (["OKPD2:30.20"], ["HS:3020"], 0.0, None),  # no concordance between schemes
    ],
)
def test_code_overlap_by_depth(
    query: list[str], listing: list[str], score: float, prefix: str | None
) -> None:
    got, matches = code_overlap(codes(*query), codes(*listing))
    assert got == score
    assert [m.shared_prefix for m in matches] == ([prefix] if prefix else [])


hs = (
    st.sampled_from([2, 4, 6])
    .flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n))
    .map(lambda v: parse_code(f"HS:{v}"))
)


@given(st.lists(hs, max_size=4), st.lists(hs, max_size=4))
def test_code_overlap_is_symmetric_and_bounded(a: list, b: list) -> None:  # type: ignore[type-arg]
    score, _ = code_overlap(a, b)
    assert 0.0 <= score <= 1.0
    assert score == code_overlap(b, a)[0]


def test_sector_overlap_coefficient() -> None:
    assert sector_overlap(["rail", "metalworking"], ["rail"]) == (1.0, ("rail",))
    assert sector_overlap(["rail", "food"], ["rail", "logistics"]) == (0.5, ("rail",))
    assert sector_overlap([], ["rail"]) == (0.0, ())


def test_proximity() -> None:
    assert proximity("RU", "RU-MO", "RU", "RU-MO") is Proximity.SAME_REGION
    assert proximity("RU", "RU-MO", "RU", "RU-TA") is Proximity.SAME_COUNTRY
    assert proximity("RU", "RU-MO", "BY", "BY-HO") is Proximity.SAME_UNION
    assert proximity("RU", None, "KZ", None) is Proximity.SAME_UNION
    assert proximity("RU", None, "CN", "CN-JS") is Proximity.ELSEWHERE


unit = st.floats(min_value=0, max_value=1)
signal_values = st.builds(Signals, unit, unit, unit, unit, unit)
weights = st.builds(MatchWeights, *(st.floats(min_value=0, max_value=10) for _ in SIGNALS))


@given(signal_values, weights)
def test_fused_score_is_a_weighted_mean(signals: Signals, w: MatchWeights) -> None:
    score = fuse(signals, w)
    values = [getattr(signals, n) for n in SIGNALS if getattr(w, n) > 0]
    assert 0.0 <= score <= 1.0 + 1e-9
    if values:
        assert min(values) - 1e-9 <= score <= max(values) + 1e-9


@given(signal_values, weights, st.sampled_from(SIGNALS), st.floats(min_value=0, max_value=1))
def test_raising_one_signal_never_lowers_the_score(
    signals: Signals, w: MatchWeights, name: str, extra: float
) -> None:
    higher = Signals(
        **{n: min(1.0, getattr(signals, n) + (extra if n == name else 0)) for n in SIGNALS}
    )
    assert fuse(higher, w) >= fuse(signals, w) - 1e-12


def test_no_weights_no_score_and_ablation() -> None:
    assert fuse(Signals(1, 1, 1, 1, 1), MatchWeights().without(*SIGNALS)) == 0.0
    only_codes = MatchWeights().without("semantic", "lexical", "sectors", "geography")
    assert fuse(Signals(codes=0.8, semantic=0.1), only_codes) == pytest.approx(0.8)

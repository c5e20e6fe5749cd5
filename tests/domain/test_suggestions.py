from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.suggestions import Candidate, mutual_pairs


def c(ref: str, score: float) -> Candidate:
    return Candidate(ref, score, f"why {ref}")


def test_only_mutual_pairs_above_threshold() -> None:
    best = {
        "r1": [c("o1", 0.9), c("o2", 0.8), c("o3", 0.7)],
        "r2": [c("o1", 0.4)],
        "o1": [c("r1", 0.6), c("r2", 0.9)],
        "o2": [c("r9", 0.9)],  # r1 is not among o2's best
    }
    pairs = mutual_pairs(best, requests={"r1", "r2"}, threshold=0.5)
    assert list(pairs) == [("r1", "o1")]
    assert pairs[("r1", "o1")].score == 0.6  # the weaker direction


refs = st.sampled_from(["r1", "r2", "r3", "o1", "o2", "o3"])
lists = st.dictionaries(refs, st.lists(st.builds(c, refs, st.floats(0, 1)), max_size=4), max_size=6)


@given(lists, st.floats(0, 1))
def test_pairs_are_confirmed_both_ways(best: dict[str, list[Candidate]], threshold: float) -> None:
    requests = {r for r in best if r.startswith("r")}
    for (request, offer), weaker in mutual_pairs(best, requests, threshold).items():
        assert weaker.score >= threshold
        for a, b in ((request, offer), (offer, request)):
            assert any(x.ref == b and x.score >= threshold for x in best[a])

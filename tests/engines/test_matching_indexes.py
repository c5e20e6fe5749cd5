from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.engines.matching.glossary import CONCEPT, Glossary
from coopex.engines.matching.lexical import LexicalIndex
from coopex.engines.matching.vectors import VectorIndex

words = st.sampled_from(["wagon", "bogi", "coupler", "steel", "cast", "valv", "pump", "juic"])
documents = st.dictionaries(
    st.integers(0, 30), st.lists(words, min_size=1, max_size=8), max_size=20
)


@given(documents, st.sets(st.integers(0, 30)), st.lists(words, min_size=1, max_size=3))
def test_removing_documents_equals_never_adding_them(
    docs: dict[int, list[str]], gone: set[int], query: list[str]
) -> None:
    incremental = LexicalIndex()
    for doc_id, terms in docs.items():
        incremental.add(doc_id, terms)
    for doc_id in gone:
        incremental.remove(doc_id)
    fresh = LexicalIndex()
    for doc_id, terms in docs.items():
        if doc_id not in gone:
            fresh.add(doc_id, terms)
    weights = dict.fromkeys(query, 1.0)
    # Length norms are frozen at indexing time, so before compaction only the matching set
    # and idf must agree; after compaction the scores must too.
    assert incremental.scores(weights).keys() == fresh.scores(weights).keys()
    assert all(incremental.idf(t) == fresh.idf(t) for t in query)
    incremental.compact()
    fresh.compact()
    a, b = incremental.scores(weights), fresh.scores(weights)
    assert a.keys() == b.keys()
    assert all(abs(a[k] - b[k]) <= 1e-5 * max(1.0, abs(b[k])) for k in a)
    assert len(incremental) == len(fresh)


def test_bm25_prefers_rarer_and_denser_matches() -> None:
    index = LexicalIndex()
    index.add(1, ["wagon", "bogi", "bogi"])
    index.add(2, ["wagon", "steel", "steel", "steel", "steel"])
    index.add(3, ["wagon", "pump"])
    scores = index.scores({"bogi": 1.0, "wagon": 1.0})
    assert max(scores, key=lambda k: scores[k]) == 1
    assert index.idf("bogi") > index.idf("wagon")
    index.add(1, ["pump"])  # re-adding replaces
    assert 1 not in index.scores({"bogi": 1.0})


def test_compaction_keeps_documents_and_later_changes() -> None:
    index = LexicalIndex()
    index.add_many([(i, ["wagon", "bogi"] if i % 2 else ["pump"]) for i in range(10)])
    index.compact()
    index.remove(3)
    index.add(42, ["bogi", "bogi"])
    ids = set(index.scores({"bogi": 1.0}))
    assert ids == {1, 5, 7, 9, 42}
    top_ids, top_scores = index.score({"bogi": 1.0}).top(2)
    assert top_ids[0] == 42 and len(top_ids) == 2 and top_scores[0] >= top_scores[1]
    assert index.terms_of(3) == {} and index.terms_of(42) == {"bogi": 2}


def test_vector_index_upsert_replace_remove() -> None:
    index = VectorIndex(3)
    eye = np.eye(3, dtype=np.float32)
    index.upsert([10, 20, 30], eye)
    index.upsert([20], eye[[0]])  # replace in place
    index.remove(30)
    ids, sims = index.top(eye[0], 10)
    assert dict(zip(ids.tolist(), sims.tolist(), strict=True)) == {10: 1.0, 20: 1.0}
    for doc_id in range(100, 300):  # growth keeps what was there
        index.upsert([doc_id], eye[[2]])
    assert len(index) == 202
    assert index.vector(10) is not None and index.vector(30) is None
    top_ids, top_sims = index.top(eye[0], 5)
    assert set(top_ids[:2].tolist()) == {10, 20} and top_sims[0] == 1.0
    assert index.similarity_of([10, 30, 150], eye[2]).tolist() == [0.0, 0.0, 1.0]


class Words:
    def terms(self, text: str) -> list[str]:
        return text.lower().split()


def test_glossary_turns_phrases_of_any_language_into_one_concept_and_drops_stop_words() -> None:
    glossary = Glossary(
        [["wagon", "вагон", "货车"], ["wheel set", "колесный"], ["wheel"], ["pump"]],
        Words(),
        stop_words=["нужен", "supplier"],
    )
    assert len(glossary) == 4
    wagon, wheel_set, wheel, pump = (
        glossary.tokens([w])[0] for w in ("вагон", "колесный", "wheel", "pump")
    )
    assert len({wagon, wheel_set, wheel, pump}) == 4 and all(
        t.startswith(CONCEPT) for t in (wagon, pump)
    )
    assert glossary.tokens(["wagon"]) == glossary.tokens(["货车"]) == [wagon]
    # the longest phrase wins; stop words go; other terms stay themselves
    assert glossary.tokens(["нужен", "wheel", "set", "для", "wagon", "ремонт"]) == [
        wheel_set,
        "для",
        wagon,
        "ремонт",
    ]
    assert glossary.tokens(["wheel", "supplier"]) == [wheel]
    assert glossary.spans(["wheel", "set", "pump"]) == [(wheel_set, 0, 2), (pump, 2, 3)]
    # stop words inside a phrase do not break it, and the span covers them
    assert glossary.spans(["wheel", "supplier", "set"]) == [(wheel_set, 0, 3)]


@pytest.mark.parametrize(
    ("terms", "start"),
    [
        ("pump maker need steel casting", 3),  # after the first need word
        ("pump maker need casting need valve", 3),
        ("need steel casting", 0),  # nothing about the buyer before it
        ("supplier need steel casting", 0),  # only stop words before it
        ("steel casting need", 0),  # nothing after it
        ("steel casting", 0),  # no need word: all of it is the need
    ],
)
def test_need_starts_after_the_first_need_word_with_the_buyer_before_it(
    terms: str, start: int
) -> None:
    glossary = Glossary([["steel casting"]], Words(), ["supplier"], ["need", "want"])
    assert glossary.need_start(terms.split()) == start


@given(st.integers(1, 40), st.integers(1, 7), st.sets(st.integers(0, 39)), st.integers(1, 12))
def test_blocked_vector_index_equals_brute_force(
    count: int, block: int, removed: set[int], k: int
) -> None:
    rng = np.random.default_rng(count * 31 + block)
    vectors = rng.normal(size=(count, 8)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    index = VectorIndex(8, block=block)
    index.upsert(list(range(count)), vectors)
    for doc_id in removed:
        index.remove(doc_id)
    live = [i for i in range(count) if i not in removed]
    query = vectors[0]
    expected = sorted(live, key=lambda i: (-float(vectors[i] @ query), i))[:k]
    got, scores = index.top(query, k)
    assert sorted(got.tolist()) == sorted(expected)
    assert np.all(np.diff(scores) <= 1e-6)
    ids, exported = index.export()
    assert ids.tolist() == live and exported.shape == (len(live), 8)

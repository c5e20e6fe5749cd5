"""Retrieval quality: recall@k and MRR, overall and per (query language -> listing language)."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from coopex.domain.catalog import LANGUAGES


@dataclass(frozen=True, slots=True)
class EvalQuery:
    id: str
    lang: str
    text: str
    relevant: frozenset[str]


@dataclass(frozen=True, slots=True)
class Ranked:
    """One result of a run: the listing's ref and language."""

    ref: str
    lang: str


def reciprocal_rank(ranked: Sequence[str], relevant: frozenset[str]) -> float:
    for position, ref in enumerate(ranked, start=1):
        if ref in relevant:
            return 1.0 / position
    return 0.0


def recall_at(ranked: Sequence[str], relevant: frozenset[str], k: int) -> float:
    if not relevant:
        return 0.0
    return len(set(ranked[:k]) & relevant) / min(len(relevant), k)


@dataclass(frozen=True, slots=True)
class Score:
    queries: int
    recall_at_10: float
    mrr: float


@dataclass(slots=True)
class Report:
    overall: Score
    pairs: dict[tuple[str, str], Score] = field(default_factory=dict)


def _score(rows: list[tuple[float, float]]) -> Score:
    if not rows:
        return Score(0, 0.0, 0.0)
    return Score(
        len(rows), statistics.fmean(r for r, _ in rows), statistics.fmean(m for _, m in rows)
    )


def evaluate(
    queries: Iterable[EvalQuery],
    run: Callable[[EvalQuery], Sequence[Ranked]],
    languages: dict[str, str],
) -> Report:
    """Score `run` on `queries`. `languages` maps every listing ref to its language.

    Per pair (query language q -> listing language l), results and relevant listings are
    restricted to language l, as if the user had asked for listings in l only.
    """
    overall: list[tuple[float, float]] = []
    pairs: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for query in queries:
        ranked = list(run(query))
        refs = [r.ref for r in ranked]
        overall.append((recall_at(refs, query.relevant, 10), reciprocal_rank(refs, query.relevant)))
        for lang in LANGUAGES:
            relevant = frozenset(ref for ref in query.relevant if languages.get(ref) == lang)
            if not relevant:
                continue
            in_lang = [r.ref for r in ranked if r.lang == lang]
            pairs.setdefault((query.lang, lang), []).append(
                (recall_at(in_lang, relevant, 10), reciprocal_rank(in_lang, relevant))
            )
    return Report(_score(overall), {pair: _score(rows) for pair, rows in sorted(pairs.items())})

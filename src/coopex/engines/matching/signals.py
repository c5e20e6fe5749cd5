"""The non-textual signals: shared codes, shared sectors, proximity."""

from __future__ import annotations

from collections.abc import Sequence

from coopex.domain.codes import Code, CodeScheme
from coopex.domain.matching import CodeMatch

_HS_DEPTH = {2: 0.4, 4: 0.8, 6: 1.0}


def _shared_hs(a: str, b: str) -> str:
    shared = ""
    for length in (2, 4, 6):
        if len(a) >= length and len(b) >= length and a[:length] == b[:length]:
            shared = a[:length]
    return shared


def _shared_dotted(a: str, b: str) -> str:
    shared: list[str] = []
    for left, right in zip(a.split("."), b.split("."), strict=False):
        if left != right:
            break
        shared.append(left)
    return ".".join(shared)


def _depth_score(scheme: CodeScheme, shared: str) -> float:
    if not shared:
        return 0.0
    if scheme is CodeScheme.HS:
        return _HS_DEPTH[len(shared)]
    levels = shared.count(".") + 1  # 1 division, 2 group, 3 class ...
    return {1: 0.4, 2: 0.7}.get(levels, 1.0)


def code_overlap(
    query: Sequence[Code], listing: Sequence[Code]
) -> tuple[float, tuple[CodeMatch, ...]]:
    """The best shared-prefix score between codes of one scheme, and every shared pair."""
    best = 0.0
    matches: list[CodeMatch] = []
    for q in query:
        for c in listing:
            if q.scheme is not c.scheme:
                continue
            shared = (
                _shared_hs(q.value, c.value)
                if q.scheme is CodeScheme.HS
                else _shared_dotted(q.value, c.value)
            )
            score = _depth_score(q.scheme, shared)
            if score > 0:
                matches.append(CodeMatch(q, c, shared))
                best = max(best, score)
    return best, tuple(matches)


def sector_overlap(query: Sequence[str], listing: Sequence[str]) -> tuple[float, tuple[str, ...]]:
    """Overlap coefficient |A ∩ B| / min(|A|, |B|): a narrow listing in a broad need scores 1."""
    shared = tuple(sorted(set(query) & set(listing)))
    if not shared:
        return 0.0, ()
    return len(shared) / min(len(set(query)), len(set(listing))), shared

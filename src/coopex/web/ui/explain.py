"""Matches as a reader sees them: one entry per offer (whatever languages it is published in)
and the reasons in plain words of the reader's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from coopex.domain.geography import Proximity
from coopex.domain.listings import Listing
from coopex.domain.matching import Match
from coopex.web.ui.i18n import N_, I18n

# Below these fused scores a match is shown as weak ("no strong match yet"). Free text has no
# codes, sectors or place to share, so its scores run lower than a listing's.
STRONG = 0.4
STRONG_TEXT = 0.25

_PROXIMITY = {
    Proximity.SAME_REGION: N_("In the same region."),
    Proximity.SAME_COUNTRY: N_("In the same country."),
    Proximity.SAME_UNION: N_("In the same economic union."),
}


@dataclass(frozen=True, slots=True)
class ShownMatch:
    match: Match
    reasons: list[str]
    versions: list[Listing] = field(default_factory=list)  # the same listing, other languages
    strong: bool = True


def same_listing(a: Listing, b: Listing) -> bool:
    """One offer published in several languages: same owner, kind, codes and sectors, and
    written in different languages."""
    return (
        a.org_ref == b.org_ref
        and a.kind is b.kind
        and a.language != b.language
        and set(a.codes) == set(b.codes)
        and set(a.sectors) == set(b.sectors)
    )


def fold_languages(matches: Sequence[Match]) -> list[tuple[Match, list[Listing]]]:
    """Best-first matches with translations of one listing folded into its best-scoring one."""
    folded: list[tuple[Match, list[Listing]]] = []
    for match in matches:
        for kept, versions in folded:
            if same_listing(kept.listing, match.listing) and all(
                v.language != match.listing.language for v in versions
            ):
                versions.append(match.listing)
                break
        else:
            folded.append((match, []))
    return folded


def reasons(
    i18n: I18n,
    match: Match,
    query_words: Callable[[list[str]], dict[str, str]],
    listing_words: Callable[[Listing, list[str]], dict[str, str]],
    max_terms: int = 4,
) -> list[str]:
    """Why it matches, sentence by sentence, in the reader's language."""
    x = match.explanation
    said: list[str] = []
    terms = x.matched_terms[:max_terms]
    if terms:
        ours = query_words([t.query_term for t in terms])
        theirs = listing_words(match.listing, [t.listing_term for t in terms])
        pairs = []
        for t in terms:
            left, right = ours.get(t.query_term), theirs.get(t.listing_term)
            if left and right:
                pairs.append(left if left == right else f"{left} — {right}")
            elif right:
                pairs.append(right)
        if pairs:
            words = ", ".join(dict.fromkeys(pairs))
            said.append(i18n.gettext("Words in common: %(words)s.") % {"words": words})
    if x.shared_codes:
        codes = ", ".join(dict.fromkeys(str(c.listing_code) for c in x.shared_codes))
        said.append(i18n.gettext("Same product codes: %(codes)s.") % {"codes": codes})
    if x.shared_sectors:
        sectors = ", ".join(i18n.sector(s) for s in x.shared_sectors)
        said.append(i18n.gettext("Same sector: %(sectors)s.") % {"sectors": sectors})
    if x.proximity in _PROXIMITY:
        said.append(i18n.gettext(_PROXIMITY[x.proximity]))
    similarity = x.semantic_similarity
    if similarity >= 0.5:
        said.append(i18n.gettext("Very close in meaning."))
    elif similarity >= 0.35:
        said.append(i18n.gettext("Close in meaning."))
    return said

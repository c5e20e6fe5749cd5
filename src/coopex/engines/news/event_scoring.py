"""Which of the events the wordings propose a page really reports: a small logistic model
over what is known about each proposed event, with the rules' own evidence among its features.

The wordings propose generously (a "visit", a "meeting", a "fair" in any sentence); most pages
also tell background facts, quotes and statistics in the same words. Each proposed event is
described by features — its type, how it was found (wording, amount, "the same again"), where
its sentence stands (title, lead, quote), whether its counterpart is named in the sentence, is
an organisation or a country, is in the title, how often the page repeats it — and kept when
the model's probability reaches the threshold. The weights are data
(`data/reference/event_weights.csv`), fitted on the development set's tuning part only by
`python -m evaluation.news.train_events`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from coopex.domain.news import LeadEvent, MentionKind
from coopex.engines.news.parties import Sentence, Sides

Features = dict[str, float]
_QUOTES = frozenset('«»“”"„')


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed event and how it was found."""

    event: LeadEvent
    sentence: int  # index of its (first) sentence in the document
    source: str  # "wording", "amount", "again" ("схожее предложение"), "typer"
    named_here: bool  # the counterpart is named in the sentence itself
    types_here: int  # event types proposed in the same sentence
    support: int = 1  # sentences proposing the same event


class EventFilter(Protocol):
    def keep(self, event: LeadEvent, features: Mapping[str, float]) -> bool: ...


@dataclass(frozen=True, slots=True)
class EventScorer:
    """Logistic weights per feature (a feature without a weight counts 0)."""

    weights: Mapping[str, float]
    bias: float
    threshold: float = 0.5

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keep(self, event: LeadEvent, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold


@dataclass(frozen=True, slots=True)
class Page:
    """What the features need to know about the whole document."""

    sentences: Sequence[Sentence]
    sides: Sides
    kinds: Mapping[str, MentionKind]  # name -> kind of its first mention
    counts: Counter[str]  # name -> mentions
    title_names: frozenset[str]


def page_of(sentences: Sequence[Sentence], sides: Sides) -> Page:
    kinds: dict[str, MentionKind] = {}
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for mention in sentence.mentions:
            kinds.setdefault(mention.name, mention.kind)
            counts[mention.name] += 1
    title = frozenset(m.name for s in sentences if s.paragraph == 0 for m in s.mentions)
    return Page(sentences, sides, kinds, counts, title)


def features(candidate: Candidate, page: Page, candidates: Sequence[Candidate]) -> Features:
    event = candidate.event
    kind = event.type.value
    sentence = page.sentences[candidate.sentence]
    counterpart = event.counterpart
    place = page.sides.places.get(counterpart)
    mention_kind = page.kinds.get(counterpart)
    in_title = sentence.paragraph == 0
    first_body = next((i for i, s in enumerate(page.sentences) if s.paragraph > 0), -1)
    others = {c.event.type for c in candidates if c.event.counterpart == counterpart} - {event.type}
    found: Features = {
        f"type={kind}": 1.0,
        f"source={candidate.source}": 1.0,
        "named_here": float(candidate.named_here),
        f"named_here&type={kind}": float(candidate.named_here),
        "counterpart_organization": float(mention_kind is MentionKind.ORGANIZATION),
        "counterpart_place": float(place is not None),
        "counterpart_country": float(place is not None and not place.is_region),
        "counterpart_unnamed": float(mention_kind is None),
        "counterpart_in_title": float(counterpart in page.title_names),
        "counterpart_is_the_other_side": float(counterpart == page.sides.counterpart),
        "counterpart_own_side": float(page.sides.own_side(counterpart)),
        "counterpart_mentions": math.log1p(page.counts.get(counterpart, 0)),
        "in_title": float(in_title),
        f"in_title&type={kind}": float(in_title),
        "in_lead": float(candidate.sentence == first_body),
        "position": candidate.sentence / max(1, len(page.sentences) - 1),
        "types_here": float(candidate.types_here - 1),
        "support": math.log1p(candidate.support - 1),
        "type_in_title": float(
            any(
                c.event.type is event.type and page.sentences[c.sentence].paragraph == 0
                for c in candidates
            )
        ),
        "other_types_same_party": float(len(others)),
        "quote": float(any(ch in _QUOTES for ch in sentence.text)),
        "digits": float(any(ch.isdigit() for ch in sentence.text)),
        "initiator_is_the_document_side": float(event.initiator == page.sides.initiator),
    }
    return {name: value for name, value in found.items() if value}

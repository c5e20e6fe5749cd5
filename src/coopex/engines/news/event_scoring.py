"""The optional event model: for each event a sentence proposes, which of its possible
counterparts the page means, or none (the event is dropped), by a small logistic model with the
rules' own choice among its features.

The wordings propose generously (a "visit", a "meeting", a "fair" in any sentence) and the rules
pick one counterpart in a fixed order. Each option — a counterpart, in the rules' order first,
then the sentence's other parties and the page's other side — is described by features: its
type, how it was found (wording, amount, "the same again"), the rules' choice and rank, where
its sentence stands (title, lead, quote, figures), whether the party is in the sentence, an
organisation, a country, in the title, on the initiator's side, how often the page names it and
proposes the same event. The likeliest option is kept when its probability reaches the
threshold. The weights are data (`data/reference/event_weights.csv`), fitted on the development
set's tuning part only by `python -m evaluation.news.train_events`; off by default, as it did
not measure better than the rules (docs/news.md).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from coopex.domain.news import EventType, LeadEvent, MentionKind
from coopex.engines.news.parties import Sentence, Sides

Features = dict[str, float]
_QUOTES = frozenset('«»“”"„')


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed event with one of its possible counterparts, and how it was found."""

    event: LeadEvent
    sentence: int  # index of its (first) sentence in the document
    source: str  # "wording", "amount", "again" ("схожее предложение"), "typer"
    named_here: bool  # the counterpart is an organisation named in the sentence itself
    types_here: int  # event types proposed in the same sentence
    rank: int = 0  # place of the counterpart in the rules' order (0: their choice; -1: not in it)


Option = tuple[LeadEvent, Features]


class EventChooser(Protocol):
    def choose(self, options: Sequence[Option]) -> int | None:
        """Which of a proposed event's options (each with its features) the page reports, if
        any."""
        ...


@dataclass(frozen=True, slots=True)
class EventScorer:
    """Logistic weights per feature (a feature without a weight counts 0): the likeliest
    option, when it is likely enough."""

    weights: Mapping[str, float]
    bias: float
    threshold: float = 0.5

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def choose(self, options: Sequence[Option]) -> int | None:
        if not options:
            return None
        scores = [self.probability(f) for _, f in options]
        best = max(range(len(scores)), key=scores.__getitem__)
        return best if scores[best] >= self.threshold else None


@dataclass(frozen=True, slots=True)
class Page:
    """What the features need to know about the whole document."""

    sentences: Sequence[Sentence]
    sides: Sides
    kinds: Mapping[str, MentionKind]  # name -> kind of its first mention
    counts: Counter[str]  # name -> mentions
    title_names: frozenset[str]
    proposals: Counter[tuple[EventType, str]]  # (type, counterpart) -> sentences proposing it
    title_types: frozenset[EventType]
    party_types: Mapping[str, frozenset[EventType]]  # counterpart -> types proposed with it
    first_of_type: Mapping[EventType, int]  # type -> the first sentence proposing it
    type_sentences: Counter[EventType]  # type -> sentences proposing it
    order: Mapping[str, int]  # name -> its place among the page's parties, by first mention


def page_of(
    sentences: Sequence[Sentence], sides: Sides, proposed: Sequence[Sequence[Candidate]]
) -> Page:
    kinds: dict[str, MentionKind] = {}
    counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    for sentence in sentences:
        for mention in sentence.mentions:
            kinds.setdefault(mention.name, mention.kind)
            counts[mention.name] += 1
            if mention.kind is not MentionKind.PERSON:
                order.setdefault(mention.name, len(order))
    first_of_type: dict[EventType, int] = {}
    for group in proposed:
        first_of_type.setdefault(group[0].event.type, group[0].sentence)
    title = frozenset(m.name for s in sentences if s.paragraph == 0 for m in s.mentions)
    options = [c for group in proposed for c in group]
    party_types: dict[str, set[EventType]] = {}
    for c in options:
        party_types.setdefault(c.event.counterpart, set()).add(c.event.type)
    return Page(
        sentences,
        sides,
        kinds,
        counts,
        title,
        Counter((c.event.type, c.event.counterpart) for c in options),
        frozenset(
            group[0].event.type for group in proposed if sentences[group[0].sentence].paragraph == 0
        ),
        {name: frozenset(types) for name, types in party_types.items()},
        first_of_type,
        Counter(group[0].event.type for group in proposed),
        order,
    )


def features(candidate: Candidate, page: Page) -> Features:
    event = candidate.event
    kind = event.type.value
    sentence = page.sentences[candidate.sentence]
    counterpart = event.counterpart
    place = page.sides.places.get(counterpart)
    mention_kind = page.kinds.get(counterpart)
    in_title = sentence.paragraph == 0
    first_body = next((i for i, s in enumerate(page.sentences) if s.paragraph > 0), -1)
    mention = next((m for m in sentence.mentions if m.name == counterpart), None)
    found: Features = {
        f"type={kind}": 1.0,
        f"source={candidate.source}": 1.0,
        "rules_choice": float(candidate.rank == 0),
        "rules_order": float(candidate.rank >= 0),
        "rank": math.log1p(candidate.rank) if candidate.rank >= 0 else 0.0,
        "named_here": float(candidate.named_here),
        "in_sentence": float(mention is not None),
        f"in_sentence&type={kind}": float(mention is not None),
        "counterpart_organization": float(mention_kind is MentionKind.ORGANIZATION),
        f"counterpart_organization&type={kind}": float(mention_kind is MentionKind.ORGANIZATION),
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
        "support": math.log1p(page.proposals[event.type, counterpart] - 1),
        "type_in_title": float(event.type in page.title_types),
        "other_types_same_party": float(len(page.party_types.get(counterpart, ())) - 1),
        "quote": float(any(ch in _QUOTES for ch in sentence.text)),
        "digits": float(any(ch.isdigit() for ch in sentence.text)),
        "initiator_is_the_document_side": float(event.initiator == page.sides.initiator),
        "first_of_its_type": float(page.first_of_type.get(event.type) == candidate.sentence),
        "sentences_of_its_type": math.log(page.type_sentences.get(event.type, 1)),
        "counterpart_order": math.log1p(page.order.get(counterpart, len(page.order))),
    }
    return {name: value for name, value in found.items() if value}

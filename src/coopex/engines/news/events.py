"""Cooperation events of the closed type set, read sentence by sentence.

A sentence names an event by its wording (a trigger: "деловая миссия", "локализовать
производство", "talks with", "signed an agreement"...: `cues.py`) or by an amount that measures
trade or investment; who the event is with and who started it come from the sentence's
entities and the document's sides (`parties.py`). Talks with a party that the same document
also invites to localize, or signs with, are part of that stronger lead and are not reported
twice.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from coopex.domain.geography import Place
from coopex.domain.news import EventType, LeadEvent, Mention, MentionKind
from coopex.engines.news.cues import EventCues, trigger_types
from coopex.engines.news.parties import (
    EventReader,
    document_sides,
    reporter,
    same_party,
    split_sentences,
)

# Talks reported in a sentence about a forum or a mission are part of it, unless they name
# an organisation of their own.
_HOSTS_TALKS = frozenset({EventType.FORUM, EventType.BUSINESS_MISSION})
# A stronger lead with the same party already covers talks with it.
_COVERS_TALKS = frozenset(
    {
        EventType.LOCALIZATION_INVITATION,
        EventType.LOCALIZATION_PLAN,
        EventType.AGREEMENT,
        EventType.INVESTMENT,
    }
)
_ABSORBED_BY = {EventType.INVESTMENT: (EventType.LOCALIZATION_PLAN,)}
# An amount measuring these makes its sentence a trade figure or an investment.
AMOUNT_EVENTS = {
    "trade turnover": EventType.TRADE_FIGURE,
    "exports": EventType.TRADE_FIGURE,
    "imports": EventType.TRADE_FIGURE,
    "investment": EventType.INVESTMENT,
}

SectorTagger = Callable[[str], tuple[str, ...]]
# Given a sentence and the event types its wordings name, the types it reports (learned from
# labelled sentences: it may drop a type, or name one the wordings missed).
EventTyper = Callable[[str, Sequence[EventType]], list[EventType]]


def read_events(
    paragraphs: Sequence[str],
    mentions: Sequence[Mention],
    places: Mapping[str, Place | None],
    home: frozenset[str],
    sectors: SectorTagger,
    cues: EventCues,
    amount_measures: Callable[[str], Sequence[str]] = lambda _: (),
    typer: EventTyper | None = None,
    reading_form: Callable[[str], str] | None = None,
) -> tuple[LeadEvent, ...]:
    """Events of the document whose title is `paragraphs[0]` (an empty string when it has
    none), given its entity mentions and the places they resolve to. `reading_form`: the
    form the wordings are matched in, one character for one (Chinese: simplified script);
    `amount_measures` is asked about sentences as written."""
    written = paragraphs
    if reading_form is not None:
        paragraphs = [reading_form(p) for p in paragraphs]
    parties = [m for m in mentions if not reporter(m, paragraphs, cues)]
    sentences = split_sentences(paragraphs, parties, written)
    sides = document_sides(sentences, places, home)
    reader = EventReader(paragraphs, sentences, sides, cues)
    events: list[LeadEvent] = []
    previous: EventType | None = None
    for index, sentence in enumerate(sentences):
        found = trigger_types(sentence.text, cues)
        for measure in amount_measures(sentence.written):
            if measure in AMOUNT_EVENTS:
                found.append((AMOUNT_EVENTS[measure], 0, 0))
        if not found and previous is not None and cues.same_again.search(sentence.text):
            found = [(previous, 0, 0)]
        if found and typer is not None:
            ends = {kind: end for kind, _, end in found}
            found = [(kind, 0, ends.get(kind, 0)) for kind in typer(sentence.text, list(ends))]
        hosts_talks = any(kind in _HOSTS_TALKS for kind, _, _ in found)
        here: list[LeadEvent] = []
        for kind, _, trigger_end in found:
            counterpart, named_here = reader.counterpart(index, kind, trigger_end)
            if not counterpart or (
                kind is EventType.NEGOTIATION and hosts_talks and not named_here
            ):
                continue
            initiator = reader.initiator(sentence, kind, counterpart)
            if same_party(initiator, counterpart):
                continue  # initiator and counterpart are never the same party
            here.append(
                LeadEvent(kind, initiator, counterpart, sectors(sentence.text), sentence.written)
            )
            previous = kind
        # "переговоры и передача приглашения … локализовать": talks the same sentence reports
        # a stronger lead with, about the same party, are that lead.
        events.extend(
            e
            for e in here
            if not (
                e.type is EventType.NEGOTIATION
                and any(
                    o.type in _COVERS_TALKS and same_party(o.counterpart, e.counterpart)
                    for o in here
                )
            )
        )
    names = [m.name for m in mentions if m.kind is MentionKind.ORGANIZATION]
    locations = {m.name for m in mentions if m.kind is MentionKind.LOCATION}
    return _distinct(
        [e if e.counterpart in locations else _full_names(e, names) for e in events],
        places,
        locations,
    )


def _full_names(event: LeadEvent, names: Sequence[str]) -> LeadEvent:
    """The fullest form the document gives of an organisation ("Новый банк" -> "Новый банк
    развития"); a place stays itself ("China" is not "China Chamber of Commerce")."""
    key = event.counterpart.casefold()
    longer = [n for n in names if n.casefold().startswith(key + " ")]
    if not longer:
        return event
    full = max(longer, key=len)
    return LeadEvent(event.type, event.initiator, full, event.sectors, event.evidence)


def _nested_places(a: str, b: str, places: Mapping[str, Place | None]) -> bool:
    """ "黑龙江省" and "中国": a mission to a province is a mission to its country."""
    first, second = places.get(a), places.get(b)
    if first is None or second is None or first.is_union or second.is_union:
        return False
    return first.countries == second.countries and not (first.is_region and second.is_region)


def _same_side(a: str, b: str, places: Mapping[str, Place | None]) -> bool:
    """Two initiators that are one party: the same name, or places of one region or country
    ("Ярославль" and "Ярославская область")."""
    first, second = places.get(a), places.get(b)
    if same_party(a, b) or first is None or second is None:
        return True
    return first.code == second.code or not (first.is_region and second.is_region)


def _distinct(
    events: list[LeadEvent], places: Mapping[str, Place | None], locations: set[str]
) -> tuple[LeadEvent, ...]:
    """One event per type and party (the first evidence, sectors of all; a region and its
    country are one party); talks with a party covered by a stronger lead are dropped."""
    kept: list[LeadEvent] = []
    for event in events:
        same = next(
            (
                i
                for i, k in enumerate(kept)
                if k.type is event.type
                and (
                    same_party(k.counterpart, event.counterpart)
                    or _nested_places(k.counterpart, event.counterpart, places)
                )
                and _same_side(k.initiator, event.initiator, places)
            ),
            None,
        )
        if same is None:
            kept.append(event)
            continue
        merged = tuple(dict.fromkeys([*kept[same].sectors, *event.sectors]))
        old = kept[same]
        kept[same] = LeadEvent(old.type, old.initiator, old.counterpart, merged, old.evidence)
    # Only a named organisation: an invitation to "Chinese investors" (the country) does not
    # make the governor's talks with a Chinese province part of it.
    covered = [
        e.counterpart for e in kept if e.type in _COVERS_TALKS and e.counterpart not in locations
    ]

    # A foreign firm's plant is its localization plan even when an investment is named for it
    # (the annotation guideline; absorbing the plant's agreement too was measured: no gain).
    def absorbed(event: LeadEvent) -> bool:
        stronger = _ABSORBED_BY.get(event.type, ())
        return any(
            k.type in stronger and same_party(k.counterpart, event.counterpart) for k in kept
        )

    return tuple(
        e
        for e in kept
        if not (
            e.type is EventType.NEGOTIATION
            and e.counterpart not in locations
            and any(same_party(e.counterpart, c) for c in covered)
        )
        and not absorbed(e)
    )

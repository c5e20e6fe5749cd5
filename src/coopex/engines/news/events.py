"""Cooperation events of the closed type set, read sentence by sentence.

A sentence names an event by its wording (a trigger: "деловая миссия", "локализовать
производство", "talks with", "signed an agreement"...). Who the event is with (the
counterpart) is then looked for in a fixed order that suits the event type:

1. an entity in the same sentence — a place not on the initiator's side for missions, forums,
   policy and trade figures; an organisation (not a venue "на территории ...") for the others;
2. an earlier organisation of the same paragraph when the sentence points back to one
   ("этой компании", "руководством банка", "its production");
3. the document's counterpart: the first place, not on the initiator's side, of the title or
   else of the text.

The initiator is the document's side: the first place of the home countries named in the title,
else the first home region of the text, else the home country; a story that names no home place
is told from the first place it names (a partner search is initiated by the organisation that
searches). Talks with a party that the same document also invites to
localize, or signs with, are part of that stronger lead and are not reported twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from coopex.domain.geography import Place
from coopex.domain.news import EventType, LeadEvent, Mention, MentionKind
from coopex.engines.news.sentences import sentence_spans

_I = re.IGNORECASE


def _any(alternatives: Sequence[str]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(alternatives) + ")" if alternatives else "(?!)", _I)


# Roles of the cue table besides the event types (data/reference/event_cues.csv).
CUE_ROLES = (
    "inviting",  # somebody invites or offers: a localization invitation, not a plan
    "planning",  # the company plans it itself: a localization plan
    "same_again",  # "Схожее предложение поступит и компании X": the previous event with X
    "points_back",  # "этой компании": an organisation named earlier
    "not_a_forum",  # a press conference is not a forum
    "counted",  # "20 agreements are planned": a statistic, not a lead
    "venue_before",  # "на территории ОЭЗ «Иннополис»": a venue, not a party
    "said",  # the verb of a quote's attribution: "...," said X
    "media",  # an organisation name that is a news medium: it reports, it is not a party
)


@dataclass(frozen=True, slots=True)
class EventCues:
    """The wordings events are read by, per language, as shipped data: trigger wordings per
    event type (in the order they are tried) and the wordings of each role in `CUE_ROLES`."""

    triggers: tuple[tuple[EventType, re.Pattern[str]], ...]
    any_trigger: re.Pattern[str]  # all triggers in one pattern: most sentences have none
    inviting: re.Pattern[str]
    planning: re.Pattern[str]
    same_again: re.Pattern[str]
    points_back: re.Pattern[str]
    not_a_forum: re.Pattern[str]
    counted: re.Pattern[str]
    venue_before: re.Pattern[str]
    attribution: re.Pattern[str]
    media: re.Pattern[str]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str]]) -> EventCues:
        """`rows`: (cue, pattern), a cue being an event type's value or a role; a bad cue or
        pattern is a ValueError naming it."""
        by_cue: dict[str, list[str]] = {}
        for cue, pattern in rows:
            if cue not in CUE_ROLES and cue not in EventType._value2member_map_:
                raise ValueError(f"unknown event cue {cue!r} (pattern {pattern!r})")
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"bad pattern for cue {cue!r}: {pattern!r}: {error}") from None
            by_cue.setdefault(cue, []).append(pattern)
        triggers = tuple(
            (EventType(cue), _any(patterns))
            for cue, patterns in by_cue.items()
            if cue not in CUE_ROLES
        )
        said = "|".join(by_cue.get("said", [])) or "(?!)"
        return cls(
            triggers=triggers,
            any_trigger=re.compile(
                "|".join(p for cue, ps in by_cue.items() if cue not in CUE_ROLES for p in ps)
                or "(?!)",
                _I,
            ),
            inviting=_any(by_cue.get("inviting", [])),
            planning=_any(by_cue.get("planning", [])),
            same_again=_any(by_cue.get("same_again", [])),
            points_back=_any(by_cue.get("points_back", [])),
            not_a_forum=_any(by_cue.get("not_a_forum", [])),
            counted=re.compile(r"\d+\s+" + _any(by_cue.get("counted", [])).pattern, _I),
            venue_before=re.compile(_any(by_cue.get("venue_before", [])).pattern + r"\s*$", _I),
            media=_any(by_cue.get("media", [])),
            # Where a quote ends and its attribution begins: «...», — сказал X / "...," said X.
            attribution=re.compile(r"[»”\"]\s*,?\s*[—–-]\s+\w|[”\"],?\s+(?:" + said + r")\b", _I),
        )


_ORG_FIRST = frozenset(
    {
        EventType.LOCALIZATION_INVITATION,
        EventType.LOCALIZATION_PLAN,
        EventType.NEGOTIATION,
        EventType.AGREEMENT,
        EventType.INVESTMENT,
    }
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


@dataclass(frozen=True, slots=True)
class Sentence:
    paragraph: int
    start: int
    end: int
    text: str
    mentions: tuple[Mention, ...]


def split_sentences(paragraphs: Sequence[str], mentions: Sequence[Mention]) -> list[Sentence]:
    result: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        for start, end in sentence_spans(paragraph):
            inside = tuple(m for m in mentions if m.paragraph == number and start <= m.start < end)
            result.append(Sentence(number, start, end, paragraph[start:end], inside))
    return result


def _same_party(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or a in b or b in a


@dataclass(frozen=True, slots=True)
class Sides:
    """The document's two sides, and how to tell which side a place is on."""

    initiator: str
    initiator_place: Place | None
    counterpart: str
    places: Mapping[str, Place | None]

    def own_side(self, name: str) -> bool:
        place = self.places.get(name)
        if name == self.initiator:
            return True
        if place is None or self.initiator_place is None:
            return False
        own = self.initiator_place
        if place.is_union:
            return own.countries <= place.countries
        if own.is_region:
            return place.code == own.code or place.code in own.countries
        return place.within(own.countries)


def document_sides(
    sentences: Sequence[Sentence], places: Mapping[str, Place | None], home: frozenset[str]
) -> Sides:
    title = [m for s in sentences if s.paragraph == 0 for m in s.mentions]
    body = [m for s in sentences if s.paragraph > 0 for m in s.mentions]
    located = [
        (m.name, place)
        for m in title + body
        if m.kind is MentionKind.LOCATION and (place := places.get(m.name)) is not None
    ]
    titled = {m.name for m in title}
    at_home = [(name, place) for name, place in located if place.within(home)]
    choice = (
        next(((n, p) for n, p in at_home if n in titled), None)
        or next(((n, p) for n, p in at_home if p.is_region), None)
        or next(iter(at_home), None)
        # A story that names no home place is told from the side it names first.
        or next(((n, p) for n, p in located if n in titled), None)
        or next(iter(located), None)
    )
    initiator, initiator_place = choice if choice else ("", None)
    sides = Sides(initiator, initiator_place, "", places)
    places_in_order = [m.name for m in title + body if m.kind is MentionKind.LOCATION]
    organizations = [m.name for m in title if m.kind is MentionKind.ORGANIZATION]
    counterpart = next(
        (name for name in places_in_order if not sides.own_side(name)),
        organizations[0] if organizations else "",
    )
    return Sides(initiator, initiator_place, counterpart, places)


def _trigger_types(sentence: str, cues: EventCues) -> list[tuple[EventType, int, int]]:
    found: list[tuple[EventType, int, int]] = []
    if not cues.any_trigger.search(sentence):
        return found
    for kind, pattern in cues.triggers:
        match = pattern.search(sentence)
        if match is None:
            continue
        if kind is EventType.AGREEMENT and cues.counted.search(sentence):
            continue
        if kind is EventType.FORUM and cues.not_a_forum.search(sentence):
            continue
        # An invitation when somebody invites or offers, a plan of the company's own when it
        # plans, whichever wording named it.
        invited = cues.inviting.search(sentence)
        if kind is EventType.LOCALIZATION_INVITATION and not invited:
            if cues.planning.search(sentence):
                kind = EventType.LOCALIZATION_PLAN
        elif kind is EventType.LOCALIZATION_PLAN and invited:
            kind = EventType.LOCALIZATION_INVITATION
        if any(k is kind for k, _, _ in found):
            continue
        found.append((kind, match.start(), match.end()))
    return found


class EventReader:
    def __init__(
        self,
        paragraphs: Sequence[str],
        sentences: Sequence[Sentence],
        sides: Sides,
        cues: EventCues,
    ) -> None:
        self._cues = cues
        self._paragraphs = paragraphs
        self._sentences = sentences
        self._sides = sides

    def _organizations(self, sentence: Sentence) -> list[Mention]:
        """Organisations that can be a counterpart: not venues, not the speaker's own after a
        quote ("», — сообщила представитель Казанского Кремля"), not on the initiator's side
        ("Агентство инвестиционного развития Чувашии" in a story told from Chuvashia)."""
        paragraph = self._paragraphs[sentence.paragraph]
        said = self._cues.attribution.search(sentence.text)
        attribution = sentence.start + said.start() if said else sentence.end
        return [
            m
            for m in sentence.mentions
            if m.kind is MentionKind.ORGANIZATION
            and m.start < attribution
            and not self._cues.venue_before.search(paragraph[max(0, m.start - 30) : m.start])
            and not self._sides.places.get(m.name)
            and not self._own_organization(m, sentence)
            and not self._credited_source(m, paragraph)
        ]

    def _own_organization(self, organization: Mention, sentence: Sentence) -> bool:
        """Named after a place on the initiator's side, as a mention inside it or a word."""
        inside = any(
            m.kind is MentionKind.LOCATION
            and organization.start <= m.start < organization.end
            and self._sides.own_side(m.name)
            for m in sentence.mentions
        )
        return inside or any(
            self._sides.places.get(word) is not None and self._sides.own_side(word)
            for word in organization.name.split()
        )

    def _credited_source(self, organization: Mention, paragraph: str) -> bool:
        """ "MINSK, 14 June (BelTA) –", "(Казань, 17 мая, «Татар-информ»)": the agency that
        reports the story, in the opening parenthesis, is not a party to it."""
        opening = paragraph.rfind("(", 0, organization.start)
        return 0 <= opening < 80 and ")" not in paragraph[opening : organization.start]

    def _foreign_places(self, sentence: Sentence) -> list[Mention]:
        return [
            m
            for m in sentence.mentions
            if m.kind is MentionKind.LOCATION and not self._sides.own_side(m.name)
        ]

    def _earlier_organization(self, index: int, kind: EventType) -> str | None:
        """The organisation an anaphoric sentence points back to, in its paragraph; for an
        investment, the one the previous sentence names ("Zoomlion plans a plant. The
        investment will be 3 bn roubles.")."""
        sentence = self._sentences[index]
        if kind is EventType.INVESTMENT and index > 0:
            previous = self._sentences[index - 1]
            named = (
                self._organizations(previous) if previous.paragraph == sentence.paragraph else []
            )
            if named:
                return named[-1].name
        if not self._cues.points_back.search(sentence.text):
            return None
        earlier = [
            m
            for s in self._sentences[:index]
            if s.paragraph == sentence.paragraph
            for m in self._organizations(s)
        ]
        if not earlier:
            return None
        stems = {w[:4].casefold() for w in re.findall(r"\w{5,}", sentence.text)}
        for mention in reversed(earlier):
            if any(w[:4].casefold() in stems for w in mention.name.split() if len(w) >= 4):
                return mention.name
        return earlier[-1].name

    def counterpart(self, index: int, kind: EventType, trigger_end: int) -> tuple[str, bool]:
        """The counterpart, and whether it is an organisation named in the sentence."""
        sentence = self._sentences[index]
        organizations = self._organizations(sentence)
        # The party named right after the trigger ("переговоры с X") before any other.
        organizations.sort(key=lambda m: (m.start - sentence.start < trigger_end, m.start))
        places = [m.name for m in self._foreign_places(sentence)]
        named = [m.name for m in organizations]
        if kind is EventType.PARTNER_SEARCH:
            return self._sought(sentence, places), False
        if kind is EventType.LOCALIZATION_INVITATION:
            # Invited: a named company, else the other side of the story, not the venue.
            earlier = self._earlier_organization(index, kind)
            order = [*named, earlier, self._sides.counterpart, *places]
        elif kind in _ORG_FIRST:
            earlier = self._earlier_organization(index, kind)
            order = [*named, earlier, *places, self._sides.counterpart]
        else:
            order = [*places, self._sides.counterpart]
        for name in order:
            if name and not _same_party(name, self._sides.initiator):
                return name, name in named
        return "", False

    def _sought(self, sentence: Sentence, places: list[str]) -> str:
        """Whom a partner search is addressed to: a place other than the searcher's own
        ("УК «РМ Рейл» (Республика Мордовия)"), else the document's other side."""
        searcher = next((m for m in sentence.mentions if m.kind is MentionKind.ORGANIZATION), None)
        home = ""
        if searcher is not None:
            paragraph = self._paragraphs[sentence.paragraph]
            after = re.match(r"[»”\"]?\s*\(([^)]+)\)", paragraph[searcher.end :])
            home = after.group(1) if after else ""
        # Never the searcher's own side: a search nobody is named for has no lead.
        for name in [*places, self._sides.counterpart]:
            if name and not (home and _same_party(name, home)):
                return name
        return ""

    def initiator(self, sentence: Sentence, kind: EventType, counterpart: str) -> str:
        if kind is EventType.PARTNER_SEARCH:
            for mention in sentence.mentions:
                if mention.kind is MentionKind.ORGANIZATION and not _same_party(
                    mention.name, counterpart
                ):
                    return mention.name
        # The home-side region the sentence itself names ("Irkutsk Region's trade with China"
        # in a story about several regions), else the document's side (by its own name).
        own = self._sides.initiator_place
        for mention in sentence.mentions:
            place = self._sides.places.get(mention.name)
            if (
                mention.kind is MentionKind.LOCATION
                and place is not None
                and place.is_region
                and self._sides.own_side(mention.name)
                and not (own is not None and place.code == own.code)
                and not _same_party(mention.name, counterpart)
            ):
                return mention.name
        return self._sides.initiator


# "МОСКВА, 23 ноября", "MINSK, 14 June", "莫斯科4月22日电": the place a story is filed from.
_DATELINE_AFTER = re.compile(r"\s*,?\s*\d")
_DATELINE_WITHIN = 60


def _reporter(mention: Mention, paragraphs: Sequence[str], cues: EventCues) -> bool:
    """A news medium, or the dateline's place: they report the story, they are not parties."""
    if mention.kind is MentionKind.ORGANIZATION:
        return bool(cues.media.search(mention.name))
    paragraph = paragraphs[mention.paragraph]
    return (
        mention.kind is MentionKind.LOCATION
        and mention.start < _DATELINE_WITHIN
        and bool(_DATELINE_AFTER.match(paragraph, mention.end))
    )


def read_events(
    paragraphs: Sequence[str],
    mentions: Sequence[Mention],
    places: Mapping[str, Place | None],
    home: frozenset[str],
    sectors: SectorTagger,
    cues: EventCues,
    amount_measures: Callable[[str], Sequence[str]] = lambda _: (),
    typer: EventTyper | None = None,
) -> tuple[LeadEvent, ...]:
    """Events of the document whose title is `paragraphs[0]` (an empty string when it has
    none), given its entity mentions and the places they resolve to."""
    parties = [m for m in mentions if not _reporter(m, paragraphs, cues)]
    sentences = split_sentences(paragraphs, parties)
    sides = document_sides(sentences, places, home)
    reader = EventReader(paragraphs, sentences, sides, cues)
    events: list[LeadEvent] = []
    previous: EventType | None = None
    for index, sentence in enumerate(sentences):
        found = _trigger_types(sentence.text, cues)
        for measure in amount_measures(sentence.text):
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
            if _same_party(initiator, counterpart):
                continue  # initiator and counterpart are never the same party
            here.append(
                LeadEvent(kind, initiator, counterpart, sectors(sentence.text), sentence.text)
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
                    o.type in _COVERS_TALKS and _same_party(o.counterpart, e.counterpart)
                    for o in here
                )
            )
        )
    names = [m.name for m in mentions]
    locations = {m.name for m in mentions if m.kind is MentionKind.LOCATION}
    return _distinct([_full_names(event, names) for event in events], places, locations)


def _full_names(event: LeadEvent, names: Sequence[str]) -> LeadEvent:
    """The fullest form the document gives of the counterpart ("Новый банк" -> "Новый банк
    развития")."""
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
    if _same_party(a, b) or first is None or second is None:
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
                    _same_party(k.counterpart, event.counterpart)
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
            k.type in stronger and _same_party(k.counterpart, event.counterpart) for k in kept
        )

    return tuple(
        e
        for e in kept
        if not (
            e.type is EventType.NEGOTIATION
            and e.counterpart not in locations
            and any(_same_party(e.counterpart, c) for c in covered)
        )
        and not absorbed(e)
    )

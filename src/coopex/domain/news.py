"""News leads: what one news document says about cooperation, in the contract of DESIGN.md.

A `Mention` is one entity occurrence in a paragraph; `Entities` are the distinct names of a
document; a `LeadEvent` is one cooperation event (of the closed type set) with who started it,
with whom, in which sectors, and the sentence that says so. `Lead` is an event an agency user
acts on: new -> accepted (it becomes a cooperation project) or dismissed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from coopex.domain.errors import Conflict


class EventType(StrEnum):
    BUSINESS_MISSION = "business_mission"
    LOCALIZATION_INVITATION = "localization_invitation"
    LOCALIZATION_PLAN = "localization_plan"
    PARTNER_SEARCH = "partner_search"
    PRODUCT_PRESENTATION = "product_presentation"
    NEGOTIATION = "negotiation"
    AGREEMENT = "agreement"
    FORUM = "forum"
    POLICY = "policy"
    TRADE_FIGURE = "trade_figure"
    INVESTMENT = "investment"


class MentionKind(StrEnum):
    PERSON = "persons"
    ORGANIZATION = "organizations"
    LOCATION = "locations"


@dataclass(frozen=True, slots=True)
class Mention:
    kind: MentionKind
    name: str  # dictionary form
    paragraph: int
    start: int  # character offsets in the paragraph
    end: int


@dataclass(frozen=True, slots=True)
class Entities:
    persons: tuple[str, ...] = ()
    organizations: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, list[str]]:
        return {
            "persons": list(self.persons),
            "organizations": list(self.organizations),
            "locations": list(self.locations),
        }


def _is_partial_name(name: str) -> bool:
    return len(name.split()) == 1 or "." in name


def same_person(short: str, full: str) -> bool:
    """ "Минниханов" and "Р.Н. Минниханов" name the person "Рустам Минниханов"."""
    return _is_partial_name(short) and short.split()[-1] == full.split()[-1] and short != full


def full_names_only(mentions: Iterable[Mention]) -> list[Mention]:
    """Persons named in full somewhere in the document: a one-word person is kept only as the
    surname of one of them. In Russian and English news a person is introduced by name and
    surname; one capitalised word alone is mostly a brand or a place the tagger misread
    ("Zoomlion", "Чанчжоу"). Not for Chinese, where a transliterated surname alone is usual."""
    mentions = list(mentions)
    surnames = {
        m.name.split()[-1] for m in mentions if m.kind is MentionKind.PERSON and " " in m.name
    }
    return [
        m
        for m in mentions
        if m.kind is not MentionKind.PERSON or " " in m.name or m.name in surnames
    ]


def collect_entities(mentions: Iterable[Mention]) -> Entities:
    """Distinct names per kind in order of first mention; partial person names merge into the
    fuller name with the same surname, and a shortened organisation name into the full one
    ("Новый банк" into "Новый банк развития")."""
    found: dict[MentionKind, list[str]] = {kind: [] for kind in MentionKind}
    for mention in mentions:
        names = found[mention.kind]
        if mention.name not in names:
            names.append(mention.name)
    people = found[MentionKind.PERSON]
    people = [name for name in people if not any(same_person(name, other) for other in people)]
    organizations = found[MentionKind.ORGANIZATION]
    organizations = [
        name
        for name in organizations
        if not any(other.startswith(name + " ") for other in organizations)
    ]
    return Entities(
        tuple(people),
        tuple(organizations),
        tuple(found[MentionKind.LOCATION]),
    )


@dataclass(frozen=True, slots=True)
class MoneyAmount:
    value: Decimal
    currency: str  # ISO 4217
    what: str | None  # what it measures: "trade turnover", "investment", ...
    text: str  # as written


@dataclass(frozen=True, slots=True)
class LeadEvent:
    type: EventType
    initiator: str
    counterpart: str
    sectors: tuple[str, ...]
    evidence: str  # the sentence that says so

    def as_dict(self) -> dict[str, Any]:
        return {
            "type": self.type.value,
            "initiator": self.initiator,
            "counterpart": self.counterpart,
            "sectors": list(self.sectors),
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class NewsLeads:
    """The result of reading one document; `as_dict` is the news-leads contract."""

    doc: str
    lang: str
    title: str
    published: str | None
    entities: Entities
    events: tuple[LeadEvent, ...]
    amounts: tuple[MoneyAmount, ...]
    dates: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "lang": self.lang,
            "title": self.title,
            "published": self.published,
            "entities": self.entities.as_dict(),
            "events": [event.as_dict() for event in self.events],
            "amounts": [
                {
                    "value": int(a.value) if a.value == a.value.to_integral() else float(a.value),
                    "currency": a.currency,
                    "what": a.what,
                    "text": a.text,
                }
                for a in self.amounts
            ],
            "dates": list(self.dates),
        }


class LeadStatus(StrEnum):
    NEW = "new"
    ACCEPTED = "accepted"
    DISMISSED = "dismissed"


@dataclass(frozen=True, slots=True)
class Lead:
    """A cooperation event from the news, stored for an agency user to act on. Parties that are
    organisations link to the registry (`*_org` are refs, provisional ones included); parties
    that are places carry their ISO 3166 (or union) code."""

    event: LeadEvent
    document_id: int
    document_name: str = ""
    document_title: str = ""
    initiator_org: str | None = None
    counterpart_org: str | None = None
    initiator_place: str | None = None
    counterpart_place: str | None = None
    status: LeadStatus = LeadStatus.NEW
    project: str | None = None  # ref of the project an accepted lead became
    decided_by: str | None = None
    decided_at: datetime | None = None
    created_at: datetime | None = None
    id: int | None = field(default=None, compare=False)


def decide(lead: Lead, status: LeadStatus) -> LeadStatus:
    """Only a new lead is decided, once; a decision is not taken back silently."""
    if status is LeadStatus.NEW:
        raise Conflict("a lead cannot be set back to new", field="status")
    if lead.status is not LeadStatus.NEW:
        raise Conflict(f"lead {lead.id} is already {lead.status.value}", field="status")
    return status

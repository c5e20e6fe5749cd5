"""Cooperation projects: from a lead, through contact and negotiation, to a signed agreement
and a launch, or dropped on the way. The stages form a state machine (`MOVES`); every move and
edit is a `HistoryEntry`, and replaying the history arrives at the current stage."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from coopex.domain.accounts import Actor, Role
from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.errors import Conflict, PermissionDenied
from coopex.domain.fields import FieldReader, stable_ref
from coopex.domain.news import Lead


class ProjectStage(StrEnum):
    LEAD = "lead"
    CONTACT = "contact"  # the parties are in touch
    NEGOTIATION = "negotiation"
    AGREEMENT = "agreement"  # an agreement is signed
    LAUNCHED = "launched"  # the cooperation runs: the end of the road
    DROPPED = "dropped"  # abandoned; may be reopened as a lead


# Forward one stage at a time (a signed agreement is not skipped to), back from negotiation to
# contact when talks stall, dropped from any open stage, and a dropped project reopened as a lead.
MOVES: Mapping[ProjectStage, frozenset[ProjectStage]] = {
    ProjectStage.LEAD: frozenset({ProjectStage.CONTACT, ProjectStage.DROPPED}),
    ProjectStage.CONTACT: frozenset({ProjectStage.NEGOTIATION, ProjectStage.DROPPED}),
    ProjectStage.NEGOTIATION: frozenset(
        {ProjectStage.AGREEMENT, ProjectStage.CONTACT, ProjectStage.DROPPED}
    ),
    ProjectStage.AGREEMENT: frozenset({ProjectStage.LAUNCHED, ProjectStage.DROPPED}),
    ProjectStage.LAUNCHED: frozenset(),
    ProjectStage.DROPPED: frozenset({ProjectStage.LEAD}),
}

# A project recorded after the fact may start further along (an agreement signed at a forum).
OPENING_STAGES = (
    ProjectStage.LEAD,
    ProjectStage.CONTACT,
    ProjectStage.NEGOTIATION,
    ProjectStage.AGREEMENT,
)

OPEN_STAGES = frozenset(
    s for s in ProjectStage if s not in (ProjectStage.LAUNCHED, ProjectStage.DROPPED)
)


def _listed(stages: Iterable[ProjectStage]) -> str:
    ordered = [s.value for s in ProjectStage if s in set(stages)]
    return " or ".join(ordered) if ordered else "nowhere (it is final)"


class IllegalMove(Conflict):
    """A move the state machine does not allow; names both stages and what is allowed."""

    def __init__(self, ref: str, from_stage: ProjectStage, to_stage: ProjectStage) -> None:
        self.ref = ref
        self.from_stage = from_stage
        self.to_stage = to_stage
        super().__init__(
            f"project {ref!r} cannot move from {from_stage.value} to {to_stage.value}: "
            f"from {from_stage.value} it can move to {_listed(MOVES[from_stage])}",
            field="stage",
        )


def check_move(ref: str, current: ProjectStage, target: ProjectStage) -> ProjectStage:
    if target not in MOVES[current]:
        raise IllegalMove(ref, current, target)
    return target


# The road forward, for follow-ups that advance a project to a later stage step by step.
FORWARD = (
    ProjectStage.LEAD,
    ProjectStage.CONTACT,
    ProjectStage.NEGOTIATION,
    ProjectStage.AGREEMENT,
    ProjectStage.LAUNCHED,
)


def forward_path(
    current: ProjectStage, target: ProjectStage
) -> list[tuple[ProjectStage, ProjectStage]]:
    """The moves from `current` forward to `target`; none when target is not ahead of it."""
    if current not in FORWARD or target not in FORWARD:
        return []
    start, end = FORWARD.index(current), FORWARD.index(target)
    return [(FORWARD[i], FORWARD[i + 1]) for i in range(start, end)]


class HistoryKind(StrEnum):
    CREATED = "created"
    MOVED = "moved"
    EDITED = "edited"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One step of a project's timeline. `to_stage` is set on `created` and `moved`;
    `detail` is the note's text, the changed fields (JSON) or the move's comment."""

    at: datetime
    actor: str
    kind: HistoryKind
    from_stage: ProjectStage | None = None
    to_stage: ProjectStage | None = None
    detail: str = ""
    on_behalf_of: str | None = None
    id: int | None = field(default=None, compare=False)


def replay(ref: str, history: Iterable[HistoryEntry]) -> ProjectStage:
    """The stage a history arrives at, checking that it opens once and each move is legal."""
    stage: ProjectStage | None = None
    for entry in history:
        if entry.kind is HistoryKind.CREATED:
            if stage is not None or entry.to_stage not in OPENING_STAGES:
                raise Conflict(f"project {ref!r}: the history opens twice or at a bad stage")
            stage = entry.to_stage
        elif entry.kind is HistoryKind.MOVED:
            if stage is None or entry.from_stage is not stage or entry.to_stage is None:
                raise Conflict(f"project {ref!r}: a move does not start where the last ended")
            stage = check_move(ref, stage, entry.to_stage)
    if stage is None:
        raise Conflict(f"project {ref!r}: the history never opens")
    return stage


@dataclass(frozen=True, slots=True)
class ListingPair:
    """A match that produced the project: two listings of different organisations."""

    first: str  # listing refs
    second: str


@dataclass(frozen=True, slots=True)
class ProjectLink:
    """A link to something outside this module, by kind and id (e.g. a B2B meeting)."""

    kind: str
    key: str


LINK_KINDS = ("meeting", "event")


@dataclass(frozen=True, slots=True)
class Project:
    ref: str
    title: str
    stage: ProjectStage
    initiator_org: str | None = None  # organisation refs
    counterpart_org: str | None = None
    sectors: tuple[str, ...] = ()
    created_by: str = ""
    created_at: datetime | None = None
    leads: tuple[int, ...] = ()  # the leads that opened it
    description: str = ""
    value: Decimal | None = None
    currency: str | None = None  # ISO 4217
    next_step: str | None = None
    next_step_due: date | None = None
    matches: tuple[ListingPair, ...] = ()
    links: tuple[ProjectLink, ...] = ()
    interests: tuple[int, ...] = ()  # the expressions of interest that opened it
    updated_at: datetime | None = None
    id: int | None = field(default=None, compare=False)

    @property
    def parties(self) -> tuple[str, ...]:
        return tuple(r for r in (self.initiator_org, self.counterpart_org) if r)


# What an edit may change; the stage moves only through `check_move`.
EDITABLE_FIELDS = (
    "title",
    "initiator_org",
    "counterpart_org",
    "sectors",
    "description",
    "value",
    "currency",
    "next_step",
    "next_step_due",
    "matches",
    "links",
)


def _read_pairs(reader: FieldReader) -> tuple[ListingPair, ...]:
    value = reader.raw.get("matches")
    if value in (None, "", []):
        return ()
    if not isinstance(value, list | tuple):
        reader.fail("matches", "must be a list of [listing ref, listing ref] pairs")
        return ()
    pairs: list[ListingPair] = []
    for index, item in enumerate(value):
        if isinstance(item, Mapping):
            item = [item.get("first"), item.get("second")]
        if (
            not isinstance(item, list | tuple)
            or len(item) != 2
            or not all(isinstance(x, str) and x.strip() for x in item)
        ):
            reader.fail(f"matches[{index}]", "must be two listing refs", item)
            continue
        first, second = (str(x).strip() for x in item)
        if first == second:
            reader.fail(f"matches[{index}]", "a match joins two different listings", first)
            continue
        pair = ListingPair(first, second)
        if pair not in pairs:
            pairs.append(pair)
    return tuple(pairs)


def _read_links(reader: FieldReader) -> tuple[ProjectLink, ...]:
    value = reader.raw.get("links")
    if value in (None, "", []):
        return ()
    if not isinstance(value, list | tuple):
        reader.fail("links", "must be a list of {kind, key}")
        return ()
    links: list[ProjectLink] = []
    for index, item in enumerate(value):
        if not isinstance(item, Mapping):
            reader.fail(f"links[{index}]", "must be an object with kind and key", item)
            continue
        sub = FieldReader(item)
        kind = sub.text("kind", max_length=20).lower()
        key = sub.text("key", max_length=80)
        if kind and kind not in LINK_KINDS:
            sub.fail("kind", f"must be one of: {', '.join(LINK_KINDS)}", kind)
        for error in sub.errors:
            reader.fail(f"links[{index}].{error.field}", error.reason, error.value)
        link = ProjectLink(kind, key)
        if not sub.errors and link not in links:
            links.append(link)
    return tuple(links)


def _read_currency(reader: FieldReader, catalog: ReferenceCatalog) -> str | None:
    currency = reader.optional_text("currency", max_length=3)
    if currency is None:
        return None
    currency = currency.upper()
    if not (len(currency) == 3 and currency.isalpha() and catalog.currency_exists(currency)):
        reader.fail("currency", "no such ISO 4217 currency", currency)
        return None
    return currency


def build_project(
    raw: Mapping[str, object], catalog: ReferenceCatalog, created_by: str = ""
) -> Project:
    """Validate a project record, or raise ValidationFailed naming each bad field. Whether the
    organisations and listings it names exist is the service's check."""
    reader = FieldReader(raw)
    title = reader.text("title", max_length=500)
    stage = reader.choice("stage", ProjectStage, default=ProjectStage.LEAD)
    if stage is not None and stage not in OPENING_STAGES:
        reader.fail("stage", f"a project opens at {_listed(OPENING_STAGES)}", stage.value)
    initiator = reader.ref("initiator_org")
    counterpart = reader.ref("counterpart_org")
    if initiator is not None and initiator == counterpart:
        reader.fail("counterpart_org", "must differ from initiator_org", counterpart)
    sectors = reader.text_list("sectors", max_length=40)
    for slug in sectors:
        if catalog.sector(slug) is None:
            reader.fail("sectors", "no such sector (see `coopex sectors`)", slug)
    value = reader.optional_decimal("value")
    currency = _read_currency(reader, catalog)
    if value is not None and currency is None and not reader.failed("currency"):
        reader.fail("currency", "is required with a value (ISO 4217, e.g. USD)")
    if currency is not None and value is None:
        reader.fail("value", "is required with a currency")
    next_step = reader.optional_text("next_step", max_length=500)
    due = reader.optional_date("next_step_due")
    if due is not None and next_step is None:
        reader.fail("next_step", "is required with a due date")
    project = Project(
        ref=reader.ref("ref") or "",
        title=title,
        stage=stage or ProjectStage.LEAD,
        initiator_org=initiator,
        counterpart_org=counterpart,
        sectors=sectors,
        created_by=created_by,
        description=reader.optional_text("description", max_length=5000, multiline=True) or "",
        value=value,
        currency=currency,
        next_step=next_step,
        next_step_due=due,
        matches=_read_pairs(reader),
        links=_read_links(reader),
    )
    reader.raise_if_failed()
    if not project.ref:
        parties = "\x1f".join(project.parties)
        project = replace(project, ref=stable_ref("project", parties, title.casefold()))
    return project


def project_record(project: Project) -> dict[str, object]:
    """The plain-data form of a project's editable fields (and ref and stage)."""
    return {
        "ref": project.ref,
        "title": project.title,
        "stage": project.stage.value,
        "initiator_org": project.initiator_org,
        "counterpart_org": project.counterpart_org,
        "sectors": list(project.sectors),
        "description": project.description,
        "value": None if project.value is None else str(project.value),
        "currency": project.currency,
        "next_step": project.next_step,
        "next_step_due": None
        if project.next_step_due is None
        else project.next_step_due.isoformat(),
        "matches": [[p.first, p.second] for p in project.matches],
        "links": [{"kind": link.kind, "key": link.key} for link in project.links],
    }


def project_from_lead(lead: Lead, created_by: str) -> Project:
    """The project an accepted lead starts: at stage `lead`, between the lead's parties."""
    event = lead.event
    title = f"{event.initiator} — {event.counterpart}: {event.type.value.replace('_', ' ')}"
    return Project(
        ref=stable_ref("project", str(lead.id), title.casefold()),
        title=title[:500],
        stage=ProjectStage.LEAD,
        initiator_org=lead.initiator_org,
        counterpart_org=lead.counterpart_org,
        sectors=event.sectors,
        created_by=created_by,
    )


def require_can_manage_project(actor: Actor, ref: str, party_ids: frozenset[int]) -> None:
    """Agency staff and admins manage every project; enterprise members the projects their
    organisation is a party to."""
    if actor.role is not Role.ENTERPRISE_MEMBER or actor.organizations & party_ids:
        return
    raise PermissionDenied(f"change project {ref!r}", "your organisation is not a party to it")


def require_can_see_project(actor: Actor, ref: str, party_ids: frozenset[int]) -> None:
    if actor.role is not Role.ENTERPRISE_MEMBER or actor.organizations & party_ids:
        return
    raise PermissionDenied(f"see project {ref!r}", "your organisation is not a party to it")

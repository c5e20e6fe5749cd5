"""What a problem allows before any search: slot domains, and cheap proofs of infeasibility.

Every check here is a necessary condition on the meetings that must be held (all of them in
the benchmark's setting; the fixed and locked ones otherwise). A failed check names the
participants or constraints at fault, so an organiser sees why, not just "infeasible".
"""

from __future__ import annotations

from collections import defaultdict

from coopex.engines.scheduling.problem import Meeting, SchedulingProblem


def validate(problem: SchedulingProblem) -> None:
    """Refuse a malformed problem (a programming error upstream), naming what is wrong."""
    ids = [meeting.id for meeting in problem.meetings]
    duplicates = sorted({i for i in ids if ids.count(i) > 1}) if len(set(ids)) < len(ids) else []
    if duplicates:
        raise ValueError(f"meeting ids appear twice: {', '.join(duplicates[:5])}")
    if problem.tables < 0:
        raise ValueError(f"tables must not be negative, got {problem.tables}")
    known = set(ids)
    for meeting in problem.meetings:
        a, b = meeting.participants
        if a == b:
            raise ValueError(f"meeting {meeting.id}: {a} cannot meet themself")
        for name, value, limit in (
            ("fixed_slot", meeting.fixed_slot, problem.slots),
            ("fixed_table", meeting.fixed_table, problem.tables),
        ):
            if value is not None and not 0 <= value < limit:
                raise ValueError(f"meeting {meeting.id}: {name} {value} is not in 0..{limit - 1}")
    for earlier, later in problem.precedences:
        for meeting_id in (earlier, later):
            if meeting_id not in known:
                raise ValueError(f"precedence ({earlier}, {later}): no meeting {meeting_id!r}")
    for kind, placements in (("locked", problem.locked), ("previous", problem.previous)):
        for placement in placements:
            if placement.meeting not in known:
                raise ValueError(f"{kind} placement of unknown meeting {placement.meeting!r}")
            if not (0 <= placement.slot < problem.slots and 0 <= placement.table < problem.tables):
                raise ValueError(
                    f"{kind} placement of {placement.meeting}: slot {placement.slot} / "
                    f"table {placement.table} out of range"
                )


def required_ids(problem: SchedulingProblem) -> set[str]:
    if problem.all_required:
        return {meeting.id for meeting in problem.meetings}
    return {m.id for m in problem.meetings if m.fixed_slot is not None} | {
        lock.meeting for lock in problem.locked
    }


def base_domains(problem: SchedulingProblem) -> dict[str, list[int]]:
    """Slots each meeting may take: sessions, both sides' availability, fixed and locked."""
    locked = {lock.meeting: lock.slot for lock in problem.locked}
    domains: dict[str, list[int]] = {}
    for meeting in problem.meetings:
        out = set().union(*(problem.unavailable.get(p, frozenset()) for p in meeting.participants))
        pinned = locked.get(meeting.id, meeting.fixed_slot)
        domains[meeting.id] = [
            t
            for t in range(problem.slots)
            if t not in out
            and (meeting.sessions is None or problem.slot_sessions[t] in meeting.sessions)
            and (pinned is None or t == pinned)
            and (meeting.id not in locked or meeting.fixed_slot in (None, locked[meeting.id]))
        ]
    return domains


def precedence_cycle(edges: list[tuple[str, str]]) -> list[str] | None:
    """One cycle of the precedence graph (meeting ids in order), if there is one."""
    after: dict[str, list[str]] = defaultdict(list)
    for earlier, later in edges:
        after[earlier].append(later)
    state: dict[str, int] = {}  # 1 = on the current path, 2 = finished
    for root in list(after):
        if state.get(root):
            continue
        path: list[str] = [root]
        stack = [iter(after[root])]
        state[root] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            if state.get(step) == 1:
                return [*path[path.index(step) :], step]
            if not state.get(step):
                state[step] = 1
                path.append(step)
                stack.append(iter(after.get(step, [])))
    return None


def tighten_by_precedence(domains: dict[str, list[int]], edges: list[tuple[str, str]]) -> list[str]:
    """Cut domains so each required `earlier` can precede its `later` (bounds, to a fixpoint).

    Returns the meetings whose domain became empty. Call only on an acyclic set of edges.
    """
    changed = True
    while changed:
        changed = False
        for earlier, later in edges:
            if not domains[earlier] or not domains[later]:
                continue
            first = domains[earlier][0]
            last = domains[later][-1]
            kept_later = [t for t in domains[later] if t > first]
            kept_earlier = [t for t in domains[earlier] if t < last]
            if len(kept_later) < len(domains[later]) or len(kept_earlier) < len(domains[earlier]):
                domains[later], domains[earlier] = kept_later, kept_earlier
                changed = True
    return [meeting for meeting, slots in domains.items() if not slots]


def _matching_size(options: list[list[int]]) -> int:
    """Maximum number of items that get distinct slots (augmenting paths; small inputs)."""
    owner: dict[int, int] = {}

    def place(item: int, seen: set[int]) -> bool:
        for slot in options[item]:
            if slot in seen:
                continue
            seen.add(slot)
            if slot not in owner or place(owner[slot], seen):
                owner[slot] = item
                return True
        return False

    return sum(1 for item in range(len(options)) if place(item, set()))


def find_conflicts(
    problem: SchedulingProblem, domains: dict[str, list[int]], required: set[str]
) -> list[str]:
    """Reasons the required meetings cannot all be held; empty when no cheap proof exists."""
    conflicts: list[str] = []
    by_id = {meeting.id: meeting for meeting in problem.meetings}
    must = [by_id[i] for i in sorted(required, key=list(by_id).index)]
    for meeting in must:
        if not domains[meeting.id]:
            conflicts.append(_no_slot_reason(problem, meeting))
    single: dict[tuple[str, int], str] = {}
    per_slot: dict[int, list[str]] = defaultdict(list)
    table_at: dict[tuple[int, int], str] = {}
    locked_table = {lock.meeting: lock.table for lock in problem.locked}
    for meeting in must:
        if len(domains[meeting.id]) != 1:
            continue
        slot = domains[meeting.id][0]
        per_slot[slot].append(meeting.id)
        for who in meeting.participants:
            other = single.setdefault((who, slot), meeting.id)
            if other != meeting.id:
                pinned = {m.id for m in must if m.fixed_slot is not None} | locked_table.keys()
                kind = "fixed to" if {other, meeting.id} <= pinned else "only possible in"
                conflicts.append(
                    f"fixed-slot clash: {who} has meetings {other} and {meeting.id} "
                    f"both {kind} slot {slot}"
                )
        table = locked_table.get(meeting.id, meeting.fixed_table)
        if table is not None:
            other = table_at.setdefault((slot, table), meeting.id)
            if other != meeting.id:
                conflicts.append(
                    f"fixed-table clash: meetings {other} and {meeting.id} both need "
                    f"table {table} in slot {slot}"
                )
    for slot, ids in sorted(per_slot.items()):
        if len(ids) > problem.tables:
            conflicts.append(
                f"slot {slot}: {len(ids)} meetings can only be held in it but there are only "
                f"{problem.tables} tables"
            )
    edges = [(a, b) for a, b in problem.precedences if a in required and b in required]
    cycle = precedence_cycle(edges)
    if cycle is not None:
        conflicts.append("precedence cycle: " + " before ".join(cycle))
        return conflicts
    if conflicts:
        return conflicts
    tight = {meeting_id: list(slots) for meeting_id, slots in domains.items()}
    emptied = tighten_by_precedence(tight, edges)
    for meeting_id in emptied:
        if meeting_id in required:
            conflicts.append(
                f"precedences: meeting {meeting_id} has no slot left once the meetings it "
                "must follow or precede are placed (the chain is longer than the slots allow)"
            )
    if conflicts:
        return conflicts
    domains.update(tight)
    conflicts.extend(_participant_overload(problem, must, domains))
    conflicts.extend(_session_overload(problem, must, domains))
    return conflicts


def _no_slot_reason(problem: SchedulingProblem, meeting: Meeting) -> str:
    a, b = meeting.participants
    if meeting.fixed_slot is not None:
        return (
            f"meeting {meeting.id} ({a}–{b}) is fixed to slot {meeting.fixed_slot}, which "
            "its session or one participant's unavailability rules out"
        )
    return f"meeting {meeting.id} ({a}–{b}): no slot in its sessions where both are available"


def _participant_overload(
    problem: SchedulingProblem, must: list[Meeting], domains: dict[str, list[int]]
) -> list[str]:
    mine: dict[str, list[str]] = defaultdict(list)
    for meeting in must:
        for who in meeting.participants:
            mine[who].append(meeting.id)
    conflicts = []
    for who, ids in mine.items():
        options = [domains[i] for i in ids]
        free = len(set().union(*map(set, options)))
        if len(ids) > free:
            conflicts.append(
                f"participant {who} has {len(ids)} meetings but only {free} slots where they "
                "can meet"
            )
        elif _matching_size(options) < len(ids):
            conflicts.append(
                f"participant {who}: their {len(ids)} meetings cannot all get different slots "
                "(sessions, fixed slots, unavailability or precedences leave too few)"
            )
    return conflicts


def _session_overload(
    problem: SchedulingProblem, must: list[Meeting], domains: dict[str, list[int]]
) -> list[str]:
    conflicts = []
    groups = {
        f"session {s}": {t for t, x in enumerate(problem.slot_sessions) if x == s}
        for s in sorted(set(problem.slot_sessions))
    }
    groups["the event"] = set(range(problem.slots))
    for name, slots in groups.items():
        inside = sum(1 for meeting in must if set(domains[meeting.id]) <= slots)
        room = len(slots) * problem.tables
        if inside > room:
            conflicts.append(
                f"{name} over capacity: {inside} meetings must be held in it but it has "
                f"{len(slots)} slots × {problem.tables} tables = {room} places"
            )
    return conflicts

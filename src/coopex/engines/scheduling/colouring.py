"""Slots for a chosen set of meetings, all of them held: an edge colouring, solved by CP-SAT.

Once the relaxation has chosen which meetings to hold and in which session, what is left is
to give each a slot so that nobody is in two places at once, no slot holds more meetings
than tables, fixed tables and precedences are kept. Without break variables this model is
small and easy (about 1,200 meetings × 8 slots per session at 1,000 participants: solved in
well under 2 s); breaks and the fairness cap are left to the local search (`polish.py`).
The current timetable's slots are given as a hint, so what it already placed tends to stay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ortools.sat.python import cp_model

from coopex.engines.scheduling.problem import Meeting
from coopex.engines.scheduling.timetable import Timetable


def colour(
    timetable: Timetable,
    chosen: Sequence[Meeting],
    allowed: dict[str, list[int]],
    seconds: float,
    workers: int,
    previous: dict[str, int] | None = None,
) -> dict[str, int] | None:
    """A slot for every meeting of `chosen` among its `allowed` ones; None if none found.

    With `previous` (re-scheduling), as many meetings as possible keep their previous slot.
    """
    model = cp_model.CpModel()
    x: dict[str, dict[int, cp_model.IntVar]] = {}
    per_slot: dict[int, list[cp_model.IntVar]] = defaultdict(list)
    per_person: dict[tuple[str, int], list[cp_model.IntVar]] = defaultdict(list)
    per_cell: dict[tuple[int, int], list[cp_model.IntVar]] = defaultdict(list)
    for meeting in chosen:
        x[meeting.id] = {t: model.new_bool_var(f"x_{meeting.id}_{t}") for t in allowed[meeting.id]}
        model.add_exactly_one(x[meeting.id].values())
        table = timetable.table_of.get(meeting.id)
        for t, literal in x[meeting.id].items():
            per_slot[t].append(literal)
            for who in meeting.participants:
                per_person[(who, t)].append(literal)
            if table is not None:
                per_cell[(t, table)].append(literal)
            model.add_hint(literal, timetable.slot_of.get(meeting.id) == t)
    for literals in per_slot.values():
        if len(literals) > timetable.problem.tables:
            model.add(sum(literals) <= timetable.problem.tables)
    for group in (*per_person.values(), *per_cell.values()):
        if len(group) > 1:
            model.add_at_most_one(group)
    for earlier, later in timetable.problem.precedences:
        if earlier in x and later in x:
            for t, literal in x[later].items():
                model.add_bool_or([x[earlier][s] for s in x[earlier] if s < t]).only_enforce_if(
                    literal
                )
    if previous:
        model.maximize(sum(x[m][t] for m, t in previous.items() if m in x and t in x[m]))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(seconds, 0.05)
    solver.parameters.num_workers = workers
    if solver.solve(model) not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return {
        meeting_id: next(t for t, literal in slots.items() if solver.boolean_value(literal))
        for meeting_id, slots in x.items()
    }

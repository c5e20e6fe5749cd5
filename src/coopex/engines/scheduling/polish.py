"""Local search on a timetable's breaks (simulated annealing), then the fairness cap enforced.

The score is Σ over participants of breaks, plus `PENALTY` for each break above the fairness
cap (the colouring ignores the cap), plus — re-scheduling — a tie-break against meetings
away from their previous slot. A step takes a participant with a break, one of its
meetings and a slot where that participant is free, and moves the meeting there: alone when
the partner and a table are free there; else swapped with the partner's meeting in that
slot, or with a meeting of that slot whose participants are free in the first one. The
meetings held never change, only their slots, so the held weight is kept.

After the search, `enforce_cap` drops meetings of anyone still above the cap (the one whose
removal helps most, the lightest first) and `fill` places meetings not held where they fit.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable

from coopex.engines.scheduling.objective import tier, value
from coopex.engines.scheduling.problem import Meeting
from coopex.engines.scheduling.timetable import Timetable

PENALTY = 4.0  # a break above the cap, against 1.0 for any break
HOT, COLD = 1.5, 0.05  # temperatures at the start and at the end of the search
TRIES = 8  # meetings of the target slot tried as a swap partner
REFRESH = 2_000  # steps between two refreshes of the list of people with breaks


class Annealer:
    def __init__(
        self,
        timetable: Timetable,
        pinned: set[str],
        previous: dict[str, int],
        rng: random.Random,
    ) -> None:
        self.timetable = timetable
        self.pinned = pinned
        self.previous = previous
        # a meeting away from its previous slot weighs less than any break
        self.away = 1.0 / (len(previous) + 1)
        self.rng = rng

    def cost(self, mask: int) -> float:
        breaks = self.timetable.breaks_in(mask)
        cap = self.timetable.cap
        over = 0 if cap is None else max(0, breaks - cap)
        return breaks + PENALTY * over

    def run(self, left: Callable[[], float]) -> None:
        """Anneal until `left()` runs out or nobody has a break."""
        total = max(left(), 1e-3)
        steps = 0
        troubled: list[str] = []
        temperature = HOT
        while True:
            if steps % REFRESH == 0:
                remaining = left()
                if remaining <= 0:
                    return
                temperature = HOT * (COLD / HOT) ** min(1.0, 1.0 - remaining / total)
                table = self.timetable
                troubled = [who for who, mask in table.mask.items() if table.breaks_in(mask)]
                if not troubled:
                    return
            steps += 1
            self.step(self.rng.choice(troubled), temperature)

    def step(self, who: str, temperature: float) -> None:
        table = self.timetable
        rng = self.rng
        a, first_id = rng.choice(list(table.at[who].items()))
        if first_id in self.pinned:
            return
        first = table.by_id[first_id]
        busy = table.mask[who]
        options = [t for t in table.domains[first_id] if not busy >> t & 1]
        if not options:
            return
        near = [t for t in options if (busy << 1 | busy >> 1) >> t & 1]
        b = rng.choice(near if near and rng.random() < 0.8 else options)
        possible, second = self._partner_in(first, a, b)
        if not possible:
            return
        moved = {first_id: b} if second is None else {first_id: b, second.id: a}
        if not self._keeps_rules(moved):
            return
        delta = self._delta(first, a, b, second)
        if delta <= 0 or rng.random() < math.exp(-delta / temperature):
            table.remove(first)
            if second is not None:
                table.remove(second)
                table.place(second, a)
            table.place(first, b)

    def _partner_in(self, first: Meeting, a: int, b: int) -> tuple[bool, Meeting | None]:
        """Whether `first` can go to `b`, and the meeting that then takes `a` (if any)."""
        table = self.timetable
        blocking = {table.at[w][b] for w in first.participants if b in table.at[w]}
        if len(blocking) > 1:
            return False, None
        if blocking:
            second = table.by_id[blocking.pop()]
            return self._may_go(second, a, first), second
        if len(table.members[b]) < table.problem.tables:
            return True, None
        for second_id in self.rng.sample(table.members[b], min(TRIES, len(table.members[b]))):
            second = table.by_id[second_id]
            if self._may_go(second, a, first):
                return True, second
        return False, None

    def _may_go(self, second: Meeting, a: int, first: Meeting) -> bool:
        """`second` may take slot `a` once `first` has left it."""
        table = self.timetable
        if second.id in self.pinned or a not in table.domains[second.id]:
            return False
        return all(a not in table.at[w] or table.at[w][a] == first.id for w in second.participants)

    def _keeps_rules(self, moved: dict[str, int]) -> bool:
        """Fixed tables and precedences after the move (the rest is kept by construction)."""
        table = self.timetable
        for meeting_id, slot in moved.items():
            cell = table.table_of.get(meeting_id)
            if cell is not None and table.cells.get((slot, cell), meeting_id) not in moved:
                return False
            if (table.earlier[meeting_id] or table.later[meeting_id]) and not table.in_order(
                meeting_id, slot, moved
            ):
                return False
        return True

    def _delta(self, first: Meeting, a: int, b: int, second: Meeting | None) -> float:
        table = self.timetable
        masks = {w: table.mask[w] for w in first.participants}
        if second is not None:
            masks.update({w: table.mask[w] for w in second.participants})
        after = dict(masks)
        for w in first.participants:
            after[w] &= ~(1 << a)
        if second is not None:
            for w in second.participants:
                after[w] &= ~(1 << b)
            for w in second.participants:
                after[w] |= 1 << a
        for w in first.participants:
            after[w] |= 1 << b
        delta = sum(self.cost(after[w]) - self.cost(masks[w]) for w in masks)
        if self.previous:
            delta += self.away * (self._away(first.id, b) - self._away(first.id, a))
            if second is not None:
                delta += self.away * (self._away(second.id, a) - self._away(second.id, b))
        return delta

    def _away(self, meeting_id: str, slot: int) -> int:
        return int(meeting_id in self.previous and self.previous[meeting_id] != slot)


def enforce_cap(timetable: Timetable, pinned: set[str]) -> None:
    """Drop meetings until nobody has more breaks than the cap (pinned meetings stay)."""
    cap = timetable.cap
    if cap is None:
        return
    over = [who for who in timetable.mask if timetable.breaks(who) > cap]
    while over:
        who = over.pop()
        while timetable.breaks(who) > cap:
            options = []
            for slot, meeting_id in timetable.at[who].items():
                if meeting_id in pinned:
                    continue
                meeting = timetable.by_id[meeting_id]
                partner = next(p for p in meeting.participants if p != who)
                without = ~(1 << slot)
                gained = timetable.breaks(who) - timetable.breaks_in(timetable.mask[who] & without)
                lost = timetable.breaks_in(timetable.mask[partner] & without) - timetable.breaks(
                    partner
                )
                options.append((-gained, lost, tier(meeting) == 0, value(meeting), meeting_id))
            if not options:
                break  # only pinned meetings left: the caller falls back on the exact model
            *_, dropped = min(options)
            meeting = timetable.by_id[dropped]
            timetable.remove(meeting)
            partner = next(p for p in meeting.participants if p != who)
            if timetable.breaks(partner) > cap:
                over.append(partner)


def fill(
    timetable: Timetable, waiting: Iterable[Meeting], sessions: dict[str, int] | None = None
) -> None:
    """Place each meeting not held, in order, where it fits adding the fewest breaks.

    With `sessions`, a meeting goes in the session given for it when it fits there.
    """
    slot_sessions = timetable.problem.slot_sessions
    for meeting in waiting:
        if meeting.id in timetable.slot_of:
            continue
        options = [t for t in timetable.domains[meeting.id] if timetable.fits(meeting, t)]
        preferred = (sessions or {}).get(meeting.id)
        inside = [t for t in options if slot_sessions[t] == preferred]
        if inside:
            options = inside
        if options:
            timetable.place(
                meeting,
                min(
                    options,
                    key=lambda t: (
                        timetable.added_breaks(meeting, t),
                        -timetable.neighbours(meeting, t),
                        len(timetable.members[t]),
                        t,
                    ),
                ),
            )

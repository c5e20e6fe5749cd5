"""Local search on a timetable's breaks (simulated annealing), then the fairness cap enforced.

The score is Σ over participants of breaks, plus `PENALTY` for each break above the fairness
cap (the colouring ignores the cap), plus — re-scheduling — a tie-break against meetings
away from their previous slot. A step takes a participant with a break, one of its
meetings and a slot where that participant is free, and moves the meeting there: alone when
the partner and a table are free there; else swapped with the partner's meeting in that
slot (and so on: a Kempe chain), or with a meeting of that slot whose participants are free
in the first one. Some steps instead fill a break with a meeting not held, dropping one of
the same tier and priority from that slot. The weight held per tier never changes.

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
HOT, COLD = 0.5, 0.05  # temperatures at the start and at the end of the search
TRIES = 8  # meetings of the target slot tried as a swap partner
CHAIN = 40  # longest Kempe chain tried
NEAR = 0.8  # how often the target slot is next to the participant's other meetings
REFRESH = 2_000  # steps between two refreshes of the list of people with breaks
EXCHANGE = 0.2  # share of steps that try to hold another meeting of the same worth instead


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
        # the meetings a step moves away from their previous slot weigh less than a break
        self.away = 1.0 / (CHAIN + 2)
        self.rng = rng
        self.within_cap = False
        self.requests: dict[str, list[Meeting]] = {}  # participant -> all its meetings
        for meeting in timetable.problem.meetings:
            for who in meeting.participants:
                self.requests.setdefault(who, []).append(meeting)

    def cost(self, mask: int) -> float:
        breaks = self.timetable.breaks_in(mask)
        cap = self.timetable.cap
        over = 0 if cap is None else max(0, breaks - cap)
        if over and self.within_cap:
            return math.inf  # never lose the cap once everyone is within it
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
                counts = {who: table.breaks_in(mask) for who, mask in table.mask.items()}
                troubled = [who for who, count in counts.items() if count]
                if not troubled:
                    return
                cap = table.cap
                self.within_cap = cap is None or max(counts.values()) <= cap
            steps += 1
            who = self.rng.choice(troubled)
            if self.rng.random() < EXCHANGE:
                self.exchange(who, temperature)
            else:
                self.step(who, temperature)

    def step(self, who: str, temperature: float) -> None:
        table = self.timetable
        rng = self.rng
        if not table.at[who]:
            return  # its meetings went to others since the list of people was made
        a, first_id = rng.choice(list(table.at[who].items()))
        if first_id in self.pinned:
            return
        busy = table.mask[who]
        options = [t for t in table.domains[first_id] if not busy >> t & 1]
        if not options:
            return
        near = [t for t in options if (busy << 1 | busy >> 1) >> t & 1]
        b = rng.choice(near if near and rng.random() < NEAR else options)
        moved = self._chain(table.by_id[first_id], a, b)
        if moved is None or not self._keeps_rules(moved):
            return
        if self._accept(*self._change(moved), temperature):
            meetings = [table.by_id[m] for m in moved]
            for meeting in meetings:
                table.remove(meeting)
            for meeting in meetings:
                table.place(meeting, moved[meeting.id])

    def exchange(self, who: str, temperature: float) -> None:
        """Fill one of `who`'s breaks with a meeting not held, dropping one of the same worth.

        The new meeting takes a slot `g` inside `who`'s day where `who` and its partner are
        free; a meeting of `g` of the same tier and priority makes room (so the weight held
        stays the same), whoever loses it.
        """
        table = self.timetable
        rng = self.rng
        inside = _inside_gaps(table.mask[who], table.day_masks)
        if not inside:
            return
        g = rng.choice(inside)
        options = [
            m
            for m in self.requests[who]
            if m.id not in table.slot_of
            and g in table.domains[m.id]
            and all(g not in table.at[w] for w in m.participants)
        ]
        if not options:
            return
        new = rng.choice(options)
        worth = (tier(new), value(new))
        cell = table.table_of.get(new.id)
        for old_id in self._some(table.members[g]):
            old = table.by_id[old_id]
            if old_id in self.pinned or (tier(old), value(old)) != worth:
                continue
            if cell is not None and table.cells.get((g, cell), old_id) != old_id:
                continue
            if (table.earlier[new.id] or table.later[new.id]) and not table.in_order(new.id, g):
                continue
            bit = 1 << g
            cost = sum(
                self.cost(table.mask[w] & ~bit) - self.cost(table.mask[w]) for w in old.participants
            ) + sum(
                self.cost(table.mask[w] | bit) - self.cost(table.mask[w]) for w in new.participants
            )
            away = (
                self._away(new.id, g)
                - self._away(new.id, None)
                + self._away(old_id, None)
                - self._away(old_id, g)
            )
            if self._accept(cost, away, temperature):
                table.remove(old)
                table.place(new, g)
            return

    def _chain(self, first: Meeting, a: int, b: int) -> dict[str, int] | None:
        """`first` from `a` to `b`, and what must follow (a Kempe chain): meeting -> new slot.

        Whoever `first` brings to `b` and is busy there has that meeting moved to `a`, whose
        other participant may then be busy in `a`, and so on: everyone on the chain stays
        busy in the same slots but its two ends, so only their breaks change. When `b` would
        hold one meeting too many, a meeting of `b` whose participants are free in `a` (and
        off the chain) goes to `a`.
        """
        table = self.timetable
        moved = {first.id: b}
        person = next((w for w in first.participants if b in table.at[w]), first.participants[1])
        wanted = b
        while wanted in table.at[person]:
            meeting_id = table.at[person][wanted]
            wanted = a if wanted == b else b
            if (
                meeting_id in moved
                or meeting_id in self.pinned
                or wanted not in table.domains[meeting_id]
                or len(moved) >= CHAIN
            ):
                return None
            moved[meeting_id] = wanted
            meeting = table.by_id[meeting_id]
            person = next(w for w in meeting.participants if w != person)
        if len(moved) % 2 and len(table.members[b]) >= table.problem.tables:
            on_chain = {w for m in moved for w in table.by_id[m].participants}
            return self._swap_into(a, b, moved, on_chain)
        return moved

    def _swap_into(
        self, a: int, b: int, moved: dict[str, int], on_chain: set[str]
    ) -> dict[str, int] | None:
        table = self.timetable
        for second_id in self._some(table.members[b]):
            second = table.by_id[second_id]
            if (
                second_id not in moved
                and second_id not in self.pinned
                and a in table.domains[second_id]
                and all(a not in table.at[w] and w not in on_chain for w in second.participants)
            ):
                return {**moved, second_id: a}
        return None

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

    def _some(self, held: list[str]) -> list[str]:
        """Up to `TRIES` meetings of a slot, drawn at random (repeats allowed: cheaper)."""
        if not held:
            return []
        return [held[self.rng.randrange(len(held))] for _ in range(TRIES)]

    def _accept(self, cost: float, away: int, temperature: float) -> bool:
        """Annealing on the score; moving meetings away from a previous schedule must pay.

        Re-scheduling starts from a good schedule: a step that takes meetings away from their
        previous slots is taken only when it improves the score (no drifting on plateaus).
        """
        if away > 0 and cost >= 0:
            return False
        delta = cost + self.away * away
        return delta <= 0 or self.rng.random() < math.exp(-delta / temperature)

    def _change(self, moved: dict[str, int]) -> tuple[float, int]:
        """What moving meetings to new slots does: to the score, to the meetings moved away."""
        table = self.timetable
        before: dict[str, int] = {}
        for meeting_id in moved:
            for w in table.by_id[meeting_id].participants:
                before[w] = table.mask[w]
        after = dict(before)
        for meeting_id in moved:
            for w in table.by_id[meeting_id].participants:
                after[w] &= ~(1 << table.slot_of[meeting_id])
        for meeting_id, slot in moved.items():
            for w in table.by_id[meeting_id].participants:
                after[w] |= 1 << slot
        cost = sum(
            self.cost(after[w]) - self.cost(before[w]) for w in before if after[w] != before[w]
        )
        away = 0
        if self.previous:
            away = sum(
                self._away(m, slot) - self._away(m, table.slot_of[m]) for m, slot in moved.items()
            )
        return cost, away

    def restore(self) -> None:
        """Re-scheduling: move meetings back to their previous slot where no break is added.

        The annealing breaks ties on moves too weakly to undo aimless ones; this pass does,
        one Kempe chain at a time, while fewer meetings end up away and the score is not worse.
        """
        table = self.timetable
        for meeting_id, slot in self.previous.items():
            now = table.slot_of.get(meeting_id)
            if now is None or now == slot or slot not in table.domains[meeting_id]:
                continue
            meeting = table.by_id[meeting_id]
            if meeting_id in self.pinned or all(slot in table.at[w] for w in meeting.participants):
                continue  # the chain follows one participant: the other must be free there
            moved = self._chain(meeting, now, slot)
            if moved is None or not self._keeps_rules(moved):
                continue
            cost, away = self._change(moved)
            if cost <= 0 and away < 0:
                meetings = [table.by_id[m] for m in moved]
                for each in meetings:
                    table.remove(each)
                for each in meetings:
                    table.place(each, moved[each.id])

    def _away(self, meeting_id: str, slot: int | None) -> int:
        """1 when the meeting is held elsewhere than before, or no more (None)."""
        return int(meeting_id in self.previous and self.previous[meeting_id] != slot)


def _inside_gaps(busy: int, day_masks: list[int]) -> list[int]:
    """Idle slots between someone's first and last meeting of a day."""
    found = []
    for day in day_masks:
        mine = busy & day
        if mine:
            lowest = mine & -mine
            span = (1 << mine.bit_length()) - lowest
            idle = span & ~mine
            while idle:
                bit = idle & -idle
                found.append(bit.bit_length() - 1)
                idle ^= bit
    return found


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

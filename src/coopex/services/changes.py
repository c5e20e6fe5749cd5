"""Who hears about committed listing changes (the match index does)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

Subscriber = Callable[[Sequence[str]], None]


class ListingChanges:
    """Publish refs of listings whose stored state changed, after the transaction commits."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def publish(self, refs: Sequence[str]) -> None:
        if refs:
            for subscriber in self._subscribers:
                subscriber(refs)

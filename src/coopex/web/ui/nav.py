"""The navigation registry: each page module adds its entries; the base layout shows them.

A later capability adds its pages with one call, e.g.
`register(NavItem("/events", N_("Events"), order=60))`, in its own page module.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from coopex.domain.accounts import Actor


def signed_in(actor: Actor | None) -> bool:
    return actor is not None


@dataclass(frozen=True, slots=True)
class NavItem:
    path: str
    label: str  # an N_() msgid, translated when shown
    order: int = 50
    visible: Callable[[Actor | None], bool] = signed_in

    def is_current(self, request_path: str) -> bool:
        if self.path == "/":
            return request_path == "/"
        return request_path == self.path or request_path.startswith(self.path + "/")


_ITEMS: dict[str, NavItem] = {}


def register(item: NavItem) -> None:
    _ITEMS[item.path] = item  # by path: importing a page module twice does not duplicate it


def items_for(actor: Actor | None) -> list[NavItem]:
    return sorted((i for i in _ITEMS.values() if i.visible(actor)), key=lambda i: i.order)

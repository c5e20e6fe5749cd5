"""Sections other capabilities add to a shared page (today: the organisation page).

A capability registers a function that returns `(template, data)` for the organisation, or
None when the reader may not see it; the organisation page includes each template with
`section` set to its data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from coopex.domain.accounts import Actor
from coopex.domain.organizations import Organization

OrgSection = Callable[[Any, Actor, Organization], tuple[str, dict[str, Any]] | None]
_ORG_SECTIONS: dict[str, OrgSection] = {}


def register_org_section(name: str, section: OrgSection) -> None:
    _ORG_SECTIONS[name] = section  # by name: importing a module twice does not duplicate it


def org_sections(page: Any, actor: Actor, org: Organization) -> list[tuple[str, dict[str, Any]]]:
    """The sections to show on `org`'s page for `actor`, in the order they were added."""
    found = (section(page, actor, org) for section in _ORG_SECTIONS.values())
    return [s for s in found if s is not None]

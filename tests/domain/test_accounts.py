from __future__ import annotations

import pytest

from coopex.domain.accounts import (
    Actor,
    Role,
    can_see_unpublished,
    require_can_create_organization,
    require_can_edit_organization,
)
from coopex.domain.errors import PermissionDenied

member = Actor("m@x", Role.ENTERPRISE_MEMBER, user_id=1, organizations=frozenset({10}))
staff = Actor("s@x", Role.AGENCY_STAFF, user_id=2, organizations=frozenset({20}))
admin = Actor("a@x", Role.ADMIN, user_id=3)


def test_members_edit_their_own_organisation_only() -> None:
    require_can_edit_organization(member, 10, "mine")
    with pytest.raises(PermissionDenied, match="not a member"):
        require_can_edit_organization(member, 11, "theirs")


def test_staff_are_members_too_and_admins_edit_everything() -> None:
    with pytest.raises(PermissionDenied):
        require_can_edit_organization(staff, 10, "not-theirs")
    require_can_edit_organization(admin, 10, "any")


def test_only_staff_and_admins_register_organisations() -> None:
    require_can_create_organization(staff)
    require_can_create_organization(admin)
    with pytest.raises(PermissionDenied):
        require_can_create_organization(member)


def test_unpublished_listings_are_visible_to_owners_and_admins() -> None:
    assert can_see_unpublished(member, 10)
    assert not can_see_unpublished(member, 20)
    assert can_see_unpublished(admin, 20)

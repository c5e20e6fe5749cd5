"""Page modules, one per capability. Each has a `router` and registers its nav entries.

To add a capability's pages: write `pages/<capability>.py` (a router, `nav.register(...)`),
templates in `templates/<capability>/`, and add the module here (see docs/web.md).
"""

from __future__ import annotations

from coopex.web.ui.pages import (
    account,
    admin,
    auth,
    dashboard,
    event_meetings,
    events,
    home,
    interests,
    jobs,
    language,
    localization,
    localization_products,
    matching,
    news,
    organization_forms,
    projects,
    registry,
    suggestions,
)

MODULES = (
    auth,
    language,
    home,
    organization_forms,  # before registry: /organizations/new is not a ref
    registry,
    matching,
    account,
    news,
    projects,
    interests,
    events,
    event_meetings,
    localization,
    localization_products,
    dashboard,
    admin,
    suggestions,
    jobs,
)

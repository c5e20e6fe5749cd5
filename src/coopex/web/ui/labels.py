"""Names shown for the domain's closed sets, marked for translation once for every page."""

from __future__ import annotations

from coopex.domain.news import EventType
from coopex.domain.projects import ProjectStage
from coopex.web.ui.i18n import N_

PROJECT_STAGES = {
    ProjectStage.LEAD: N_("Lead"),
    ProjectStage.CONTACT: N_("Contact"),
    ProjectStage.NEGOTIATION: N_("Negotiation"),
    ProjectStage.AGREEMENT: N_("Agreement signed"),
    ProjectStage.LAUNCHED: N_("Launched"),
    ProjectStage.DROPPED: N_("Dropped"),
}
LEAD_EVENT_TYPES = {
    EventType.BUSINESS_MISSION: N_("Business mission"),
    EventType.LOCALIZATION_INVITATION: N_("Invitation to localize"),
    EventType.LOCALIZATION_PLAN: N_("Localization plan"),
    EventType.PARTNER_SEARCH: N_("Partner search"),
    EventType.PRODUCT_PRESENTATION: N_("Product presentation"),
    EventType.NEGOTIATION: N_("Negotiation"),
    EventType.AGREEMENT: N_("Agreement"),
    EventType.FORUM: N_("Forum"),
    EventType.POLICY: N_("Policy"),
    EventType.TRADE_FIGURE: N_("Trade figure"),
    EventType.INVESTMENT: N_("Investment"),
}

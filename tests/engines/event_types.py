"""Short names of the event types for the tables of sentences the event tests read."""

from coopex.domain.news import EventType

A = EventType.AGREEMENT
M = EventType.BUSINESS_MISSION
F = EventType.FORUM
INV = EventType.LOCALIZATION_INVITATION
PLAN = EventType.LOCALIZATION_PLAN
SEARCH = EventType.PARTNER_SEARCH
SHOW = EventType.PRODUCT_PRESENTATION
TALKS = EventType.NEGOTIATION
TRADE = EventType.TRADE_FIGURE
MONEY = EventType.INVESTMENT
POLICY = EventType.POLICY

"""Request and response bodies. Types only: the rules live in the domain builders."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from coopex.domain.listings import Listing
from coopex.domain.matching import SIGNALS, Match, explain
from coopex.domain.organizations import Organization

Item = TypeVar("Item")


class ContactBody(BaseModel):
    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None


class OrganizationBody(BaseModel):
    """Fields of an organisation. On PATCH, only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    ref: str | None = Field(
        None, description="Stable key; derived from country and name if omitted"
    )
    name: str | None = None
    kind: str | None = Field(
        None, description="enterprise, agency, region_body, association, research_centre"
    )
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    region: str | None = Field(None, description="ISO 3166-2, e.g. RU-TA")
    activity_codes: list[str] | None = Field(None, description="OKVED2:xx.xx or NACE:xx.xx")
    aliases: list[str] | None = None
    website: str | None = None
    description: str | None = None
    contacts: list[ContactBody] | None = None
    provenance: str | None = None
    source: str | None = None
    contacts_visibility: str | None = Field(
        None,
        description="public, or on_accepted_interest: contacts shown after an accepted interest",
    )


class OrganizationOut(BaseModel):
    id: int
    ref: str
    name: str
    kind: str
    country: str
    region: str | None
    activity_codes: list[str]
    aliases: list[str]
    website: str | None
    description: str
    contacts: list[ContactBody]
    provenance: str
    source: str | None
    contacts_visibility: str
    version: int = Field(description="Bumped by every change; the ETag of this organisation")

    @classmethod
    def of(cls, org: Organization) -> OrganizationOut:
        assert org.id is not None
        return cls(
            id=org.id,
            ref=org.ref,
            name=org.name,
            kind=org.kind.value,
            country=org.country,
            region=org.region,
            activity_codes=[str(c) for c in org.activity_codes],
            aliases=list(org.aliases),
            website=org.website,
            description=org.description,
            contacts=[
                ContactBody(name=c.name, role=c.role, email=c.email, phone=c.phone)
                for c in org.contacts
            ],
            provenance=org.provenance.value,
            source=org.source,
            contacts_visibility=org.contacts_visibility.value,
            version=org.version or 1,
        )


class ListingBody(BaseModel):
    """Fields of a listing. On PATCH, only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")
    ref: str | None = Field(
        None, description="Stable key; derived from org, kind and title if omitted"
    )
    kind: str | None = Field(None, description="offer or request")
    org: str | None = Field(None, description="ref of the owning organisation")
    title: str | None = None
    description: str | None = None
    language: str | None = Field(
        None, description="ru, en or zh; detected from the text if omitted"
    )
    codes: list[str] | None = Field(None, description="HS:870899 or OKPD2:30.20.40")
    sectors: list[str] | None = None
    region: str | None = None
    quantity: Decimal | None = None
    unit: str | None = None
    valid_until: date | None = None
    status: str | None = Field(None, description="draft, published or closed")
    provenance: str | None = None
    source: str | None = None


class ListingOut(BaseModel):
    id: int
    ref: str
    kind: str
    org: str
    title: str
    description: str
    language: str
    codes: list[str]
    sectors: list[str]
    region: str | None
    quantity: Decimal | None
    unit: str | None
    valid_until: date | None
    status: str
    provenance: str
    source: str | None
    created_at: datetime
    updated_at: datetime
    version: int = Field(description="Bumped by every change; the ETag of this listing")

    @classmethod
    def of(cls, listing: Listing) -> ListingOut:
        assert listing.id is not None and listing.created_at and listing.updated_at
        return cls(
            id=listing.id,
            ref=listing.ref,
            kind=listing.kind.value,
            org=listing.org_ref,
            title=listing.title,
            description=listing.description,
            language=listing.language,
            codes=[str(c) for c in listing.codes],
            sectors=list(listing.sectors),
            region=listing.region,
            quantity=listing.quantity,
            unit=listing.unit,
            valid_until=listing.valid_until,
            status=listing.status.value,
            provenance=listing.provenance.value,
            source=listing.source,
            created_at=listing.created_at,
            updated_at=listing.updated_at,
            version=listing.version or 1,
        )


class PageOut(BaseModel, Generic[Item]):
    """One page of a cursor-paged list."""

    items: list[Item]
    next_cursor: str | None = Field(
        description="Pass as ?cursor= for the next page; null at the end"
    )


OrganizationPage = PageOut[OrganizationOut]
ListingPage = PageOut[ListingOut]


class LoginBody(BaseModel):
    email: str
    password: str
    token_name: str = "api"


class TokenOut(BaseModel):
    token: str
    token_type: str = "bearer"
    email: str


class Problem(BaseModel):
    type: str
    title: str
    status: int
    detail: str
    instance: str
    errors: list[dict[str, str]] | None = None


class SignalsOut(BaseModel):
    semantic: float
    lexical: float
    codes: float
    sectors: float
    geography: float


class TermMatchOut(BaseModel):
    query_term: str
    listing_term: str


class CodeMatchOut(BaseModel):
    query_code: str
    listing_code: str
    shared_prefix: str


class ExplanationOut(BaseModel):
    summary: str = Field(description="The reasons in one line")
    semantic_similarity: float
    matched_terms: list[TermMatchOut]
    shared_codes: list[CodeMatchOut]
    shared_sectors: list[str]
    proximity: str | None = Field(description="same_region, same_country, same_union or elsewhere")


class MatchOut(BaseModel):
    score: float
    strong: bool = Field(description="The text alone matches well (calibrated threshold)")
    languages: list[str] = Field(description="The listing's language, then its translations'")
    translations: list[str] = Field(
        description="Refs of the same listing in other languages, folded into this result"
    )
    listing: ListingOut
    signals: SignalsOut
    explanation: ExplanationOut

    @classmethod
    def of(cls, match: Match) -> MatchOut:
        x = match.explanation
        return cls(
            score=round(match.score, 4),
            strong=match.strong,
            languages=list(match.languages),
            translations=[x.ref for x in match.translations],
            listing=ListingOut.of(match.listing),
            signals=SignalsOut(
                **{name: round(getattr(match.signals, name), 4) for name in SIGNALS}
            ),
            explanation=ExplanationOut(
                summary=explain(match),
                semantic_similarity=x.semantic_similarity,
                matched_terms=[
                    TermMatchOut(query_term=t.query_term, listing_term=t.listing_term)
                    for t in x.matched_terms
                ],
                shared_codes=[
                    CodeMatchOut(
                        query_code=str(c.query_code),
                        listing_code=str(c.listing_code),
                        shared_prefix=c.shared_prefix,
                    )
                    for c in x.shared_codes
                ],
                shared_sectors=list(x.shared_sectors),
                proximity=x.proximity.value if x.proximity else None,
            ),
        )


class ListingMatches(BaseModel):
    listing: ListingOut
    strong_match: bool = Field(description="False: no strong match; the results are weak")
    matches: list[MatchOut]


class SearchResults(BaseModel):
    query_language: str
    strong_match: bool = Field(description="False: no strong match; the results are weak")
    matches: list[MatchOut]

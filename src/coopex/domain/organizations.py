"""Organisations: enterprises, agencies, regional bodies, associations, research centres."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.codes import (
    Code,
    country_format_error,
    parse_code,
    region_country,
    region_format_error,
)
from coopex.domain.fields import FieldReader, stable_ref


class OrgKind(StrEnum):
    ENTERPRISE = "enterprise"
    AGENCY = "agency"
    REGION_BODY = "region_body"
    ASSOCIATION = "association"
    RESEARCH_CENTRE = "research_centre"


class Provenance(StrEnum):
    """Where a record came from; demo data says whether it is drawn from the seeds."""

    USER = "user"
    SEED = "seed"  # drawn from a real news item (`source` names it)
    ILLUSTRATIVE = "illustrative"  # invented for the demo, realistic but not real
    NEWS = "news"  # created from a news lead, provisional until confirmed


class ContactsVisibility(StrEnum):
    """Who sees an organisation's contacts besides its members, its region's agency staff
    and admins: everyone, or only organisations it has accepted an interest with."""

    PUBLIC = "public"
    ON_ACCEPTED_INTEREST = "on_accepted_interest"


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class Organization:
    ref: str
    name: str
    kind: OrgKind
    country: str
    region: str | None = None
    activity_codes: tuple[Code, ...] = ()
    aliases: tuple[str, ...] = ()
    website: str | None = None
    description: str = ""
    contacts: tuple[Contact, ...] = ()
    provenance: Provenance = Provenance.USER
    source: str | None = None
    contacts_visibility: ContactsVisibility = ContactsVisibility.PUBLIC
    id: int | None = field(default=None, compare=False)
    # The stored row's version, bumped by every change (optimistic concurrency, ETag).
    version: int | None = field(default=None, compare=False)


ORGANIZATION_FIELDS = (
    "ref",
    "name",
    "kind",
    "country",
    "region",
    "activity_codes",
    "aliases",
    "website",
    "description",
    "contacts",
    "provenance",
    "source",
    "contacts_visibility",
)


def read_codes(
    reader: FieldReader, field_name: str, catalog: ReferenceCatalog, *, products: bool
) -> tuple[Code, ...]:
    codes: list[Code] = []
    for text in reader.text_list(field_name):
        try:
            code = parse_code(text)
        except ValueError as error:
            reader.fail(field_name, str(error), text)
            continue
        if code.scheme.is_product != products:
            wanted = "a product code (HS, OKPD2)" if products else "an activity code (OKVED2, NACE)"
            reader.fail(field_name, f"must be {wanted}", text)
            continue
        if catalog.code_exists(code) is False:
            reader.fail(field_name, f"no such {code.scheme} code in the shipped list", text)
            continue
        if code not in codes:
            codes.append(code)
    return tuple(sorted(codes))


def read_country_and_region(
    reader: FieldReader, catalog: ReferenceCatalog, *, country_required: bool
) -> tuple[str | None, str | None]:
    country = reader.optional_text("country")
    if country is not None:
        country = country.upper()
        problem = country_format_error(country)
        if problem:
            reader.fail("country", problem, country)
            country = None
        elif not catalog.country_exists(country):
            reader.fail("country", "no such ISO 3166-1 country", country)
            country = None
    elif country_required:
        reader.fail("country", "is required")
    region = reader.optional_text("region")
    if region is not None:
        region = region.upper()
        problem = region_format_error(region)
        if problem:
            reader.fail("region", problem, region)
            region = None
        elif catalog.region(region) is None:
            reader.fail("region", "no such ISO 3166-2 region", region)
            region = None
        elif country is not None and region_country(region) != country:
            reader.fail("region", f"is not in country {country}", region)
            region = None
    return country, region


def _read_contacts(reader: FieldReader) -> tuple[Contact, ...]:
    value = reader.raw.get("contacts")
    if value in (None, "", []):
        return ()
    if not isinstance(value, list):
        reader.fail("contacts", "must be a list of {name, role, email, phone}")
        return ()
    contacts: list[Contact] = []
    for index, item in enumerate(value):
        if not isinstance(item, Mapping):
            reader.fail(f"contacts[{index}]", "must be an object with a name")
            continue
        sub = FieldReader(item)
        name = sub.text("name")
        email = sub.optional_text("email")
        if email is not None and "@" not in email:
            sub.fail("email", "is not an e-mail address", email)
        contact = Contact(name, sub.optional_text("role"), email, sub.optional_text("phone"))
        for error in sub.errors:
            reader.fail(f"contacts[{index}].{error.field}", error.reason, error.value)
        if not sub.errors:
            contacts.append(contact)
    return tuple(contacts)


def build_organization(raw: Mapping[str, object], catalog: ReferenceCatalog) -> Organization:
    """Validate one raw record into an Organization, or raise ValidationFailed naming each field."""
    reader = FieldReader(raw)
    name = reader.text("name")
    kind = reader.choice("kind", OrgKind)
    country, region = read_country_and_region(reader, catalog, country_required=True)
    activity_codes = read_codes(reader, "activity_codes", catalog, products=False)
    aliases = tuple(alias for alias in reader.text_list("aliases") if alias != name)
    website = reader.optional_text("website")
    if website is not None and not website.startswith(("http://", "https://")):
        reader.fail("website", "must start with http:// or https://", website)
    description = reader.optional_text("description", max_length=5000, multiline=True) or ""
    contacts = _read_contacts(reader)
    provenance = reader.choice("provenance", Provenance, default=Provenance.USER)
    source = reader.optional_text("source")
    visibility = reader.choice(
        "contacts_visibility", ContactsVisibility, default=ContactsVisibility.PUBLIC
    )
    ref = reader.ref("ref")
    reader.raise_if_failed()
    assert kind is not None and country is not None and provenance is not None
    assert visibility is not None
    return Organization(
        ref=ref or stable_ref("org", country, name.casefold()),
        name=name,
        kind=kind,
        country=country,
        region=region,
        activity_codes=activity_codes,
        aliases=aliases,
        website=website,
        description=description,
        contacts=contacts,
        provenance=provenance,
        source=source,
        contacts_visibility=visibility,
    )


def organization_record(org: Organization) -> dict[str, object]:
    """The plain-data form of an Organization, the inverse of `build_organization`."""
    return {
        "ref": org.ref,
        "name": org.name,
        "kind": org.kind.value,
        "country": org.country,
        "region": org.region,
        "activity_codes": [str(code) for code in org.activity_codes],
        "aliases": list(org.aliases),
        "website": org.website,
        "description": org.description,
        "contacts": [
            {"name": c.name, "role": c.role, "email": c.email, "phone": c.phone}
            for c in org.contacts
        ],
        "provenance": org.provenance.value,
        "source": org.source,
        "contacts_visibility": org.contacts_visibility.value,
    }

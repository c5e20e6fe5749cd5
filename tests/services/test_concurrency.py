"""Concurrent writers on one database (both backends): no update is lost, a stale version is
refused, a duplicate ref raced in is a conflict, and the audit trail matches what is stored."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from functools import partial

import pytest

from coopex.app import Coopex
from coopex.domain.errors import Conflict, PreconditionFailed
from coopex.domain.listings import Listing
from tests.conftest import OPERATOR, listing_raw, org_raw

ROUNDS = 25


def _at_once(*calls: Callable[[], object]) -> list[object]:
    """Run `calls` in threads released together; their results or the errors they raised."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], object]) -> object:
        barrier.wait()
        try:
            return call()
        except Exception as error:
            return error

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


@pytest.fixture
def listing(coopex: Coopex) -> Listing:
    coopex.registry.create_organization(OPERATOR, org_raw("ru-plant"))
    return coopex.registry.create_listing(OPERATOR, listing_raw("lst-1", "ru-plant"))


def test_concurrent_patches_of_different_fields_are_both_kept(
    coopex: Coopex, listing: Listing
) -> None:
    for round_ in range(ROUNDS):
        title = f"Cast bogie side frames, batch {round_}"
        quantity = str(100 + round_)
        update = partial(coopex.registry.update_listing, OPERATOR, listing.ref)
        results = _at_once(
            partial(update, {"title": title}),
            partial(update, {"quantity": quantity, "unit": "pcs"}),
        )
        assert all(isinstance(r, Listing) for r in results), results
        stored = coopex.registry.get_listing(OPERATOR, listing.ref)
        assert (stored.title, stored.quantity) == (title, Decimal(quantity)), f"round {round_}"
    assert stored.version == 1 + 2 * ROUNDS

    # The audit trail's last recorded value of each field is the stored one.
    last: dict[str, object] = {}
    for entry in reversed(coopex.audit.recent(OPERATOR, 500, "listing", listing.ref)):
        if entry.action == "listing.update":
            for field, (_, new) in json.loads(entry.detail)["changed"].items():
                last[field] = new
    assert last["title"] == stored.title
    assert last["quantity"] == str(stored.quantity)


def test_a_stale_version_is_refused_and_nothing_changes(coopex: Coopex, listing: Listing) -> None:
    assert listing.version == 1
    coopex.registry.update_listing(OPERATOR, listing.ref, {"title": "First change"}, if_match=1)
    with pytest.raises(PreconditionFailed) as refused:
        coopex.registry.update_listing(OPERATOR, listing.ref, {"title": "Stale"}, if_match=1)
    assert refused.value.current == 2
    with pytest.raises(PreconditionFailed):
        coopex.registry.close_listing(OPERATOR, listing.ref, if_match=1)
    stored = coopex.registry.get_listing(OPERATOR, listing.ref)
    assert (stored.title, stored.version, stored.status.value) == ("First change", 2, "published")


def test_concurrent_if_match_patches_one_wins_one_is_told(coopex: Coopex, listing: Listing) -> None:
    for round_ in range(10):
        version = coopex.registry.get_listing(OPERATOR, listing.ref).version
        results = _at_once(
            *(
                partial(
                    coopex.registry.update_listing,
                    OPERATOR,
                    listing.ref,
                    {"title": f"Round {round_} writer {n}"},
                    version,
                )
                for n in range(2)
            )
        )
        won = [r for r in results if isinstance(r, Listing)]
        lost = [r for r in results if isinstance(r, PreconditionFailed)]
        assert (len(won), len(lost)) == (1, 1), results
        assert coopex.registry.get_listing(OPERATOR, listing.ref).title == won[0].title


def test_concurrent_organisation_patches_keep_both(coopex: Coopex) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("ru-plant"))
    for round_ in range(10):
        update = partial(coopex.registry.update_organization, OPERATOR, "ru-plant")
        results = _at_once(
            partial(update, {"description": f"round {round_}"}),
            partial(update, {"website": f"https://plant-{round_}.example.org"}),
        )
        assert not [r for r in results if isinstance(r, Exception)], results
        org = coopex.registry.get_organization("ru-plant")
        assert (org.description, org.website) == (
            f"round {round_}",
            f"https://plant-{round_}.example.org",
        )


def test_the_same_ref_created_twice_at_once_is_one_record_and_one_conflict(
    coopex: Coopex,
) -> None:
    coopex.registry.create_organization(OPERATOR, org_raw("ru-plant"))
    for round_ in range(10):
        ref = f"dup-{round_}"
        results = _at_once(
            *(
                partial(coopex.registry.create_listing, OPERATOR, listing_raw(ref, "ru-plant"))
                for _ in range(3)
            )
        )
        assert sum(isinstance(r, Listing) for r in results) == 1, results
        assert all(isinstance(r, Listing | Conflict) for r in results), results


def _stored_lead(coopex: Coopex) -> int:
    """A lead stored as ingestion would store it (without loading the language models)."""
    from coopex.engines.news.fingerprint import fingerprint
    from coopex.storage.news import NewsRepository

    text = "The Republic of Tatarstan invited Geely to localize production."
    with coopex.database.transaction() as connection:
        repo = NewsRepository(connection)
        document_id = repo.add_document(
            {
                "content_hash": "0" * 64,
                "name": "page.txt",
                "url": None,
                "format": "text",
                "encoding": "utf-8",
                "lang": "en",
                "title": "Tatarstan invites Geely",
                "published": None,
                "original": text.encode(),
                "text": text,
                "result": {},
                "duplicate_of": None,
            },
            fingerprint(text, "en"),
            "test",
        )
        repo.add_leads(
            [
                {
                    "document_id": document_id,
                    "type": "localization_invitation",
                    "initiator": "Republic of Tatarstan",
                    "counterpart": "Geely",
                    "sectors": ["automotive"],
                    "evidence": text,
                    "search_text": text.casefold(),
                }
            ]
        )
    with coopex.database.transaction() as connection:
        from coopex.domain.queries import LeadFilter

        page = NewsRepository(connection).leads(LeadFilter(), 0, 10)
    lead_id = page.items[0].id
    assert lead_id is not None
    return lead_id


def test_a_lead_decided_twice_at_once_opens_one_project(coopex: Coopex) -> None:
    from coopex.domain.news import LeadStatus

    lead_id = _stored_lead(coopex)
    results = _at_once(
        *(partial(coopex.news.decide, OPERATOR, lead_id, LeadStatus.ACCEPTED) for _ in range(3))
    )
    assert sum(not isinstance(r, Exception) for r in results) == 1, results
    assert all(isinstance(r, Conflict) for r in results if isinstance(r, Exception)), results
    assert len(coopex.projects.page(OPERATOR).items) == 1

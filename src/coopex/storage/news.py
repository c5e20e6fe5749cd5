"""Stored news documents (original bytes, cleaned text, leads document), their near-duplicate
bands, the leads read from them, and the projects accepted leads became."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, RowMapping

from coopex.domain.news import EventType, Lead, LeadEvent, LeadStatus
from coopex.domain.paging import Page, encode_cursor
from coopex.domain.queries import LeadFilter
from coopex.engines.news.fingerprint import THRESHOLD, Fingerprint, similarity
from coopex.storage.database import as_utc, utc_now
from coopex.storage.keyset import fetch_after
from coopex.storage.parties import either_party_is, with_party_refs
from coopex.storage.tables import leads, news_bands, news_documents, projects


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: int
    name: str
    url: str | None
    format: str
    encoding: str
    lang: str
    title: str
    published: str | None
    content_hash: str
    duplicate_of: int | None
    result: dict[str, Any]
    text: str
    ingested_by: str
    ingested_at: datetime


_LEADS = with_party_refs(
    sa.select(
        leads,
        news_documents.c.name.label("document_name"),
        news_documents.c.title.label("document_title"),
        projects.c.ref.label("project_ref"),
    )
    .join(news_documents, news_documents.c.id == leads.c.document_id)
    .outerjoin(projects, projects.c.id == leads.c.project_id),
    leads,
)


def _lead(row: RowMapping) -> Lead:
    event = LeadEvent(
        EventType(row["type"]),
        row["initiator"],
        row["counterpart"],
        tuple(row["sectors"]),
        row["evidence"],
    )
    return Lead(
        event=event,
        document_id=row["document_id"],
        document_name=row["document_name"],
        document_title=row["document_title"],
        initiator_org=row["initiator_ref"],
        counterpart_org=row["counterpart_ref"],
        initiator_place=row["initiator_place"],
        counterpart_place=row["counterpart_place"],
        status=LeadStatus(row["status"]),
        project=row["project_ref"],
        decided_by=row["decided_by"],
        decided_at=as_utc(row["decided_at"]) if row["decided_at"] else None,
        created_at=as_utc(row["created_at"]),
        id=row["id"],
    )


def _document(row: RowMapping) -> StoredDocument:
    return StoredDocument(
        id=row["id"],
        name=row["name"],
        url=row["url"],
        format=row["format"],
        encoding=row["encoding"],
        lang=row["lang"],
        title=row["title"],
        published=row["published"],
        content_hash=row["content_hash"],
        duplicate_of=row["duplicate_of"],
        result=row["result"],
        text=row["text"],
        ingested_by=row["ingested_by"],
        ingested_at=as_utc(row["ingested_at"]),
    )


class NewsRepository:
    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def by_hash(self, content_hash: str) -> int | None:
        found = self.connection.execute(
            sa.select(news_documents.c.id).where(news_documents.c.content_hash == content_hash)
        ).scalar()
        return None if found is None else int(found)

    def near_duplicate(self, fingerprint: Fingerprint) -> int | None:
        """The first story of the group this one nearly repeats, if any."""
        pairs = [
            sa.and_(news_bands.c.band == band, news_bands.c.key == key)
            for band, key in enumerate(fingerprint.bands)
        ]
        candidates = (
            sa.select(news_documents.c.id, news_documents.c.duplicate_of, news_documents.c.minhash)
            .where(
                news_documents.c.id.in_(sa.select(news_bands.c.document_id).where(sa.or_(*pairs)))
            )
            .order_by(news_documents.c.id)
        )
        for row in self.connection.execute(candidates):
            if similarity(row.minhash, fingerprint.signature) >= THRESHOLD:
                return int(row.duplicate_of or row.id)
        return None

    def add_document(
        self, columns: dict[str, Any], fingerprint: Fingerprint, ingested_by: str
    ) -> int:
        document_id = int(
            self.connection.execute(
                sa.insert(news_documents)
                .values(
                    **columns,
                    minhash=fingerprint.signature,
                    search_text=f"{columns['title']}\n{columns['text']}".casefold(),
                    ingested_by=ingested_by,
                    ingested_at=utc_now(),
                )
                .returning(news_documents.c.id)
            ).scalar_one()
        )
        self.connection.execute(
            sa.insert(news_bands),
            [
                {"document_id": document_id, "band": band, "key": key}
                for band, key in enumerate(fingerprint.bands)
            ],
        )
        return document_id

    def document(self, document_id: int) -> StoredDocument | None:
        row = (
            self.connection.execute(
                sa.select(news_documents).where(news_documents.c.id == document_id)
            )
            .mappings()
            .first()
        )
        return None if row is None else _document(row)

    def original(self, document_id: int) -> bytes | None:
        found = self.connection.execute(
            sa.select(news_documents.c.original).where(news_documents.c.id == document_id)
        ).scalar()
        return None if found is None else bytes(found)

    def documents(
        self, text: str | None, lang: str | None, after_id: int, limit: int
    ) -> Page[StoredDocument]:
        query = sa.select(news_documents)
        if text:
            query = query.where(news_documents.c.search_text.contains(text.casefold()))
        if lang:
            query = query.where(news_documents.c.lang == lang)
        rows, more = fetch_after(self.connection, query, news_documents.c.id, after_id, limit)
        items = [_document(row) for row in rows]
        return Page(items, encode_cursor(items[-1].id) if more and items else None)

    def add_leads(self, rows: Sequence[dict[str, Any]]) -> int:
        if rows:
            now = utc_now()
            self.connection.execute(
                sa.insert(leads),
                [{**row, "status": LeadStatus.NEW.value, "created_at": now} for row in rows],
            )
        return len(rows)

    def lead(self, lead_id: int) -> Lead | None:
        row = self.connection.execute(_LEADS.where(leads.c.id == lead_id)).mappings().first()
        return None if row is None else _lead(row)

    def lead_texts(self, after_id: int, limit: int) -> list[tuple[int, str]]:
        """(id, text to embed) of leads after `after_id`, for the lead search index."""
        rows = self.connection.execute(
            sa.select(leads.c.id, leads.c.counterpart, leads.c.evidence)
            .where(leads.c.id > after_id)
            .order_by(leads.c.id)
            .limit(limit)
        )
        return [(row.id, f"{row.counterpart}. {row.evidence}") for row in rows]

    def leads_among(self, filters: LeadFilter, ids: Sequence[int]) -> dict[int, Lead]:
        if not ids:
            return {}
        rows = self.connection.execute(self._filtered(filters).where(leads.c.id.in_(ids)))
        return {row["id"]: _lead(row) for row in rows.mappings()}

    def leads(self, filters: LeadFilter, after_id: int, limit: int) -> Page[Lead]:
        query = self._filtered(filters)
        rows, more = fetch_after(self.connection, query, leads.c.id, after_id, limit)
        items = [_lead(row) for row in rows]
        last = items[-1].id if items else None
        return Page(items, encode_cursor(last) if more and last is not None else None)

    @staticmethod
    def _filtered(filters: LeadFilter) -> sa.Select[Any]:
        query = _LEADS
        if filters.status is not None:
            query = query.where(leads.c.status == filters.status.value)
        if filters.type is not None:
            query = query.where(leads.c.type == filters.type.value)
        if filters.document_id is not None:
            query = query.where(leads.c.document_id == filters.document_id)
        if filters.place:
            conditions = [
                sa.or_(column == filters.place, column.startswith(filters.place + "-"))
                for column in (leads.c.initiator_place, leads.c.counterpart_place)
            ]
            query = query.where(sa.or_(*conditions))
        if filters.org_ref:
            query = query.where(either_party_is(filters.org_ref))
        if filters.sector:
            # sectors is a JSON list of slugs; the quoted slug cannot occur inside another one.
            query = query.where(sa.cast(leads.c.sectors, sa.Text).contains(f'"{filters.sector}"'))
        if filters.text:
            query = query.where(leads.c.search_text.contains(filters.text.casefold()))
        return query

    def decide(self, lead_id: int, status: LeadStatus, by: str) -> bool:
        """Decide a lead that is still new; False when another decision got there first (the
        condition is checked by the UPDATE itself, so two concurrent decisions cannot both
        win: the second waits for the first's row lock and then finds the lead decided)."""
        result = self.connection.execute(
            sa.update(leads)
            .where(leads.c.id == lead_id, leads.c.status == LeadStatus.NEW.value)
            .values(status=status.value, decided_by=by, decided_at=utc_now())
        )
        return result.rowcount == 1

    def set_project(self, lead_id: int, project_id: int) -> None:
        self.connection.execute(
            sa.update(leads).where(leads.c.id == lead_id).values(project_id=project_id)
        )

    def lead_org_ids(self, lead_id: int) -> tuple[int | None, int | None]:
        row = self.connection.execute(
            sa.select(leads.c.initiator_org_id, leads.c.counterpart_org_id).where(
                leads.c.id == lead_id
            )
        ).one()
        return row.initiator_org_id, row.counterpart_org_id

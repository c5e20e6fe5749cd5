"""/api/v1/news (upload pages, read stored documents) and /api/v1/leads (act on leads)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from coopex.domain.accounts import require_staff
from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.jobs import JobKind
from coopex.domain.news import EventType, Lead, LeadStatus
from coopex.domain.paging import MAX_ID
from coopex.domain.queries import LeadFilter
from coopex.interchange.news_sources import SourceFormat, json_lines, uploaded
from coopex.services.news import job_inputs
from coopex.storage.news import StoredDocument
from coopex.web.api.dependencies import ActorDep, CoopexDep
from coopex.web.api.filters import upper
from coopex.web.api.guards import check_json
from coopex.web.api.jobs import ACCEPTED, JobOut, accepted
from coopex.web.api.paths import RowId
from coopex.web.api.schemas import MatchOut, PageOut

news_router = APIRouter(prefix="/news", tags=["news"])
leads_router = APIRouter(prefix="/leads", tags=["news"])


_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {
                            "type": "array",
                            "items": {"type": "string", "format": "binary"},
                            "description": "Pages as scraped (text or HTML), or JSON Lines "
                            "files of {url, html|text}",
                        }
                    },
                    "required": ["files"],
                }
            },
            "application/json": {
                "schema": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {
                            "url": {"type": "string"},
                            "html": {"type": "string"},
                            "text": {"type": "string"},
                        },
                    },
                    "description": "Crawled pages, each with html or text",
                }
            },
        },
    }
}


async def _documents(request: Request, source_format: SourceFormat) -> list[Any]:
    """The uploaded documents. The body's size is limited as it arrives (guards.py)."""
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("application/json"):
        pages = check_json(await request.body())
        if not isinstance(pages, list):
            pages = [pages]
        lines = [json.dumps(page, ensure_ascii=False).encode("utf-8") for page in pages]
        return list(json_lines("body", "page", lines))
    if content_type.startswith("multipart/form-data"):
        form = await request.form()
        files = [f for f in form.getlist("files") if not isinstance(f, str)]
        if not files:
            raise ValidationFailed([FieldError("files", "upload at least one file as 'files'")])
        documents: list[Any] = []
        for upload in files:
            documents.extend(
                uploaded(upload.filename or "upload", await upload.read(), source_format)
            )
        return documents
    raise ValidationFailed(
        [FieldError("content-type", "send multipart/form-data files or a JSON list of pages")]
    )


@news_router.post(
    "",
    summary="Upload news pages: a background job reads each into leads and stores it "
    "(agency staff)",
    openapi_extra=_UPLOAD_BODY,
    status_code=202,
    responses=ACCEPTED,
)
async def upload_news(
    request: Request,
    response: Response,
    coopex: CoopexDep,
    actor: ActorDep,
    format: Annotated[
        Literal["auto", "text", "html", "jsonl"],
        Query(description="How to read uploaded files [default: by extension and content]"),
    ] = "auto",
) -> JobOut:
    # Who may upload is decided before the body is read, not after parsing it.
    require_staff(actor, "ingest news")
    documents = job_inputs(await _documents(request, format))
    job = await run_in_threadpool(coopex.jobs.enqueue, actor, JobKind.NEWS_INGEST, documents)
    return accepted(request, response, job)


class NewsDocumentOut(BaseModel):
    id: int
    name: str
    url: str | None
    format: str
    encoding: str
    lang: str
    title: str
    published: str | None
    content_hash: str
    duplicate_of: int | None = Field(description="The stored story this one nearly repeats")
    ingested_by: str
    ingested_at: datetime
    leads: dict[str, Any] = Field(description="The news-leads document (DESIGN.md contract)")
    text: str = Field(description="The article as cleaned")

    @classmethod
    def of(cls, d: StoredDocument) -> NewsDocumentOut:
        return cls(
            id=d.id,
            name=d.name,
            url=d.url,
            format=d.format,
            encoding=d.encoding,
            lang=d.lang,
            title=d.title,
            published=d.published,
            content_hash=d.content_hash,
            duplicate_of=d.duplicate_of,
            ingested_by=d.ingested_by,
            ingested_at=d.ingested_at,
            leads=d.result,
            text=d.text,
        )


NewsDocumentPage = PageOut[NewsDocumentOut]


@news_router.get("", summary="Stored news documents, oldest first (agency staff)")
def list_documents(
    coopex: CoopexDep,
    actor: ActorDep,
    q: Annotated[
        str | None, Query(description="Text in the title or article, any script", max_length=200)
    ] = None,
    lang: Annotated[str | None, Query(pattern="^(ru|en|zh)$")] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> NewsDocumentPage:
    page = coopex.news.documents(actor, q, lang, cursor, limit)
    return NewsDocumentPage(
        items=[NewsDocumentOut.of(d) for d in page.items], next_cursor=page.next_cursor
    )


@news_router.get("/{document_id}", summary="A stored news document and what was read from it")
def get_document(coopex: CoopexDep, actor: ActorDep, document_id: RowId) -> NewsDocumentOut:
    return NewsDocumentOut.of(coopex.news.document(actor, document_id))


@news_router.get(
    "/{document_id}/original",
    summary="The document's original bytes, exactly as ingested",
    response_class=Response,
)
def get_original(coopex: CoopexDep, actor: ActorDep, document_id: RowId) -> Response:
    document = coopex.news.document(actor, document_id)
    # Scraped HTML carries other sites' scripts: it is never served as a page from the API's
    # origin, only as text to download, in a sandbox even if a browser renders it anyway.
    suffix = ".html" if document.format == "html" else ".txt"
    return Response(
        coopex.news.original(actor, document_id),
        media_type=f"text/plain; charset={document.encoding}",
        headers={
            "Content-Disposition": f'attachment; filename="document-{document_id}{suffix}"',
            "Content-Security-Policy": "sandbox; default-src 'none'",
        },
    )


class LeadOut(BaseModel):
    id: int
    type: EventType
    initiator: str
    counterpart: str
    initiator_org: str | None = Field(description="Registry ref, when the party is an org")
    counterpart_org: str | None
    initiator_place: str | None = Field(description="ISO 3166 code, when the party is a place")
    counterpart_place: str | None
    sectors: list[str]
    evidence: str = Field(description="The sentence the lead was read from")
    status: LeadStatus
    project: str | None = Field(description="Ref of the project an accepted lead opened")
    document_id: int
    document: str
    decided_by: str | None
    decided_at: datetime | None
    created_at: datetime | None

    @classmethod
    def of(cls, lead: Lead) -> LeadOut:
        assert lead.id is not None
        return cls(
            id=lead.id,
            type=lead.event.type,
            initiator=lead.event.initiator,
            counterpart=lead.event.counterpart,
            initiator_org=lead.initiator_org,
            counterpart_org=lead.counterpart_org,
            initiator_place=lead.initiator_place,
            counterpart_place=lead.counterpart_place,
            sectors=list(lead.event.sectors),
            evidence=lead.event.evidence,
            status=lead.status,
            project=lead.project,
            document_id=lead.document_id,
            document=lead.document_name,
            decided_by=lead.decided_by,
            decided_at=lead.decided_at,
            created_at=lead.created_at,
        )


LeadPage = PageOut[LeadOut]


class DecisionBody(BaseModel):
    status: Literal[LeadStatus.ACCEPTED, LeadStatus.DISMISSED] = Field(
        description="accepted opens a cooperation project from the lead"
    )


@leads_router.get("", summary="Leads read from the news (agency staff)")
def list_leads(
    coopex: CoopexDep,
    actor: ActorDep,
    status: LeadStatus | None = None,
    type: EventType | None = None,
    place: Annotated[
        str | None, Query(description="Either party is in this ISO 3166 country or region")
    ] = None,
    org: Annotated[str | None, Query(description="Either party is this organisation")] = None,
    sector: str | None = None,
    q: Annotated[
        str | None, Query(description="Words in the parties or the evidence", max_length=200)
    ] = None,
    document: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> LeadPage:
    filters = LeadFilter(status, type, upper(place), org, sector, q, document)
    page = coopex.news.leads(actor, filters, cursor, limit)
    return LeadPage(items=[LeadOut.of(lead) for lead in page.items], next_cursor=page.next_cursor)


class FoundLeadOut(BaseModel):
    score: float = Field(description="Cosine similarity of the query and the lead's sentence")
    lead: LeadOut


@leads_router.get("/search", summary="Leads meaning what q says, in any of RU/EN/ZH")
def search_leads(
    coopex: CoopexDep,
    actor: ActorDep,
    q: Annotated[str, Query(min_length=1, max_length=2000)],
    status: LeadStatus | None = None,
    type: EventType | None = None,
    place: str | None = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[FoundLeadOut]:
    filters = LeadFilter(status, type, upper(place))
    return [
        FoundLeadOut(score=round(found.score, 4), lead=LeadOut.of(found.lead))
        for found in coopex.news.search_leads(actor, q, filters, limit)
    ]


@leads_router.get("/{lead_id}", summary="One lead")
def get_lead(coopex: CoopexDep, actor: ActorDep, lead_id: RowId) -> LeadOut:
    return LeadOut.of(coopex.news.lead(actor, lead_id))


@leads_router.patch("/{lead_id}", summary="Accept (opens a project) or dismiss a new lead")
def decide_lead(coopex: CoopexDep, actor: ActorDep, lead_id: RowId, body: DecisionBody) -> LeadOut:
    return LeadOut.of(coopex.news.decide(actor, lead_id, LeadStatus(body.status)))


@leads_router.get(
    "/{lead_id}/partners", summary="Listings that could answer the lead, in any language"
)
def lead_partners(
    coopex: CoopexDep,
    actor: ActorDep,
    lead_id: RowId,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[MatchOut]:
    return [MatchOut.of(m) for m in coopex.news.partners(actor, lead_id, limit)]

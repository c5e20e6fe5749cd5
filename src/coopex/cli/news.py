"""`coopex ingest` (news pages in, leads out) and `coopex leads ...` (acting on them)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, cast

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from coopex.cli.context import OPERATOR, opened
from coopex.cli.output import JsonOption, console, emit, emit_json, errors, pages, show_record
from coopex.domain.matching import explain
from coopex.domain.news import EventType, Lead, LeadStatus
from coopex.domain.queries import LeadFilter

if TYPE_CHECKING:  # the news pipeline loads only for the commands that read news
    from coopex.app import Coopex
    from coopex.interchange.news_sources import SourceFormat
    from coopex.services.news import IngestItem, IngestReport

leads_app = typer.Typer(no_args_is_help=True, help="Cooperation leads read from the news.")
news_app = typer.Typer(no_args_is_help=True, help="Stored news documents.")


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files and folders of news pages"),
    source_format: str = typer.Option(
        "auto",
        "--format",
        help="auto (by extension and content), text, html or jsonl ({url, html|text} per line)",
    ),
    output: Path = typer.Option(
        None, "--output", "-o", help="Also write each document's leads as JSON Lines here"
    ),
    workers: int = typer.Option(
        None,
        help="Reader processes; 0: one per core for big batches "
        "[default: COOPEX_NEWS_WORKERS or 0]",
        min=0,
    ),
    as_json: bool = JsonOption,
) -> None:
    """Read news pages into stored documents and cooperation leads, with a summary.

    Every bad document is reported with its reason and the rest goes in; the same page again
    is recognised and not stored twice. Exit code 1 when any document could not be read.
    """
    if source_format not in ("auto", "text", "html", "jsonl"):
        errors.print("[bold red]error:[/] --format must be auto, text, html or jsonl")
        raise typer.Exit(2)
    with opened() as coopex:
        if workers is not None:
            coopex.news.workers = workers
        started = time.perf_counter()
        with errors.status("loading the language models", spinner="dots"):
            coopex.news.models  # noqa: B018 (loaded once, before the first document)
        if not as_json:
            errors.print(f"models loaded in {time.perf_counter() - started:.1f} s")
        sink = output.open("w", encoding="utf-8") if output else None
        try:
            chosen = cast("SourceFormat", source_format)
            report = _ingest_with_progress(coopex, paths, chosen, sink, as_json)
        finally:
            if sink:
                sink.close()
    _print_report(report, as_json)
    if report.errors:
        raise typer.Exit(1)


def _ingest_with_progress(
    coopex: Coopex,
    paths: list[Path],
    source_format: SourceFormat,
    sink: IO[str] | None,
    quiet: bool,
) -> IngestReport:
    from coopex.interchange.news_sources import read_sources

    columns = (
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[leads]} leads, {task.fields[failed]} errors"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=errors, transient=True, disable=quiet) as progress:
        task = progress.add_task("reading news", total=None, leads=0, failed=0)
        state = {"leads": 0, "failed": 0}

        def advance(item: IngestItem) -> None:
            state["leads"] += item.leads
            state["failed"] += item.outcome == "error"
            progress.update(task, advance=1, leads=state["leads"], failed=state["failed"])
            if sink is not None and item.result is not None:
                sink.write(json.dumps(item.result, ensure_ascii=False) + "\n")

        return coopex.news.ingest(OPERATOR, read_sources(paths, source_format), advance)


def _print_report(report: IngestReport, as_json: bool) -> None:
    from coopex.engines.news.pipeline import STAGES

    documents = max(1, sum(1 for item in report.items if item.outcome != "error"))
    if as_json:
        for item in report.items:
            if item.outcome == "error":
                emit_json({"source": item.source, "error": item.reason})
        emit_json(
            {
                **report.summary(),
                "seconds_per_stage": {k: round(v, 4) for k, v in report.timings.items()},
            }
        )
        return
    for item in report.errors:
        errors.print(
            f"[bold red]error:[/] {item.source}: {item.reason}", highlight=False, soft_wrap=True
        )
    summary = Table(title="ingest summary")
    for column in report.summary():
        summary.add_column(column, justify="right")
    summary.add_row(*(str(value) for value in report.summary().values()))
    console.print(summary)
    total = sum(report.timings.values()) or 1.0
    stages = Table(title="time per stage (documents read)")
    for column in ("stage", "seconds", "ms / document", "share"):
        stages.add_column(column, justify="right")
    for stage in STAGES:
        seconds = report.timings.get(stage, 0.0)
        stages.add_row(
            stage, f"{seconds:.2f}", f"{1000 * seconds / documents:.1f}", f"{seconds / total:.0%}"
        )
    console.print(stages)


def _lead_row(lead: Lead) -> dict[str, object]:
    return {
        "id": lead.id,
        "type": lead.event.type.value,
        "initiator": lead.event.initiator,
        "counterpart": lead.event.counterpart,
        "initiator_org": lead.initiator_org,
        "counterpart_org": lead.counterpart_org,
        "initiator_place": lead.initiator_place,
        "counterpart_place": lead.counterpart_place,
        "sectors": list(lead.event.sectors),
        "status": lead.status.value,
        "project": lead.project,
        "document": lead.document_name,
        "evidence": lead.event.evidence,
    }


LEAD_COLUMNS = ["id", "type", "initiator", "counterpart", "sectors", "status", "document"]


@leads_app.command("list")
def leads_list(
    status: LeadStatus = typer.Option(None, help="new, accepted or dismissed"),
    event_type: EventType = typer.Option(None, "--type", help="e.g. localization_invitation"),
    place: str = typer.Option(None, help="Either party is in this country/region, e.g. CN"),
    org: str = typer.Option(None, help="Either party is this organisation (ref)"),
    sector: str = typer.Option(None, help="Sector slug (see `coopex sectors`)"),
    text: str = typer.Option(None, "--q", help="Words in the parties or the evidence"),
    limit: int = typer.Option(50),
    all_pages: bool = typer.Option(False, "--all", help="Every page, not just the first"),
    as_json: bool = JsonOption,
) -> None:
    """Leads, oldest first."""
    filters = LeadFilter(status, event_type, place, org, sector, text)
    with opened() as coopex:
        for page in pages(
            lambda cursor: coopex.news.leads(OPERATOR, filters, cursor, limit), all_pages
        ):
            emit([_lead_row(lead) for lead in page.items], as_json, LEAD_COLUMNS, "leads")


@leads_app.command("search")
def leads_search(
    text: str,
    status: LeadStatus = typer.Option(None, help="new, accepted or dismissed"),
    limit: int = typer.Option(10),
    as_json: bool = JsonOption,
) -> None:
    """Leads whose sentence means TEXT, in any of Russian, English and Chinese."""
    with opened() as coopex:
        found = coopex.news.search_leads(OPERATOR, text, LeadFilter(status=status), limit)
        rows = [{"score": round(f.score, 3), **_lead_row(f.lead)} for f in found]
        emit(rows, as_json, ["score", *LEAD_COLUMNS, "evidence"], f"leads: {text}")


@leads_app.command("show")
def leads_show(lead_id: int, as_json: bool = JsonOption) -> None:
    """One lead, with the sentence it was read from."""
    with opened() as coopex:
        show_record(_lead_row(coopex.news.lead(OPERATOR, lead_id)), as_json)


@leads_app.command("accept")
def leads_accept(lead_id: int, as_json: bool = JsonOption) -> None:
    """Accept a lead: a cooperation project is opened from it."""
    with opened() as coopex:
        lead = coopex.news.decide(OPERATOR, lead_id, LeadStatus.ACCEPTED)
        show_record(_lead_row(lead), as_json)


@leads_app.command("dismiss")
def leads_dismiss(lead_id: int, as_json: bool = JsonOption) -> None:
    """Dismiss a lead."""
    with opened() as coopex:
        lead = coopex.news.decide(OPERATOR, lead_id, LeadStatus.DISMISSED)
        show_record(_lead_row(lead), as_json)


@leads_app.command("partners")
def leads_partners(lead_id: int, limit: int = typer.Option(10), as_json: bool = JsonOption) -> None:
    """Listings in the registry that could answer a lead (any language)."""
    with opened() as coopex:
        matches = coopex.news.partners(OPERATOR, lead_id, limit)
        rows = [
            {
                "score": round(m.score, 3),
                "ref": m.listing.ref,
                "kind": m.listing.kind.value,
                "title": m.listing.title,
                "why": explain(m),
            }
            for m in matches
        ]
        title = f"partners for lead {lead_id}"
        emit(rows, as_json, ["score", "ref", "kind", "title", "why"], title)


@news_app.command("list")
def news_list(
    text: str = typer.Option(None, "--q", help="Text in the title or article, any script"),
    lang: str = typer.Option(None, help="ru, en or zh"),
    limit: int = typer.Option(50),
    all_pages: bool = typer.Option(False, "--all", help="Every page, not just the first"),
    as_json: bool = JsonOption,
) -> None:
    """Stored documents, oldest first."""
    with opened() as coopex:
        for page in pages(
            lambda cursor: coopex.news.documents(OPERATOR, text, lang, cursor, limit), all_pages
        ):
            rows = [
                {
                    "id": d.id,
                    "lang": d.lang,
                    "title": d.title,
                    "name": d.name,
                    "leads": len(d.result.get("events", [])),
                    "duplicate_of": d.duplicate_of,
                }
                for d in page.items
            ]
            columns = ["id", "lang", "title", "name", "leads", "duplicate_of"]
            emit(rows, as_json, columns, "news documents")


@news_app.command("show")
def news_show(document_id: int, original: bool = typer.Option(False, "--original")) -> None:
    """A document's leads document (JSON), or with --original its bytes as ingested."""
    with opened() as coopex:
        if original:
            sys.stdout.buffer.write(coopex.news.original(OPERATOR, document_id))
            return
        emit_json(coopex.news.document(OPERATOR, document_id).result)

"""`coopex`: serve, manage the database, users, organisations, listings; import and export."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.progress import Progress

from coopex.cli import events, interests, localize, meetings, news, projects
from coopex.cli.context import OPERATOR, AsOption, acting, opened
from coopex.cli.output import (
    JsonOption,
    console,
    emit,
    emit_json,
    errors,
    fail,
    pages,
    show_record,
    unexpected,
)
from coopex.domain.accounts import Role
from coopex.domain.errors import DomainError
from coopex.domain.listings import ListingKind, ListingStatus, listing_record
from coopex.domain.matching import SIGNALS, Match, explain
from coopex.domain.organizations import ContactsVisibility, OrgKind, organization_record
from coopex.domain.queries import ListingFilter, MatchFilter, OrganizationFilter
from coopex.domain.suggestions import SuggestionStatus
from coopex.interchange.records import Entity, FileFormat, UnreadableFile
from coopex.web.api.filters import code_prefix, match_filter

# Only what --help needs is imported up here: the database, the services and above all the
# NLP models load inside the commands that use them, so `coopex --help` answers at once.
if TYPE_CHECKING:
    from coopex.app import Coopex
    from coopex.services.transfer import RejectedRecord

log = logging.getLogger(__name__)
app = typer.Typer(
    no_args_is_help=True,
    help="coopex — industrial cooperation and localization exchange.",
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(no_args_is_help=True, help="Database schema: migrations.")
user_app = typer.Typer(no_args_is_help=True, help="Users and their organisations.")
token_app = typer.Typer(no_args_is_help=True, help="API tokens.")
org_app = typer.Typer(no_args_is_help=True, help="Organisations.")
listing_app = typer.Typer(no_args_is_help=True, help="Listings: offers and requests.")
index_app = typer.Typer(no_args_is_help=True, help="The match index on disk.")
suggestions_app = typer.Typer(no_args_is_help=True, help="Mutual-interest suggestions.")
app.add_typer(db_app, name="db")
app.add_typer(user_app, name="user")
app.add_typer(token_app, name="token")
app.add_typer(org_app, name="org")
app.add_typer(listing_app, name="listing")
app.add_typer(index_app, name="index")
app.add_typer(suggestions_app, name="suggestions")
app.add_typer(news.leads_app, name="leads")
app.add_typer(news.news_app, name="news")
app.add_typer(projects.project_app, name="project")
app.add_typer(interests.interest_app, name="interest")
app.command("ingest")(news.ingest)
app.add_typer(events.event_app, name="event")
app.command("schedule")(meetings.schedule)
app.add_typer(localize.localize_app, name="localize")

# -- server and demo -------------------------------------------------------------------


@app.command()
def serve(
    host: str = typer.Option(
        None, help="Interface to listen on [default: COOPEX_HOST or 127.0.0.1]"
    ),
    port: int = typer.Option(None, help="Port [default: COOPEX_PORT or 8000]"),
    demo: bool = typer.Option(False, "--demo", help="Load the demo data first."),
    force_demo: bool = typer.Option(
        False, "--force-demo", help="Load the demo even into a database with other data."
    ),
) -> None:
    """Start the web/API server."""
    try:
        _serve(host, port, demo, force_demo)
    except SystemExit as stopped:
        if stopped.code != _STOPPED_BY_SIGTERM:
            raise
        # Everything is saved and the running jobs are marked interrupted by now; a job's
        # thread may still be inside a model's native code, and finalising the interpreter
        # under it can abort the process (SIGABRT) instead of ending it with this code.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_STOPPED_BY_SIGTERM)


_STOPPED_BY_SIGTERM = 128 + 15  # the shell's code for a process ended by SIGTERM


def _serve(host: str | None, port: int | None, demo: bool, force_demo: bool) -> None:
    import signal

    import uvicorn

    from coopex.nlp.news import check_html_reader
    from coopex.web.app import create_app

    with opened() as coopex:
        check_html_reader()  # a broken installation stops here, not on every uploaded page
        host = host or coopex.settings.host
        port = port or coopex.settings.port
        if demo or force_demo:
            _load_demo(coopex, force_demo, address=f"http://{host}:{port}")
        _build_index(coopex, full=False)  # warm: the first search should not pay for it
        coopex.jobs.start()  # jobs asked for over the API (and those left queued) run here
        coopex.suggestion_feed.start()  # suggestions follow the listings as they change
        console.print(
            f"coopex serving on [bold]http://{host}:{port}/[/]  (the web application; "
            "API docs: /api/v1/docs)"
        )
        # uvicorn ends by raising the signal that stopped it once more: SIGTERM's default
        # action would end the process before the index is saved and the jobs running here
        # are marked interrupted.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(_STOPPED_BY_SIGTERM))
        try:
            uvicorn.run(create_app(coopex), host=host, port=port, log_level="info")
        finally:
            coopex.matching.save()


@app.command()
def worker() -> None:
    """Run background jobs asked for over the API (news uploads, suggestion refreshes) until
    stopped, beside the servers: PostgreSQL only (on SQLite the server runs them itself).
    COOPEX_JOB_WORKERS says how many run at once."""
    import signal
    import threading

    from coopex.nlp.news import check_html_reader

    with opened() as coopex:
        if coopex.database.dialect != "postgresql":
            fail(
                "on SQLite, jobs run inside `coopex serve`; a separate worker needs PostgreSQL "
                "(COOPEX_DATABASE_URL)"
            )
        if coopex.settings.job_workers < 1:
            fail("COOPEX_JOB_WORKERS is 0: this worker would run no job")
        check_html_reader()
        stop = threading.Event()
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, lambda *_: stop.set())
        coopex.jobs.start()
        console.print(
            f"coopex worker: up to {coopex.settings.job_workers} job(s) at once; Ctrl+C stops",
            highlight=False,
        )
        while not stop.wait(1.0):
            pass
        console.print("stopping: running jobs end at their next step (marked interrupted)")


@app.command()
def demo(
    force: bool = typer.Option(
        False, "--force", help="Load it even into a database that holds other data."
    ),
) -> None:
    """Load the demo dataset and users (idempotent) and print a token to try the API.

    The demo admin's password is public: a database with users or records of its own is
    refused unless --force."""
    with opened() as coopex:
        _load_demo(coopex, force)


def _load_demo(coopex: Coopex, force: bool = False, address: str | None = None) -> None:
    from coopex.services.demo import DEMO_PASSWORD, load_demo, load_demo_news
    from coopex.services.demo_events import load_demo_event
    from coopex.services.transfer import describe

    loaded = load_demo(coopex.transfer, coopex.accounts, force=force)
    console.print(f"demo data: {describe(loaded.report)}", highlight=False)
    report = load_demo_news(coopex.news)
    for item in report.errors:  # a demo page that fails is reported, never hidden
        errors.print(f"[bold red]error:[/] demo news {item.source}: {item.reason}", highlight=False)
    news = report.summary()
    console.print(
        f"demo news: {news['documents']} pages, {news['stored']} new, {news['leads']} leads "
        "(`coopex leads list`)",
        highlight=False,
    )
    event = load_demo_event(coopex.events, coopex.meetings, coopex.schedules)
    console.print(
        f"demo event: {event.ref}, {event.placed} meetings scheduled (`coopex event show`)",
        highlight=False,
    )
    console.print(f"demo users (password [bold]{DEMO_PASSWORD}[/]): {', '.join(loaded.users)}")
    errors.print(
        "[yellow]warning:[/] the demo users' password is public: "
        "never expose a demo database to a network",
        highlight=False,
    )
    console.print(f"demo API token for {loaded.token.user.email}: [bold]{loaded.token.secret}[/]")
    console.print(
        f"try: curl -H 'Authorization: Bearer {loaded.token.secret}' "
        f"{address or f'http://{coopex.settings.host}:{coopex.settings.port}'}/api/v1/listings",
        soft_wrap=True,
    )


# -- match index -------------------------------------------------------------------------


def _build_index(coopex: Coopex, full: bool) -> None:
    with Progress(console=errors, transient=True) as progress:
        task = progress.add_task("embedding listings", total=None)
        report = coopex.matching.rebuild(
            full=full,
            progress=lambda done, total: progress.update(task, completed=done, total=total),
        )
    coopex.matching.save()
    console.print(
        f"match index: {report.listings} listings ({report.reused} reused, "
        f"{report.embedded} embedded, {report.dropped} dropped)",
        highlight=False,
    )


@index_app.command("rebuild")
def index_rebuild(
    full: bool = typer.Option(
        False, "--full", help="Re-embed everything, ignoring the saved index"
    ),
) -> None:
    """Bring the saved match index up to date with the database (or rebuild it with --full)."""
    with opened() as coopex:
        _build_index(coopex, full)


@index_app.command("status")
def index_status(as_json: bool = JsonOption) -> None:
    """Compare the saved match index with the database, without changing anything."""
    with opened() as coopex:
        status = coopex.matching.status()
        emit([status], as_json, list(status), "match index")


# -- suggestions -------------------------------------------------------------------------


@suggestions_app.command("refresh")
def suggestions_refresh(
    ref: list[str] = typer.Option(
        [], help="Only these listings (and their matches) [default: all]"
    ),
    as_json: bool = JsonOption,
) -> None:
    """Find requests and offers that rank each other among their best matches."""
    with opened() as coopex:
        report = coopex.suggestions.refresh(OPERATOR, ref or None)
        coopex.matching.save()
        record = {
            "searched": report.searched,
            "mutual": report.mutual,
            "added": report.added,
            "updated": report.updated,
            "withdrawn": report.withdrawn,
        }
        emit([record], as_json, list(record), "suggestions refreshed")


@suggestions_app.command("list")
def suggestions_list(
    status: SuggestionStatus = typer.Option(None, help="new, contacted or dismissed"),
    limit: int = typer.Option(50),
    as_json: bool = JsonOption,
) -> None:
    """Suggestions, best first."""
    with opened() as coopex:
        rows = [
            {
                "id": s.id,
                "score": s.score,
                "request": s.request_ref,
                "offer": s.offer_ref,
                "status": s.status.value,
                "reason": s.reason,
            }
            for s in coopex.suggestions.visible(OPERATOR, status)[:limit]
        ]
        emit(rows, as_json, ["id", "score", "request", "offer", "status", "reason"], "suggestions")


@suggestions_app.command("set")
def suggestions_set(suggestion_id: int, status: SuggestionStatus) -> None:
    """Mark suggestion ID as contacted or dismissed (or new again)."""
    with opened() as coopex:
        coopex.suggestions.set_status(OPERATOR, suggestion_id, status)
        console.print(f"suggestion {suggestion_id}: {status.value}")


# -- database ----------------------------------------------------------------------------


@app.command()
def init() -> None:
    """Create the database (or bring its schema up to date)."""
    from coopex.storage import migrate

    with opened(auto_migrate=False) as coopex:
        coopex.migrate()
        console.print(
            f"database ready at revision {migrate.current_revision(coopex.database.engine)}"
        )


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head")) -> None:
    """Apply migrations up to REVISION."""
    from coopex.storage import migrate

    with opened(auto_migrate=False) as coopex:
        migrate.upgrade(coopex.database.engine, revision)
        console.print(f"at revision {migrate.current_revision(coopex.database.engine)}")


@db_app.command("downgrade")
def db_downgrade(revision: str) -> None:
    """Revert migrations down to REVISION (`base` for an empty database)."""
    from coopex.storage import migrate

    with opened(auto_migrate=False) as coopex:
        migrate.downgrade(coopex.database.engine, revision)
        console.print(f"at revision {migrate.current_revision(coopex.database.engine)}")


@db_app.command("current")
def db_current() -> None:
    """Show the schema revision of the database and of this code."""
    from coopex.storage import migrate

    with opened(auto_migrate=False) as coopex:
        database_revision = migrate.current_revision(coopex.database.engine)
        console.print(f"database: {database_revision}  code: {migrate.head_revision()}")


@db_app.command("revision")
def db_revision(message: str = typer.Option(..., "-m", "--message")) -> None:
    """Autogenerate a migration from changes to storage/tables.py (developers)."""
    from coopex.storage import migrate

    with opened() as coopex:
        migrate.new_revision(coopex.database.engine, message)


# -- users and tokens ----------------------------------------------------------------------


@user_app.command("add")
def user_add(
    email: str,
    name: str = typer.Option(..., help="Display name"),
    role: Role = typer.Option(
        Role.ENTERPRISE_MEMBER, help="admin, agency_staff or enterprise_member"
    ),
    org: list[str] = typer.Option(
        [], help="Ref of an organisation the user belongs to (repeatable)"
    ),
    password: str = typer.Option(
        None,
        envvar="COOPEX_PASSWORD",
        help="Password; prompted for when not given",
        show_default=False,
    ),
    no_password: bool = typer.Option(False, "--no-password", help="Token-only user (no sign-in)"),
    as_json: bool = JsonOption,
) -> None:
    """Create a user."""
    if password is None and not no_password:
        password = typer.prompt("password", hide_input=True, confirmation_prompt=True)
    with opened() as coopex:
        user = coopex.accounts.create_user(OPERATOR, email, name, role, password)
        for ref in org:
            coopex.accounts.add_member(OPERATOR, user.email, ref)
        record = {
            "id": user.id,
            "email": user.email,
            "name": user.name,
            "role": user.role.value,
            "organizations": org,
        }
        emit([record], as_json, ["id", "email", "name", "role", "organizations"])


@user_app.command("list")
def user_list(as_json: bool = JsonOption) -> None:
    """List users."""
    with opened() as coopex:
        records = [
            {
                "id": u.id,
                "email": u.email,
                "name": u.name,
                "role": u.role.value,
                "active": u.active,
                "organizations": orgs,
            }
            for u, orgs in coopex.accounts.users()
        ]
        emit(records, as_json, ["id", "email", "name", "role", "active", "organizations"], "users")


@user_app.command("join")
def user_join(email: str, org: str) -> None:
    """Make user EMAIL a member of organisation ORG (by ref)."""
    with opened() as coopex:
        added = coopex.accounts.add_member(OPERATOR, email, org)
        console.print(f"{email} {'joined' if added else 'is already a member of'} {org}")


@token_app.command("create")
def token_create(
    email: str,
    name: str = typer.Option("cli", help="A label to recognise it by"),
    as_json: bool = JsonOption,
) -> None:
    """Issue an API token for user EMAIL (shown once)."""
    with opened() as coopex:
        issued = coopex.accounts.issue_token(OPERATOR, email, name)
        if as_json:
            emit_json({"email": issued.user.email, "name": issued.name, "token": issued.secret})
        else:
            console.print(issued.secret, highlight=False)


@token_app.command("list")
def token_list(
    email: str = typer.Argument(..., help="Whose tokens"), as_json: bool = JsonOption
) -> None:
    """List a user's API tokens (never their secrets)."""
    from coopex.storage.database import utc_now

    with opened() as coopex:
        now = utc_now()
        records = [
            {
                "id": t.id,
                "name": t.name,
                "created_at": t.created_at.isoformat(timespec="seconds"),
                "last_used_at": t.last_used_at.isoformat(timespec="seconds")
                if t.last_used_at
                else None,
                "expires_at": t.expires_at.isoformat(timespec="seconds") if t.expires_at else None,
                "live": t.is_live(now),
            }
            for t in coopex.accounts.tokens(OPERATOR, email)
        ]
        emit(records, as_json, ["id", "name", "created_at", "last_used_at", "expires_at", "live"])


@token_app.command("revoke")
def token_revoke(token_id: int) -> None:
    """Revoke API token TOKEN_ID at once (see `coopex token list EMAIL`)."""
    with opened() as coopex:
        revoked = coopex.accounts.revoke_token(OPERATOR, token_id)
        console.print(f"token {token_id} {'revoked' if revoked else 'was already revoked'}")


@user_app.command("password")
def user_password(
    email: str,
    password: str = typer.Option(
        None, envvar="COOPEX_PASSWORD", help="New password; prompted for when not given"
    ),
) -> None:
    """Set user EMAIL's password."""
    if password is None:
        password = typer.prompt("new password", hide_input=True, confirmation_prompt=True)
    with opened() as coopex:
        coopex.accounts.change_password(OPERATOR, password, email=email)
        console.print(f"password of {email} changed")


@user_app.command("deactivate")
def user_deactivate(email: str) -> None:
    """Deactivate user EMAIL: sign-in refused, every token stops at once."""
    with opened() as coopex:
        coopex.accounts.set_active(OPERATOR, email, False)
        console.print(f"{email} deactivated")


@user_app.command("activate")
def user_activate(email: str) -> None:
    """Reactivate user EMAIL."""
    with opened() as coopex:
        coopex.accounts.set_active(OPERATOR, email, True)
        console.print(f"{email} activated")


# -- organisations -----------------------------------------------------------------------


@org_app.command("add")
def org_add(
    name: str = typer.Option(...),
    kind: OrgKind = typer.Option(...),
    country: str = typer.Option(..., help="ISO 3166-1 alpha-2, e.g. RU"),
    region: str = typer.Option(None, help="ISO 3166-2, e.g. RU-TA"),
    ref: str = typer.Option(None, help="Stable key [default: derived from country and name]"),
    activity_code: list[str] = typer.Option([], help="OKVED2:25.62 or NACE:28 (repeatable)"),
    alias: list[str] = typer.Option([], help="Another name (repeatable)"),
    website: str = typer.Option(None),
    description: str = typer.Option(None),
    contacts_visibility: ContactsVisibility = typer.Option(
        ContactsVisibility.PUBLIC, help="public, or on_accepted_interest"
    ),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Register an organisation (agency staff: for an enterprise of their region)."""
    raw: dict[str, object] = {
        "ref": ref,
        "name": name,
        "kind": kind.value,
        "country": country,
        "region": region,
        "activity_codes": activity_code,
        "aliases": alias,
        "website": website,
        "description": description,
        "contacts_visibility": contacts_visibility.value,
    }
    with opened() as coopex:
        org = coopex.registry.create_organization(acting(coopex, as_user), raw)
        emit([organization_record(org)], as_json, ["ref", "name", "kind", "country", "region"])


@org_app.command("list")
def org_list(
    kind: OrgKind = typer.Option(None),
    country: str = typer.Option(None),
    region: str = typer.Option(None),
    q: str = typer.Option(None, "--q", help="Part of the name or an alias"),
    limit: int = typer.Option(50, help="Rows per page"),
    all_pages: bool = typer.Option(False, "--all", help="Every page, not just the first"),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """List organisations."""
    filters = OrganizationFilter(kind, country and country.upper(), region and region.upper(), q)
    with opened() as coopex:
        actor = acting(coopex, as_user)
        fetched = pages(
            lambda cursor: coopex.registry.list_organizations(filters, cursor, limit, actor),
            all_pages,
        )
        records = (organization_record(org) for page in fetched for org in page.items)
        emit(
            records,
            as_json,
            ["ref", "name", "kind", "country", "region", "activity_codes"],
            "organisations",
        )


@org_app.command("show")
def orgshow_record(ref: str, as_user: str = AsOption, as_json: bool = JsonOption) -> None:
    """Show one organisation (hidden contacts only to those allowed to see them)."""
    with opened() as coopex:
        org = coopex.registry.get_organization(ref, acting(coopex, as_user))
        show_record(organization_record(org), as_json)


@org_app.command("update")
def org_update(
    ref: str,
    name: str = typer.Option(None),
    region: str = typer.Option(None),
    website: str = typer.Option(None),
    description: str = typer.Option(None),
    contacts_visibility: ContactsVisibility = typer.Option(
        None, help="public, or on_accepted_interest"
    ),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Change an organisation (members, admins, agency staff of its region)."""
    given = {
        "name": name,
        "region": region,
        "website": website,
        "description": description,
        "contacts_visibility": contacts_visibility and contacts_visibility.value,
    }
    changes = {key: value for key, value in given.items() if value is not None}
    with opened() as coopex:
        org = coopex.registry.update_organization(acting(coopex, as_user), ref, changes)
        show_record(organization_record(org), as_json)


# -- listings ----------------------------------------------------------------------------


@listing_app.command("add")
def listing_add(
    kind: ListingKind = typer.Option(...),
    org: str = typer.Option(..., help="Ref of the owning organisation"),
    title: str = typer.Option(...),
    description: str = typer.Option(""),
    language: str = typer.Option(None, help="ru, en or zh [default: detected]"),
    code: list[str] = typer.Option([], help="HS:870899 or OKPD2:30.20.40 (repeatable)"),
    sector: list[str] = typer.Option([], help="Sector slug, see `coopex sectors` (repeatable)"),
    region: str = typer.Option(None),
    quantity: str = typer.Option(None),
    unit: str = typer.Option(None),
    valid_until: str = typer.Option(None, help="YYYY-MM-DD"),
    status: ListingStatus = typer.Option(ListingStatus.PUBLISHED),
    ref: str = typer.Option(None),
    as_user: str = AsOption,
    as_json: bool = JsonOption,
) -> None:
    """Publish an offer or a request (agency staff: for an organisation of their region)."""
    raw: dict[str, object] = {
        "ref": ref,
        "kind": kind.value,
        "org": org,
        "title": title,
        "description": description,
        "language": language,
        "codes": code,
        "sectors": sector,
        "region": region,
        "quantity": quantity,
        "unit": unit,
        "valid_until": valid_until,
        "status": status.value,
    }
    with opened() as coopex:
        listing = coopex.registry.create_listing(acting(coopex, as_user), raw)
        emit([listing_record(listing)], as_json, ["ref", "kind", "org", "title", "language"])


@listing_app.command("list")
def listing_list(
    kind: ListingKind = typer.Option(None),
    status: ListingStatus = typer.Option(ListingStatus.PUBLISHED),
    country: str = typer.Option(None),
    region: str = typer.Option(None),
    code: str = typer.Option(None, help="Code prefix, e.g. HS:87"),
    sector: str = typer.Option(None),
    q: str = typer.Option(None, "--q", help="Text in the title or description"),
    language: str = typer.Option(None),
    org: str = typer.Option(None, help="Owner's ref"),
    limit: int = typer.Option(50, help="Rows per page"),
    all_pages: bool = typer.Option(False, "--all", help="Every page, not just the first"),
    as_json: bool = JsonOption,
) -> None:
    """List listings."""
    with opened() as coopex:
        filters = ListingFilter(
            kind=kind,
            status=status,
            country=country and country.upper(),
            region=region and region.upper(),
            code_prefix=code_prefix(code),
            sector=sector,
            text=q,
            language=language,
            org_ref=org,
        )
        fetched = pages(
            lambda cursor: coopex.registry.list_listings(OPERATOR, filters, cursor, limit),
            all_pages,
        )
        records = (listing_record(item) for page in fetched for item in page.items)
        emit(records, as_json, ["ref", "kind", "org", "title", "language", "codes"], "listings")


@listing_app.command("show")
def listingshow_record(ref: str, as_json: bool = JsonOption) -> None:
    """Show one listing."""
    with opened() as coopex:
        show_record(listing_record(coopex.registry.get_listing(OPERATOR, ref)), as_json)


@listing_app.command("close")
def listing_close(ref: str, as_user: str = AsOption, as_json: bool = JsonOption) -> None:
    """Close a listing (it stays on record, no longer published)."""
    with opened() as coopex:
        listing = coopex.registry.close_listing(acting(coopex, as_user), ref)
        emit([listing_record(listing)], as_json, ["ref", "status", "title"])


# -- matching ----------------------------------------------------------------------------


def _match_rows(matches: list[Match]) -> list[dict[str, object]]:
    return [
        {
            "score": round(m.score, 3),
            "strong": m.strong,
            "ref": m.listing.ref,
            "kind": m.listing.kind.value,
            "language": ", ".join(m.languages),
            "translations": [x.ref for x in m.translations],
            "org": m.listing.org_ref,
            "title": m.listing.title,
            "why": explain(m),
            "signals": {name: round(getattr(m.signals, name), 3) for name in SIGNALS},
        }
        for m in matches
    ]


def _weak_note(matches: list[Match]) -> str:
    return "" if any(m.strong for m in matches) else " (no strong match)"


MATCH_COLUMNS = ["score", "strong", "language", "ref", "title", "why"]


KindOption = typer.Option(None, help="[default for match: the opposite of the listing's kind]")
CountryOption = typer.Option(None, help="Owner's country")
RegionOption = typer.Option(None, help="ISO 3166-2 region")
UnionOption = typer.Option(None, help="EAEU or UNION_STATE")
SectorOption = typer.Option(None)
CodeOption = typer.Option(None, help="Code prefix, e.g. HS:8607")
ValidOnOption = typer.Option(None, formats=["%Y-%m-%d"], help="[default: today]")
LimitOption = typer.Option(10, min=1, max=100)


def _match_filters(
    kind: ListingKind | None,
    country: str | None,
    region: str | None,
    union: str | None,
    sector: str | None,
    code: str | None,
    valid_on: datetime | None,
) -> MatchFilter:
    day = valid_on.date() if valid_on else None
    return match_filter(kind, country, region, union, sector, code, day)


@app.command()
def match(
    ref: str = typer.Argument(..., help="The listing to find partners for"),
    kind: ListingKind = KindOption,
    country: str = CountryOption,
    region: str = RegionOption,
    union: str = UnionOption,
    sector: str = SectorOption,
    code: str = CodeOption,
    valid_on: datetime = ValidOnOption,
    limit: int = LimitOption,
    as_json: bool = JsonOption,
) -> None:
    """Partners for a listing: offers for a request, requests for an offer, ranked and explained."""
    with opened() as coopex:
        filters = _match_filters(kind, country, region, union, sector, code, valid_on)
        listing, matches = coopex.matching.match_listing(OPERATOR, ref, filters, limit)
        title = f"matches for {listing.ref}: {listing.title}{_weak_note(matches)}"
        emit(_match_rows(matches), as_json, MATCH_COLUMNS, title)


@app.command()
def search(
    text: str = typer.Argument(..., help="What you look for, in Russian, English or Chinese"),
    lang: str = typer.Option(None, help="ru, en or zh [default: detected]"),
    kind: ListingKind = KindOption,
    country: str = CountryOption,
    region: str = RegionOption,
    union: str = UnionOption,
    sector: str = SectorOption,
    code: str = CodeOption,
    valid_on: datetime = ValidOnOption,
    limit: int = LimitOption,
    as_json: bool = JsonOption,
) -> None:
    """Search listings across languages, ranked and explained."""
    with opened() as coopex:
        filters = _match_filters(kind, country, region, union, sector, code, valid_on)
        result = coopex.matching.search(text, filters, limit, lang)
        title = f"search ({result.query_language}): {text}{_weak_note(result.matches)}"
        emit(_match_rows(result.matches), as_json, MATCH_COLUMNS, title)


# -- import and export -------------------------------------------------------------------


@app.command("import")
def import_(
    paths: list[Path] = typer.Argument(..., exists=False, help="CSV or JSON files"),
    entity: Entity = typer.Option(
        None, help="What a CSV or JSON list holds [default: from the header]"
    ),
    file_format: FileFormat = typer.Option(None, "--format", help="[default: from the extension]"),
    partial: bool = typer.Option(
        False, "--partial", help="Import the good records; write the bad ones to --rejects"
    ),
    rejects: Path = typer.Option(
        None, help="Where --partial writes rejected records [default: FILE.rejects.EXT]"
    ),
    as_json: bool = JsonOption,
) -> None:
    """Import files, each all-or-nothing (or --partial). A bad file does not stop the others."""
    failed = 0
    with opened() as coopex, Progress(console=errors, transient=True, disable=as_json) as progress:
        task = progress.add_task("importing", total=len(paths))
        for path in paths:
            progress.update(task, description=f"importing {path.name}")
            try:
                ok = _import_one(coopex, path, entity, file_format, partial, rejects, as_json)
            except DomainError as error:  # a rule broken at write time: this file only
                _report_failure(path, f"nothing imported: {error}", [], as_json)
                ok = False
            except Exception as error:  # the database or a bug mid-file: this file only,
                # its transaction rolled back whole (the traceback goes to the debug log)
                log.debug("importing %s failed", path, exc_info=True)
                _report_failure(path, f"nothing imported: {unexpected(error)}", [], as_json)
                ok = False
            failed += 0 if ok else 1
            progress.advance(task)
    if failed:
        raise typer.Exit(1)


def _import_one(
    coopex: Coopex,
    path: Path,
    entity: Entity | None,
    file_format: FileFormat | None,
    partial: bool,
    rejects: Path | None,
    as_json: bool,
) -> bool:
    from coopex.interchange.reading import format_of, read_import
    from coopex.services.transfer import ImportRejected, describe

    try:
        read = read_import(path, file_format, entity)
        if read.notes and not as_json:
            errors.print(f"{path}: detected {', '.join(read.notes)}", highlight=False)
        report = coopex.transfer.import_records(
            OPERATOR, read.records, partial=partial, label=f"import {path.name}"
        )
    except UnreadableFile as error:
        _report_failure(path, str(error), [], as_json)
        return False
    except ImportRejected as rejected:
        _report_failure(
            path,
            "nothing imported: fix these records or use --partial",
            rejected.report.rejected,
            as_json,
        )
        return False
    written_to = None
    if report.rejected:
        written_to = rejects or path.with_suffix(f".rejects{path.suffix}")
        _write_rejects(written_to, report.rejected, format_of(path, file_format))
    summary = {
        "file": str(path),
        "ok": True,
        "detected": list(read.notes),
        **report.summary(),
        "rejects_file": written_to and str(written_to),
    }
    if as_json:
        emit_json(summary)
    else:
        console.print(f"{path}: {describe(report)}", highlight=False)
        for bad in report.rejected:
            errors.print(f"  rejected {bad.describe()}", highlight=False)
        if written_to:
            console.print(f"rejected records written to {written_to}", highlight=False)
    return True


def _report_failure(path: Path, message: str, bad: list[RejectedRecord], as_json: bool) -> None:
    if as_json:
        emit_json(
            {
                "file": str(path),
                "ok": False,
                "error": message,
                "rejected": [
                    {
                        "entity": b.record.entity.value,
                        "location": b.record.location,
                        "errors": [
                            {"field": e.field, "reason": e.reason, "value": e.value}
                            for e in b.errors
                        ],
                    }
                    for b in bad
                ],
            }
        )
        return
    errors.print(f"[bold red]error:[/] {path}: {message}", highlight=False)
    for item in bad:
        errors.print(f"  {item.describe()}", highlight=False)


def _write_rejects(path: Path, bad: list[RejectedRecord], file_format: FileFormat) -> None:
    """Rejected records as they came in, each with an `errors` column to fix them by."""
    from coopex.interchange.writing import write_csv, write_json

    by_entity: dict[Entity, list[Mapping[str, object]]] = {}
    for item in bad:
        reasons = "; ".join(e.describe() for e in item.errors)
        by_entity.setdefault(item.record.entity, []).append(
            {**item.record.raw, "errors": f"{item.record.location}: {reasons}"}
        )
    with path.open("w", encoding="utf-8", newline="") as stream:
        if file_format is FileFormat.CSV:
            ((entity, records),) = by_entity.items()
            write_csv(stream, entity, records, extra=("errors",))
        else:
            write_json(stream, by_entity)


@app.command("export")
def export(
    path: str = typer.Argument(..., help="File to write, or - for standard output"),
    entity: Entity = typer.Option(None, help="For CSV: organizations or listings"),
    file_format: FileFormat = typer.Option(
        None, "--format", help="[default: from the extension; json for -]"
    ),
) -> None:
    """Export the registry (JSON: everything; CSV: one entity)."""
    from coopex.interchange.reading import format_of
    from coopex.interchange.writing import write_csv, write_json

    try:
        chosen = (
            FileFormat.JSON
            if path == "-" and not file_format
            else format_of(Path(path), file_format)
        )
    except UnreadableFile as error:
        fail(str(error), 2)
    if chosen is FileFormat.CSV and entity is None:
        fail("CSV holds one entity: give --entity organizations or --entity listings", 2)
    with opened() as coopex:
        stream = sys.stdout if path == "-" else open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        try:
            if chosen is FileFormat.CSV:
                count = write_csv(stream, entity, coopex.transfer.export_records(entity))
            else:
                entities = [entity] if entity else list(Entity)
                count = write_json(stream, {e: coopex.transfer.export_records(e) for e in entities})
        finally:
            if stream is not sys.stdout:
                stream.close()
        if path != "-":
            console.print(f"exported {count} record(s) to {path}", highlight=False)


# -- reference data and audit --------------------------------------------------------------


@app.command()
def sectors(as_json: bool = JsonOption) -> None:
    """The sector slugs listings may use, with names in RU/EN/ZH."""
    with opened(auto_migrate=False) as coopex:
        records = [{"slug": s.slug, **s.names} for s in coopex.catalog.sectors()]
        emit(records, as_json, ["slug", "en", "ru", "zh"], "sectors")


@app.command()
def regions(country: str, as_json: bool = JsonOption) -> None:
    """ISO 3166-2 regions of COUNTRY with names in RU/EN/ZH."""
    with opened(auto_migrate=False) as coopex:
        records = [
            {"code": r.code, "kind": r.kind, **r.names}
            for r in coopex.catalog.regions(country.upper())
        ]
        if not records:
            fail(f"no ISO 3166-2 regions for {country!r}")
        emit(records, as_json, ["code", "en", "ru", "zh", "kind"], f"regions of {country.upper()}")


@app.command()
def audit(
    entity: str = typer.Option(None, help="organization, listing, user, ..."),
    ref: str = typer.Option(None, help="The entity's ref"),
    limit: int = typer.Option(50),
    as_json: bool = JsonOption,
) -> None:
    """The audit trail, newest first: who changed what, and refused attempts."""
    with opened() as coopex:
        entries = coopex.audit.recent(OPERATOR, limit, entity, ref)
        records = [
            {
                "at": e.at.isoformat(timespec="seconds"),
                "actor": e.actor,
                "action": e.action,
                "ref": e.entity_ref,
                "outcome": e.outcome.value,
                "on_behalf_of": e.on_behalf_of,
                "detail": e.detail,
            }
            for e in entries
        ]
        columns = ["at", "actor", "on_behalf_of", "action", "ref", "outcome"]
        emit(records, as_json, columns, "audit log")


def run() -> None:
    app()

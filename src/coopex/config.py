"""Settings from the environment (prefix COOPEX_). The embedded SQLite file is the default."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from platformdirs import user_data_path
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_home() -> Path:
    """The per-user data folder (~/.local/share/coopex on Linux, ~/Library/Application
    Support/coopex on macOS, %LOCALAPPDATA%\\coopex on Windows): the same database whatever
    folder a command runs in. COOPEX_HOME or COOPEX_DATABASE_URL choose another."""
    return user_data_path("coopex", appauthor=False)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COOPEX_", extra="ignore")

    home: Path = Field(default_factory=default_home)  # the embedded database and the index
    database_url: str | None = None  # e.g. postgresql+psycopg://user@host/coopex
    # Match signal weights, e.g. COOPEX_MATCH_WEIGHTS='{"semantic": 0.5, "geography": 0.1}'
    match_weights: dict[str, float] = {}
    # A request and an offer are suggested to each other when both directions score this much.
    suggestion_threshold: float = 0.5
    # The side news leads are read from: its regions and country initiate, others are
    # counterparts (COOPEX_NEWS_HOME='["BY"]' for a Belarusian agency).
    news_home: list[str] = ["RU"]
    # Processes that read news in parallel (each loads the models once); 0: one per core for
    # batches of 64 documents or more, in this process below that.
    news_workers: int = 0
    # Background jobs (news uploads, full suggestion refreshes from the API) each server runs
    # at once on PostgreSQL; 0 leaves them to `coopex worker`. On SQLite the server runs them
    # one at a time whatever this says.
    job_workers: int = Field(default=1, ge=0)
    # Request bodies: JSON and forms up to max_body_bytes; news uploads up to max_upload_bytes.
    max_body_bytes: int = 1024 * 1024
    max_upload_bytes: int = 50 * 1024 * 1024
    host: str = "127.0.0.1"
    port: int = 8000
    # How long an API token or web session lives: seconds or ISO 8601 (P30D); 0 = forever.
    token_ttl: timedelta = timedelta(days=30)
    # Sign-in throttling: failures allowed per account and per client address in the window.
    signin_account_limit: int = 5
    signin_address_limit: int = 20
    signin_window_seconds: float = 900.0
    # Web session cookies carry the Secure flag (set it when served behind HTTPS).
    secure_cookies: bool = False

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'coopex.db').resolve()}"

    @property
    def database_label(self) -> str:
        """The database in use, to show (a password in the URL is masked)."""
        url = sa.make_url(self.resolved_database_url)
        if url.get_backend_name() == "sqlite":
            return str(url.database)
        return url.render_as_string(hide_password=True)

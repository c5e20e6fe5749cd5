"""Settings from the environment (prefix COOPEX_). The embedded SQLite file is the default."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="COOPEX_", extra="ignore")

    home: Path = Path(".coopex")  # where the embedded database (and later indexes) live
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
    # Request bodies: JSON and forms up to max_body_bytes; news uploads up to max_upload_bytes.
    max_body_bytes: int = 1024 * 1024
    max_upload_bytes: int = 50 * 1024 * 1024
    host: str = "127.0.0.1"
    port: int = 8000

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'coopex.db').resolve()}"

"""The composition root: builds every part from settings. Nothing is built at import time."""

from __future__ import annotations

from dataclasses import dataclass

from coopex.config import Settings
from coopex.reference.catalog import ShippedCatalog
from coopex.services.accounts import AccountService
from coopex.services.auditing import AuditTrail
from coopex.services.registry import RegistryService
from coopex.services.transfer import TransferService
from coopex.storage.database import Database
from coopex.storage.migrate import upgrade


@dataclass(frozen=True, slots=True)
class Coopex:
    settings: Settings
    database: Database
    catalog: ShippedCatalog
    registry: RegistryService
    accounts: AccountService
    transfer: TransferService
    audit: AuditTrail

    def migrate(self) -> None:
        upgrade(self.database.engine)

    def close(self) -> None:
        self.database.dispose()


def build(settings: Settings | None = None) -> Coopex:
    settings = settings or Settings()
    database = Database.from_url(settings.resolved_database_url)
    catalog = ShippedCatalog()
    return Coopex(
        settings=settings,
        database=database,
        catalog=catalog,
        registry=RegistryService(database, catalog),
        accounts=AccountService(database),
        transfer=TransferService(database, catalog),
        audit=AuditTrail(database),
    )

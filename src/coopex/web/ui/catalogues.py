"""Keeping the message catalogues current: extract every message from the web code and
templates with Babel, and merge them into `locale/<lang>/LC_MESSAGES/messages.po`.

    python -m coopex.web.ui.catalogues          # add new messages (empty) to ru, en, zh
    python -m coopex.web.ui.catalogues --check  # list messages without a translation

Then translate the empty `msgstr ""` entries in the ru and zh files (English is the source
language, its file stays empty-valued and shows the msgid).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from coopex.domain.catalog import LANGUAGES

UI = Path(__file__).resolve().parent
WEB = UI.parent
TRANSLATED = tuple(code for code in LANGUAGES if code != "en")
_METHODS = [("ui/templates/**.html", "jinja2.ext:babel_extract"), ("**.py", "python")]
_OPTIONS = {"ui/templates/**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "false"}}


def extract() -> Catalog:
    """Every message the web UI can show (msgids from Python `N_`/`_`/`gettext` calls and
    from templates)."""
    catalog = Catalog(project="coopex", fuzzy=False)
    found: Iterator[tuple[str, int, str | tuple[str, ...], list[str], str | None]]
    found = extract_from_dir(str(WEB), _METHODS, _OPTIONS)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po_path(language: str) -> Path:
    return UI / "locale" / language / "LC_MESSAGES" / "messages.po"


def read(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, project="coopex")
    with path.open("rb") as handle:
        # abort_invalid: a malformed entry fails the check instead of vanishing
        return read_po(handle, locale=language, abort_invalid=True)


def untranslated(language: str, template: Catalog | None = None) -> list[str]:
    """Messages of the UI with no (or an empty) translation in `language`."""
    catalog = read(language)
    missing = []
    for message in template or extract():
        if not message.id:
            continue
        found = catalog.get(message.id, message.context)
        strings = found.string if found is not None else None
        values = strings if isinstance(strings, tuple) else (strings,)
        if found is None or not all(values):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def update() -> None:
    template = extract()
    for language in LANGUAGES:
        catalog = read(language)
        catalog.update(template, no_fuzzy_matching=True)
        path = po_path(language)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, omit_header=False, ignore_obsolete=True)


if __name__ == "__main__":
    if "--check" in sys.argv:
        gaps = {lang: untranslated(lang) for lang in TRANSLATED}
        for lang, ids in gaps.items():
            for msgid in ids:
                print(f"{lang}: {msgid}")
        sys.exit(1 if any(gaps.values()) else 0)
    update()

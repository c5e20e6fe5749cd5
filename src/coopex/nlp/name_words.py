"""Words that make or complete a name, per language (`data/reference/name_words.csv`):
legal forms ("ООО", "OJSC"), the bodies a place is governed or represented by ("правительство",
"посольство"), the plural place words of a coordination ("Калужская и Московская области")."""

from __future__ import annotations

from functools import cache

from coopex.reference.catalog import read_reference_csv


@cache
def name_words(kind: str, lang: str) -> tuple[str, ...]:
    """The words of one kind and language; an unknown kind is refused (a typo in the caller)."""
    rows = read_reference_csv("name_words.csv")
    if not any(row["kind"] == kind for row in rows):
        raise KeyError(f"name_words.csv has no words of kind {kind!r}")
    return tuple(
        word
        for row in rows
        if row["kind"] == kind and row["lang"] == lang
        for word in row["text"].split("|")
        if word
    )

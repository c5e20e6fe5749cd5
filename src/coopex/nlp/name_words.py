"""Words that make or complete a name, per language (`data/reference/name_words.csv`):
legal forms ("ООО", "OJSC"), the bodies a place is governed or represented by ("правительство",
"посольство"), the plural place words of a coordination ("Калужская и Московская области")."""

from __future__ import annotations

import re
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


def alternation(kind: str, lang: str) -> str:
    """The words of one kind and language as a regular-expression alternation, escaped, in
    the file's order (put a longer wording before its prefix there)."""
    return "|".join(map(re.escape, name_words(kind, lang)))


@cache
def _person_context(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    def words(kind: str) -> str:
        return "|".join(re.escape(w) for w in sorted(name_words(kind, lang), key=len, reverse=True))

    titles, verbs = words("person_title"), words("speech_verb")
    return (
        re.compile(rf"(?:^|[^\w-])(?:{titles})\s+$", re.IGNORECASE),
        re.compile(rf"(?:^|[^\w-])(?:{verbs}),?\s+$", re.IGNORECASE),
        re.compile(rf"^,?\s+(?:{verbs})\b", re.IGNORECASE),
    )


def vouched_person(paragraph: str, start: int, end: int, lang: str) -> bool:
    """A one-word name the sentence vouches for as a person: after a title ("Governor
    Dubrovskiy", "губернатор Никитин"), or next to a verb of saying ("Makarov said",
    "заявил Мантуров")."""
    titled, said_before, said_after = _person_context(lang)
    before, after = paragraph[max(0, start - 40) : start], paragraph[end : end + 30]
    return bool(titled.search(before) or said_before.search(before) or said_after.match(after))


@cache
def _named_after(lang: str) -> re.Pattern[str]:
    words = "|".join(
        re.escape(w) for w in sorted(name_words("named_after", lang), key=len, reverse=True)
    )
    return re.compile(rf"(?:^|[^\w-])(?:{words})\s*$", re.IGNORECASE)


def named_after_person(text: str, start: int, lang: str) -> bool:
    """A person's (or a place's) name that names something else: a street, a plant, an award
    ("завод имени Лихачёва", "улица Ленина", "орден Александра Невского")."""
    return bool(_named_after(lang).search(text[max(0, start - 20) : start]))

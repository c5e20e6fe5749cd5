"""Sentence boundaries in RU/EN/ZH prose, as character spans, aware of abbreviations and
initials ("1 тыс. долларов", "Р.Н. Минниханов", "г. Ханчжоу" do not end a sentence)."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end the sentence.
_ABBREVIATIONS = frozenset(
    {"тыс", "млн", "млрд", "трлн", "руб", "бел", "долл", "коп", "г", "гг", "т", "д", "п", "пр"}
    | {"ул", "им", "см", "рис", "табл", "mr", "mrs", "dr", "no", "vs", "inc", "ltd", "co", "st"}
    | {"rs"}
)
# Paragraphs a scraper glued together ("…said Governor Aleksey Dyumin.The official made …",
# "…on November 8 and 9.Both host and guest …"): a full stop between a word of two lower-case
# letters or more (or a number) and a capitalised word ends the sentence too; a single letter
# ("г.Москва", "U.S.") or an abbreviation ("St.Petersburg") does not.
_BREAK = re.compile(
    r"[.!?。！？]+[»”\"']?\s+|[。！？]"
    r"|(?:(?<=[a-zа-яё]{2})|(?<=\d))[.!?](?=[A-ZА-ЯЁ][a-zа-яё])"
)
_INITIALS = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")  # "Р", "Р.Н", "J.R"
# A month's abbreviation before its day ("TASHKENT, Nov. 27 (Daryo) --").
_MONTHS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)


def _ends_sentence(text: str, stop: int, start: int) -> bool:
    if text[stop] != ".":
        return True
    words = text[start:stop].split()
    last = words[-1].strip("«»\"'()") if words else ""
    initial = bool(_INITIALS.match(last)) and last.isupper()
    dated = last.lower() in _MONTHS and text[stop + 1 : stop + 3].strip()[:1].isdigit()
    return not (initial or dated or last.lower() in _ABBREVIATIONS)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, trimmed of surrounding spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    for found in _BREAK.finditer(text):
        if not _ends_sentence(text, found.start(), start):
            continue
        spans.append((start, found.end()))
        start = found.end()
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        while begin < end and text[begin].isspace():
            begin += 1
        while end > begin and text[end - 1].isspace():
            end -= 1
        if begin < end:
            trimmed.append((begin, end))
    return trimmed


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]

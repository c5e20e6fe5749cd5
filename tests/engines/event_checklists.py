"""What the event checklists share: the names of a page given as mentions, the whole event
reader run on a page, what its amounts measure, the types a sentence's wording names, and a row
known to fail."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence

import pytest

from coopex.domain.geography import Place, place_of
from coopex.domain.news import EventType, LeadEvent, Mention, MentionKind
from coopex.engines.news.amounts import find_amounts
from coopex.engines.news.cues import trigger_types
from coopex.engines.news.events import read_events
from coopex.reference.event_cues import shipped_event_cues
from coopex.reference.money_words import shipped_money_words


def known_miss(reason: str) -> pytest.MarkDecorator:
    """A row the reader is known to get wrong: it must keep failing until it is fixed."""
    return pytest.mark.xfail(reason=reason, strict=True)


def mentions(
    paragraphs: Sequence[str],
    places: Collection[str],
    organizations: Collection[str],
    whole_words: bool = True,
) -> list[Mention]:
    """Every occurrence of the names, the longer name first where two overlap; `whole_words`:
    none inside a longer word (off for Chinese, which writes no spaces between words)."""
    found: list[Mention] = []
    for number, paragraph in enumerate(paragraphs):
        for name in sorted({*places, *organizations}, key=len, reverse=True):
            pattern = rf"(?<!\w){re.escape(name)}(?!\w)" if whole_words else re.escape(name)
            for match in re.finditer(pattern, paragraph):
                if not any(
                    m.paragraph == number and m.start <= match.start() < m.end for m in found
                ):
                    kind = MentionKind.LOCATION if name in places else MentionKind.ORGANIZATION
                    found.append(Mention(kind, name, number, match.start(), match.end()))
    return sorted(found, key=lambda m: (m.paragraph, m.start))


def page_events(
    paragraphs: Sequence[str],
    places: Mapping[str, str],
    organizations: Collection[str],
    lang: str,
    amount_measures: Callable[[str], Sequence[str]] = lambda _: (),
    unknown_places: Collection[str] = (),
    reading_form: Callable[[str], str] | None = None,
) -> tuple[LeadEvent, ...]:
    """The events of a page told from Russia, its places given by their codes;
    `unknown_places`: places named that the gazetteer does not know (a district);
    `reading_form`: the form the wordings are read in (Chinese: simplified script)."""
    known: dict[str, Place | None] = {name: place_of(code) for name, code in places.items()}
    known |= dict.fromkeys(unknown_places)
    return read_events(
        list(paragraphs),
        mentions(paragraphs, [*places, *unknown_places], organizations, lang != "zh"),
        known,
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
        amount_measures,
        reading_form=reading_form,
        lang=lang,
    )


def wording_types(sentence: str, lang: str) -> list[EventType]:
    """The event types the sentence's wording names."""
    return [kind for kind, _, _ in trigger_types(sentence, shipped_event_cues().of(lang))]


def amounts_measured(sentence: str) -> list[str]:
    """What the sentence's amounts measure, read with the shipped money words: the
    `amount_measures` that `page_events` takes where a rule needs to know."""
    return [a.what for a in find_amounts(sentence, shipped_money_words()) if a.what]


def counterparts_of(
    kind: str,
    paragraphs: Sequence[str],
    places: Mapping[str, str],
    organizations: Collection[str],
    lang: str,
) -> list[str]:
    """The counterparts of the page's events of one type, its amounts measured as the pipeline
    measures them."""
    found = page_events(paragraphs, places, organizations, lang, amounts_measured)
    return [e.counterpart for e in found if e.type.value == kind]

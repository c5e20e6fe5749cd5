"""One news document in, its leads out: a pure function of (document, models).

`read_document` does no I/O and keeps no state between calls: the models (NER, the place
gazetteer, the HTML extractor, the decoder) come in as arguments, loaded once by the caller.
That is what lets the same code run in-process over a folder (`coopex ingest`) or as the map
step of a distributed engine over a large crawl (docs/news.md, "Scaling out").
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, Protocol

from coopex.domain.geography import Place
from coopex.domain.news import Mention, MentionKind, MoneyAmount, NewsLeads, collect_entities
from coopex.engines.language import detect_language
from coopex.engines.news.amounts import MoneyWords, each_once, find_amounts
from coopex.engines.news.clean import Article, clean
from coopex.engines.news.cues import EventCues
from coopex.engines.news.dates import DateFact, distinct_iso
from coopex.engines.news.event_scoring import EventChooser
from coopex.engines.news.events import EventTyper, SectorTagger, read_events
from coopex.engines.news.fingerprint import Fingerprint, fingerprint
from coopex.engines.news.parties import governed_region

Format = Literal["text", "html"]
# "долларов США", "US dollars": the country names a currency here, not a place in the story.
_CURRENCY_BEFORE = re.compile(r"(?:доллар\w*|dollars?)\s*$", re.IGNORECASE)
STAGES = ("decode", "extract", "clean", "entities", "amounts", "dates", "events", "fingerprint")


class EntityRecognizer(Protocol):
    def mentions(self, paragraphs: Sequence[str]) -> list[Mention]: ...


class PlaceResolver(Protocol):
    def resolve(self, name: str, cities: bool = True) -> Place | None:
        """`cities=False`: a country, region or union only, no city."""
        ...

    def is_city(self, name: str) -> bool:
        """Whether the name is a city's (one that is no region of its own: "Ярославль")."""
        ...


class BadDocument(Exception):
    """A document that cannot be read; the message says why."""


@dataclass(frozen=True, slots=True)
class RawDocument:
    name: str  # file name, or URL for a crawled page
    data: bytes
    format: Format = "text"
    url: str | None = None


@dataclass(frozen=True, slots=True)
class NewsModels:
    """Everything `read_document` needs, loaded once."""

    decode: Callable[[bytes], tuple[str, str]]  # -> (text, encoding); raises BadDocument
    html_to_text: Callable[[str], str]
    recognizers: Mapping[str, EntityRecognizer]  # by language; none for a language: no NER
    places: PlaceResolver
    sectors: SectorTagger
    dates: Mapping[str, Callable[[str], list[DateFact]]]  # by language
    cues: EventCues  # event wordings (data/reference/event_cues.csv)
    money: MoneyWords  # scales, currencies, measures (data/reference/money_words.csv)
    home: frozenset[str] = frozenset({"RU"})
    event_typer: EventTyper | None = None  # learned typing over the wordings' types
    # The form event wordings are read in, per language, one character for one (Chinese:
    # simplified script, so that a traditional-script page reads "會見" as "会见").
    reading_forms: Mapping[str, Callable[[str], str]] = field(default_factory=dict)
    # Which proposed events a page reports, with whom (engines/news/event_scoring.py); None:
    # all of them, with the rules' counterpart.
    event_chooser: EventChooser | None = None
    # Per language, the places a text names only by their adjective ("рязанского бизнеса":
    # Рязанская область), given its paragraphs and the mentions found: what the events read the
    # page's sides and initiators from, besides the names (nlp/region_adjectives.py).
    adjective_places: Mapping[str, Callable[[Sequence[str], Sequence[Mention]], list[Mention]]] = (
        field(default_factory=dict)
    )


@dataclass(frozen=True, slots=True)
class ReadDocument:
    leads: NewsLeads
    article: Article
    encoding: str
    content_hash: str  # SHA-256 of the original bytes
    fingerprint: Fingerprint  # for grouping near-duplicate stories
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self._last
        self._last = now


# Bounds on what is read as an article: far above any real one (the longest of the shared
# pages is ~40,000 characters), far below what makes the readers take minutes and gigabytes.
MAX_ARTICLE_CHARACTERS = 500_000
MAX_RUN_CHARACTERS = 20_000  # characters without white space: Chinese paragraphs stay below
_LONG_RUN = re.compile(r"\S{" + str(MAX_RUN_CHARACTERS + 1) + ",}")


def _check_size(text: str) -> None:
    if len(text) > MAX_ARTICLE_CHARACTERS:
        raise BadDocument(
            f"too long for a news article: {len(text):,} characters of text "
            f"(the limit is {MAX_ARTICLE_CHARACTERS:,})"
        )
    run = _LONG_RUN.search(text)
    if run is not None:
        raise BadDocument(
            f"not prose: {len(run.group()):,} characters without a space or line break "
            f"from character {run.start():,} (the limit is {MAX_RUN_CHARACTERS:,})"
        )


def read_document(document: RawDocument, models: NewsModels) -> ReadDocument:
    clock = _Clock()
    text, encoding = models.decode(document.data)
    clock.lap("decode")
    if document.format == "html":
        text = models.html_to_text(text)
        if not text.strip():
            raise BadDocument("no article text found in the HTML")
    clock.lap("extract")
    _check_size(text)
    article = clean(text)
    if not article.paragraphs and not article.title:
        raise BadDocument("nothing but page furniture (menus, ads, buttons) in the document")
    lang = detect_language(article.text)
    clock.lap("clean")
    paragraphs = [article.title, *article.paragraphs]
    recognizer = models.recognizers.get(lang)
    mentions = recognizer.mentions(paragraphs) if recognizer else []
    mentions = [
        m
        for m in mentions
        if not _CURRENCY_BEFORE.search(paragraphs[m.paragraph][max(0, m.start - 20) : m.start])
        and not _cut_off(m, paragraphs)
    ]
    mentions = _dashed_places(mentions, paragraphs, models.places)
    mentions = _persons_after_places(mentions, paragraphs)
    # A city by the name of a person or an organisation is not taken for it: "Komatsu" (a city
    # in Japan), "Королёв".
    places = {
        m.name: models.places.resolve(m.name, cities=m.kind is MentionKind.LOCATION)
        for m in mentions
    }
    # Places inside organisation names tell whose side an organisation is on ("Minsk Tractor
    # Works").
    for word in {w for m in mentions if m.kind is MentionKind.ORGANIZATION for w in m.name.split()}:
        if word[:1].isupper() and word not in places:
            places[word] = models.places.resolve(word, cities=False)
    # The region an executive committee governs ("Минский облисполком": Минская область).
    governing = models.cues.of(lang)
    for mention in mentions:
        region = governed_region(mention.name, governing)
        if mention.kind is MentionKind.ORGANIZATION and region and region not in places:
            places[region] = models.places.resolve(region)
    mentions = _places_are_locations(_unquoted(mentions, paragraphs, places), places)
    entities = collect_entities(_home_outside_names(mentions, places, models.home))
    clock.lap("entities")
    found = [a for paragraph in paragraphs for a in find_amounts(paragraph, models.money)]
    amounts = [MoneyAmount(a.value, a.currency, a.what, a.evidence) for a in found]
    clock.lap("amounts")
    read_dates = models.dates.get(lang)
    dates = distinct_iso(read_dates(article.text)) if read_dates else ()
    clock.lap("dates")
    events = read_events(
        paragraphs,
        mentions,
        places,
        models.home,
        models.sectors,
        models.cues,
        lambda sentence: [a.what for a in amounts if a.what and a.text == sentence],
        models.event_typer,
        models.reading_forms.get(lang),
        models.event_chooser,
        lang,
        _told_by_adjective(paragraphs, mentions, places, models, lang),
        _cities(mentions, places, models.places),
    )
    clock.lap("events")
    print_ = fingerprint(article.text, lang)
    clock.lap("fingerprint")
    leads = NewsLeads(
        document.name,
        lang,
        article.title,
        article.published,
        entities,
        events,
        tuple(MoneyAmount(a.value, a.currency, a.what, a.evidence) for a in each_once(found)),
        dates,
    )
    return ReadDocument(
        leads, article, encoding, content_hash(document.data), print_, clock.timings
    )


def _cities(
    mentions: Sequence[Mention], places: Mapping[str, Place | None], resolver: PlaceResolver
) -> frozenset[str]:
    """The places named that are a city's, resolved to its region's code ("Ярославль")."""
    return frozenset(
        m.name
        for m in mentions
        if m.kind is MentionKind.LOCATION
        and places.get(m.name) is not None
        and resolver.is_city(m.name)
    )


def _told_by_adjective(
    paragraphs: Sequence[str],
    mentions: list[Mention],
    places: dict[str, Place | None],
    models: NewsModels,
    lang: str,
) -> list[Mention]:
    """The home regions the text names only by their adjective ("тульские предприятия":
    Тульская область), as place mentions; their places added to `places`. For the events
    only: the page's entities are the names it writes."""
    find = models.adjective_places.get(lang)
    if find is None:
        return []
    told = []
    for mention in find(paragraphs, mentions):
        place = places.get(mention.name) or models.places.resolve(mention.name)
        if place is not None and place.within(models.home):
            places[mention.name] = place
            told.append(mention)
    return told


_ENDS_CLEANLY = re.compile(r"[.!?…。！？»”\"')）]\s*$")


def _cut_off(mention: Mention, paragraphs: Sequence[str]) -> bool:
    """A name at the very end of a text that stops mid-sentence may be cut mid-word (excerpts
    are: "губернатор Ярославско", "Trad"): not a name to report."""
    last = len(paragraphs) - 1
    return (
        mention.paragraph == last > 0
        and mention.end >= len(paragraphs[last].rstrip())
        and not _ENDS_CLEANLY.search(paragraphs[last])
    )


_DASH = re.compile(r"\s*[-–—]\s*")


def _dashed_places(
    mentions: list[Mention], paragraphs: Sequence[str], places: PlaceResolver
) -> list[Mention]:
    """ "Ба Риа – Вунгтау", "Ханты-Мансийский автономный округ – Югра": two places joined by a
    dash are one place when the gazetteer knows the whole, or neither part ("Россия – Китай"
    stays two)."""
    result: list[Mention] = []
    for mention in mentions:
        last = result[-1] if result else None
        if (
            last is not None
            and last.kind is mention.kind is MentionKind.LOCATION
            and last.paragraph == mention.paragraph
            and _DASH.fullmatch(paragraphs[mention.paragraph][last.end : mention.start])
        ):
            dash = paragraphs[mention.paragraph][last.end : mention.start]
            whole = f"{last.name}{dash}{mention.name}"
            apart = places.resolve(last.name) is None and places.resolve(mention.name) is None
            if apart or places.resolve(whole) is not None:
                result[-1] = Mention(last.kind, whole, last.paragraph, last.start, mention.end)
                continue
        result.append(mention)
    return result


def _persons_after_places(mentions: list[Mention], paragraphs: Sequence[str]) -> list[Mention]:
    """ "Вунгтау Нгуен Ван Тхо": a person's span that took in the place before the name is cut
    after the place."""
    result = []
    for mention in mentions:
        place = next(
            (
                m
                for m in mentions
                if m.kind is MentionKind.LOCATION
                and m.paragraph == mention.paragraph
                and m.start <= mention.start < m.end < mention.end
            ),
            None,
        )
        if mention.kind is MentionKind.PERSON and place is not None:
            taken = len(paragraphs[mention.paragraph][mention.start : place.end].split())
            kept = mention.name.split()[taken:]
            if len(kept) >= 2:
                mention = Mention(
                    mention.kind, " ".join(kept), mention.paragraph, place.end, mention.end
                )
        result.append(mention)
    return result


_OPENING_QUOTES = '«"“„'
_CLOSING_QUOTES = '»"”“'


def _unquoted(
    mentions: list[Mention], paragraphs: Sequence[str], places: Mapping[str, Place | None]
) -> list[Mention]:
    """A place's name in quotes names something else, a hotel, a ship, a brand or a zone
    named after it ("в отеле «Москва»", "ОЭЗ «Ульяновск»"): places are not quoted. An
    organisation's quoted name the gazetteer does not know stays ("«Беларус»")."""
    return [
        m
        for m in mentions
        if not (
            paragraphs[m.paragraph][m.start - 1 : m.start] in _OPENING_QUOTES
            and paragraphs[m.paragraph][m.end : m.end + 1] in _CLOSING_QUOTES
            and (m.kind is MentionKind.LOCATION or places.get(m.name) is not None)
        )
    ]


def _home_outside_names(
    mentions: list[Mention], places: Mapping[str, Place | None], home: frozenset[str]
) -> list[Mention]:
    """The home country named only inside organisations' names ("МИД РФ", "Правительство РФ",
    "Embassy of Russia") is no place of the story: a country inside another name is no entity
    of its own (the events still see it)."""

    def inside(m: Mention) -> bool:
        return any(
            o.kind is MentionKind.ORGANIZATION
            and o.paragraph == m.paragraph
            and o.start <= m.start
            and m.end <= o.end
            for o in mentions
        )

    def home_country(m: Mention) -> bool:
        place = places.get(m.name)
        return m.kind is MentionKind.LOCATION and place is not None and place.code in home

    # "со всей России" + "Правительства РФ": the name written outside stays, "РФ" goes
    outside = {m.name for m in mentions if home_country(m) and not inside(m)}
    return [m for m in mentions if not (home_country(m) and m.name not in outside)]


def _places_are_locations(
    mentions: list[Mention], places: Mapping[str, Place | None]
) -> list[Mention]:
    """A name the gazetteer knows as a country, region or union is a location, whatever the
    model called it ("Union State" tagged as an organisation, "Harbin" or "Nizhny Novgorod" as
    a person)."""
    return [
        Mention(MentionKind.LOCATION, m.name, m.paragraph, m.start, m.end)
        if places.get(m.name) is not None and m.kind is not MentionKind.LOCATION
        else m
        for m in mentions
    ]

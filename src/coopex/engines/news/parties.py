"""The parties of a document's events: its sentences with the entity mentions inside them,
the document's two sides, and per event who it is with (counterpart) and who started it
(initiator).

The counterpart is looked for in a fixed order that suits the event type:

1. an entity in the same sentence — a place not on the initiator's side for missions, forums,
   policy and trade figures (for a product presentation abroad, the country the page names); an
   organisation for the others (not a venue "на территории ...", not a place's governing body
   "Администрация Перми", not the source in an attribution "..., reported X");
2. an earlier organisation of the same paragraph when the sentence points back to one
   ("этой компании", "руководством банка", "its production");
3. the document's counterpart: the first place, not on the initiator's side, of the title or
   else of the text (known places first, another country before another home region); a union
   the title names with nobody from outside it.
4. for a policy with nobody abroad, the union or country it governs, set by the body its
   sentence names (`_jurisdiction`, `_regulator`).

The initiator is the document's side: the first place of the home countries named in the title,
else the first home region of the text, else the home country; a story that names no home place
is told from the first place it names (a partner search is initiated by the organisation that
searches).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from coopex.domain.geography import Place
from coopex.domain.news import EventType, Mention, MentionKind
from coopex.engines.language import called_after, name_stem
from coopex.engines.news.cues import EventCues, trigger_types
from coopex.engines.news.sentences import sentence_spans

_ORG_FIRST = frozenset(
    {
        EventType.LOCALIZATION_INVITATION,
        EventType.LOCALIZATION_PLAN,
        EventType.NEGOTIATION,
        EventType.AGREEMENT,
        EventType.INVESTMENT,
    }
)

# Events told where something is built or put: their places are often the venue.
_BUILT = frozenset({EventType.LOCALIZATION_PLAN, EventType.INVESTMENT})
# What talks just told may have been about, told "at the meeting" ("В ходе встречи …").
_TOLD_AT_TALKS = frozenset(
    {
        EventType.LOCALIZATION_INVITATION,
        EventType.LOCALIZATION_PLAN,
        EventType.AGREEMENT,
        EventType.INVESTMENT,
    }
)
# "a capacity of 50 MW", "100 GW": a unit after its number, whatever the tagger called it.
_AFTER_A_NUMBER = re.compile(r"\d\s?$")
# Events held somewhere with somebody: the place they are held in ("talks in Beijing", "在哈尔滨
# 签署") is not who they are with (a mission's destination, a forum's city, a plant's region or
# the country partners are sought in are parties).
HELD = frozenset({EventType.NEGOTIATION, EventType.AGREEMENT})
_INVESTED = frozenset({EventType.INVESTMENT, EventType.LOCALIZATION_PLAN})
# what the sides of the talks just told may talk over, sign or plan («Стороны обсудили …»)
_TALKED_OVER = _TOLD_AT_TALKS | {EventType.NEGOTIATION}


@dataclass(frozen=True, slots=True)
class Sentence:
    paragraph: int
    start: int
    end: int
    text: str  # in the form the wordings are read in (Chinese: simplified script)
    mentions: tuple[Mention, ...]
    written: str  # as the document writes it: the evidence


def split_sentences(
    paragraphs: Sequence[str],
    mentions: Sequence[Mention],
    written: Sequence[str] | None = None,
) -> list[Sentence]:
    """`paragraphs` in reading form; `written`: as the document has them (same lengths)."""
    result: list[Sentence] = []
    for number, paragraph in enumerate(paragraphs):
        original = written[number] if written is not None else paragraph
        for start, end in sentence_spans(paragraph):
            inside = tuple(m for m in mentions if m.paragraph == number and start <= m.start < end)
            result.append(
                Sentence(number, start, end, paragraph[start:end], inside, original[start:end])
            )
    return result


def same_party(a: str, b: str) -> bool:
    a, b = a.casefold(), b.casefold()
    return a == b or a in b or b in a


@dataclass(frozen=True, slots=True)
class Sides:
    """The document's two sides, and how to tell which side a place is on."""

    initiator: str
    initiator_place: Place | None
    counterpart: str
    places: Mapping[str, Place | None]
    # Whether the initiator is a home place; else the story is told from the first place it
    # names, which is as likely the side visited as the side visiting.
    from_home: bool = True
    # A city's region as the page names it ("Ярославль": "Ярославская область"), where it does.
    region_of: Mapping[str, str] = field(default_factory=dict)

    def own_side(self, name: str) -> bool:
        place = self.places.get(name)
        if name == self.initiator:
            return True
        if place is None or self.initiator_place is None:
            return False
        own = self.initiator_place
        if place.is_union:
            return own.countries <= place.countries
        if own.is_region:
            return place.code == own.code or place.code in own.countries
        return place.within(own.countries)

    def order(self, name: str) -> tuple[bool, bool]:
        """Which of the other side's places is its party first: one the gazetteer knows before
        a name it does not ("Германия" before "Бонн"), another country before another region
        of the initiator's own (a Japanese embassy's presentation "в Москве" is Japan's)."""
        place = self.places.get(name)
        own = self.initiator_place.countries if self.initiator_place else frozenset()
        return place is None, place is not None and place.within(own)


def document_sides(
    sentences: Sequence[Sentence],
    places: Mapping[str, Place | None],
    home: frozenset[str],
    held_in: re.Pattern[str],
    owner: str | None = None,
    cities: Collection[str] = (),
    datelines: Collection[str] = (),
    title_countries: Collection[str] = (),
) -> Sides:
    """`held_in`: the words before a place an event is held in ("在北京", "в Пекине");
    `owner`: the region the title tells holds the page's event or sends its delegation, the
    story's side when it is a home place; `cities`: the names that are a city's (of the
    region whose code they resolve to), not the region's own; `datelines`: the places named
    as where the story was filed ("新华社明斯克11月26日电", "ASTANA, Nov. 24 (Xinhua) --");
    `title_countries`: the countries the title names by an adjective ("Китайская компания
    построит завод"), the other side before a place the body names only in passing."""
    title = [m for s in sentences if s.paragraph == 0 for m in s.mentions]
    body = [m for s in sentences if s.paragraph > 0 for m in s.mentions]
    located = [
        (m.name, place)
        for m in title + body
        if m.kind is MentionKind.LOCATION and (place := places.get(m.name)) is not None
    ]
    titled = {m.name for m in title}
    # The lead's home region is the story's, even named once ("Встреча с послом Ирана" /
    # "В ходе встречи губернатора Астраханской области … стороны обсудили …").
    lead = next((s for s in sentences if s.paragraph > 0), None)
    led = {
        m.name
        for m in (lead.mentions if lead is not None else ())
        if (place := places.get(m.name)) is not None and place.is_region
    }
    # A home place named once in the body only ("…市场将辐射包括俄罗斯、乌克兰在内的独联体")
    # is mentioned in passing: the story is not told from it.
    codes = [place.code for _, place in located]
    at_home = [
        (name, place)
        for name, place in located
        if place.within(home) and (name in titled or name in led or codes.count(place.code) >= 2)
    ]
    # A story told from neither home side is not told from where it is held ("在北京，北哈州
    # 代表团与中国多家企业举行会谈" is told from North Kazakhstan): a place the text names only
    # after `held_in` comes after the others.
    venues = _venues(sentences, held_in)
    abroad = sorted(located, key=lambda found: found[0] in venues)
    choice = (
        _opening_adjective(sentences, at_home)
        or next(((n, p) for n, p in at_home if n == owner), None)
        or next(((n, p) for n, p in at_home if n in titled), None)
        or next(((n, p) for n, p in at_home if p.is_region), None)
        or next(iter(at_home), None)
        # A story that names no home place is told from the side it names first.
        or next(((n, p) for n, p in abroad if n in titled and n not in venues), None)
        or next(iter(abroad), None)
    )
    # "Ярославль" in the title, "Ярославская область" in the text: the story is the region's,
    # the city one of its places (the dev set's gold names the region)
    region_of = {
        city: region
        for city, place in located
        if city in cities
        and (
            region := next(
                (n for n, p in located if p.code == place.code and n not in cities), None
            )
        )
    }
    if choice is not None and choice[0] in region_of:
        choice = (region_of[choice[0]], choice[1])
    initiator, initiator_place = choice if choice else ("", None)
    from_home = initiator_place is not None and initiator_place.within(home)
    # as written: the recognizer may give "ASTANA" as "Astana"
    in_capitals = {
        m.name
        for sentence in sentences
        for m in sentence.mentions
        if sentence.text[m.start - sentence.start : m.end - sentence.start].isupper()
    }
    dateline = initiator.isupper() or initiator in in_capitals or initiator in datelines
    if not from_home and dateline and initiator_place is not None:
        # Told from a dateline's city ("ASTANA – Kazakh government plans …", "新华社明斯克…电"):
        # the story is its country's, as the page names it.
        initiator, initiator_place = next(
            ((n, p) for n, p in located if p.code in initiator_place.countries),
            (initiator, initiator_place),
        )
    sides = Sides(initiator, initiator_place, "", places, from_home, region_of)
    # A place the gazetteer knows before a name it does not: "Германия" rather than the
    # city "Бонн" it has never heard of, or a misread name.
    places_in_order = sorted(
        (m.name for m in title + body if m.kind is MentionKind.LOCATION), key=sides.order
    )
    organizations = [m.name for m in title if m.kind is MentionKind.ORGANIZATION]
    # A union the title names with nobody from outside it ("EAEU summit in Moscow") is the
    # story's other party: its members act together.
    titled_places = [m.name for m in title if m.kind is MentionKind.LOCATION]
    union = next(
        (n for n in titled_places if (p := places.get(n)) is not None and p.is_union), None
    )
    if union is not None and all(sides.own_side(n) for n in titled_places):
        return Sides(initiator, initiator_place, union, places, from_home, region_of)
    others = [name for name in places_in_order if not sides.own_side(name)]
    # A place named once, in the body, past the lead ("Ранее … в Тульской области", "у липецких
    # и воронежских предприятий") is mentioned in passing: the title's country is the side.
    named = Counter(m.name for m in title + body if m.kind is MentionKind.LOCATION)
    leading = {m.name for m in (lead.mentions if lead is not None else ())}
    in_passing = all(n not in titled and n not in leading and named[n] < 2 for n in others)
    foreign = [c for c in title_countries if not sides.own_side(c)] if in_passing else []
    counterpart = next(iter(foreign or others), organizations[0] if organizations else "")
    return Sides(initiator, initiator_place, counterpart, places, from_home, region_of)


def _venues(sentences: Sequence[Sentence], held_in: re.Pattern[str]) -> set[str]:
    """The places every mention of which is right after the words of where an event is held."""
    held: dict[str, bool] = {}
    for sentence in sentences:
        for m in sentence.mentions:
            if m.kind is MentionKind.LOCATION:
                after = _after_held_in(sentence.text, m.start - sentence.start, 0, held_in)
                held[m.name] = held.get(m.name, True) and after
    return {name for name, only in held.items() if only}


def _after_held_in(text: str, at: int, floor: int, held_in: re.Pattern[str]) -> bool:
    """Whether the words of where an event is held ("в", "in", "在") come in the 25 characters
    of `text` before offset `at`, not reaching back before `floor`."""
    return bool(held_in.search(text[max(floor, at - 25) : at]))


def _opening_adjective(
    sentences: Sequence[Sentence], at_home: Sequence[tuple[str, Place]]
) -> tuple[str, Place] | None:
    """The home region a title opens with by its adjective ("Тульские предприятия представили
    продукцию в Москве", "Пензенская делегация посетила …"): the story is told from it, not from
    the place the title names after it."""
    title = next((s for s in sentences if s.paragraph == 0), None)
    words = re.findall(r"\w+", title.text) if title is not None else []
    if not words or not words[0][:1].isupper():
        return None
    return next(
        (
            (n, p)
            for n, p in at_home
            if p.is_region and called_after(words[0], n) and not words[0].startswith(n)
        ),
        None,
    )


def governed_region(body: str, cues: EventCues) -> str | None:
    """The region an executive committee named by its adjective governs ("Минский
    облисполком" → "Минская область"): the region, not its body, is the party."""
    match = cues.governs.search(body)
    adjective = match.groupdict().get("region_adjective") if match else None
    return f"{adjective}ская область" if adjective else None


class EventReader:
    def __init__(
        self,
        paragraphs: Sequence[str],
        sentences: Sequence[Sentence],
        sides: Sides,
        cues: EventCues,
        adjectives: Sequence[Mention] = (),
    ) -> None:
        self._cues = cues
        # home regions named only by their adjective ("тульские предприятия"): initiators
        self._adjectives = adjectives
        self._paragraphs = paragraphs
        self._sentences = sentences
        self._sides = sides

    def _organizations(self, sentence: Sentence) -> list[Mention]:
        """Organisations that can be a counterpart: not venues, not the speaker's own after a
        quote ("», — сообщила представитель Казанского Кремля"), not on the initiator's side
        ("Агентство инвестиционного развития Чувашии" in a story told from Chuvashia), not a
        place's governing body ("правительство области", "Администрация Перми", "赖奇辛斯克市
        政府": the annotation guideline's party is the place, named beside it or the story's
        side, never its government alone)."""
        paragraph = self._paragraphs[sentence.paragraph]
        said = self._cues.attribution.search(sentence.text)
        attribution = sentence.start + said.start() if said else sentence.end
        return [
            m
            for m in self._firms_and_bodies(sentence)
            if m.start < attribution
            and not self._speaker(m, sentence, paragraph)
            and not self._cues.venue_before.search(paragraph[max(0, m.start - 30) : m.start])
            and not self._cues.document_name.search(m.name)
            and not self._own_organization(m, sentence)
            and not self._credited_source(m, paragraph)
            and not self._cues.plant_name.search(m.name)
            and not _AFTER_A_NUMBER.search(paragraph, max(0, m.start - 3), m.start)
        ]

    def _firms_and_bodies(self, sentence: Sentence) -> list[Mention]:
        """The sentence's organisations that are no place, no place's governing body and no
        title: those that may be a party, of either side."""
        return [
            m
            for m in sentence.mentions
            if m.kind is MentionKind.ORGANIZATION
            and not self._sides.places.get(m.name)
            and not self._cues.governs.search(m.name)
            and not self._cues.title.search(m.name)
        ]

    def _places_abroad_inside(self, organization: Mention, sentence: Sentence) -> list[Mention]:
        """The places of the other side the sentence names inside an organisation's name."""
        return [
            m
            for m in sentence.mentions
            if m.kind is MentionKind.LOCATION
            and organization.start <= m.start < organization.end
            and self._known_abroad(m.name)
        ]

    def _known_abroad(self, name: str) -> bool:
        """A place of the other side that the gazetteer knows."""
        return self._sides.places.get(name) is not None and not self._sides.own_side(name)

    def _body_of_a_region(self, organization: Mention) -> str:
        """The region of the other side a body is named after by its kind word ("Народный
        комитет провинции Лаокай", "Правительство префектуры Тоттори", "People's Committee of
        Quang Nam Province"): the region is the party; else the organisation."""
        words = organization.name.split()
        for at, word in enumerate(words[:-1]):
            if not (self._cues.abroad_before.fullmatch(word) or self._cues.body_of.fullmatch(word)):
                continue
            for end in range(len(words), at + 1, -1):
                name = " ".join(words[at + 1 : end])
                place = self._sides.places.get(name)
                if place is not None and place.is_region and not self._sides.own_side(name):
                    return name
        return organization.name

    def _named_abroad(self, organization: Mention, sentence: Sentence) -> bool:
        """Named after a place of the other side: a place mention inside it, a word that is
        such a place of the page, or its country's adjective ("Mongolian National Chamber")."""
        return (
            bool(self._places_abroad_inside(organization, sentence))
            or any(self._known_abroad(word) for word in organization.name.split())
            or self._of_the_other_side(" ".join(organization.name.split()[:3]))
        )

    def _speaker(self, organization: Mention, sentence: Sentence, paragraph: str) -> bool:
        """The organisation of a speaker the sentence opens with ("По словам министра
        экономики Узбекистана, …", "According to the Ministry of …, …", "黑龙江省商务厅厅长表示，
        …"): it tells of the event, it is not its party."""
        before = paragraph[sentence.start : organization.start]
        after = paragraph[organization.end : sentence.end]
        return bool(
            self._cues.speaker_before.search(before) or self._cues.speaker_after.search(after)
        )

    def _own_firms(self, sentence: Sentence) -> list[Mention]:
        """The organisations of the sentence left out as the initiator's own ones only."""
        return [m for m in self._firms_and_bodies(sentence) if self._own_organization(m, sentence)]

    def _own_organization(self, organization: Mention, sentence: Sentence) -> bool:
        """Named after a place on the initiator's side, as a mention inside it or a word; or a
        zone or park that hosts plants (`zone`: "ОЭЗ «Алабуга»"), the side of its place."""
        if self._cues.zone.search(organization.name) or self._zone_named(organization):
            return True
        inside = any(
            m.kind is MentionKind.LOCATION
            and organization.start <= m.start < organization.end
            and self._sides.own_side(m.name)
            for m in sentence.mentions
        )
        words = organization.name.split()
        return (
            inside
            or any(
                self._sides.places.get(word) is not None and self._sides.own_side(word)
                for word in words
            )
            or self._opens_with_own_place(organization.name)
            or (bool(words) and self._own_adjective(words[0]))
            or self._own_region_adjective(words)
            or self._called_own_firm(organization, sentence)
        )

    def _zone_named(self, organization: Mention) -> bool:
        """A name quoted right after the noun of a zone or park ("в индустриальном парке
        «Ворсино»", "ОЭЗ «Липецк»"): the zone's own name."""
        before = self._paragraphs[organization.paragraph][: organization.start].rstrip()
        if not before.endswith(("«", '"', "“")):
            return False
        words = before[:-1].split()[-2:]
        return any(self._cues.zone.search(" ".join(words[-n:])) for n in (1, 2))

    def _own_region_adjective(self, words: Sequence[str]) -> bool:
        """ "ЗАО «Костромской завод автокомпонентов»" in a story told from Kostroma region: a
        name opened (after a legal form in capitals and its quote) by the adjective of the
        initiator's own region — the region's first word but its last two letters."""
        own = self._sides.initiator_place
        if own is None or not own.is_region:
            return False
        opening = next((w.strip('«»"“„') for w in words if not (w.isupper() and len(w) <= 4)), "")
        region = self._sides.initiator.split()[0] if self._sides.initiator else ""
        if len(opening) < 6 or len(region) < 6 or opening == region:
            return False
        shortest = min(len(opening), len(region))
        pairs = zip(opening.casefold(), region.casefold(), strict=False)
        shared = next((at for at, (a, b) in enumerate(pairs) if a != b), shortest)
        return shared >= shortest - 2

    def _called_own_firm(self, organization: Mention, sentence: Sentence) -> bool:
        """ "Russian automaker KAMAZ" in a story told from Russia: a firm the two words before
        its name call the initiator's own, by its country's or region's adjective and a firm's
        noun."""
        paragraph = self._paragraphs[sentence.paragraph]
        before = paragraph[max(sentence.start, organization.start - 60) : organization.start]
        words = before.rstrip(' «"“„').split()[-2:]
        if len(words) != 2:
            return False
        if self._cues.plant_or_project.match(words[1]) and self._own_region_adjective(words[:1]):
            return True  # "Воронежский завод «Рудгормаш»" in a story told from Voronezh region
        if not self._cues.firm.match(words[1]):
            return False
        if self._own_adjective(words[0]) or self._own_region_adjective(words[:1]):
            return True
        # "Российская компания «Мираторг»" on a page that never names Russia itself
        return bool(self._countries_by_adjective(" ".join(words), own_side=True))

    def _opens_with_own_place(self, name: str) -> bool:
        """A Chinese name (no spaces between its words) that opens with a place of the
        initiator's side the page names ("俄罗斯驻华大使馆" in a story told from Russia)."""
        if any(c.isspace() for c in name) or not any("\u4e00" <= c <= "\u9fff" for c in name):
            return False
        return any(
            len(place) >= 2
            and len(name) > len(place)
            and name.startswith(place)
            and found is not None
            and self._sides.own_side(place)
            for place, found in self._sides.places.items()
        )

    def _own_adjective(self, word: str) -> bool:
        """ "Kazakh Invest" in a story told from Kazakhstan, "Russian Railways" from a Russian
        region: a name opened by the adjective of the initiator's own country (a word longer
        than four letters beginning like a name of it the page gives)."""
        if len(word) < 5 or self._sides.initiator_place is None:
            return False
        own = self._sides.initiator_place.countries
        return any(
            place is not None
            and not place.is_region
            and not place.is_union
            and place.countries == own
            and called_after(word, name)
            for name, place in self._sides.places.items()
        )

    def _credited_source(self, organization: Mention, paragraph: str) -> bool:
        """ "MINSK, 14 June (BelTA) –", "(Казань, 17 мая, «Татар-информ»)": the agency that
        reports the story, in the opening parenthesis, is not a party to it."""
        opening = paragraph.rfind("(", 0, organization.start)
        # Only the dateline's parenthesis: not one of the story's first sentence after it
        # ("УЛЬЯНОВСК, 5 июня. /ТАСС/. Минский автомобильный завод (МАЗ) и …").
        return (
            0 <= opening < 80
            and ")" not in paragraph[opening : organization.start]
            and opening < sentence_spans(paragraph)[0][1]
        )

    def _foreign_places(self, sentence: Sentence) -> list[Mention]:
        """Places not on the initiator's side, those the gazetteer knows first; with none, a
        country the sentence names by one character ("对华出口", "中乌双方"), as the page
        names it elsewhere."""
        named = sorted(
            [
                m
                for m in sentence.mentions
                if m.kind is MentionKind.LOCATION and not self._sides.own_side(m.name)
            ]
            + self._governed(sentence),
            key=lambda m: (*self._sides.order(m.name), self._qualifier(m, sentence)),
        )
        return (
            named
            or self._places_back(sentence)
            or self._short_countries(sentence)
            or self._unnamed_countries(sentence)
        )

    def _places_back(self, sentence: Sentence) -> list[Mention]:
        """The place a sentence points back to by its kind ("该市企业…签订了合作协议" after
        "撒马尔罕市市长…表示"): the last one named before in its paragraph, else in the
        paragraph before, that ends in the word (市, 州, 省) or is a country (该国), not on the
        initiator's side."""
        earlier = [
            m
            for s in self._sentences
            if s.start < sentence.start or s.paragraph < sentence.paragraph
            if sentence.paragraph - 1 <= s.paragraph <= sentence.paragraph
            for m in s.mentions
            if m.kind is MentionKind.LOCATION and not self._sides.own_side(m.name)
        ]
        for pattern in self._cues.place_back:
            match = pattern.search(sentence.text)
            if match is None:
                continue
            groups = match.groupdict()
            for m in reversed(earlier):
                place = self._sides.places.get(m.name)
                word = groups.get("word")
                # "撒马尔罕" + "市": the word may follow a name the gazetteer knows without it
                written = self._paragraphs[m.paragraph][m.start : m.end + 1]
                if (word and (m.name.endswith(word) or written.endswith(word))) or (
                    groups.get("country")
                    and place is not None
                    and not place.is_region
                    and not place.is_union
                ):
                    return [m]
        return []

    def _qualifier(self, mention: Mention, sentence: Sentence) -> bool:
        """A country written right before a region of its own ("中国重庆市", "俄罗斯阿穆尔州",
        "Kyrgyzstan's Chuy region": nothing or its owner's "'s" between): it only says where
        the region is, the region is the party."""
        place = self._sides.places.get(mention.name)
        if place is None or place.is_region or place.is_union:
            return False
        paragraph = self._paragraphs[mention.paragraph]
        return any(
            m.paragraph == mention.paragraph
            and m.start >= mention.end
            and (
                m.start == mention.end
                or self._cues.owner_after.fullmatch(paragraph[mention.end : m.start].strip())
                is not None
            )
            and (region := self._sides.places.get(m.name)) is not None
            and region.is_region
            and region.countries == place.countries
            for m in sentence.mentions
        )

    def _governed(self, sentence: Sentence) -> list[Mention]:
        """The places whose governing bodies the sentence names ("People's Government of Jiangsu
        Province", "Администрация Перми"): the place is the party, as the page names it."""
        found: list[Mention] = []
        for m in sentence.mentions:
            if m.kind is not MentionKind.ORGANIZATION or not self._cues.governs.search(m.name):
                continue
            inside = max(
                (
                    name
                    for name, place in self._sides.places.items()
                    if place is not None
                    and len(name) >= 2
                    and name in m.name
                    and not self._sides.own_side(name)
                ),
                key=len,
                default=None,
            )
            # an executive committee named by its region's adjective governs the region, not
            # the city inside its name ("Минский облисполком": Минская область, not Минск)
            region = governed_region(m.name, self._cues)
            if region and self._sides.places.get(region) is not None:
                inside = None if self._sides.own_side(region) else region
            if inside is not None:
                found.append(Mention(MentionKind.LOCATION, inside, m.paragraph, m.start, m.end))
        return found

    def _short_countries(self, sentence: Sentence) -> list[Mention]:
        """Places the sentence names by one character, in the order it names them: a country
        ("对华", "中乌双方") or a Chinese province ("川企", "赴渝": the group's name is the code,
        "_" for "-")."""
        codes = [
            match.lastgroup.replace("_", "-")
            for _, match in sorted(
                (
                    (match.start(), match)
                    for pattern in self._cues.short_country
                    for match in pattern.finditer(sentence.text)
                    if match.lastgroup
                ),
                key=lambda found: found[0],
            )
            if match.lastgroup
        ]
        found: list[Mention] = []
        for code in dict.fromkeys(codes):
            mention = next(
                (
                    m
                    for s in self._sentences
                    for m in s.mentions
                    if m.kind is MentionKind.LOCATION
                    and (place := self._sides.places.get(m.name)) is not None
                    and place.code == code
                    and not self._sides.own_side(m.name)
                ),
                None,
            )
            if mention is not None:
                found.append(mention)
        return found

    def _unnamed_countries(self, sentence: Sentence, regions_too: bool = False) -> list[Mention]:
        """Countries the page never names, only by their adjective before a party's noun
        ("Chinese partners", "китайские компании"): each by its name in the page's language,
        not the story's own side. `regions_too`: also where the page names only regions or
        cities of the country, not the country itself."""
        # A page naming the country or a place of it is read by those names.
        named = {
            code
            for place in self._sides.places.values()
            if place is not None
            for code in ((place.code,) if regions_too else (place.code, *place.countries))
        }
        own = self._sides.initiator_place
        codes = self._cues.adjective_countries(sentence.text)
        return [
            Mention(MentionKind.LOCATION, name, sentence.paragraph, sentence.start, sentence.start)
            for code in dict.fromkeys(codes)
            if code not in named
            and not (own is not None and code in own.countries)
            and (name := self._cues.country_name.get(code))
        ]

    def _earlier_organization(self, index: int, kind: EventType) -> str | None:
        """The organisation an anaphoric sentence points back to, in its paragraph; for an
        investment, the one the previous sentence names ("Zoomlion plans a plant. The
        investment will be 3 bn roubles."); for what was told at talks just told, the party of
        those talks: their organisation, else the place abroad they were held with."""
        sentence = self._sentences[index]
        if kind is EventType.INVESTMENT and index > 0:
            previous = self._sentences[index - 1]
            named = (
                self._organizations(previous) if previous.paragraph == sentence.paragraph else []
            )
            if named:
                return named[-1].name
            if self._titled_firm is not None and not self._organizations(sentence):
                # "Китайский инвестор вложит 12 млрд рублей …" / "Общий объем инвестиций в
                # проект оценивается в 12 млрд рублей": money of a page about one firm is its
                return self._titled_firm
        if (
            kind in _TOLD_AT_TALKS
            and index > 0
            and (
                self._cues.occasion.search(sentence.text)
                # "… провёл переговоры с компанией X. Стороны подписали соглашение", «Стороны
                # обсудили локализацию»: the sides of the talks just told, naming no party of
                # their own
                or (
                    self._cues.sides_back.search(sentence.text)
                    and (not self._organizations(sentence) or self._sides_as_subject(sentence))
                )
            )
            # "По итогам переговоров подписано соглашение … с провинцией Хэйлунцзян": the
            # party the sentence names itself
            and not self._foreign_places(sentence)
            and any(
                k is EventType.NEGOTIATION
                for k, _, _ in trigger_types(self._sentences[index - 1].text, self._cues)
            )
        ):
            # "… провел переговоры с компанией X. — В ходе встречи обсуждался проект завода":
            # the talks just told are with the party of what was discussed at them; talks with
            # a place abroad ("встретился с губернатором провинции Хэнань. По итогам встречи
            # стороны подписали соглашение") are that place's.
            party = self._party_of(self._sentences[index - 1])
            if party is not None:
                return party
        if not self._cues.points_back.search(sentence.text):
            if (
                kind in _TALKED_OVER
                and self._cues.sides_back.search(sentence.text)
                and (not self._organizations(sentence) or self._sides_as_subject(sentence))
                and not self._foreign_places(sentence)
            ):
                # «Также стороны обсудили …» further on: the sides of the last event told
                # with a party of its own, not the country of the story's other side
                return next(
                    (
                        party
                        for told in reversed(self._sentences[:index])
                        if trigger_types(told.text, self._cues)
                        and (party := self._party_of(told)) is not None
                    ),
                    None,
                )
            return None
        earlier = [
            m
            for s in self._sentences[:index]
            if s.paragraph == sentence.paragraph
            for m in self._organizations(s)
        ] or [
            # a paragraph of one sentence points back to the paragraph before it
            m
            for s in self._sentences[:index]
            if s.paragraph == sentence.paragraph - 1
            for m in self._organizations(s)
        ]
        if not earlier:
            return None
        stems = {name_stem(w) for w in re.findall(r"\w{5,}", sentence.text)}
        for mention in reversed(earlier):
            if any(name_stem(w) in stems for w in mention.name.split() if len(w) >= 4):
                return mention.name
        return earlier[-1].name

    @cached_property
    def _titled_firm(self) -> str | None:
        """The firm a title calls by its country alone ("Китайский инвестор вложит …", "Турецкая
        компания откроет …", `one_firm`): the first organisation of the lead not of the
        story's own side, where the lead names one."""
        title = next((s for s in self._sentences if s.paragraph == 0), None)
        if title is None or not self._cues.one_firm.search(title.text):
            return None
        lead = [s for s in self._sentences if s.paragraph == 1]
        return next(
            (
                m.name
                for s in lead
                for m in self._organizations(s)
                if not self._own_organization(m, s)
            ),
            None,
        )

    def _sides_as_subject(self, sentence: Sentence) -> bool:
        """«Кроме того, стороны обсудили поставки на предприятия «КАМАЗа» и «ГАЗа»»: the story's
        sides are the subject, and the organisations named after them only what is talked
        over, none governed by "with" (not «стороны обсудили сотрудничество с «КАМАЗом»»)."""
        sides = self._cues.sides_back.search(sentence.text)
        if sides is None:
            return False  # most sentences: their organisations need not be looked for
        organizations = self._organizations(sentence)
        paragraph = self._paragraphs[sentence.paragraph]
        return bool(organizations) and all(
            m.start - sentence.start >= sides.end()
            and not self._cues.with_party.search(paragraph[max(0, m.start - 25) : m.start])
            for m in organizations
        )

    def _party_of(self, told: Sentence) -> str | None:
        """The party a sentence tells an event with: its organisation, else the place abroad
        it names."""
        named = self._organizations(told)
        if named:
            return named[0].name
        abroad = self._foreign_places(told)
        return self._pair_part(abroad[0].name) if abroad else None

    def counterparts(
        self, index: int, kind: EventType, trigger_end: int
    ) -> list[tuple[str, bool, bool]]:
        """Who the event may be with, in the rules' order, each with whether it is an
        organisation named in the sentence and whether the rules' order has it; then the
        sentence's other parties and the document's other side, for a model to weigh
        (engines/news/event_scoring.py)."""
        sentence = self._sentences[index]
        organizations = self._organizations(sentence)
        if kind in _TALKED_OVER and self._sides_as_subject(sentence):
            # what the sides talk over is no party, but the firm whose production they talk of
            # localizing is the one invited («Стороны обсудили локализацию производства
            # компании Dongfeng»: the annotation guideline's talks about localizing)
            paragraph = self._paragraphs[sentence.paragraph]
            organizations = [
                m
                for m in organizations
                if kind is EventType.LOCALIZATION_INVITATION
                and self._cues.production_of.search(paragraph[max(0, m.start - 60) : m.start])
            ]
        # The party named right after the trigger ("переговоры с X") before any other.
        # Before it, the party the sentence governs by "with" ("A与B签署协议": B).
        paragraph = self._paragraphs[sentence.paragraph]
        organizations.sort(
            key=lambda m: (
                kind in HELD
                and not self._cues.with_party.search(paragraph[sentence.start : m.start]),
                m.start - sentence.start < trigger_end,
                m.start,
            )
        )
        invites = self._cues.inviting.search(sentence.text)
        firms_of: list[str] = []
        # inviters of an invitation, lenders of a plan: named, yet no party
        not_parties: list[str] = []
        if kind is EventType.LOCALIZATION_INVITATION and invites is not None:
            # The invited is the inviting word's object ("invited Haier to localize … in the
            # Naberezhnye Chelny industrial park"), not the inviter before it nor the site after.
            after = sentence.start + invites.end()
            organizations.sort(key=lambda m: (m.start < after, m.start))
        elif kind is EventType.LOCALIZATION_INVITATION:
            # Nobody invites: a presentation of the presenter's own potential ("a presentation
            # on Alabuga SEZ's investment potential"): its owner presents, it is not invited,
            # nor is a part of it ("Alabuga SEZ's China Division").
            paragraph = self._paragraphs[sentence.paragraph]
            organizations = [
                m
                for m in organizations
                if not self._cues.owner_after.match(paragraph, m.end)
                and not self._cues.owner_after.match(paragraph, max(0, m.start - 3))
            ]
        places = [self._pair_part(m.name) for m in self._foreign_places(sentence)]
        if kind is EventType.NEGOTIATION:
            places = list(dict.fromkeys(self.story_region(name) for name in places))
        named = [m.name for m in organizations]
        if kind is EventType.NEGOTIATION:
            # "встреча с председателем Политического консультативного совета провинции
            # Хэйлунцзян": talks with a province's body are the province's
            named = list(dict.fromkeys(self._body_of_a_region(m) for m in organizations))
        if kind is EventType.PARTNER_SEARCH:
            sought = self._sought(sentence, places)
            following = re.findall(r"\w+", sentence.text[trigger_end:])[:4]
            # the word before the sought noun's, inside the wording ("найти нижегородских
            # поставщиков"), or the words after it
            qualifier = re.findall(r"\w+", sentence.text[:trigger_end])[-2:-1]
            own_called = any(self._own_adjective(word) for word in following) or any(
                self._own_adjective(word) or self._own_region_adjective([word])
                for word in qualifier
            )
            if (
                (own_called and not any(self._own_organization(m, sentence) for m in organizations))
                or (
                    not organizations and self._firms_of_the_other_side(sentence.text[:trigger_end])
                )
                or self._searchers_from_abroad(sentence, organizations, trigger_end)
            ):
                # "interested in cooperation with the Belarusian producers", told from Belarus;
                # "ОАО «Минский моторный завод» намерено найти нижегородских поставщиков", told
                # from Nizhny Novgorod; "heads of Chinese companies … expressed interest", told
                # from Kazakhstan: partners sought on the story's own side
                sought = self._sides.initiator
            return [(sought, False, True)] if sought else []
        if kind is EventType.LOCALIZATION_INVITATION:
            # Invited: a named company, else the other side of the story, not the venue: the
            # companies of a country are invited, not the city abroad a presentation is held in
            # ("на форуме в Пекине пригласил китайские компании" invites China).
            earlier = self._earlier_organization(index, kind)
            # The story's other side only where the gazetteer knows it: a name it does not
            # ("«…мы провели роуд-шоу»", on a page whose other place is a town at home the
            # gazetteer has never heard of) is no side invited.
            other = (
                self._sides.counterpart if self._sides.places.get(self._sides.counterpart) else ""
            )
            abroad = [self._country_of(n) for n in [other, *places] if n]
            # The firms of a place the inviting words name ("希望中国企业…投资") before any
            # organisation the sentence names later.
            firms_of = self._firms_invited(sentence, invites) if invites is not None else []
            # The firms of a country invited by its adjective ("пригласил китайские компании")
            # are the country's, not a province's the page names elsewhere (the annotation
            # names the country and "китайские компании").
            adjective = [] if places else [m.name for m in self._unnamed_countries(sentence, True)]
            not_parties = self._inviters(sentence, organizations, invites)
            invited = [name for name in named if name not in not_parties]
            order = [*firms_of, *invited, earlier, *adjective, *abroad]
        elif kind in _ORG_FIRST:
            earlier = self._earlier_organization(index, kind)
            if kind is EventType.LOCALIZATION_PLAN:
                # A lender before the wording ("Сбербанк предоставит кредит на строительство
                # завода") finances the plant: it is no party of the plan (its investment is
                # read on its own).
                not_parties = self._subjects_of(sentence, organizations, self._cues.lends)
                # A local partner the plant is built with ("with local partner Allur Group")
                # helps the plan's firm: no plan of its own.
                # Nor is a bank the plant is financed by ("financed by VEB", «за счёт кредита
                # Сбербанка»): its money is told as its own.
                not_parties += [
                    m.name
                    for m in organizations
                    if self._cues.local_partner.search(paragraph[max(0, m.start - 40) : m.start])
                    or self._cues.financed_by.search(paragraph[max(0, m.start - 40) : m.start])
                ]
                named = [name for name in named if name not in not_parties]
            if kind in HELD:
                # Where it is held after who it is with: "В Пекине губернатор подписал
                # соглашение с провинцией Хэйлунцзян", "在哈尔滨，黑龙江省与滨海边疆区签署".
                places.sort(key=lambda name: self.held_in(sentence, name))
            # Where a plant goes, a place the gazetteer does not know ("В Колышлейском районе
            # мы планируем выпускать краны") is more often the venue at home than the party:
            # the story's other side first.
            known = [n for n in places if kind not in _BUILT or not self._sides.order(n)[0]]
            unknown = [name for name in places if name not in known]
            headed = self._region_of_a_head(sentence) if kind in HELD else None
            if headed is not None:
                # "между акимом области X и главой Республики Y": the akim's region, named with
                # his title elsewhere on the page ("пресс-служба акима Кызылординской области")
                known = [headed, *(n for n in known if n != headed)]
            if not named and kind in _INVESTED and sentence.paragraph == 0:
                # "Китайский инвестор вложит 12 млрд рублей …": one firm the title calls by its
                # country is the firm the lead names
                earlier = self._titled_firm or earlier
            order = [*named, earlier, *known, self._sides.counterpart, *unknown]
            if kind in HELD:
                held: list[str | None] = [n for n in order if n and self.held_in(sentence, n)]
                order = [name for name in order if name not in held] + held
                # With nobody else to sign or talk with, the side's own firm is the party
                # ("Губернатор и «Калужский завод» подписали соглашение": a region's
                # agreement with a firm named after it, a special investment contract).
                order += [m.name for m in self._own_firms(sentence)]
        elif kind is EventType.TRADE_FIGURE:
            # Trade is between the two places the sentence names ("our trade with Russia"),
            # whichever side they are on.
            # A region of the initiator's own country is the figure's initiator rather than its
            # counterpart, unless nobody else is named ("…, Governor of Irkutsk region").
            at_home = [name for name in places if self._sides.order(name)[1]]
            own = [
                m.name
                for m in sentence.mentions
                if m.kind is MentionKind.LOCATION
                and self._sides.places.get(m.name) is not None
                and m.name not in at_home
                and not self._country_of_a_region(m.name, sentence)
            ]
            abroad = [name for name in places if name not in at_home]
            order = [*abroad, *own, self._sides.counterpart, *at_home]
        elif kind is EventType.PRODUCT_PRESENTATION:
            # Presented abroad: to the country the page names, not to the exhibition's city;
            # a name the gazetteer does not know (a transport corridor, a zone) after the
            # story's other side.
            known = [n for n in places if self._sides.places.get(n) is not None]
            unknown = [n for n in places if n not in known]
            order = [self._country_of(n) for n in [*known, self._sides.counterpart, *unknown] if n]
        elif kind is EventType.FORUM:
            # A forum named as an organisation ("Всероссийская биржа промышленной кооперации")
            # is its own party when nobody abroad is named but a name the gazetteer does not
            # know; a forum at home with nobody from abroad is with the home country ("Форум
            # завершается" on a page about the Sochi forum: the annotation guideline's Russia).
            other = self._sides.counterpart
            known = [other] if self._sides.places.get(other) is not None else []
            unknown = [other] if not known else []
            home = self._home_country() or self._unnamed_home_country(sentence)
            if home and known and not places and self._named_later(other, index):
                # "приняла участие в Петербургском международном экономическом форуме", the
                # other side named only after it ("…соглашение с Республикой Беларусь"): a
                # forum at home, with the home country (the guideline's Sochi forum)
                order = [*self.forum_names(sentence), home, *known]
            else:
                order = [*places, *known, *self.forum_names(sentence), *unknown, home]
        elif kind is EventType.BUSINESS_MISSION:
            # A body abroad the visit goes to, with no place abroad named ("visited the
            # Istanbul Chamber of Commerce"): the place visited is that body.
            paragraph = self._paragraphs[sentence.paragraph]
            bodies = [
                m.name
                for m in organizations
                if self._cues.visited_body.search(paragraph[sentence.start : m.start])
                and self._named_abroad(m, sentence)
            ]
            order = [*places, *bodies, self._sides.counterpart]
        else:
            order = [*places, self._sides.counterpart]
        others = [
            m.name
            for m in sentence.mentions
            if m.kind is not MentionKind.PERSON and m.name not in not_parties
        ]
        options: list[tuple[str, bool, bool]] = []
        ruled = len(order)
        # The story's own side is a party when its firms are the invited ones.
        invited_home = [n for n in firms_of if self._sides.own_side(n)] if firms_of else []
        last = self._sides.counterpart
        if kind is EventType.LOCALIZATION_INVITATION and not self._sides.places.get(last):
            last = ""  # an invitation of nobody named, not of a name the gazetteer does not know
        for at, name in enumerate([*order, *others, last]):
            if (
                name
                and (not same_party(name, self._sides.initiator) or name in invited_home)
                and all(name != known for known, _, _ in options)
            ):
                options.append((name, name in named, at < ruled))
        if kind is EventType.POLICY and not any(ruled for _, _, ruled in options):
            # Nobody abroad: a policy made for one's own country or union ("Минпромторг
            # утвердил новые меры поддержки", "Совет ЕЭК подвёл итоги механизма
            # субсидирования") is with the country or union it governs, set by the body the
            # sentence names (`initiator`); without such a body it is nobody's event.
            governed = self._jurisdiction(sentence)
            named_abroad = any(
                m.kind is MentionKind.LOCATION and not self._sides.own_side(m.name)
                for m in sentence.mentions
            )
            if governed and not named_abroad and self._regulator(sentence, governed):
                options.insert(0, (governed, False, True))
        return options

    def _inviters(
        self, sentence: Sentence, organizations: Sequence[Mention], invites: re.Match[str] | None
    ) -> list[str]:
        """The organisations that invite: before an inviting verb in the singular, not governed
        by "with" ("Минпромторг пригласил инвесторов из Китая"); they are no party of the
        invitation. A plural verb may follow its object ("Компанию Haier пригласили …"), so it
        names no inviter."""
        if invites is None:
            return []
        words = re.search(r"\w*", sentence.text[invites.end() :])
        span = sentence.text[invites.start() : invites.end() + (words.end() if words else 0)]
        verb = self._cues.invites_alone.search(span)
        if verb is None:
            return []
        return self._named_before(sentence, organizations, invites.start() + verb.start())

    def _subjects_of(
        self, sentence: Sentence, organizations: Sequence[Mention], verb: re.Pattern[str]
    ) -> list[str]:
        """The organisations before the verb's wording, where the sentence has it."""
        found = verb.search(sentence.text)
        return [] if found is None else self._named_before(sentence, organizations, found.start())

    def _named_before(
        self, sentence: Sentence, organizations: Sequence[Mention], offset: int
    ) -> list[str]:
        """The organisations named before `offset` in the sentence, not governed by "with"."""
        paragraph = self._paragraphs[sentence.paragraph]
        return [
            m.name
            for m in organizations
            if m.end <= sentence.start + offset
            and not self._cues.with_party.search(paragraph[sentence.start : m.start])
        ]

    def _jurisdiction(self, sentence: Sentence) -> str:
        """The union the sentence, else the page, names; else the story's own country."""
        union = next(self._unions([sentence]), None) or self._page_union
        if union is not None:
            return union
        own = self._sides.initiator_place
        if own is not None and not own.is_region:
            return self._sides.initiator
        return self._home_country()

    @cached_property
    def _page_union(self) -> str | None:
        """The first union the page names."""
        return next(self._unions(self._sentences), None)

    def _unions(self, sentences: Sequence[Sentence]) -> Iterator[str]:
        return (
            m.name
            for s in sentences
            for m in s.mentions
            if m.kind is MentionKind.LOCATION
            and (place := self._sides.places.get(m.name)) is not None
            and place.is_union
        )

    def _regulator(self, sentence: Sentence, governed: str) -> str | None:
        """The body the sentence names that sets a policy for the place it governs."""
        return next(
            (
                m.name
                for m in sentence.mentions
                if m.kind is MentionKind.ORGANIZATION and not same_party(m.name, governed)
            ),
            None,
        )

    def _region_of_a_head(self, sentence: Sentence) -> str | None:
        """The region of the other side whose head the sentence calls by his title only
        ("акимом области Иваном Петровым", `head_unnamed`): the one the page names right after
        that title elsewhere ("акима Карагандинской области", `head_before`)."""
        unnamed = self._cues.head_unnamed.search(sentence.text)
        if unnamed is None:
            return None
        at = sentence.start + unnamed.start()
        if any(
            m.kind is MentionKind.LOCATION and at <= m.start < sentence.start + unnamed.end()
            for m in sentence.mentions
        ):
            return None
        for other in self._sentences:
            paragraph = self._paragraphs[other.paragraph]
            for m in other.mentions:
                if (
                    m.kind is MentionKind.LOCATION
                    and self._known_abroad(m.name)
                    and self._cues.head_before.search(paragraph[max(0, m.start - 25) : m.start])
                ):
                    return m.name
        return None

    def forum_names(self, sentence: Sentence) -> list[str]:
        """The organisations of the sentence named as a forum ("Всероссийская биржа
        промышленной кооперации", "Российско-Китайское ЭКСПО"): the event, not a party to
        talks at it."""
        return [
            m.name
            for m in sentence.mentions
            if m.kind is MentionKind.ORGANIZATION
            and any(
                kind is EventType.FORUM and pattern.search(m.name)
                for kind, pattern in self._cues.triggers
            )
        ]

    def _named_later(self, name: str, index: int) -> bool:
        """Whether the page names `name` only after its sentence `index` (title included)."""
        return not any(m.name == name for s in self._sentences[: index + 1] for m in s.mentions)

    def _home_country(self) -> str:
        """The country of a home region the story is told from, as the page names it."""
        own = self._sides.initiator_place
        if own is None or not own.is_region:
            return ""
        return self._named_country(own.countries) or ""

    def _unnamed_home_country(self, sentence: Sentence) -> str:
        """The home country, by its name in the page's language, of a forum held in a place
        at home the page never names the country of («На Российском инвестиционном форуме в
        Сочи Краснодарский край подписал …»: the guideline's Sochi forum is Russia's)."""
        own = self._sides.initiator_place
        if own is None or not own.is_region or len(own.countries) != 1:
            return ""
        at_home = any(
            m.kind is MentionKind.LOCATION
            and not same_party(m.name, self._sides.initiator)
            and self._sides.own_side(m.name)
            for m in sentence.mentions
        )
        return self._cues.country_name.get(next(iter(own.countries)), "") if at_home else ""

    def _named_country(self, countries: frozenset[str]) -> str | None:
        """The name the page gives the country of these ISO codes: the country's own name
        where the page writes it, else the first name that stands for it (a city the
        gazetteer knows only by its country, "New Delhi", may come before "India")."""
        names = [
            m.name
            for s in self._sentences
            for m in s.mentions
            if m.kind is MentionKind.LOCATION
            and (place := self._sides.places.get(m.name)) is not None
            and not place.is_region
            and not place.is_union
            and place.countries == countries
        ]
        own = self._own_names(countries)
        return next((name for name in names if name in own), names[0] if names else None)

    def _own_names(self, countries: frozenset[str]) -> set[str]:
        """The names these countries go by in the page's language ("India", «Россия»)."""
        return {name for code in countries if (name := self._cues.country_name.get(code))}

    def _firms_invited(self, sentence: Sentence, invites: re.Match[str]) -> list[str]:
        """A place abroad written, from the inviting words on, right before a firm word
        ("希望中国企业在…投资": China's firms are invited); a place of the story's own side
        too when a place of the other side follows as the host ("欢迎俄罗斯企业来黑龙江投资",
        told from Russia: Russia's firms are invited to Heilongjiang)."""
        paragraph = self._paragraphs[sentence.paragraph]
        locations = [m for m in sentence.mentions if m.kind is MentionKind.LOCATION]
        named = [
            m.name
            for m in locations
            if m.start >= sentence.start + invites.start()
            and self._cues.firm.match(paragraph, m.end) is not None
            and (
                not self._sides.own_side(m.name)
                or any(h.start > m.end and not self._sides.own_side(h.name) for h in locations)
            )
        ]
        return named or self._own_firms_invited_abroad(sentence, invites, locations)

    def _own_firms_invited_abroad(
        self, sentence: Sentence, invites: re.Match[str], locations: Sequence[Mention]
    ) -> list[str]:
        """The story's own country's firms, called by its adjective after the inviting words,
        invited to a host abroad the sentence names after them («Вьетнам призвал российские
        компании локализовать производство во Вьетнаме», told from Russia): the country's."""
        codes = self._countries_by_adjective(sentence.text[invites.start() :], own_side=True)
        host_abroad = any(
            m.start >= sentence.start + invites.start() and not self._sides.own_side(m.name)
            for m in locations
        )
        names = [
            self._named_country(frozenset({c})) or self._cues.country_name.get(c) for c in codes
        ]
        return [name for name in dict.fromkeys(names) if name] if host_abroad else []

    def _country_of_a_region(self, name: str, sentence: Sentence) -> bool:
        """Whether `name` is the country of a region the sentence trades from: a
        region's trade is with abroad, not with its own country ("the foreign trade turnover of
        the Amur region …, the region ranks 10th in Russia")."""
        place = self._sides.places.get(name)
        if place is None or place.is_region or place.is_union:
            return False
        # Only a region of the sentence itself: "our trade with Russia", said in a story from a
        # Russian region, is the speaker's trade with Russia.
        regions = [self._sides.places.get(m.name) for m in sentence.mentions]
        return any(
            region is not None and region.is_region and region.countries == place.countries
            for region in regions
        )

    def own_side(self, name: str) -> bool:
        """Whether a place is on the story's own side (the initiator's)."""
        return self._sides.own_side(name)

    def names(self, sentence: Sentence, party: str) -> bool:
        """Whether the sentence names the party: by name, by one character ("中俄双方"), or by
        its kind pointing back ("该市企业")."""
        if any(same_party(m.name, party) for m in sentence.mentions):
            return True
        readers = (self._short_countries, self._unnamed_countries, self._places_back)
        return any(m.name == party for read in readers for m in read(sentence))

    def held_in(self, sentence: Sentence, name: str) -> bool:
        """Whether the sentence names the place only as where its event is held ("в Пекине",
        "in Beijing", "在哈尔滨")."""
        paragraph = self._paragraphs[sentence.paragraph]
        named = [m for m in sentence.mentions if m.name == name]
        return bool(named) and all(
            m.kind is MentionKind.LOCATION
            and _after_held_in(paragraph, m.start, sentence.start, self._cues.held_in)
            for m in named
        )

    def visitor(self, sentence: Sentence) -> str | None:
        """The place a sentence's delegation or envoy comes from, when it is not on the
        initiator's side ("The delegation of Hunan Province visited Minsk", "湖南省代表团",
        "Посол Вьетнама находится с рабочим визитом …"): a visit received, told from the host's
        side."""
        paragraph = self._paragraphs[sentence.paragraph]
        # "В Тегеране губернатор встретился с делегацией Исламской Республики Иран": held at
        # the other side's place, its delegation is the host's; the home side visits
        abroad = self._held_abroad(sentence)
        for mention in () if abroad else sentence.mentions:
            # a Chinese organisation opening with its place ("白俄罗斯工业部" + "部长一行")
            name = (
                mention.name
                if mention.kind is MentionKind.LOCATION
                else self._opening_place(mention.name)
            )
            if not name or self._sides.own_side(name):
                continue
            before = paragraph[sentence.start : mention.start]
            if self._sides.places.get(name) is None and not (
                self._sides.from_home and self._cues.abroad_before.search(before)
            ):
                continue  # a name the gazetteer does not know: no side to tell, unless its
                # place word is of no home country ("делегация провинции Биньзыонг")
            after = paragraph[mention.end : min(sentence.end, mention.end + 30)]
            if self._cues.delegation_of.search(before) or self._cues.delegation_by.search(after):
                return self.story_region(name)
        return (
            self._visit_received(sentence)
            or self._visiting_firm(sentence)
            or self._visiting_office(sentence)
            or self._delegation_by_adjective(sentence)
            or self._visitors_called_abroad(sentence)
        )

    def _held_abroad(self, sentence: Sentence) -> bool:
        """Whether a story told from home has the sentence held at a place of the other side
        the gazetteer knows ("В Тегеране …", "в Исламской Республике Иран"), not one a
        delegation's words name as its sender."""
        if not self._sides.from_home:
            return False
        paragraph = self._paragraphs[sentence.paragraph]
        return any(
            m.kind is MentionKind.LOCATION
            and self._known_abroad(m.name)
            and _after_held_in(paragraph, m.start, sentence.start, self._cues.held_in)
            and not self._cues.delegation_of.search(paragraph[sentence.start : m.start])
            for m in sentence.mentions
        )

    def _delegation_by_adjective(self, sentence: Sentence) -> str | None:
        """The country of another side whose adjective calls a delegation that visits a home
        place the sentence names or points back to ("Турецкая делегация посетила Кубань",
        «… посетила регион»): a visit received."""
        if not self._sides.from_home or not self._home_visited(sentence):
            return None
        own = self._sides.initiator_place
        for match in self._cues.delegation_noun.finditer(sentence.text):
            for code in self._cues.adjective_countries(match.group()):
                name = self._cues.country_name.get(code)
                if name and not (own is not None and code in own.countries):
                    return name
        return None

    def _home_visited(self, sentence: Sentence) -> bool:
        """Whether the sentence names a place of the initiator's side or points back to it by
        its kind («в регион», "to the region", 来我省)."""
        return (
            self._own_place_named(sentence) is not None
            or self._cues.home_back.search(sentence.text) is not None
        )

    def _visitors_called_abroad(self, sentence: Sentence) -> str | None:
        """The story's other side when the first visitors a sentence speaks of are called by
        its country's adjective and the sentence names a home place they come to ("The Iranian
        ambassador paid a working visit to Astrakhan Region", "A delegation of Vietnamese
        businessmen is visiting Bashkortostan"): a visit received, that country its visitor."""
        if not self._sides.from_home or not self._home_visited(sentence):
            return None
        first = self._cues.visitor_noun.search(sentence.text)
        if first is None:
            return None
        if self._of_the_other_side(sentence.text[: first.end()]):
            return self._country_of(self._sides.counterpart)
        # a country the page names only by that adjective ("The Iranian ambassador …" on a page
        # naming no Iran), not the home one
        own = self._sides.initiator_place
        words = re.findall(r"\w+", sentence.text[: first.end()])[-3:]
        # the language's own adjectives first ("Turkish" is Turkey's, though it begins like
        # Turkmenistan), then a country whose name the word begins like
        adjectives = [code for word in words if (code := self._cues.country_of_adjective(word))]
        return next(
            (
                name
                for code in adjectives
                if not (own is not None and code in own.countries)
                and (name := self._cues.country_name.get(code))
            ),
            None,
        ) or next(
            (
                name
                for code, name in self._cues.country_name.items()
                if not (own is not None and code in own.countries)
                and any(called_after(word, name) for word in words)
            ),
            None,
        )

    def _visit_received(self, sentence: Sentence) -> str | None:
        """The place of the other side a sentence names when the visit it tells comes to a
        place of the initiator's own ("…, — заявил во время визита в Приамурье представитель
        провинции Хэйлунцзян"): a visit received, that place its visitor."""
        if not self._sides.from_home:
            return None
        paragraph = self._paragraphs[sentence.paragraph]
        located = [
            m
            for m in sentence.mentions
            if m.kind is MentionKind.LOCATION and self._sides.places.get(m.name) is not None
        ]
        visited = [
            m
            for m in located
            if self._sides.own_side(m.name)
            and self._cues.visit_to.search(paragraph[sentence.start : m.start])
        ]
        if not visited:
            return None
        abroad = next((m.name for m in located if not self._sides.own_side(m.name)), None)
        if abroad is not None:
            return self.story_region(abroad)
        # "…, — заявил во время визита в Приамурье представитель комитета по торговле": a
        # visitor named by no place is of the story's other side
        other = self._sides.counterpart
        known = other and self._sides.places.get(other) is not None
        named = self._cues.visitor_person.match(paragraph, visited[0].end, sentence.end)
        if named and known and not self._sides.own_side(other):
            return other
        # "The Foundation said it would dispatch a delegation to Astrakhan": the organisation
        # the sentence points back to sends it
        index = self._sentences.index(sentence)
        return self._earlier_organization(index, EventType.BUSINESS_MISSION)

    def story_region(self, name: str) -> str:
        """The story's other side when it is a region of the country `name` is ("中国代表团"
        on a page about Minsk and Shenzhen is Shenzhen's): a delegation or a side called by
        its country is the region the story is about."""
        place = self._sides.places.get(name)
        other = self._sides.places.get(self._sides.counterpart)
        if place is None or place.is_region or place.is_union or other is None:
            return name
        if other.is_region and other.within(place.countries):
            return self._sides.counterpart
        return name

    def _visiting_firm(self, sentence: Sentence) -> str | None:
        """A firm of another country whose representatives visit a home place the sentence
        names ("Представители индийской компании Tata Motors посетили Калужскую область"): a
        visit received, the firm its visitor."""
        if not self._sides.from_home or self._own_place_named(sentence) is None:
            return None
        paragraph = self._paragraphs[sentence.paragraph]
        for mention in self._organizations(sentence):
            before = paragraph[max(sentence.start, mention.start - 60) : mention.start]
            tail = " ".join(before.split()[-3:])
            abroad = self._countries_by_adjective(tail, own_side=False)
            if abroad and self._cues.representatives.search(before):
                return mention.name
        return None

    def _visiting_office(self, sentence: Sentence) -> str | None:
        """An embassy, consulate or trade mission whose staff visit a home place the sentence
        names ("Представители Посольства РФ в Белоруссии посетили предприятия Брянщины"): a
        visit received, the office its visitor (a foreign office is its country's: "Посольство
        Вьетнама" visits for Vietnam)."""
        if not self._sides.from_home or self._own_place_named(sentence) is None:
            return None
        paragraph = self._paragraphs[sentence.paragraph]
        for mention in sentence.mentions:
            if mention.kind is not MentionKind.ORGANIZATION or not self._cues.seated.search(
                mention.name
            ):
                continue
            before = paragraph[sentence.start : mention.start]
            if before.strip() and not self._cues.representatives.search(before):
                continue  # an office the sentence names as no visitor ("в посольстве …")
            abroad = next(
                (
                    m.name
                    for m in self._places_abroad_inside(mention, sentence)
                    if not _after_held_in(paragraph, m.start, mention.start, self._cues.held_in)
                ),
                None,
            )
            return self.story_region(abroad) if abroad is not None else mention.name
        return None

    def _opening_place(self, name: str) -> str | None:
        """The longest place of the page a Chinese organisation's name opens with ("白俄罗斯" of
        "白俄罗斯工业部"); none for a name written with spaces or without Chinese characters."""
        if any(c.isspace() for c in name) or not any("\u4e00" <= c <= "\u9fff" for c in name):
            return None
        return max(
            (
                place
                for place in self._sides.places
                if len(place) >= 2 and len(name) > len(place) and name.startswith(place)
            ),
            key=len,
            default=None,
        )

    def visited_first_side(self, sentence: Sentence) -> str | None:
        """In a story told from neither home side, the initiator's side a mission's sentence
        names is the side visited ("Belarusian delegation visits Shandong": the story is told
        from Shandong, its first place)."""
        if self._sides.from_home or not self._sides.counterpart:
            return None
        return self._own_place_named(sentence)

    def _pair_part(self, name: str) -> str:
        """A place named as a pair ("Central Asia - China", "Russia–Belarus"): the other side's
        part the gazetteer knows is the party (the pair is no place of its own)."""
        parts = _PAIR.split(name)
        if len(parts) != 2 or self._sides.places.get(name) is not None:
            return name
        return next(
            (part for part in parts if self._known_abroad(part)),
            name,
        )

    def exhibitors_abroad(self, sentence: Sentence, trigger_end: int) -> str | None:
        """The country of the story's other side when the firms a presentation's sentence
        speaks of before its wording are called by that country's adjective ("Over 140 Chinese
        companies … demonstrated their machinery", told from Russia): they present, the
        story's own side is shown to."""
        if not self._sides.counterpart or not self._sides.initiator:
            return None
        owner = self._presentation_owner(sentence, trigger_end)
        if owner is not None:
            return self._country_of(owner)
        if not self._firms_of_the_other_side(sentence.text[:trigger_end]):
            return None
        return self._country_of(self._sides.counterpart)

    def _presentation_owner(self, sentence: Sentence, trigger_end: int) -> str | None:
        """A place of the story's other side that names the presentation, written right
        before its word with nothing but nouns between ("白俄罗斯共和国经贸合作推介会"): it
        presents (not a venue: "在莫斯科举办推介会" has a verb between)."""
        for m in sentence.mentions:
            if m.kind is not MentionKind.LOCATION or m.end > trigger_end:
                continue
            if self._sides.places.get(m.name) is None or self._sides.own_side(m.name):
                continue
            if self._cues.owner_before.match(sentence.text[m.end : trigger_end]):
                return m.name
        return None

    def visitor_side(self) -> str:
        """The story's other side, as the visitor of its first side."""
        return self._sides.counterpart

    def host(self, sentence: Sentence) -> str:
        """Who receives a visit: the initiator's side the sentence names, else the story's."""
        return self._own_place_named(sentence) or self._sides.initiator

    def _own_place_named(self, sentence: Sentence) -> str | None:
        """The first place of the initiator's side the sentence names, not as part of an
        organisation's name ("Посольство РФ в Белоруссии" names no place visited) nor as the
        country an envoy is sent to ("Vietnamese Ambassador to Russia")."""
        paragraph = self._paragraphs[sentence.paragraph]
        offices = [
            o
            for o in sentence.mentions
            if o.kind is MentionKind.ORGANIZATION and self._cues.seated.search(o.name)
        ]
        return next(
            (
                m.name
                for m in sentence.mentions
                if m.kind is MentionKind.LOCATION
                and self._sides.places.get(m.name) is not None
                and self._sides.own_side(m.name)
                and not any(o.start <= m.start and m.end <= o.end for o in offices)
                and not self._cues.envoy_to.search(paragraph[sentence.start : m.start])
            ),
            None,
        )

    def _country_of(self, name: str) -> str:
        """The country the page names that a region or city abroad is in, else the name."""
        place = self._sides.places.get(name)
        own = self._sides.initiator_place
        if place is None or place.is_union or own is None or place.within(own.countries):
            return name  # not abroad: "в Калужской области" stays itself
        country = self._named_country(place.countries)
        if not place.is_region:
            # a city known only by its country's code ("New Delhi"): the country where the
            # page writes its own name, else the city as written
            return country if country in self._own_names(place.countries) else name
        return country or name

    def _sought(self, sentence: Sentence, places: list[str]) -> str:
        """Whom a partner search is addressed to: a place other than the searcher's own
        ("УК «РМ Рейл» (Республика Мордовия)"), else the document's other side."""
        searcher = next((m for m in sentence.mentions if m.kind is MentionKind.ORGANIZATION), None)
        sought = self._sought_in(sentence)
        if sought is not None and not (searcher is not None and same_party(sought, searcher.name)):
            return sought
        home = ""
        if searcher is not None:
            paragraph = self._paragraphs[sentence.paragraph]
            after = re.match(r"[»”\"]?\s*\(([^)]+)\)", paragraph[searcher.end :])
            home = after.group(1) if after else ""
            if not home and self._of_the_other_side(paragraph[: searcher.start]):
                home = self._sides.counterpart  # "The Indian company Tata Motors is interested …"
        # Never the searcher's own side: a search nobody is named for has no lead. A searcher
        # from the story's other side ("УК «РМ Рейл» (Республика Мордовия)" at a round table
        # in Ulyanovsk) seeks partners on the story's own side.
        others = [self._sides.initiator] if home else []
        # A named searcher with nobody abroad named seeks partners where the sentence says
        # ("MTZ is looking for partners in the Ulyanovsk region"); never itself.
        here = [
            m.name
            for m in sentence.mentions
            if searcher is not None and m.kind is MentionKind.LOCATION and m.name not in places
        ]
        # Partners sought abroad with no place named: the country of the story's other side.
        abroad = self._country_of(self._sides.counterpart) if self._sides.counterpart else ""
        for name in [*places, abroad, *others, *here]:
            if (
                name
                and not (home and same_party(name, home))
                and not (searcher is not None and same_party(name, searcher.name))
            ):
                return name
        return ""

    def _of_the_other_side(self, before: str) -> bool:
        """Whether the words right before a name call it one of the story's other side by its
        country's adjective ("the Indian company", "Chinese automaker", "китайская компания"):
        a word of the last three that begins like that country's name."""
        other = self._country_of(self._sides.counterpart) if self._sides.counterpart else ""
        if len(other) < 4 or self._sides.places.get(other) is None:
            return False
        return any(called_after(word, other) for word in re.findall(r"\w+", before)[-3:])

    def _searchers_from_abroad(
        self, sentence: Sentence, organizations: Sequence[Mention], trigger_end: int
    ) -> bool:
        """ "Индийские предприниматели проявили интерес к продукции уральских металлургов",
        "Iranian companies are interested in …": people or firms of a country abroad, called by
        its adjective and named by no organisation, are the searchers before the wording."""
        if any(m.start - sentence.start < trigger_end for m in organizations):
            return False
        return bool(self._countries_by_adjective(sentence.text[:trigger_end], own_side=False))

    def _countries_by_adjective(self, text: str, own_side: bool) -> list[str]:
        """The codes of the countries `text` names by adjective before a party's noun, of the
        story's own side or of abroad."""
        own = self._sides.initiator_place
        return [
            code
            for code in self._cues.adjective_countries(text)
            if (own is not None and code in own.countries) == own_side
        ]

    def _firms_of_the_other_side(self, before: str) -> bool:
        """Whether the last firms spoken of before a search's wording are called the story's
        other side's by their country's adjective ("heads of Chinese companies … expressed
        interest", told from Kazakhstan): the searchers are from abroad."""
        firms = list(self._cues.firm.finditer(before))
        return bool(firms) and self._of_the_other_side(before[: firms[-1].start()])

    def _sought_in(self, sentence: Sentence) -> str | None:
        """The place partners are sought in, as the search says it ("ищут партнёров в
        Приморском крае", "looking for partners in Russia's Sverdlovsk region", "在中国寻找合作
        伙伴"), whichever side it is on."""
        paragraph = self._paragraphs[sentence.paragraph]
        return next(
            (
                m.name
                for m in sentence.mentions
                if m.kind is MentionKind.LOCATION
                and self._cues.sought_in.search(
                    paragraph[max(sentence.start, m.start - 40) : m.start]
                )
            ),
            None,
        )

    def _organization_with(self, sentence: Sentence, counterpart: str) -> str | None:
        """The organisation written right before the word governing the counterpart's
        mention ("A与B", "A分别与B"), not the counterpart itself."""
        mentions = [m for m in sentence.mentions if m.kind is not MentionKind.PERSON]
        for m, after in pairwise(mentions):
            if m.kind is not MentionKind.ORGANIZATION or same_party(m.name, counterpart):
                continue
            if not same_party(after.name, counterpart):
                continue
            gap = sentence.text[m.end - sentence.start : after.start - sentence.start]
            if 0 < len(gap) <= _WITH_GAP and (
                self._cues.with_party.fullmatch(gap) or self._cues.respectively.fullmatch(gap)
            ):
                return m.name
        return None

    def _organization_joined(self, sentence: Sentence, counterpart: str) -> str | None:
        """The organisation joined to the counterpart's mention by a `name_joint` («и», a few
        words of what it is between: "A и крупнейший европейский производитель B"), both
        parties the sentence may be with: the two act together."""
        possible = {m.name for m in self._organizations(sentence)}
        if counterpart not in possible:
            return None
        named = [m for m in sentence.mentions if m.kind is MentionKind.ORGANIZATION]
        for first, second in pairwise(named):
            gap = sentence.text[first.end - sentence.start : second.start - sentence.start]
            if (
                not self._cues.name_joint.fullmatch(gap)
                or self._cues.with_party.search(sentence.text[: first.start - sentence.start])
                or self._acted_on(sentence, first)
            ):
                continue  # "подписала соглашения с A и B": each signs with the story's side
            pair = (first.name, second.name)
            if counterpart in pair and all(name in possible for name in pair):
                other = second.name if first.name == counterpart else first.name
                if not same_party(other, counterpart):
                    return other
        return None

    def _acted_on(self, sentence: Sentence, first: Mention) -> bool:
        """Whether a person or the story's own side is named before a pair that starts at
        `first`, other than as where it happens: the pair is what they act on ("Губернатор
        области посетил A и B", "представил проекты компаниям A и B"), not a side acting
        together."""
        before = sentence.text[: first.start - sentence.start]
        clause = max((m.end() for m in self._cues.clause_apart.finditer(before)), default=0)
        return any(
            clause <= m.start - sentence.start
            and m.start < first.start
            and (
                m.kind is MentionKind.PERSON
                or (
                    (self.own_side(m.name) or self._own_organization(m, sentence))
                    and not self.held_in(sentence, m.name)
                )
            )
            for m in sentence.mentions
        )

    def talks_with_a_firm(self, sentence: Sentence) -> bool:
        """Whether the sentence governs an organisation by "with" right before it ("переговоры
        с компанией X", "talks with X"): the talks' party is named."""
        paragraph = self._paragraphs[sentence.paragraph]
        return any(
            m.kind is MentionKind.ORGANIZATION
            and any(
                found.end() == m.start - sentence.start
                for found in self._cues.with_party.finditer(paragraph[sentence.start : m.start])
            )
            for m in sentence.mentions
        )

    def _place_joined(self, sentence: Sentence, counterpart: str) -> str | None:
        """The place joined to the counterpart's mention by a `pair_joint` ("A и B", "A与B"),
        not governed by a word before the pair, neither of the two on the story's own side."""
        located = [m for m in sentence.mentions if m.kind is MentionKind.LOCATION]
        for at, (first, second) in enumerate(pairwise(located)):
            pair = (first.name, second.name)
            gap = sentence.text[first.end - sentence.start : second.start - sentence.start]
            if (
                counterpart in pair
                and self._cues.pair_joint.match(gap)
                # no place of the sentence so far governed: "с A, B и C" is a list
                and not any(
                    self._cues.with_party.search(sentence.text[: m.start - sentence.start])
                    for m in located[: at + 1]
                )
                and not any(self._sides.own_side(name) for name in pair)
                and not same_party(*pair)
            ):
                return second.name if first.name == counterpart else first.name
        return None

    def initiator(self, sentence: Sentence, kind: EventType, counterpart: str) -> str:
        if kind is EventType.POLICY and counterpart == self._jurisdiction(sentence):
            regulator = self._regulator(sentence, counterpart)
            if regulator is not None and (
                self._sides.own_side(counterpart) or not self._sides.counterpart
            ):
                return regulator
        if kind is EventType.PARTNER_SEARCH:
            for mention in sentence.mentions:
                if mention.kind is MentionKind.ORGANIZATION and not same_party(
                    mention.name, counterpart
                ):
                    return mention.name
            if self._sides.own_side(counterpart):
                # Partners sought on the story's own side: the searcher is the place abroad
                # ("Компании провинции Хэйлунцзян ищут партнёров в Приморском крае").
                abroad = [
                    m.name
                    for m in sentence.mentions
                    if m.kind is MentionKind.LOCATION and not self._sides.own_side(m.name)
                ]
                if abroad:
                    return abroad[0]
                # "Representatives of the company are interested in cooperation with the
                # Belarusian producers": the company the sentence points back to, else the
                # story's other side
                index = self._sentences.index(sentence)
                searcher = self._earlier_organization(index, kind) or self._sides.counterpart
                if searcher and not same_party(searcher, counterpart):
                    return searcher
        if kind is EventType.LOCALIZATION_INVITATION and self._sides.own_side(counterpart):
            # The own side's firms invited: the host abroad invites them ("欢迎俄罗斯企业来黑龙江
            # 投资", told from Russia: Heilongjiang invites).
            host = next(
                (
                    m.name
                    for m in sentence.mentions
                    if m.kind is MentionKind.LOCATION and not self._sides.own_side(m.name)
                ),
                None,
            )
            if host is not None:
                return host
        if kind in (EventType.AGREEMENT, EventType.NEGOTIATION):
            # An organisation right before the word that governs the counterpart signs or
            # talks with it ("新疆贸促会分别与塔什干市工商会签署合作备忘录"): it starts the event.
            signer = self._organization_with(sentence, counterpart)
            if signer is not None:
                return signer
        if kind in _SIGNED_TOGETHER:
            # "Концерн A и производитель B подписали меморандум": the other organisation of
            # the pair acting together starts it, not the story's side
            partner = self._organization_joined(sentence, counterpart)
            if partner is not None:
                return partner
        if kind is EventType.AGREEMENT:
            # "Соглашение подписали Северо-Казахстанская и Тюменская области", told from
            # Kostanay: two places abroad sign together, the story's side is neither
            partner = self._place_joined(sentence, counterpart)
            if partner is not None:
                return partner
        # The home-side region the sentence itself names ("Irkutsk Region's trade with China"
        # in a story about several regions), else the document's side (by its own name). A
        # trade figure's region may be named just before it in its paragraph ("…partners of
        # Sakhalin Region. With 2 billion US dollars, it came third in the foreign trade of the
        # island region").
        own = self._sides.initiator_place
        mentions = list(sentence.mentions)
        ours = self._sides.own_side
        if kind is EventType.TRADE_FIGURE:
            at = self._sentences.index(sentence)
            if at > 0 and self._sentences[at - 1].paragraph == sentence.paragraph:
                mentions += self._sentences[at - 1].mentions
            if own is not None:
                # Each region of the initiator's country has a trade figure of its own.
                countries = own.countries

                def ours(name: str) -> bool:
                    place = self._sides.places.get(name)
                    return place is not None and place.within(countries)

        # Then a home region the sentence calls its actors by ("Тульские предприятия
        # подписали …", "делегация рязанского бизнеса").
        mentions += [
            m
            for m in self._adjectives
            if m.paragraph == sentence.paragraph and sentence.start <= m.start < sentence.end
        ]
        for mention in mentions:
            place = self._sides.places.get(mention.name)
            if (
                mention.kind is MentionKind.LOCATION
                and place is not None
                and place.is_region
                and ours(mention.name)
                and not (own is not None and place.code == own.code)
                and not same_party(mention.name, counterpart)
            ):
                return self._sides.region_of.get(mention.name, mention.name)
        if kind is EventType.TRADE_FIGURE and own is not None:
            country = self._own_country_trading(sentence, counterpart, own.countries)
            if country is not None:
                return country
        return self._sides.initiator

    def _own_country_trading(
        self, sentence: Sentence, counterpart: str, countries: frozenset[str]
    ) -> str | None:
        """The initiator's own country a trade figure names with no region of it ("Товарооборот
        России и Китая …" on a region's page): the country's trade, not the region's."""
        named = [
            (m.name, place)
            for m in sentence.mentions
            if m.kind is MentionKind.LOCATION
            and (place := self._sides.places.get(m.name)) is not None
            and place.within(countries)
        ]
        if any(place.is_region for _, place in named):
            return None
        return next(
            (
                name
                for name, place in named
                if not place.is_union and not same_party(name, counterpart)
            ),
            None,
        )


# Between an organisation and the party it acts with: a few characters ("分别与", " с ").
_WITH_GAP = 4
_SIGNED_TOGETHER = frozenset(
    {EventType.AGREEMENT, EventType.NEGOTIATION, EventType.LOCALIZATION_PLAN}
)


# "Central Asia - China": two places joined by a dash (a hyphen only with spaces around it,
# so "Nur-Sultan" stays one name).
_PAIR = re.compile(r"\s+[-–—]\s+|\s*[–—]\s*")


# "МОСКВА, 23 ноября", "MINSK, 14 June", "莫斯科4月22日电", "Tashkent (UzDaily.com) —": the
# place a story is filed from. (A country after the city, "BISHKEK, Kyrgyzstan, April 25", stays a
# party.)
_DATELINE_AFTER = re.compile(r"\s*,?\s*\d|\s*\([^()]{1,40}\)\s*[—–-]")
# "ASTANA – Kazakh government plans …", "ASTANA. KAZINFORM –", "HARBIN, June 17 (Xinhua)",
# "NEW DELHI: A business delegation …": a place in capitals, then a dash, a colon, an agency in
# capitals or a month's date.
_CAPITALS_DASH = re.compile(r"\s*[—–-]\s|:\s|\.\s+[A-Z]{3,}\b|,\s*[A-Z][a-z]+\.?\s+\d")
# "Минск 15 ноября принимает делегацию": a sentence that goes on after the date, no dateline.
_GOES_ON = re.compile(r"\s*\d{1,2}\s+[^\W\d]+\s+[a-zа-яё]")
_DATELINE_WITHIN = 60


def reporter(mention: Mention, paragraphs: Sequence[str], cues: EventCues) -> bool:
    """A news medium, or the dateline's place: they report the story, they are not parties."""
    if mention.kind is MentionKind.ORGANIZATION:
        return bool(cues.media.search(mention.name))
    paragraph = paragraphs[mention.paragraph]
    return (
        mention.kind is MentionKind.LOCATION
        and mention.start < _DATELINE_WITHIN
        and bool(
            _DATELINE_AFTER.match(paragraph, mention.end)
            or (
                # as written: the recognizer may give "ASTANA" as "Astana"
                paragraph[mention.start : mention.end].isupper()
                and _CAPITALS_DASH.match(paragraph, mention.end)
            )
        )
        and not _GOES_ON.match(paragraph, mention.end)
        # "завода в Санкт-Петербурге 100 млн долларов": a place the sentence is in, no dateline
        and not _after_held_in(paragraph, mention.start, 0, cues.held_in)
    )


def seat(
    mention: Mention, mentions: Sequence[Mention], paragraphs: Sequence[str], cues: EventCues
) -> bool:
    """A place named right after an office it houses, or as the end of the office's name
    ("Представители Посольства РФ в Белоруссии посетили …", "the Embassy of China in Russia"):
    where the office sits, no party; the office is its own country's."""
    if mention.kind is not MentionKind.LOCATION:
        return False
    paragraph = paragraphs[mention.paragraph]

    def houses(office: Mention) -> bool:
        if office.end <= mention.start <= office.end + 5:
            return bool(cues.held_in.fullmatch(paragraph[office.end : mention.start].lstrip()))
        inside = office.start < mention.start and mention.end <= office.end
        return inside and bool(cues.held_in.search(paragraph[office.start : mention.start]))

    return any(
        m.kind is MentionKind.ORGANIZATION
        and m.paragraph == mention.paragraph
        and bool(cues.seated.search(m.name))
        and houses(m)
        for m in mentions
    )

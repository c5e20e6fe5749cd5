"""Russian names put in their dictionary form, word by word, with pymorphy3: the reading of a
word is the one that agrees with the case natasha's tagger saw in the sentence ("«Соллерса»"
is a genitive there, so its nominative is "Соллерс", not the unknown feminine "Соллерса")."""

from __future__ import annotations

import re
from typing import Any

from coopex.nlp.name_words import name_words

# Universal Dependencies' cases (natasha) as pymorphy3 grammemes.
_CASES = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct"}
_NAME_GRAMMEMES = frozenset({"Orgn", "Name", "Surn", "Geox"})
_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё-]+")
# "Ленты.ру": a site's name is declined before its domain.
_DOMAIN = re.compile(r"^([А-Яа-яЁё-]+)(\.(?:ру|рф|ru|com|net|org))$", re.IGNORECASE)
_CAMEL = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]")


def morph_case(token: Any) -> str | None:
    """The pymorphy3 case of a natasha token, if the tagger gave one."""
    return _CASES.get(token.feats.get("Case", ""))


def camel_case(word: str) -> bool:
    """ "БелТПП", "АвтоВАЗ": a capital inside a word is an abbreviation or a brand, which keeps
    its written form (and is no place: place names are not written so)."""
    return bool(_CAMEL.search(word))


def _parse(word: str, case: str | None, grammemes: frozenset[str] = _NAME_GRAMMEMES) -> Any:
    from coopex.nlp.analysis import parses

    readings = parses(word)
    agreeing = [p for p in readings if case is None or p.tag.case == case] or readings
    return next((p for p in agreeing if grammemes & set(p.tag.grammemes)), agreeing[0])


def _capitalised_as(word: str, written: str) -> str:
    if len(written) > 1 and written.isupper():
        return word.upper()  # an abbreviation: "ГТРК", not "Гтрк"
    return word.capitalize() if written[:1].isupper() else word


def nominative_word(word: str, case: str | None = None) -> str:
    """One inflected name word in the nominative, read in the sentence's `case` (its reading
    as a name, an organisation or a place first); a word it cannot put there stays as written,
    and so do abbreviations."""
    domain = _DOMAIN.match(word)
    if domain:
        return nominative_word(domain.group(1), case) + domain.group(2)
    if not _CYRILLIC_WORD.fullmatch(word) or word.isupper() or camel_case(word):
        return word
    return _in_nominative(_parse(word, case), word)


_PERSON_GRAMMEMES = frozenset({"Surn", "Name", "Patr"})


def person_word(word: str, case: str | None, strict: bool = False) -> str:
    """One inflected word of a person's name in the nominative, read in `case`: its reading
    as a surname, first name or patronymic first, else as any noun or adjective that is not a
    place or an organisation ("Бабушкиным" -> "Бабушкин"); a surname pymorphy knows only as a
    place takes the surname's nominative ending ("Дениса Мантурова" -> "Мантуров", not the
    town "Мантурово"); with no such reading, the word stays as written ("Нгуен", not
    "Нгуйный"). `strict`: the case is borrowed from another word of the name, and a word with
    no reading in it stays as written ("Чжан Юйпу")."""
    from coopex.nlp.analysis import morph, parses

    if not _CYRILLIC_WORD.fullmatch(word) or word.isupper() or camel_case(word):
        return word
    readings = parses(word)
    # A person's name word is singular: "Суном" is no plural "суномы".
    agreeing = [p for p in readings if (case is None or p.tag.case == case) and _singular(p)]
    if not agreeing and strict:
        return word
    if not agreeing and case is not None:
        # No form of the word in the case the tagger saw: the case's ending is taken off ("Мун
        # Чжэ Ином" -> "Ин", not the adjective "иной" of another case); a foreign word
        # pymorphy only guesses at does not decline ("с Чжаном Юйпу": not "Юйп").
        nominative = _surname_nominative(word, case)
        if nominative != word or not morph().word_is_known(word):
            return nominative
    candidates = agreeing or [p for p in readings if _singular(p)]
    reading = next((p for p in candidates if _PERSON_GRAMMEMES & set(p.tag.grammemes)), None)
    if reading is None:
        reading = next(
            (
                p
                for p in candidates
                if p.tag.POS in ("NOUN", "ADJF") and not {"Geox", "Orgn"} & set(p.tag.grammemes)
            ),
            None,
        )
    if reading is None:
        return _surname_nominative(word, case)
    nominative = _in_nominative(reading, word)
    # No plausible nominative ("Шольцем": pymorphy's "Шолец" drops a vowel the name keeps): the
    # ending of the case is taken off ("Шольц").
    return _surname_nominative(word, case) if nominative == word else nominative


def foreign_instrumental(word: str) -> str:
    """The last word of a foreign name in the instrumental, in the nominative: its reading as
    a first name or surname, else the case ending taken off ("Гилем" -> "Гиль", "Ином" ->
    "Ин", not the adjective "иной")."""
    from coopex.nlp.analysis import parses

    reading = next(
        (
            p
            for p in parses(word)
            if p.tag.case == "ablt" and _singular(p) and _PERSON_GRAMMEMES & set(p.tag.grammemes)
        ),
        None,
    )
    nominative = _in_nominative(reading, word) if reading is not None else word
    return nominative if nominative != word else _surname_nominative(word, "ablt")


def _singular(parse: Any) -> bool:
    return bool(parse.tag.number != "plur")


def name_case(word: str, case: str | None, others: list[str]) -> str | None:
    """The case to read a person's name word in: the tagger's, unless the word has no singular
    reading in it and has one in the case of the name's other words ("Пак" in the
    instrumental, "Суном" tagged a genitive: an instrumental too)."""
    from coopex.nlp.analysis import parses

    singular = [p for p in parses(word) if _singular(p)]
    for candidate in [case, *others]:
        if candidate is None or any(p.tag.case == candidate for p in singular):
            return candidate
    return case


def _in_nominative(reading: Any, word: str) -> str:
    """`word` put in the nominative by its pymorphy `reading`, capitalised as written; the word
    itself when already nominative or when the form found is no plausible form of it."""
    if reading.tag.case == "nomn":
        return word
    nominative = reading.inflect({"nomn"})
    if nominative is None or not plausible_name_form(nominative.word, word):
        return word
    return _capitalised_as(nominative.word, word)


def _surname_nominative(word: str, case: str | None) -> str:
    for row in name_words("surname_declension", "ru"):
        row_case, ending, nominative = row.split(":")
        if row_case == case and word.endswith(ending) and len(word) >= len(ending) + 2:
            return word[: -len(ending)] + nominative
    return word


def agreeing_phrase(words: list[str], case: str | None, singular: bool = True) -> str:
    """Adjectives and their noun in the nominative ("генеральном консульстве" -> "генеральное
    консульство"), the adjectives agreeing with the noun's gender."""
    *adjectives, noun = words
    parse = _parse(noun.casefold(), case, frozenset({"NOUN"}))
    number = {"sing"} if singular else set()
    head = parse.inflect({"nomn", *number}) or parse
    phrase = []
    for adjective in adjectives:
        reading = _parse(adjective.casefold(), case, frozenset({"ADJF"}))
        agreed = reading.inflect({"nomn", *number, *([head.tag.gender] if head.tag.gender else [])})
        phrase.append(_capitalised_as((agreed or reading).word, adjective))
    return " ".join([*phrase, _capitalised_as(head.word, noun)])


def singular_place_word(word: str) -> tuple[str | None, bool]:
    """ "области" -> ("область", True): a place word in the singular, and whether it was a
    plural ("Калужская и Московская области"); (None, False) for any other word."""
    pairs = dict(p.split(":") for p in name_words("place_kind_plural", "ru"))
    folded = word.casefold()
    if folded in pairs:
        return pairs[folded], True
    return (folded, False) if folded in pairs.values() else (None, False)


def adjective_for(adjective: str, noun: str) -> str:
    """ "Калужской" + "область" -> "Калужская": an adjective agreeing with a noun in the
    nominative singular."""
    gender = _parse(noun, "nomn", frozenset({"NOUN"})).tag.gender
    reading = _parse(adjective.casefold(), None, frozenset({"ADJF"}))
    agreed = reading.inflect({"nomn", "sing", *([gender] if gender else [])})
    return _capitalised_as((agreed or reading).word, adjective)


def is_adjective(word: str) -> bool:
    """ "Калужская" (область), not "Лигурия": the word reads as an adjective first."""
    from coopex.nlp.analysis import parses

    return bool(parses(word.casefold())[0].tag.POS == "ADJF")


def capitals_as_written(normal: str, written: str) -> str:
    """ "Нью-дели" written "Нью-Дели": each part of a hyphenated word keeps its capital."""
    words, originals = normal.split(), written.split()
    if len(words) != len(originals):
        return normal
    fixed = []
    for word, original in zip(words, originals, strict=True):
        parts, written_parts = word.split("-"), original.split("-")
        if len(parts) == len(written_parts):
            parts = [
                p[:1].upper() + p[1:] if w[:1].isupper() else p
                for p, w in zip(parts, written_parts, strict=True)
            ]
        fixed.append("-".join(parts))
    return " ".join(fixed)


def yo_as_written(normal: str, written: str) -> str:
    """ "Королев" written "в Королёве": the dictionary form keeps the "ё" the page wrote (natasha's
    dictionary forms spell every "ё" as "е"), where a word and its written word (the one in its
    place, else the likeliest) share their stem: all but an ending of up to two letters."""
    if "ё" not in written.casefold():
        return normal
    words, sources = normal.split(), written.split()
    plain = [without_yo(w.casefold()) for w in sources]
    fixed = []
    for at, word in enumerate(words):
        mine = without_yo(word.casefold())
        pick = at if len(words) == len(sources) else None
        if pick is None:
            pick = max(range(len(plain)), key=lambda i: _shared_prefix(mine, plain[i]))
        shared = _shared_prefix(mine, plain[pick])
        source = sources[pick] if shared >= max(3, len(word) - 2) else ""
        fixed.append(
            "".join(
                _YO.get(letter, letter)
                if i < shared and source[i : i + 1] in ("ё", "Ё")
                else letter
                for i, letter in enumerate(word)
            )
        )
    return " ".join(fixed)


_YO = {"е": "ё", "Е": "Ё"}


def without_yo(text: str) -> str:
    """The text with every "ё" spelled "е", as natasha's dictionary forms spell it."""
    return text.replace("ё", "е").replace("Ё", "Е")


def _shared_prefix(a: str, b: str) -> int:
    return next(
        (at for at, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )


# Endings of foreign names that do not decline ("Мехди", "Санаи", "Лукашенко").
_UNDECLINED_ENDINGS = ("и", "о", "э")
_ENDING_REACH = 2  # letters a dictionary form may add to, or take from, the written stem


def plausible_name_form(normal: str, written: str) -> bool:
    """Whether `normal` can be the dictionary form of the name word `written`: the same stem
    with another ending, not a longer word made up ("Моди" -> "Модящий", "Тоти" ->
    "Тотивший"), and no new ending for a foreign name that does not decline ("Мехди" ->
    "Мехдь")."""
    from coopex.nlp.analysis import morph

    a, b = normal.casefold(), written.casefold()
    shared = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    if len(a) > len(b) + _ENDING_REACH or shared < len(b) - _ENDING_REACH:
        return False
    return not (b.endswith(_UNDECLINED_ENDINGS) and not morph().word_is_known(b))


def adjective_nominative(adjective: str, case: str | None) -> tuple[str, bool]:
    """ "Миорского" (genitive) -> ("Миорский", False): an adjective in the nominative singular
    of its own gender, and whether that gender was certain (the oblique cases of the masculine
    and the neuter are alike); ("", False) for one with no singular reading ("Японские")."""
    from coopex.nlp.analysis import parses

    singular = [
        p for p in parses(adjective.casefold()) if p.tag.POS == "ADJF" and p.tag.number == "sing"
    ]
    # The tagger's case where a reading has it, else any (it may misread a name's case).
    readings = [p for p in singular if p.tag.case == case] or singular
    if not readings:
        return "", False
    genders = {p.tag.gender for p in readings}
    agreed = readings[0].inflect({"nomn", "sing", readings[0].tag.gender})
    return _capitalised_as((agreed or readings[0]).word, adjective), len(genders) == 1


def adjective_lemma(word: str) -> str | None:
    """ "рязанского", "Рязанская", "рязанские" -> "рязанский": the dictionary form (masculine
    nominative singular, in lower case) of a word read as an adjective in any case, gender or
    number; None for a word with no adjective reading."""
    from coopex.nlp.analysis import parses

    reading = next((p for p in parses(word.casefold()) if p.tag.POS == "ADJF"), None)
    return None if reading is None else str(reading.normal_form)


def genitive_phrase(words: list[str]) -> str:
    """ "Челябинская" "область" -> "Челябинской области": adjectives and their noun, in the
    nominative singular, put in the genitive."""
    *adjectives, noun = words
    head = _parse(noun.casefold(), "nomn", frozenset({"NOUN"}))
    gender = head.tag.gender
    phrase = []
    for adjective in adjectives:
        reading = _parse(adjective.casefold(), "nomn", frozenset({"ADJF"}))
        agreed = reading.inflect({"gent", "sing", *([gender] if gender else [])})
        phrase.append(_capitalised_as((agreed or reading).word, adjective))
    genitive = head.inflect({"gent", "sing"}) or head
    return " ".join([*phrase, _capitalised_as(genitive.word, noun)])

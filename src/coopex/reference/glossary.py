"""The shipped RU/EN/ZH glossary of industrial terms (`data/reference/glossary.csv`), the
matching stop words (`data/matching/stopwords-{en,ru,zh}.txt`) and the words with which a
request turns to what it needs (`data/matching/needwords-{en,ru,zh}.txt`)."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources

from coopex.engines.language import script_of
from coopex.engines.matching.glossary import Glossary
from coopex.engines.matching.ports import Terms

LANGUAGES = ("en", "ru", "zh")


@cache
def glossary_concepts() -> tuple[tuple[str, ...], ...]:
    """Each concept's phrases in every language ('|' separates variants)."""
    text = (resources.files("coopex.data") / "reference" / "glossary.csv").read_text(
        encoding="utf-8"
    )
    return tuple(
        tuple(phrase for lang in LANGUAGES for phrase in row[lang].split("|") if phrase)
        for row in csv.DictReader(io.StringIO(text, newline=""))
    )


@cache
def _word_list(name: str) -> tuple[str, ...]:
    """The words of `data/matching/{name}.txt`, one a line, '#' starting a comment."""
    text = (resources.files("coopex.data") / "matching" / f"{name}.txt").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def stop_words(language: str) -> tuple[str, ...]:
    """Words that say nothing about what is offered or needed, as written in the file."""
    return _word_list(f"stopwords-{language}")


def need_words(language: str) -> tuple[str, ...]:
    """Words with which a request turns from the buyer to the need («нужны», "needs", 需要)."""
    return _word_list(f"needwords-{language}")


def chinese_words() -> frozenset[str]:
    """Chinese glossary phrases, stop words and need words, which the segmenter must keep
    whole."""
    phrases = [p for concept in glossary_concepts() for p in concept]
    phrases += [*stop_words("zh"), *need_words("zh")]
    return frozenset(p for p in phrases if script_of(p) == "zh")


def load_glossary(analyzer: Terms) -> Glossary:
    return Glossary(
        glossary_concepts(),
        analyzer,
        [word for language in LANGUAGES for word in stop_words(language)],
        [word for language in LANGUAGES for word in need_words(language)],
    )

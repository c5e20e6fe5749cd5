"""Index terms for Russian, English and Chinese text, chosen per token by its script.

Cyrillic words are lemmatised with pymorphy3 (вагонов -> вагон), Latin words stemmed with
Snowball's English stemmer (bogies -> bogi), and runs of Han characters segmented with jieba.
Deciding per token (not per document) lets "IGBT" in a Russian text meet "IGBT" in an English one.
"""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache
from typing import Any

_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

RUSSIAN_STOP = frozenset(
    "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по ее мне было "
    "вот от меня еще нет о из ему теперь когда даже ну ли если уже или ни быть был него до вас "
    "нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы "
    "тебя их чем была сам чтобы без будто чего раз тоже себе под будет ж тогда кто этот того "
    "потому этого какой совсем ним здесь этом один почти мой тем чтоб нее сейчас были куда "
    "зачем всех никогда можно при наконец два об другой хоть после над больше тот через эти "
    "нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед иногда "
    "лучше чуть том нельзя такой им более всегда конечно всю между также весь который".split()
)
ENGLISH_STOP = frozenset(
    "a an and are as at be by for from has have in into is it its of on or our that the their "
    "this to we with will can up per any all own new".split()
)
CHINESE_STOP = frozenset(
    "的 和 与 及 或 等 在 为 对 可 可以 提供 寻求 我们 以及 并 是 了 于 其".split()
)


@cache
def morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parses(word: str) -> tuple[Any, ...]:
    """pymorphy3's readings of one word, most likely first; cached, because a page's readers
    ask for the same words again and again (a third of their time went to parsing them)."""
    return tuple(morph().parse(word))


@cache
def _stemmer() -> Any:
    import Stemmer

    return Stemmer.Stemmer("english")


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@cache
def _jieba_with(words: frozenset[str]) -> Any:
    """A private jieba tokenizer that keeps these words whole (glossary terms), leaving the
    shared one, which other readers use, as it is."""
    tokenizer = _jieba().Tokenizer()
    tokenizer.initialize()
    for word in sorted(words):
        tokenizer.add_word(word)
    return tokenizer


@lru_cache(maxsize=200_000)
def _term(token: str) -> str | None:
    """The index term of one lower-case word, or None for a stop word."""
    if "а" <= token[0] <= "я" or token[0] == "ё":
        if token in RUSSIAN_STOP:
            return None
        lemma: str = parses(token)[0].normal_form
        return None if lemma in RUSSIAN_STOP else lemma.replace("ё", "е")
    if token in ENGLISH_STOP or len(token) < 2:
        return None
    stem: str = _stemmer().stemWord(token)
    return stem


class MultilingualAnalyzer:
    """The `Analyzer` the engines use; the models behind it load once per process.

    `chinese_words` are kept whole by the Chinese segmenter (e.g. the glossary's terms, so
    that 印制电路板 is one term in every text, whatever jieba's own dictionary says)."""

    def __init__(self, chinese_words: frozenset[str] = frozenset()) -> None:
        self.chinese_words = chinese_words

    def terms(self, text: str) -> list[str]:
        return [term for _, _, term in self.words(text)]

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, index term) of each indexed word of `text`, in order."""
        result: list[tuple[int, int, str]] = []
        position = 0
        for han in _HAN.finditer(text):
            result += self._words(text, position, han.start())
            result += self._chinese(han.group(), han.start())
            position = han.end()
        result += self._words(text, position, len(text))
        return result

    def _words(self, text: str, start: int, end: int) -> list[tuple[int, int, str]]:
        result = []
        for match in _TOKEN.finditer(text, start, end):
            token = match.group().lower()
            if token[0].isdigit():
                continue  # quantities and years say little about what is offered
            term = _term(token)
            if term:
                result.append((match.start(), match.end(), term))
        return result

    def _chinese(self, text: str, offset: int) -> list[tuple[int, int, str]]:
        segmenter = _jieba_with(self.chinese_words) if self.chinese_words else _jieba()
        return [
            (offset + start, offset + end, word)
            for word, start, end in segmenter.tokenize(text)
            if word not in CHINESE_STOP
        ]

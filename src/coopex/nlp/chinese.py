"""Chinese mentions without a Chinese NER model (none ships offline): places from the place
gazetteer, organisations from their legal or institutional suffix (集团, 有限公司, 研究院...)
with the name words jieba tags before it. Persons are not recognised."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cached_property
from typing import Any

from coopex.domain.news import Mention, MentionKind
from coopex.reference.places import ShippedPlaces

_SUFFIX = re.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|控股集团|集团|公司|研究院|研究所|大学|协会|商会|银行|"
    r"交易所|委员会|中心)"
)
_NAME_TAGS = {"n", "nr", "nrt", "ns", "nt", "nz", "nx", "ng", "j", "eng"}
_CONTEXT = 12  # characters before a suffix that may belong to the name
_MAX_WORDS = 3


def _posseg() -> Any:
    import jieba
    import jieba.posseg  # type: ignore[import-untyped]

    jieba.setLogLevel(60)
    return jieba.posseg


class ChineseEntityRecognizer:
    def __init__(self, places: ShippedPlaces) -> None:
        self._places = places

    @cached_property
    def _gazetteer(self) -> re.Pattern[str]:
        return re.compile("|".join(re.escape(name) for name in self._places.chinese_names()))

    def _organizations(self, number: int, paragraph: str) -> list[Mention]:
        found = []
        for suffix in _SUFFIX.finditer(paragraph):
            if _SUFFIX.match(paragraph, suffix.end()):
                continue  # "控股集团" + "有限公司": the name goes on
            start = max(0, suffix.start() - _CONTEXT)
            words = [(w.word, w.flag) for w in _posseg().cut(paragraph[start : suffix.start()])]
            name: list[str] = []
            for word, flag in reversed(words):
                if flag not in _NAME_TAGS or len(name) == _MAX_WORDS:
                    break
                name.insert(0, word)
            if name:
                text = "".join(name) + suffix.group()
                found.append(
                    Mention(
                        MentionKind.ORGANIZATION,
                        text,
                        number,
                        suffix.end() - len(text),
                        suffix.end(),
                    )
                )
        return found

    def mentions(self, paragraphs: Sequence[str]) -> list[Mention]:
        found: list[Mention] = []
        for number, paragraph in enumerate(paragraphs):
            organizations = self._organizations(number, paragraph)
            found.extend(organizations)
            for match in self._gazetteer.finditer(paragraph):
                inside = any(o.start <= match.start() < o.end for o in organizations)
                if not inside:
                    found.append(
                        Mention(
                            MentionKind.LOCATION, match.group(), number, match.start(), match.end()
                        )
                    )
        return sorted(found, key=lambda m: (m.paragraph, m.start))

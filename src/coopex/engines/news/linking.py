"""Recognising a registry organisation under the name a news story gives it.

A name is reduced to keys: casefolded, quotes and legal forms dropped ("АО «Орбита»" ->
"орбита", "Alibaba Group" -> "alibaba"), and Cyrillic transliterated to Latin ("Фотон" ->
"foton"), so "Фотон", "Foton" and "FOTON" meet. Names that no transliteration joins
("Джили" / "Geely") meet through the organisation's aliases in the registry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import cyrtranslit

from coopex.domain.organizations import OrgKind

_QUOTES = re.compile(r"[«»“”„\"'`’‘]")
_LEGAL_FORMS = re.compile(
    r"\b(ао|оао|зао|пао|ооо|ук|гк|нпо|фгуп|гуп|ип|jsc|pjsc|ojsc|llc|ltd|inc|co|corp|plc|gmbh|ag|"
    r"group|holding|холдинг|группа компаний|компания|company)\b\.?"
)
_CYRILLIC = re.compile(r"[а-яё]")


def _plain(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().replace("ё", "е")
    text = _LEGAL_FORMS.sub(" ", _QUOTES.sub(" ", text))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def name_keys(name: str) -> set[str]:
    plain = _plain(name)
    if not plain:
        return set()
    keys = {plain}
    if _CYRILLIC.search(plain):
        keys.add(" ".join(cyrtranslit.to_latin(plain, "ru").casefold().split()))
    return keys


class NameIndex:
    """Organisation ids by every key of their names and aliases."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}

    def add(self, organization_id: int, names: Iterable[str]) -> None:
        for name in names:
            for key in name_keys(name):
                self._ids.setdefault(key, organization_id)

    def merge(self, other: NameIndex) -> None:
        """Take in `other`'s keys (the ones this index does not hold yet)."""
        for key, organization_id in other._ids.items():
            self._ids.setdefault(key, organization_id)

    def find(self, name: str) -> int | None:
        return next((self._ids[k] for k in sorted(name_keys(name)) if k in self._ids), None)


_KIND_WORDS = (
    (
        OrgKind.RESEARCH_CENTRE,
        r"академи|институт|университет|нии\b|научн|academy|institute|"
        r"university|research",
    ),
    (OrgKind.ASSOCIATION, r"ассоциаци|союз\b|палат|association|chamber|council|совет\b"),
    (
        OrgKind.AGENCY,
        r"агентств|центр|министерств|посольств|департамент|биржа|agency|centre|"
        r"center|ministry|embassy|department|exchange|directorate|дирекци",
    ),
)


def guess_kind(name: str) -> OrgKind:
    """The kind a provisional organisation is registered as, from the words of its name."""
    folded = name.casefold()
    for kind, words in _KIND_WORDS:
        if re.search(words, folded):
            return kind
    return OrgKind.ENTERPRISE

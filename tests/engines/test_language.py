from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.engines.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ищем партнёров по металлообработке", "ru"),
        ("Freight car bogies and couplers", "en"),
        ("货车转向架铸钢侧架和摇枕", "zh"),
        ("Поставка IGBT-модулей и MOSFET для преобразователей", "ru"),
        ("吉利 Geely 乘用车", "zh"),
        ("12345 — !!!", "en"),
        ("", "en"),
    ],
)
def test_detects_the_dominant_script(text: str, language: str) -> None:
    assert detect_language(text) == language


@given(st.text())
def test_always_answers_one_of_the_three(text: str) -> None:
    assert detect_language(text) in {"ru", "en", "zh"}


LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЖЯіїєґўabcdefxyzABCXYZéüßçñ货车转向架铸钢"


@given(st.text(alphabet=st.sampled_from(LETTERS + " .,-0123456789«»")))
def test_counts_letters_per_script_like_their_unicode_names(text: str) -> None:
    import unicodedata

    counts = {"ru": 0, "en": 0, "zh": 0}
    for char in text:
        name = unicodedata.name(char, "")
        if name.startswith("CJK"):
            counts["zh"] += 2
        elif char.isalpha() and name.startswith("CYRILLIC"):
            counts["ru"] += 1
        elif char.isalpha() and name.startswith("LATIN"):
            counts["en"] += 1
    best = max(counts, key=lambda lang: counts[lang])
    assert detect_language(text) == (best if counts[best] else "en")

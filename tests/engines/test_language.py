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

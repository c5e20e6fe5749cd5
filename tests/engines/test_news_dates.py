"""Dates as ISO 8601, partial where the text is."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coopex.engines.news.dates import DateFact, distinct_iso, english_dates, iso


def test_english_dates_in_their_usual_forms() -> None:
    text = (
        "The forum will be held in Kazan on August 18-19. At a press conference on 26 December, "
        "approved in November 2021; a dialogue took place in 2016. Signed March 3, 2024."
    )
    assert distinct_iso(english_dates(text)) == (
        "--08-18",
        "--12-26",
        "2021-11",
        "2016",
        "2024-03-03",
    )


def test_no_dates_no_output() -> None:
    assert english_dates("Around 200 companies and 10,000 people.") == []


@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 28))
def test_iso_forms_sort_like_the_dates(year: int, month: int, day: int) -> None:
    assert iso(DateFact(year, month, day)) == f"{year:04d}-{month:02d}-{day:02d}"
    assert iso(DateFact(year, month, None)) == f"{year:04d}-{month:02d}"
    assert iso(DateFact(None, month, day)) == f"--{month:02d}-{day:02d}"
    assert iso(DateFact(None, None, day)) is None
    assert iso(DateFact(year, 13, day)) is None

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.codes import (
    Code,
    CodeScheme,
    country_format_error,
    parse_code,
    region_format_error,
)

digits = st.text(alphabet="0123456789", min_size=1, max_size=1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HS:870899", Code(CodeScheme.HS, "870899")),
        ("hs:8708.99", Code(CodeScheme.HS, "870899")),
        ("HS:86", Code(CodeScheme.HS, "86")),
        ("OKPD2:30.20.40.000", Code(CodeScheme.OKPD2, "30.20.40.000")),
        ("okved2: 25.62 ", Code(CodeScheme.OKVED2, "25.62")),
        ("NACE:28", Code(CodeScheme.NACE, "28")),
    ],
)
def test_parse_code_normalises(text: str, expected: Code) -> None:
    assert parse_code(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("870899", "expected SCHEME:code"),
        ("XX:12", "unknown code scheme"),
        ("HS:870", "2, 4 or 6 digits"),
        ("HS:87a8", "2, 4 or 6 digits"),
        ("OKPD2:3020", "dotted digits"),
        ("NACE:25.62.1", "division or group"),
    ],
)
def test_parse_code_says_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason):
        parse_code(text)


@given(st.sampled_from([2, 4, 6]).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n)))
def test_every_hs_code_of_2_4_6_digits_parses_and_prints_back(value: str) -> None:
    code = parse_code(f"HS:{value}")
    assert str(code) == f"HS:{value}"
    assert parse_code(str(code)) == code
    assert code.starts_with(value[:2])


@given(st.text(min_size=1, max_size=8).filter(lambda s: not s.strip().isdigit()))
def test_hs_codes_with_anything_but_digits_are_refused(value: str) -> None:
    cleaned = value.strip().replace(".", "").replace(" ", "")
    if cleaned.isdigit() and len(cleaned) in (2, 4, 6):
        return  # dots and spaces are legitimately dropped
    with pytest.raises(ValueError):  # noqa: PT011 - the reason varies with the input
        parse_code(f"HS:{value}")


@given(
    st.lists(st.text("0123456789", min_size=1, max_size=2), min_size=0, max_size=3),
    st.text("0123456789", min_size=2, max_size=2),
)
def test_dotted_okpd2_codes_round_trip(parts: list[str], division: str) -> None:
    value = ".".join([division, *parts])
    code = parse_code(f"OKPD2:{value}")
    assert code.division == division
    assert parse_code(str(code)) == code


def test_country_and_region_formats() -> None:
    assert country_format_error("RU") is None
    assert country_format_error("ru") is not None
    assert country_format_error("RUS") is not None
    assert region_format_error("RU-TA") is None
    assert region_format_error("CN-ZJ") is None
    assert region_format_error("RU_TA") is not None

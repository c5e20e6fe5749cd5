from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.errors import ValidationFailed
from coopex.domain.paging import MAX_ID, check_page_size, decode_cursor, encode_cursor


@given(st.integers(min_value=0, max_value=MAX_ID))
def test_cursor_round_trip(last_id: int) -> None:
    assert decode_cursor(encode_cursor(last_id)) == last_id


@given(st.integers(min_value=MAX_ID + 1, max_value=10**30))
def test_cursors_past_any_row_id_are_refused(last_id: int) -> None:
    """An id no database row can have (32-bit on PostgreSQL) is a bad cursor, not a 500."""
    with pytest.raises(ValidationFailed):
        decode_cursor(encode_cursor(last_id))


@pytest.mark.parametrize("cursor", ["garbage", "YWZ0ZXI6eA", "!!!", "dGhpcyBpcyBub3Q"])
def test_foreign_cursors_are_refused_with_the_field_named(cursor: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        decode_cursor(cursor)
    assert caught.value.errors[0].field == "cursor"


def test_no_cursor_means_the_first_page() -> None:
    assert decode_cursor(None) == 0


@pytest.mark.parametrize("limit", [0, -1, 501])
def test_page_size_bounds(limit: int) -> None:
    with pytest.raises(ValidationFailed):
        check_page_size(limit)

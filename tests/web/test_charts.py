"""Chart geometry: every mark inside the drawing, sizes in proportion to the numbers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.dashboard import months_between
from coopex.web.ui import charts

counts = st.lists(st.integers(min_value=0, max_value=10**9), min_size=1, max_size=12)


def _inside(chart: charts.Chart) -> bool:
    return all(
        m.x >= 0
        and m.y >= 0
        and m.width >= 0
        and m.height >= 0
        and m.x + m.width <= chart.width + 1e-6
        and m.y + m.height <= chart.height + 1e-6
        for m in chart.marks
    )


@given(counts, st.booleans())
def test_bars_one_per_row_in_proportion(values: list[int], centred: bool) -> None:
    chart = charts.bars([charts.Row(str(i), v, str(v)) for i, v in enumerate(values)], centred)
    assert len(chart.marks) == len(values) and _inside(chart)
    top = max(values)
    widest = max(m.width for m in chart.marks)
    for mark, value in zip(chart.marks, values, strict=True):
        assert abs(mark.width - (widest * value / top if top else 0)) < 1e-6


@given(st.lists(counts, min_size=1, max_size=12))
def test_stacked_segments_only_for_values_and_tallest_column_fills_the_plot(
    table: list[list[int]],
) -> None:
    width = max(len(row) for row in table)
    series = [(f"s{j}", f"series {j}", f"s{j}") for j in range(width)]
    columns = [(f"c{i}", f"c{i}") for i in range(len(table))]
    values = {(f"c{i}", f"s{j}"): v for i, row in enumerate(table) for j, v in enumerate(row)}
    chart = charts.stacked(columns, series, values)
    segments = [m for m in chart.marks if "key" not in m.css]
    assert len(segments) == sum(1 for v in values.values() if v > 0)
    assert len(chart.marks) - len(segments) == len(series) and _inside(chart)
    heights: dict[float, float] = {}
    for m in segments:
        heights[m.x] = heights.get(m.x, 0) + m.height
    if segments:
        assert abs(max(heights.values()) - 180) < 1e-6


def test_heat_shades_by_value_and_months_are_consecutive() -> None:
    chart = charts.heat(
        [("rail", "Rail")],
        [("A", "A"), ("B", "B"), ("C", "C")],
        {("rail", "A"): 0, ("rail", "B"): 1, ("rail", "C"): 9},
    )
    assert [m.css for m in chart.marks] == ["heat-1", "heat-4"]  # nothing drawn for 0
    assert months_between("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert months_between("2026-03", "2026-03") == ["2026-03"]

"""Chart geometry for server-drawn SVG: numbers in, rectangles and labels out.

No charting library: the charts are a few rectangles each, drawn by `macros/charts.html` as
inline SVG with classes (colours in coopex.css, so the Content-Security-Policy stays strict).
Every chart's numbers are also shown as a table beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

WIDTH = 640
LABEL = 190  # room for the labels left of horizontal bars
ROW = 30


@dataclass(frozen=True, slots=True)
class Mark:
    x: float
    y: float
    width: float
    height: float
    css: str  # colour class, e.g. "s3" or "heat-2"
    title: str  # what a pointer over it tells


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str
    anchor: str = "start"  # SVG text-anchor
    css: str = "label"


@dataclass(frozen=True, slots=True)
class Chart:
    width: float
    height: float
    marks: list[Mark] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    value: float
    text: str  # the value as shown
    css: str = "s0"


def bars(rows: Sequence[Row], centred: bool = False) -> Chart:
    """Horizontal bars, one per row (zero too), scaled to the largest; `centred` draws a
    funnel."""
    room = WIDTH - LABEL - 110
    top = max((r.value for r in rows), default=0) or 1
    chart = Chart(WIDTH, ROW * len(rows) + 10)
    for i, row in enumerate(rows):
        width = room * row.value / top
        x = LABEL + (room - width) / 2 if centred else LABEL
        y = 5 + i * ROW
        chart.marks.append(Mark(x, y + 3, width, ROW - 8, row.css, f"{row.label}: {row.text}"))
        chart.labels.append(Label(LABEL - 8, y + ROW / 2 + 4, row.label, "end"))
        end = LABEL + (room + width) / 2 if centred else LABEL + width
        chart.labels.append(Label(end + 6, y + ROW / 2 + 4, row.text, "start", "value"))
    return chart


def stacked(
    columns: Sequence[tuple[str, str]],
    series: Sequence[tuple[str, str, str]],
    values: Mapping[tuple[str, str], int],
) -> Chart:
    """Vertical stacked bars: `columns` (key, label), `series` (key, label, colour class),
    `values[(column, series)]`. A segment is drawn only where the value is above zero; the
    legend lists the series."""
    plot_top, plot_height, left = 10, 180, 40
    totals = [sum(values.get((c, s), 0) for s, _, _ in series) for c, _ in columns]
    top = max(totals, default=0) or 1
    step = (WIDTH - left - 10) / max(len(columns), 1)
    legend_rows = (len(series) + 2) // 3
    chart = Chart(WIDTH, plot_top + plot_height + 30 + legend_rows * 22)
    base = plot_top + plot_height
    chart.labels.append(Label(left - 6, plot_top + 4, str(top), "end", "value"))
    chart.labels.append(Label(left - 6, base, "0", "end", "value"))
    thick = min(step * 0.7, 60.0)  # one month alone is a bar, not a wall
    for i, (column, label) in enumerate(columns):
        x, y = left + i * step + (step - thick) / 2, float(base)
        for key, name, css in series:
            n = values.get((column, key), 0)
            if n <= 0:
                continue
            height = plot_height * n / top
            y -= height
            chart.marks.append(Mark(x, y, thick, height, css, f"{label}, {name}: {n}"))
        chart.labels.append(Label(x + thick / 2, base + 16, label, "middle"))
    for i, (_, name, css) in enumerate(series):
        x, y = left + (i % 3) * 200, base + 30 + (i // 3) * 22
        chart.marks.append(Mark(x, y, 12, 12, f"{css} key", name))
        chart.labels.append(Label(x + 18, y + 11, name))
    return chart


def heat(
    rows: Sequence[tuple[str, str]],
    columns: Sequence[tuple[str, str]],
    values: Mapping[tuple[str, str], int],
) -> Chart:
    """A heat grid: `rows` and `columns` (key, label), a cell per pair shaded by its value
    in five steps (`heat-0` for nothing … `heat-4` for the most)."""
    cell, left, head = 34, LABEL, 70
    top = max(values.values(), default=0) or 1
    chart = Chart(max(WIDTH, left + cell * len(columns) + 10), head + cell * len(rows) + 10)
    for j, (_, label) in enumerate(columns):
        x = left + j * cell + cell / 2
        chart.labels.append(Label(x, head - 8, label, "start", f"column c{j % 2}"))
    for i, (row, label) in enumerate(rows):
        y = head + i * cell
        chart.labels.append(Label(left - 8, y + cell / 2 + 4, label, "end"))
        for j, (column, column_label) in enumerate(columns):
            n = values.get((row, column), 0)
            step = 0 if n == 0 else 1 + min(3, int(3 * n / top))
            x = left + j * cell
            chart.marks.append(
                Mark(
                    x + 1,
                    y + 1,
                    cell - 2,
                    cell - 2,
                    f"heat-{step}",
                    f"{label}, {column_label}: {n}",
                )
            )
            if n:
                chart.labels.append(
                    Label(
                        x + cell / 2, y + cell / 2 + 4, str(n), "middle", f"cell heat-text-{step}"
                    )
                )
    return chart

"""Chart geometry for server-drawn SVG: numbers in, rectangles and labels out.

No charting library: the charts are a few rectangles each, written by `svg()` as inline SVG
with classes (colours in coopex.css, so the Content-Security-Policy stays strict). The markup
is built here rather than in a template: a heat grid has hundreds of cells, and Jinja's
per-attribute formatting and escaping cost ~40 ms for them; here every text is still escaped.
Every chart's numbers are also shown as a table beside it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

WIDTH = 640
LABEL = 190  # room for the labels left of horizontal bars
ROW = 30
HEAT_LABEL = 290  # sector names are long; longer ones are shortened (the table has them whole)
HEAT_LABEL_CHARS = 40


def _short(text: str) -> str:
    return text if len(text) <= HEAT_LABEL_CHARS else text[: HEAT_LABEL_CHARS - 1] + "…"


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
    rotate: bool = False  # slanted (column heads of the heat grid)


@dataclass(frozen=True, slots=True)
class Chart:
    width: float
    height: float
    marks: list[Mark] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    grid: Mark | None = None  # a background under the marks (the empty cells of a heat grid)


@dataclass(frozen=True, slots=True)
class Row:
    label: str
    value: float
    text: str  # the value as shown
    css: str = "s0"


def bars(rows: Sequence[Row], centred: bool = False) -> Chart:
    """Horizontal bars, one per row (zero too), scaled to the largest; `centred` draws a
    funnel."""
    room = WIDTH - LABEL - 170  # the value is written after the bar
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
    """A heat grid: `rows` and `columns` (key, label), a cell for each pair with a value above
    zero, shaded in four steps (`heat-1` … `heat-4` for the most) over an empty background."""
    cell, left, head = 34, HEAT_LABEL, 70
    top = max(values.values(), default=0) or 1
    chart = Chart(
        max(WIDTH, left + cell * len(columns) + 10),
        head + cell * len(rows) + 10,
        grid=Mark(left, head, cell * len(columns), cell * len(rows), "heat-0", ""),
    )
    for j, (_, label) in enumerate(columns):
        x = left + j * cell + cell / 2
        chart.labels.append(Label(x, head - 8, label, "start", "column", rotate=True))
    for i, (row, label) in enumerate(rows):
        y = head + i * cell
        chart.labels.append(Label(left - 8, y + cell / 2 + 4, _short(label), "end"))
        for j, (column, column_label) in enumerate(columns):
            n = values.get((row, column), 0)
            if n <= 0:
                continue
            step = 1 + min(3, int(3 * n / top))
            x = left + j * cell
            title = f"{label}, {column_label}: {n}"
            chart.marks.append(Mark(x + 1, y + 1, cell - 2, cell - 2, f"heat-{step}", title))
            middle, css = y + cell / 2 + 4, f"cell heat-text-{step}"
            chart.labels.append(Label(x + cell / 2, middle, str(n), "middle", css))
    return chart


def _rect(m: Mark, css: str) -> str:
    title = f"<title>{escape(m.title)}</title>" if m.title else ""
    return (
        f'<rect class="{escape(css)}" x="{m.x:.1f}" y="{m.y:.1f}" '
        f'width="{m.width:.1f}" height="{m.height:.1f}">{title}</rect>'
    )


def svg(chart: Chart, ident: str, title: str, kind: str) -> Markup:
    """The chart as inline SVG: named for screen readers by its title, styled by class."""
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {chart.width:.0f} '
        f'{chart.height:.0f}" role="img" aria-labelledby="{escape(ident)}-title" '
        f'data-chart="{escape(kind)}">',
        f'<title id="{escape(ident)}-title">{escape(title)}</title>',
    ]
    if chart.grid is not None:
        parts.append(_rect(chart.grid, f"grid {chart.grid.css}"))
    parts.extend(_rect(m, f"mark {m.css}") for m in chart.marks)
    for t in chart.labels:
        turn = f' transform="rotate(-45 {t.x:.1f} {t.y:.1f})"' if t.rotate else ""
        parts.append(
            f'<text class="{escape(t.css)}" x="{t.x:.1f}" y="{t.y:.1f}" '
            f'text-anchor="{escape(t.anchor)}"{turn}>{escape(t.text)}</text>'
        )
    parts.append("</svg>")
    return Markup("\n".join(parts))

"""Localization results as the pages show them: reasons and blockers in the reader's language,
form fields <-> product records, and the outlook and history charts as SVG geometry.

The engine writes its reasons in English for the CLI and the API; here they are rebuilt from
the structured facts (standing, country, territory, constraint, shortfall) so that every
reader gets them in their own language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from coopex.domain.errors import FieldError
from coopex.domain.localization import territory_label
from coopex.domain.localization_assessments import Assessment, Contribution, Standing
from coopex.web.ui.forms import reason_text
from coopex.web.ui.i18n import N_, I18n

OPERATION_ROWS = 8  # operation lines on the product form (blank ones are skipped)
COST_ROWS = 5  # cost lines on the plan form
TERRITORIES = {
    "RU": N_("Russia (RU)"),
    "RU+BY": N_("Union State: Russia and Belarus (RU+BY)"),
    "EAEU": N_("Eurasian Economic Union (EAEU)"),
}

_STANDINGS = {
    Standing.COUNTED: N_("Performed in %(country)s, inside the territory %(territory)s: counts."),
    Standing.COUNTED_EAEU: N_(
        "A component from %(country)s, an EAEU state: this operation accepts any EAEU state."
    ),
    Standing.OUTSIDE: N_(
        "Performed in %(country)s, outside the territory %(territory)s: does not count."
    ),
    Standing.NOT_PERFORMED: N_("Not performed (no country given): does not count."),
    Standing.NOT_APPLICABLE: N_("Does not apply to this product: removed from the maximum."),
    Standing.SUPERSEDED: N_("A better alternative of the same group counts instead."),
}
STANDING_LABELS = {
    Standing.COUNTED: N_("counts"),
    Standing.COUNTED_EAEU: N_("counts (EAEU)"),
    Standing.OUTSIDE: N_("outside"),
    Standing.NOT_PERFORMED: N_("not performed"),
    Standing.NOT_APPLICABLE: N_("not applicable"),
    Standing.SUPERSEDED: N_("superseded"),
}
CONSTRAINTS = {
    "threshold": N_("The threshold cannot be reached"),
    "mandatory": N_("A mandatory operation has no partner inside the territory"),
    "lead_time": N_("Not ready in time"),
    "budget": N_("Over the budget"),
    "capacity": N_("Partners' capacity is too small"),
}
PLAN_STATUSES = {
    "already_eligible": N_("Already eligible: nothing needs to move."),
    "optimal": N_("Optimal plan (proven: no cheaper plan exists)."),
    "feasible": N_("A feasible plan; the solver's time ran out before proving it optimal."),
    "infeasible": N_("No plan meets every constraint."),
    "unknown": N_("The solver found no plan within its time limit."),
}

# The localization domain's reasons, beyond the shared ones of `forms`.
_REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), m)
    for p, m in [
        (
            r"^is required: this category has no operation table",
            N_("Enter the points: this category has no operation table."),
        ),
        (r"^is required for an extra operation", N_("Enter the points of this extra operation.")),
        (
            r"^no shipped regime has a category for this code",
            N_("No regime has a category for this OKPD2 code."),
        ),
        (r"^the code fits several categories", N_("The code fits several categories: choose one.")),
        (r"^no such category in the regime", N_("No such category.")),
        (r"^is not a code of category", N_("The code is not in this category.")),
        (r"^no such operation in regime", N_("No such operation in the regime.")),
        (r"^does not apply to category", N_("This operation does not apply to the category.")),
        (r"listed twice", N_("The operation is listed twice.")),
        (r"^not an ISO 3166-1 country", N_("Unknown country code (ISO 3166-1, e.g. RU).")),
        (r"^must be a non-empty list of operations", N_("Enter at least one operation.")),
        (r"^outside regime", N_("The date is outside the regime's dates.")),
        (r"^no threshold of category .* is in force", N_("No threshold is in force on that day.")),
        (r"^names no country", N_("Choose a territory.")),
        (r"^is after the target date", N_("The start is after the target date.")),
        (r"^must be zero or more", N_("Enter a number, zero or more.")),
        (r"^must be a whole number of days", N_("Enter a whole number of days, zero or more.")),
        (r"^not an operation of this product", N_("Not an operation of this product.")),
        (r"^must be an ISO 4217 code", N_("Enter a currency code, e.g. RUB.")),
        (r"^not valid (JSON|YAML)", N_("The file is not valid JSON or YAML.")),
        (r"^must hold a product object", N_("The file holds no product.")),
        (r"^not UTF-8 text", N_("The file is not UTF-8 text.")),
    ]
]


def reason(i18n: I18n, text: str) -> str:
    for pattern, message in _REASONS:
        if pattern.search(text):
            return i18n.gettext(message)
    return reason_text(i18n, text)


def contribution_reason(i18n: I18n, row: Contribution, territory: frozenset[str]) -> str:
    return i18n.gettext(_STANDINGS[row.standing]) % {
        "country": i18n.country(row.country),
        "territory": territory_label(territory),
    }


def blocker_headline(
    i18n: I18n, constraint: str, message: str, shortfall: float, currency: str
) -> str:
    """What blocks the plan and by how much, in the reader's language."""
    head = i18n.gettext(CONSTRAINTS.get(constraint, constraint))
    if constraint == "budget":
        return (
            head
            + ": "
            + i18n.gettext("short by %(amount)s") % {"amount": i18n.money(shortfall, currency)}
        )
    if constraint == "threshold" or (
        constraint == "lead_time" and message.startswith("the threshold")
    ):
        return head + ": " + i18n.gettext("short by %(n)s points") % {"n": i18n.number(shortfall)}
    if constraint == "lead_time":
        return head + ": " + i18n.gettext("over by %(n)s days") % {"n": i18n.number(shortfall)}
    return head


# -- form fields <-> product records ------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProductForm:
    """A product built from the form, with where each operation line came from."""

    raw: dict[str, object]
    rows: tuple[int, ...]  # the form row of operations[i]
    cost_rows: tuple[int, ...] = ()  # the form row of plan.operations[i]


def _number(text: str) -> object:
    try:
        value = float(text.replace(",", ".").replace(" ", ""))
    except ValueError:
        return text  # the domain names the field and why
    return int(value) if value.is_integer() else value


def product_from_form(form: Mapping[str, str]) -> ProductForm:
    raw: dict[str, object] = {}
    for name in ("name", "okpd2", "category"):
        value = form.get(name, "").strip()
        if value:
            raw[name] = value
    operations: list[dict[str, object]] = []
    rows: list[int] = []
    for row in range(OPERATION_ROWS):
        operation = form.get(f"op_{row}", "").strip()
        country = form.get(f"country_{row}", "").strip().upper()
        points = form.get(f"points_{row}", "").strip()
        if not (operation or country or points):
            continue
        line: dict[str, object] = {"operation": operation}
        if country:
            line["country"] = country
        if points:
            line["points"] = _number(points)
        operations.append(line)
        rows.append(row)
    raw["operations"] = operations
    return ProductForm(raw, tuple(rows))


def plan_from_form(form: Mapping[str, str]) -> tuple[dict[str, object], tuple[int, ...]]:
    costs: list[dict[str, object]] = []
    rows: list[int] = []
    for row in range(COST_ROWS):
        operation = form.get(f"cost_op_{row}", "").strip()
        cost = form.get(f"cost_{row}", "").strip()
        days = form.get(f"lead_{row}", "").strip()
        if not (operation or cost or days):
            continue
        line: dict[str, object] = {"operation": operation}
        if cost:
            line["cost"] = _number(cost)
        if days:
            line["lead_time_days"] = _number(days)
        costs.append(line)
        rows.append(row)
    plan: dict[str, object] = {"operations": costs}
    onboarding = form.get("onboarding_cost", "").strip()
    if onboarding:
        plan["onboarding_cost"] = _number(onboarding)
    currency = form.get("currency", "").strip()
    if currency:
        plan["currency"] = currency
    return plan, tuple(rows)


def form_values(
    record: Mapping[str, object], plan: Mapping[str, object] | None = None
) -> dict[str, str]:
    """A product record (and its plan section) as the form's fields, to fill the form."""
    values = {k: str(record[k]) for k in ("name", "okpd2", "category") if record.get(k)}
    operations = record.get("operations")
    for row, line in enumerate(operations if isinstance(operations, list) else []):
        if row >= OPERATION_ROWS or not isinstance(line, Mapping):
            break
        values[f"op_{row}"] = str(line.get("operation", ""))
        values[f"country_{row}"] = str(line.get("country") or "")
        points = line.get("points")
        values[f"points_{row}"] = (
            "" if points is None else f"{points:g}" if isinstance(points, float) else str(points)
        )
    if plan:
        costs = plan.get("operations")
        for row, line in enumerate(costs if isinstance(costs, list) else []):
            if row >= COST_ROWS or not isinstance(line, Mapping):
                break
            values[f"cost_op_{row}"] = str(line.get("operation", ""))
            values[f"cost_{row}"] = str(line.get("cost", ""))
            values[f"lead_{row}"] = str(line.get("lead_time_days", ""))
        for key in ("onboarding_cost", "currency"):
            if plan.get(key) is not None:
                values[key] = str(plan[key])
    return values


_FORM_FIELDS = {
    "name",
    "okpd2",
    "category",
    "operations",
    "on",
    "by",
    "start",
    "territory",
    "budget",
    "max_lead_time_days",
    "onboarding_cost",
    "currency",
    "costs",
    "file",
}
_LINE = re.compile(r"^operations\[(\d+)\]\.(\w+)")
_COST = re.compile(r"^plan\.operations\[(\d+)\]\.(\w+)")
_COST_FIELDS = {"operation": "cost_op", "cost": "cost", "lead_time_days": "lead"}
_LINE_FIELDS = {"operation": "op", "country": "country", "points": "points"}


def errors_by_field(
    i18n: I18n, errors: Iterable[FieldError], product: ProductForm | None = None
) -> dict[str, list[str]]:
    """Domain field paths -> form fields: `operations[2].points` is the points box of the
    form row that line came from; `plan.operations[0].cost` a cost box. Without a form (a
    file), the messages stay under the file field, each with its place in the file."""
    shown: dict[str, list[str]] = {}
    for error in errors:
        text = reason(i18n, error.reason)
        name: str | None = None
        line = _LINE.match(error.field)
        cost = _COST.match(error.field)
        if product is None:
            name = (
                error.field.split(".")[0]
                if error.field in ("on", "by", "territory", "budget", "max_lead_time_days", "start")
                else "file"
            )
            if name == "file":
                text = f"{error.field}: {text}"
        elif line and int(line.group(1)) < len(product.rows) and line.group(2) in _LINE_FIELDS:
            name = f"{_LINE_FIELDS[line.group(2)]}_{product.rows[int(line.group(1))]}"
        elif cost and int(cost.group(1)) < len(product.cost_rows) and cost.group(2) in _COST_FIELDS:
            name = f"{_COST_FIELDS[cost.group(2)]}_{product.cost_rows[int(cost.group(1))]}"
        elif error.field.startswith("plan."):
            name = error.field.split(".")[1].split("[")[0]
            name = name if name in ("onboarding_cost", "currency") else "costs"
        else:
            name = re.split(r"[.\[]", error.field, maxsplit=1)[0]
        if name not in _FORM_FIELDS and not re.fullmatch(
            r"(op|country|points|cost_op|cost|lead)_\d+", name
        ):
            text, name = f"{error.field}: {text}", "product"  # no box of its own: above the form
        shown.setdefault(name, []).append(text)
    return shown


# -- charts -------------------------------------------------------------------------------

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 16, 36


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str
    ok: bool


@dataclass(frozen=True, slots=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    width: int
    height: int
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    line_y: float | None  # the score, across the chart
    points: str = ""  # a polyline (history: the score)
    threshold_points: str = ""  # a polyline (history: the threshold)
    dots: tuple[tuple[float, float, bool], ...] = ()
    labels: tuple[tuple[float, str], ...] = ()
    left: int = LEFT
    right: int = WIDTH - RIGHT
    bottom: int = HEIGHT - BOTTOM


def _scale(top: float) -> tuple[float, tuple[float, ...]]:
    """A round upper bound and its gridlines."""
    top = max(top, 1.0)
    step = 10 ** len(str(int(top))) / 10
    for factor in (1, 2, 5, 10):
        if top / (step * factor) <= 5:
            step *= factor
            break
    ceiling = step * (int(top // step) + 1)
    return ceiling, tuple(step * k for k in range(int(ceiling // step) + 1))


def outlook_chart(i18n: I18n, assessment: Assessment) -> Chart:
    """Thresholds by date as bars (green: met), the score as a line across them."""
    points = [p for p in assessment.outlook if p.threshold is not None]
    ceiling, grid = _scale(max([assessment.score, *(p.threshold or 0 for p in points)]))
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / max(len(points), 1)

    def y(value: float) -> float:
        return round(TOP + plot_h * (1 - value / ceiling), 1)

    bars = tuple(
        Bar(
            round(LEFT + slot * i + slot * 0.2, 1),
            y(p.threshold or 0),
            round(slot * 0.6, 1),
            round(HEIGHT - BOTTOM - y(p.threshold or 0), 1),
            _day(i18n, p.on, assessment.on),
            i18n.number(round(p.threshold or 0, 2)),
            p.eligible,
        )
        for i, p in enumerate(points)
    )
    ticks = tuple(Tick(y(v), i18n.number(v)) for v in grid)
    return Chart(WIDTH, HEIGHT, bars, ticks, y(assessment.score))


def _day(i18n: I18n, day: date, first: date) -> str:
    return i18n.date(day) if day == first or (day.month, day.day) != (1, 1) else str(day.year)


@dataclass(frozen=True, slots=True)
class HistoryPoint:
    on: date
    score: float
    threshold: float
    eligible: bool


def history_chart(i18n: I18n, entries: Sequence[HistoryPoint]) -> Chart | None:
    """Score and threshold of each recorded assessment, in the order of their dates."""
    if not entries:
        return None
    ordered = sorted(entries, key=lambda e: e.on)
    ceiling, grid = _scale(max(max(e.score, e.threshold) for e in ordered))
    plot_h = HEIGHT - TOP - BOTTOM
    plot_w = WIDTH - LEFT - RIGHT
    step = plot_w / max(len(ordered) - 1, 1)

    def y(value: float) -> float:
        return round(TOP + plot_h * (1 - value / ceiling), 1)

    xs = [
        round(LEFT + (step * i if len(ordered) > 1 else plot_w / 2), 1) for i in range(len(ordered))
    ]
    return Chart(
        WIDTH,
        HEIGHT,
        (),
        tuple(Tick(y(v), i18n.number(v)) for v in grid),
        None,
        points=" ".join(f"{x},{y(e.score)}" for x, e in zip(xs, ordered, strict=True)),
        threshold_points=" ".join(
            f"{x},{y(e.threshold)}" for x, e in zip(xs, ordered, strict=True)
        ),
        dots=tuple((x, y(e.score), e.eligible) for x, e in zip(xs, ordered, strict=True)),
        labels=tuple((x, i18n.date(e.on)) for x, e in zip(xs, ordered, strict=True)),
    )


def script_language(text: str) -> str:
    """The language a regime's own text is written in, for its `lang` attribute."""
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    if re.search(r"[а-яА-ЯёЁ]", text):
        return "ru"
    return "en"

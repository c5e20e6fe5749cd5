"""Assessing many products of one category at once, as numpy arrays.

A batch is N products by M operation columns: the points of each operation (the regime's,
or the user's in a threshold-only category), where each is performed (a country index, -1
when not performed), whether it applies, and the day of each assessment. The result agrees
with `assess.assess` product by product (a property test checks it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import numpy.typing as npt

from coopex.domain.localization import EAEU, EPSILON, Category, Regime, ThresholdKind
from coopex.domain.localization_products import Subject

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class CompiledCategory:
    """One category's table as arrays. For a threshold-only category the columns are just
    positions (the n-th operation the product lists)."""

    regime: Regime
    category: Category
    columns: tuple[str, ...]
    groups: tuple[tuple[int, ...], ...]  # column sets of which only the best counts
    ungrouped: IntArray
    any_eaeu: BoolArray
    mandatory: BoolArray
    multipliers: tuple[tuple[int, float, IntArray, int, int, bool], ...]
    starts: IntArray  # threshold rows: first day (ordinal)
    ends: IntArray  # last day (ordinal; a large number when open)
    percent: BoolArray
    values: FloatArray
    countries: tuple[str, ...]  # country index -> ISO code


@dataclass(frozen=True, slots=True)
class Batch:
    points: FloatArray  # N x M, before multipliers
    country: IntArray  # N x M, index into CompiledCategory.countries, -1: not performed
    applicable: BoolArray  # N x M
    claims: BoolArray  # N x (multipliers): the product claims it
    on: IntArray  # N, day ordinals


@dataclass(frozen=True, slots=True)
class BatchResult:
    score: FloatArray
    maximum: FloatArray
    threshold: FloatArray  # NaN where no threshold is in force
    eligible: BoolArray
    missing_mandatory: IntArray  # how many mandatory operations are not counted


_OPEN = date.max.toordinal()


def compile_category(
    regime: Regime, category: Category, width: int = 0, countries: Sequence[str] = ()
) -> CompiledCategory:
    """`width`: columns for operations whose points the user enters — every operation of a
    threshold-only category, the `extra` ones of a table (the products' longest list);
    `countries`: the ISO codes the batches will use (the EAEU members are always added)."""
    entered = tuple(f"#{i}" for i in range(width))
    table = () if category.threshold_only else category.operations
    columns = (*table, *entered)
    groups: dict[str, list[int]] = {}
    for index, op_id in enumerate(table):
        group = regime.operations[op_id].group
        if group is not None:
            groups.setdefault(group, []).append(index)
    eaeu = np.array([regime.operations[o].any_eaeu for o in table] + [False] * width, dtype=bool)
    mandatory = np.array([o in category.mandatory for o in table] + [False] * width, dtype=bool)
    grouped = {i for members in groups.values() for i in members}
    multipliers = []
    for index, m in enumerate(regime.multipliers):
        cols = np.array([i for i, o in enumerate(columns) if o in m.operations], dtype=np.int64)
        start = m.start.toordinal() if m.start else 0
        end = m.until.toordinal() if m.until else _OPEN
        multipliers.append((index, m.factor, cols, start, end, m.claimed))
    rows = category.thresholds
    return CompiledCategory(
        regime=regime,
        category=category,
        columns=columns,
        groups=tuple(tuple(v) for v in groups.values()),
        ungrouped=np.array([i for i in range(len(columns)) if i not in grouped], dtype=np.int64),
        any_eaeu=eaeu,
        mandatory=mandatory,
        multipliers=tuple(multipliers),
        starts=np.array([r.start.toordinal() for r in rows], dtype=np.int64),
        ends=np.array([r.until.toordinal() if r.until else _OPEN for r in rows], dtype=np.int64),
        percent=np.array([r.kind is ThresholdKind.PERCENT for r in rows], dtype=bool),
        values=np.array([r.value for r in rows], dtype=np.float64),
        countries=tuple(dict.fromkeys([*countries, *sorted(EAEU)])),
    )


def encode(compiled: CompiledCategory, subjects: Sequence[Subject], on: Sequence[date]) -> Batch:
    """Products already resolved against `compiled`'s category, as arrays. The lines are
    gathered into flat lists and written with one fancy-indexed assignment per array (numpy's
    per-element assignment costs more than the Python loop itself)."""
    n, m = len(subjects), len(compiled.columns)
    index: dict[str | None, int] = {code: i for i, code in enumerate(compiled.countries)}
    index[None] = -1
    position = {op: i for i, op in enumerate(compiled.columns) if not op.startswith("#")}
    first_entered = len(compiled.columns) - sum(c.startswith("#") for c in compiled.columns)
    rows: list[int] = []
    cols: list[int] = []
    points: list[float] = []
    sites: list[int] = []
    applies: list[bool] = []
    for row, subject in enumerate(subjects):
        slot = first_entered
        for line in subject.lines:
            if line.entered:
                cols.append(slot)
                slot += 1
            else:
                cols.append(position[line.operation])
            rows.append(row)
            points.append(line.points)
            applies.append(line.applicable)
            site = index.get(line.country, -2)
            if site == -2:
                raise ValueError(f"country {line.country} was not given to compile_category")
            sites.append(site)
    if cols and max(cols) >= m:
        raise ValueError("more entered operations than compile_category's width")
    where = (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64))
    points_array = np.zeros((n, m), dtype=np.float64)
    points_array[where] = points
    country = np.full((n, m), -1, dtype=np.int64)
    country[where] = sites
    applicable = np.zeros((n, m), dtype=bool)
    applicable[where] = applies
    mult_ids = [x.id for x in compiled.regime.multipliers]
    claims = np.array(
        [[mult_id in subject.claims for mult_id in mult_ids] for subject in subjects],
        dtype=bool,
    ).reshape(n, len(mult_ids))
    days = np.array([d.toordinal() for d in on], dtype=np.int64)
    return Batch(points_array, country, applicable, claims, days)


def assess_batch(
    compiled: CompiledCategory, batch: Batch, territory: frozenset[str]
) -> BatchResult:
    """Scores, maxima, thresholds and eligibility of every product in the batch."""
    codes = compiled.countries
    inside = np.array([c in territory for c in codes] + [False], dtype=bool)
    eaeu = np.array([c in EAEU for c in codes] + [False], dtype=bool)
    where = batch.country  # -1 indexes the trailing False
    counted = inside[where] | (eaeu[where] & compiled.any_eaeu[np.newaxis, :])
    counted &= batch.applicable
    worth = batch.points.copy()
    for k, factor, cols, start, end, claimed in compiled.multipliers:
        if cols.size == 0:
            continue
        rows = (batch.on >= start) & (batch.on <= end)
        if claimed:
            rows &= batch.claims[:, k]
        worth[np.ix_(rows, cols)] *= factor
    possible = np.where(batch.applicable, worth, 0.0)
    gained = np.where(counted, worth, 0.0)
    ungrouped = compiled.ungrouped
    score = gained[:, ungrouped].sum(axis=1)
    maximum = possible[:, ungrouped].sum(axis=1)
    for members in compiled.groups:
        cols = np.array(members)
        score += gained[:, cols].max(axis=1)
        maximum += possible[:, cols].max(axis=1)
    # like `assess`: a mandatory operation counts as done when performed inside, even when a
    # better alternative of its group is the one scored
    missing = (compiled.mandatory[np.newaxis, :] & batch.applicable & ~counted).sum(axis=1)
    row = np.searchsorted(compiled.starts, batch.on, side="right") - 1
    safe = np.clip(row, 0, None)
    in_force = (row >= 0) & (batch.on <= compiled.ends[safe])
    values = compiled.values[safe]
    threshold = np.where(compiled.percent[safe], values * maximum / 100.0, values)
    threshold = np.where(in_force, threshold, np.nan)
    eligible = in_force & (score + EPSILON >= np.nan_to_num(threshold, nan=np.inf))
    eligible &= missing == 0
    return BatchResult(score, maximum, threshold, eligible, missing.astype(np.int64))

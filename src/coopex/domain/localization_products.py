"""Products for the localization engine: what a product file holds, and the product read
against one category of a regime (`Subject`), ready to assess; products kept per organisation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.codes import CodeScheme, code_format_error, country_format_error
from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.fields import FieldReader
from coopex.domain.localization import Category, Regime

# -- products -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProductOperation:
    """One line of a product: an operation (a regime id or name), where it is performed."""

    operation: str
    country: str | None = None  # None: not performed (yet)
    points: float | None = None  # required for threshold-only categories and extras
    performer: str | None = None  # an organisation ref, optional
    applicable: bool = True  # False: removed from the maximum
    extra: bool = False  # an operation of the decree's table the shipped excerpt lacks


@dataclass(frozen=True, slots=True)
class Product:
    name: str
    okpd2: str
    operations: tuple[ProductOperation, ...]
    regime: str | None = None
    category: str | None = None
    multipliers: tuple[str, ...] = ()
    ref: str | None = None


def _points(reader: FieldReader, name: str) -> float | None:
    value = reader.optional_decimal(name)
    return None if value is None else float(value)


def _flag(reader: FieldReader, name: str, default: bool) -> bool:
    value = reader.raw.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        reader.fail(name, "must be true or false", value)
        return default
    return value


def build_product_operation(
    raw: object, catalog: ReferenceCatalog, where: str, errors: list[FieldError]
) -> ProductOperation | None:
    if not isinstance(raw, Mapping):
        errors.append(FieldError(where, "must be an object with an operation"))
        return None
    reader = FieldReader(raw)
    operation = reader.text("operation")
    country = reader.optional_text("country")
    if country is not None:
        country = country.upper()
        problem = country_format_error(country)
        if problem is None and not catalog.country_exists(country):
            problem = "not an ISO 3166-1 country"
        if problem:
            reader.fail("country", problem, country)
    points = _points(reader, "points")
    performer = reader.ref("performer")
    applicable = _flag(reader, "applicable", True)
    extra = _flag(reader, "extra", False)
    errors.extend(FieldError(f"{where}.{e.field}", e.reason, e.value) for e in reader.errors)
    if reader.errors:
        return None
    return ProductOperation(operation, country, points, performer, applicable, extra)


def build_product(raw: Mapping[str, object], catalog: ReferenceCatalog) -> Product:
    """Validate a product's shape (the regime checks its operations: `resolve_product`)."""
    reader = FieldReader(raw)
    name = reader.text("name")
    okpd2 = (reader.optional_text("okpd2") or "").removeprefix("OKPD2:")
    if not okpd2:
        reader.fail("okpd2", "is required")
    elif problem := code_format_error(CodeScheme.OKPD2, okpd2):
        reader.fail("okpd2", problem, okpd2)
    regime = reader.ref("regime")
    category = reader.ref("category")
    multipliers = reader.text_list("multipliers")
    ref = reader.ref("ref")
    errors = list(reader.errors)
    operations: list[ProductOperation] = []
    items = raw.get("operations")
    if not isinstance(items, list) or not items:
        errors.append(FieldError("operations", "must be a non-empty list of operations"))
    else:
        for index, item in enumerate(items):
            built = build_product_operation(item, catalog, f"operations[{index}]", errors)
            if built is not None:
                operations.append(built)
    if errors:
        raise ValidationFailed(errors)
    return Product(name, okpd2, tuple(operations), regime, category, multipliers, ref)


def product_record(product: Product) -> dict[str, object]:
    """The plain-data form of a Product, the inverse of `build_product`."""
    record: dict[str, object] = {"name": product.name, "okpd2": product.okpd2}
    for key in ("ref", "regime", "category"):
        if getattr(product, key) is not None:
            record[key] = getattr(product, key)
    if product.multipliers:
        record["multipliers"] = list(product.multipliers)
    lines = []
    for op in product.operations:
        line: dict[str, object] = {"operation": op.operation}
        if op.country is not None:
            line["country"] = op.country
        if op.points is not None:
            line["points"] = op.points
        if op.performer is not None:
            line["performer"] = op.performer
        if not op.applicable:
            line["applicable"] = False
        if op.extra:
            line["extra"] = True
        lines.append(line)
    record["operations"] = lines
    return record


# -- a product read against a regime --------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Line:
    """One operation of a product as the regime sees it: its points and where it is done."""

    operation: str  # the regime's operation id, or the product's own name
    name: str
    points: float  # before multipliers
    country: str | None
    performer: str | None
    applicable: bool
    group: str | None = None
    any_eaeu: bool = False
    mandatory: bool = False
    entered: bool = False  # points entered by the user (threshold-only, extra)
    listed: bool = True  # False: a regime operation the product does not mention


@dataclass(frozen=True, slots=True)
class Subject:
    """A product resolved against one category of one regime: ready to assess."""

    product: Product
    regime: Regime
    category: Category
    lines: tuple[Line, ...]
    claims: frozenset[str] = field(default_factory=frozenset)

    def factor(self, operation: str, on: date) -> float:
        factor = 1.0
        for multiplier in self.regime.multipliers:
            if operation in multiplier.operations and multiplier.applies(on, self.claims):
                factor *= multiplier.factor
        return factor


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("ё", "е").split())


def find_category(regimes: Sequence[Regime], product: Product) -> tuple[Regime, Category]:
    """The category the product falls in: the one named, else the longest OKPD2 prefix."""
    pool = [r for r in regimes if product.regime is None or r.id == product.regime]
    if product.regime is not None and not pool:
        known = ", ".join(r.id for r in regimes)
        raise ValidationFailed(
            [FieldError("regime", f"unknown regime; known: {known}", product.regime)]
        )
    if product.category is not None:
        found = [(r, c) for r in pool for c in r.categories if c.id == product.category]
        if not found:
            raise ValidationFailed(
                [FieldError("category", "no such category in the regime", product.category)]
            )
        if len(found) > 1:
            raise ValidationFailed(
                [
                    FieldError(
                        "regime",
                        "the category exists in several regimes: name the regime",
                        ", ".join(r.id for r, _ in found),
                    )
                ]
            )
        regime, category = found[0]
        if category.prefix_length(product.okpd2) == 0:
            raise ValidationFailed(
                [
                    FieldError(
                        "okpd2",
                        f"is not a code of category {category.id!r} ({', '.join(category.okpd2)})",
                        product.okpd2,
                    )
                ]
            )
        return regime, category
    scored = [(c.prefix_length(product.okpd2), r, c) for r in pool for c in r.categories]
    best = max((length for length, _, _ in scored), default=0)
    if best == 0:
        raise ValidationFailed(
            [FieldError("okpd2", "no shipped regime has a category for this code", product.okpd2)]
        )
    top = [(r, c) for length, r, c in scored if length == best]
    if len(top) > 1:
        options = ", ".join(f"{r.id}/{c.id}" for r, c in top)
        raise ValidationFailed(
            [
                FieldError(
                    "category",
                    f"the code fits several categories; name one of: {options}",
                    product.okpd2,
                )
            ]
        )
    return top[0]


def resolve_product(regimes: Sequence[Regime], product: Product) -> Subject:
    """Read the product against its regime; unknown operations and missing points are
    reported per line, all at once."""
    regime, category = find_category(regimes, product)
    errors: list[FieldError] = []
    for claim in product.multipliers:
        if not any(m.id == claim and m.claimed for m in regime.multipliers):
            errors.append(
                FieldError("multipliers", f"no claimable multiplier in regime {regime.id!r}", claim)
            )
    if category.threshold_only:
        lines = _threshold_only_lines(product, errors)
    else:
        lines = _table_lines(regime, category, product, errors)
    if errors:
        raise ValidationFailed(errors)
    return Subject(product, regime, category, tuple(lines), frozenset(product.multipliers))


def _threshold_only_lines(product: Product, errors: list[FieldError]) -> list[Line]:
    lines = []
    seen: set[str] = set()
    for index, op in enumerate(product.operations):
        where = f"operations[{index}]"
        if op.points is None:
            errors.append(
                FieldError(
                    f"{where}.points",
                    "is required: this category has no "
                    "operation table, so the product's own points are entered",
                )
            )
            continue
        if _norm(op.operation) in seen:
            errors.append(FieldError(f"{where}.operation", "is listed twice", op.operation))
            continue
        seen.add(_norm(op.operation))
        lines.append(
            Line(
                op.operation,
                op.operation,
                op.points,
                op.country,
                op.performer,
                op.applicable,
                entered=True,
            )
        )
    return lines


def _table_lines(
    regime: Regime, category: Category, product: Product, errors: list[FieldError]
) -> list[Line]:
    names: dict[str, str] = {}
    for op_id in category.operations:
        table_op = regime.operations[op_id]
        for key in (table_op.id, table_op.name, *table_op.aliases):
            names.setdefault(_norm(key), op_id)
    given: dict[str, tuple[int, ProductOperation]] = {}
    extras: list[Line] = []
    for index, op in enumerate(product.operations):
        where = f"operations[{index}]"
        if op.extra:
            if not category.extra_operations:
                errors.append(
                    FieldError(
                        f"{where}.extra",
                        f"category {category.id!r} takes no operations beyond its table",
                        op.operation,
                    )
                )
            elif op.points is None:
                errors.append(FieldError(f"{where}.points", "is required for an extra operation"))
            elif _norm(op.operation) in names:
                errors.append(
                    FieldError(
                        f"{where}.extra",
                        "the operation is in the table: drop `extra`",
                        op.operation,
                    )
                )
            else:
                extras.append(
                    Line(
                        op.operation,
                        op.operation,
                        op.points,
                        op.country,
                        op.performer,
                        op.applicable,
                        entered=True,
                    )
                )
            continue
        found_id = names.get(_norm(op.operation))
        if found_id is None:
            known = regime.operations.get(op.operation)
            reason = (
                f"does not apply to category {category.id!r}"
                if known
                else f"no such operation in regime {regime.id!r}"
            )
            errors.append(FieldError(f"{where}.operation", reason, op.operation))
            continue
        if found_id in given:
            errors.append(
                FieldError(
                    f"{where}.operation",
                    f"operation {found_id!r} is listed twice "
                    f"(also operations[{given[found_id][0]}])",
                    op.operation,
                )
            )
            continue
        given[found_id] = (index, op)
    lines = []
    for op_id in category.operations:
        table_op = regime.operations[op_id]
        points = table_op.points_for(category.id)
        mandatory = op_id in category.mandatory
        if op_id in given:
            line = given[op_id][1]
            lines.append(
                Line(
                    op_id,
                    table_op.name,
                    points,
                    line.country,
                    line.performer,
                    line.applicable,
                    table_op.group,
                    table_op.any_eaeu,
                    mandatory,
                )
            )
        else:
            lines.append(
                Line(
                    op_id,
                    table_op.name,
                    points,
                    None,
                    None,
                    True,
                    table_op.group,
                    table_op.any_eaeu,
                    mandatory,
                    listed=False,
                )
            )
    return lines + extras


# -- stored products ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoredProduct:
    """A product kept for an organisation, with the regime and category it resolved to."""

    ref: str
    org_ref: str
    name: str
    okpd2: str
    regime: str
    category: str
    record: Mapping[str, object]  # product_record(...), the product file's data
    plan: Mapping[str, object] | None
    created_by: str
    created_at: datetime | None = None
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class AssessmentEntry:
    """One assessment in a stored product's history."""

    product_ref: str
    on: date
    territory: str
    score: float
    maximum: float
    threshold: float
    eligible: bool
    result: Mapping[str, object]  # assessment_record(...)
    assessed_by: str
    assessed_at: datetime | None = None
    id: int | None = field(default=None, compare=False)

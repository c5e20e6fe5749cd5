"""Building a `Regime` from plain data (a parsed YAML or JSON file), checking every rule.

Every problem is collected with its path (`categories[2].thresholds[0].from`), so one run
names all of them; nothing is returned unless the whole regime is valid. The schema is
documented in docs/localization.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.codes import Code, CodeScheme, code_format_error, parse_code
from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.fields import REF_PATTERN, FieldReader
from coopex.domain.geography import UNIONS
from coopex.domain.localization import (
    Category,
    Multiplier,
    Operation,
    Regime,
    Threshold,
    ThresholdKind,
)

_REGIME_KEYS = {
    "id",
    "name",
    "source",
    "disclaimer",
    "territory",
    "valid_from",
    "valid_until",
    "notes",
    "operations",
    "categories",
    "multipliers",
}
_OPERATION_KEYS = {
    "id",
    "name",
    "points",
    "variants",
    "group",
    "any_eaeu",
    "aliases",
    "codes",
    "sectors",
    "search",
    "note",
}
_CATEGORY_KEYS = {
    "id",
    "name",
    "okpd2",
    "operations",
    "mandatory",
    "thresholds",
    "threshold_only",
    "extra_operations",
    "note",
    "section",
}
_THRESHOLD_KEYS = {"from", "until", "points", "percent", "note"}
_MULTIPLIER_KEYS = {"id", "name", "factor", "operations", "from", "until", "claimed", "note"}


class _Errors:
    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, where: str, reason: str, value: object = None) -> None:
        self.items.append(FieldError(where, reason, None if value is None else str(value)))

    def take(self, reader: FieldReader, where: str) -> None:
        for e in reader.errors:
            self.items.append(
                FieldError(f"{where}.{e.field}" if where else e.field, e.reason, e.value)
            )

    def unknown_keys(self, raw: Mapping[str, object], allowed: set[str], where: str) -> None:
        for key in raw:
            if key not in allowed:
                path = f"{where}.{key}" if where else str(key)
                self.add(path, f"unknown field; allowed: {', '.join(sorted(allowed))}")


def _objects(raw: object, where: str, errors: _Errors) -> list[Mapping[str, object]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        errors.add(where, "must be a list")
        return []
    found = []
    for index, item in enumerate(raw):
        if isinstance(item, Mapping):
            found.append(item)
        else:
            errors.add(f"{where}[{index}]", "must be an object")
            found.append({})
    return found


def _number(reader: FieldReader, name: str, *, required: bool) -> float | None:
    value = reader.optional_decimal(name)
    if value is None:
        if required and not any(e.field == name for e in reader.errors):
            reader.fail(name, "is required")
        return None
    return float(value)


def _flag(reader: FieldReader, name: str) -> bool:
    value = reader.raw.get(name, False)
    if not isinstance(value, bool):
        reader.fail(name, "must be true or false", value)
        return False
    return value


def _id(reader: FieldReader, name: str = "id") -> str:
    value = reader.ref(name)
    if value is None and not any(e.field == name for e in reader.errors):
        reader.fail(name, "is required")
    return value or ""


def _codes(reader: FieldReader, name: str) -> tuple[Code, ...]:
    codes = []
    for text in reader.text_list(name):
        try:
            codes.append(parse_code(text))
        except ValueError as error:
            reader.fail(name, str(error), text)
    return tuple(codes)


def _territory(raw: object, catalog: ReferenceCatalog, errors: _Errors) -> frozenset[str]:
    items = raw if isinstance(raw, list) else [raw] if isinstance(raw, str) else None
    if not items:
        errors.add("territory", "is required: a list of ISO 3166-1 countries or a union (EAEU)")
        return frozenset()
    countries: set[str] = set()
    for item in items:
        code = str(item).strip().upper()
        if code in UNIONS:
            countries |= UNIONS[code]
        elif len(code) == 2 and code.isalpha() and catalog.country_exists(code):
            countries.add(code)
        else:
            errors.add("territory", "not an ISO 3166-1 alpha-2 country or a union", item)
    return frozenset(countries)


def _operation(
    raw: Mapping[str, object], where: str, catalog: ReferenceCatalog, errors: _Errors
) -> Operation:
    errors.unknown_keys(raw, _OPERATION_KEYS, where)
    reader = FieldReader(raw)
    op_id = _id(reader)
    name = reader.text("name", max_length=300)
    points = _number(reader, "points", required=True) or 0.0
    variants: list[tuple[str, float]] = []
    raw_variants = raw.get("variants")
    if raw_variants is not None:
        if not isinstance(raw_variants, Mapping):
            reader.fail("variants", "must map category ids to points")
        else:
            sub = FieldReader({str(k): v for k, v in raw_variants.items()})
            for key in sub.raw:
                value = _number(sub, key, required=True)
                if value is not None:
                    variants.append((key, value))
            for e in sub.errors:
                reader.fail(f"variants.{e.field}", e.reason, e.value)
    group = reader.ref("group")
    sectors = reader.text_list("sectors")
    for sector in sectors:
        if catalog.sector(sector) is None:
            reader.fail("sectors", "unknown sector (see `coopex sectors`)", sector)
    operation = Operation(
        id=op_id,
        name=name,
        points=points,
        variants=tuple(variants),
        group=group,
        any_eaeu=_flag(reader, "any_eaeu"),
        aliases=reader.text_list("aliases", max_length=300),
        codes=_codes(reader, "codes"),
        sectors=sectors,
        search=reader.optional_text("search", max_length=1000) or "",
    )
    errors.take(reader, where)
    return operation


def _thresholds(
    raw: object, where: str, regime_from: date | None, errors: _Errors
) -> tuple[Threshold, ...]:
    rows: list[Threshold] = []
    for index, item in enumerate(_objects(raw, where, errors)):
        at = f"{where}[{index}]"
        errors.unknown_keys(item, _THRESHOLD_KEYS, at)
        reader = FieldReader(item)
        start = reader.optional_date("from") or regime_from
        until = reader.optional_date("until")
        points = _number(reader, "points", required=False)
        percent = _number(reader, "percent", required=False)
        if (points is None) == (percent is None) and not reader.errors:
            reader.fail("points", "give exactly one of `points` or `percent`")
        if percent is not None and not 0 < percent <= 100:
            reader.fail("percent", "must be more than 0 and at most 100", percent)
        if start is not None and until is not None and until < start:
            reader.fail("until", "is before `from`", until)
        if start is not None and rows and start <= rows[-1].start:
            reader.fail("from", "thresholds must be in order of their dates, each date once", start)
        errors.take(reader, at)
        if start is not None and not reader.errors:
            kind = ThresholdKind.POINTS if points is not None else ThresholdKind.PERCENT
            value = points if points is not None else percent
            assert value is not None
            note = reader.optional_text("note", max_length=500) or ""
            rows.append(Threshold(start, kind, value, until, note))
    return tuple(rows)


def _okpd2(reader: FieldReader) -> tuple[str, ...]:
    raw = reader.raw.get("okpd2")
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not items:
        reader.fail("okpd2", "is required: one or more OKPD2 codes or prefixes")
        return ()
    found = []
    for item in items:
        text = str(item).strip().removeprefix("OKPD2:")
        problem = code_format_error(CodeScheme.OKPD2, text)
        if problem:
            reader.fail("okpd2", problem, item)
        else:
            found.append(text)
    return tuple(found)


def _category(
    raw: Mapping[str, object],
    where: str,
    operations: Mapping[str, Operation],
    regime_from: date | None,
    errors: _Errors,
) -> Category:
    errors.unknown_keys(raw, _CATEGORY_KEYS, where)
    reader = FieldReader(raw)
    cat_id = _id(reader)
    name = reader.text("name", max_length=500)
    okpd2 = _okpd2(reader)
    threshold_only = _flag(reader, "threshold_only")
    chosen = raw.get("operations", "all" if not threshold_only else None)
    op_ids: tuple[str, ...] = ()
    if threshold_only:
        if chosen is not None:
            reader.fail("operations", "a threshold-only category has no operation table")
    elif chosen == "all":
        op_ids = tuple(operations)
    elif isinstance(chosen, list):
        op_ids = tuple(str(x) for x in chosen)
    elif isinstance(chosen, Mapping) and set(chosen) == {"except"}:
        excluded = chosen["except"]
        if not isinstance(excluded, list):
            reader.fail("operations.except", "must be a list of operation ids")
            excluded = []
        unknown = [x for x in excluded if x not in operations]
        for x in unknown:
            reader.fail("operations.except", "no such operation in this regime", x)
        op_ids = tuple(o for o in operations if o not in excluded)
    else:
        reader.fail("operations", "must be `all`, a list of operation ids or {except: [ids]}")
    for op_id in op_ids:
        if op_id not in operations:
            reader.fail("operations", "no such operation in this regime", op_id)
    if not threshold_only and not op_ids and not reader.errors:
        reader.fail("operations", "a category with an operation table needs operations")
    mandatory = reader.text_list("mandatory")
    for op_id in mandatory:
        if op_id not in op_ids:
            reader.fail("mandatory", "not an operation of this category", op_id)
    extra = _flag(reader, "extra_operations")
    note = reader.optional_text("note", max_length=2000, multiline=True) or ""
    errors.take(reader, where)
    thresholds = _thresholds(raw.get("thresholds"), f"{where}.thresholds", regime_from, errors)
    if not thresholds and not raw.get("thresholds"):
        errors.add(f"{where}.thresholds", "is required: at least one threshold")
    return Category(
        id=cat_id,
        name=name,
        okpd2=okpd2,
        operations=tuple(o for o in op_ids if o in operations),
        mandatory=frozenset(mandatory),
        thresholds=thresholds,
        threshold_only=threshold_only,
        extra_operations=extra,
        note=note,
    )


def _multiplier(
    raw: Mapping[str, object], where: str, operations: Mapping[str, Operation], errors: _Errors
) -> Multiplier:
    errors.unknown_keys(raw, _MULTIPLIER_KEYS, where)
    reader = FieldReader(raw)
    mult_id = _id(reader)
    name = reader.text("name", max_length=300)
    factor = _number(reader, "factor", required=True)
    if factor is not None and factor <= 0:
        reader.fail("factor", "must be more than 0", factor)
    ops = reader.text_list("operations")
    if not ops:
        reader.fail("operations", "is required: the operations it multiplies")
    for op_id in ops:
        if op_id not in operations:
            reader.fail("operations", "no such operation in this regime", op_id)
    multiplier = Multiplier(
        id=mult_id,
        name=name,
        factor=factor or 1.0,
        operations=frozenset(ops),
        start=reader.optional_date("from"),
        until=reader.optional_date("until"),
        claimed=_flag(reader, "claimed"),
    )
    errors.take(reader, where)
    return multiplier


def _unique(items: list[tuple[str, str]], errors: _Errors) -> None:
    seen: set[str] = set()
    for where, key in items:
        if key and key in seen:
            errors.add(where, "is used twice", key)
        seen.add(key)


def build_regime(raw: Mapping[str, object], catalog: ReferenceCatalog) -> Regime:
    """A valid Regime, or ValidationFailed naming every bad field by its path."""
    errors = _Errors()
    errors.unknown_keys(raw, _REGIME_KEYS, "")
    reader = FieldReader(raw)
    regime_id = _id(reader)
    if regime_id and not REF_PATTERN.match(regime_id):
        reader.fail("id", "letters, digits, '.', '_' or '-' only")
    name = reader.text("name", max_length=300)
    source = reader.text("source", max_length=2000)
    disclaimer = reader.text("disclaimer", max_length=2000)
    valid_from = reader.optional_date("valid_from")
    if valid_from is None and "valid_from" not in {e.field for e in reader.errors}:
        reader.fail("valid_from", "is required")
    valid_until = reader.optional_date("valid_until")
    if valid_from and valid_until and valid_until < valid_from:
        reader.fail("valid_until", "is before valid_from", valid_until)
    notes = reader.optional_text("notes", max_length=5000, multiline=True) or ""
    errors.take(reader, "")
    territory = _territory(raw.get("territory"), catalog, errors)

    raw_ops = _objects(raw.get("operations"), "operations", errors)
    built_ops = [_operation(o, f"operations[{i}]", catalog, errors) for i, o in enumerate(raw_ops)]
    _unique([(f"operations[{i}].id", o.id) for i, o in enumerate(built_ops)], errors)
    operations = {o.id: o for o in built_ops if o.id}

    raw_cats = _objects(raw.get("categories"), "categories", errors)
    if not raw_cats:
        errors.add("categories", "is required: at least one product category")
    categories = [
        _category(c, f"categories[{i}]", operations, valid_from, errors)
        for i, c in enumerate(raw_cats)
    ]
    _unique([(f"categories[{i}].id", c.id) for i, c in enumerate(categories)], errors)
    category_ids = {c.id for c in categories}
    for i, op in enumerate(built_ops):
        for key, _ in op.variants:
            if key not in category_ids:
                errors.add(f"operations[{i}].variants.{key}", "no such category")
    for i, category in enumerate(categories):
        for j, row in enumerate(category.thresholds):
            if valid_from and row.start < valid_from:
                errors.add(
                    f"categories[{i}].thresholds[{j}].from",
                    "before the regime's valid_from",
                    row.start,
                )
            if valid_until and row.start > valid_until:
                errors.add(
                    f"categories[{i}].thresholds[{j}].from",
                    "after the regime's valid_until",
                    row.start,
                )

    raw_mults = _objects(raw.get("multipliers"), "multipliers", errors)
    multipliers = [
        _multiplier(m, f"multipliers[{i}]", operations, errors) for i, m in enumerate(raw_mults)
    ]
    _unique([(f"multipliers[{i}].id", m.id) for i, m in enumerate(multipliers)], errors)

    if errors.items:
        raise ValidationFailed(errors.items)
    assert valid_from is not None
    return Regime(
        id=regime_id,
        name=name,
        source=source,
        disclaimer=disclaimer,
        territory=territory,
        valid_from=valid_from,
        valid_until=valid_until,
        operations=operations,
        categories=tuple(categories),
        multipliers=tuple(multipliers),
        notes=notes,
    )

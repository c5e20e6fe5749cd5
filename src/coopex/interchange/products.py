"""Product files for the localization engine: JSON or YAML, one product or several.

Accepted shapes: a product object; a list of products; or `{"products": [...]}`. Each
product may carry a `plan` section (see `domain/localization_plans.py`). Validation is the
domain's; here the file is read and each product located (`products[2]`) for error messages.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from coopex.domain.errors import FieldError, ValidationFailed

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class ProductRecord:
    location: str  # "products[2]", or "" for a file holding one product
    raw: Mapping[str, object]


def parse_products(text: str, name: str) -> list[ProductRecord]:
    """The products in `text`; `name` (the file name) picks JSON (.json) or YAML."""
    try:
        data = json.loads(text) if name.lower().endswith(".json") else yaml.load(text, _LOADER)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        kind = "JSON" if name.lower().endswith(".json") else "YAML"
        raise ValidationFailed([FieldError(name, f"not valid {kind}: {error}")]) from None
    if isinstance(data, Mapping) and "products" in data:
        data = data["products"]
        prefix = "products"
    else:
        prefix = ""
    if isinstance(data, Mapping):
        return [ProductRecord("", data)]
    if not isinstance(data, list) or not data:
        raise ValidationFailed(
            [FieldError(name, "must hold a product object, a list of them or {products: [...]}")]
        )
    records = []
    errors = []
    for index, item in enumerate(data):
        where = f"{prefix or 'products'}[{index}]"
        if isinstance(item, Mapping):
            records.append(ProductRecord(where, item))
        else:
            errors.append(FieldError(f"{name}: {where}", "must be a product object"))
    if errors:
        raise ValidationFailed(errors)
    return records


def read_products(path: Path) -> list[ProductRecord]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationFailed(
            [FieldError(path.name, f"not UTF-8 text (byte {error.start})")]
        ) from None
    except OSError as error:
        raise ValidationFailed(
            [FieldError(path.name, f"cannot be read: {error.strerror}")]
        ) from None
    return parse_products(text, path.name)


def located(failure: ValidationFailed, where: str) -> ValidationFailed:
    """The same errors with the product's place in its file in front of each field."""
    if not where:
        return failure
    return ValidationFailed(
        FieldError(f"{where}.{e.field}", e.reason, e.value) for e in failure.errors
    )

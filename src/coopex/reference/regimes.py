"""Localization regimes shipped in `coopex/data/localization/` (YAML or JSON), plus any the
operator drops into `$COOPEX_HOME/regimes/`. Each file is validated whole before it is used:
a malformed file raises ValidationFailed whose fields read `FILE: PATH`, with the reason."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from coopex.domain.catalog import ReferenceCatalog
from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.localization import Regime
from coopex.domain.regimes import build_regime

SUFFIXES = (".yaml", ".yml", ".json")
# libyaml when installed (ten times faster on the 200-category table); same safe subset.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_regime_text(text: str, name: str) -> Mapping[str, object]:
    """The plain data of one regime file; `name` (the file) is used in errors and for the
    format (.json, else YAML)."""
    try:
        data = json.loads(text) if name.endswith(".json") else yaml.load(text, Loader=_LOADER)
    except (json.JSONDecodeError, yaml.YAMLError) as error:
        raise ValidationFailed([FieldError(name, f"not valid YAML/JSON: {error}")]) from None
    if not isinstance(data, Mapping):
        raise ValidationFailed([FieldError(name, "must hold one regime (a mapping)")])
    return data


def load_regime_text(text: str, name: str, catalog: ReferenceCatalog) -> Regime:
    data = parse_regime_text(text, name)
    try:
        return build_regime(data, catalog)
    except ValidationFailed as failure:
        raise ValidationFailed(
            [
                FieldError(f"{name}: {e.field}" if e.field else name, e.reason, e.value)
                for e in failure.errors
            ]
        ) from None


def load_regime_file(path: Path, catalog: ReferenceCatalog) -> Regime:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ValidationFailed([FieldError(str(path), f"cannot be read: {error}")]) from None
    return load_regime_text(text, str(path), catalog)


def _shipped_files() -> list[Traversable]:
    folder = resources.files("coopex.data") / "localization"
    return sorted((f for f in folder.iterdir() if f.name.endswith(SUFFIXES)), key=lambda f: f.name)


def load_regimes(
    catalog: ReferenceCatalog, extra_folders: Iterable[Path] = ()
) -> tuple[Regime, ...]:
    """Every shipped regime and those in `extra_folders`; all files are checked and every
    problem of every file is reported together. Two regimes may not share an id."""
    regimes: list[Regime] = []
    errors: list[FieldError] = []
    sources: list[tuple[str, str]] = [
        (f"coopex/data/localization/{f.name}", f.read_text(encoding="utf-8"))
        for f in _shipped_files()
    ]
    for folder in extra_folders:
        if folder.is_dir():
            for path in sorted(folder.iterdir()):
                if path.suffix in SUFFIXES:
                    sources.append((str(path), path.read_text(encoding="utf-8")))
    seen: dict[str, str] = {}
    for name, text in sources:
        try:
            regime = load_regime_text(text, name, catalog)
        except ValidationFailed as failure:
            errors.extend(failure.errors)
            continue
        if regime.id in seen:
            errors.append(
                FieldError(f"{name}: id", f"regime id also used by {seen[regime.id]}", regime.id)
            )
            continue
        seen[regime.id] = name
        regimes.append(regime)
    if errors:
        raise ValidationFailed(errors)
    return tuple(regimes)


def regime_by_id(regimes: Sequence[Regime], regime_id: str) -> Regime:
    for regime in regimes:
        if regime.id == regime_id:
            return regime
    known = ", ".join(r.id for r in regimes)
    raise ValidationFailed([FieldError("regime", f"unknown regime; known: {known}", regime_id)])

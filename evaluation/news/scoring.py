"""Run the news pipeline and its baseline over the development set and score both with the
shared scorer, per language and per half of the fixed split."""

from __future__ import annotations

import functools
import importlib.util
import json
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from coopex.engines.news.pipeline import NewsModels, RawDocument, read_document
from evaluation import shared_folder
from evaluation.news.baseline import read_baselines

SHARED = shared_folder()
DEV_NEWS = SHARED / "eval" / "dev-news"
LANGUAGES = ("ru", "en", "zh")
PARTS = ("tuning", "reporting")
FIELDS = ("entities", "events", "amounts", "persons", "organizations", "locations", "initiators")
Scores = dict[str, tuple[float, float, float]]  # field -> (precision, recall, F1)


@dataclass(frozen=True, slots=True)
class Evaluation:
    """Scores per system ("pipeline", "baseline"), per (language or "all", part)."""

    scores: dict[str, dict[tuple[str, str], Scores]]

    def as_dict(self) -> dict[str, Any]:
        return {
            system: {
                f"{lang}/{part}": {
                    k: dict(zip(("p", "r", "f1"), v, strict=True)) for k, v in s.items()
                }
                for (lang, part), s in by_slice.items()
            }
            for system, by_slice in self.scores.items()
        }


@functools.cache  # loaded once: matching helpers call it per event
def scorer(shared: Path = SHARED) -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_news", shared / "eval" / "score_news.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(shared / "eval" / "score_news.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dev_files(folder: Path = DEV_NEWS) -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in sorted(folder.glob("*.txt"))]


def read_pipeline(
    files: Sequence[tuple[str, bytes]], models: NewsModels, typed: bool = True
) -> list[dict[str, Any]]:
    """Lead documents; `typed=False`: the event rules alone, without the learned typing."""
    if not typed:
        models = replace(models, event_typer=None)
    return [read_document(RawDocument(name, raw), models).leads.as_dict() for name, raw in files]


def evaluate(models: NewsModels, folder: Path = DEV_NEWS, baseline: bool = True) -> Evaluation:
    files = dev_files(folder)
    runs = {"pipeline": read_pipeline(files, models)}
    if baseline:
        runs["baseline"] = read_baselines(files, models.cues)
    # The scorer of the shared folder the set sits in, else the shared one (a set kept elsewhere).
    beside = folder.parents[1]
    score = scorer(beside if (beside / "eval" / "score_news.py").is_file() else SHARED).score
    result: dict[str, dict[tuple[str, str], Scores]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for system, documents in runs.items():
            output = Path(tmp) / f"{system}.jsonl"
            output.write_text(
                "".join(json.dumps(d, ensure_ascii=False, default=str) + "\n" for d in documents),
                encoding="utf-8",
            )
            result[system] = {
                (lang, part): score(
                    folder / "gold.json", output, None if lang == "all" else lang, part
                )
                for lang in (*LANGUAGES, "all")
                for part in PARTS
            }
    return Evaluation(result)

"""`make eval`: news extraction quality on `../shared/eval/dev-news` (62 real pages, RU/EN/ZH).

Prints entity, event and amount F1 per language on the tuning part (odd-numbered files) and
the reporting part (even-numbered), the pipeline beside its baseline (the NER models alone),
then the entities' precision / recall / F1 per kind (persons, organisations, places);
`--json FILE` also writes every field's precision, recall and F1.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coopex.nlp.news import load_news_models
from evaluation.news.scoring import DEV_NEWS, LANGUAGES, PARTS, evaluate

console = Console()
SHOWN = ("entities", "events", "amounts")
KINDS = ("persons", "organizations", "locations")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.news")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--folder", type=Path, default=DEV_NEWS, help="default: %(default)s")
    parser.add_argument(
        "--learned-typing",
        action="store_true",
        help="event types also voted by the labelled sentences (nlp/event_typing.py)",
    )
    parser.add_argument(
        "--event-model",
        action="store_true",
        help="events chosen by the logistic model (engines/news/event_scoring.py)",
    )
    args = parser.parse_args()
    if not (args.folder / "gold.json").is_file():
        console.print(f"no development set at {args.folder}: news evaluation skipped")
        return
    models = load_news_models(learned_typing=args.learned_typing, event_model=args.event_model)
    result = evaluate(models, args.folder)
    console.print(
        _table(
            "news extraction F1: pipeline (baseline: NER models alone)",
            SHOWN,
            lambda lang, part, name: (
                f"{result.scores['pipeline'][lang, part][name][2]:.3f} "
                f"({result.scores['baseline'][lang, part][name][2]:.3f})"
            ),
        )
    )
    # Entity precision / recall / F1 per kind: where the entity score is lost.
    console.print(
        _table(
            "news entities by kind, pipeline: precision recall F1",
            KINDS,
            lambda lang, part, kind: "{:.2f} {:.2f} {:.2f}".format(
                *result.scores["pipeline"][lang, part][kind]
            ),
        )
    )
    if args.json:
        args.json.write_text(json.dumps(result.as_dict(), indent=1), encoding="utf-8")


def _table(title: str, columns: Sequence[str], cell: Callable[[str, str, str], str]) -> Table:
    """One row per part and language, one cell per column."""
    table = Table(title=title)
    table.add_column("part / language")
    for column in columns:
        table.add_column(column, justify="right")
    for part in PARTS:
        for lang in (*LANGUAGES, "all"):
            table.add_row(f"{part} / {lang}", *(cell(lang, part, c) for c in columns))
    return table


if __name__ == "__main__":
    main()

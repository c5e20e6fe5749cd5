"""`make eval`: news extraction quality on `../shared/eval/dev-news` (62 real pages, RU/EN/ZH).

Prints entity, event and amount F1 per language on the tuning part (odd-numbered files) and
the reporting part (even-numbered), the pipeline beside its baseline (the NER models alone),
then the entities' precision / recall / F1 per kind (persons, organisations, places);
`--json FILE` also writes every field's precision, recall and F1.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coopex.nlp.news import load_news_models
from evaluation.news.scoring import DEV_NEWS, LANGUAGES, PARTS, Evaluation, evaluate

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
    args = parser.parse_args()
    if not (args.folder / "gold.json").is_file():
        console.print(f"no development set at {args.folder}: news evaluation skipped")
        return
    result = evaluate(load_news_models(learned_typing=args.learned_typing), args.folder)
    table = Table(title="news extraction F1: pipeline (baseline: NER models alone)")
    table.add_column("part / language")
    for name in SHOWN:
        table.add_column(name, justify="right")
    for part in PARTS:
        for lang in (*LANGUAGES, "all"):
            cells = [
                f"{result.scores['pipeline'][lang, part][name][2]:.3f} "
                f"({result.scores['baseline'][lang, part][name][2]:.3f})"
                for name in SHOWN
            ]
            table.add_row(f"{part} / {lang}", *cells)
    console.print(table)
    console.print(_kinds_table(result))
    if args.json:
        args.json.write_text(json.dumps(result.as_dict(), indent=1), encoding="utf-8")


def _kinds_table(result: Evaluation) -> Table:
    """Entity precision / recall / F1 per kind: where the entity score is lost."""
    table = Table(title="news entities by kind, pipeline: precision recall F1")
    table.add_column("part / language")
    for kind in KINDS:
        table.add_column(kind, justify="right")
    for part in PARTS:
        for lang in (*LANGUAGES, "all"):
            scores = result.scores["pipeline"][lang, part]
            table.add_row(
                f"{part} / {lang}", *("{:.2f} {:.2f} {:.2f}".format(*scores[k]) for k in KINDS)
            )
    return table


if __name__ == "__main__":
    main()

"""`make eval`: news extraction quality on `../shared/eval/dev-news` (62 real pages, RU/EN/ZH).

Prints entity, event and amount F1 per language on the tuning part (odd-numbered files) and
the reporting part (even-numbered), the pipeline beside its baseline (the NER models alone);
`--json FILE` also writes every field's precision, recall and F1.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coopex.nlp.news import load_news_models
from evaluation.news.scoring import DEV_NEWS, LANGUAGES, PARTS, evaluate

console = Console()
SHOWN = ("entities", "events", "amounts")


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
    if args.json:
        args.json.write_text(json.dumps(result.as_dict(), indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

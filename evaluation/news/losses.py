"""`python -m evaluation.news.losses [--folder F] [--lang ru|en|zh] [--json FILE]`: where
event F1 is lost, per part and event type, **in counts only** — no page, sentence or party is
shown, so the table may be read for the reporting part too (its errors stay unread, README of
dev-news).

Events are matched the shared scorer's way (one to one; type and counterpart). Each false event
is put in one of three classes, the first that holds:

- **wrong counterpart**: a gold event of its type is left unmatched on its page (the reading
  found the fact and chose the wrong party);
- **wrong type**: its counterpart is that of a gold event of another type left unmatched (the
  party is right, the fact is typed wrong);
- **unfounded**: neither (the page reports no such fact, by the gold).

A gold event left unmatched is **missed**; it is also a false event's other half when that false
event is a wrong counterpart or a wrong type, so "missed, alone" counts the gold events no false
event stands beside (one to one, in the scorer's order).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coopex.nlp.news import load_news_models
from evaluation.news.errors import Row, same_event, unmatched
from evaluation.news.examples import tuning
from evaluation.news.scoring import DEV_NEWS, LANGUAGES, PARTS, dev_files, read_pipeline, scorer

CLASSES = ("found", "wrong counterpart", "wrong type", "unfounded", "missed", "missed, alone")


def page_losses(gold: Sequence[Row], events: Sequence[Row]) -> Counter[tuple[str, str]]:
    """(event type, class) -> count on one page; a false event counts under its own type."""
    norm = scorer().norm
    false, missed = unmatched(list(gold), list(events), same_event)
    unfound = {id(event) for event in false}
    tally: Counter[tuple[str, str]] = Counter()
    for g in gold:
        tally[g["type"], "found"] += 0  # every type of the page shows, found or not
    for event in events:
        tally[str(event.get("type")), "found"] += id(event) not in unfound
    near: set[int] = set()  # missed gold events a false event stands beside
    for event in false:
        kind = str(event.get("type"))
        counterpart = norm(str(event.get("counterpart", "")))
        same_type = [i for i, g in enumerate(missed) if g["type"] == kind]
        same_party = [
            i for i, g in enumerate(missed) if counterpart in {norm(a) for a in g["counterpart"]}
        ]
        if same_type:
            tally[kind, "wrong counterpart"] += 1
        elif same_party:
            tally[kind, "wrong type"] += 1
        else:
            tally[kind, "unfounded"] += 1
        # one to one, as the scorer: a false event stands beside one missed gold event
        beside = [i for i in same_type or same_party if i not in near]
        near.update(beside[:1])
    for i, g in enumerate(missed):
        tally[g["type"], "missed"] += 1
        tally[g["type"], "missed, alone"] += i not in near
    return tally


def losses(
    gold: Mapping[str, Row], documents: Iterable[Row]
) -> dict[str, Counter[tuple[str, str]]]:
    """Per part ("tuning", "reporting"), the sum of its pages' losses."""
    by_part: dict[str, Counter[tuple[str, str]]] = {part: Counter() for part in PARTS}
    for document in documents:
        name = document["doc"]
        part = "tuning" if tuning(name) else "reporting"
        by_part[part].update(page_losses(gold[name]["events"], document["events"]))
    return by_part


def table(title: str, tally: Counter[tuple[str, str]], columns: Sequence[str] = CLASSES) -> Table:
    """(event type, column) counts, a row per event type and one for all."""
    shown = Table(title=title)
    shown.add_column("event type")
    for name in columns:
        shown.add_column(name, justify="right")
    for kind in sorted({kind for kind, _ in tally}):
        shown.add_row(kind, *(str(tally[kind, name]) for name in columns))
    shown.add_row("all", *(str(sum(v for (_, c), v in tally.items() if c == n)) for n in columns))
    return shown


def show(
    by_part: Mapping[str, Counter[tuple[str, str]]],
    title: str,
    lang: str | None,
    json_path: Path | None,
    columns: Sequence[str] = CLASSES,
) -> None:
    """Each part's table ("<title>, tuning part (ru)"); the counts also as JSON, if asked."""
    console = Console(width=max(120, Console().width))
    for part, tally in by_part.items():
        console.print(table(f"{title}, {part} part ({lang or 'all languages'})", tally, columns))
    if json_path:
        counts = {
            part: {f"{kind}/{name}": n for (kind, name), n in sorted(t.items())}
            for part, t in by_part.items()
        }
        json_path.write_text(json.dumps(counts, indent=1), encoding="utf-8")


def arguments(prog: str) -> tuple[argparse.Namespace, dict[str, Row], list[tuple[str, bytes]]]:
    """The command line of a counts-only report (`--lang`, `--folder`, `--json`), the set's
    gold documents by name, and its files in the language asked for."""
    parser = argparse.ArgumentParser(prog=prog)
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--folder", type=Path, default=DEV_NEWS, help="default: %(default)s")
    parser.add_argument("--json", type=Path, help="also write the counts here")
    args = parser.parse_args()
    gold = json.loads((args.folder / "gold.json").read_text(encoding="utf-8"))["documents"]
    files = [
        (name, raw)
        for name, raw in dev_files(args.folder)
        if args.lang is None or gold[name]["lang"] == args.lang
    ]
    return args, gold, files


def main() -> None:
    args, gold, files = arguments("python -m evaluation.news.losses")
    by_part = losses(gold, read_pipeline(files, load_news_models()))
    show(by_part, "events lost", args.lang, args.json)


if __name__ == "__main__":
    main()

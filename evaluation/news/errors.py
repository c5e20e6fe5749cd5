"""`python -m evaluation.news.errors [--lang ru|en|zh] [--events | --amounts] [--folder F]`:
the errors of the pipeline on a development set's **tuning part only** (odd-numbered files),
document by document — the names (or, with `--events`, the events; `--amounts`, the amounts) it
gave that the gold does not accept (false) and the gold ones it missed. The reporting part is
left out on purpose: its errors are not for reading (README of dev-news). `--folder`: another
set laid out like dev-news.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from coopex.nlp.news import load_news_models
from evaluation.news.examples import tuning
from evaluation.news.scoring import DEV_NEWS, dev_files, read_pipeline, scorer

KINDS = ("persons", "organizations", "locations")


def errors(gold: dict[str, object], entities: dict[str, list[str]]) -> list[str]:
    """One line per kind with errors: its false names and the gold entities it missed (their
    first spelling)."""
    norm = scorer().norm
    optional = {norm(x) for x in gold.get("optional", [])}  # type: ignore[attr-defined]
    lines = []
    for kind in KINDS:
        groups: list[list[str]] = gold[kind]  # type: ignore[assignment]
        accepted = {norm(a) for group in groups for a in group}
        found = list(dict.fromkeys(norm(x) for x in entities.get(kind, [])))
        false = [f for f in found if f not in accepted and f not in optional]
        missed = [g[0] for g in groups if not {norm(a) for a in g} & set(found)]
        if false or missed:
            lines.append(f"  {kind:<14} false: {false}\n  {'':<14} missed: {missed}")
    return lines


Row = dict[str, Any]


def unmatched(
    golden: list[Row], found: list[Row], same: Callable[[Row, Row], bool]
) -> tuple[list[Row], list[Row]]:
    """(false, missed): one-to-one greedy matching in the shared scorer's way, each found item
    taking the first gold item left that is `same` as it."""
    used = [False] * len(golden)
    false = []
    for item in found:
        hit = next((i for i, g in enumerate(golden) if not used[i] and same(item, g)), None)
        if hit is None:
            false.append(item)
        else:
            used[hit] = True
    return false, [g for g, matched in zip(golden, used, strict=True) if not matched]


def same_event(event: Row, gold: Row) -> bool:
    """The shared scorer's match of a found event with a gold one: type and counterpart."""
    norm = scorer().norm
    counterpart = norm(str(event.get("counterpart", "")))
    return bool(
        gold["type"] == event.get("type") and counterpart in {norm(a) for a in gold["counterpart"]}
    )


def event_errors(gold: Row, events: list[Row]) -> list[str]:
    """False events (type, initiator → counterpart, and the sentence that gave each) and the
    gold events left unmatched, matched the scorer's way (type and counterpart)."""
    false, missed = unmatched(list(gold["events"]), events, same_event)
    return [
        f"  false  {e['type']}: {e.get('initiator')} → {e.get('counterpart')}"
        f"\n         « {str(e.get('evidence', ''))[:220]} »"
        for e in false
    ] + [
        f"  missed {g['type']}: {[group[0] for group in g['initiator']]} → {g['counterpart']}"
        for g in missed
    ]


def amount_errors(gold: Row, amounts: list[Row]) -> list[str]:
    """False amounts (with the words they were read from) and the gold amounts left unmatched,
    matched the scorer's way (currency, value within 1%)."""

    def same(amount: Row, g: Row) -> bool:
        value, expected = float(amount.get("value") or 0), float(g["value"])
        return bool(g["currency"] == amount.get("currency")) and abs(value - expected) <= (
            0.01 * expected
        )

    false, missed = unmatched(list(gold.get("amounts", [])), amounts, same)
    return [
        f"  false  {float(a.get('value') or 0):,.0f} {a.get('currency')}"
        f"  « {str(a.get('text', ''))[:160]} »"
        for a in false
    ] + [f"  missed {float(g['value']):,.0f} {g['currency']}" for g in missed]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.news.errors")
    parser.add_argument("--lang", choices=("ru", "en", "zh"))
    shown = parser.add_mutually_exclusive_group()
    shown.add_argument("--events", action="store_true", help="event errors, not entity errors")
    shown.add_argument("--amounts", action="store_true", help="amount errors, not entity errors")
    parser.add_argument("--folder", type=Path, default=DEV_NEWS, help="default: %(default)s")
    args = parser.parse_args()
    gold = json.loads((args.folder / "gold.json").read_text(encoding="utf-8"))["documents"]
    files = [
        (name, raw)
        for name, raw in dev_files(args.folder)
        if tuning(name) and (args.lang is None or gold[name]["lang"] == args.lang)
    ]
    for document in read_pipeline(files, load_news_models()):
        expected = gold[document["doc"]]
        if args.events:
            lines = event_errors(expected, document["events"])
        elif args.amounts:
            lines = amount_errors(expected, document["amounts"])
        else:
            lines = errors(expected, document["entities"])
        if lines:
            print(document["doc"], *lines, sep="\n")


if __name__ == "__main__":
    main()

"""`python -m evaluation.news.errors [--lang ru|en|zh]`: the entity errors of the pipeline on
the development set's **tuning part only** (odd-numbered files), document by document — the
names it gave that the gold does not accept (false) and the gold entities it missed. The
reporting part is left out on purpose: its errors are not for reading (README of dev-news).
"""

from __future__ import annotations

import argparse
import json

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


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.news.errors")
    parser.add_argument("--lang", choices=("ru", "en", "zh"))
    args = parser.parse_args()
    gold = json.loads((DEV_NEWS / "gold.json").read_text(encoding="utf-8"))["documents"]
    files = [
        (name, raw)
        for name, raw in dev_files()
        if tuning(name) and (args.lang is None or gold[name]["lang"] == args.lang)
    ]
    for document in read_pipeline(files, load_news_models()):
        lines = errors(gold[document["doc"]], document["entities"])
        if lines:
            print(document["doc"], *lines, sep="\n")


if __name__ == "__main__":
    main()

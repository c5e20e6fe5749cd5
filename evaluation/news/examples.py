"""`python -m evaluation.news.examples [--folder F ...]`: the labelled sentences event typing
learns from, drawn from the development sets' tuning parts only (odd-numbered files; dev-news
unless folders are given), written to
`src/coopex/data/reference/event_examples.csv` (lang, label, sentence).

Each sentence whose wordings (or amounts) name an event type is labelled by the shared gold of
its document: the type of a gold event whose counterpart the sentence names (the wordings' type
when it is one of those), else `none` (the sentence reports no event).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from pathlib import Path
from typing import Any

from coopex.engines.news.amounts import find_amounts
from coopex.engines.news.clean import clean
from coopex.engines.news.cues import trigger_types
from coopex.engines.news.events import AMOUNT_EVENTS
from coopex.engines.news.pipeline import NewsModels
from coopex.engines.news.sentences import sentences
from coopex.nlp.news import load_news_models
from evaluation.news.scoring import DEV_NEWS, dev_files, scorer

OUTPUT = (
    Path(__file__).resolve().parents[2] / "src" / "coopex" / "data" / "reference"
) / "event_examples.csv"


def tuning(name: str) -> bool:
    digits = "".join(c for c in name if c.isdigit())
    return bool(digits) and int(digits) % 2 == 1


def candidates(raw: bytes, models: NewsModels) -> list[tuple[str, list[str]]]:
    """Sentences the event wordings (or an amount) name an event in, with those types."""
    article = clean(raw.decode("utf-8"))
    found = []
    for paragraph in [article.title, *article.paragraphs]:
        for sentence in sentences(paragraph):
            kinds = [kind.value for kind, _, _ in trigger_types(sentence, models.cues)]
            measures = {a.what for a in find_amounts(sentence, models.money)}
            kinds += [AMOUNT_EVENTS[m].value for m in measures if m in AMOUNT_EVENTS]
            if kinds:
                found.append((sentence.strip(), kinds))
    return found


def label(gold: dict[str, Any], sentence: str, kinds: list[str]) -> str:
    """The gold type of an event whose counterpart the sentence names (the rule's type when
    it is one of them), else `none`."""
    norm = scorer().norm
    text = norm(sentence)
    named = {
        g["type"]
        for g in gold["events"]
        if any(len(norm(a)) > 1 and norm(a) in text for a in g["counterpart"])
    }
    return next((k for k in kinds if k in named), sorted(named)[0] if named else "none")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.news.examples")
    parser.add_argument(
        "--folder",
        type=Path,
        action="append",
        help="a development set laid out like dev-news (repeatable; default: dev-news)",
    )
    models = load_news_models()
    rows: set[tuple[str, str, str]] = set()
    for folder in parser.parse_args().folder or [DEV_NEWS]:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["documents"]
        rows |= {
            (gold[name]["lang"], label(gold[name], sentence, kinds), sentence)
            for name, raw in dev_files(folder)
            if tuning(name)
            for sentence, kinds in candidates(raw, models)
        }
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["lang", "label", "sentence"])
    writer.writerows(sorted(rows))
    OUTPUT.write_text(buffer.getvalue(), encoding="utf-8")
    print(f"{len(rows)} labelled sentences -> {OUTPUT}")


if __name__ == "__main__":
    main()

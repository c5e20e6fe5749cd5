"""The shipped RU/EN/ZH glossary of industrial terms (`data/reference/glossary.csv`)."""

from __future__ import annotations

import csv
import io
from importlib import resources

from coopex.engines.matching.glossary import Glossary
from coopex.engines.matching.ports import Analyzer

LANGUAGES = ("en", "ru", "zh")


def glossary_concepts() -> list[list[str]]:
    """Each concept's phrases in every language ('|' separates variants)."""
    text = (resources.files("coopex.data") / "reference" / "glossary.csv").read_text(
        encoding="utf-8"
    )
    return [
        [phrase for lang in LANGUAGES for phrase in row[lang].split("|") if phrase]
        for row in csv.DictReader(io.StringIO(text, newline=""))
    ]


def load_glossary(analyzer: Analyzer) -> Glossary:
    return Glossary(glossary_concepts(), analyzer)

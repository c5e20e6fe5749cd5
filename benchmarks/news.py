"""News benchmark: documents per second, end to end, and time per stage.

The corpus is built from real pages (the seeds beside the checkout, and the test articles):
each synthetic article is a fresh title plus whole paragraphs drawn from pages of its
language until it reaches ~3 KB, so no two are near-duplicates and every stage does real work.

Baseline, measured in the same run on the same articles: the NER models alone (natasha's
segmentation, morphology and NER for Russian; spaCy's small English pipeline as shipped, its
tagger included, for English) — the floor a pipeline built on them naively pays. The pipeline
itself tags an English paragraph only when a check needs a part of speech, so it may go below
that floor's English share. Reported: the pipeline's time over that floor, and ingestion
(read + store in SQLite, leads linked) in one process and in two worker processes.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from coopex.app import build
from coopex.config import Settings
from coopex.domain.accounts import Actor
from coopex.engines.language import detect_language
from coopex.engines.news.clean import clean
from coopex.engines.news.pipeline import STAGES, NewsModels, RawDocument, read_document
from coopex.interchange.decoding import decode
from coopex.nlp.news import load_news_models
from coopex.services.demo import demo_news_path
from evaluation import shared_folder

SOURCES = [shared_folder() / "seeds", demo_news_path()]
TARGET_BYTES = 3000
SLICE = 20
console = Console()


def _paragraphs_by_language() -> dict[str, list[str]]:
    models = load_news_models()
    found: dict[str, list[str]] = {}
    for folder in SOURCES:
        for path in sorted(folder.glob("*")) if folder.is_dir() else []:
            text = decode(path.read_bytes()).text
            if path.suffix == ".html":
                text = models.html_to_text(text)
            article = clean(text)
            lang = detect_language(article.text)
            found.setdefault(lang, []).extend(p for p in article.paragraphs if len(p) > 80)
    # Too few paragraphs make every article of a language a copy of the others (Chinese: one
    # short demo page), which would measure the near-duplicate shortcut, not the pipeline.
    return {lang: paragraphs for lang, paragraphs in found.items() if len(paragraphs) >= 10}


def corpus(count: int, seed: int = 11) -> list[RawDocument]:
    rng = random.Random(seed)
    pools = _paragraphs_by_language()
    languages = sorted(pools)
    documents = []
    for index in range(count):
        lang = languages[index % len(languages)]
        title = f"Новость {index}" if lang == "ru" else f"News item {index}"
        body: list[str] = [title]
        while sum(len(p.encode()) for p in body) < TARGET_BYTES:
            body.append(rng.choice(pools[lang]))
        documents.append(RawDocument(f"bench-{index}.txt", "\n\n".join(body).encode()))
    return documents


def _models_floor(models: NewsModels, documents: list[RawDocument]) -> float:
    """Seconds for the NER models alone on the same paragraphs."""
    start = time.perf_counter()
    for document in documents:
        article = clean(document.data.decode())
        paragraphs = [article.title, *article.paragraphs]
        recognizer = models.recognizers.get(detect_language(article.text))
        if recognizer is not None:
            _model_only(recognizer, paragraphs)
    return time.perf_counter() - start


def _model_only(recognizer: object, paragraphs: list[str]) -> None:
    from coopex.nlp.english import EnglishEntityRecognizer, _pipeline
    from coopex.nlp.russian import _models

    if isinstance(recognizer, EnglishEntityRecognizer):
        list(_pipeline().pipe(paragraphs))
        return
    from natasha import Doc

    models = _models()
    doc = Doc("\n".join(paragraphs))  # one call per article, as the pipeline makes
    doc.segment(models["segmenter"])
    doc.tag_morph(models["morph"])
    doc.tag_ner(models["ner"])


@dataclass
class Results:
    documents: int
    mean_bytes: float
    floor_seconds: float
    read_seconds: float
    stages: dict[str, float]
    ingest_docs_per_second: dict[int, float]

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "mean_bytes": round(self.mean_bytes),
            "models_floor_docs_per_second": round(self.documents / self.floor_seconds, 1),
            "read_docs_per_second": round(self.documents / self.read_seconds, 1),
            "read_over_floor": round(self.read_seconds / self.floor_seconds, 2),
            "ms_per_document_by_stage": {
                k: round(1000 * v / self.documents, 2) for k, v in self.stages.items()
            },
            "ingest_docs_per_second_by_workers": {
                str(k): round(v, 1) for k, v in self.ingest_docs_per_second.items()
            },
        }


def _ingest(documents: list[RawDocument], workers: int) -> float:
    with tempfile.TemporaryDirectory() as home:
        coopex = build(Settings(home=Path(home), news_workers=workers))
        coopex.migrate()
        # Models load outside the timing, as in a running server.
        if workers > 1:
            coopex.news.warm()
        else:
            coopex.news.models  # noqa: B018
        start = time.perf_counter()
        report = coopex.news.ingest(Actor.operator("bench"), documents)
        elapsed = time.perf_counter() - start
        assert not report.errors, report.errors[:3]
        coopex.close()
    return len(documents) / elapsed


def run(count: int, worker_counts: tuple[int, ...] = (1, 2)) -> Results:
    documents = corpus(count)
    models = load_news_models()
    for document in documents[:4]:  # load and warm every model
        read_document(document, models)
    # Baseline and pipeline alternate over slices of the corpus, so that a noisy stretch of
    # the machine's time falls on both alike.
    floor = read = 0.0
    stages = dict.fromkeys(STAGES, 0.0)
    for part in range(0, len(documents), SLICE):
        chunk = documents[part : part + SLICE]
        floor += _models_floor(models, chunk)
        start = time.perf_counter()
        for document in chunk:
            for stage, seconds in read_document(document, models).timings.items():
                stages[stage] += seconds
        read += time.perf_counter() - start
    ingest = {workers: _ingest(documents, workers) for workers in worker_counts}
    mean_bytes = sum(len(d.data) for d in documents) / len(documents)
    results = Results(len(documents), mean_bytes, floor, read, stages, ingest)
    _print(results)
    return results


def _print(results: Results) -> None:
    numbers = results.as_dict()
    table = Table(title=f"news: {results.documents} articles of ~{numbers['mean_bytes']} bytes")
    for column in ("measure", "documents / s", "vs models floor"):
        table.add_column(column, justify="right")
    table.add_row("NER models alone (baseline)", str(numbers["models_floor_docs_per_second"]), "1")
    table.add_row(
        "pipeline, read only, 1 process",
        str(numbers["read_docs_per_second"]),
        f"{results.read_seconds / results.floor_seconds:.2f}× the time",
    )
    for workers, rate in results.ingest_docs_per_second.items():
        table.add_row(f"ingest (read + store), {workers} process(es)", f"{rate:.1f}", "")
    console.print(table)
    stages = Table(title="time per stage (read only, 1 process)")
    for column in ("stage", "ms / document", "share"):
        stages.add_column(column, justify="right")
    total = sum(results.stages.values()) or 1.0
    for stage, seconds in results.stages.items():
        stages.add_row(stage, f"{1000 * seconds / results.documents:.1f}", f"{seconds / total:.0%}")
    console.print(stages)


def save(results: Results, path: Path) -> None:
    path.write_text(json.dumps(results.as_dict(), indent=2), encoding="utf-8")

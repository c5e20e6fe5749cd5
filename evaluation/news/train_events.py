"""`python -m evaluation.news.train_events [--folder F ...]`: fits the event model
(`engines/news/event_scoring.py`) on the development sets' tuning parts only (odd-numbered
files; dev-news unless folders are given) and writes its weights to
`src/coopex/data/reference/event_weights.csv`.

Every option of every event the wordings propose on a tuning page (one counterpart each) is
labelled by the shared scorer's rule: its type and counterpart match a gold event of the page.
An L2-regularised logistic regression is fitted by Newton's method; the regularisation and the
probability threshold are chosen by cross-validation over whole pages (5 folds of the tuning
pages) on event F1 as the scorer counts it: per proposed event the likeliest option if it
reaches the threshold, one event per type and counterpart, every gold event left unmatched
missed.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from coopex.engines.news.event_scoring import Option
from coopex.engines.news.pipeline import NewsModels, RawDocument, read_document
from coopex.nlp.news import load_news_models
from coopex.reference.event_weights import BIAS, FILE, THRESHOLD
from evaluation.news.errors import same_event, unmatched
from evaluation.news.scoring import DEV_NEWS, dev_files, scorer

OUTPUT = Path(__file__).resolve().parents[2] / "src" / "coopex" / "data" / "reference" / FILE
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(round(float(t), 2) for t in np.arange(0.1, 0.71, 0.05))
FOLDS = 5
Matrix = np.ndarray[Any, np.dtype[np.float64]]


@dataclass
class Recorder:
    """An event chooser that keeps the rules' choice and writes down every option it saw."""

    groups: list[list[Option]] = field(default_factory=list)

    def choose(self, options: Sequence[Option]) -> int | None:
        self.groups.append(list(options))
        return 0


@dataclass(frozen=True, slots=True)
class Page:
    """A tuning page's proposed events (each a list of options) and its gold events."""

    name: str
    groups: list[list[Option]]
    gold: list[dict[str, Any]]

    def labels(self) -> list[int]:
        """1 for an option whose type and counterpart match one of the page's gold events."""
        norm = scorer().norm
        accepted = {(g["type"], norm(a)) for g in self.gold for a in g["counterpart"]}
        return [
            int((event.type.value, norm(event.counterpart)) in accepted)
            for group in self.groups
            for event, _ in group
        ]


def tuning(name: str) -> bool:
    digits = "".join(c for c in name if c.isdigit())
    return bool(digits) and int(digits) % 2 == 1


def matched(gold: Sequence[dict[str, Any]], events: Sequence[tuple[str, str]]) -> int:
    """How many of (type, counterpart) the shared scorer counts as found (one to one)."""
    found = [{"type": kind, "counterpart": counterpart} for kind, counterpart in events]
    _, missed = unmatched(list(gold), found, same_event)
    return len(gold) - len(missed)


def proposals(
    files: Sequence[tuple[str, bytes]], models: NewsModels, gold: Mapping[str, Any]
) -> list[Page]:
    pages = []
    for name, raw in files:
        recorder = Recorder()
        read_document(RawDocument(name, raw), replace(models, event_chooser=recorder))
        pages.append(Page(name, recorder.groups, gold[name]["events"]))
    return pages


def design(pages: Sequence[Page], names: Sequence[str]) -> tuple[Matrix, Matrix]:
    index = {name: i for i, name in enumerate(names)}
    rows = [f for page in pages for group in page.groups for _, f in group]
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # the intercept
    for r, features in enumerate(rows):
        for name, value in features.items():
            if name in index:
                x[r, index[name]] = value
    y = np.array([label for page in pages for label in page.labels()], dtype=float)
    return x, y


def fit(x: Matrix, y: Matrix, penalty: float) -> Matrix:
    """L2-regularised logistic regression (the intercept unpenalised), Newton's method."""
    w = np.zeros(x.shape[1])
    ridge = np.full(x.shape[1], penalty)
    ridge[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + ridge * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(ridge) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def counts(page: Page, probabilities: Sequence[float], threshold: float) -> tuple[int, int, int]:
    """(found, proposed, gold) events of a page under a model's probabilities per option."""
    at = 0
    picked: dict[tuple[str, str], None] = {}
    for group in page.groups:
        scores = probabilities[at : at + len(group)]
        at += len(group)
        best = max(range(len(group)), key=lambda i: scores[i])
        if scores[best] >= threshold:
            event = group[best][0]
            picked.setdefault((event.type.value, event.counterpart.casefold()), None)
    events = list(picked)
    return matched(page.gold, events), len(events), len(page.gold)


def f1(pages: Sequence[Page], probabilities: Sequence[Sequence[float]], threshold: float) -> float:
    found = proposed = gold = 0
    for page, p in zip(pages, probabilities, strict=True):
        a, b, c = counts(page, p, threshold)
        found, proposed, gold = found + a, proposed + b, gold + c
    return 2 * found / (proposed + gold) if proposed + gold else 0.0


def predict(w: Matrix, page: Page, names: Sequence[str]) -> list[float]:
    x, _ = design([page], names)
    return list(1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30))))


def cross_validated(
    pages: Sequence[Page], names: Sequence[str], penalty: float
) -> list[list[float]]:
    """Each page's option probabilities from a model fitted without its fold."""
    out: list[list[float]] = [[] for _ in pages]
    for fold in range(FOLDS):
        train = [page for i, page in enumerate(pages) if i % FOLDS != fold]
        w = fit(*design(train, names), penalty)
        for i in range(fold, len(pages), FOLDS):
            out[i] = predict(w, pages[i], names)
    return out


def choose(pages: Sequence[Page], names: Sequence[str]) -> tuple[float, float, float]:
    """(penalty, threshold, cross-validated F1) with the best cross-validated F1."""
    best = (0.0, 0.5, -1.0)
    for penalty in PENALTIES:
        probabilities = cross_validated(pages, names, penalty)
        for threshold in THRESHOLDS:
            score = f1(pages, probabilities, threshold)
            if score > best[2]:
                best = (penalty, threshold, score)
    return best


def weights_csv(names: Sequence[str], w: Matrix, threshold: float) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["feature", "weight"])
    writer.writerow([BIAS, f"{w[-1]:.4f}"])
    writer.writerow([THRESHOLD, f"{threshold:.2f}"])
    for name, weight in sorted(zip(names, w[:-1], strict=True)):
        if abs(weight) >= 1e-4:
            writer.writerow([name, f"{weight:.4f}"])
    return buffer.getvalue()


def rules_only(page: Page) -> list[float]:
    """The rules' choice of every proposed event, kept."""
    return [float(i == 0) for group in page.groups for i in range(len(group))]


def train(pages: Sequence[Page]) -> tuple[str, dict[str, float]]:
    names = sorted(
        {name for page in pages for group in page.groups for _, f in group for name in f}
    )
    penalty, threshold, cv_f1 = choose(pages, names)
    w = fit(*design(pages, names), penalty)
    report = {
        "penalty": penalty,
        "threshold": threshold,
        "cross-validated F1": round(cv_f1, 3),
        "F1 of the rules' choices": round(f1(pages, [rules_only(p) for p in pages], 0.5), 3),
    }
    return weights_csv(names, w, threshold), report


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.news.train_events")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="default: %(default)s")
    parser.add_argument(
        "--folder",
        type=Path,
        action="append",
        help="a development set laid out like dev-news (repeatable; default: dev-news)",
    )
    args = parser.parse_args()
    models = load_news_models()
    pages = []
    for folder in args.folder or [DEV_NEWS]:
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["documents"]
        files = [(name, raw) for name, raw in dev_files(folder) if tuning(name)]
        pages += proposals(files, models, gold)
    text, report = train(pages)
    args.output.write_text(text, encoding="utf-8")
    print(json.dumps(report, indent=1))
    print(f"weights of {len(pages)} tuning pages -> {args.output}")


if __name__ == "__main__":
    main()

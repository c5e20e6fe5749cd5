"""`python -m evaluation.news.train_events`: fits the event model (`engines/news/event_scoring.py`)
on the development set's tuning part only (odd-numbered files) and writes its weights to
`src/coopex/data/reference/event_weights.csv`.

Every event the wordings propose on a tuning page is labelled by the shared scorer's rule (its
type and counterpart match a gold event of the page not matched yet). An L2-regularised
logistic regression is fitted by Newton's method; the regularisation and the probability
threshold are chosen by cross-validation over whole pages (5 folds of the tuning pages), on
event F1, counting every gold event no proposal matched as missed.
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

from coopex.domain.news import LeadEvent
from coopex.engines.news.pipeline import NewsModels, RawDocument, read_document
from coopex.nlp.news import load_news_models
from coopex.reference.event_weights import BIAS, FILE, THRESHOLD
from evaluation.news.scoring import DEV_NEWS, dev_files, scorer

OUTPUT = Path(__file__).resolve().parents[2] / "src" / "coopex" / "data" / "reference" / FILE
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.71, 0.05))
FOLDS = 5


@dataclass
class Recorder:
    """An event filter that keeps everything and writes down what it saw."""

    seen: list[tuple[LeadEvent, dict[str, float]]] = field(default_factory=list)

    def keep(self, event: LeadEvent, features: Mapping[str, float]) -> bool:
        self.seen.append((event, dict(features)))
        return True


@dataclass(frozen=True, slots=True)
class Page:
    name: str
    proposed: list[dict[str, float]]
    labels: list[int]
    gold_events: int


def tuning(name: str) -> bool:
    digits = "".join(c for c in name if c.isdigit())
    return bool(digits) and int(digits) % 2 == 1


def labels(gold: Sequence[dict[str, Any]], events: Sequence[LeadEvent]) -> list[int]:
    """1 for each event the shared scorer would count as found, in the order given."""
    norm = scorer().norm
    used = [False] * len(gold)
    found = []
    for event in events:
        counterpart = norm(event.counterpart)
        hit = next(
            (
                i
                for i, g in enumerate(gold)
                if not used[i]
                and g["type"] == event.type.value
                and counterpart in {norm(a) for a in g["counterpart"]}
            ),
            None,
        )
        if hit is not None:
            used[hit] = True
        found.append(int(hit is not None))
    return found


def proposals(
    files: Sequence[tuple[str, bytes]], models: NewsModels, gold: Mapping[str, Any]
) -> list[Page]:
    pages = []
    for name, raw in files:
        recorder = Recorder()
        read_document(RawDocument(name, raw), replace(models, event_filter=recorder))
        events = [event for event, _ in recorder.seen]
        pages.append(
            Page(
                name,
                [f for _, f in recorder.seen],
                labels(gold[name]["events"], events),
                len(gold[name]["events"]),
            )
        )
    return pages


def design(pages: Sequence[Page], names: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    index = {name: i for i, name in enumerate(names)}
    rows = [f for page in pages for f in page.proposed]
    x = np.zeros((len(rows), len(names) + 1))
    x[:, -1] = 1.0  # the intercept
    for r, features in enumerate(rows):
        for name, value in features.items():
            if name in index:
                x[r, index[name]] = value
    y = np.array([label for page in pages for label in page.labels], dtype=float)
    return x, y


def fit(x: np.ndarray, y: np.ndarray, penalty: float) -> np.ndarray:
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


def f1(pages: Sequence[Page], probabilities: np.ndarray, threshold: float) -> float:
    kept = probabilities >= threshold
    y = np.array([label for page in pages for label in page.labels])
    tp = int((kept & (y == 1)).sum())
    fp = int((kept & (y == 0)).sum())
    gold = sum(page.gold_events for page in pages)
    return 2 * tp / (2 * tp + fp + (gold - tp)) if gold else 0.0


def cross_validated(pages: Sequence[Page], names: Sequence[str], penalty: float) -> np.ndarray:
    """Each page's probabilities from a model fitted without its fold."""
    out = np.zeros(sum(len(page.labels) for page in pages))
    starts = np.cumsum([0] + [len(page.labels) for page in pages])
    for fold in range(FOLDS):
        held = [i for i in range(len(pages)) if i % FOLDS == fold]
        train = [pages[i] for i in range(len(pages)) if i % FOLDS != fold]
        w = fit(*design(train, names), penalty)
        for i in held:
            x, _ = design([pages[i]], names)
            out[starts[i] : starts[i + 1]] = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
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


def weights_csv(names: Sequence[str], w: np.ndarray, threshold: float) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["feature", "weight"])
    writer.writerow([BIAS, f"{w[-1]:.4f}"])
    writer.writerow([THRESHOLD, f"{threshold:.2f}"])
    for name, weight in sorted(zip(names, w[:-1], strict=True)):
        if abs(weight) >= 1e-4:
            writer.writerow([name, f"{weight:.4f}"])
    return buffer.getvalue()


def train(pages: Sequence[Page]) -> tuple[str, dict[str, float]]:
    names = sorted({name for page in pages for f in page.proposed for name in f})
    penalty, threshold, cv_f1 = choose(pages, names)
    w = fit(*design(pages, names), penalty)
    everything = np.ones(sum(len(page.labels) for page in pages))
    report = {
        "penalty": penalty,
        "threshold": threshold,
        "cross-validated F1": cv_f1,
        "F1 keeping every proposal": f1(pages, everything, 0.5),
    }
    return weights_csv(names, w, threshold), report


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m evaluation.news.train_events")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="default: %(default)s")
    args = parser.parse_args()
    gold = json.loads((DEV_NEWS / "gold.json").read_text(encoding="utf-8"))["documents"]
    files = [(name, raw) for name, raw in dev_files() if tuning(name)]
    pages = proposals(files, load_news_models(), gold)
    text, report = train(pages)
    args.output.write_text(text, encoding="utf-8")
    print(json.dumps(report, indent=1))
    print(f"weights of {len(pages)} tuning pages -> {args.output}")


if __name__ == "__main__":
    main()

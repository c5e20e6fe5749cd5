"""The match index on disk: embeddings and the HNSW graph, stamped per listing.

Layout of the folder (default `$COOPEX_HOME/index`):
  manifest.json   format, model, dimension, count; written last, so its presence means the
                  rest is complete
  ids.npy         listing ids, one per row
  stamps.npy      each listing's `updated_at` (epoch seconds) when it was embedded
  vectors.npy     float32 embeddings, one row per id
  hnsw.usearch    the approximate-neighbour graph (optional)

A save writes a fresh sibling folder and swaps it in with renames, so a crash leaves either
the old complete index or the new one. Loads and saves hold a cross-process file lock
(`index.lock` beside the folder), so a server saving at exit and `coopex index rebuild` never
interleave their renames, and a load never reads half of one save and half of another.
Loading compares stamps with the database: listings
changed, added or removed since are re-embedded or dropped (see `MatchingService`).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from filelock import FileLock

from coopex.engines.matching.ports import Vectors

FORMAT = 1


@dataclass(frozen=True, slots=True)
class StoredIndex:
    ids: npt.NDArray[np.int64]
    stamps: npt.NDArray[np.float64]
    vectors: Vectors
    hnsw_path: Path | None


class IndexStore:
    def __init__(self, folder: Path, model: str, dimension: int) -> None:
        self.folder = folder
        self.model = model
        self.dimension = dimension
        self._lock = FileLock(str(folder.with_name(folder.name + ".lock")), timeout=600)

    def load(self) -> StoredIndex | None:
        """The saved index, or None when there is none, or it is incomplete or for another model."""
        if not self.folder.parent.is_dir():
            return None
        with self._lock:
            return self._load()

    def _load(self) -> StoredIndex | None:
        try:
            manifest = json.loads((self.folder / "manifest.json").read_text(encoding="utf-8"))
            if (manifest.get("format"), manifest.get("model"), manifest.get("dimension")) != (
                FORMAT,
                self.model,
                self.dimension,
            ):
                return None
            ids = np.load(self.folder / "ids.npy")
            stamps = np.load(self.folder / "stamps.npy")
            vectors = np.load(self.folder / "vectors.npy", mmap_mode="r")
        except (OSError, ValueError, json.JSONDecodeError):
            return None
        count = int(manifest.get("count", -1))
        if (
            not (len(ids) == len(stamps) == vectors.shape[0] == count)
            or vectors.shape[1] != self.dimension
        ):
            return None
        hnsw = self.folder / "hnsw.usearch"
        return StoredIndex(ids, stamps, vectors, hnsw if hnsw.exists() else None)

    def save(
        self,
        ids: npt.NDArray[np.int64],
        stamps: npt.NDArray[np.float64],
        vectors: Vectors,
        write_hnsw: object = None,
    ) -> None:
        """Write a complete index atomically. `write_hnsw(path)` saves the graph, if given."""
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        with self._lock:
            self._save(ids, stamps, vectors, write_hnsw)

    def _save(
        self,
        ids: npt.NDArray[np.int64],
        stamps: npt.NDArray[np.float64],
        vectors: Vectors,
        write_hnsw: object,
    ) -> None:
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        fresh = self.folder.with_name(self.folder.name + ".new")
        old = self.folder.with_name(self.folder.name + ".old")
        shutil.rmtree(fresh, ignore_errors=True)
        fresh.mkdir()
        np.save(fresh / "ids.npy", ids)
        np.save(fresh / "stamps.npy", stamps)
        np.save(fresh / "vectors.npy", vectors)
        if callable(write_hnsw):
            write_hnsw(fresh / "hnsw.usearch")
        manifest = {
            "format": FORMAT,
            "model": self.model,
            "dimension": self.dimension,
            "count": len(ids),
        }
        (fresh / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        shutil.rmtree(old, ignore_errors=True)
        if self.folder.exists():
            self.folder.rename(old)
        fresh.rename(self.folder)
        shutil.rmtree(old, ignore_errors=True)

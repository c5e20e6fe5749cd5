"""Quality evaluations with data kept in the repository (see docs/matching.md)."""

from __future__ import annotations

import os
from pathlib import Path


def shared_folder() -> Path:
    """The read-only `../shared` beside the checkout (seeds, development sets, the scorer,
    benchmark instances), or the folder `COOPEX_SHARED` names (a worktree elsewhere)."""
    named = os.environ.get("COOPEX_SHARED")
    return Path(named) if named else Path(__file__).resolve().parents[2] / "shared"

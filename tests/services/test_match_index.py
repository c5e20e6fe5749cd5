"""The match index on disk: reused when current, repaired when stale, rebuilt when broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopex.app import Coopex, build
from coopex.domain.queries import MatchFilter
from coopex.services.demo import load_demo
from tests.conftest import OPERATOR, on_sqlite_only


def reopen(coopex: Coopex) -> Coopex:
    """The same database and home, as a new process would see them."""
    return build(coopex.settings)


@pytest.fixture
def demo(coopex: Coopex) -> Coopex:
    load_demo(coopex.transfer, coopex.accounts)
    return coopex


def top_refs(coopex: Coopex) -> list[str]:
    _, matches = coopex.matching.match_listing(OPERATOR, "rm-rail-02", MatchFilter(), limit=10)
    return [m.listing.ref for m in matches]


def test_saved_index_is_reused_and_gives_the_same_answers(demo: Coopex) -> None:
    first = demo.matching.rebuild()
    assert (first.reused, first.embedded) == (0, first.listings)
    expected = top_refs(demo)
    assert demo.matching.save() is True
    assert demo.matching.save() is False  # nothing changed since

    again = reopen(demo)
    report = again.matching.rebuild()
    assert (report.reused, report.embedded, report.dropped) == (first.listings, 0, 0)
    assert top_refs(again) == expected
    again.close()


def test_changes_after_the_last_save_are_found_and_repaired(demo: Coopex) -> None:
    demo.matching.rebuild()
    demo.matching.save()
    demo.registry.update_listing(
        OPERATOR, "qiqihar-castings-01", {"title": "Cast steel bogie side frames"}
    )
    demo.registry.close_listing(OPERATOR, "jiangsu-bogie-01")
    # The process dies here: the index on disk never heard of these two changes.
    survivor = reopen(demo)
    report = survivor.matching.rebuild()
    assert (report.embedded, report.dropped) == (1, 1)
    assert report.reused == report.listings - 1
    refs = top_refs(survivor)
    assert "jiangsu-bogie-01" not in refs
    fresh = reopen(demo)
    fresh.matching.rebuild(full=True)
    assert top_refs(fresh) == refs  # repaired == rebuilt from scratch
    survivor.close()
    fresh.close()


@on_sqlite_only  # damaged files on disk; the index beside each store: the tests above
@pytest.mark.parametrize("damage", ["manifest", "vectors", "half-swapped"])
def test_a_broken_index_is_rebuilt_not_trusted(demo: Coopex, damage: str) -> None:
    demo.matching.rebuild()
    demo.matching.save()
    folder = Path(demo.settings.home) / "index"
    if damage == "manifest":
        (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    elif damage == "vectors":
        (folder / "vectors.npy").write_bytes(b"\x93NUMPY garbage")
    else:  # a crash between the two renames of a save
        folder.rename(folder.with_name("index.old"))
    again = reopen(demo)
    report = again.matching.rebuild()
    assert report.reused == 0 and report.embedded == report.listings
    assert top_refs(again) == top_refs(demo)
    again.close()


def test_an_index_for_another_model_is_ignored(demo: Coopex) -> None:
    demo.matching.rebuild()
    demo.matching.save()
    manifest = Path(demo.settings.home) / "index" / "manifest.json"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("use-multilingual-v3", "other"),
        encoding="utf-8",
    )
    again = reopen(demo)
    assert again.matching.rebuild().reused == 0
    again.close()

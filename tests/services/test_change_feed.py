"""Several processes on one database agree: each application instance below has its own
match index and memory, as two servers and the CLI would; changes reach the others through
the committed change feed, within their next search."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from coopex.app import Coopex, build
from coopex.config import Settings
from coopex.domain.queries import MatchFilter
from coopex.services.changes import ChangeFeedReader
from coopex.services.demo import load_demo
from tests.conftest import OPERATOR

QUERY = "Cast steel bogie side frames for freight wagons"


def refs_found(coopex: Coopex, text: str = QUERY) -> list[str]:
    return [m.listing.ref for m in coopex.matching.search(text, MatchFilter(), 20).matches]


@pytest.fixture
def two(coopex: Coopex, tmp_path: Path) -> Iterator[tuple[Coopex, Coopex]]:
    load_demo(coopex.transfer, coopex.accounts)
    other = build(Settings(database_url=coopex.settings.resolved_database_url, home=tmp_path / "b"))
    coopex.matching.rebuild()
    other.matching.rebuild()
    yield coopex, other
    other.close()


def _within(seconds: float, check: Callable[[], bool]) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def test_a_change_in_one_process_reaches_the_others_search(two: tuple[Coopex, Coopex]) -> None:
    first, second = two
    ref = "qiqihar-castings-01"
    assert ref in refs_found(second)

    first.registry.update_listing(OPERATOR, ref, {"status": "draft"})
    assert _within(2.0, lambda: ref not in refs_found(second))

    first.registry.update_listing(
        OPERATOR, ref, {"status": "published", "title": "Ladle-cast wagon couplers"}
    )
    assert _within(2.0, lambda: ref in refs_found(second, "Ladle-cast wagon couplers"))
    seen = next(
        m.listing
        for m in second.matching.search("Ladle-cast wagon couplers", MatchFilter(), 20).matches
        if m.listing.ref == ref
    )
    assert seen.title == "Ladle-cast wagon couplers"

    first.registry.close_listing(OPERATOR, ref)
    assert _within(2.0, lambda: ref not in refs_found(second, "Ladle-cast wagon couplers"))


def test_a_listing_imported_elsewhere_is_matched_without_a_restart(
    two: tuple[Coopex, Coopex],
) -> None:
    first, second = two
    first.registry.create_listing(
        OPERATOR,
        {
            "ref": "new-couplers",
            "kind": "offer",
            "org": "rm-rail",
            "title": "Automatic couplers SA-3 for freight wagons",
            "codes": ["HS:8607"],
        },
    )
    assert _within(2.0, lambda: "new-couplers" in refs_found(second, "automatic couplers SA-3"))


def test_feed_reader_waits_for_an_id_committed_late(coopex: Coopex) -> None:
    """An entry whose id was taken before a later one's but committed after it is still read
    (PostgreSQL hands out ids at insert, not at commit)."""
    from coopex.storage.changes import ChangeFeedRepository

    reader = ChangeFeedReader(coopex.database, interval=0)
    reader.start_at_end()
    with coopex.database.transaction() as connection:
        ChangeFeedRepository(connection).record(["a"])
        ChangeFeedRepository(connection).record(["b"])
    with coopex.database.transaction() as connection:
        ids = ChangeFeedRepository(connection).read(0, [], 10)
    first_id = ids[0][0]
    # Pretend the reader saw only the second entry: the first is a gap, read once it shows.
    reader._after = ids[1][0]
    reader._gaps[first_id] = time.monotonic()
    assert reader.poll(force=True) == ["a"]
    assert reader.poll(force=True) == []


def test_pruning_forgets_old_entries_only_once_every_follower_read_them(coopex: Coopex) -> None:
    from coopex.services.changes import FEED_KEPT
    from coopex.storage.changes import ChangeFeedRepository
    from coopex.storage.database import utc_now
    from coopex.storage.tables import listing_changes

    old = utc_now() - FEED_KEPT - timedelta(minutes=1)
    reader = ChangeFeedReader(coopex.database)

    def add_old(*refs: str) -> None:
        with coopex.database.transaction() as connection:
            connection.execute(
                listing_changes.insert(), [{"ref": ref, "changed_at": old} for ref in refs]
            )

    def left() -> list[tuple[int, str]]:
        with coopex.database.transaction() as connection:
            return ChangeFeedRepository(connection).read(0, [], 10)

    def follow(name: str, position: int) -> None:
        with coopex.database.transaction() as connection:
            ChangeFeedRepository(connection).save_position(name, position)

    add_old("a", "b")
    with coopex.database.transaction() as connection:
        ChangeFeedRepository(connection).record(["fresh"])
    assert reader.prune() == 2  # nobody follows the feed: age alone decides
    assert [ref for _, ref in left()] == ["fresh"]

    add_old("c", "d", "e")
    ids = [i for i, _ in left()]
    follow("slow", ids[2])  # has read "fresh", "c" and "d"
    follow("fast", ids[-1])
    assert reader.prune() == 2  # "c" and "d": "e" is unread by one, "fresh" too young
    assert [ref for _, ref in left()] == ["fresh", "e"]
    follow("slow", ids[-1])
    assert reader.prune() == 1
    assert [ref for _, ref in left()] == ["fresh"]

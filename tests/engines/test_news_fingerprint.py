"""Near-duplicate fingerprints: copies of one story meet, different stories do not."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from coopex.engines.news.fingerprint import BANDS, THRESHOLD, fingerprint, similarity

WORDS = [
    "губернатор",
    "делегация",
    "завод",
    "производство",
    "локализация",
    "переговоры",
    "сотрудничество",
    "область",
    "компания",
    "проект",
    "оборудование",
    "поставки",
    "экспорт",
    "рынок",
    "партнеры",
    "визит",
    "форум",
    "соглашение",
]


def story(seed: int, length: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(length))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10))
def test_a_copy_with_a_different_header_and_footer_is_a_near_duplicate(
    seed: int, noise: int
) -> None:
    text = story(seed)
    copy = f"Источник: другой сайт {noise}\n{text}\nПоделиться"
    a, b = fingerprint(text, "ru"), fingerprint(copy, "ru")
    assert similarity(a.signature, b.signature) >= THRESHOLD
    assert any(x == y for x, y in zip(a.bands, b.bands, strict=True))


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 10_000))
def test_different_stories_are_not(seed: int) -> None:
    a, b = fingerprint(story(seed), "ru"), fingerprint(story(seed + 1), "ru")
    assert similarity(a.signature, b.signature) < THRESHOLD


def test_fingerprints_are_stable_and_banded() -> None:
    first = fingerprint("Делегация посетила завод в Харбине.", "ru")
    assert first == fingerprint("Делегация посетила завод в Харбине.", "ru")
    assert len(first.bands) == BANDS
    assert all(-(2**63) <= band < 2**63 for band in first.bands)  # fits a BIGINT column


def test_chinese_uses_character_shingles() -> None:
    text = "鞑靼斯坦共和国代表团访问杭州，双方讨论了汽车零部件本地化生产的合作。" * 3
    a, b = fingerprint(text, "zh"), fingerprint(text + "分享", "zh")
    assert similarity(a.signature, b.signature) >= THRESHOLD


def test_the_banding_is_the_one_datasketch_chooses() -> None:
    from datasketch import MinHashLSH

    from coopex.engines.news.fingerprint import PERMUTATIONS, ROWS

    chosen = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    assert (chosen.b, chosen.r) == (BANDS, ROWS)

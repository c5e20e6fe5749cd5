"""The RE2 screen: never rejects a text one of its patterns matches in `re`, and does screen."""

from __future__ import annotations

import pickle
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopex.engines.screen import Screen, loosened

# Each construct RE2 reads otherwise than `re`, or lacks.
PATTERNS = [
    r"\bподпис\w*\s+(?:\S+\s+){0,3}соглашени",  # \b, \w, \s, \S with Cyrillic
    r"(?:sign|conclud)\w*\s+(?:\S+\s+){,2}deal",  # "{,2}"
    r"визит(?!\s+отмен)",  # a negative look-ahead
    r"(?<![A-Za-z])met\s+(?!(?-i:[A-Z]))",  # look-behind, case-sensitive part inside
    r"(?-i:ОЭЗ)\s+[«\"]?\w",  # case-sensitive part kept as written
    r"\d+\s+[^\W\d]+",  # a negated shorthand inside a class
    r"[\u4e00-\u9fff](?:博|洽)会",  # \u escapes inside a class
    r"forum$",  # `re`'s end stands before a last line break too
    r"^\W*другой",
    r"\d{2,}\s*млрд",
    r"(a)\1x",  # a back-reference: RE2 has none, so the pattern always passes
]
ALPHABET = list(
    'abcdefgmnorstuxyzADFMOSTXZ_ 0123456789\n\t.,«"-'
    "подписаниесглшвзтоЗАОЭПотмен"
    "博洽会中国"
    "\xa0\u3000\u2009\x85\x0b\u0663\u00e9\u0301"  # spaces, an Arabic-Indic digit, accents
)
WORDS = ["подписали", "соглашение", "signed", "deal", "визит", "отменён", "met", "Putin", "ОЭЗ"]
WORDS += ["forum", "другой", "млрд", "中国博览会", "aax", "Minsk", "25"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(WORDS).flatmap(
                lambda w: st.sampled_from([w, w.upper(), w.capitalize()])
            ),
            st.text(ALPHABET, min_size=1, max_size=4),
        ),
        max_size=8,
    ),
    st.sampled_from(["", "\n", " ", ".\n"]),
)
def test_a_text_a_pattern_matches_is_never_rejected(parts: list[str], end: str) -> None:
    text = " ".join(parts) + end
    screen = Screen(list(enumerate(PATTERNS)))
    matched = {i for i, p in enumerate(PATTERNS) if re.search(p, text, re.IGNORECASE)}
    assert matched <= screen.keys_in(text)


def test_it_screens_out_what_none_of_the_patterns_can_match() -> None:
    screen = Screen([("agreement", r"\bsign\w*\s+(?:\S+\s+){0,6}agreement"), ("forum", "форум")])
    assert screen.keys_in("They SIGNED a cooperation agreement") == {"agreement"}
    assert screen.keys_in("Открылся ФОРУМ в Казани") == {"forum"}
    assert screen.keys_in("Nothing of the kind was told") == frozenset()
    assert Screen([]).keys_in("anything") == frozenset()


def test_a_pattern_re2_cannot_take_always_passes_and_re_decides() -> None:
    screen = Screen([("repeat", r"(ab)\1"), ("plain", "xyz")])
    assert screen.keys_in("nothing") == {"repeat"}


def test_a_look_around_is_dropped_so_the_screen_passes_more_never_less() -> None:
    assert loosened(r"визит(?!\s+(?:отмен|перенес))") == "визит"
    screen = Screen([("visit", r"визит(?!\s+отмен)")])
    assert screen.keys_in("визит отменён") == {"visit"}  # `re` then rejects it


def test_the_screen_survives_pickling_and_threads() -> None:
    screen = Screen([(n, rf"\bслово{n:02}\b") for n in range(50)])
    texts = [f"Вот СЛОВО{n % 50:02} и слово{(n * 7) % 50:02}." for n in range(200)]
    expected = [screen.keys_in(t) for t in texts]
    copy = pickle.loads(pickle.dumps(screen))
    with ThreadPoolExecutor(max_workers=4) as pool:
        assert list(pool.map(copy.keys_in, texts)) == expected
    assert expected[3] == {3, 21}


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"\w+\s\d", "слово\u00a0\u0663"),  # a no-break space, an Arabic-Indic digit
        (r"\S+\s+\S+", "中国\u3000博览会"),
        (r"end$", "the end\n"),
        (r"[\w-]+ого", "научно-технического"),
        (r"[\u0410-\u042f]+ЖЕ", "ТОЖЕ"),  # code points in a class
        (r"[\U0001F600]x", "\U0001f600x"),
        (r"a[\\u0041]b", "aub"),  # an escaped backslash, then "u0041": no code point
    ],
)
def test_re_s_unicode_classes_are_read_as_re_reads_them(pattern: str, text: str) -> None:
    assert re.search(pattern, text, re.IGNORECASE)
    assert Screen([("p", pattern)]).keys_in(text) == {"p"}


def test_a_code_point_beyond_the_basic_plane_in_a_class_still_screens() -> None:
    assert Screen([("p", r"[\U0001F600]x")]).keys_in("ax") == frozenset()


def test_a_text_longer_than_a_scan_takes_passes_every_key() -> None:
    screen = Screen([("forum", "форум"), ("visit", "визит")])
    assert screen.keys_in("ничего " * 20_000) == {"forum", "visit"}
    assert screen.keys_in("ничего " * 2_000) == frozenset()

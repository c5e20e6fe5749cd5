"""The event wordings and the event model as shipped data: read, checked, refused when bad."""

from __future__ import annotations

import csv
import io
import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopex.domain.news import EventType
from coopex.engines.news.cues import trigger_types
from coopex.reference.catalog import read_reference_csv
from coopex.reference.event_cues import event_cues, shipped_event_cues
from coopex.reference.event_weights import event_scorer, shipped_event_scorer


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_a_pattern_with_an_unquoted_comma_is_refused_naming_its_row() -> None:
    text = "cue,lang,pattern\nforum,en,forum\nagreement,en,sign\\w*\\s+(?:\\S+\\s+){0,6}agreement\n"
    with pytest.raises(ValueError, match=r"row 3: more fields than cue, lang, pattern"):
        event_cues(rows(text))


def test_a_row_without_a_known_language_is_refused() -> None:
    with pytest.raises(ValueError, match=r"row 2: needs a pattern and a lang"):
        event_cues(rows("cue,lang,pattern\nforum,de,Forum\n"))


def test_each_language_is_read_by_its_own_wordings() -> None:
    cues = event_cues(rows("cue,lang,pattern\nforum,en,forum\nforum,ru,форум\nforum,zh,论坛\n"))
    assert [k for k, _, _ in trigger_types("Деловой форум", cues.of("ru"))] == [EventType.FORUM]
    assert trigger_types("Деловой форум", cues.of("en")) == []
    assert [k for k, _, _ in trigger_types("Деловой форум", cues.of(None))] == [EventType.FORUM]


def test_the_shipped_wordings_cover_every_event_type_in_every_language() -> None:
    cues = shipped_event_cues()
    for lang in ("ru", "en", "zh"):
        assert {kind for kind, _ in cues.of(lang).triggers} == set(EventType), lang


def test_event_weights_need_an_intercept_and_a_threshold() -> None:
    with pytest.raises(ValueError, match=r"no \(threshold\) row"):
        event_scorer(rows("feature,weight\n(bias),-1.0\ntype=forum,0.5\n"))


def test_a_weight_that_is_not_a_number_is_refused_naming_its_row() -> None:
    text = "feature,weight\n(bias),-1\n(threshold),0.5\ntype=forum,high\n"
    with pytest.raises(ValueError, match=r"row 4: needs a feature and a numeric weight"):
        event_scorer(rows(text))


def test_the_shipped_event_model_reads() -> None:
    scorer = shipped_event_scorer()
    assert 0.0 < scorer.threshold < 1.0
    assert scorer.weights


_LITERAL_RUN = re.compile(r"[^\W\d_]{3,}")


def _words_of_the_wordings() -> list[str]:
    """The letters the shipped wordings spell out, to build sentences they may match."""
    patterns = [row["pattern"].replace("\\w", " ") for row in read_reference_csv("event_cues.csv")]
    return sorted({word for pattern in patterns for word in _LITERAL_RUN.findall(pattern)})


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_quick_screen_never_rejects_a_sentence_a_wording_matches(data: st.DataObject) -> None:
    words = _words_of_the_wordings()
    parts = data.draw(
        st.lists(
            st.one_of(
                st.sampled_from(words).map(
                    lambda w: data.draw(st.sampled_from([w, w.upper(), w.capitalize()]))
                ),
                st.sampled_from(["в", "to", "the", "СП", "и", "с", "Китай", "Minsk", "7"]),
            ),
            min_size=1,
            max_size=8,
        )
    )
    sentence = " ".join(parts) + data.draw(st.sampled_from(["", ".", " Москва.", " X"]))
    cues = shipped_event_cues()
    for lang in ("ru", "en", "zh"):
        of = cues.of(lang)
        matched = {kind for kind, pattern in of.triggers if pattern.search(sentence)}
        assert matched <= of.screen.keys_in(sentence)


def test_a_page_long_text_is_screened_to_its_end() -> None:
    # RE2 gives up on a text when its automaton runs out of memory, and a set then reports
    # nothing. Pieces of the wordings themselves, shuffled, make the most automaton states: a
    # page of them, as long as a text the screen scans, must still be read to its end.
    rng = random.Random(7)
    pieces = _words_of_the_wordings()
    cues = shipped_event_cues().of("ru")
    text = "".join(
        rng.choice(pieces)[: rng.randint(2, 12)] + rng.choice(["", " ", "ого ", "ами, "])
        for _ in range(5_000)
    )
    text += " Стороны подписали соглашение о сотрудничестве."
    expected = {kind for kind, pattern in cues.triggers if pattern.search(text)}
    assert 50_000 < len(text.encode()) < 65_536
    assert EventType.AGREEMENT in expected
    assert expected <= cues.screen.keys_in(text)

"""Sentence boundaries: abbreviations and initials do not split, spans tile the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coopex.engines.news.sentences import sentence_spans, sentences


def test_abbreviations_initials_and_chinese() -> None:
    assert sentences(
        "Президент РТ Р.Н. Минниханов прибыл в г. Ханчжоу. Закуплено 11 тыс. камер! 你好。再见"
    ) == [
        "Президент РТ Р.Н. Минниханов прибыл в г. Ханчжоу.",
        "Закуплено 11 тыс. камер!",
        "你好。",
        "再见",
    ]
    assert sentences("He said: «Yes.» Then left.") == ["He said: «Yes.»", "Then left."]
    # a month's abbreviation before its day goes on; at a sentence's end it ends it
    assert sentences("ASTANA, Nov. 24 (Xinhua) -- Talks began. It was late Nov. Then rain.") == [
        "ASTANA, Nov. 24 (Xinhua) -- Talks began.",
        "It was late Nov.",
        "Then rain.",
    ]


@given(st.text(alphabet=st.sampled_from("аб .!?。Г\n"), max_size=80))
def test_spans_are_ordered_disjoint_trimmed_and_cover_every_non_space(text: str) -> None:
    spans = sentence_spans(text)
    covered: set[int] = set()
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        assert not text[start].isspace() and not text[end - 1].isspace()
        covered.update(range(start, end))
        previous_end = end
    assert {i for i, ch in enumerate(text) if not ch.isspace()} <= covered


def test_paragraphs_glued_by_a_scraper_are_split_again() -> None:
    assert sentences(
        "The mayor welcomed the guests, said Deputy Governor Ivan Petrov.The visitors came on "
        "May 3 and 4.Both sides agreed to meet again. They flew to St.Petersburg via U.S.Airways."
    ) == [
        "The mayor welcomed the guests, said Deputy Governor Ivan Petrov.",
        "The visitors came on May 3 and 4.",
        "Both sides agreed to meet again.",
        "They flew to St.Petersburg via U.S.Airways.",
    ]
    assert sentences("Делегация прибыла в г.Казань вчера.Встреча прошла успешно.") == [
        "Делегация прибыла в г.Казань вчера.",
        "Встреча прошла успешно.",
    ]

"""Event typing by labelled neighbours, with the real multilingual embedder and sentences
written for this test."""

from __future__ import annotations

import pytest

from coopex.domain.news import EventType
from coopex.nlp.event_typing import ExampleEventTyper

ROWS = [
    ("none", "The weather in the city was sunny and warm all week."),
    ("none", "Погода в городе всю неделю была солнечной и тёплой."),
    ("none", "The football match ended in a draw on Sunday."),
    ("agreement", "The two regions signed a cooperation agreement on Friday."),
    ("agreement", "Стороны подписали соглашение о сотрудничестве."),
    ("agreement", "双方签署了合作协议。"),
]


@pytest.fixture(scope="module")
def typer() -> ExampleEventTyper:
    return ExampleEventTyper(rows=ROWS, neighbours=3, drop=0.6, add=0.6)


def test_a_sentence_near_labelled_non_events_is_dropped(typer: ExampleEventTyper) -> None:
    assert typer("Всю неделю в городе стояла тёплая солнечная погода.", [EventType.FORUM]) == []


def test_a_type_the_wordings_missed_is_added_across_languages(typer: ExampleEventTyper) -> None:
    found = typer("Области заключили договор о сотрудничестве.", [EventType.NEGOTIATION])
    assert found == [EventType.AGREEMENT, EventType.NEGOTIATION]


def test_a_labelled_sentence_does_not_vote_for_itself(typer: ExampleEventTyper) -> None:
    votes = typer.votes("The football match ended in a draw on Sunday.")
    assert votes.get("none", 0.0) < 1.0


def test_unknown_labels_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown label 'merger'"):
        ExampleEventTyper(rows=[("merger", "A merged with B.")]).votes("text")

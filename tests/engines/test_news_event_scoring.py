"""The event model's choice among a proposed event's options (engines/news/event_scoring.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.geography import place_of
from coopex.domain.news import EventType, LeadEvent, Mention, MentionKind
from coopex.engines.news.event_scoring import Candidate, EventScorer, features, page_of
from coopex.engines.news.parties import Sides, split_sentences

SCORER = EventScorer({"rules_choice": 2.0, "counterpart_place": 1.0}, bias=-2.0, threshold=0.5)


def option(counterpart: str, features: dict[str, float]) -> tuple[LeadEvent, dict[str, float]]:
    return LeadEvent(EventType.FORUM, "Россия", counterpart, (), "…"), features


def test_the_likeliest_option_is_chosen_when_likely_enough() -> None:
    options = [option("Китай", {"counterpart_place": 1.0}), option("Sany", {"rules_choice": 1.0})]
    assert SCORER.choose(options) == 1
    assert SCORER.choose([option("Китай", {"counterpart_place": 1.0})]) is None
    assert SCORER.choose([]) is None


@given(st.lists(st.dictionaries(st.sampled_from(["rules_choice", "x"]), st.floats(-5, 5))))
def test_a_choice_is_one_of_the_options_and_reaches_the_threshold(
    options: list[dict[str, float]],
) -> None:
    choice = SCORER.choose([option("Китай", f) for f in options])
    if choice is not None:
        assert SCORER.probability(options[choice]) >= SCORER.threshold
        assert all(SCORER.probability(f) <= SCORER.probability(options[choice]) for f in options)


def test_features_say_how_the_option_was_found_and_what_its_party_is() -> None:
    paragraphs = ["Россия и Китай", "Переговоры с Sany прошли в Китае."]
    mentions = [
        Mention(MentionKind.LOCATION, "Россия", 0, 0, 6),
        Mention(MentionKind.LOCATION, "Китай", 0, 9, 14),
        Mention(MentionKind.ORGANIZATION, "Sany", 1, 13, 17),
        Mention(MentionKind.LOCATION, "Китай", 1, 26, 31),
    ]
    places = {"Россия": place_of("RU"), "Китай": place_of("CN")}
    sentences = split_sentences(paragraphs, mentions)
    sides = Sides("Россия", place_of("RU"), "Китай", places)
    event = LeadEvent(EventType.NEGOTIATION, "Россия", "Sany", (), sentences[1].text)
    chosen = Candidate(event, 1, "wording", True, 1, rank=0)
    other = Candidate(
        LeadEvent(EventType.NEGOTIATION, "Россия", "Китай", (), ""), 1, "wording", False, 1, 2
    )
    page = page_of(sentences, sides, [[chosen, other]])
    found = features(chosen, page)
    expected = {"type=negotiation", "rules_choice", "counterpart_organization", "in_sentence"}
    assert {name for name in expected if found.get(name) == 1.0} == expected
    assert "counterpart_place" not in found
    assert features(other, page)["counterpart_country"] == 1.0
    assert "rules_choice" not in features(other, page)

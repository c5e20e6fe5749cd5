"""`evaluation.news.stages`: each missed gold event is put at the first stage that holds, and the
recording chooser leaves the reading as the rules alone make it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from coopex.engines.news.pipeline import RawDocument, read_document
from coopex.nlp.news import load_news_models
from evaluation.news.stages import RecordingChooser, page_stages, stage

GOLD = {"type": "agreement", "initiator": [["Kaluga Region"]], "counterpart": ["Anhui", "安徽"]}


def norm(text: str) -> str:
    return text.lower()


@pytest.mark.parametrize(
    ("worded", "proposed", "expected"),
    [
        (set(), [], "no wording"),
        ({"forum"}, [(("forum", "Anhui"),)], "no wording"),
        ({"agreement"}, [], "never proposed"),
        ({"agreement"}, [(("forum", "Anhui"),)], "never proposed"),
        ({"agreement"}, [(("agreement", "Japan"), ("agreement", "China"))], "other parties"),
        ({"agreement"}, [(("agreement", "Japan"), ("agreement", "ANHUI"))], "another party first"),
        ({"agreement"}, [(("agreement", "安徽"),)], "dropped after"),
        # the rules' choice counts before a later option elsewhere
        (
            {"agreement"},
            [(("agreement", "Japan"), ("agreement", "Anhui")), (("agreement", "Anhui"),)],
            "dropped after",
        ),
    ],
)
def test_a_missed_event_is_put_at_the_first_stage_that_holds(
    worded: set[str], proposed: list[tuple[tuple[str, str], ...]], expected: str
) -> None:
    assert stage(GOLD, worded, proposed, norm) == expected


def test_a_missed_event_a_reported_one_matches_was_read_as_one_with_another() -> None:
    reported = [{"type": "agreement", "counterpart": "ANHUI"}]
    proposed = [(("agreement", "Anhui"),)]
    assert stage(GOLD, {"agreement"}, proposed, norm, reported) == "read as one"
    assert stage(GOLD, {"agreement"}, proposed, norm, []) == "dropped after"


def test_two_facts_reported_as_one_are_one_found_and_one_read_as_one(shared: Path) -> None:
    other = {**GOLD, "counterpart": ["Anhui", "Haier"]}
    tally = page_stages([GOLD, other], [{"type": "agreement", "counterpart": "Anhui"}], set(), [])
    assert tally == {("agreement", "read as one"): 1}


def test_only_missed_gold_events_are_counted(shared: Path) -> None:
    found = [{"type": "agreement", "counterpart": "Anhui"}]
    gold = [GOLD, {"type": "forum", "initiator": [["Kaluga Region"]], "counterpart": ["China"]}]
    tally = page_stages(gold, found, {"agreement"}, [])
    assert tally == {("forum", "no wording"): 1}


def test_the_recording_chooser_reads_as_the_rules_alone(shared: Path) -> None:
    models = load_news_models()
    for seed in sorted((shared / "seeds").glob("*.txt")):
        document = RawDocument(seed.name, seed.read_bytes())
        chooser = RecordingChooser()
        recorded = read_document(document, replace(models, event_chooser=chooser)).leads
        assert recorded.events == read_document(document, models).leads.events
        assert all(options for options in chooser.proposed)
    assert chooser.proposed  # every seed proposes events; the last one's are kept

"""`python -m evaluation.news.stages [--folder F] [--lang ru|en|zh] [--json FILE]`: at which
stage of the event reader each missed gold event is lost, per part and event type, **in counts
only** (as `evaluation.news.losses`: nothing of a page is shown, so the reporting part may be
read too).

A missed gold event (matched the shared scorer's way) is put at the first stage that holds:

- **no wording**: no sentence of its page has a wording of its type (`event_cues.csv`), nor an
  amount measuring it — the language data never names the fact;
- **never proposed**: worded, but the reader proposed no event of its type (the wording was
  dropped in its sentence, or found no party);
- **other parties**: events of its type were proposed, none with its party among the options;
- **another party first**: its party was an option, the rules chose another;
- **dropped after**: its party was the rules' first option, and it was not reported (declined as
  the initiator's own party, or merged or dropped later);
- **read as one**: an event reported would match it, but the scorer's one-to-one matching gave
  that event to another gold event of the page — two facts of one type whose accepted parties
  overlap (two plants in one region, two firms signing with one side), reported as one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from coopex.engines.news.cues import trigger_types
from coopex.engines.news.event_scoring import Option
from coopex.engines.news.events import AMOUNT_EVENTS
from coopex.engines.news.pipeline import NewsModels, RawDocument, ReadDocument, read_document
from coopex.engines.news.sentences import sentences
from coopex.nlp.news import load_news_models
from evaluation.news.errors import Row, same_event, unmatched
from evaluation.news.examples import tuning
from evaluation.news.losses import arguments, show
from evaluation.news.scoring import PARTS, scorer

STAGES = (
    "no wording",
    "never proposed",
    "other parties",
    "another party first",
    "dropped after",
    "read as one",
)
Proposal = tuple[tuple[str, str], ...]  # (type, counterpart) of each option, the first first


@dataclass
class RecordingChooser:
    """The rules' own choice (as with no chooser), each proposed event's options recorded."""

    proposed: list[Proposal] = field(default_factory=list)

    def choose(self, options: Sequence[Option]) -> int | None:
        self.proposed.append(tuple((e.type.value, e.counterpart) for e, _ in options))
        return 0 if options[0][1].get("rules_choice") else None


def stage(
    gold: Row,
    worded: set[str],
    proposed: Sequence[Proposal],
    norm: Callable[[str], str],
    reported: Sequence[Row] = (),
) -> str:
    """Where a missed gold event was lost, given the event types worded on its page, the
    events the reader proposed there and those it reported."""
    kind = gold["type"]
    accepted = {norm(a) for a in gold["counterpart"]}
    if any(
        event.get("type") == kind and norm(str(event.get("counterpart", ""))) in accepted
        for event in reported
    ):
        return "read as one"

    def its(option: tuple[str, str]) -> bool:
        return option[0] == kind and norm(option[1]) in accepted

    if kind not in worded:
        return "no wording"
    of_its_type = [p for p in proposed if p[0][0] == kind]
    if not of_its_type:
        return "never proposed"
    if any(its(p[0]) for p in of_its_type):
        return "dropped after"
    if any(its(o) for p in of_its_type for o in p[1:]):
        return "another party first"
    return "other parties"


def page_stages(
    gold: Sequence[Row], events: Sequence[Row], worded: set[str], proposed: Sequence[Proposal]
) -> Counter[tuple[str, str]]:
    """(event type, stage) -> count of the page's missed gold events."""
    _, missed = unmatched(list(gold), list(events), same_event)
    return Counter((g["type"], stage(g, worded, proposed, scorer().norm, events)) for g in missed)


def worded_types(read: ReadDocument, models: NewsModels) -> set[str]:
    """The event types a read page's wordings name, or its amounts measure."""
    lang = read.leads.lang
    cues = models.cues.of(lang)
    form = models.reading_forms.get(lang, str)
    worded = {
        kind.value
        for paragraph in (read.article.title, *read.article.paragraphs)
        for sentence in sentences(paragraph)
        for kind, _, _ in trigger_types(form(sentence), cues)
    }
    measured = (AMOUNT_EVENTS.get(a.what or "") for a in read.leads.amounts)
    return worded | {event.value for event in measured if event}


def main() -> None:
    args, gold, files = arguments("python -m evaluation.news.stages")
    models = load_news_models()
    by_part: dict[str, Counter[tuple[str, str]]] = {part: Counter() for part in PARTS}
    for name, raw in files:
        chooser = RecordingChooser()
        read = read_document(RawDocument(name, raw), replace(models, event_chooser=chooser))
        part = "tuning" if tuning(name) else "reporting"
        events = [e.as_dict() for e in read.leads.events]
        worded = worded_types(read, models)
        by_part[part].update(page_stages(gold[name]["events"], events, worded, chooser.proposed))
    show(by_part, "where missed events are lost", args.lang, args.json, STAGES)


if __name__ == "__main__":
    main()

"""Which person mentions a document reports (pure rules over mentions)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.news import Mention, MentionKind, full_names_only

PERSON, PLACE = MentionKind.PERSON, MentionKind.LOCATION


def mention(kind: MentionKind, name: str) -> Mention:
    return Mention(kind, name, 0, 0, len(name))


def test_a_one_word_person_is_kept_only_as_the_surname_of_a_full_name() -> None:
    mentions = [
        mention(PERSON, "Денис Мантуров"),
        mention(PERSON, "Мантуров"),
        mention(PERSON, "Zoomlion"),
        mention(PLACE, "Казань"),
    ]
    assert [m.name for m in full_names_only(mentions)] == ["Денис Мантуров", "Мантуров", "Казань"]


names = st.text(alphabet="абвгд ", min_size=1, max_size=12).map(lambda s: " ".join(s.split()))


@given(st.lists(st.tuples(st.sampled_from(list(MentionKind)), names.filter(bool)), max_size=12))
def test_only_one_word_persons_are_ever_dropped(pairs: list[tuple[MentionKind, str]]) -> None:
    mentions = [mention(kind, name) for kind, name in pairs]
    kept = full_names_only(mentions)
    dropped = [m for m in mentions if m not in kept]
    assert all(m.kind is PERSON and " " not in m.name for m in dropped)
    assert full_names_only(kept) == kept

"""The document's sides (`document_sides`) on short pages written for this test."""

from __future__ import annotations

from coopex.domain.geography import Place, place_of
from coopex.domain.news import Mention, MentionKind
from coopex.engines.news.parties import document_sides, split_sentences
from coopex.reference.event_cues import shipped_event_cues


def _located(paragraphs: list[str], names: dict[str, str]) -> list[Mention]:
    """Each written form in `names` as a mention of the place it names."""
    found: list[Mention] = []
    for number, paragraph in enumerate(paragraphs):
        for written, name in names.items():
            start = paragraph.find(written)
            if start >= 0:
                found.append(
                    Mention(MentionKind.LOCATION, name, number, start, start + len(written))
                )
    return sorted(found, key=lambda m: (m.paragraph, m.start))


def test_a_story_from_neither_home_side_is_not_told_from_the_titled_venue() -> None:
    # the title names Beijing only as where the talks are held: the story is Kazakhstan's
    paragraphs = [
        "Переговоры в Пекине",
        "Делегация Казахстана провела переговоры с китайскими компаниями.",
    ]
    mentions = _located(paragraphs, {"Пекине": "Пекин", "Казахстана": "Казахстан"})
    places: dict[str, Place | None] = {"Пекин": place_of("CN-BJ"), "Казахстан": place_of("KZ")}
    sides = document_sides(
        split_sentences(paragraphs, mentions),
        places,
        frozenset({"RU"}),
        shipped_event_cues().of("ru").held_in,
    )
    assert sides.initiator == "Казахстан"


def test_a_story_told_from_a_city_is_its_region_s_where_the_page_names_the_region() -> None:
    paragraphs = [
        "Ярославль подпишет соглашение с Белоруссией",
        "Переговоры прошли в Ярославле. Ярославская область готова к сотрудничеству.",
    ]
    names = {"Ярославль": "Ярославль", "Ярославле": "Ярославль", "Беларусь": "Беларусь"}
    names |= {"Ярославская область": "Ярославская область", "Белоруссией": "Беларусь"}
    mentions = _located(paragraphs, names)
    places: dict[str, Place | None] = {
        "Ярославль": place_of("RU-YAR"),
        "Ярославская область": place_of("RU-YAR"),
        "Беларусь": place_of("BY"),
    }
    read = split_sentences(paragraphs, mentions)
    cues = shipped_event_cues().of("ru").held_in
    home = frozenset({"RU"})
    with_city = document_sides(read, places, home, cues, cities={"Ярославль"})
    assert with_city.initiator == "Ярославская область"
    assert with_city.region_of == {"Ярославль": "Ярославская область"}
    # a name not known as a city's stands for itself
    assert document_sides(read, places, home, cues).region_of == {}

"""A checklist of events called off: what was refused, abandoned or cancelled ("Haier
отказалась от строительства завода", "the talks were cancelled", "放弃了建厂的计划") is no
current cooperation fact, whatever wording it uses — beside sentences with like words that tell
one ("после отмены пошлин компания откроет завод"). Sentences written for this test, not taken
from the pages."""

from __future__ import annotations

import pytest

from tests.engines.event_checklists import wording_types

CALLED_OFF = [
    ("ru", "Компания Haier отказалась от строительства завода в Татарстане."),
    ("ru", "Переговоры губернатора с компанией Geely не состоялись."),
    ("ru", "Соглашение с компанией Chery так и не было подписано."),
    ("ru", "Визит китайской делегации в Самарскую область отменён из-за пандемии."),
    ("ru", "Губернатор отменил визит в Китай."),
    ("en", "Haier has abandoned plans to build a plant in Tatarstan."),
    ("en", "The talks between Kaluga Region and Geely were cancelled."),
    ("en", "The governor cancelled his visit to China."),
    ("en", "The deal with the Chinese investor fell through."),
    ("zh", "海尔公司放弃了在鞑靼斯坦建厂的计划。"),
    ("zh", "原定的访问被取消。"),
]


@pytest.mark.parametrize(("lang", "sentence"), CALLED_OFF)
def test_what_was_called_off_names_no_event(lang: str, sentence: str) -> None:
    assert wording_types(sentence, lang) == []


# Like words, and the fact goes on: a duty abolished, a plant after sanctions were lifted.
STILL_TOLD = [
    ("ru", "После отмены пошлин компания Haier откроет завод в Татарстане.", "localization_plan"),
    ("ru", "Компания возобновила строительство завода в Татарстане.", "localization_plan"),
    (
        "en",
        "After the duties were lifted, Haier will build a plant in Tatarstan.",
        "localization_plan",
    ),
    ("zh", "取消关税后，海尔将在鞑靼斯坦建厂。", "localization_plan"),
]


@pytest.mark.parametrize(("lang", "sentence", "kind"), STILL_TOLD)
def test_like_words_leave_the_fact_told(lang: str, sentence: str, kind: str) -> None:
    assert kind in [k.value for k in wording_types(sentence, lang)]


# Only proposed: a forum or a mission one side suggests holding has not been held.
PROPOSED = [
    ("ru", "Китайская сторона предложила провести в 2027 году в Хуньчуне совместный форум."),
    ("ru", "Губернатор предложил организовать бизнес-миссию предприятий региона в Китай."),
    ("en", "The Chinese side proposed holding a joint forum in Hunchun next year."),
    ("zh", "中方建议明年在珲春共同举办经贸论坛。"),
    (
        "ru",
        "Стороны договорились провести в следующем году совместный бизнес-форум в Петропавловске.",
    ),
    ("en", "The sides agreed to hold a joint business forum in Petropavlovsk next year."),
]


@pytest.mark.parametrize(("lang", "sentence"), PROPOSED)
def test_a_forum_or_mission_only_proposed_is_none(lang: str, sentence: str) -> None:
    assert not {"forum", "business_mission"} & {k.value for k in wording_types(sentence, lang)}


# a forum held, a proposal made there: the forum stays
HELD_WITH_A_PROPOSAL = [
    ("ru", "На форуме в Хуньчуне губернатор предложил провести переговоры о поставках."),
    ("en", "At the forum in Hunchun, the governor proposed talks on supplies."),
]


@pytest.mark.parametrize(("lang", "sentence"), HELD_WITH_A_PROPOSAL)
def test_a_forum_where_something_is_proposed_stays(lang: str, sentence: str) -> None:
    assert "forum" in {k.value for k in wording_types(sentence, lang)}

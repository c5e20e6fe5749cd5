"""Cooperation events from sentences written for these tests (not the seeds or their gold).

Entity mentions are given by hand, so each test pins one rule of `engines/news/events.py`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopex.domain.geography import Place, place_of
from coopex.domain.news import EventType, Mention, MentionKind
from coopex.engines.news.cues import trigger_types
from coopex.engines.news.events import _one_place_or_party, read_events
from coopex.engines.news.parties import reporter, same_party
from coopex.reference.event_cues import shipped_event_cues
from tests.engines.event_checklists import amounts_measured
from tests.engines.event_checklists import page_events as checklist_page

PLACES = {
    "Нижегородская область": "RU-NIZ",
    "Гомельская область": "BY-HO",  # named only by its executive committee's adjective
    "Нижегородской области": "RU-NIZ",
    "Китай": "CN",
    "КНР": "CN",
    "Россия": "RU",
    "России": "RU",
    "Russia": "RU",
    "Казахстан": "KZ",
    "Republic of Bashkortostan": "RU-BA",
    "Bashkortostan": "RU-BA",
    "China": "CN",
    "Vietnam": "VN",
    "Belarus": "BY",
    "Union State": "UNION_STATE",
    "Харбин": "CN-HL",
    "Калужская область": "RU-KLU",
    "Хэнань": "CN-HA",
    "Германии": "DE",
    "Kaluga Region": "RU-KLU",
    "Калужской области": "RU-KLU",
    "Москве": "RU-MOW",
    "Японии": "JP",
    "Хэйлунцзян": "CN-HL",
    "中国": "CN",
    "乌兹别克斯坦": "UZ",
    "俄罗斯": "RU",
    "Вьетнама": "VN",
    "Вьетнам": "VN",
    "Пекине": "CN-BJ",
    "Harbin": "CN-HL",
    "Heilongjiang Province": "CN-HL",
    "Heilongjiang": "CN-HL",
    "Kazakhstan": "KZ",
    "Omsk Region": "RU-OMS",
    "Pavlodar Region": "KZ-PAV",
    "重庆市": "CN-CQ",
    "重庆": "CN-CQ",
    "白俄罗斯": "BY",
    "戈梅利州": "BY-HO",
    "江苏": "CN-JS",
    "图拉州": "RU-TUL",
    "吉尔吉斯斯坦": "KG",
    "秋明州": "RU-TYU",
    "黑龙江省": "CN-HL",
    "楚瓦什共和国": "RU-CU",
    "四川": "CN-SC",
    "ASTANA": "KZ-AST",
    "HARBIN": "CN-HL",
    "Tatarstan": "RU-TA",
    "Санкт-Петербурге": "RU-SPE",
    "撒马尔罕": "UZ-SA",
    "北京": "CN-BJ",
    "Ереване": "AM",  # a capital the gazetteer knows by its country's code
    "Армения": "AM",
}
# places the gazetteer does not know (a pair the tagger read as one among them)
UNKNOWN_PLACES = ("Бонне", "Yelabuga", "Биньзыонг", "Kaluga Region – Heilongjiang")
ORGANIZATIONS = (
    "Changan",
    "Toyota",
    "Sany",
    "ТехноМаш",
    "Harbin Electric",
    "Минский тракторный завод",
    "Торговая палата провинции Хэнань",
    "Zoomlion",
    "Foreign Trade Academy",
    "Eurasian Economic Union Treaty",
    "Администрация провинции Хэнань",
    "Народное правительство провинции Хэнань",
    "Министерство экономики Калужской области",
    "Vietnam Government",
    "Civil Aviation Administration",
    "Администрация морского порта",
    "Торгово-промышленная палата",
    "Торговой палатой Вьетнама",
    "新疆贸促会",
    "塔什干市工商会",
    "花剌子模州贸易局",
    "Haier",
    "Alabuga Technopark",
    "Vietnam Government Bank",
    "Всероссийской биржи промышленной кооперации",
    "МВЦ «Крокус Экспо»",
    "Чрезвычайный и Полномочный Посол Вьетнама",
    "Посольстве Вьетнама",
    "东北网",
    "哈尔滨国际会议中心",
    "省委",
    "中江集团",
    "江苏省贸促会",
    "俄罗斯驻华大使馆",
    "中吉合资汽车总装厂",
    "白俄罗斯工业部",
    "MW",
    "Kazinform",
    "Russian Railways",
    "Ministry of Industry and Trade",
    "Гомельский облисполком",
    "戈梅利州执行委员会",
    "Гомельский областной исполнительный комитет",
    "Посольства России",
    "Rhein Rohr",
    "Kestrel Pumps",
)


def mentions(paragraphs: Sequence[str]) -> list[Mention]:
    """Every known name where it occurs, as the NER adapters would report it."""
    found: list[Mention] = []
    for number, paragraph in enumerate(paragraphs):
        for name in sorted({*PLACES, *UNKNOWN_PLACES, *ORGANIZATIONS}, key=len, reverse=True):
            start = paragraph.find(name)
            while start >= 0:
                end = start + len(name)
                if not any(m.paragraph == number and m.start <= start < m.end for m in found):
                    located = name in PLACES or name in UNKNOWN_PLACES
                    kind = MentionKind.LOCATION if located else MentionKind.ORGANIZATION
                    found.append(Mention(kind, name, number, start, end))
                start = paragraph.find(name, end)
    return sorted(found, key=lambda m: (m.paragraph, m.start))


def places() -> dict[str, Place | None]:
    known: dict[str, Place | None] = {name: place_of(code) for name, code in PLACES.items()}
    return known | dict.fromkeys(UNKNOWN_PLACES)


def events(
    *paragraphs: str,
    home: frozenset[str] = frozenset({"RU"}),
    lang: str | None = None,
    reading_form: Callable[[str], str] | None = None,
) -> list[tuple[str, str, str]]:
    found = read_events(
        list(paragraphs),
        mentions(paragraphs),
        places(),
        home,
        lambda _: (),
        shipped_event_cues(),
        reading_form=reading_form,
        lang=lang,
    )
    return [(e.type.value, e.initiator, e.counterpart) for e in found]


def test_mission_invitation_and_talks_with_the_region_as_initiator() -> None:
    found = events(
        "Делегация Нижегородской области отправилась в Китай",
        "Губернатор возглавил деловую миссию в Китай. "
        "Он пригласил компанию Changan локализовать производство в регионе. "
        "Также запланированы переговоры с Sany.",
    )
    assert found == [
        ("business_mission", "Нижегородской области", "Китай"),
        ("localization_invitation", "Нижегородской области", "Changan"),
        ("negotiation", "Нижегородской области", "Sany"),
    ]


def test_a_company_named_in_an_earlier_sentence_is_the_party_of_a_pointing_back_sentence() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Губернатор посетил завод Sany. Стороны обсудили локализацию производства этой компании "
        "на площадке технопарка.",
    )
    assert ("localization_invitation", "Нижегородская область", "Sany") in found


def test_talks_covered_by_a_stronger_lead_with_the_same_party_are_not_repeated() -> None:
    found = events(
        "Нижегородская область",
        "Переговоры с Changan продолжатся. Области предложат Changan разместить производство.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "Changan")]


def test_a_similar_offer_repeats_the_previous_event_type_with_a_new_party() -> None:
    found = events(
        "Нижегородская область",
        "Губернатор предложил Changan локализовать сборку. Схожее предложение получит и Sany.",
    )
    assert [f[0] for f in found] == ["localization_invitation", "localization_invitation"]
    assert [f[2] for f in found] == ["Changan", "Sany"]


def test_a_company_planning_its_own_localization_is_a_plan_not_an_invitation() -> None:
    found = events("Нижегородская область", "Компания Changan планирует локализовать производство.")
    assert found == [("localization_plan", "Нижегородская область", "Changan")]


def test_a_firms_localization_nobody_invites_to_is_its_plan() -> None:
    # No plan's verb, but a firm and nobody inviting or offering: the firm's own plan.
    cues = shipped_event_cues()
    firm = "Китайская компания рассчитывает на локализацию производства кроссоверов в регионе."
    assert [k for k, _, _ in trigger_types(firm, cues.of("ru"))] == [EventType.LOCALIZATION_PLAN]
    # With no firm spoken of, localization talked about stays the region's invitation.
    talked = "Вопрос локализации производства кроссоверов в регионе обсуждался на совещании."
    assert [k for k, _, _ in trigger_types(talked, cues.of("ru"))] == [
        EventType.LOCALIZATION_INVITATION
    ]
    # A place offering firms a site invites them, in any aspect of the verb.
    offered = "Область предлагает компаниям площадки для локализации производства."
    assert [k for k, _, _ in trigger_types(offered, cues.of("ru"))] == [
        EventType.LOCALIZATION_INVITATION
    ]


def test_forum_counterpart_is_a_place_not_on_the_initiators_side() -> None:
    found = events(
        "Bashkortostan and Vietnam",
        "The Republic of Bashkortostan will hold a business forum with partners from Vietnam.",
    )
    assert found == [("forum", "Bashkortostan", "Vietnam")]


def test_press_conferences_and_counted_agreements_are_not_leads() -> None:
    assert events("Russia and China", "The minister spoke at a press conference about China.") == []
    assert events("Russia and China", "Around 15 agreements will be signed with China.") == []


def test_an_agreement_with_no_party_in_its_sentence_goes_to_the_documents_counterpart() -> None:
    found = events(
        "Belarus and Russia to cooperate",
        "Russia and Belarus discussed industry. Today we signed an agreement on machine tools.",
    )
    assert ("agreement", "Russia", "Belarus") in found


def test_a_union_the_initiator_belongs_to_is_its_own_side() -> None:
    found = events(
        "Russia and Belarus",
        "The Union State approved a common industrial policy for Belarus and Russia.",
    )
    assert found == [("policy", "Russia", "Belarus")]


def test_a_partner_search_is_initiated_by_the_searching_company_and_not_at_its_own_place() -> None:
    found = events(
        "Нижегородская область и Казахстан",
        "«Мы ищем партнёров по литью», — сказал директор ТехноМаш (Нижегородская область).",
    )
    assert found == [("partner_search", "ТехноМаш", "Казахстан")]


def test_another_home_country_makes_the_other_side_the_initiator() -> None:
    found = events(
        "Belarus and China",
        "Minsk hosted a round table with companies from China.",
        home=frozenset({"BY"}),
    )
    assert found == [("forum", "Belarus", "China")]


def test_trade_figures_come_from_turnover_wording() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Товарооборот между Нижегородской областью и Китаем вырос на 20%.",
    )
    assert found == [("trade_figure", "Нижегородская область", "Китай")]


def test_no_triggers_no_events() -> None:
    assert events("Нижегородская область", "Погода в регионе будет тёплой.") == []
    assert events() == []


def test_every_event_has_a_type_of_the_closed_set_and_its_sentence_as_evidence() -> None:
    paragraphs = ["Нижегородская область и Китай", "Переговоры с Sany прошли в Харбине."]
    found = read_events(
        paragraphs,
        mentions(paragraphs),
        places(),
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
    )
    assert found and all(isinstance(e.type, EventType) for e in found)
    assert all(e.evidence in paragraphs[1] for e in found)


def test_a_region_and_its_country_are_one_party() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Делегация отправилась с деловой миссией в Харбин. Деловая миссия в Китай продлится "
        "неделю.",
    )
    assert found == [("business_mission", "Нижегородская область", "Харбин")]


def test_talks_with_a_place_stay_a_lead_beside_an_organisation_named_after_it() -> None:
    found = events(
        "Калужская область и Хэнань",
        "Губернатор встретился с губернатором провинции Хэнань. "
        "Торговая палата провинции Хэнань подписала соглашение с регионом.",
    )
    assert found == [
        ("negotiation", "Калужская область", "Хэнань"),
        ("agreement", "Калужская область", "Торговая палата провинции Хэнань"),
    ]


def test_an_investment_sentence_belongs_to_the_company_just_named() -> None:
    found = events(
        "Калужская область и Хэнань",
        "Компания Zoomlion подписала соглашение с регионом. "
        "В проект будет инвестировано 3 млрд рублей.",
    )
    assert found == [
        ("agreement", "Калужская область", "Zoomlion"),
        ("investment", "Калужская область", "Zoomlion"),
    ]


def test_the_investment_in_a_companys_plant_is_part_of_its_localization_plan() -> None:
    found = events(
        "Калужская область и Хэнань",
        "Компания Zoomlion планирует открыть в регионе производство техники. "
        "В проект будет инвестировано 3 млрд рублей.",
    )
    assert found == [("localization_plan", "Калужская область", "Zoomlion")]


def test_a_partner_search_is_never_addressed_to_the_searcher_itself() -> None:
    found = events("Калужская область", "Предприятия Калужской области ищут партнёров.")
    assert all(initiator != counterpart for _, initiator, counterpart in found)
    assert ("partner_search", "Калужская область", "Калужская область") not in found


def test_talks_reported_with_an_invitation_to_the_same_party_are_that_invitation() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Цель визита — переговоры и приглашение китайскому бизнесу локализовать производство.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "Китай")]


def test_an_earlier_fact_told_as_background_is_not_news() -> None:
    assert events("Нижегородская область и Китай", "Ранее регион подписал соглашение с Sany.") == []


def test_an_earlier_visit_told_as_context_is_no_mission() -> None:
    # "The last trip … gave results": the visit is the background of the news, not the news.
    last_trip = "Последняя поездка губернатора в Китай дала результаты."
    assert events("Нижегородская область и Китай", last_trip) == []
    assert events("Нижегородская область и Китай", "Рабочая поездка губернатора в Китай.") == [
        ("business_mission", "Нижегородская область", "Китай")
    ]
    since = "He has visited the fair in China since the first event last year."
    assert events("Kaluga Region and China", since) == []


def test_a_reminder_is_background() -> None:
    reminded = "He reminded that the region houses vehicle assembly plants of Sany."
    assert events("Kaluga Region and China", reminded) == []
    assert events("Нижегородская область и Китай", "Напомним, Sany откроет завод в регионе.") == []
    # the English of "Напомним"
    recall = "Recall, Sany and Kaluga Region signed an agreement on a crane plant in 2012."
    assert events("Kaluga Region and China", recall) == []
    recalled = "It should be recalled that Zoomlion will open a plant in Kaluga Region."
    assert events("Kaluga Region and China", recalled) == []
    # what the site reported before is told again as context
    told = "Как сообщалось, губернатор провел переговоры с Sany."
    assert events("Нижегородская область и Китай", told) == []
    # a forum an idea came from a year ago is the idea's background, not a forum reported
    ago = "Идея возникла год назад во время инвестиционного форума в Пекине."
    assert events("Нижегородская область и Китай", ago) == []


def test_trade_without_a_figure_is_no_trade_figure() -> None:
    assert events("Нижегородская область и Китай", "Стороны нарастят товарооборот с Китаем.") == []


def test_each_regions_trade_with_a_country_is_a_figure_of_its_own() -> None:
    found = events(
        "Bashkortostan and China",
        "Chinese trade turnover with Russia grew to 5 billion dollars. "
        "Kaluga Region's trade turnover with China grew to 2 billion dollars.",
    )
    assert found == [
        ("trade_figure", "Bashkortostan", "Russia"),
        ("trade_figure", "Kaluga Region", "China"),
    ]


def test_a_trade_figure_is_the_region_named_just_before_it() -> None:
    found = events(
        "Bashkortostan and China",
        "China is the top trade partner of Kaluga Region. "
        "Its foreign trade reached 2 billion dollars in 2017.",
    )
    assert ("trade_figure", "Kaluga Region", "China") in found
    assert ("trade_figure", "Bashkortostan", "China") not in found


def test_talks_that_are_only_the_occasion_of_a_statement_are_not_reported() -> None:
    found = events(
        "Belarus and China",
        "Belarus guarantees the best conditions, the president stated at the meeting with China.",
    )
    assert [kind for kind, _, _ in found if kind == "negotiation"] == []


def test_a_plan_discussed_at_the_talks_just_told_is_with_their_party() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Губернатор провел переговоры с директором компании Sany.",
        "— В ходе встречи обсуждался проект строительства завода в Нижегородской области.",
    )
    assert found == [("localization_plan", "Нижегородская область", "Sany")]


def test_talks_that_only_frame_what_the_sentence_tells_are_not_reported() -> None:
    framed = "Рассмотрение проекта прошло в рамках встречи губернатора с послом Вьетнама."
    assert events("Нижегородская область и Вьетнам", framed) == []
    met = "Состоялась встреча губернатора с послом Вьетнама."
    assert events("Нижегородская область и Вьетнам", met) == [
        ("negotiation", "Нижегородская область", "Вьетнама")
    ]


def test_a_forum_named_as_an_organisation_is_a_forum_and_talks_at_it_are_not_with_it() -> None:
    exchange = (
        "Во время Всероссийской биржи промышленной кооперации поставщики и заказчики провели "
        "более 300 переговоров. Предприятия представили продукцию на организованной в рамках "
        "Форума выставке."
    )
    found = events("Нижегородская область", exchange)
    assert [(k, c) for k, _, c in found if k in ("forum", "negotiation")] == [
        ("forum", "Всероссийской биржи промышленной кооперации")
    ]


def test_an_envoys_title_taken_for_an_organisation_is_no_party() -> None:
    found = events(
        "Нижегородская область и Вьетнам",
        "Губернатор провел переговоры с Чрезвычайный и Полномочный Посол Вьетнама.",
    )
    assert found == [("negotiation", "Нижегородская область", "Вьетнам")]


def test_a_venue_named_as_an_expo_is_no_forum() -> None:
    venue = "На площадке МВЦ «Крокус Экспо» собрались бизнесмены со всей России."
    assert events("Нижегородская область", venue) == []


def test_a_presentation_with_a_place_nobody_knows_is_shown_at_the_pages_forum() -> None:
    exchange = (
        "Во время Всероссийской биржи промышленной кооперации поставщики провели 300 "
        "переговоров. Предприятия представили свою продукцию на выставке в Бонне."
    )
    found = events("Нижегородская область", exchange)
    assert ("product_presentation", "Нижегородская область", "Бонне") not in found
    assert (
        "product_presentation",
        "Нижегородская область",
        "Всероссийской биржи промышленной кооперации",
    ) in found


def test_a_forum_at_home_with_nobody_from_abroad_is_with_the_home_country() -> None:
    found = events(
        "Нижегородская область",
        "Инвесторы со всей России приехали в регион. Форум завершается 18 сентября.",
    )
    assert found == [("forum", "Нижегородская область", "России")]


def test_a_delegation_attending_a_forum_is_the_forums() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Делегация Нижегородской области прибыла на форум в Харбин.",
    )
    assert found == [("forum", "Нижегородская область", "Харбин")]


def test_a_mission_to_the_party_of_the_pages_forum_is_the_forums() -> None:
    found = events(
        "Нижегородская область и Китай",
        "В Китае пройдёт деловой форум. Делегация Нижегородской области посетит Китай.",
    )
    assert found == [("forum", "Нижегородская область", "Китай")]


def test_a_visit_received_by_the_side_of_the_pages_forum_is_the_forums() -> None:
    # the forum told from the host's end, the visit from the delegation's: the same two sides
    found = events(
        "秋明州与黑龙江省合作",
        "黑龙江省代表团抵达秋明州。代表团出席了中俄博览会开幕式。",
        lang="zh",
    )
    assert found == [("forum", "秋明州", "黑龙江省")]
    found = events(
        "Kaluga Region and Heilongjiang",
        "A delegation of Heilongjiang Province arrived in Kaluga Region. "
        "The delegation attended the Russian-Chinese Expo.",
        lang="en",
    )
    assert found == [("forum", "Kaluga Region", "Heilongjiang Province")]


def test_a_visit_received_by_the_side_of_the_pages_forum_stays_on_a_russian_page() -> None:
    # `mirrored_forum_visits` is off on Russian pages: the visit is told beside the forum
    found = events(
        "Калужская область и провинция Хэйлунцзян",
        "Делегация провинции Хэйлунцзян прибыла в Калужскую область. "
        "Делегация приняла участие в выставке ЭКСПО провинции Хэйлунцзян.",
        lang="ru",
    )
    assert ("business_mission", "Хэйлунцзян", "Калужская область") in found
    assert ("forum", "Калужская область", "Хэйлунцзян") in found


def test_talks_with_the_place_a_page_invites_stay_on_an_english_page() -> None:
    # `place_talks_covered` is for Russian pages only: English talks with the envoy stay
    found = events(
        "Kaluga Region and China",
        "The Governor of Kaluga Region met with the Ambassador of China. "
        "The region invited China to localize production in Kaluga Region.",
        lang="en",
    )
    assert found == [
        ("negotiation", "Kaluga Region", "China"),
        ("localization_invitation", "Kaluga Region", "China"),
    ]


def test_talks_with_the_party_a_mission_visits_are_part_of_the_visit() -> None:
    found = events(
        "Нижегородская область и Казахстан",
        "Деловая миссия отправилась в Казахстан. В программе запланированы переговоры с "
        "предприятиями Казахстана.",
    )
    assert found == [("business_mission", "Нижегородская область", "Казахстан")]
    # talks with the country of the city visited are the visit's too
    visit = (
        "Делегация Нижегородской области прибыла с рабочим визитом в Харбин. "
        "Бизнес-переговоры прошли с представителями КНР."
    )
    found = events("Нижегородская область и Китай", visit)
    assert found == [("business_mission", "Нижегородская область", "Харбин")]


def test_a_city_the_paragraph_opens_with_before_a_date_and_a_verb_is_no_dateline() -> None:
    cues = shipped_event_cues().of("ru")
    for paragraph, dateline in (
        ("Минск 15 ноября принимает делегацию", False),
        ("МОСКВА, 18 ноября - РИА Новости.", True),
        ("Ярославль, 30 января – АиФ.", True),
    ):
        name = paragraph.split(",")[0].split(" ")[0]
        mention = Mention(MentionKind.LOCATION, name, 0, 0, len(name))
        assert reporter(mention, [paragraph], cues) is dateline


def test_a_dateline_in_capitals_is_read_as_written_not_as_the_recognizer_names_it() -> None:
    """ "ASTANA, Nov. 24 (Xinhua) --" with the place given as "Astana"."""
    paragraph = "ASTANA, Nov. 24 (Xinhua) -- The governor signed an agreement."
    mention = Mention(MentionKind.LOCATION, "Astana", 0, 0, 6)
    assert reporter(mention, [paragraph], shipped_event_cues().of("en"))


def test_a_page_tells_of_one_visit_to_a_place() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Деловая миссия отправилась в Китай. Затем делегация посетила Казахстан.",
    )
    assert found == [("business_mission", "Нижегородская область", "Китай")]


def test_an_investment_agreement_is_an_investment() -> None:
    found = events("Russia and China", "The region signed an investment agreement with Sany.")
    assert found == [("investment", "Russia", "Sany")]


def test_a_wording_inside_an_organisations_name_is_no_event() -> None:
    found = events("Russia and China", "The rector of the Foreign Trade Academy named 20 fields.")
    assert found == []


def test_a_page_is_read_by_its_own_languages_wordings() -> None:
    sentence = "Переговоры с Sany прошли в Харбине."
    assert events("Нижегородская область", sentence, lang="ru") != []
    assert events("Нижегородская область", sentence, lang="en") == []


def test_wordings_are_matched_in_the_reading_form_and_the_evidence_is_as_written() -> None:
    paragraphs = ["Харбин", "省长會見Sany代表。"]

    def simplified(text: str) -> str:
        return text.replace("會見", "会见")  # one character for one, as the real reading form

    assert events(*paragraphs, lang="zh") == []
    found = read_events(
        paragraphs,
        mentions(paragraphs),
        places(),
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
        reading_form=simplified,
        lang="zh",
    )
    assert [(e.type.value, e.counterpart, e.evidence) for e in found] == [
        ("negotiation", "Sany", "省长會見Sany代表。")
    ]


def test_a_place_the_gazetteer_knows_is_the_other_side_before_one_it_does_not() -> None:
    found = events(
        "Нижегородская область: презентация в Бонне",
        "Губернатор пригласил компании из Германии локализовать производство в регионе.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "Германии")]


def test_a_searcher_from_the_other_side_seeks_partners_on_the_storys_side() -> None:
    found = events(
        "Нижегородская область и Казахстан",
        "«Мы ищем партнёров по литью», — сказал директор ТехноМаш (Казахстан).",
    )
    assert found == [("partner_search", "ТехноМаш", "Нижегородская область")]


# no deadline: the first example loads the cue table
@settings(deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Делегация Нижегородской области посетила Харбин.",
                "Переговоры с Sany прошли в Казахстане.",
                "Товарооборот между Россией и Китаем вырос на 5%.",
                "Компания Zoomlion откроет завод в Калужской области.",
                "The region signed an agreement with Belarus.",
                "Предприятия Калужской области ищут партнёров.",
                "Торговая палата провинции Хэнань подписала соглашение с регионом.",
                # several parties in one sentence
                "Компании Zoomlion и Sany построят заводы в Калужской области.",
                "Zoomlion и Sany подписали соглашения с Калужской областью.",
                "Zoomlion построит завод, а Sany откроет цех в Калужской области.",
                "Sany построит заводы в Калужской области и Нижегородской области.",
                "Zoomlion и Sany вложат в Калужскую область по 1 млрд рублей.",
            ]
        ),
        max_size=6,
    )
)
def test_initiator_and_counterpart_are_never_the_same_party(sentences: list[str]) -> None:
    found = events("Калужская область и Китай", " ".join(sentences))
    assert all(initiator and counterpart for _, initiator, counterpart in found)
    assert all(
        initiator.casefold() not in counterpart.casefold()
        and counterpart.casefold() not in initiator.casefold()
        for _, initiator, counterpart in found
    )


def test_another_country_is_the_other_side_before_another_home_region() -> None:
    found = events(
        "Калужская область",
        "В Москве прошла презентация инвестиционных проектов Калужской области для деловых "
        "кругов Японии.",
    )
    assert [(kind, counterpart) for kind, _, counterpart in found] == [
        ("localization_invitation", "Японии")
    ]


def test_production_agreed_between_places_with_no_firm_is_their_agreement() -> None:
    between_places = events(
        "Калужская область",
        "Калужская область и Хэнань подписали меморандум о создании совместных производств.",
    )
    assert [kind for kind, _, _ in between_places] == ["agreement"]
    with_a_firm = events(
        "Калужская область",
        "Калужская область и Zoomlion подписали меморандум о создании совместных производств.",
    )
    assert "localization_plan" in [kind for kind, _, _ in with_a_firm]


def test_a_day_or_a_year_before_an_agreement_counts_nothing() -> None:
    ru = shipped_event_cues().of("ru")
    for dated in (
        "12 апреля подписано соглашение о сотрудничестве с провинцией Хэнань.",
        "В 2024 году заключен договор о поставках техники.",
    ):
        assert [k for k, _, _ in trigger_types(dated, ru)] == [EventType.AGREEMENT]
    # A number of documents still is a statistic.
    assert trigger_types("За два дня было подписано 12 соглашений о сотрудничестве.", ru) == []


def test_counted_investment_contracts_are_a_statistic() -> None:
    ru = shipped_event_cues().of("ru")
    counted = (
        "Будет подписано около 10 специальных инвестконтрактов, инвесторы инвестируют 250 млрд."
    )
    assert trigger_types(counted, ru) == []
    assert [k for k, _, _ in trigger_types("Инвесторы инвестируют 250 млрд.", ru)] == [
        EventType.INVESTMENT
    ]


def test_a_mission_is_read_where_its_sentence_names_its_party() -> None:
    found = events(
        "Калужская область и Китай",
        "Делегацию возглавит губернатор. Делегация посетила Харбин.",
    )
    assert [(kind, counterpart) for kind, _, counterpart in found] == [
        ("business_mission", "Харбин")
    ]


def test_an_exclaimed_slogan_is_not_a_reported_fact() -> None:
    assert events("Bashkortostan and China", "Zoomlion will invest in China!") == []
    assert events("Bashkortostan and China", "Zoomlion will invest in China.") != []


def test_an_exhibition_presentation_of_enterprises_is_no_invitation_to_localize() -> None:
    found = events(
        "Калужская область и Китай",
        "Выставка-презентация предприятий Калужской области пройдёт в Харбине.",
    )
    assert [kind for kind, _, _ in found] == ["product_presentation"]


def test_a_mission_to_a_city_is_part_of_the_forum_with_its_region() -> None:
    found = events(
        "Калужская область и Китай",
        "Делегация Калужской области посетила Харбин. "
        "Форум регионов с провинцией Хэйлунцзян собрал 300 компаний.",
    )
    assert [(kind, counterpart) for kind, _, counterpart in found] == [("forum", "Хэйлунцзян")]


def test_who_signed_the_document_already_told_of_is_no_second_agreement() -> None:
    found = events(
        "Калужская область",
        "Калужская область подписала соглашение с Хэнань. "
        "Подписи под документом поставили губернатор и глава Sany.",
    )
    assert [(kind, counterpart) for kind, _, counterpart in found] == [("agreement", "Хэнань")]


def test_a_union_the_title_names_alone_is_the_other_party() -> None:
    found = events(
        "Union State council meets in Russia",
        "The council signed an agreement on industrial cooperation.",
    )
    assert ("agreement", "Russia", "Union State") in found


def test_a_document_named_in_the_sentence_is_not_a_party() -> None:
    found = events(
        "Russia and China",
        "Russia signed a protocol amending the Eurasian Economic Union Treaty.",
    )
    assert [(kind, counterpart) for kind, _, counterpart in found] == [("agreement", "China")]


def test_a_places_government_is_not_a_party_of_its_own() -> None:
    # Its place is (the annotation guideline): named beside it, or the story's other side.
    russian = events(
        "Нижегородская область и Хэнань",
        "Соглашение о сотрудничестве подписала Администрация провинции Хэнань.",
    )
    assert russian == [("agreement", "Нижегородская область", "Хэнань")]
    people = events(
        "Нижегородская область и Хэнань",
        "Соглашение о сотрудничестве подписало Народное правительство провинции Хэнань.",
    )
    assert people == [("agreement", "Нижегородская область", "Хэнань")]
    english = events(
        "Bashkortostan and Vietnam",
        "Bashkortostan signed an agreement with the Vietnam Government.",
    )
    assert english == [("agreement", "Bashkortostan", "Vietnam")]
    # Any other organisation stays the party it is.
    chamber = events(
        "Нижегородская область и Хэнань",
        "Соглашение о сотрудничестве подписала Торгово-промышленная палата.",
    )
    assert chamber == [("agreement", "Нижегородская область", "Торгово-промышленная палата")]
    agency = events(
        "Bashkortostan and Vietnam",
        "Bashkortostan signed an agreement with the Civil Aviation Administration.",
    )
    assert agency == [("agreement", "Bashkortostan", "Civil Aviation Administration")]
    port = events(
        "Нижегородская область и Хэнань",
        "Соглашение о сотрудничестве подписала Администрация морского порта.",
    )
    assert port == [("agreement", "Нижегородская область", "Администрация морского порта")]


def test_a_regional_executive_committee_stands_for_its_region() -> None:
    # Belarus governs a region by its executive committee, named by the region's adjective.
    found = events(
        "Нижегородская область",
        "Гомельский облисполком и наш регион подписали соглашение о сотрудничестве.",
    )
    assert found == [("agreement", "Нижегородская область", "Гомельская область")]
    # its full name too, and the region named beside it is the same party
    full = events(
        "Нижегородская область",
        "Гомельский областной исполнительный комитет и наш регион подписали соглашение. "
        "Соглашение о сотрудничестве с Гомельская область подписано в Москве.",
    )
    assert full == [("agreement", "Нижегородская область", "Гомельская область")]
    # in Chinese the committee is named with its region ("…州执行委员会")
    chinese = events(
        "图拉州与戈梅利州合作",
        "图拉州与戈梅利州执行委员会签署了经贸合作协议。",
        lang="zh",
    )
    assert chinese == [("agreement", "图拉州", "戈梅利州")]


def test_an_agreement_for_a_firms_plant_is_its_localization_plan() -> None:
    found = events(
        "Kaluga Region and China",
        "Zoomlion signed an agreement with Kaluga Region to build a plant.",
    )
    assert found == [("localization_plan", "Kaluga Region", "Zoomlion")]
    # Two firms' agreement is theirs beside the plant (a partnership, a joint venture).
    found = events(
        "Kaluga Region and China",
        "Zoomlion and Sany signed an agreement to build a plant.",
    )
    assert sorted(kind for kind, _, _ in found) == ["agreement", "localization_plan"]
    # A body named with its place (the tagger names the place inside too) is no firm: the
    # plant signed for is the firm's plan.
    title, text = (
        "Калужская область и Китай",
        "Министерство экономики Калужской области подписало с Zoomlion соглашение "
        "о строительстве завода.",
    )
    inside = text.find("Калужской области")
    read = read_events(
        [title, text],
        sorted(
            [
                *mentions([title, text]),
                Mention(MentionKind.LOCATION, "Калужской области", 1, inside, inside + 17),
            ],
            key=lambda m: (m.paragraph, m.start),
        ),
        places(),
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
    )
    assert [e.type.value for e in read] == ["localization_plan"]


def test_an_agreement_told_on_its_own_with_the_firm_named_stays_beside_its_plan() -> None:
    # The signing told in a sentence of its own that names the firm is a fact of its own.
    found = events(
        "Kaluga Region and China",
        "Zoomlion plans to build a crane plant in Kaluga Region.",
        "The agreement was signed by the governor of Kaluga Region and the head of Zoomlion.",
    )
    assert sorted(kind for kind, _, _ in found) == ["agreement", "localization_plan"]
    # With the plant's wording in the same sentence it is the plant signed for.
    found = events(
        "Kaluga Region and China",
        "Zoomlion plans to build a crane plant in Kaluga Region.",
        "Zoomlion signed an agreement with Kaluga Region to build the plant.",
    )
    assert [kind for kind, _, _ in found] == ["localization_plan"]


def test_a_presentation_is_to_the_other_side_before_a_place_the_gazetteer_does_not_know() -> None:
    # a corridor or a zone named as a place is not whom the region presents to
    found = events(
        "Kaluga Region and China",
        "Kaluga Region presented the capabilities of its river port within the Yelabuga "
        "transport corridor.",
    )
    assert found == [("product_presentation", "Kaluga Region", "China")]


def test_firms_called_by_the_other_sides_adjective_present_to_the_own_side() -> None:
    # told from Russia, the exhibitors are Chinese: China presents, the region is shown to;
    # the presentation told before without its exhibitors is this one
    found = events(
        "Kaluga Region and China",
        "A machinery exhibition opened in Kaluga Region on Monday. Over 50 Chinese companies "
        "demonstrated their newest machinery to the visitors.",
    )
    assert found == [("product_presentation", "China", "Kaluga Region")]
    # firms of the own side present abroad as before
    found = events(
        "Kaluga Region and China",
        "Companies of Kaluga Region demonstrated their machinery at the exhibition in China.",
    )
    assert found == [("product_presentation", "Kaluga Region", "China")]


def test_a_pair_of_places_named_as_one_is_its_other_sides_part() -> None:
    # the tagger read two places joined by a dash as one: the pair is no party, its part abroad is
    found = events(
        "Kaluga Region and China",
        "The governor proposed to develop a Kaluga Region – Heilongjiang industrial "
        "cooperation plan.",
    )
    assert found == [("policy", "Kaluga Region", "Heilongjiang")]


def test_partners_sought_by_the_visited_side_are_a_search_of_their_own() -> None:
    # the visited side's firms interested in cooperation search on their own, beside the trip
    found = events(
        "Kaluga Region and China",
        "The officials of Kaluga Region reviewed cooperation with China following the "
        "governor's recent trip to the country, where heads of Chinese companies expressed "
        "interest in joint projects.",
    )
    assert found == [
        ("business_mission", "Kaluga Region", "China"),
        ("partner_search", "China", "Kaluga Region"),
    ]
    # partners the visitor comes to seek are the visit's
    found = events(
        "Kaluga Region and China",
        "A delegation of Kaluga Region visited Harbin to seek partners for joint projects.",
    )
    assert found == [("business_mission", "Kaluga Region", "Harbin")]


def test_the_host_meeting_the_visitors_by_their_place_is_the_visits_talks() -> None:
    visit = "A delegation from Harbin arrived in Kaluga Region."
    met = (
        "In the morning, the leadership of Heilongjiang and the managers of Zoomlion met with "
        "the governor of Kaluga Region."
    )
    found = events("Kaluga Region and China", visit, met, lang="en")
    assert found == [("business_mission", "Harbin", "Kaluga Region")]
    # a firm met with on its own, its place not named, is talks of their own
    own = "The governor of Kaluga Region met with the managers of Zoomlion."
    assert events("Kaluga Region and China", visit, own, lang="en") == [
        ("business_mission", "Harbin", "Kaluga Region"),
        ("negotiation", "Kaluga Region", "Zoomlion"),
    ]


def test_a_plan_or_investment_whose_sentence_names_no_party_is_the_pages_plan_told_on() -> None:
    found = events(
        "Kaluga Region and China",
        "Zoomlion plans to build a plant in Kaluga Region. "
        "This will allow to start production of cranes.",
        "At the first stage, 50 million dollars will be invested in the project.",
    )
    assert found == [("localization_plan", "Kaluga Region", "Zoomlion")]


def test_a_wording_reads_through_the_quotes_of_a_name() -> None:
    ru = shipped_event_cues().of("ru")
    sentence = "Премьеры утвердили критерии «товаров Союзного государства» для госзаказа."
    assert EventType.POLICY in [k for k, _, _ in trigger_types(sentence, ru)]


def test_an_organisation_in_the_attribution_of_reported_speech_is_not_a_party() -> None:
    found = events(
        "Kaluga Region and China",
        "Kaluga Region invited investors to localize production, reported Sany.",
    )
    assert found == [("localization_invitation", "Kaluga Region", "China")]
    found = events(
        "Нижегородская область и Китай",
        "Область пригласила инвесторов локализовать производство, сообщили в Sany.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "Китай")]
    found = events(
        "Нижегородская область и Китай",
        "Область пригласила инвесторов локализовать производство, сообщает Sany.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "Китай")]


def test_a_regional_broadcaster_or_a_news_site_reports_and_is_no_party() -> None:
    cues = shipped_event_cues().of("ru")
    for name in ("ГТРК «Амур»", "РИГ SAKHAPRESS.RU", "ИА Регнум"):
        mention = Mention(MentionKind.ORGANIZATION, name, 0, 0, len(name))
        assert reporter(mention, [name], cues)
    company = Mention(MentionKind.ORGANIZATION, "ТехноМаш", 0, 0, 8)
    assert not reporter(company, ["ТехноМаш"], cues)


def test_the_organisation_a_sentence_has_its_information_from_is_no_party() -> None:
    found = events(
        "Нижегородская область и Китай",
        "По информации Sany, область пригласила инвесторов локализовать производство.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "Китай")]


def test_only_the_datelines_parenthesis_credits_a_source() -> None:
    credited = "МОСКВА, 5 июня (Sany) – Область пригласила инвесторов локализовать производство."
    found = events("Нижегородская область и Китай", credited)
    assert found == [("localization_invitation", "Нижегородская область", "Китай")]
    named = "МОСКВА, 5 июня. Компания (Sany) и область подписали соглашение о сотрудничестве."
    found = events("Нижегородская область и Китай", named)
    assert found == [("agreement", "Нижегородская область", "Sany")]
    # a month's abbreviation ends no sentence before the agency's parenthesis
    abbreviated = "MOSCOW, Nov. 27 (Sany) -- The region invited investors to localize production."
    found = events("Нижегородская область и Китай", abbreviated, lang="en")
    assert found == [("localization_invitation", "Нижегородская область", "Китай")]


def test_an_agreement_signed_with_several_parties_respectively_is_one_with_each() -> None:
    found = events(
        "中国与乌兹别克斯坦企业对接会",
        "新疆贸促会分别与塔什干市工商会和花剌子模州贸易局签署合作备忘录。",
        lang="zh",
    )
    agreements = [counterpart for kind, _, counterpart in found if kind == "agreement"]
    assert agreements == ["塔什干市工商会", "花剌子模州贸易局"]
    found = events(
        "中国与乌兹别克斯坦企业对接会",
        "新疆贸促会与塔什干市工商会签署合作备忘录。",
        lang="zh",
    )
    # one agreement, with the party "与" governs
    assert [c for kind, _, c in found if kind == "agreement"] == ["塔什干市工商会"]


def test_a_places_plan_does_not_take_in_an_agreement_between_places() -> None:
    found = events(
        "Russia and Belarus",
        "Russia signed an intergovernmental agreement with Belarus. "
        "The project to produce electric buses in Belarus will go ahead.",
    )
    assert ("agreement", "Russia", "Belarus") in found


def test_purchases_are_no_policy_public_procurement_is() -> None:
    ru = shipped_event_cues().of("ru")
    purchases = "Предприятие увеличило закупки оборудования у китайских поставщиков."
    assert trigger_types(purchases, ru) == []
    procurement = "Товары Союзного государства допустят к госзакупкам."
    assert [k for k, _, _ in trigger_types(procurement, ru)] == [EventType.POLICY]


def test_matters_discussed_are_no_talks_of_their_own() -> None:
    en = shipped_event_cues().of("en")
    assert trigger_types("Other relevant matters were discussed today.", en) == []
    held = trigger_types("The governor held talks with Zoomlion.", en)
    assert [k for k, _, _ in held] == [EventType.NEGOTIATION]


def test_production_planned_by_places_is_their_agreement_and_a_firms_plant_its_plan() -> None:
    # No firm spoken of: the places' production is part of their agreement.
    found = events(
        "Russia and Belarus",
        "Russia signed an intergovernmental agreement with Belarus. "
        "The project to produce electric buses in Belarus will go ahead.",
    )
    assert found == [("agreement", "Russia", "Belarus")]
    # A firm spoken of, even unnamed: the agreement is the one signed for its plant.
    found = events(
        "Калужская область и Китай",
        "Китайская компания построит завод в Калужской области. "
        "Соглашение о намерениях с Китаем подписано в Пекине компанией.",
    )
    assert [kind for kind, _, _ in found] == ["localization_plan"]


def test_a_forum_with_a_party_is_one_event_whichever_home_region_tells_it() -> None:
    found = events(
        "Russia and China",
        "Kaluga Region hosts a forum with China. "
        "The forum with China will open in Нижегородская область.",
    )
    assert [(kind, counterpart) for kind, _, counterpart in found] == [("forum", "China")]


def test_a_presentation_abroad_is_to_the_country_the_page_names() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Предприятия области представят свою продукцию в Харбине.",
    )
    assert found == [("product_presentation", "Нижегородская область", "Китай")]
    # A home region's city stays itself.
    found = events(
        "Нижегородская область",
        "Предприятия области представят свою продукцию в Калужской области.",
    )
    assert found == [("product_presentation", "Нижегородская область", "Калужской области")]
    found = events(
        "Нижегородская область и Россия",
        "Предприятия области представят свою продукцию в Калужской области.",
    )
    assert found == [("product_presentation", "Нижегородская область", "Калужской области")]


def test_the_production_partners_are_sought_for_is_no_plan_or_invitation() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Мы ищем партнёров в Китае для совместного производства оборудования.",
    )
    assert [kind for kind, _, _ in found] == ["partner_search"]


def test_a_plants_place_the_gazetteer_does_not_know_is_its_venue_not_its_party() -> None:
    plan = events("Калужская область и Китай", "В Бонне мы планируем выпускать краны.")
    assert plan == [("localization_plan", "Калужская область", "Китай")]
    # talks with the place named are with it; talks held there are with the story's other side
    talks = events("Калужская область и Китай", "Стороны провели переговоры с Бонне.")
    assert talks == [("negotiation", "Калужская область", "Бонне")]
    held = events("Калужская область и Китай", "Стороны провели переговоры в Бонне.")
    assert held == [("negotiation", "Калужская область", "Китай")]


def test_a_delegation_from_the_other_side_is_a_visit_received_by_the_host() -> None:
    found = events(
        "Гости из Хэнань", "Делегация провинции Хэнань находится с рабочим визитом в Москве."
    )
    assert found == [("business_mission", "Хэнань", "Москве")]
    received = events(
        "Vietnam delegation in Bashkortostan",
        "A delegation from Vietnam visited the Republic of Bashkortostan.",
        lang="en",
    )
    assert [(k, i) for k, i, _ in received] == [("business_mission", "Vietnam")]
    assert received[0][2] in {"Republic of Bashkortostan", "Bashkortostan"}
    # a delegation of the story's own side goes out: the place it visits is the counterpart
    outgoing = events(
        "Нижегородская область и Китай", "Делегация Нижегородской области посетила Китай."
    )
    assert outgoing == [("business_mission", "Нижегородская область", "Китай")]
    hosted = events(
        "Bashkortostan and Vietnam", "Vietnam received the delegation of Bashkortostan.", lang="en"
    )
    assert hosted == [("business_mission", "Bashkortostan", "Vietnam")]


def test_a_named_searcher_with_nobody_abroad_named_seeks_partners_where_the_sentence_says() -> None:
    found = events("Zoomlion ищет партнёров", "Zoomlion ищет партнёров в Калужской области.")
    assert found == [("partner_search", "Zoomlion", "Калужской области")]
    # the searcher is never its own counterpart, even when the title names only it
    titled = events("Zoomlion seeks partners in Russia", lang="en")
    assert titled == [("partner_search", "Zoomlion", "Russia")]


def test_the_place_partners_are_sought_in_may_come_before_them() -> None:
    """«ищет в Калужской области партнёров»: the place told before the partners sought."""
    found = events(
        "Китай и Россия",
        "Китайская компания Zoomlion ищет в Калужской области партнёров по сервису.",
    )
    assert found == [("partner_search", "Zoomlion", "Калужской области")]


def test_a_firm_building_where_it_says_is_a_plan_not_an_invitation() -> None:
    def kinds(sentence: str) -> list[EventType]:
        return [k for k, _, _ in trigger_types(sentence, shipped_event_cues().of("zh"))]

    assert EventType.LOCALIZATION_PLAN in kinds("某汽车公司在图拉州投资建厂。")
    assert EventType.LOCALIZATION_INVITATION in kinds("州长欢迎中国企业在当地投资建厂。")


def test_a_country_named_by_one_character_is_the_party_as_the_page_names_it() -> None:
    found = events(
        "俄罗斯企业在乌兹别克斯坦",
        "中国也是重要伙伴。今年对华出口额达5亿美元。",
        lang="zh",
    )
    assert ("trade_figure", "俄罗斯", "中国") in found
    # a character of a full name is no short name: 哈尔滨 is no Kazakhstan, 乌克兰 no Uzbekistan
    cues = shipped_event_cues().of("zh")

    def codes(text: str) -> set[str | None]:
        return {m.lastgroup for p in cues.short_country for m in p.finditer(text)}

    assert codes("中俄博览会") == {"CN", "RU"}
    assert codes("中乌双方") == {"CN", "UZ"}
    assert codes("访问哈尔滨和乌鲁木齐") == set()
    assert codes("对乌克兰出口") == set()


def test_a_country_the_page_names_only_by_its_adjective_is_the_party_by_its_name() -> None:
    found = events(
        "Kaluga Region looks abroad",
        "The governor of Kaluga Region held talks with Turkish investors on a glass plant.",
        lang="en",
    )
    assert ("negotiation", "Kaluga Region", "Turkey") in found
    russian = events(
        "Калужская область",
        "Губернатор Калужской области провел переговоры с индийскими компаниями.",
        lang="ru",
    )
    assert ("negotiation", "Калужская область", "Индия") in russian
    # the adjective before no party's noun names nobody; the own side's adjective is no party
    assert (
        events(
            "Kaluga Region", "The governor of Kaluga Region held talks on Turkish tea.", lang="en"
        )
        == []
    )
    assert (
        events(
            "Kaluga Region",
            "The governor of Kaluga Region held talks with Russian companies.",
            lang="en",
        )
        == []
    )


def test_an_envoy_of_the_other_side_visiting_is_a_visit_received() -> None:
    found = events(
        "Посол в Калужской области",
        "Посол Вьетнама находится с рабочим визитом в Калужской области.",
    )
    assert found == [("business_mission", "Вьетнама", "Калужской области")]
    # the governor meeting the envoy during his own trip is still the governor's visit
    own = events(
        "Калужская область и Вьетнам",
        "Губернатор Калужской области в ходе рабочего визита во Вьетнам встретился с послом "
        "Вьетнама.",
    )
    assert own == [("business_mission", "Калужская область", "Вьетнам")]
    # the envoy named after the verb, the region visited first ("Область посетил посол …")
    inverted = events(
        "Посол в Калужской области",
        "Калужскую область с рабочим визитом посетил посол Вьетнама.",
    )
    assert inverted == [("business_mission", "Вьетнама", "Калужской области")]


def test_visitors_called_by_their_countrys_adjective_are_of_that_country() -> None:
    # "Turkish" begins like Turkmenistan too: the language's own adjective decides
    found = events(
        "Kaluga Region looks abroad", "Turkish investors visited Kaluga Region.", lang="en"
    )
    assert ("business_mission", "Turkey", "Kaluga Region") in found


def test_talks_with_a_visitor_received_are_talks_of_their_own() -> None:
    found = events(
        "Калужская область и Хэнань", "Губернатор встретился с делегацией провинции Хэнань."
    )
    assert ("business_mission", "Хэнань", "Калужская область") in found
    assert ("negotiation", "Калужская область", "Хэнань") in found


def test_what_was_agreed_back_then_is_background() -> None:
    back_then = "Тогда нам удалось достигнуть договоренностей с Казахстан о проектах."
    assert events("Калужская область и Казахстан", back_then) == []
    assert events("Kaluga Region", "At that time the sides signed an agreement with Vietnam.") == []


def test_a_story_told_from_the_side_visited_has_the_other_side_as_visitor() -> None:
    found = events(
        "Belarusian delegation visits Vietnam", "Belarus and Vietnam are old partners.", lang="en"
    )
    assert found == [("business_mission", "Belarus", "Vietnam")]
    # told from home, a visit to a home region names no party of its own: nothing is guessed
    assert events("Визит в Москве", "Делегация находится с визитом в Москве.") == []


def test_two_names_of_one_place_are_never_initiator_and_counterpart() -> None:
    found = events("Калужская область", "Товарооборот Калужской области вырос до 5 млн долларов.")
    assert found == []


def test_a_city_and_its_region_are_one_place_though_not_one_name() -> None:
    places: dict[str, Place | None] = {
        "Ярославль": place_of("RU-YAR"),
        "Ярославская область": place_of("RU-YAR"),
        "Костромская область": place_of("RU-KOS"),
    }
    assert not same_party("Ярославль", "Ярославская область")
    assert _one_place_or_party("Ярославль", "Ярославская область", places)
    assert not _one_place_or_party("Ярославль", "Костромская область", places)


def test_an_invitation_goes_to_the_country_of_the_city_it_is_made_in() -> None:
    found = events(
        "Нижегородская область",
        "В Пекине губернатор пригласил компании КНР локализовать производство в регионе.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "КНР")]


def test_the_invited_company_is_the_object_of_the_inviting_word_not_the_site() -> None:
    found = events(
        "Republic of Bashkortostan",
        "The governor invited Haier to localize production in the Alabuga Technopark.",
    )
    assert found == [("localization_invitation", "Republic of Bashkortostan", "Haier")]


def test_an_investment_an_invitation_asks_for_is_that_invitation() -> None:
    found = events("俄罗斯", "州长邀请中国企业来投资建厂。", lang="zh")
    assert [kind for kind, _, _ in found] == ["localization_invitation"]


def test_the_place_a_signing_is_held_in_is_not_its_party() -> None:
    found = events(
        "Omsk Region",
        "In Harbin, Omsk Region signed an agreement with Heilongjiang Province.",
    )
    assert found == [("agreement", "Omsk Region", "Heilongjiang Province")]


def test_talks_told_only_by_where_they_were_held_are_those_with_a_named_party() -> None:
    found = events(
        "Переговоры в Пекине",
        "Губернатор Калужской области провел переговоры с руководством Sany.",
    )
    assert [(kind, party) for kind, _, party in found] == [("negotiation", "Sany")]


def test_a_plant_told_by_its_partner_firm_is_one_plan() -> None:
    found = events(
        "Changan и Sany",
        "Changan подписала соглашение с Sany о локализации производства в Калужской области. "
        "Sany также планирует локализовать производство в Калужской области.",
    )
    assert [kind for kind, _, _ in found].count("localization_plan") == 1


def test_talks_told_by_no_party_of_their_own_are_those_told_with_one() -> None:
    found = events(
        "Калужская область и Китай",
        "Губернатор Калужской области провел переговоры с Sany. Стороны провели переговоры о "
        "поставках.",
    )
    assert [(kind, party) for kind, _, party in found] == [("negotiation", "Sany")]


def test_a_places_government_stands_for_the_place_its_name_holds() -> None:
    # the page names Хэнань, but not in the sentence of the signing, nor first
    found = events(
        "Нижегородская область и Китай",
        "Делегация из Хэнань посетила выставку. Соглашение подписала Администрация провинции "
        "Хэнань.",
    )
    assert ("agreement", "Нижегородская область", "Хэнань") in found


def test_a_regions_trade_is_not_with_its_own_country() -> None:
    found = events(
        "Bashkortostan and China",
        "The foreign trade turnover of Bashkortostan reached 1.2 billion dollars, the region "
        "ranks 10th in Russia.",
    )
    assert found == [("trade_figure", "Bashkortostan", "China")]


def test_an_event_told_with_a_place_and_then_its_organisation_is_the_organisations() -> None:
    found = events(
        "Vietnam and Bashkortostan sign agreement",
        "Bashkortostan signed an agreement with the Vietnam Government Bank on loans.",
    )
    assert [(kind, party) for kind, _, party in found] == [("agreement", "Vietnam Government Bank")]


def test_an_agreement_with_organisations_listed_is_one_with_each() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Губернатор подписал соглашения с компаниями Changan, Sany и Zoomlion.",
    )
    assert [party for _, _, party in found] == ["Changan", "Sany", "Zoomlion"]
    # two parties named on either side of the signing are one agreement between them
    found = events("Нижегородская область", "Changan и Sany подписали соглашение.")
    assert len(found) == 1


def test_partners_are_sought_where_the_search_says_whichever_side_it_is_on() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Компании провинции Хэнань ищут партнёров в Нижегородской области.",
    )
    assert found == [("partner_search", "Хэнань", "Нижегородской области")]


def test_the_organisation_of_a_speaker_the_sentence_opens_with_is_not_the_party() -> None:
    found = events(
        "Нижегородская область и Китай",
        "По словам руководителя Торговая палата провинции Хэнань, регион подписал соглашение с "
        "Sany.",
    )
    assert [party for _, _, party in found] == ["Sany"]
    found = events(
        "俄罗斯",
        "新疆贸促会会长表示，双方签署了合作协议。",
        lang="zh",
    )
    assert [party for _, _, party in found] != ["新疆贸促会"]
    # an announcement is a statement too ("…宣布，", "…称，")
    for verb in ("宣布", "称"):
        found = events("俄罗斯", f"新疆贸促会27日{verb}，双方签署了合作协议。", lang="zh")
        assert "新疆贸促会" not in [party for _, _, party in found], found


def test_a_party_that_is_a_place_goes_by_the_fullest_name_the_page_gives_it() -> None:
    found = events(
        "Kazakhstan delegation visits Heilongjiang",
        "The governor of Heilongjiang Province met the delegation.",
        "Kazakhstan and Heilongjiang signed an agreement on farm machinery.",
        home=frozenset({"CN"}),
    )
    assert found == [
        ("business_mission", "Kazakhstan", "Heilongjiang Province"),
        ("agreement", "Heilongjiang Province", "Kazakhstan"),
    ]


def test_a_chinese_fact_of_years_ago_or_a_running_total_is_background() -> None:
    assert events("俄罗斯与中国", "在50多年前，俄罗斯专家帮助中国建设了许多工厂。", lang="zh") == []
    assert events("俄罗斯与中国", "中国企业累计在俄罗斯投资建设了20个项目。", lang="zh") == []
    # "the first five months of the year" is no "years ago"
    assert events("俄罗斯与中国", "2011年前5个月，俄罗斯与中国签署合作协议。", lang="zh") == [
        ("agreement", "俄罗斯", "中国")
    ]


def test_a_chinese_sentence_opening_with_a_past_year_recalls_background() -> None:
    # "In May 2016, …": a recap of the history; today's news is dated by day or not at all
    assert events("俄罗斯与中国", "2016年5月，俄罗斯与中国签署了合作规划。", lang="zh") == []
    assert events("俄罗斯与中国", "2016年5月10日，俄罗斯与中国签署合作协议。", lang="zh") == [
        ("agreement", "俄罗斯", "中国")
    ]
    # so does a whole year or its half opening the sentence ("2023年，…率团访问")
    assert events("俄罗斯与中国", "2019年，俄罗斯与中国签署了合作协议。", lang="zh") == []
    assert events("俄罗斯与中国", "2019年上半年，俄罗斯代表团访问中国。", lang="zh") == []
    # a year ahead with a plan's word is no history
    assert events("俄罗斯与中国", "2026年，俄罗斯将与中国签署合作协议。", lang="zh") == [
        ("agreement", "俄罗斯", "中国")
    ]
    # a trade figure of a past year is still news
    assert events("俄罗斯与中国", "2023年1月，俄罗斯与中国贸易额达20亿美元。", lang="zh") == [
        ("trade_figure", "俄罗斯", "中国")
    ]


def test_a_chinese_news_site_reports_the_story_and_is_no_party() -> None:
    found = events("俄罗斯与中国合作", "东北网记者报道，双方签署合作协议。", lang="zh")
    assert found == [("agreement", "俄罗斯", "中国")]


def test_an_organisation_right_after_zai_is_the_venue_not_the_party() -> None:
    found = events("俄罗斯与中国合作", "双方在哈尔滨国际会议中心签署合作协议。", lang="zh")
    assert found == [("agreement", "俄罗斯", "中国")]


def test_a_party_committee_is_a_governing_body_not_the_party() -> None:
    found = events("俄罗斯与中国", "省委副书记与中国企业举行会谈。", lang="zh")
    assert found == [("negotiation", "俄罗斯", "中国")]


def test_those_who_attended_the_meeting_retell_it() -> None:
    found = events("俄罗斯与中国", "省长会见俄罗斯代表。副省长及中江集团参加会见。", lang="zh")
    assert [kind for kind, _, _ in found] == ["negotiation"]


def test_a_country_written_before_its_own_region_leaves_the_region_the_party() -> None:
    found = events(
        "乌兹别克斯坦与重庆合作", "中国重庆市—乌兹别克斯坦经贸合作论坛在重庆举行。", lang="zh"
    )
    assert found == [("forum", "乌兹别克斯坦", "重庆市")]


def test_a_mission_party_may_be_named_inside_an_organisation() -> None:
    found = events(
        "白俄罗斯戈梅利州在江苏", "江苏省贸促会副会长会见了戈梅利州代表团一行。", lang="zh"
    )
    assert [c for kind, _, c in found if kind == "business_mission"] == ["江苏"]


def test_a_chinese_meeting_on_a_visit_is_talks_of_their_own() -> None:
    found = events("俄罗斯与中国", "中国省长会见了俄罗斯代表团一行。", lang="zh")
    assert found == [
        ("business_mission", "俄罗斯", "中国"),
        ("negotiation", "俄罗斯", "中国"),
    ]


def test_an_envoy_of_the_other_side_named_with_his_full_title_is_a_visitor() -> None:
    found = events(
        "乌兹别克斯坦与中国合作",
        "中国驻乌兹别克斯坦特命全权大使率团对乌兹别克斯坦进行了工作访问。",
        lang="zh",
    )
    assert found == [("business_mission", "中国", "乌兹别克斯坦")]


def test_talks_or_a_signing_are_with_the_party_with_governs_before_one_after_the_verb() -> None:
    found = events(
        "俄罗斯与中国合作",
        "新疆贸促会与塔什干市工商会签署协议，决定共同建立花剌子模州贸易局。",
        lang="zh",
    )
    # the organisation before "与" signs (the dev gold's initiator too)
    assert found == [("agreement", "新疆贸促会", "塔什干市工商会")]


def test_a_chinese_organisation_named_after_a_place_of_the_story_s_side_is_its_own() -> None:
    found = events("图拉州与中国", "俄罗斯驻华大使馆与中国企业举行会谈。", lang="zh")
    # the embassy holds the talks (it starts them), China is their counterpart
    assert found == [("negotiation", "俄罗斯驻华大使馆", "中国")]


def test_a_plan_wording_inside_a_plant_s_name_names_the_plan_and_the_plant_is_no_party() -> None:
    found = events("吉尔吉斯斯坦与中国", "两国元首出席中吉合资汽车总装厂项目奠基仪式。", lang="zh")
    assert found == [("localization_plan", "吉尔吉斯斯坦", "中国")]


def test_a_delegation_is_of_the_place_right_before_it_not_across_a_comma() -> None:
    found = events("俄罗斯与中国", "在中国，俄罗斯代表团与企业举行会谈。", lang="zh")
    assert [e for e in found if e[0] == "business_mission"] == [
        ("business_mission", "俄罗斯", "中国")
    ]


def test_the_firms_of_a_place_the_inviting_words_name_are_invited() -> None:
    found = events("俄罗斯与中国", "州长希望中国企业与Haier对该州进行投资。", lang="zh")
    assert found == [("localization_invitation", "俄罗斯", "中国")]


def test_a_home_place_named_once_in_passing_is_not_the_story_s_side() -> None:
    found = events("白俄罗斯与中国合作", "双方签署合作协议，产品辐射俄罗斯市场。", lang="zh")
    assert found == [("agreement", "白俄罗斯", "中国")]


def test_partners_sought_with_no_place_named_are_sought_in_the_other_side_s_country() -> None:
    found = events("秋明州与黑龙江省合作", "中国是主要伙伴。我们目前正在寻找合作伙伴。", lang="zh")
    assert found == [("partner_search", "秋明州", "中国")]


def test_a_chinese_province_named_by_one_character_is_a_party() -> None:
    found = events("楚瓦什共和国与中国合作", "四川代表出席。川企在俄投资建设了6个项目。", lang="zh")
    assert found == [("investment", "楚瓦什共和国", "四川")]


def test_a_mission_to_a_place_named_by_one_character_goes_there() -> None:
    found = events("乌兹别克斯坦与重庆合作", "乌兹别克斯坦代表团应邀赴渝访问。", lang="zh")
    assert found == [("business_mission", "乌兹别克斯坦", "重庆")]


def test_an_investment_read_from_its_amount_is_with_the_organisation_right_before_it() -> None:
    paragraphs = ["楚瓦什共和国与中国合作", "Haier在俄设立了销售公司，Zoomlion先期投资3亿元。"]
    found = read_events(
        paragraphs,
        mentions(paragraphs),
        places(),
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
        lambda sentence: ["investment"] if "亿元" in sentence else [],
        lang="zh",
    )
    assert [(e.type.value, e.counterpart) for e in found] == [("investment", "Zoomlion")]


def test_cooperation_a_visit_comes_to_seek_is_the_visit_not_a_partner_search() -> None:
    found = events("俄罗斯与中国", "俄罗斯企业来到中国寻求合作商机。", lang="zh")
    assert found == [("business_mission", "俄罗斯", "中国")]


def test_a_source_named_after_the_sentence_or_a_quote_is_no_party() -> None:
    assert events(
        "Russia and China", "An agreement on machine tools was signed, Zoomlion reports."
    ) == [("agreement", "Russia", "China")]
    assert events(
        "Russia and China", "\u201cWe will invest in machine tools,\u201dsaid Zoomlion."
    ) == [("investment", "Russia", "China")]


def test_a_dateline_in_capitals_before_a_dash_is_no_party() -> None:
    found = events(
        "Kazakhstan and Russia", "ASTANA \u2013 The governor signed an agreement on machine tools."
    )
    assert found == [("agreement", "Russia", "Kazakhstan")]


def test_officials_from_a_place_abroad_on_a_trip_are_its_visit_received() -> None:
    found = events(
        "Russia and China", "Officials from Heilongjiang Province began a trip to Russia."
    )
    assert found == [("business_mission", "Heilongjiang Province", "Russia")]


def test_the_implementation_of_agreements_already_signed_is_background() -> None:
    found = events(
        "Russia and China",
        "The sides addressed the implementation of agreements signed during the forum with China.",
    )
    assert found == []


def test_each_document_a_list_of_signed_agreements_names_is_an_agreement() -> None:
    found = events(
        "Russia and China",
        "The following agreements were signed:",
        "- Agreement on friendly relations between Kaluga Region and Pavlodar Region;",
        "- Memorandum of cooperation between Changan and Sany.",
    )
    assert found == [
        ("agreement", "Kaluga Region", "Pavlodar Region"),
        ("agreement", "Russia", "Changan"),
    ]
    # an item of no list of signed documents is none
    assert events("Russia and China", "Our plans:", "- Agreement on machine tools.") == []


def test_a_cumulative_investment_is_a_stock_figure_not_a_new_investment() -> None:
    found = events("Russia and China", "Zoomlion has a cumulative investment worth $5 bn here.")
    assert found == []


def test_places_listed_after_with_are_each_a_party() -> None:
    found = events(
        "Kazakhstan and Russia",
        "Pavlodar Region signed agreements with the Kaluga Region and Omsk Region.",
    )
    assert found == [
        ("agreement", "Kaluga Region", "Pavlodar Region"),
        ("agreement", "Omsk Region", "Pavlodar Region"),
    ]
    found = events("Russia and China", "Russia held talks with China and Vietnam.")
    assert found == [("negotiation", "Russia", "China"), ("negotiation", "Russia", "Vietnam")]


def test_a_unit_after_its_number_is_no_party() -> None:
    found = events("Russia and China", "The region will invest $50 million in a 50 MW wind farm.")
    assert found == [("investment", "Russia", "China")]


def test_a_searcher_called_one_of_the_other_side_seeks_partners_on_the_storys_side() -> None:
    found = events("Russia and China", "The Chinese company Zoomlion is looking for partners.")
    assert found == [("partner_search", "Zoomlion", "Russia")]
    found = events("Russia and China", "The company Zoomlion is looking for partners.")
    assert found == [("partner_search", "Zoomlion", "China")]


def test_the_regions_news_agencies_are_no_parties() -> None:
    found = events(
        "Russia and China", "Kazinform: the region signed an agreement on machine tools."
    )
    assert found == [("agreement", "Russia", "China")]


def test_a_dateline_in_capitals_before_a_month_or_an_agency_is_no_party() -> None:
    found = events("Russia and China", "HARBIN, June 17 \u2013 The governor signed an agreement.")
    assert found == [("agreement", "Russia", "China")]
    found = events("Russia and China", "HARBIN. Kazinform \u2013 The governor signed an agreement.")
    assert found == [("agreement", "Russia", "China")]
    # the Indian and Pakistani press's colon ("NEW DELHI: A business delegation …")
    found = events("Russia and China", "HARBIN: The governor signed an agreement.")
    assert found == [("agreement", "Russia", "China")]


def test_the_datelines_place_tells_the_side_a_story_is_told_from() -> None:
    found = events("Tractor deal", "ASTANA \u2013 The akim signed an agreement with Harbin.")
    assert found == [("agreement", "ASTANA", "Harbin")]


def test_an_organisation_named_by_the_own_countrys_adjective_is_on_the_storys_side() -> None:
    found = events(
        "Tatarstan and China", "In Russia, Russian Railways and Zoomlion signed an agreement."
    )
    assert found == [("agreement", "Tatarstan", "Zoomlion")]


def test_partners_sought_among_the_storys_own_producers_are_sought_by_the_other_side() -> None:
    found = events(
        "Belarus and China",
        "Zoomlion toured a plant in June. Representatives of the company are interested in "
        "cooperation with the Belarusian producers.",
    )
    assert ("partner_search", "Zoomlion", "Belarus") in found


def test_an_organisation_presenting_its_own_potential_is_not_invited() -> None:
    found = events(
        "Russia and China", "The director gave a presentation on Zoomlion's investment potential."
    )
    assert found == [("localization_invitation", "Russia", "China")]
    found = events(
        "Russia and China",
        "Changan's Zoomlion director gave a presentation on investment projects.",
    )
    assert found == [("localization_invitation", "Russia", "China")]


def test_two_sides_delegations_in_one_sentence_meet_rather_than_visit() -> None:
    found = events(
        "Russia and China",
        "The Russian delegation was headed by the deputy minister, and the Chinese delegation "
        "was headed by the vice minister of China.",
    )
    assert [f for f in found if f[0] == "business_mission"] == []


def test_the_source_after_according_to_the_press_service_of_is_no_party() -> None:
    found = events(
        "Russia and China",
        "According to the press service of the Zoomlion, the region signed an agreement.",
    )
    assert found == [("agreement", "Russia", "China")]


def test_the_agreement_told_again_in_the_passive_is_no_second_agreement() -> None:
    found = events(
        "Russia and China",
        "The region signed an agreement with Zoomlion. "
        "The agreement was reached during a visit to China last week.",
    )
    assert [f for f in found if f[0] == "agreement"] == [("agreement", "Russia", "Zoomlion")]


def test_the_chinese_company_points_back_to_the_company_of_the_paragraph_before() -> None:
    found = events(
        "Russia and China",
        "Zoomlion met the governor.",
        "The Chinese company will set up a plant in the region.",
    )
    assert ("localization_plan", "Russia", "Zoomlion") in found


def test_a_place_after_in_followed_by_a_number_is_no_dateline() -> None:
    found = events(
        "Японская компания расширит завод",
        "Японская компания Toyota инвестирует в расширение завода в Санкт-Петербурге "
        "100 млн долларов.",
    )
    assert found == [("investment", "Санкт-Петербурге", "Toyota")]


def test_the_leads_home_region_tells_the_story_even_named_once() -> None:
    found = events(
        "Встреча с послом Вьетнама",
        "В ходе встречи губернатора Калужской области и посла Вьетнама стороны обсудили "
        "перспективы сотрудничества.",
    )
    assert found == [("negotiation", "Калужской области", "Вьетнама")]


def test_an_agreement_signed_after_talks_is_with_the_talks_party() -> None:
    found = events(
        "Губернатор провёл переговоры",
        "Губернатор Калужской области провёл переговоры с руководством компании Sany. "
        "По итогам встречи стороны подписали соглашение о поставках спецтехники.",
    )
    assert ("agreement", "Калужской области", "Sany") in found


def test_a_delegation_of_a_province_named_before_its_country_is_a_visit_received() -> None:
    found = events(
        "Переговоры с Вьетнамом",
        "Представители Калужской области и делегация провинции Тэйнинь Вьетнама провели "
        "переговоры о сотрудничестве.",
    )
    assert ("business_mission", "Вьетнама", "Калужской области") in found
    assert ("negotiation", "Калужской области", "Вьетнам") in found


def test_trade_set_as_a_plans_goal_is_no_trade_figure() -> None:
    found = events(
        "Kazakhstan and China",
        "The ministers reviewed an action plan to bring trade between Kazakhstan and China "
        "to $5 billion.",
    )
    assert [f[0] for f in found] == ["policy"]
    found = events("Kazakhstan and China", "Trade between Kazakhstan and China reached $5 billion.")
    assert [f[0] for f in found] == ["trade_figure"]


def test_firms_called_the_other_sides_before_a_search_seek_partners_on_the_storys_side() -> None:
    found = events(
        "Kazakhstan and China",
        "During the trip, managers of Chinese machine-building companies expressed interest in "
        "closer cooperation.",
    )
    assert found == [("partner_search", "China", "Kazakhstan")]


def test_a_story_told_from_a_datelines_city_in_capitals_is_its_countrys() -> None:
    found = events(
        "Machine tools",
        "ASTANA – Kazakhstan signed an agreement with China on machine tools.",
    )
    assert found == [("agreement", "Kazakhstan", "China")]


def test_each_place_listed_is_a_party_even_after_an_event_told_with_their_country() -> None:
    found = events(
        "Pavlodar Region signs agreements with Russia's regions",
        "Pavlodar Region signed agreements with the Kaluga Region and Omsk Region.",
    )
    assert found == [
        ("agreement", "Kaluga Region", "Pavlodar Region"),
        ("agreement", "Omsk Region", "Pavlodar Region"),
    ]


def test_a_three_lateral_agreement_with_two_firms_is_one_agreement() -> None:
    found = events(
        "Russia and China",
        "The region signed a three-lateral agreement with Haier and Zoomlion on machine tools.",
    )
    assert found == [("agreement", "Russia", "Haier")]
    found = events(
        "Russia and China", "The region signed agreements with Haier and Zoomlion on machine tools."
    )
    assert found == [("agreement", "Russia", "Haier"), ("agreement", "Russia", "Zoomlion")]


def test_an_event_told_with_a_country_then_a_firm_called_by_its_adjective_is_the_firms() -> None:
    found = events(
        "Russia and China to build a car plant",
        "The Chinese company Changan will build a car assembly plant in the region.",
    )
    assert found == [("localization_plan", "Russia", "Changan")]


def page_events(*paragraphs: str) -> list[tuple[str, str, str]]:
    """`events` of a Russian page whose gazetteer knows only the places the page names (a
    country the page never names is then unknown to it, as in the pipeline)."""
    found = mentions(paragraphs)
    named = {m.name for m in found}
    return [
        (e.type.value, e.initiator, e.counterpart)
        for e in read_events(
            list(paragraphs),
            found,
            {name: place for name, place in places().items() if name in named},
            frozenset({"RU"}),
            lambda _: (),
            shipped_event_cues(),
            lang="ru",
        )
    ]


def test_a_firm_called_by_the_adjective_of_a_country_the_page_never_names_is_the_party() -> None:
    # the title tells the plan by the country's adjective only, the body names the firm
    found = page_events(
        "Китайские инвесторы построят завод в Калужской области",
        "Китайская компания Haier построит в Калужской области завод по производству "
        "холодильников.",
    )
    assert found == [("localization_plan", "Калужской области", "Haier")]
    # an adjective whose first letters are not the name's ("белорусский", "Беларусь")
    found = page_events(
        "Белорусские инвесторы откроют завод в Калужской области",
        "Белорусское предприятие «Минский тракторный завод» откроет в Калужской области "
        "завод по сборке тракторов.",
    )
    assert found == [("localization_plan", "Калужской области", "Минский тракторный завод")]


def test_more_countries_named_only_by_their_adjective_are_parties_by_their_names() -> None:
    found = page_events(
        "Калужская область", "Губернатор провел переговоры с южнокорейскими компаниями."
    )
    assert found == [("negotiation", "Калужская область", "Южная Корея")]
    found = page_events(
        "Калужская область", "Губернатор встретился с представителями эмиратских инвесторов."
    )
    assert found == [("negotiation", "Калужская область", "ОАЭ")]


def test_a_title_opening_with_a_home_regions_adjective_is_told_from_that_region() -> None:
    found = events(
        "Калужские предприятия представили продукцию в Москве",
        "Предприятия Калужской области представили свою продукцию на выставке в Москве.",
        lang="ru",
    )
    assert found == [("product_presentation", "Калужской области", "Москве")]


def test_firms_invited_by_their_countrys_adjective_are_the_countrys_not_a_provinces() -> None:
    found = page_events(
        "Калужская область и Хэйлунцзян",
        "Губернатор Калужской области пригласил китайские компании разместить производство в "
        "регионе.",
    )
    assert found == [("localization_invitation", "Калужская область", "Китай")]


def test_talks_with_the_country_of_a_capital_a_forum_is_held_in_are_the_forums() -> None:
    found = events(
        "Калужская область и Армения",
        "В Ереване прошел бизнес-форум. Предприятия Калужской области провели переговоры с "
        "армянскими партнерами.",
        lang="ru",
    )
    assert [kind for kind, _, _ in found] == ["forum"]


def test_a_signing_told_at_talks_is_with_the_place_its_sentence_names() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Губернатор Нижегородской области провел переговоры с руководством Changan. По итогам "
        "переговоров подписано соглашение о сотрудничестве с провинцией Хэнань.",
        lang="ru",
    )
    assert ("agreement", "Нижегородская область", "Хэнань") in found
    assert ("agreement", "Нижегородская область", "Changan") not in found


def test_representatives_of_a_foreign_firm_visiting_a_home_region_are_a_visit_received() -> None:
    found = page_events(
        "Калужская область",
        "Представители японской компании Toyota побывали в Калужской области.",
    )
    assert found == [("business_mission", "Toyota", "Калужской области")]
    # the region's own delegation visiting a firm stays the region's visit
    found = page_events(
        "Калужская область и Китай",
        "Делегация Калужской области посетила Китай.",
    )
    assert found == [("business_mission", "Калужская область", "Китай")]


def test_a_country_named_by_the_second_half_of_a_compound_adjective_is_the_party() -> None:
    found = page_events(
        "Калужская область", "В Калужской области прошел российско-турецкий бизнес-форум."
    )
    assert found == [("forum", "Калужская область", "Турция")]


def test_a_sentence_opening_with_the_company_points_back_to_the_one_named_before() -> None:
    found = events(
        "Калужская область",
        "Представители компании Haier посетили Калужскую область. Компания рассматривает "
        "возможность размещения производства на территории региона.",
        lang="ru",
    )
    assert ("localization_plan", "Калужская область", "Haier") in found


def test_an_embassy_taken_for_an_organisation_is_no_party_its_country_is() -> None:
    found = events(
        "Калужская область и Вьетнам",
        "В Посольстве Вьетнама прошла презентация инвестиционного потенциала Калужской области.",
        lang="ru",
    )
    assert found == [("localization_invitation", "Калужская область", "Вьетнам")]


def test_a_long_source_named_after_its_sentence_is_no_party() -> None:
    found = events(
        "Russia and China",
        "Changan will build a car assembly plant in the region, the press service of the "
        "Ministry of Industry and Trade reports.",
    )
    assert found == [("localization_plan", "Russia", "Changan")]


def test_talks_told_by_no_party_beside_a_firms_plan_are_part_of_it() -> None:
    found = events(
        "The governor of Russia meets with foreign investors",
        "Changan will build a car assembly plant in Yelabuga.",
    )
    assert found == [("localization_plan", "Russia", "Changan")]
    # … and with the story's other side, a place, when the stronger lead is with it
    found = events(
        "The governor of Russia meets with foreign investors",
        "The region and China will build a car assembly plant.",
    )
    assert found == [("localization_plan", "Russia", "China")]


def test_a_visit_told_before_a_forum_stays_beside_it_a_visit_told_after_is_the_forums() -> None:
    found = events(
        "Governor of Russia visits China",
        "The governor is on a working visit to China. "
        "He also took part in a business forum with China.",
    )
    assert [f[0] for f in found] == ["business_mission", "forum"]
    found = events(
        "Russia and China",
        "The governor took part in a business forum with China. The delegation also visited China.",
    )
    assert [f[0] for f in found] == ["forum"]


def test_parties_each_after_their_own_with_and_their_heads_name_are_each_talks() -> None:
    text = "Губернатор встретился с директором компании Sany Ли Мином, а также с главой Haier."
    found = read_events(
        ["Нижегородская область и Китай", text],
        [
            *mentions(["Нижегородская область и Китай", text]),
            Mention(MentionKind.PERSON, "Ли Мин", 1, text.find("Ли Мином"), text.find(",")),
        ],
        places(),
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
    )
    assert [(e.type.value, e.counterpart) for e in found] == [
        ("negotiation", "Sany"),
        ("negotiation", "Haier"),
    ]


def test_talks_with_a_body_of_the_country_visited_stay_talks_of_their_own() -> None:
    found = events(
        "Делегация Калужской области посетила Вьетнам",
        "Губернатор провел переговоры с Торговой палатой Вьетнама.",
        lang="ru",
    )
    assert found == [
        ("business_mission", "Калужской области", "Вьетнам"),
        ("negotiation", "Калужской области", "Торговой палатой Вьетнама"),
    ]
    # talks with the country itself are part of the visit
    found = events(
        "Делегация Калужской области посетила Вьетнам",
        "Губернатор провел переговоры во Вьетнаме.",
        lang="ru",
    )
    assert [kind for kind, _, _ in found] == ["business_mission"]


def test_support_offered_to_an_investor_invites_and_is_no_policy() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Губернатор заявил, что регион готов предоставить компании Sany меры поддержки.",
    )
    assert found == [("localization_invitation", "Нижегородская область", "Sany")]
    # support measures adopted for all are a policy
    found = events(
        "Нижегородская область и Китай", "Правительство утвердило новые меры поддержки экспортеров."
    )
    assert [kind for kind, _, _ in found] == ["policy"]


def test_a_delegation_of_an_unknown_place_with_a_foreign_place_word_is_a_visit_received() -> None:
    found = events(
        "Калужская область",
        "Делегация провинции Биньзыонг посетила Калужскую область.",
        lang="ru",
    )
    assert found == [("business_mission", "Биньзыонг", "Калужская область")]
    # a place word of home too ("области") tells no side
    found = events(
        "Калужская область",
        "Делегация области Биньзыонг посетила Калужскую область.",
        lang="ru",
    )
    assert found != [("business_mission", "Биньзыонг", "Калужская область")]


def test_agreeing_to_do_an_event_with_no_document_is_that_event() -> None:
    found = events(
        "Нижегородская область и Китай",
        "Стороны договорились об организации бизнес-миссии в Китай.",
        lang="ru",
    )
    assert [kind for kind, _, _ in found] == ["business_mission"]
    # a document signed on it stays an agreement beside it
    found = events(
        "Нижегородская область и Китай",
        "Стороны договорились и подписали соглашение об организации бизнес-миссии в Китай.",
        lang="ru",
    )
    assert "agreement" in [kind for kind, _, _ in found]
    # agreeing on cooperation alone is an agreement
    found = events(
        "Нижегородская область и Китай", "Стороны договорились о сотрудничестве.", lang="ru"
    )
    assert [kind for kind, _, _ in found] == ["agreement"]


def test_talks_naming_nobody_are_part_of_a_stronger_lead_with_the_other_side() -> None:
    found = events(
        "Калужская область и Китай",
        "Китайская компания построит завод в Калужской области.",
        "Губернатор также встретился с несколькими предпринимателями.",
    )
    assert [kind for kind, _, _ in found] == ["localization_plan"]
    # talks naming their party stay talks of their own
    found = events(
        "Калужская область и Китай",
        "Китайская компания построит завод в Калужской области.",
        "Губернатор также провел переговоры с Haier.",
    )
    assert [kind for kind, _, _ in found] == ["localization_plan", "negotiation"]


def test_a_delegation_and_its_party_visiting_stay_a_visit_beside_the_forum_they_attend() -> None:
    visit = "俄罗斯代表团一行访问中国。"
    forum = "中俄经贸合作论坛在中国举行。"
    assert [kind for kind, _, _ in events("俄罗斯与中国", visit, forum, lang="zh")] == [
        "business_mission",
        "forum",
    ]
    # told after the forum, a visit without 一行 is the forum's; with it, a visit of its own
    attending = "俄罗斯代表团访问中国。"
    assert [kind for kind, _, _ in events("俄罗斯与中国", forum, attending, lang="zh")] == ["forum"]
    assert [kind for kind, _, _ in events("俄罗斯与中国", forum, visit, lang="zh")] == [
        "forum",
        "business_mission",
    ]


def test_a_forum_somebody_is_invited_to_attend_is_no_forum_yet() -> None:
    found = events("俄罗斯与中国", "州长邀请中国企业家出席明年在俄罗斯举办的经济论坛。", lang="zh")
    assert "forum" not in [kind for kind, _, _ in found]


def test_a_chinese_meeting_stays_talks_beside_the_agreement_signed_with_the_same_party() -> None:
    found = events(
        "中国与俄罗斯",
        "省长会见了塔什干市工商会代表。",
        "会见后，省长与塔什干市工商会签署合作协议。",
        lang="zh",
    )
    assert sorted(kind for kind, _, c in found if c == "塔什干市工商会") == [
        "agreement",
        "negotiation",
    ]


def test_an_official_of_a_body_abroad_and_his_party_are_a_visit_received() -> None:
    found = events("江苏与白俄罗斯合作", "江苏省长会见了白俄罗斯工业部副部长一行。", lang="zh")
    assert ("business_mission", "白俄罗斯", "江苏") in found


def test_a_chinese_visitor_named_by_his_place_and_title_is_a_visit_received() -> None:
    led = events("江苏与白俄罗斯", "江苏省长会见了戈梅利州州长率领的经贸代表团。", lang="zh")
    assert ("business_mission", "戈梅利州", "江苏") in led
    visiting = events("四川与白俄罗斯", "戈梅利州州长访问四川，与省长举行会谈。", lang="zh")
    assert ("business_mission", "戈梅利州", "四川") in visiting
    received = events("江苏与白俄罗斯", "省长会见了正在江苏访问的戈梅利州客人。", lang="zh")
    assert ("business_mission", "戈梅利州", "江苏") in received


def test_a_host_meeting_in_his_own_city_is_no_visitor() -> None:
    found = events("江苏与白俄罗斯", "江苏省长在南京会见了来访的戈梅利州客人。", lang="zh")
    assert [(i, c) for kind, i, c in found if kind == "business_mission"] == [("戈梅利州", "江苏")]


def test_a_forum_named_as_the_frame_of_a_signing_is_no_forum_of_the_page() -> None:
    found = events("俄罗斯与中国", "在中俄博览会框架内，俄罗斯与中国企业签署合作协议。", lang="zh")
    assert [kind for kind, _, _ in found] == ["agreement"]


def test_an_expo_by_its_short_name_is_a_forum() -> None:
    found = events("俄罗斯企业参加哈洽会", "俄罗斯企业在中国参加了本届哈洽会。", lang="zh")
    assert "forum" in [kind for kind, _, _ in found]


def test_a_video_call_or_a_phone_call_between_leaders_is_talks() -> None:
    video = events("俄罗斯与中国", "俄罗斯与中国举行视频会议，交换意见。", lang="zh")
    phone = events("俄罗斯与中国", "俄罗斯州长与中国省长通电话。", lang="zh")
    assert [kind for kind, _, _ in video] == [kind for kind, _, _ in phone] == ["negotiation"]


def test_a_chinese_meeting_and_a_signing_in_one_sentence_are_both_told() -> None:
    found = events(
        "中国与俄罗斯",
        "省长会见了塔什干市工商会代表，并与塔什干市工商会签署合作协议。",
        lang="zh",
    )
    assert sorted(kind for kind, _, c in found if c == "塔什干市工商会") == [
        "agreement",
        "negotiation",
    ]


def test_a_delegation_attending_an_opening_ceremony_is_the_forum_s() -> None:
    found = events("中俄博览会开幕", "俄罗斯博览会开幕。中国省长率领代表团出席开幕式。", lang="zh")
    assert "business_mission" not in [kind for kind, _, _ in found]


def test_a_forum_only_wished_for_is_no_forum() -> None:
    found = events("俄罗斯与中国", "州长表示，俄罗斯愿与中国共同举办经贸洽谈会。", lang="zh")
    assert "forum" not in [kind for kind, _, _ in found]


def test_the_own_side_s_firms_invited_to_a_host_abroad_are_the_invited() -> None:
    found = events("俄罗斯与中国", "省长欢迎俄罗斯企业来黑龙江省投资。", lang="zh")
    assert found == [("localization_invitation", "黑龙江省", "俄罗斯")]


def test_a_chinese_sentence_pointing_back_to_a_city_is_with_that_city() -> None:
    # "该市企业": the firms of the city named before ("撒马尔罕" + "市"), not the country
    found = events(
        "乌兹别克斯坦与中国企业对接",
        "撒马尔罕市市长表示，两国经贸往来频繁。对接会上，该市企业与中方企业签订了合作协议。",
        lang="zh",
        home=frozenset({"CN"}),
    )
    assert ("agreement", "中国", "撒马尔罕") in found
    # named by its kind, the city is the signing's own party, not a place standing for one
    # beside an organisation's agreement
    found = events(
        "乌兹别克斯坦与中国企业对接",
        "新疆贸促会与塔什干市工商会签署合作备忘录。",
        "撒马尔罕市市长表示，两国经贸往来频繁。对接会上，该市企业与中方企业签订了合作协议。",
        lang="zh",
        home=frozenset({"CN"}),
    )
    assert [c for kind, _, c in found if kind == "agreement"] == ["塔什干市工商会", "撒马尔罕"]


def test_a_chinese_sentence_pointing_back_to_a_company_is_with_it() -> None:
    # "该公司", "就此": the organisation named before in the paragraph
    found = events(
        "俄罗斯与中国",
        "州长会见了中江集团代表。该公司计划在当地投资建厂。",
        lang="zh",
    )
    assert ("localization_plan", "俄罗斯", "中江集团") in found


def test_a_delegation_of_a_places_government_comes_from_that_place() -> None:
    found = events(
        "Гости из Хэнань",
        "В Москве побывала официальная делегация правительства провинции Хэнань.",
    )
    assert found == [("business_mission", "Хэнань", "Москве")]


def test_a_possibility_a_firm_considers_is_its_plan_in_either_word_order() -> None:
    cues = shipped_event_cues().of("ru")
    for sentence in (
        "Компания Toyota рассматривает возможность локализации производства в регионе.",
        "Возможность локализации производства в регионе также изучает компания Toyota.",
        "Японцы также интересуются возможностью размещения в регионе производства.",
    ):
        assert [k for k, _, _ in trigger_types(sentence, cues)] == [EventType.LOCALIZATION_PLAN]


def test_a_service_offered_as_a_rule_is_no_event() -> None:
    # what an agency does for whoever asks ("we help companies find partners") is no search
    for generic in (
        "Мы помогаем нижегородским компаниям в поиске партнёров в Китае.",
        "Торгово-промышленная палата оказывает содействие предприятиям в поиске партнёров в Китае.",
    ):
        assert events("Нижегородская область и Китай", generic) == []
    assert events(
        "Нижегородская область и Китай", "Нижегородские компании ищут партнёров в Китае."
    ) == [("partner_search", "Нижегородская область", "Китай")]


def test_an_exhibition_where_a_signing_took_place_is_no_presentation() -> None:
    signed = "Соглашение о поставках техники подписано с компанией Toyota на выставке в Москве."
    assert [e[0] for e in events("Нижегородская область и Китай", signed)] == ["agreement"]
    # without a signing or talks the exhibition is the presentation
    shown = "Нижегородские предприятия приняли участие в выставке в Китае."
    assert [e[0] for e in events("Нижегородская область и Китай", shown)] == [
        "product_presentation"
    ]


def test_a_protocol_of_intent_named_long_before_its_signing_is_an_agreement() -> None:
    signed = (
        "Протокол о намерениях сотрудничества между Нижегородской областью и провинцией "
        "Хэнань подписали сегодня в Москве губернатор и глава провинции."
    )
    assert [k for k, _, _ in trigger_types(signed, shipped_event_cues().of("ru"))] == [
        EventType.AGREEMENT
    ]


def test_the_place_an_embassy_sits_in_is_no_party() -> None:
    # the embassy of Russia in Kazakhstan visits a Russian region: Kazakhstan is only its seat,
    # the office is the visitor (the bronze tuning gold: the embassy's mission to the region)
    visit = "Представители Посольства России в Казахстан посетили заводы Нижегородской области."
    assert events("Нижегородская область", visit) == [
        ("business_mission", "Посольства России", "Нижегородской области")
    ]
    # a delegation from Kazakhstan itself is the visitor
    assert events(
        "Нижегородская область", "Делегация из Казахстан посетила Нижегородскую область."
    ) == [("business_mission", "Казахстан", "Нижегородская область")]


def test_the_place_ending_an_embassys_name_is_no_party() -> None:
    # the recogniser may give the office with its seat as one name, the place inside it too
    visit = "Представители Посольства России в Казахстан посетили заводы Нижегородской области."
    office = "Посольства России в Казахстан"
    named = [
        Mention(MentionKind.ORGANIZATION, office, 1, visit.find(office), visit.find(office) + 29),
        *(m for m in mentions(["Нижегородская область", visit]) if m.name != "Посольства России"),
    ]
    assert any(m.name == "Казахстан" for m in named)
    found = read_events(
        ["Нижегородская область", visit],
        sorted(named, key=lambda m: (m.paragraph, m.start)),
        places(),
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
        lang="ru",
    )
    assert [e.counterpart for e in found] != ["Казахстан"]


def test_what_any_investor_must_do_is_a_condition_not_an_investment() -> None:
    # the terms of a contract or a programme, told of investors in general
    assert (
        events(
            "Калужская область и Хэнань",
            "По условиям программы инвестор должен вложить в производство не менее 500 млн руб.",
        )
        == []
    )
    assert (
        events(
            "Калужская область и Хэнань",
            "Резиденты зоны обязаны построить завод в течение трех лет.",
        )
        == []
    )
    # a firm that will invest is an investment
    assert events(
        "Калужская область и Хэнань",
        "Компания Zoomlion вложит в производство 500 млн руб.",
    ) == [("investment", "Калужская область", "Zoomlion")]


def test_an_offer_to_the_firm_by_its_kind_goes_to_the_firm_named_before() -> None:
    # "заводу", "концерну", "инвестору": the firm the paragraph has named, not the other side
    assert events(
        "Калужская область и Хэнань",
        "Делегация Zoomlion осмотрела индустриальный парк. "
        "Губернатор предложил концерну площадку для размещения производства.",
    ) == [("localization_invitation", "Калужская область", "Zoomlion")]


def test_an_agreement_told_by_its_effects_is_background() -> None:
    effects = "The mayor praised the results of the trade agreement signed with Vietnam."
    assert events("Kaluga Region", effects, lang="en") == []


def test_a_page_whose_writer_calls_a_place_abroad_our_own_is_told_from_there() -> None:
    # "我省" (our province): the writer is Heilongjiang's, the story is told from China.
    found = events(
        "黑龙江省代表团访问秋明州",
        "我省企业与秋明州企业签署了合作协议。",
        lang="zh",
    )
    assert found == [
        ("business_mission", "黑龙江省", "秋明州"),
        ("agreement", "黑龙江省", "秋明州"),
    ]


def test_a_delegation_called_by_its_country_is_the_storys_region_of_it() -> None:
    # a page about Gomel and Chongqing: "the Chinese delegation" is Chongqing's
    found = events("戈梅利州与重庆市加强合作", "戈梅利州州长与中国代表团举行了会谈。", lang="zh")
    assert ("negotiation", "戈梅利州", "重庆市") in found
    assert all("中国" not in (initiator, counterpart) for _, initiator, counterpart in found)


def test_chinese_talks_spoken_of_in_general_and_an_earlier_years_agreement_are_background() -> None:
    title = "戈梅利州与重庆市加强合作"
    assert events(title, "戈梅利州州长表示，会谈很有意义。", lang="zh") == [
        ("negotiation", "戈梅利州", "重庆市")
    ]
    assert events(title, "戈梅利州州长表示，每一次这样的会谈都很有意义。", lang="zh") == []
    assert events(title, "戈梅利州州长表示，我们在2019年与重庆市签署了合作协议。", lang="zh") == []


def test_a_place_whose_visit_this_is_is_the_visitor() -> None:
    found = events(
        "戈梅利州与重庆市加强合作",
        "戈梅利州州长表示，重庆市此次访问为双方合作开辟了新机遇。",
        lang="zh",
    )
    assert found == [("business_mission", "重庆市", "戈梅利州")]


def test_a_story_told_from_neither_home_side_is_not_told_from_where_it_is_held() -> None:
    # 在北京: where the talks are held, not the side the story is told from
    found = events("", "在北京，撒马尔罕代表团与中江集团举行会谈。", lang="zh")
    assert ("negotiation", "撒马尔罕", "中江集团") in found


def test_a_place_naming_a_presentation_presents_it_to_the_story_side() -> None:
    """A place of the other side written right before the presentation's word presents it;
    a place after "在" and a verb is where it is held."""
    found = events(
        "白俄罗斯经贸合作推介会在黑龙江省举行。",
        home=frozenset({"CN"}),
        lang="zh",
    )
    assert found == [("product_presentation", "白俄罗斯", "黑龙江省")]
    held = events(
        "黑龙江省在白俄罗斯举办产品推介会。",
        home=frozenset({"CN"}),
        lang="zh",
    )
    assert held == [("product_presentation", "黑龙江省", "白俄罗斯")]


def test_an_organisation_right_before_the_with_word_starts_the_signing() -> None:
    """ "A分别与B签署" is signed by the organisation A, not by the story's region."""
    found = events(
        "江苏省代表团访问白俄罗斯。江苏省贸促会分别与白俄罗斯工业部签署了合作备忘录。",
        home=frozenset({"CN"}),
        lang="zh",
    )
    assert ("agreement", "江苏省贸促会", "白俄罗斯工业部") in found


def plans(found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [f for f in found if f[0] == "localization_plan"]


def test_a_plan_told_from_afar_by_a_people_is_the_firms_plan() -> None:
    # The title tells the plant by a people ("Немцы"), the body by the firm: one plan, the
    # firm's.
    found = events(
        "Немцы начнут производить в Нижегородской области стальные трубы",
        "Компания Rhein Rohr планирует разместить в Нижегородской области завод по выпуску"
        " труб. Об этом губернатор рассказал по итогам поездки по Германии.",
        lang="ru",
    )
    assert plans(found) == [("localization_plan", "Нижегородской области", "Rhein Rohr")]
    found = events(
        "Chinese to assemble pumps in Kaluga Region",
        "Kestrel Pumps plans to build a plant in Kaluga Region, officials from China said.",
        lang="en",
    )
    assert found == [("localization_plan", "Kaluga Region", "Kestrel Pumps")]


def test_a_countrys_plan_its_sentence_names_and_plans_stays_beside_a_firms() -> None:
    # Firms of the country planning production of their own are a plan of their own, even
    # where the title told it first without naming the country; told by a sentence that names
    # the country, the plan stays.
    found = events(
        "Немцы начнут производить в Нижегородской области стальные трубы",
        "Компания Rhein Rohr планирует разместить в Нижегородской области завод по выпуску труб.",
        "Ещё ряд компаний Германии планирует открыть в Нижегородской области производство.",
        lang="ru",
    )
    assert plans(found) == [
        ("localization_plan", "Нижегородской области", "Германии"),
        ("localization_plan", "Нижегородской области", "Rhein Rohr"),
    ]
    found = events(
        "Ряд компаний Германии уже открыли в Нижегородской области производство.",
        "Компания Rhein Rohr планирует разместить в Нижегородской области завод по выпуску труб.",
        lang="ru",
    )
    assert plans(found) == [
        ("localization_plan", "Нижегородской области", "Германии"),
        ("localization_plan", "Нижегородской области", "Rhein Rohr"),
    ]


def test_a_business_mission_named_so_stays_beside_the_exchange_it_holds() -> None:
    # the mission is an organised event of its own; the exchange is one of its stops
    mission = "Бизнес-миссия Калужской области начала работу в Харбине."
    exchange = "В Харбине прошла биржа деловых контактов калужских и китайских компаний."
    assert [kind for kind, _, _ in events("Калужская область и Харбин", mission, exchange)] == [
        "business_mission",
        "forum",
    ]
    # a delegation's visit to the city the forum is held in is that forum
    visit = "Делегация Калужской области посетила Харбин."
    assert [kind for kind, _, _ in events("Калужская область и Харбин", visit, exchange)] == [
        "forum"
    ]
    mission = "A business mission of Kaluga Region arrived in Harbin."
    forum = "A business forum of Kaluga and Chinese companies was held in Harbin."
    assert [
        kind for kind, _, _ in events("Kaluga Region and Harbin", mission, forum, lang="en")
    ] == [
        "business_mission",
        "forum",
    ]


def test_talks_told_again_as_the_occasion_of_a_signing_are_no_second_talks() -> None:
    found = events(
        "江苏省与图拉州合作",
        "江苏省代表团访问图拉州，与图拉州州长举行会谈。",
        "会谈后，中江集团与图拉州签署了合作协议。",
        lang="zh",
    )
    assert ("agreement", "图拉州", "中江集团") in found or (
        "agreement",
        "中江集团",
        "图拉州",
    ) in found
    assert [kind for kind, _, _ in found].count("negotiation") <= 1
    assert not any(kind == "negotiation" and "中江集团" in (i, c) for kind, i, c in found)


def _lead_events(
    title: str, lead: str, named: list[tuple[str, str, str | None]], lang: str
) -> list[tuple[str, str, str]]:
    """The events of a title and a lead, each name given as (as written, as the recognizer
    names it, its place code or None for an organisation)."""
    mentions = []
    for written, name, code in named:
        paragraph, text = (0, title) if written in title else (1, lead)
        start = text.index(written)
        kind = MentionKind.ORGANIZATION if code is None else MentionKind.LOCATION
        mentions.append(Mention(kind, name, paragraph, start, start + len(written)))
    found = read_events(
        [title, lead],
        sorted(mentions, key=lambda m: (m.paragraph, m.start)),
        {name: place_of(code) for _, name, code in named if code is not None},
        frozenset({"RU"}),
        lambda _: (),
        shipped_event_cues(),
        lang=lang,
    )
    return [(e.type.value, e.initiator, e.counterpart) for e in found]


def test_a_dateline_in_capitals_named_as_the_recognizer_spells_it_is_no_side() -> None:
    """ "ASTANA, Nov. 24 (Xinhua) --" given as "Astana": the story is Kazakhstan's, and a
    plant in a region of it is that region's, not the dateline city's."""
    found = _lead_events(
        "Chinese automaker to build a plant in Kazakhstan",
        "ASTANA, Nov. 24 (Xinhua) -- JAC Motors will build a car plant in Kostanay Region.",
        [
            ("Kazakhstan", "Kazakhstan", "KZ"),
            ("ASTANA", "Astana", "KZ-71"),
            ("JAC Motors", "JAC Motors", None),
            ("Kostanay Region", "Kostanay Region", "KZ-39"),
        ],
        "en",
    )
    assert found == [("localization_plan", "Kostanay Region", "JAC Motors")]


def test_a_chinese_agency_s_dateline_tells_the_story_is_its_country_s() -> None:
    """ "新华社明斯克11月26日电": filed from Minsk, the story is Belarus's, not the city's."""
    found = _lead_events(
        "中白工业园新企业签约",
        "新华社明斯克11月26日电 浙江吉利控股集团将在白俄罗斯投资建设汽车零部件生产基地。",
        [
            ("明斯克", "明斯克", "BY-HM"),
            ("白俄罗斯", "白俄罗斯", "BY"),
            ("浙江吉利控股集团", "浙江吉利控股集团", None),
        ],
        "zh",
    )
    assert found == [("localization_plan", "白俄罗斯", "浙江吉利控股集团")]


@pytest.mark.parametrize(
    "sentence",
    [
        "ОАО «Минский моторный завод» намерено найти нижегородских поставщиков литья.",
        "Кроме того, ОАО «Минский моторный завод» ищет нижегородских партнёров.",
    ],
)
def test_partners_sought_by_the_own_regions_adjective_are_sought_on_the_storys_side(
    sentence: str,
) -> None:
    """A firm of the other side seeks suppliers the story's own region's adjective names: the
    partners are sought there, not on the searcher's own side."""
    found = _lead_events(
        "Минская область и Нижегородская область",
        sentence,
        [
            ("Минская область", "Минская область", "BY-MI"),
            ("Нижегородская область", "Нижегородская область", "RU-NIZ"),
            ("ОАО «Минский моторный завод»", "ОАО «Минский моторный завод»", None),
        ],
        "ru",
    )
    searches = [(i, c) for kind, i, c in found if kind == "partner_search"]
    assert searches and all(c == "Нижегородская область" for _, c in searches), found


def test_firms_the_sides_talk_over_are_no_party_of_their_talks() -> None:
    """«Кроме того, стороны обсудили …»: the sides are the story's; the firms named in what they
    talked over (supplies to Haier and Sany) neither talk with each other nor are talked with."""
    found = events(
        "Калужская область и Китай",
        "Китайская компания Changan построит завод в Калужской области. Кроме того, стороны "
        "обсудили возможность поставок продукции завода на предприятия Haier и Sany.",
    )
    assert not [f for f in found if {"Haier", "Sany"} & {f[1], f[2]}], found
    # governed by "with", a firm is talked with
    found = events(
        "Калужская область и Китай",
        "Губернатор встретился с делегацией из Китая. Стороны обсудили сотрудничество с Haier.",
    )
    assert ("negotiation", "Калужская область", "Haier") in found, found


def test_a_projects_money_told_in_a_clause_of_its_own_is_not_the_last_named_firms() -> None:
    """ "A与B签署了…协议，项目总投资约2亿美元": the project's money is not B's investment; in
    its own clause the firm before the figure is the investor ("…，中江集团先期投资3亿元")."""

    def investors(sentence: str) -> list[str]:
        found = checklist_page(
            ("中俄企业合作", sentence),
            {"俄罗斯": "RU", "乌兹别克斯坦": "UZ"},
            ("Haier", "中江集团"),
            "zh",
            amounts_measured,
        )
        return [e.counterpart for e in found if e.type is EventType.INVESTMENT]

    assert "中江集团" not in investors(
        "Haier与中江集团签署了关于在乌兹别克斯坦组装卡车的合作协议，项目总投资约2亿美元。"
    )
    assert "中江集团" in investors("Haier在乌兹别克斯坦设立了销售公司，中江集团先期投资3亿元。")


def test_a_signing_by_the_sides_of_talks_just_told_stays_beside_a_firms_agreement() -> None:
    """«По итогам встречи стороны подписали меморандум» is signed with the talks' party; it is
    not a signing told only by where it was held, which a firm's agreement told later would
    stand for."""
    found = events(
        "Нижегородская область и Китай",
        "Губернатор провел переговоры с делегацией провинции Хэйлунцзян. По итогам встречи "
        "стороны подписали меморандум о сотрудничестве. Кроме того, ТехноМаш заключил контракт "
        "с Sany на поставку оборудования.",
    )
    agreements = {c for kind, _, c in found if kind == "agreement"}
    assert {"Хэйлунцзян", "Sany"} <= agreements, found

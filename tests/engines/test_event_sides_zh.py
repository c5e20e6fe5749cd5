"""Who a Chinese page is told from (2026-11-30): short pages written for this test, told from
the Chinese side (a province's delegation abroad, 我省/我市, its governor receiving a Russian
governor, a forum it hosts) and from the other side (a Russian region's site in Chinese, a Kazakh
agency), each with the events the annotation guideline expects. The gold accepts either side as
initiator and counterpart of symmetric facts (agreements, talks between two regions, trade, a
forum between them); a visit's initiator is the visitor; a place named only where talks are held
("在哈尔滨") is not who they are with."""

from __future__ import annotations

from tests.engines.event_checklists import page_events

PLACES = {
    "新西伯利亚州": "RU-NVS",
    "阿穆尔州": "RU-AMU",
    "哈巴罗夫斯克边疆区": "RU-KHA",
    "滨海边疆区": "RU-PRI",
    "俄罗斯": "RU",
    "黑龙江省": "CN-HL",
    "哈尔滨": "CN-HL",
    "吉林省": "CN-JL",
    "长春": "CN-JL",
    "中国": "CN",
    "阿拉木图州": "KZ-19",
    "乌鲁木齐": "CN-XJ",
    "新疆维吾尔自治区": "CN-XJ",
}
ORGANIZATIONS = ("黑龙江日报", "东北网", "哈萨克国际通讯社")


def _events(*paragraphs: str) -> list[tuple[str, str, str]]:
    found = page_events(paragraphs, PLACES, ORGANIZATIONS, "zh")
    return [(e.type.value, e.initiator, e.counterpart) for e in found]


def _either(found: list[tuple[str, str, str]], kind: str, a: str, b: str) -> bool:
    """A symmetric fact: either side may be the initiator."""
    return (kind, a, b) in found or (kind, b, a) in found


def test_our_provinces_delegation_abroad_is_told_from_the_province() -> None:
    found = _events(
        "我省经贸代表团访问俄罗斯新西伯利亚州",
        "黑龙江日报5月20日讯 副省长张明率黑龙江省经贸代表团访问俄罗斯新西伯利亚州。",
        "访问期间，张明与新西伯利亚州州长会谈，双方就农业、物流合作交换了意见。",
        "我省企业与俄方企业签署了5项合作协议。",
    )
    assert _either(found, "negotiation", "黑龙江省", "新西伯利亚州")
    assert _either(found, "agreement", "黑龙江省", "俄罗斯")


def test_a_russian_governor_received_at_home_visits_and_talks_are_with_the_province() -> None:
    found = _events(
        "省长李华会见阿穆尔州州长",
        "东北网6月3日讯 省长李华在哈尔滨会见了俄罗斯阿穆尔州州长奥尔洛夫一行。",
        "会见后，双方签署了黑龙江省与阿穆尔州合作备忘录。",
    )
    assert ("business_mission", "阿穆尔州", "哈尔滨") in found
    assert _either(found, "agreement", "阿穆尔州", "黑龙江省")
    assert all(counterpart != "哈尔滨" for kind, _, counterpart in found if kind == "negotiation")


def test_talks_held_in_a_city_are_with_the_province_the_page_names() -> None:
    found = _events(
        "黑龙江省与哈巴罗夫斯克边疆区举行会谈",
        "黑龙江省副省长在哈尔滨与哈巴罗夫斯克边疆区副州长举行会谈，双方就口岸建设交换了意见。",
        "会谈后，双方在哈尔滨签署了经贸合作协议。",
    )
    assert _either(found, "negotiation", "黑龙江省", "哈巴罗夫斯克边疆区")
    assert _either(found, "agreement", "黑龙江省", "哈巴罗夫斯克边疆区")
    assert all("哈尔滨" not in (initiator, counterpart) for _, initiator, counterpart in found)


def test_a_russian_regions_site_in_chinese_is_told_from_the_region() -> None:
    found = _events(
        "滨海边疆区代表团访问吉林省",
        "滨海边疆区政府新闻处消息，边疆区副行政长官率代表团访问了中国吉林省。",
        "在长春，代表团与吉林省副省长举行会谈，讨论了港口物流合作。双方签署了合作协议。",
    )
    assert ("business_mission", "滨海边疆区", "吉林省") in found
    assert _either(found, "negotiation", "滨海边疆区", "吉林省")
    assert _either(found, "agreement", "滨海边疆区", "吉林省")


def test_a_kazakh_agencys_story_is_not_told_from_the_chinese_city_it_is_held_in() -> None:
    found = _events(
        "",
        "哈萨克国际通讯社讯 在乌鲁木齐，阿拉木图州代表团与新疆维吾尔自治区举行会谈。",
    )
    assert _either(found, "negotiation", "阿拉木图州", "新疆维吾尔自治区")
    assert all(initiator != "乌鲁木齐" for _, initiator, _ in found)


def test_a_delegation_received_for_a_forum_with_the_hosts_country_is_the_forums() -> None:
    # the delegation visits Heilongjiang for the forum held with China: the forum covers it
    found = _events(
        "黑龙江省省长会见阿穆尔州代表团",
        "省长李华在哈尔滨会见了阿穆尔州州长率领的代表团。",
        "李华对代表团来中国参加第八届中俄博览会表示欢迎。",
    )
    assert ("forum", "阿穆尔州", "中国") in found
    assert _either(found, "negotiation", "阿穆尔州", "黑龙江省")
    assert not [kind for kind, _, _ in found if kind == "business_mission"]

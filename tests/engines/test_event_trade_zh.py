"""A checklist of how Chinese news tells trade between a region and a country or another region
(`trade_figure`), in simplified and traditional script: turnover, exports and imports with a
figure — in digits or in words ("翻了一番", "三分之一", "第一大贸易伙伴") — or a change reported
as a fact ("对俄出口增长"). The guideline: trade is symmetric, either party may be the
initiator. Sentences written for this test (not taken from the pages), with sentences that use
the same words but report no current trade figure: prices and exchange rates, a firm's sales,
trade of a past decade or recalled, forecasts and goals, the value of contracts signed at a
forum, trade without a figure."""

from __future__ import annotations

import pytest

from coopex.nlp.chinese import simplified
from tests.engines.event_checklists import amounts_measured, page_events

PLACES = {
    "黑龙江省": "CN-HL",
    "黑龍江省": "CN-HL",
    "黑龙江": "CN-HL",
    "黑龍江": "CN-HL",
    "吉林省": "CN-JL",
    "内蒙古自治区": "CN-NM",
    "內蒙古自治區": "CN-NM",
    "新疆维吾尔自治区": "CN-XJ",
    "新疆": "CN-XJ",
    "辽宁省": "CN-LN",
    "浙江省": "CN-ZJ",
    "伊尔库茨克州": "RU-IRK",
    "新西伯利亚州": "RU-NVS",
    "阿穆尔州": "RU-AMU",
    "滨海边疆区": "RU-PRI",
    "鞑靼斯坦共和国": "RU-TA",
    "俄罗斯": "RU",
    "俄羅斯": "RU",
    "俄": "RU",
    "中国": "CN",
    "中國": "CN",
    "哈萨克斯坦": "KZ",
    "哈薩克": "KZ",
    "蒙古国": "MN",
    "蒙古國": "MN",
    "土耳其": "TR",
}
ORGANIZATIONS = ("哈尔滨电气", "中国石油")
TRADE = "trade_figure"

TITLES = {
    "CN-HL": "黑龙江省扩大对外经贸合作",
    "CN-JL": "吉林省扩大对外经贸合作",
    "CN-NM": "内蒙古自治区扩大对外经贸合作",
    "CN-XJ": "新疆维吾尔自治区扩大对外经贸合作",
    "CN-LN": "辽宁省扩大对外经贸合作",
    "CN-ZJ": "浙江省扩大对外经贸合作",
    "RU-IRK": "伊尔库茨克州扩大对外经贸合作",
    "RU-NVS": "新西伯利亚州扩大对外经贸合作",
    "RU-AMU": "阿穆尔州扩大对外经贸合作",
    "RU-PRI": "滨海边疆区扩大对外经贸合作",
    "RU-TA": "鞑靼斯坦共和国扩大对外经贸合作",
}
# traditional-script pages
TITLES_HANT = {
    "CN-HL": "黑龍江省擴大對外經貿合作",
    "CN-NM": "內蒙古自治區擴大對外經貿合作",
}


def events(*paragraphs: str) -> list[tuple[str, str, str]]:
    found = page_events(
        paragraphs,
        PLACES,
        ORGANIZATIONS,
        "zh",
        amounts_measured,
        reading_form=simplified,
    )
    code = PLACES.get
    return [
        (e.type.value, code(e.initiator, e.initiator), code(e.counterpart, e.counterpart))
        for e in found
    ]


# (sentence, the home side, the trading partner): trade is symmetric, either may start it
TRADED = [
    # growth told in words
    ("去年黑龙江省对俄贸易额翻了一番。", "CN-HL", "RU"),
    ("今年前三季度，吉林省对俄罗斯进出口增长近两倍。", "CN-JL", "RU"),
    ("伊尔库茨克州与中国的贸易额创历史新高。", "RU-IRK", "CN"),
    ("新疆对哈萨克斯坦出口大幅增长。", "CN-XJ", "KZ"),
    ("阿穆尔州对中国的出口增长了一倍多。", "RU-AMU", "CN"),
    # rankings among the region's partners
    ("俄罗斯是黑龙江省第一大贸易伙伴。", "CN-HL", "RU"),
    ("中国是伊尔库茨克州最大的贸易伙伴。", "RU-IRK", "CN"),
    ("蒙古国已成为内蒙古自治区第二大贸易伙伴。", "CN-NM", "MN"),
    ("中国在新西伯利亚州对外贸易伙伴中排名第一。", "RU-NVS", "CN"),
    # shares
    ("对俄贸易占黑龙江省进出口总额的三分之一。", "CN-HL", "RU"),
    ("滨海边疆区近一半的出口产品销往中国。", "RU-PRI", "CN"),
    ("中国占鞑靼斯坦共和国外贸总额的20%左右。", "RU-TA", "CN"),
    # with digits
    ("今年1至5月，黑龙江省对俄进出口同比增长52.3%。", "CN-HL", "RU"),
    ("双方贸易额突破5亿美元，鞑靼斯坦共和国与土耳其的合作不断深化。", "RU-TA", "TR"),
    ("辽宁省与俄罗斯的双边贸易额达到38亿美元。", "CN-LN", "RU"),
    ("浙江省对俄出口额同比增长24.6%。", "CN-ZJ", "RU"),
    ("去年，新西伯利亚州与中国的贸易额为15亿美元。", "RU-NVS", "CN"),
    ("内蒙古自治区自蒙古国进口煤炭3000万吨，同比增长18%。", "CN-NM", "MN"),
    ("黑龙江省向俄罗斯出口大豆20万吨。", "CN-HL", "RU"),
    ("哈萨克斯坦已成为新疆最大的贸易伙伴。", "CN-XJ", "KZ"),
    ("新疆对哈萨克斯坦出口占全区出口总额的四成以上。", "CN-XJ", "KZ"),
    # traditional script
    ("去年黑龍江省對俄貿易額翻了一番。", "CN-HL", "RU"),
    ("俄羅斯是黑龍江省第一大貿易夥伴。", "CN-HL", "RU"),
    ("今年前8個月，黑龍江省對俄進出口同比增長31.5%。", "CN-HL", "RU"),
    ("對蒙古國貿易佔內蒙古自治區進出口總額的三分之一。", "CN-NM", "MN"),
]


@pytest.mark.parametrize(("sentence", "home", "partner"), TRADED)
def test_trade_told_with_a_figure_is_a_trade_figure(sentence: str, home: str, partner: str) -> None:
    titles = TITLES_HANT if any(c in sentence for c in "對貿進龍") else TITLES
    found = events(titles[home], sentence)
    assert any(t == TRADE and {i, c} == {home, partner} for t, i, c in found), found
    assert not any(t == "business_mission" for t, _, _ in found), found


NO_FIGURE = [
    # prices, exchange rates, a firm's sales
    "人民币对卢布汇率上涨2%。",
    "哈萨克斯坦小麦价格上涨了15%。",
    "哈尔滨电气在俄罗斯的销售额增长了20%。",
    "中国是俄罗斯最大的贸易伙伴。",
    # trade of a past decade or recalled as background
    "上世纪90年代，黑龙江省对俄贸易额曾达到10亿美元。",
    "在苏联时期，黑龙江省对苏联的边境贸易额一度翻了一番。",
    # forecasts and goals
    "预计今年黑龙江省对俄贸易额将突破300亿美元。",
    "双方商定，力争到2030年将双边贸易额提高到500亿美元。",
    "省长提出，要推动对俄贸易额翻一番。",
    # the value of contracts signed at a forum
    "博览会期间，黑龙江省企业与俄方签署合作协议32项，金额达15亿美元。",
    "论坛上共签约项目20个，签约总额超过100亿元。",
    # trade with no figure
    "双方表示将进一步扩大双边贸易规模。",
    "双方就扩大对俄贸易进行了深入探讨。",
]


@pytest.mark.parametrize("sentence", NO_FIGURE)
def test_no_current_trade_figure_gives_none(sentence: str) -> None:
    found = events(TITLES["CN-HL"], sentence)
    assert not any(t == TRADE for t, _, _ in found), found

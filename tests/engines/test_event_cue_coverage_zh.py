"""Coverage of the Chinese event wordings: a checklist written for this test of the usual ways
a provincial news site, a news agency or a commerce bureau words each event type when it writes
about cooperation with Russia, Belarus or Central Asia (the expected type must be among those
`trigger_types` finds), and sentences that name no event (none of the types they must not)."""

from __future__ import annotations

import pytest

from coopex.domain.news import EventType
from coopex.engines.news.cues import EventCues, trigger_types
from coopex.nlp.chinese import simplified
from coopex.reference.event_cues import shipped_event_cues
from tests.engines.event_types import INV, MONEY, PLAN, POLICY, SEARCH, SHOW, TALKS, TRADE, A, F, M

ALL = frozenset(EventType)

NAMED = [
    # business_mission
    ("黑龙江省经贸代表团赴俄罗斯新西伯利亚州开展经贸交流活动。", M),
    ("白俄罗斯明斯克州州长率政府代表团访问山东省。", M),
    ("哈萨克斯坦企业家一行到我市考察。", M),
    ("省商务厅副厅长带队赴莫斯科开展经贸对接活动。", M),
    ("乌兹别克斯坦客商莅临开发区参观调研。", M),
    ("鞑靼斯坦共和国总统抵达哈尔滨，开始对黑龙江省的正式访问。", M),
    ("市长前往吉尔吉斯斯坦比什凯克进行工作访问。", M),
    ("我省企业负责人走访了滨海边疆区多家企业。", M),
    ("俄罗斯客商到我省实地考察投资环境。", M),
    ("明斯克拖拉机厂负责人来我市参观访问。", M),
    # localization_invitation
    ("市长表示，欢迎俄罗斯企业来我市投资兴业。", INV),
    ("白俄罗斯方面邀请中国企业在中白工业园设厂。", INV),
    ("经济特区邀请乌兹别克斯坦企业入驻园区。", INV),
    ("州长表示，欢迎更多中国企业入驻工业园。", INV),
    ("州长表示，欢迎中国企业赴该州投资建厂。", INV),
    ("开发区将为落户的俄罗斯企业提供一站式服务。", INV),
    ("哈方希望中方将部分产能转移至哈萨克斯坦。", INV),
    ("该州向中国客商推介了重点招商项目。", INV),
    ("副省长介绍了我省的投资环境和优惠政策。", INV),
    # localization_plan
    ("该公司计划在白俄罗斯建设汽车组装厂。", PLAN),
    ("吉利汽车在白俄罗斯的工厂正式投产。", PLAN),
    ("首辆在乌兹别克斯坦组装的中国品牌汽车顺利下线。", PLAN),
    ("中国企业将在哈萨克斯坦设立拖拉机生产企业。", PLAN),
    ("双方将成立合资企业，生产农业机械。", PLAN),
    ("公司在俄罗斯开设了第二家工厂。", PLAN),
    ("该企业计划在明斯克实现本地化生产。", PLAN),
    ("中国企业在塔什干的家电生产线正式开工。", PLAN),
    ("该公司将在喀山建立生产基地。", PLAN),
    # partner_search
    ("俄罗斯企业希望在中国寻找合作伙伴。", SEARCH),
    ("白俄罗斯公司正在寻求中国经销商。", SEARCH),
    ("哈萨克斯坦企业有意与中国企业开展合作。", SEARCH),
    ("俄方企业正在物色中国供应商。", SEARCH),
    ("中方企业希望找到可靠的俄罗斯合作伙伴。", SEARCH),
    ("白俄罗斯企业寻求在华代理商。", SEARCH),
    ("乌兹别克斯坦企业寻求与中国企业合作。", SEARCH),
    ("俄罗斯木材加工企业希望寻找中国买家。", SEARCH),
    ("图拉州企业希望与江苏企业建立合作关系。", SEARCH),
    ("白俄罗斯农机企业愿与中国企业开展合作。", SEARCH),
    ("该公司期待与更多中国企业合作。", SEARCH),
    ("该厂寻求与白俄罗斯企业开展合作。", SEARCH),
    ("该州为中国投资者提供优惠政策和土地。", INV),
    # product_presentation
    ("20家俄罗斯企业携带食品参加展会。", SHOW),
    ("中国企业参加了莫斯科国际工业展。", SHOW),
    ("白俄罗斯展团在博览会上展示了农机产品。", SHOW),
    ("该公司在展位上展出了新款拖拉机。", SHOW),
    ("哈萨克斯坦馆集中展示了当地特色商品。", SHOW),
    ("俄罗斯企业参展第八届中俄博览会。", SHOW),
    ("企业在发布会上推介了新产品。", SHOW),
    ("中国车企在莫斯科车展上发布了新车型。", SHOW),
    ("俄罗斯企业在展会上举办了产品推介活动。", SHOW),
    ("湖南省在叶卡捷琳堡举办经贸合作推介会。", SHOW),
    ("白俄罗斯企业在成都举办专场推介活动，向采购商推介乳制品。", SHOW),
    ("哈萨克斯坦食品企业在展台上向中国客商展示了蜂蜜和面粉。", SHOW),
    ("明斯克汽车厂在发布会上发布了新款电动卡车产品。", SHOW),
    # a count of documents signed at the event told: each is signed, no statistic
    ("会上，双方企业签署了5项合作协议。", A),
    ("论坛期间，中俄企业签署了12个合作项目协议。", A),
    # a programme item that took place is told in the past: the signing happened
    ("博览会期间，举行了项目签约仪式，两地企业签署了合作协议。", A),
    ("开幕式后，双方举行了合作协议签署仪式。", A),
    ("推介会上，俄方企业展示了木材加工产品。", SHOW),
    # negotiation
    ("省长会见了俄罗斯驻华大使一行。", TALKS),
    ("双方举行会谈，就深化合作交换了意见。", TALKS),
    ("市委书记与白俄罗斯客人座谈。", TALKS),
    ("两国企业代表进行了洽谈。", TALKS),
    ("副省长与阿拉木图州州长举行视频会议。", TALKS),
    ("两国元首举行会晤。", TALKS),
    ("双方就合作事宜进行了磋商。", TALKS),
    ("双方就扩大农产品贸易交换了意见。", TALKS),
    ("市长接待了来访的俄罗斯客人。", TALKS),
    ("双方就进一步深化农业领域合作进行了深入交流。", TALKS),
    ("宾主双方就共建物流园区进行了探讨。", TALKS),
    # agreement
    ("双方签署了合作备忘录。", A),
    ("两市签订友好城市协议。", A),
    ("中白双方签署了关于共建工业园区的协议。", A),
    ("双方签订了价值5亿元的供货合同。", A),
    ("两省正式缔结友好省州关系。", A),
    ("双方达成合作意向。", A),
    ("两地结为友好城市。", A),
    ("双方草签了合作协议。", A),
    ("会后，双方举行了签字仪式。", A),
    # forum
    ("第七届中俄博览会在哈尔滨开幕。", F),
    ("中国—中亚合作论坛在西安举行。", F),
    ("中俄经贸合作洽谈会在哈尔滨举行。", F),
    ("两国企业对接会在莫斯科举行。", F),
    ("中哈经贸合作交流会在阿拉木图召开。", F),
    ("中国—亚欧博览会在乌鲁木齐开幕。", F),
    ("中俄地方合作圆桌会议在喀山召开。", F),
    ("中俄企业家峰会在哈尔滨举行。", F),
    ("中国—中亚经贸合作峰会在西安开幕。", F),
    ("中白企业家大会在明斯克举行。", F),
    # policy
    ("政府出台扶持政策，鼓励企业开拓俄罗斯市场。", POLICY),
    ("俄罗斯政府实施进口替代政策。", POLICY),
    ("两国实现检验检疫证书互认。", POLICY),
    ("白俄罗斯出台新的产业政策。", POLICY),
    ("乌兹别克斯坦宣布降低进口汽车关税。", POLICY),
    ("哈萨克斯坦为外国投资者提供税收优惠政策。", POLICY),
    ("中方对俄罗斯公民实行免签政策。", POLICY),
    ("乌兹别克斯坦宣布对外国投资者实行五年免税。", POLICY),
    ("俄罗斯政府决定减免中国农机的进口税。", POLICY),
    ("白俄罗斯出台吸引外资的新政策。", POLICY),
    ("哈萨克斯坦颁布了新的投资法规。", POLICY),
    # trade_figure
    ("今年前10个月，中俄贸易额达到1900亿美元。", TRADE),
    ("黑龙江省对俄进出口额同比增长12%。", TRADE),
    ("双边贸易同比增长20%。", TRADE),
    ("哈萨克斯坦对华出口增长15%。", TRADE),
    ("中白贸易总额突破50亿美元。", TRADE),
    ("今年上半年，我省对白俄罗斯出口同比增长30%。", TRADE),
    ("今年以来，我市对哈萨克斯坦进出口同比增长两成。", TRADE),
    ("中俄货物贸易额同比增长。", TRADE),
    ("今年前三季度，黑龙江省对俄外贸实现较快增长。", TRADE),
    ("中俄贸易规模持续扩大，去年达到2400亿美元。", TRADE),
    # investment
    ("该公司将投资5亿美元在哈萨克斯坦建设工厂。", MONEY),
    ("中方企业追加投资2亿元。", MONEY),
    ("项目投资额达10亿元。", MONEY),
    ("俄罗斯企业拟在我市投资建厂。", MONEY),
    ("中国企业向白俄罗斯项目注资3000万美元。", MONEY),
    ("中国企业计划在白俄罗斯投资建设物流中心。", MONEY),
    ("双方签署了投资协议。", MONEY),
    ("该项目总投资30亿元。", MONEY),
    ("该项目估计耗资120亿卢布。", MONEY),
    ("项目投资总额为10亿元。", MONEY),
    ("俄罗斯新西伯利亚州在沈阳举办投资推介会。", INV),
    ("该企业将投入2亿元用于技术改造。", MONEY),
    # ties wished for, suppliers needed, a market to open, goods of a place wanted, buyers found
    ("白俄罗斯企业希望与俄罗斯地区建立合作关系。", SEARCH),
    ("该厂需要金属材料供应商。", SEARCH),
    ("鞑靼斯坦企业计划开拓越南市场。", SEARCH),
    ("乌兹别克斯坦企业家对乌拉尔地区生产的机械设备很感兴趣。", SEARCH),
    ("该公司希望在亚洲找到产品买家。", SEARCH),
    ("该州向中国投资者提供配套基础设施的土地。", INV),
    ("鞑靼斯坦日活动在乌兹别克斯坦举行。", F),
    ("中俄政府间经贸合作委员会召开第十次会议。", TALKS),
    ("哈方表示愿意采购俄罗斯农业机械。", SEARCH),
    # capital contributed, a plant's construction cost
    ("工厂造价约为4000万欧元。", MONEY),
    ("该厂耗资2亿元建成。", MONEY),
    ("中方将出资建设汽车组装厂。", MONEY),
    ("中方将作为该项目的投资方。", MONEY),
    ("白俄罗斯公司收购了该厂的控股权。", MONEY),
    ("该集团收购了俄罗斯一家汽车零部件企业51%的股权。", MONEY),
    # partner_search: orders placed, suppliers to be, joint projects, purchases sought
    ("该汽车企业计划向当地零部件企业下订单。", SEARCH),
    ("当地企业有望成为白俄罗斯拖拉机厂的供应商。", SEARCH),
    ("该公司愿与中国同行开展联合项目。", SEARCH),
    ("白俄罗斯方面有意采购机械制造产品。", SEARCH),
    ("乌兹别克斯坦企业希望从该州进口农机。", SEARCH),
    # localization_invitation; policy; talks by phone
    ("州长建议中国企业到该州投资。", INV),
    ("该州愿为投资者提供必要的基础设施。", INV),
    ("政府调整了本地化评分办法。", POLICY),
    ("禁止采购外国机床的命令已生效。", POLICY),
    ("对制造商的部分运输费用给予补贴。", POLICY),
    ("政府扩大了采购限制的商品清单。", POLICY),
    ("州长与该省省长通了电话。", TALKS),
    # money spent on a plant, a share bought into, capital put up together, financing given
    ("公司将斥资2亿美元建厂。", MONEY),
    ("中方企业投资入股俄罗斯工厂。", MONEY),
    ("双方将共同出资成立合资公司。", MONEY),
    ("中方将为该项目提供融资。", MONEY),
]

# Sentences that name no cooperation event, with the types each must not be read as.
NO_EVENT = [
    ("居民投资理财需要谨慎。", ALL),
    ("学生对历史很感兴趣。", ALL),
    ("国庆日活动丰富多彩。", ALL),
    ("哈尔滨今天最高气温零下20度。", ALL),
    ("中国队在比赛中以3比1战胜俄罗斯队。", ALL),
    ("莫斯科大剧院芭蕾舞团在北京演出。", ALL),
    ("中俄两国是好邻居、好朋友、好伙伴。", ALL),
    ("俄罗斯是世界上面积最大的国家。", ALL),
    ("专家认为，两国关系正处于历史最好时期。", ALL),
    ("哈萨克斯坦拥有丰富的石油资源。", ALL),
    ("该市有着悠久的历史和灿烂的文化。", ALL),
    ("明天将有大雪，请市民注意出行安全。", ALL),
    ("白俄罗斯留学生参加了中国春节联欢活动。", ALL),
    ("俄罗斯游客在黑河品尝中国美食。", ALL),
    ("这部电影讲述了一个中俄友谊的故事。", ALL),
    ("他在莫斯科大学学习了四年。", ALL),
    ("撒马尔罕是丝绸之路上的古城。", ALL),
    ("本届冬奥会共有90多个国家和地区的运动员参赛。", ALL),
    ("博物馆展出了丝绸之路沿线的古代文物。", {SHOW}),
    ("记者来到中俄边境的小城黑河。", {M}),
    ("普京总统签署命令，任命新的州长。", {A}),
    ("该市冬季旅游接待游客超过百万人次。", {TALKS}),
    ("中国是哈萨克斯坦前五大直接投资来源国之一。", {MONEY}),
    ("网站栏目：新闻 | 车展 | 专题 | 商用车", {SHOW}),
    # transport arriving is no delegation; a row of footprints no party; a state visit or a
    # summit of heads of state no business mission or forum (the gold annotates none such)
    ("首趟中欧班列抵达明斯克。", {M}),
    ("满载汽车配件的货运列车今天抵达莫斯科。", {M}),
    ("黑龙江省在俄罗斯留下一行深深的足迹。", {M}),
    ("国家主席将对哈萨克斯坦进行国事访问。", {M}),
    ("中国—中亚峰会在西安举行。", {F}),
    ("上海合作组织峰会在阿斯塔纳开幕。", {F}),
    ("免税店里挤满了俄罗斯游客。", {POLICY}),
    # delegations attending the meeting are the forum's (the annotation guideline)
    ("哈萨克斯坦、乌兹别克斯坦等国代表团应邀参会。", {M}),
    ("俄罗斯企业家代表团与会并参加了项目对接。", {M}),
    # a place willing to cooperate is no firm seeking partners
    ("他表示，江苏愿与俄罗斯加强各领域合作。", {SEARCH}),
    # a consensus reached is no talks told; "localized" said of something is no invitation
    ("双方就加强文化交流达成共识。", {TALKS}),
    ("该产业集群将在当地形成一个高度本地化的产业基地。", {INV, PLAN}),
    ("当地政府将会采用减免税等办法保障投资企业的利益。", {POLICY}),
    ("学校给予贫困学生补助。", {POLICY}),
    # money put into use is no investment; nor is a sum that is not put into anything
    ("新生产线已正式投入使用。", {MONEY}),
    ("该企业投入3名工程师参与调试。", {MONEY}),
    ("两个孩子成为了好朋友。", {SEARCH}),
    ("他希望从图书馆借一本书。", {SEARCH}),
    # a coming event's programme: its items are no signing or presentation held
    ("博览会期间，将举办产品推介会、举行项目签约等仪式。", {A, SHOW}),
    ("论坛期间还将举办系列推介活动。", {SHOW}),
    ("活动框架下，将举行合作协议签署仪式、企业对接会等活动。", {A}),
    # a tally of documents signed with a class of places over the years
    ("该市与俄罗斯城市签署了20多个合作协议。", {A}),
    ("州政府已同中国各省签订了十余份合作备忘录。", {A}),
    # an investment presentation held in a city abroad is no plant of the presenter's there
    ("俄罗斯新西伯利亚州在沈阳举办投资推介会。", {PLAN}),
    # presenting the investment climate invites, it shows no product
    ("州长在北京举办投资推介会。", {SHOW}),
    # attending the presentation the page has told: no presentation of its own
    ("两国企业界代表参加了本次推介会。", {SHOW}),
]


# The same wordings in traditional script, read in simplified script as the pipeline reads them.
TRADITIONAL = [
    ("吉林省在莫斯科舉辦產品推介會。", SHOW),
    ("該公司在展會上展出了新款聯合收割機。", SHOW),
    ("白俄羅斯企業在推介活動上推介了農機產品。", SHOW),
    ("洽談會上，兩地企業簽署了8項合作協議。", A),
    ("論壇期間，舉行了經貿合作項目簽約儀式，共簽署協議10份。", A),
]

TRADITIONAL_NO_EVENT = [
    ("座談會期間，將舉辦成果展、經貿推介會，舉行企業項目簽約等儀式。", {A, SHOW}),
    ("該市與中國城市簽署了16個合作協議。", {A}),
    ("博覽會期間還將舉辦系列推介活動和簽約儀式。", {A, SHOW}),
]


@pytest.fixture(scope="module")
def zh() -> EventCues:
    return shipped_event_cues().of("zh")


@pytest.mark.parametrize(("sentence", "expected"), NAMED)
def test_the_wording_names_its_type(zh: EventCues, sentence: str, expected: EventType) -> None:
    assert expected in {kind for kind, _, _ in trigger_types(sentence, zh)}


@pytest.mark.parametrize(("sentence", "wrong"), NO_EVENT)
def test_no_event_is_read(zh: EventCues, sentence: str, wrong: frozenset[EventType]) -> None:
    assert not {kind for kind, _, _ in trigger_types(sentence, zh)} & set(wrong)


@pytest.mark.parametrize(("sentence", "expected"), TRADITIONAL)
def test_the_traditional_wording_names_its_type(
    zh: EventCues, sentence: str, expected: EventType
) -> None:
    assert expected in {kind for kind, _, _ in trigger_types(simplified(sentence), zh)}


@pytest.mark.parametrize(("sentence", "wrong"), TRADITIONAL_NO_EVENT)
def test_no_event_is_read_in_traditional_script(
    zh: EventCues, sentence: str, wrong: frozenset[EventType]
) -> None:
    assert not {kind for kind, _, _ in trigger_types(simplified(sentence), zh)} & set(wrong)

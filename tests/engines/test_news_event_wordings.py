"""The usual ways news words each event type, in sentences written for these tests: the
wordings of `data/reference/event_cues.csv` name the type (and do not name a wrong one)."""

from __future__ import annotations

import pytest

from coopex.domain.news import EventType
from coopex.engines.news.cues import EventCues, trigger_types
from coopex.reference.event_cues import shipped_event_cues
from tests.engines.event_types import INV, MONEY, PLAN, SEARCH, SHOW, TALKS, TRADE, A, F, M

NAMED = [
    ("ru", "Концерн освоит производство комплектующих на площадке в регионе.", PLAN),
    ("ru", "В области введен в эксплуатацию завод иностранной компании.", PLAN),
    ("ru", "На заводе стартовало производство кроссоверов.", PLAN),
    ("ru", "Компания локализует выпуск двигателей в России.", PLAN),
    ("ru", "Регион готов предоставить инвестору все необходимые меры поддержки.", INV),
    ("ru", "Компания готова открыть завод в регионе.", PLAN),
    ("ru", "Компания предложила наладить выпуск автобусов на заводе в регионе.", PLAN),
    ("ru", "Губернатор предложил компании разместить производство в регионе.", INV),
    ("ru", "Турецкий концерн рассматривает возможность размещения производства в регионе.", PLAN),
    ("ru", "Компания изучает возможность локализации производства в области.", PLAN),
    ("ru", "Область предоставит компании возможность разместить производство в парке.", INV),
    # agreements: every aspect, tense and voice
    ("ru", "Стороны утвердили дорожную карту сотрудничества на три года.", A),
    ("ru", "Стороны достигли договоренности о расширении поставок.", A),
    ("ru", "Стороны условились о создании рабочей группы.", A),
    ("ru", "Область установила побратимские отношения с провинцией.", A),
    ("ru", "Глава региона и посол обменялись мнениями о развитии сотрудничества.", TALKS),
    ("ru", "Губернатор провел беседу с послом.", TALKS),
    ("ru", "Губернатор пообщался с генеральным консулом.", TALKS),
    ("ru", "Губернатор провел телефонный разговор с губернатором провинции.", TALKS),
    ("ru", "По итогам встречи стороны подписали план мероприятий.", A),
    ("ru", "Было подписано соглашение о торгово-экономическом сотрудничестве.", A),
    ("ru", "Состоялось подписание меморандума о взаимопонимании.", A),
    ("en", "The company entered into an agreement with the regional government.", A),
    ("en", "The two sides struck a deal on bus supplies.", A),
    ("en", "The region and the company inked a memorandum on machinery.", A),
    ("en", "Agreements were reached on joint projects.", A),
    ("en", "The sides agreed to set up a working group.", A),
    ("zh", "双方缔结友好省州关系。", A),
    ("zh", "两地正式结为友好城市。", A),
    ("zh", "两国部长交换了合作文件。", A),
    # presenting a zone or park for investors invites localization
    (
        "en",
        "The region presented to its colleagues the possibilities of a special economic zone.",
        INV,
    ),
    # documents exchanged, sister cities, production localized, investment invited
    ("en", "The sides exchanged memoranda of cooperation.", A),
    ("en", "Minsk and Shandong became sister cities.", A),
    ("en", "The two cities established twin-city relations.", A),
    ("en", "Production of buses will be localized at the plant.", PLAN),
    ("en", "The governor invited Chinese companies to invest in the region.", INV),
    ("en", "The mayor will create good conditions for Korean firms to invest in the city.", INV),
    ("en", "A meeting took place last week between the consul and the mayor of Kazan.", TALKS),
    ("en", "Firms met at the third session of the Uzbek-Turkish Business Council.", F),
    ("en", "The minister held an interaction with the chamber of commerce in Pune.", TALKS),
    ("en", "Turkish investors plan to channel 20 billion roubles into the farms.", MONEY),
    ("en", "The joint projects of Omsk and Pavlodar were discussed in Omsk on Monday.", TALKS),
    # a party ready for cooperation offers itself as a partner
    ("en", "Kazakhstan is ready for large-scale cooperation in this area.", SEARCH),
    # a wish for co-operation with the other side's firms; the British spelling too
    ("en", "Plants of the oblast hope to boost co-operation with Mongolian producers.", SEARCH),
    ("en", "The province is interested in co-operation with the republic.", SEARCH),
    # trade in the words of translations from Russian ("товарооборот")
    (
        "en",
        "The commodity circulation between Belarus and China summed up to 430 million dollars.",
        TRADE,
    ),
    ("en", "Mutual turnover grew by a third.", TRADE),
    # missions
    ("ru", "Губернатор возглавил делегацию региона в поездке по Китаю.", M),
    ("ru", "Китайская делегация ознакомилась с производством завода.", M),
    ("ru", "Торговая миссия региона работает в Ташкенте.", M),
    ("en", "The Chinese delegation toured the plant.", M),
    ("en", "The governor paid a visit to the province.", M),
    # forums
    ("ru", "Для предпринимателей двух стран организованы B2B-встречи.", F),
    ("ru", "В Уфе прошел семинар для экспортеров.", F),
    ("ru", "В Челябинске прошла биржа промышленной кооперации.", F),
    ("en", "A roundtable on localization took place in Kazan.", F),
    ("en", "The region held a seminar for exporters.", F),
    ("zh", "中俄交易会在哈尔滨开幕。", F),
    # invitations to localize
    ("ru", "Область предлагает инвесторам площадки особой экономической зоны.", INV),
    ("ru", "Губернатор презентовал инвестиционный потенциал региона.", INV),
    ("ru", "Регион приглашает иностранных инвесторов.", INV),
    ("en", "The governor invited investors to the region's industrial park.", INV),
    ("en", "The region is ready to host the production of foreign companies.", INV),
    ("zh", "诚邀中国企业赴俄投资。", INV),
    ("zh", "希望中国企业在能源等行业对该国进行投资。", INV),
    ("zh", "鼓励更多的中方企业赴该州投资兴业。", INV),
    ("zh", "俄罗斯驻华大使馆举行图拉州投资潜力推介会。", INV),
    ("zh", "代表团拜会了黑龙江省省长。", TALKS),
    # a place that offers incentives for production invites it
    ("zh", "该州将为中国企业在当地设厂提供便利。", INV),
    # presenting the region's investment climate to guests invites
    ("zh", "州长向客人介绍了本州的投资环境和优惠政策。", INV),
    ("ru", "Область предоставит льготы компании, которая разместит производство в регионе.", INV),
    ("en", "The region will provide incentives to companies that set up production there.", INV),
    # plans
    ("ru", "Компания откроет в регионе сборочное производство.", PLAN),
    ("ru", "Компания разместит производство в индустриальном парке.", PLAN),
    ("ru", "Завод будет построен к 2030 году.", PLAN),
    ("ru", "Компания займется производством тракторов в области.", PLAN),
    ("ru", "Компания планирует выпускать автокраны в области.", PLAN),
    ("en", "A new plant will be built in the region.", PLAN),
    ("en", "Production of the buses will start next year.", PLAN),
    ("en", "The company opened a plant in the region.", PLAN),
    ("en", "The group will establish a manufacturing base in the region.", PLAN),
    ("zh", "公司将在当地建厂。", PLAN),
    # a plant completed or opened is its plan
    ("zh", "该公司在哈萨克斯坦的组装厂已经竣工。", PLAN),
    ("zh", "企业去年在塔什干开设了一家工厂。", PLAN),
    # partner searches
    ("ru", "Предприятие ищет дистрибьюторов в Казахстане.", SEARCH),
    ("ru", "Компания рассчитывает найти партнеров в Китае.", SEARCH),
    ("en", "The company is seeking suppliers of components.", SEARCH),
    ("en", "The plant hopes to find partners abroad.", SEARCH),
    ("zh", "公司正在物色合作伙伴。", SEARCH),
    ("zh", "这家白俄罗斯企业有意与中国农机企业开展合作。", SEARCH),
    ("zh", "公司希望在中国找到可靠的合作伙伴。", SEARCH),
    # product presentations
    ("ru", "На стенде области были представлены образцы продукции.", SHOW),
    ("ru", "Компания показала новые модели тракторов.", SHOW),
    ("en", "The company unveiled its new tractor.", SHOW),
    ("zh", "公司举办了产品推介会。", SHOW),
    ("zh", "多家俄罗斯企业携最新产品亮相本届展会。", SHOW),
    # talks
    ("ru", "Состоялась встреча губернатора с послом.", TALKS),
    ("ru", "Губернатор принял посла Вьетнама.", TALKS),
    ("en", "The governor met the ambassador.", TALKS),
    ("en", "The governor received the ambassador.", TALKS),
    ("en", "The sides discussed cooperation in machine building.", TALKS),
    ("zh", "省长接见了代表团。", TALKS),
    # trade figures and investments
    ("ru", "Торговля между регионами выросла на 10% и составила 300 млн долларов.", TRADE),
    ("ru", "Поставки продукции в Китай выросли вдвое, до 40 млн долларов.", TRADE),
    ("ru", "Область нарастила экспорт в Беларусь на 20%.", TRADE),
    ("en", "The volume of trade rose to 1 billion dollars.", TRADE),
    ("zh", "贸易往来达10亿美元。", TRADE),
    ("ru", "Инвестор вложил в производство 500 млн рублей.", MONEY),
    ("ru", "Компания направит более 2 млрд рублей на модернизацию производства.", MONEY),
    ("ru", "Стоимость проекта оценивается в 3 млрд рублей.", MONEY),
    ("ru", "Компания построит завод стоимостью 2 млрд рублей.", MONEY),
    # nominalisations, participles and other registers
    ("ru", "Стороны парафировали соглашение.", A),
    ("en", "The agreement, signed on Monday, provides for joint research.", A),
    ("zh", "双方签下合作大单。", A),
    ("zh", "双方达成了多项合作意向。", A),
    ("en", "Entrepreneurs from the region traveled to China.", M),
    ("ru", "Делегация предпринимателей отправится в Индию.", M),
    ("zh", "州长一行抵达哈尔滨。", M),
    ("ru", "В Екатеринбурге проходит международная выставка.", SHOW),
    ("en", "The company presented its new tractors at the show.", SHOW),
    ("ru", "Компания открыла завод в Калужской области.", PLAN),
    ("en", "Haval opens engine plant in the region", PLAN),
    ("ru", "Производство будет локализовано в регионе.", PLAN),
    ("ru", "Китайская компания разместит сборку в особой экономической зоне.", PLAN),
    ("ru", "Регион готов предложить инвесторам площадки.", INV),
    ("ru", "Состоялась рабочая встреча губернатора и директора компании.", TALKS),
    ("en", "Talks were held between the governor and the ambassador.", TALKS),
    ("zh", "省长与州长会面。", TALKS),
    ("zh", "对俄出口增长20%。", TRADE),
    ("zh", "前三季度该省对蒙贸易增长15%。", TRADE),
    ("zh", "今年对白外贸增长一成。", TRADE),
    ("ru", "Предприятия региона представили свои разработки.", SHOW),
    ("ru", "Ключевые договоренности закреплены в соглашении.", A),
    ("en", "The company signed a letter of intent with the region.", A),
    ("ru", "Между правительством области и компанией подписан инвестиционный договор.", MONEY),
    ("ru", "Область и производитель станков заключили инвестиционный меморандум.", MONEY),
    ("zh", "双方签署了投资协议，总金额5亿美元。", MONEY),
    ("ru", "Китай занимает первое место во внешней торговле области.", TRADE),
    ("en", "China is the region's largest trading partner, with turnover of $2 billion.", TRADE),
    ("en", "The company poured $30 million into the factory.", MONEY),
    # partners ready to fund a plant: their plan, not an invitation
    ("ru", "Партнеры готовы участвовать в финансировании строительства завода в Липецке.", PLAN),
    # production talked about at talks is an invitation (the annotation guideline) …
    (
        "ru",
        "На переговорах уточнялись проекты создания мебельного производства в области.",
        INV,
    ),
    # … unless the firm plans it itself
    ("ru", "На переговорах компания сообщила, что откроет завод в области.", PLAN),
    # presenting the region's investment projects invites, whoever "intends" in the sentence
    (
        "ru",
        "В ходе презентации инвестиционных проектов области губернатор заявил, что власти "
        "намерены развивать сотрудничество с немецкими компаниями.",
        INV,
    ),
    ("ru", "Правительство области представило послу Италии инвестиционный потенциал региона.", INV),
    ("ru", "Проект компаний направлен на производство системных блоков компьютеров.", PLAN),
    ("ru", "Компания реализует проект по производству комбайнов в регионе.", PLAN),
    ("ru", "Стороны подписали соглашение о строительстве завода.", A),
    ("ru", "Компания заинтересована в сотрудничестве с российскими партнерами.", SEARCH),
    ("ru", "Губернатор находится в командировке в Китае.", M),
    ("ru", "Губернатор провел видеоконференцию с губернатором провинции.", TALKS),
    ("ru", "Китайская компания открыла в регионе завод по производству автомобилей.", PLAN),
    # a programme adopted is a policy
    ("ru", "Регионы утвердили совместную программу импортозамещения.", EventType.POLICY),
    # visits in the future, by air, by a visit paid (news register)
    ("ru", "Губернатор побывает в Китае в конце месяца.", M),
    ("ru", "Делегация предпринимателей прилетела в Ташкент.", M),
    ("ru", "Глава республики приехал в Минск на два дня.", M),
    ("ru", "Министр нанес рабочий визит в провинцию.", M),
    # invitations to a park or zone, to invest, to open production; the investment climate told
    ("ru", "Губернатор пригласил компанию стать резидентом технопарка.", INV),
    ("ru", "Министр пригласил турецких предпринимателей в индустриальный парк области.", INV),
    ("ru", "Губернатор пригласил китайский бизнес к реализации инвестиционных проектов.", INV),
    ("ru", "Глава региона призвал иностранные компании открывать производства в области.", INV),
    ("ru", "Гостей ознакомили с инвестиционным потенциалом республики.", INV),
    ("ru", "Мы готовы предложить инвесторам свободные площадки.", INV),
    # a region seeking investors, or promising support to their projects, invites them
    ("ru", "Губернатор ищет в Японии новых инвесторов для региона.", INV),
    ("ru", "Министр пообещал поддержать проекты иностранных компаний.", INV),
    ("ru", "Мы ждем новых совместных проектов и окажем полную поддержку в их реализации.", INV),
    # plans in the passive, with the place between the verb and the production, residents
    ("ru", "В технопарке будет размещено производство японской компании.", PLAN),
    ("ru", "Компания намерена разместить на территории области производство кабеля.", PLAN),
    ("ru", "Новое производство разместится в индустриальном парке.", PLAN),
    ("ru", "Выпуск насосов будет перенесен из Италии в регион.", PLAN),
    ("ru", "Турецкая компания стала резидентом особой экономической зоны.", PLAN),
    ("ru", "Компания получила статус резидента технопарка.", PLAN),
    # subcontracting and cooperation exchanges are forums
    ("ru", "В Ижевске прошла межрегиональная биржа субконтрактов.", F),
    ("ru", "Предприятия области приняли участие в кооперационной бирже.", F),
    ("ru", "Соглашение подписано в ходе визита вьетнамской делегации в регион.", M),
    # business invited into the region, a region open to investors or wanting them in
    ("ru", "Мы приглашаем итальянский бизнес в нашу область.", INV),
    ("ru", "Республика открыта для зарубежных инвесторов.", INV),
    ("ru", "Область заинтересована в привлечении индийских инвестиций.", INV),
    ("ru", "Мы заинтересованы в приходе в край корейских компаний.", INV),
    # interest in suppliers or partners is a partner search
    ("ru", "Белорусские заводы заинтересованы в поставщиках комплектующих.", SEARCH),
    # becoming sister cities is an agreement
    ("ru", "Города стали побратимами в прошлом месяце.", A),
    # interest in cooperation or joint projects expressed is a partner search
    ("en", "Several machine builders expressed their interest in joint ventures.", SEARCH),
    ("en", "The visiting firms are interested in joint projects in medicine.", SEARCH),
    ("en", "The region invited foreign partners to join the new campus project.", SEARCH),
    # a roadmap or an action plan drawn up for cooperation is policy
    ("en", "The ministry will draw up a roadmap of projects with partners.", EventType.POLICY),
    ("en", "The sides approved a cooperation plan for the machine industry.", EventType.POLICY),
    ("en", "They reviewed the action plan for industrial cooperation.", EventType.POLICY),
    # English variants of voice and tense
    ("en", "Two memoranda were inked by the chambers of commerce on Friday.", A),
    ("en", "The deal has been sealed between the bus maker and the province.", A),
    ("en", "The vice governor will visit Shenyang at the end of the month.", M),
    ("en", "The trade minister arrived in Almaty on Tuesday.", M),
    ("en", "A group of Hubei industrialists came to Minsk for three days.", M),
    ("en", "The deputy minister conferred with the board of the carmaker.", TALKS),
    ("en", "Joint projects were the subject of a meeting between the mayor and the consul.", TALKS),
    ("en", "The governor urged the machine builders to open a plant in the oblast.", INV),
    ("en", "The mayor called on the visiting firms to invest in the new industrial zone.", INV),
    ("en", "The president encouraged the carmaker to localize its engines.", INV),
    ("en", "The governor suggested that the bus makers open a factory in the region.", INV),
    ("en", "The city offered the investor land plots for a tyre factory.", INV),
    ("en", "A factory for the assembly of electric buses will be built near the city.", PLAN),
    ("en", "The tractor plant was put into operation in March.", PLAN),
    ("en", "The oblast is seeking investors for a glass factory.", SEARCH),
    ("en", "The delegates showed keen interest in supplies of grain.", SEARCH),
    ("en", "The firm demonstrated its newest trucks and buses to the guests.", SHOW),
    ("en", "The province presented its export potential to the buyers.", SHOW),
    ("en", "The city presented the capabilities of its river port to the visitors.", SHOW),
    ("en", "Last year exports to the country stood at $40 million.", TRADE),
    ("en", "Bilateral trade stood at $900 million in 2023.", TRADE),
    ("en", "The mayor and the consul exchanged views on joint projects in textiles.", TALKS),
    ("en", "The minister held a video conference with the head of the bus maker.", TALKS),
    ("en", "An online meeting took place with the board of the tyre company.", TALKS),
    ("en", "The oblast will allocate land for the carmaker's assembly plant.", INV),
    ("en", "The province staged an investment promotion event in Almaty.", INV),
    ("en", "Several Kyrgyz textile makers are looking to enter the Turkish market.", SEARCH),
    (
        "en",
        "The two cabinets approved a programme of cooperation in machine building.",
        EventType.POLICY,
    ),
    ("en", "The Kazakh-Chinese business forum was held via video conference.", F),
    # headline tense: present for the past
    ("en", "Minsk, Hubei discuss cooperation in machine tools", TALKS),
    ("en", "Mayor meets visiting carmakers' executives", TALKS),
    ("en", "Uzbek trade minister visits Harbin", M),
    ("en", "The results of the minister's trip to the country were reviewed.", M),
    ("en", "The carmaker will start assembling crossovers in the autumn.", PLAN),
    ("en", "Kyrgyz-Turkish trade up 12% to $500 million", TRADE),
    ("en", "Belarus-Vietnam trade hits $200 million", TRADE),
    # Russian stems with a fleeting vowel: the genitive plural ("поставок", "выставок",
    # "площадок", "поездок", "ярмарок", "новинок") is their own form
    ("ru", "Объем поставок в Белоруссию достиг 100 млн долларов.", TRADE),
    ("ru", "Предприятия области стали участниками ряда международных выставок.", SHOW),
    ("ru", "Губернатор предложил инвесторам пять площадок для размещения.", INV),
    ("ru", "Итоги рабочих поездок губернатора в Китай подвели в правительстве.", M),
    ("ru", "В регионе прошла серия ярмарок совместных проектов.", F),
    ("ru", "Завод показал несколько новинок сельхозтехники.", SHOW),
    # a visit by its noun ("посещение", "приезд") and to a place written with its kind
    # ("в провинцию Хэйлунцзян", "в республику Беларусь")
    ("ru", "В ходе посещения Китая губернатор осмотрел заводы.", M),
    ("ru", "Губернатор находится с визитом в провинции Хэйлунцзян.", M),
    ("ru", "Глава региона отправился с визитом в республику Беларусь.", M),
    ("ru", "Приезд узбекских предпринимателей в Пермь намечен на май.", M),
    # a plant raised, production set up in the passive
    ("ru", "Китайский концерн возведет в области завод по выпуску шин.", PLAN),
    ("ru", "Производство автомобилей будет налажено на заводе в Калуге.", PLAN),
    ("ru", "Выпуск комбайнов был организован на площадке в Брянске.", PLAN),
    # the sum or size of an investment
    ("ru", "Размер инвестиций оценивается в 5 млрд рублей.", MONEY),
    ("ru", "Общий объем капиталовложений составит 10 млрд рублей.", MONEY),
    ("ru", "Сумма вложений в завод составит 40 млн евро.", MONEY),
    # interest shown in cooperation seeks partners (as "interested in cooperation" does)
    ("ru", "Китайская сторона проявила интерес к сотрудничеству с предприятиями региона.", SEARCH),
    ("ru", "Компания выразила заинтересованность в партнерстве с уральскими заводами.", SEARCH),
    # consultations held are talks; a cooperation programme agreed on is an agreement
    ("ru", "Стороны провели консультации по вопросам промышленной кооперации.", TALKS),
    ("ru", "Стороны согласовали программу экономического сотрудничества до 2030 года.", A),
    ("ru", "Правительства одобрили программу межрегионального сотрудничества.", A),
]

NOT_NAMED = [
    # a visit or a forum somebody is only invited to did not happen (`invited_only`)
    ("ru", "Губернатор пригласил делегацию провинции Хэйлунцзян посетить регион.", M),
    ("ru", "Губернатор пригласил китайских предпринимателей на инвестиционный форум.", F),
    ("ru", "Министр призвал компании принять участие в экономическом форуме в Харбине.", F),
    ("zh", "省长邀请俄罗斯代表团出席中俄博览会。", F),
    ("zh", "省长邀请俄罗斯代表团出席中俄博览会。", M),
    # tourists visiting a country are no mission; a plant's exhibition hall is no exhibition
    ("en", "The number of Chinese tourists visiting Kazan is growing.", M),
    ("en", "The site has a workshop, a warehouse and an exhibition hall.", SHOW),
    # a summit of heads of state is no forum (the dev gold annotates none)
    ("en", "Addressing the 1st Central Asia-China Summit, the president spoke.", F),
    # a power plant is infrastructure, not production to localize
    ("en", "We signed an agreement on the construction of a coal power plant in the town.", PLAN),
    # a press conference, hyphenated or not, is no forum
    ("en", "The governor said so at the July 15 press-conference.", F),
    # talks are not a partner search; a forum of talks is not talks
    ("en", "The sides discussed prospects for cooperation.", SEARCH),
    ("zh", "举行了经贸洽谈会。", TALKS),
    # wishing for closer cooperation seeks nobody; a power plant is no production plan
    ("zh", "双方表示有意进一步加强合作。", SEARCH),
    ("zh", "该州的火力发电厂建成发电。", PLAN),
    # coming to invest is an invitation, not a visit
    ("zh", "省长邀请俄罗斯企业来华投资建厂。", M),
    # presenting the region's investment potential is no product presentation
    ("ru", "Губернатор презентовал инвестиционный потенциал региона.", SHOW),
    # "met in Moscow": a body met, nobody met with somebody; passive "discussed" is no talks
    ("en", "The intergovernmental commission met in Moscow.", TALKS),
    ("en", "Other matters were discussed today.", TALKS),
    # agreeing on wider trade names no trade figure
    ("zh", "双方就扩大贸易达成共识。", TRADE),
    # a special investment contract is an agreement (the annotation guideline)
    ("ru", "Компания заключила специальный инвестиционный контракт.", MONEY),
    # a forum as a platform to make use of, or one only thought of, is no forum held
    ("zh", "希望双方利用好博览会等开放平台，开展务实合作。", F),
    ("zh", "我们正考虑在本州举办一场国际商务论坛。", F),
    # a mechanism of regular meetings is no meeting held
    ("zh", "双方将进一步完善省州长定期会晤机制。", TALKS),
    # presenting a region's investment potential invites; it is no forum
    ("zh", "俄罗斯驻华大使馆举行图拉州投资潜力推介会。", F),
    # "during the visit" dates another fact: the visit is told elsewhere, if at all
    ("zh", "在白俄罗斯总统访华期间，双方签署了合资项目协议。", M),
    # a consensus of leaders is no agreement signed
    ("zh", "两国元首就构建命运共同体达成重要共识。", A),
    # visiting at somebody's invitation invites nobody to localize
    ("zh", "总统应邀访华期间，吉利与白俄罗斯签署合资建设汽车组装项目协议。", INV),
    # signing an order or a law is no agreement
    ("zh", "州长签署了命令。", A),
    ("ru", "Губернатор подписал указ о назначении министра.", A),
    # a region's investment opportunities presented invite; they are no product presentation
    ("en", "The oblast presented the possibilities of its special economic zone.", SHOW),
    # a forum held by video is still a forum; an investment promotion agency invites nobody;
    # tourists' trips are no mission; encouraging results invite nobody
    ("en", "The Kazakh-Chinese business forum was held via video conference.", TALKS),
    ("en", "Its investment promotion agency reported higher sales.", INV),
    ("en", "Tourist trips to the region doubled last year.", M),
    ("en", "Despite encouraging sales, the firm will open a plant in the region.", INV),
    # an honour conferred is no talks
    ("en", "The investor was conferred with the Order of Friendship.", TALKS),
    # goods and trains arriving are no visit
    ("en", "The first batch of Chinese buses arrived in Tashkent on Friday.", M),
    ("en", "A container train from Xi'an arrived in Minsk.", M),
    # a price that came to a figure is no visit
    ("en", "The price came to $3 per kilogram.", M),
    # a video conference between two is talks, not a forum
    ("en", "The minister held a video conference with the head of the bus maker.", F),
    # a business meeting is a forum (its talks are the forum's)
    ("en", "A business meeting between local and visiting firms opened on Monday.", TALKS),
    # what is only to be discussed at a forum, and requirements met, are no talks
    ("en", "The expo is a platform to discuss cooperation in logistics.", TALKS),
    ("en", "The new tractor meets the requirements of the customs union.", TALKS),
    ("en", "Last year the plant met all its export targets.", TALKS),
    # a body holding its session is not talks
    ("en", "The working group held a meeting on Monday.", TALKS),
    # representatives and indicators are not presentations
    ("ru", "Представители предприятий обсудили показатели выпуска продукции.", SHOW),
    ("ru", "Партнеры готовы участвовать в финансировании строительства завода в Липецке.", INV),
    (
        "ru",
        "На переговорах уточнялись проекты создания мебельного производства в области.",
        PLAN,
    ),
    (
        "ru",
        "В ходе презентации инвестиционных проектов области губернатор заявил, что власти "
        "намерены развивать сотрудничество с немецкими компаниями.",
        PLAN,
    ),
    # support for exporters is no invitation; a region seeking investors searches no partner
    ("ru", "Область окажет поддержку экспортерам.", INV),
    ("ru", "Губернатор ищет в Японии новых инвесторов для региона.", SEARCH),
    # orders placed with a plant are no production placed
    ("ru", "Компания разместила заказы на производство деталей в Китае.", PLAN),
    ("ru", "Компания разместила заказы на производство деталей в Китае.", INV),
    # a forum somebody is invited to attend is no forum held
    ("ru", "Губернатор пригласил партнеров принять участие в ярмарке в сентябре.", F),
    ("ru", "Посол пригласил предприятия области к участию в выставке.", F),
    # documents totalled by a sum are a statistic, not an agreement
    ("ru", "Регионы двух стран на форуме подписали документы на $3,5 миллиарда.", A),
    ("ru", "На форуме было подписано соглашений на 768 млрд рублей.", A),
    # a programme of one's own is no cooperation agreed; interest in a show is no search
    ("ru", "Правительство утвердило программу импортозамещения.", A),
    ("ru", "Посетители проявили интерес к экспозиции региона.", SEARCH),
    # something other than a plant appearing; going with no place named
    ("ru", "У предприятий появится возможность экспортировать продукцию.", PLAN),
    ("ru", "Губернатор едет на совещание в правительство.", M),
    # the region's investment potential presented is no product shown (a word is not cut
    # short to let "презентовал" stand before what it presents)
    ("ru", "Гостям презентовали инвестиционный потенциал республики.", SHOW),
    # companies described as interested are the party of the talks, not searchers
    (
        "ru",
        "Губернатор проводит встречи с представителями компаний, заинтересованных в "
        "сотрудничестве с областью.",
        SEARCH,
    ),
    # a video conference between two is talks, not a forum
    ("ru", "Губернатор провел видеоконференцию с губернатором провинции.", F),
    # a plan's wording beside an invitation's, with nobody inviting, is one plan
    ("ru", "Китайская компания открыла в регионе завод по производству автомобилей.", INV),
    # import substitution as a theme, a goal or an exhibition's subject is no policy
    ("ru", "Наши предприятия вносят весомый вклад в дело импортозамещения.", EventType.POLICY),
    ("ru", "Что область предложила стране в импортозамещении", EventType.POLICY),
    ("ru", "Карта будет способствовать развитию программы импортозамещения.", EventType.POLICY),
    ("ru", "В Москве открылась выставка по импортозамещению.", EventType.POLICY),
    # a firm weighing where to place its production plans it; nobody invites it
    ("ru", "Турецкий концерн рассматривает возможность размещения производства в регионе.", INV),
    ("ru", "Компания изучает возможность локализации производства в области.", INV),
    # the region's support for a firm's own plant does not make it an invitation
    ("ru", "Компания построит завод, а власти области готовы оказать ей поддержку.", INV),
]


@pytest.mark.parametrize(("lang", "sentence", "kind"), NAMED)
def test_a_usual_wording_names_its_event_type(lang: str, sentence: str, kind: EventType) -> None:
    assert kind in [k for k, _, _ in trigger_types(sentence, shipped_event_cues().of(lang))]


@pytest.mark.parametrize(("lang", "sentence", "kind"), NOT_NAMED)
def test_a_near_wording_does_not_name_the_wrong_type(
    lang: str, sentence: str, kind: EventType
) -> None:
    assert kind not in [k for k, _, _ in trigger_types(sentence, shipped_event_cues().of(lang))]


def test_a_country_adjective_names_its_country_before_a_party_noun_only() -> None:
    cues = EventCues.from_rows(
        [
            ("party_noun", "ru", "компани|партн[её]р"),
            ("country_adjective", "ru", r"(?P<CN>[Кк]итайск)(?:ие|их|ая)\b"),
            ("joint_adjective", "ru", r"российско-(?P<BY>белорусск)(?:ие|их|ая)\b"),
        ]
    ).of("ru")
    assert cues.adjective_countries("китайские компании и китайские партнёры") == ["CN", "CN"]
    assert cues.adjective_countries("китайская кухня") == []
    assert cues.adjective_countries("российско-белорусская выставка") == ["BY"]
    # with no party nouns in the table, no plain adjective names a country
    bare = EventCues.from_rows([("country_adjective", "ru", r"(?P<CN>китайск)ие\b")])
    assert bare.adjective_countries("китайские компании") == []


# All that stands between two organisations named together as one side ("A и крупнейший
# европейский производитель B"): «и», up to four words of what the second one is, the quotes of
# their names.
NAME_JOINTS = [" и ", "» и «", " и крупнейший европейский производитель ", "» и компания «"]
# A list's comma, «с», a number or five words between, a capital «И», a space inside a quote.
NOT_NAME_JOINTS = [", ", " с ", " и 12 ", " и один два три четыре пять ", " И ", " » и "]


@pytest.mark.parametrize("gap", NAME_JOINTS)
def test_the_shipped_russian_name_joint_joins_two_names_as_one_side(gap: str) -> None:
    assert shipped_event_cues().of("ru").name_joint.fullmatch(gap)


@pytest.mark.parametrize("gap", NOT_NAME_JOINTS)
def test_the_shipped_russian_name_joint_is_no_other_joint(gap: str) -> None:
    assert not shipped_event_cues().of("ru").name_joint.fullmatch(gap)


def test_a_table_without_a_name_joint_joins_no_names() -> None:
    assert not EventCues.from_rows([("pair_joint", "ru", "и")]).name_joint.fullmatch(" и ")

"""Russian entities in dictionary form, on sentences written for the test (not the gold)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from coopex.domain.news import Entities, collect_entities
from coopex.nlp.russian import RussianEntityRecognizer

recognizer = RussianEntityRecognizer()


def entities(paragraphs: Sequence[str]) -> Entities:
    return collect_entities(recognizer.mentions(paragraphs))


def test_people_places_and_organisations_in_dictionary_form() -> None:
    found = entities(
        [
            "Делегация Смоленской области во главе с губернатором Алексеем Островским "
            "посетила завод компании Foton Motor в Пекине.",
            "Островский встретился с представителями Центра поддержки экспорта "
            "и Саранского приборостроительного завода.",
        ]
    )
    assert found.persons == ("Алексей Островский",)  # the surname-only mention is merged
    assert found.locations == ("Смоленская область", "Пекин")
    assert found.organizations == (
        "Foton Motor",
        "Центр поддержки экспорта",
        "Саранский приборостроительный завод",
    )


def test_quoted_names_keep_their_quotes_and_spans_stay_in_their_paragraph() -> None:
    found = entities(
        ["Директор УК «РМ Рейл» Сергей Дробжев выступил в Саранске", "Делегация прибыла в Казань."]
    )
    assert "УК «РМ Рейл»" in found.organizations
    assert found.persons == ("Сергей Дробжев",)
    assert found.locations == ("Саранск", "Казань")


def test_empty_input() -> None:
    empty = entities([])
    assert (empty.persons, empty.organizations, empty.locations) == ((), (), ())


def test_russian_dates_through_natasha() -> None:
    from coopex.engines.news.dates import distinct_iso
    from coopex.nlp.russian import russian_dates

    text = "Стол прошёл 9 ноября 2023 года. Выставка идёт по 18 мая. В 2016 году был диалог."
    assert distinct_iso(russian_dates(text)) == ("2023-11-09", "--05-18", "2016")


def test_legal_forms_complete_quoted_names_even_with_closing_quotes_run_together() -> None:
    found = entities(
        [
            "Среди участников КУПП «Минскводоканал» и ООО «Смоленский завод – «Кристалл», "
            "а также ОАО «Гомельский литейный завод»."
        ]
    )
    assert {
        "КУПП «Минскводоканал»",
        "ООО «Смоленский завод – «Кристалл»",
        "ОАО «Гомельский литейный завод»",
    } <= set(found.organizations)


def test_bodies_of_places_in_lower_case_are_organisations() -> None:
    found = entities(
        [
            "Визит прошёл при содействии администрации Перми и правительства Казани, "
            "встреча состоялась в генеральном консульстве России в Бонне."
        ]
    )
    assert {
        "Администрация Перми",
        "Правительство Казани",
        "Генеральное консульство России в Бонне",
    } <= set(found.organizations)
    assert {"Пермь", "Казань", "Бонн"} <= set(found.locations)


def test_a_body_named_by_its_regions_adjective_is_an_organisation() -> None:
    found = entities(
        [
            "Соглашение подписано между Вологодской областью и Минским облисполкомом.",
            "Делегация Гомельского облисполкома посетила Брянск.",
        ]
    )
    assert {"Минский облисполком", "Гомельский облисполком"} <= set(found.organizations)
    assert not {"Минский", "Минская", "Гомельский"} & set(found.locations)


def test_governments_of_two_countries_are_no_one_body() -> None:
    found = entities(["Председатели правительств России и Белоруссии провели заседание."])
    assert not any(name.startswith("Правительств") for name in found.organizations)


def test_places_sharing_a_plural_place_word_are_each_a_place() -> None:
    found = entities(
        ["В форуме участвовали Челябинская, Омская и Курганская области, а также Лигурия."]
    )
    assert found.locations[:3] == ("Челябинская область", "Омская область", "Курганская область")
    assert "Лигурия" in found.locations


def test_names_are_read_in_the_case_the_sentence_gives_them() -> None:
    found = entities(
        [
            "Губернатор Игорь Бабушкин встретился с послом. Позже с Игорем Бабушкиным "
            "обсудили проект двигателей «Соллерса» в Нью-Дели."
        ]
    )
    assert found.persons == ("Игорь Бабушкин",)
    assert "Соллерс" in found.organizations
    assert "Нью-Дели" in found.locations


def test_organisation_names_go_on_through_genitives() -> None:
    found = entities(
        [
            "Министерство промышленности, науки и малого предпринимательства Калужской области "
            "договорилось о поставках на Минский завод колесных тягачей."
        ]
    )
    assert {
        "Министерство промышленности, науки и малого предпринимательства Калужской области",
        "Минский завод колесных тягачей",
    } <= set(found.organizations)


def test_camel_case_abbreviations_are_organisations_as_written() -> None:
    found = entities(["Как сообщили в Витебском отделении БелТПП, поездка продлится неделю."])
    assert "БелТПП" in found.organizations
    assert not found.locations


def test_a_surname_alone_is_a_person_when_titled_or_speaking() -> None:
    found = entities(["Об этом заявил Мантуров. Губернатор Никитин отметил рост."])
    assert {"Мантуров", "Никитин"} <= set(found.persons)


def test_a_body_of_a_place_keeps_its_field() -> None:
    found = entities(
        [
            "Проект реализуется по заказу департамента поддержки и развития малого "
            "предпринимательства г. Москвы и комитета по внешним связям Санкт-Петербурга."
        ]
    )
    assert {
        "Департамент поддержки и развития малого предпринимательства г. Москвы",
        "Комитет по внешним связям Санкт-Петербурга",
    } <= set(found.organizations)


def test_foreign_names_that_do_not_decline_keep_their_form() -> None:
    found = entities(
        [
            "Губернатор провёл переговоры с Нарендрой Моди, Джованни Тоти и Мехди Санаи, "
            "а затем встретился с Игорем Бабушкиным."
        ]
    )
    assert {"Нарендра Моди", "Джованни Тоти", "Мехди Санаи", "Игорь Бабушкин"} <= set(found.persons)


def test_a_quoted_name_after_a_kind_of_organisation_is_an_organisation() -> None:
    found = entities(
        [
            "Проект двигателей компании «Соллерс» и завода «Автоагрегат» поддержал "
            "концерн «Тракторные заводы»."
        ]
    )
    assert {"Соллерс", "Автоагрегат", "Тракторные заводы"} <= set(found.organizations)
    # the kind's word opening a sentence
    opening = entities(
        ["Компания «Тандер» вложит 15 млрд рублей в строительство логистического центра."]
    )
    assert "Тандер" in opening.organizations


def test_names_of_streets_plants_and_awards_are_no_persons_or_places() -> None:
    found = entities(
        [
            "Делегация посетила завод имени Лихачева на улице Ленина, где Сергей Собянин "
            "вручил орден Александра Невского."
        ]
    )
    assert found.persons == ("Сергей Собянин",)
    assert "Ленин" not in found.locations


def test_a_person_is_read_as_a_person_not_as_a_place_or_an_adjective() -> None:
    found = entities(
        [
            "Встреча Дениса Мантурова с министром прошла в Москве.",
            "Министр провел встречу с вице-губернатором провинции Хэйлунцзян Чжан Юйпу.",
            "Делегацию возглавил заместитель министра Нгуен Ван Тханем.",
            "Встреча Нарендры Моди и Шавката Мирзиёева прошла в Самарканде.",
        ]
    )
    assert {"Шавкат Мирзиёев", "Нарендра Моди"} <= set(found.persons)  # natasha: "Мирзиеев"
    assert "Денис Мантуров" in found.persons  # not the town "Мантурово"
    assert "Чжан Юйпу" in found.persons  # no reading in the first name's case: as written
    assert any(name.startswith("Нгуен ") for name in found.persons)  # not "Нгуйный"


def test_a_capitalised_adjective_after_a_verb_of_saying_is_no_person() -> None:
    found = entities(
        [
            "Title",
            "Как отметил Чрезвычайный и Полномочный Посол КНР в России Чжан Ханьхуэй, "
            "сотрудничество развивается.",
        ]
    )
    assert "Чрезвычайный" not in found.persons
    assert "Чжан Ханьхуэй" in found.persons


def test_a_name_written_as_one_word_with_its_punctuation_is_put_in_the_nominative() -> None:
    found = entities(["Губернатор оценил роуд-шоу. Об этом сообщает корреспондент «Ленты.ру»."])
    assert any(name.strip("«»") == "Лента.ру" for name in found.organizations)


def test_an_organisation_takes_no_half_of_a_pair_of_places() -> None:
    found = entities(
        ["В Москве прошло заседание Совета министров Союзного государства России и Белоруссии."]
    )
    assert not any(name.endswith("России") for name in found.organizations)
    assert {"Россия", "Белоруссия"} <= set(found.locations)


def test_a_kind_of_zone_is_no_name() -> None:
    found = entities(
        ["Делегация посетила СЭЗ «Сарыарка» в Караганде. Территория СЭЗ составляет 595 гектаров."]
    )
    assert "СЭЗ" not in [*found.locations, *found.organizations]


def test_a_fields_abbreviation_is_no_organisation() -> None:
    found = entities(["Стороны обсудили перспективы сотрудничества в сфере фармацевтики и IT."])
    assert not {"IT", "ЖКХ"} & {*found.organizations, *found.locations}, found


def test_a_zone_found_by_its_quoted_name_is_named_with_its_words() -> None:
    """The quoted name of a park read as a firm is the park, in the nominative."""
    found = entities(
        [
            "Завод построят в индустриальном парке «Ворсино».",
            "Производство разместят в особой экономической зоне (ОЭЗ) «Тольятти».",
        ]
    )
    assert "Ворсино" not in found.organizations
    assert "индустриальный парк «Ворсино»" in found.organizations, found.organizations


def test_well_known_organisations_and_media_in_any_case() -> None:
    found = entities(
        [
            "Об этом пишут «Ведомости», сообщили «Коммерсанту» в пресс-службе.",
            "Кредит выдал ВЭБ.РФ, грузовики поставит КамАЗ, а контракт с Росатомом подписан.",
            "Ростех и Сбербанк подписали соглашение, передает ТАСС со ссылкой на АиФ-Ярославль.",
        ]
    )
    assert {
        "Ведомости",
        "Коммерсантъ",
        "ВЭБ.РФ",
        "КамАЗ",
        "Росатом",
        "Ростех",
        "Сбербанк",
        "ТАСС",
        "АиФ-Ярославль",
    } <= set(found.organizations)
    assert "РФ" not in found.locations  # inside "ВЭБ.РФ"


def test_a_longer_organisation_keeps_the_known_name_inside_it() -> None:
    found = entities(["Завод «Северсталь-авто» ищет партнеров, сообщает ООО «Газпром трансгаз»."])
    assert "Северсталь" not in found.organizations
    assert "Газпром" not in found.organizations


def test_foreign_names_whose_last_word_alone_declines() -> None:
    found = entities(
        [
            "Губернатор встретился с главой комитета по содействию сотрудничеству при президенте "
            "Республики Корея Сон Ен Гилем.",
            "Переговоры с мэром Сеула Пак Вон Суном прошли в мэрии.",
            "Встреча с Олафом Шольцем прошла в Берлине, затем с Шин Дон Бином в Сеуле.",
            "Встреча с генеральным директором Чжаном Юйпу прошла в Пекине.",
        ]
    )
    assert {"Сон Ен Гиль", "Пак Вон Сун", "Олаф Шольц", "Шин Дон Бин", "Чжан Юйпу"} <= set(
        found.persons
    )


def test_a_name_in_the_nominative_after_an_instrumental_keeps_its_ending() -> None:
    found = entities(["Вместе с губернатором Мехмет Эрдем посетил завод."])
    assert found.persons == ("Мехмет Эрдем",)


def test_capitalised_heads_at_a_sentence_start_name_the_body_of_a_place() -> None:
    found = entities(
        [
            "Делегация прибыла.",
            "Корпорация развития Нижегородской области представила проект.",
            "Посольство КНР поддержало проект, встреча прошла в центре Москвы.",
        ]
    )
    assert {"Корпорация развития Нижегородской области", "Посольство КНР"} <= set(
        found.organizations
    )
    assert "Центр Москвы" not in found.organizations


def test_a_legal_form_alone_is_no_organisation() -> None:
    found = entities(["Компания «Соллерс» и Ford создали СП в Липецкой области."])
    assert "СП" not in found.organizations
    assert "Соллерс" in found.organizations


def test_organisations_sharing_one_plural_head_are_each_an_organisation() -> None:
    found = entities(
        [
            "Делегация побывала на Минском тракторном и автомобильном заводах.",
            "Двигатели поставляют Ярославский моторный и Тутаевский моторный заводы.",
            "Соглашение подписали российские и белорусские компании.",
        ]
    )
    assert found.organizations == (
        "Минский тракторный завод",
        "Минский автомобильный завод",
        "Ярославский моторный завод",
        "Тутаевский моторный завод",
    )


def test_plural_and_hyphenated_place_names_in_dictionary_form() -> None:
    found = entities(
        [
            "Делегация из Соединенных Штатов прибыла в Ростове-на-Дону, затем посетила "
            "Соединенные Штаты и Калужскую и Тульскую области."
        ]
    )
    assert {"Соединенные Штаты", "Ростов-на-Дону", "Калужская область", "Тульская область"} <= set(
        found.locations
    )
    assert "Соединённый штат" not in found.locations


def test_a_short_participle_ends_a_name_as_a_verb_does() -> None:
    found = entities(
        [
            "Структура Нового банка Развития сформирована странами-участниками БРИКС.",
            "Объединенная двигателестроительная корпорация открыла центр.",
        ]
    )
    assert "Новый банк Развития" in found.organizations
    assert "Объединенная двигателестроительная корпорация" in found.organizations
    assert not any("сформирована" in name for name in found.organizations)


def test_a_body_goes_on_through_its_field_after_po_and_its_place() -> None:
    found = entities(
        [
            "Проект одобрила Государственная комиссия по развитию и реформам КНР.",
            "Министерство по инвестициям и развитию Республики Казахстан одобрило проект.",
            "Соглашение подписано с правительством Республики Казахстан.",
            "Совет директоров по итогам года принял решение, комиссия по проверке установила "
            "нарушения.",
        ]
    )
    assert found.organizations == (
        "Государственная комиссия по развитию и реформам КНР",
        "Министерство по инвестициям и развитию Республики Казахстан",
        "Правительство Республики Казахстан",
    )


def test_surname_first_and_short_last_syllables_of_foreign_names() -> None:
    found = entities(
        [
            "Встреча с Островским Алексеем Владимировичем прошла в Смоленске.",
            "Затем состоялась встреча с Мун Чжэ Ином.",
        ]
    )
    assert found.persons == ("Островский Алексей Владимирович", "Мун Чжэ Ин")


def test_dateline_sources_and_names_governed_in_the_instrumental() -> None:
    found = entities(
        [
            "Казань, 3 апреля. /Татар-информ/. Президент Татарстана встретился с делегацией "
            "во главе с хокимом Самаркандской области Эркинжоном Турдимовым.",
            "Минск, 5 марта (БелТА). Делегация прибыла в Казань.",
            "Москва, 12 мая - Губернатор заявил о визите.",
        ]
    )
    assert {"Татар-информ", "БелТА"} <= set(found.organizations)
    assert "Губернатор заявил о визите" not in found.organizations
    assert found.persons == ("Эркинжон Турдимов",)


def test_foreign_places_in_oblique_cases() -> None:
    from coopex.reference.places import ShippedPlaces

    with_gazetteer = RussianEntityRecognizer(ShippedPlaces())
    found = collect_entities(
        with_gazetteer.mentions(
            [
                "Форум прошел в Даляне и Ухани, делегация из Цзинань и Хэфэй посетила Чэнду, "
                "затем Тяньцзинь."
            ]
        )
    )
    assert set(found.locations) == {"Далянь", "Ухань", "Цзинань", "Хэфэй", "Чэнду", "Тяньцзинь"}


def test_a_quoted_name_after_a_common_noun_is_its_genitive() -> None:
    found = entities(
        [
            "Продукция «Уралтрака» поставляется в Казахстан, делегация «Белкоммунмаша» "
            "посетила Ярославль.",
            "Бренд «Лада» популярен, завод «Уралтрак» открыл цех.",
        ]
    )
    assert {"Уралтрак", "Белкоммунмаш", "Лада"} <= set(found.organizations)
    assert "Уралтрака" not in found.organizations


def test_hyphenated_first_names_keep_their_capitals() -> None:
    found = entities(["Письмо направлено Касым-Жомарту Токаеву."])
    assert found.persons == ("Касым-Жомарт Токаев",)


def test_an_adjective_of_a_place_before_an_abbreviation_is_an_organisation() -> None:
    found = entities(
        [
            "Работники Полоцкого ДРСУ и Гомельской ТПП встретились, Полоцкое ДРСУ закупило "
            "технику.",
            "Японские СМИ пишут, что российский ВВП и Казахстанский АПК растут.",
            "Российский ОПК и российский СПГ растут.",
        ]
    )
    assert set(found.organizations) == {"Полоцкое ДРСУ", "Гомельская ТПП"}


def test_a_long_organisation_name_in_an_oblique_case_takes_the_nominative_to_its_head() -> None:
    found = entities(
        [
            "Делегация встретилась с Министерством экономики, труда и занятости Киргизии и "
            "с Новосибирским государственным университетом имени А.А. Иванова."
        ]
    )
    assert "Министерство экономики, труда и занятости Киргизии" in found.organizations
    assert "Новосибирский государственный университет имени А.А. Иванова" in found.organizations


def test_a_place_adjective_before_a_common_noun_is_no_place() -> None:
    found = entities(
        [
            "Китайская сторона передала Российской стороне предложения, делегация посетила "
            "Ярославский регион."
        ]
    )
    assert set(found.locations) == {"Ярославский регион"}


def test_the_governing_body_of_the_region_is_the_article_regions() -> None:
    found = entities(
        [
            "Делегация Томской области посетила Харбин.",
            "Организаторами выступили правительство области и торговая палата.",
        ]
    )
    assert "Правительство Томской области" in found.organizations
    capital = entities(["Губернатор Алтайского края сказал, что Правительство края поможет."])
    assert "Правительство Алтайского края" in capital.organizations
    two = entities(["Делегации Томской и Омской областей встретились, администрация области рада."])
    assert not two.organizations


def test_a_place_in_the_genitive_after_a_common_noun_keeps_its_case() -> None:
    found = entities(["Поставки из Соединенных Штатов Америки в Королевство Дания выросли."])
    assert "Соединенные Штаты Америки" in found.locations


def test_abbreviations_keep_their_capitals_and_no_stray_quote_ends_a_name() -> None:
    found = entities(["Об этом сообщила ГТРК «Алтай», вуз «Томский государственный университет»."])
    assert "ГТРК «Алтай»" in found.organizations
    assert all(not name.endswith("»") or "«" in name for name in found.organizations)


def test_a_plural_kind_of_organisation_after_adjectives_is_many_not_a_name() -> None:
    found = entities(["Договоры подписали Омские предприятия и Башкирские компании."])
    assert not found.organizations


def test_a_quoted_plural_name_is_one_organisation() -> None:
    found = entities(["Договор подписали представители «Сибирских заводов»."])
    assert found.organizations == ("Сибирские заводы",)


def test_a_place_name_in_the_nominative_after_a_declined_noun_is_a_brand() -> None:
    found = entities(
        ["Экспорт грузовиков Урал вырос, делегация из области Лигурия посетила Свердловск."]
    )
    assert "Урал" not in found.locations
    assert "Лигурия" in found.locations


def test_a_bodys_field_after_a_genitive_name_and_a_list_of_companies() -> None:
    found = entities(
        [
            "Об этом сообщил директор Агентства Дальнего Востока по привлечению инвестиций и "
            "поддержке экспорта Леонид Петухов.",
            "В регионе работают белорусские предприятия, например, МТЗ, Пинскдрев, "
            "Могилевлифтмаш и другие.",
        ]
    )
    assert (
        "Агентство Дальнего Востока по привлечению инвестиций и поддержке экспорта"
        in found.organizations
    )
    assert "Могилевлифтмаш" in found.organizations


def test_a_quoted_name_ends_at_its_quote_and_a_title_is_no_organisation() -> None:
    found = entities(
        [
            "В проекте участвует торговый дом «Итотю» (Itochu).",
            "Губернатор представил Чрезвычайному и Полномочному Послу Италии в РФ "
            "потенциал региона.",
        ]
    )
    assert "Итотю" in found.organizations
    assert not any("Посол" in name for name in found.organizations)


def test_the_press_service_of_the_government_speaks_for_the_articles_region() -> None:
    found = entities(
        [
            "Губернатор Пензенской области встретился с инвесторами из Германии.",
            "Как сообщает пресс-служба правительства, стороны обсудили новые проекты.",
        ]
    )
    assert "Правительство Пензенской области" in found.organizations


def test_an_abbreviation_heading_a_name_stays_as_written_and_a_cut_adjective_is_no_name() -> None:
    found = entities(
        [
            "РИГ SAKHAPRESS.RU В последний день визита в ОАЭ состоялась встреча.",
            "15 ноября Минск принимает делегацию из Иркутской области",
        ]
    )
    assert "РИГ SAKHAPRESS.RU" in found.organizations
    assert not any(name.startswith("Иркутск") for name in found.organizations)


def test_initials_joined_to_a_surname_and_a_surname_in_apposition_in_the_genitive() -> None:
    found = entities(
        [
            "Планируется визит Губернатора Пензенской области О.В.Мельниченко в Гуанчжоу.",
            "Делегацию возглавил заместитель председателя – министр экономического развития "
            "и промышленности области А.Х.Хакимова.",
        ]
    )
    assert "О.В. Мельниченко" in found.persons
    assert "А.Х. Хакимов" in found.persons


def test_a_places_adjective_alone_is_no_place() -> None:
    found = entities(
        [
            "Гуандунское отделение Китайского комитета по содействию международной торговле "
            "провело встречу.",
            "Строительство Корейского промышленного комплекса в Приморье началось.",
        ]
    )
    assert found.locations == ("Приморье",)


def test_a_bodys_field_may_list_its_fields_with_commas() -> None:
    found = entities(
        [
            "Соглашение подписано с департаментом промышленности, транспорта, связи и "
            "энергетики Курганской области."
        ]
    )
    assert (
        "Департамент промышленности, транспорта, связи и энергетики Курганской области"
        in found.organizations
    )


def test_russian_dates_are_read_around_their_month_or_year_only() -> None:
    from coopex.engines.news.dates import distinct_iso
    from coopex.nlp.russian import _date_stretches, russian_dates

    long = "Форум, на который приехали " + "представители многих регионов, " * 12
    text = long + "откроется 15 марта 2024 года в Казани. Курс 21.01.26 не дата."
    assert distinct_iso(russian_dates(text)) == ("2024-03-15",)
    # the grammar reads a few words around the month, not the whole long sentence
    (stretch,) = _date_stretches(text.split(". ")[0])
    assert "15 марта 2024 года" in stretch and len(stretch) < 80


def test_bodies_known_by_their_field_or_kind_in_lower_case_are_organisations_of_a_place() -> None:
    found = entities(
        [
            "Губернатор встретился с торгово-промышленной палатой Узбекистана и с "
            "фондом развития промышленности Казахстана, а затем с главой комитета по "
            "внешним связям при правительстве Республики Корея и с народным правительством "
            "провинции Хэнань."
        ]
    )
    assert {
        "Народное правительство провинции Хэнань",
        "Торгово-промышленная палата Узбекистана",
        "Фонд развития промышленности Казахстана",
        "Комитет по внешним связям при правительстве Республики Корея",
    } <= set(found.organizations)
    # the body inside another's name is no organisation of its own
    assert "Правительство Республики Корея" not in found.organizations
    # a body known by its field names none without it ("фонда Казахстана")
    found = entities(["Средства поступили из фонда Казахстана."])
    assert not any(name.startswith("Фонд") for name in found.organizations)


def test_bodies_told_apart_by_their_adjective_are_organisations_without_a_place() -> None:
    found = entities(
        [
            "Делегация побывала в Монголии и провела переговоры с торгово-промышленной палатой "
            "и монгольской ассоциацией производителей кашемира, а также с национальным "
            "агентством по развитию экспорта."
        ]
    )
    assert {
        "Торгово-промышленная палата",
        "Монгольская ассоциация производителей кашемира",
        "Национальное агентство по развитию экспорта",
    } <= set(found.organizations)
    # a listed adjective alone, with no field and no place, tells no body apart
    found = entities(["Проект поддержало национальное агентство."])
    assert not any(name.startswith("Национальное") for name in found.organizations)


def test_a_titles_adjective_and_a_body_of_a_nations_members_are_read_so() -> None:
    found = entities(
        [
            "Губернатор встретился с Чрезвычайным и Полномочным Послом Индии и подписал "
            "соглашение с ассоциацией индийских экспортеров."
        ]
    )
    assert "Чрезвычайный" not in found.organizations
    assert "Ассоциация индийских экспортеров" in found.organizations


def test_places_and_persons_keep_the_yo_the_page_wrote() -> None:
    found = entities(
        ["Делегация посетила Орёл, а переговоры прошли в Королёве с Петром Фёдоровым."]
    )
    assert {"Орёл", "Королёв"} <= set(found.locations)  # natasha: "Орел", "Королев"
    assert "Петр Фёдоров" in found.persons
    # one spelling per name: "в Орле" reads "Орел", written with its "ё" elsewhere on the page
    assert entities(["Делегация посетила Орёл.", "В Орле прошла встреча."]).locations == ("Орёл",)


@given(st.lists(st.text(alphabet="абвгдеёжзиклмнЕЁ", min_size=1, max_size=12), min_size=1))
def test_restoring_yo_changes_no_letter_but_e(words: list[str]) -> None:
    from coopex.nlp.russian_forms import without_yo, yo_as_written

    written = " ".join(words)
    normal = without_yo(written)
    restored = yo_as_written(normal, written)
    assert without_yo(restored) == normal
    for word, back in zip(words, restored.split(), strict=True):
        if len(word) >= 3:
            assert back == word  # a word is its own stem: every "ё" comes back


def test_a_short_name_in_brackets_is_no_part_of_the_full_one() -> None:
    found = entities(
        ["Совет Евразийской экономической комиссии (ЕЭК) утвердил новые правила ввоза."]
    )
    assert "Совет Евразийской экономической комиссии" in found.organizations
    assert not any("(" in name for name in found.organizations)


def test_an_embassy_or_trade_mission_keeps_where_it_sits() -> None:
    found = entities(
        [
            "Сотрудники Торгпредства России в Аргентине провели семинар для экспортеров.",
            "Как сообщило Посольство РФ в Таиланде, визит запланирован на осень.",
        ]
    )
    assert "Торгпредство России в Аргентине" in found.organizations
    assert "Посольство РФ в Таиланде" in found.organizations
    assert {"Аргентина", "Таиланд"} <= set(found.locations)


def test_a_field_after_po_ends_before_a_word_in_another_case() -> None:
    cut = entities(
        [
            "Меморандум подписали Агентство Дальнего Востока по привлечению инвестиций "
            "и консорциум японских банков."
        ]
    )
    assert cut.organizations == ("Агентство Дальнего Востока по привлечению инвестиций",)
    whole = entities(
        [
            "Выступил представитель Агентства Дальнего Востока по привлечению инвестиций "
            "и поддержке экспорта."
        ]
    )
    assert whole.organizations == (
        "Агентство Дальнего Востока по привлечению инвестиций и поддержке экспорта",
    )


def test_a_surname_in_sky_is_put_in_the_nominative_from_any_case() -> None:
    found = entities(
        [
            "Завод осмотрели в присутствии Олега Вишневского.",
            "Благодарность выразили Петру Залесскому.",
        ]
    )
    assert found.persons == ("Олег Вишневский", "Петр Залесский")


def test_a_head_noun_the_tagger_took_for_an_adjective_is_put_in_the_nominative() -> None:
    found = entities(["Соглашение подписали с руководством Платформы развития экспорта Китая."])
    assert "Платформа развития экспорта Китая" in found.organizations


def test_a_name_in_latin_script_listed_after_an_organisation_is_one_too() -> None:
    found = entities(
        [
            "Турецкие компании Nanotek Filtre и Kara Un Ve GIDA SAN вложат в Тверскую область"
            " 800 млн рублей.",
            "Соглашения подписаны с компаниями Ozka Lastik, Demir Celik Ve Boru SAN и Arcelik.",
        ]
    )
    # the tagger alone had found neither
    assert "Kara Un Ve GIDA SAN" in found.organizations
    assert "Demir Celik Ve Boru SAN" in found.organizations
    assert "Arcelik" in found.organizations
    assert not any("вложат" in name or "рублей" in name for name in found.organizations)


def test_a_quoted_name_after_the_noun_of_its_kind_stays_as_its_owner_named_it() -> None:
    """ "ассоциации «Российские автомобильные дилеры»": an apposition in the nominative, not
    lemmatised word by word into the singular; after another noun the name is declined."""
    found = entities(
        [
            "По данным ассоциации «Российские автомобильные дилеры», доля локализованных автобусов"
            " на рынке в 2026 году составила 78%.",
            "Договор подписали представители «Сибирских заводов».",
        ]
    )
    assert set(found.organizations) == {"Российские автомобильные дилеры", "Сибирские заводы"}


def test_a_name_read_from_an_oblique_case_takes_the_form_the_text_writes_elsewhere() -> None:
    found = entities(
        [
            "Китайская компания Sany откроет в «Алабуге» завод по выпуску техники.",
            "Соглашение подписали генеральный директор ОЭЗ «Алабуга» и вице-президент Sany.",
        ]
    )
    assert "Алабуга" in found.organizations
    assert "Алабуг" not in found.organizations
    # with no nominative written, the reading stays as the dictionary gives it
    alone = entities(["Компания «Технософт» стала резидентом «Иннополиса»."])
    assert "Технософт" in alone.organizations

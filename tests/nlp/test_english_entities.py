"""English entities with spaCy's small English model, tidied into registry-style names."""

from __future__ import annotations

from coopex.domain.news import Mention, MentionKind, collect_entities
from coopex.nlp.english import (
    EnglishEntityRecognizer,
    _kind_by_majority,
    _kind_by_title,
    _town_after_in,
)
from coopex.reference.places import ShippedPlaces

recognizer = EnglishEntityRecognizer()


def test_people_organisations_and_places() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "Governor Ivan Petrov of the Republic of Tatarstan met the board of "
                "the Kazan Helicopter Plant and the Russian Export Center in Moscow.",
                "The Second International Forum of Machine Builders opens in Minsk.",
            ]
        )
    )
    assert "Ivan Petrov" in found.persons
    assert "Republic of Tatarstan" in found.locations  # the article is dropped
    assert "Moscow" in found.locations and "Minsk" in found.locations
    assert "Russian Export Center" in found.organizations
    assert not any("Forum" in name for name in found.organizations)  # an event, not an org


def test_a_head_word_keeps_its_complement_and_camel_case_is_an_organisation() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "Ivan Petrov, Head of the Belarus-China Business Council in Agricultural "
                "Machinery, spoke to BelTA on Monday."
            ]
        )
    )
    assert "Belarus-China Business Council in Agricultural Machinery" in found.organizations
    assert "BelTA" in found.organizations
    assert "BelTA" not in found.persons


def test_offsets_point_at_the_mention() -> None:
    paragraph = "Yesterday Anna Smirnova visited Kazan."
    for mention in recognizer.mentions([paragraph]):
        assert paragraph[mention.start : mention.end].endswith(mention.name.split()[-1])


def test_legal_forms_persons_tagged_as_companies_and_clause_words() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "Pavel Orlov, Director General of OAO Gomselmash, met the partners.",
                "Murat Rasulov, an investment consultant, said the plant will be built.",
                "The company plans a factory with Avtotor if Chery cars sell well.",
            ]
        )
    )
    assert "OAO Gomselmash" in found.organizations
    assert "Murat Rasulov" in found.persons and "Murat Rasulov" not in found.organizations
    assert not any(" if " in name for name in found.organizations)


def test_common_words_handles_and_lone_place_words_are_not_names() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Invest in Kazan — invest in the future of the Republic of Tatarstan!",
                "Trade with the Republic grew, the governor of the Irkutsk region said.",
                "Follow us on Twitter @AzerNewsAz",
            ]
        )
    )
    names = {*found.persons, *found.organizations, *found.locations}
    assert "Invest" not in names and "Republic" not in names
    assert not any("@" in name for name in names)
    assert "Irkutsk region" in found.locations


def test_company_words_and_missions_name_organisations() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "Among the guests was the head of the machine-building corporation Zoomlion.",
                "A minister-counselor at the Chinese embassy in Russia said trade grew.",
            ]
        )
    )
    assert {"Zoomlion", "Chinese embassy in Russia"} <= set(found.organizations)


def test_a_surname_alone_is_a_person_when_titled_or_speaking() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "The talks went well, Governor Dubrovskiy told reporters.",
                "We will build it, Makarov said.",
            ]
        )
    )
    assert "Dubrovskiy" in found.persons and "Makarov" in found.persons


def test_an_unknown_acronym_is_no_place() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            ["Deputy Prime Minister Vladimir Semashko said that MTZ and the PRC will cooperate."]
        )
    )
    assert "MTZ" not in found.locations


def test_an_abbreviation_in_parentheses_names_the_organisation_too() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "The Russian Direct Investment Fund (RDIF) and the China National Nuclear "
                "Corporation (CNNC) signed documents."
            ]
        )
    )
    assert {"RDIF", "CNNC"} <= set(found.organizations)
    assert not any("(" in name for name in found.organizations)


def test_a_name_written_in_lower_case_goes_on_to_its_end() -> None:
    paragraph = (
        "The head of the Department of investment policy of the Ministry of economic "
        "development Ivan Petrov told reporters."
    )
    found = collect_entities(recognizer.mentions([paragraph]))
    assert (
        "Department of investment policy of the Ministry of economic development"
        in found.organizations
    )
    assert "Ivan Petrov" in found.persons  # the person after it is not part of the name
    capitalised = collect_entities(
        recognizer.mentions(["The Ministry of Commerce data show the volume grew."])
    )
    assert "Ministry of Commerce" in capitalised.organizations  # no lower-case word: as tagged


def test_known_organisations_of_the_field_are_organisations() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "Alexey Likhachev, Director General of Rosatom, visited the plant, Xinhua "
                "reported.",
                "It was agreed during the visit of the head of Minvostokrazvitiya Alexander "
                "Galushka in Beijing.",
                "The Kazan Helicopters plant will cooperate with AVIC.",
            ]
        )
    )
    assert {"Rosatom", "Xinhua", "Minvostokrazvitiya", "Kazan Helicopters"} <= set(
        found.organizations
    )
    assert "Xinhua" not in found.locations
    assert "Alexander Galushka" in found.persons  # split off the ministry the model joined
    assert not any("Minvostokrazvitiya" in name for name in found.persons)


def test_a_person_the_model_joined_to_a_title_or_a_body_is_split_off() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "Deputy Minister of Industry and Trade Vasily Osmakov told reporters.",
                "Kazakhstan's President Kassym-Jomart Tokayev met the Consul General of China "
                "in Yekaterinburg.",
            ]
        )
    )
    assert {"Vasily Osmakov", "Kassym-Jomart Tokayev"} <= set(found.persons)
    assert not found.organizations  # a ministry inside a job title, and a title, are no body


def test_a_title_of_a_place_is_no_organisation() -> None:
    found = collect_entities(
        recognizer.mentions(
            ["The deal was signed by Khokim of the Andijan region Shukhrat Abdurakhmanov."]
        )
    )
    assert not any(name.startswith(("Khokim", "Akim")) for name in found.organizations)


def test_a_known_place_tagged_as_a_person_is_a_place_with_its_place_word() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The company will assemble Haval F7 and Jolion crossovers at its plant in the Tula "
                "region."
            ]
        )
    )
    assert "Tula region" in found.locations


def test_a_title_is_no_part_of_a_person_or_an_organisation() -> None:
    found = collect_entities(
        recognizer.mentions(
            ["Kazakh President Tokayev met the Chinese delegation led by Vice Premier Ding."]
        )
    )
    assert "Tokayev" in found.persons
    assert not any("President" in name for name in found.persons)
    assert "Kazakh" not in found.organizations


def test_persons_by_their_given_name_out_of_titles_and_missed_names() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Governor of the Primorsky Territory Oleg Kozhemyako visited Dalian.",
                "Director General of Avtotor Group Valery Gorbunov said the plant will grow.",
                "Sadyr Japarov instructed the Cabinet of Ministers to prepare the agreement.",
                "The plant named after Vasily Degtyarev makes machine tools.",
                "The guests visited the Alexander Nevsky Cathedral.",
            ]
        )
    )
    assert {"Oleg Kozhemyako", "Valery Gorbunov", "Sadyr Japarov"} <= set(found.persons)
    assert "Primorsky Territory" in found.locations  # the place before the person stays one
    assert not any("Kozhemyako" in name for name in found.organizations)
    assert "Vasily Degtyarev" not in found.persons  # a name that names a plant
    assert "Alexander Nevsky" not in found.persons  # ... or a cathedral


def test_a_place_before_a_person_job_titles_and_places_in_event_names() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The Ambassador of China to Kazakhstan Zhang Xiao said trade grew.",
                "Tajik Minister of Industry and New Technologies met the delegation.",
                "The deal was signed at the St. Petersburg International Economic Forum.",
            ]
        )
    )
    assert "Zhang Xiao" in found.persons and "Kazakhstan" in found.locations
    assert not any("Minister" in name for name in found.persons)
    assert "St. Petersburg" not in found.locations  # a place only inside an event's name


def test_a_title_or_its_listed_field_before_a_person_is_no_organisation() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Tatarstan's Rais Rustam Minnikhanov arrived in Tashkent.",
                "Tajik Minister of Industry and New Technologies Sherali Kabir met them.",
            ]
        )
    )
    assert {"Rustam Minnikhanov", "Sherali Kabir"} <= set(found.persons)
    assert "Rais" not in found.organizations and "New Technologies" not in found.organizations


def test_names_ending_in_a_commission_fund_or_factory_are_organisations() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Denis Manturov and Wang Wentao co-chaired the Russian-Chinese "
                "Intergovernmental Commission on Investment Cooperation.",
                "Engineers of the Kurgan Bus Factory visited Zhengzhou.",
                "Zhang Ming, Vice-Chairman of the Heilongjiang Provincial People's Congress, "
                "attended the talks.",
            ]
        )
    )
    assert (
        "Russian-Chinese Intergovernmental Commission on Investment Cooperation"
        in found.organizations
    )
    assert "Kurgan Bus Factory" in found.organizations and "Kurgan" not in found.locations
    assert "Heilongjiang Provincial People's Congress" in found.organizations  # no event


def test_a_ministers_field_and_a_nationality_before_a_company_are_no_names() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Alexey Gruzdev, First Deputy Minister of Industry and Trade, said the "
                "localisation level will reach 60 percent.",
                "Zhejiang Geely Holding Group and Belarusian BelAZ discussed cooperation.",
                "Chinese Tianjin Lovol Heavy Industry will open an assembly plant.",
                "Kazakh Prime Minister Olzhas Bektenov discussed new projects.",
            ]
        )
    )
    assert "Industry and Trade" not in found.organizations
    assert "BelAZ" in found.organizations and "Belarusian BelAZ" not in found.organizations
    assert "Tianjin Lovol Heavy Industry" in found.organizations
    assert "Kazakh" not in found.organizations and "Olzhas Bektenov" in found.persons


def test_a_title_case_headline_names_only_what_the_text_or_the_gazetteer_confirms() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Chinese Electric Vehicle Maker Opens Plant in Uzbekistan",
                "Russian Railways Boosts Container Traffic Between Russia and China",
                "Party Secretary of Heilongjiang Province Xu Qin met the delegation.",
            ]
        )
    )
    assert not any("Opens" in n or "Boosts" in n for n in found.organizations)
    assert "Russian Railways" in found.organizations
    assert {"Uzbekistan", "Russia", "China"} <= set(found.locations)
    assert "Xu Qin" in found.persons  # a sentence full of names is no headline


def test_an_abbreviated_partner_after_and_and_a_companys_branch_in_a_country() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The Belarusian Chamber of Commerce and Industry and CCPIT signed a memorandum.",
                "Sputnik Uzbekistan reported that the plant will be built by 2026.",
                "The Ministry of Industry and Trade approved the plan.",
                "The JV between Kamaz and Daimler produces trucks.",
            ]
        )
    )
    assert {"Belarusian Chamber of Commerce and Industry", "CCPIT"} <= set(found.organizations)
    assert "Ministry of Industry and Trade" in found.organizations
    assert "Sputnik Uzbekistan" not in found.persons
    assert {"Kamaz", "Daimler"} <= set(found.organizations)


def test_a_head_word_with_its_complement_and_a_hyphenated_region_in_full() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The memorandum was signed between the Agency for Investment Development of "
                "the Republic of Tatarstan and a Chinese partner.",
                "Derways launched an assembly line in Cherkessk, Karachay-Cherkessia.",
            ]
        )
    )
    assert "Agency for Investment Development" in found.organizations
    assert "Republic of Tatarstan" in found.locations
    assert "Karachay-Cherkessia" in found.locations and "Karachay" not in found.locations


def test_a_title_decides_between_person_and_organisation_and_a_dash_parts_names() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The delegation from Anhui province was led by vice governor Zhou Xi'an.",
                "ASTANA. KAZINFORM - China Machinery Engineering Corporation will invest in "
                "car production.",
                "Chairman of Sinotruk Tan Xuguang said the company sold 5,000 trucks.",
            ]
        )
    )
    assert "Zhou Xi'an" in found.persons and "Zhou Xi'an" not in found.organizations
    assert "China Machinery Engineering Corporation" in found.organizations
    assert not any(" - " in name for name in found.organizations)
    assert "Tan Xuguang" in found.persons and "Sinotruk" in found.organizations


def test_an_organ_of_a_body_is_named_by_the_body() -> None:
    found = collect_entities(
        recognizer.mentions(["The Board of the Eurasian Economic Commission approved the rules."])
    )
    assert "Eurasian Economic Commission" in found.organizations
    assert not any(name.startswith("Board") for name in found.organizations)


def test_a_nationality_before_a_company() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The Kazakh company KazAutoProm and the Chinese Foton Motor signed an agreement.",
                "The Minsk Wheel Tractor Plant and the Chinese Sanjiang company built a chassis.",
            ]
        )
    )
    assert {"KazAutoProm", "Foton Motor", "Sanjiang"} <= set(found.organizations)


def test_a_chinese_name_the_model_missed_is_a_person_where_a_title_vouches_for_it() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "In addition, Vice-Governor of Heilongjiang Nie Yunling took part in the ceremony.",
                "Russian Helicopters CEO Andrey Boginsky discussed a contract.",
                "Guests visited Hong Yuan park yesterday.",
            ]
        )
    )
    assert "Nie Yunling" in found.persons and "Heilongjiang" in found.locations
    assert "Russian Helicopters" in found.organizations and "Andrey Boginsky" in found.persons
    assert "Hong Yuan" not in found.persons  # no title vouches for it


def test_programmes_cross_years_and_an_events_abbreviation_are_no_organisations() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "Under the Greater Eurasian Partnership, trade grows.",
                "The Russian-Chinese Years of Science and Technological Innovation opened.",
                "Ryazan took part in the China International Import Expo (CIIE) in Shanghai.",
                "During the CIIE, the governor met investors of the Strategic Partnership Council.",
            ]
        )
    )
    assert "Greater Eurasian Partnership" not in found.organizations
    assert "Science and Technological Innovation" not in found.organizations
    assert "CIIE" not in found.organizations
    assert "Strategic Partnership Council" in found.organizations  # a body, named by its head


def test_a_name_with_a_surname_ending_is_a_person_where_a_title_vouches_for_it() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "According to the akim of the region Gauez Nurmukhambetov, the investor is "
                "ready to invest $30 million.",
                "Governor Lyubimov noted that the region is open to Chinese investors.",
            ]
        )
    )
    assert "Gauez Nurmukhambetov" in found.persons
    assert "Governor Lyubimov" not in found.persons


def test_a_datelines_agency_is_an_organisation() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "PETROPAVLOVSK (TCA) — A Chinese company will build a tractor plant.",
                "MOSCOW, March 3. /TASS/. Trade with China grew by 26%.",
            ]
        )
    )
    assert {"TCA", "TASS"} <= set(found.organizations)


def test_a_generic_body_word_alone_is_no_name() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "The Ministry said the Company will build a Plant.",
                "According to the Embassy, the Holding plans a new Plant.",
                "The Cabinet of Ministers discussed it.",
            ]
        )
    )
    assert found.organizations == ("Cabinet of Ministers",)


def test_company_head_words_and_a_person_ending_in_one() -> None:
    found = collect_entities(
        recognizer.mentions(["The memorandum was signed by Wuzheng Group and Haitai Holding."])
    )
    assert {"Wuzheng Group", "Haitai Holding"} <= set(found.organizations)
    assert "Haitai Holding" not in found.persons


def test_a_known_company_after_a_persons_name_is_split_off() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            ["Alexei Likhachev Rosatom head visited Tashkent."]
        )
    )
    assert "Alexei Likhachev" in found.persons and "Rosatom" in found.organizations


def test_a_speakers_line_and_a_bracketed_credit_are_no_headlines() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "Pavel Orlov, Director General of OAO Gomselmash:",
                "We are ready to supply combines.",
                "(Xinhua News Agency February 9, 2006)",
            ]
        )
    )
    assert "OAO Gomselmash" in found.organizations
    assert "Xinhua News Agency" in found.organizations


def test_places_in_a_list_a_time_zone_and_an_acronym_a_country_owns() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Investors from Jiangsu look at the Far East and Siberia.",
                "The ceremony begins at 11:00 Moscow time, a spokesman said.",
                "Kazakhstan's KTZ and China's CAMCE will build a depot near Almaty.",
            ]
        )
    )
    assert {"Far East", "Siberia"} <= set(found.locations)
    assert "Far East and Siberia" not in found.locations
    assert "Moscow" not in found.locations  # a time zone, no place of the story
    assert {"KTZ", "CAMCE"} <= set(found.organizations)
    assert "Almaty" in found.locations


def test_a_plural_noun_before_a_company_a_product_model_and_an_acronym_before_a_person() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Representatives of Rosneft, Lukoil and Novatek arrived in Tianjin.",
                "The Minsk plant will assemble Geely Monjaro cars from next spring.",
                "The head of the Minpromtorg of RF Denis Manturov visited Harbin.",
            ]
        )
    )
    assert "Rosneft" in found.organizations
    assert not any(n.startswith("Representatives") for n in found.organizations)
    assert "Geely Monjaro" not in found.organizations  # a car model, no company
    assert "Denis Manturov" in found.persons and "RF Denis Manturov" not in found.persons


def test_initials_and_a_surname_a_street_and_a_nationality_before_one_company_word() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Head of the Republic of Bashkortostan R.F. Khabirov received the guests.",
                "Minister of Industry and Trade P.S. Ivanov spoke after him.",
                "The new office opens on Bolshaya Ordynka Street, near Pyatnitskaya Embankment.",
                "Kazakh Allur and the Ryazan region agreed on a plant.",
                "Machines for the plant were shipped from Tianjin.",
            ]
        )
    )
    assert "R.F. Khabirov" in found.persons and "Republic of Bashkortostan" in found.locations
    assert "P.S. Ivanov" in found.persons
    assert "Minister of Industry and Trade" not in found.organizations  # a job title
    names = [*found.persons, *found.organizations, *found.locations]
    assert not any("Ordynka" in n or "Pyatnitskaya" in n for n in names)
    assert "Allur" in found.organizations and "Kazakh Allur" not in found.persons
    assert "Machines" not in found.organizations


def test_a_joining_word_of_a_title_case_headline_is_no_given_name() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Governor Meets Chairman Of Sinotruk",
                "The governor of the Kaluga region met the chairman of Sinotruk on Friday.",
            ]
        )
    )
    assert not any(n.startswith("Of ") for n in found.persons)


def test_a_sentence_opener_a_brand_and_model_a_place_adjective_and_a_nationality_place() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "As Mirziyoyev noted, the new line will start in May.",
                "Lada Granta and Lada Vesta remain the best sellers in Kyrgyzstan.",
                "Jilin Provincial Governor Hu Yuting met the delegation from Omsk.",
                "The Kazakh Turkistan region will host a Chinese plant.",
            ]
        )
    )
    assert "Mirziyoyev" in found.persons and "As Mirziyoyev" not in found.persons
    names = [*found.persons, *found.organizations, *found.locations]
    assert not any("Vesta" in n or "Granta" in n for n in names)  # car models
    assert "Jilin Provincial" not in found.organizations
    assert "Kazakh Turkistan region" not in found.locations


def test_a_legal_form_alone_is_no_name_and_an_organ_after_an_abbreviation_is_its_body() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "«Bashneft» LLC and «Sinopec» LLC discussed a refinery in Ufa.",
                "The EEC Board approved the new rules on Tuesday.",
            ]
        )
    )
    assert "LLC" not in found.organizations
    assert "EEC" in found.organizations and "EEC Board" not in found.organizations


def test_persons_credited_as_the_pages_staff_are_no_parties_of_the_story() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "By the end of May, Roman Starovoit said, the line in Kursk will be ready.",
                "Editor: Zhou Lina",
                "By Pavel Sorokin",
                "(Translated by Maria Orlova)",
                "By Aigerim Seisembayeva in Business on 28 November 2026",
                "By Ivan Petrov Published: Sep 06, 2026 10:12 PM",
                "By Monday, Alexei Teksler said, the buses will be ready.",
            ]
        )
    )
    assert "Roman Starovoit" in found.persons  # "By" opening a sentence credits no one
    assert "Alexei Teksler" in found.persons
    credited = {"Zhou Lina", "Pavel Sorokin", "Maria Orlova", "Aigerim Seisembayeva", "Ivan Petrov"}
    assert not credited & set(found.persons)


def test_units_assembly_words_and_two_countries_adjectives_are_no_organisations() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The solar park near Kostanay will have a capacity of 50 MW.",
                "Kazakhstan and China signed an agreement on the CKD assembly of cars.",
                "The list includes 21 Kazakh-Chinese projects worth $2 billion.",
                "He met the Chairman of the Supervisory Council of the zone, Ivan Petrov.",
            ]
        )
    )
    assert not {"MW", "CKD", "Kazakh-Chinese", "Supervisory Council"} & set(found.organizations)


def test_initials_a_place_word_and_a_known_name_in_capitals_tell_the_kind() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "ASTANA. KAZINFORM The total investment will be 18 billion tenge, said "
                "A. Mukhambetov.",
                "The delegation met the governor of Khabarovskiy Kray on Monday.",
                "Party and other officials from Jilin province began a trip to Russia.",
            ]
        )
    )
    assert "KAZINFORM" in found.organizations
    assert "A. Mukhambetov" not in found.organizations
    assert "Khabarovskiy Kray" in found.locations
    assert "Khabarovskiy Kray" not in found.organizations
    assert "Party" not in found.organizations


def test_a_government_of_a_place_numbered_names_and_two_countries_joined_by_a_hyphen() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "According to the government of the Leningrad region, the deals were signed.",
                "They signed an agreement with the company Enel OGK-5 on new equipment.",
                "Officials listed 21 Kazakhstan-China projects in the region.",
            ]
        )
    )
    assert "Government of the Leningrad region" in found.organizations
    assert "Leningrad region" in found.locations
    assert "Enel OGK-5" in found.organizations
    assert {"Kazakhstan", "China"} <= set(found.locations)


def test_an_organisations_country_and_an_embassys_place_are_part_of_its_name() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The meeting was held at the Academy of Foreign Trade of the Ministry of "
                "Economic Development of the Russian Federation.",
                "The second meeting of the Council of Regions of Russia and Uzbekistan opened.",
                "The Embassy of Belarus in Tajikistan said so.",
                "The ceremony took place, according to the Belarusian Embassy in Dushanbe.",
            ]
        )
    )
    assert (
        "Academy of Foreign Trade of the Ministry of Economic Development of the Russian Federation"
    ) in found.organizations
    assert "Council of Regions of Russia and Uzbekistan" in found.organizations
    assert "Embassy of Belarus in Tajikistan" in found.organizations
    assert "Belarusian Embassy in Dushanbe" in found.organizations


def test_treaties_protocols_and_belts_are_no_organisations() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The sides signed the III Big Protocol and discussed the Eurasian Economic "
                "Union Treaty.",
                "He hopes to link the Silk Road Economic Belt and the Eurasian Economic Union.",
            ]
        )
    )
    assert found.organizations == ("Eurasian Economic Union",)


def test_a_source_line_names_an_organisation_whole() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            ["The plant will open in Kazan next year.", "Source: The Astana Times"]
        )
    )
    assert "Astana Times" in found.organizations
    assert "Astana" not in found.locations


def test_a_persons_surname_a_calendar_a_compass_word_and_a_place_after_the() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The meeting was chaired by Deputy Prime Minister Serik Zhumangarin.",
                "They discussed Zhumangarin’s recent trip to China.",
                "Su Mo Tu We Th Fr Sa",
                "He was welcomed in Khabarovskiy Kray, in the Northeast.",
                "Representatives of the Republic of Tyva presented the region.",
            ]
        )
    )
    assert "Zhumangarin" not in found.locations
    assert not any("Mo Tu" in name for name in found.persons)
    assert "Northeast" not in found.locations
    assert {"Khabarovskiy Kray", "Republic of Tyva"} <= set(found.locations)


def test_capitalised_words_before_a_legal_form_and_two_legal_names_joined_by_and() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The project applicant is Saryarka Avtoprom LLP.",
                "Kazakh Steel Works JSC and Ural Motors LLC signed the contract.",
            ]
        )
    )
    assert {"Saryarka Avtoprom LLP", "Kazakh Steel Works JSC", "Ural Motors LLC"} <= set(
        found.organizations
    )


def test_a_legal_form_the_model_tagged_alone_or_a_russian_form_after_the_name() -> None:
    # the model tags "LLC" alone here; "PJSC" after the name is a legal form too
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The dealer center opened together with local partner Agrotechsnab LLC.",
                "Kamaz PJSC will supply 500 trucks to Uzbekistan.",
            ]
        )
    )
    assert {"Agrotechsnab LLC", "Kamaz PJSC"} <= set(found.organizations)
    assert "LLC" not in found.organizations


def test_a_place_the_gazetteer_knows_is_no_complement_of_a_name_before_it() -> None:
    # the model reads "Tula" as a person, so its start is known only to the gazetteer
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            ["Officials met representatives of Great Wall Motor in Tula."]
        )
    )
    assert "Great Wall Motor" in found.organizations
    assert "Tula" in found.locations


def test_the_gazetteer_reads_capitalised_places_after_lower_case_words_of_a_place() -> None:
    # "republic of …" and "north …" written in lower case do not hide the place they lead to
    places = EnglishEntityRecognizer(ShippedPlaces())._gazetteer_places(
        "A plant opened in the republic of Karachay-Cherkessia, another in north Kazakhstan "
        "and one in the Republic of Tatarstan."
    )
    found = [match.group() for match in places]
    assert {"Karachay-Cherkessia", "Kazakhstan", "Republic of Tatarstan"} <= set(found)
    assert all(name[:1].isupper() for name in found)


def test_a_person_joined_to_the_field_of_the_title_after_a_comma_is_a_person() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Zaur Bekoev, Economic Development Minister in the region, expressed interest "
                "in Turkey's investment in Kazan."
            ]
        )
    )
    assert "Zaur Bekoev" in found.persons
    assert not any("Bekoev" in name for name in found.organizations)


def test_a_russian_research_and_production_form_before_a_name_makes_a_company() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "Two contracts worth US$2 million were signed between NPK Tekhnofil, a maker "
                "of pumps, and a Chinese partner."
            ]
        )
    )
    assert "NPK Tekhnofil" in found.organizations
    assert "NPK Tekhnofil" not in found.persons


def test_a_date_is_no_complement_of_an_organisation() -> None:
    found = collect_entities(
        recognizer.mentions(
            ["The deals were signed at a meeting of the Uzbek-Korean Trade Council on March 14."]
        )
    )
    assert "Uzbek-Korean Trade Council" in found.organizations
    assert not any("March" in name for name in found.organizations)


def test_an_official_name_listing_its_fields_is_one_organisation() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "The delegation visited Tehran Chamber of Commerce, Industries, Mines and "
                "Agriculture on Monday.",
                "Officials of the Ministry of Agriculture, Rosatom and Kamaz met in Moscow.",
            ]
        )
    )
    assert "Tehran Chamber of Commerce, Industries, Mines and Agriculture" in found.organizations
    assert "Mines and Agriculture" not in found.organizations
    assert "Ministry of Agriculture" in found.organizations  # no list of fields follows it


def test_a_titles_place_and_its_holder_tagged_as_one_are_a_place_and_a_person() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "He met the Vietnamese Ambassador to Russia Ngo Duc Manh, who came to Tula.",
                "The President of Uzbekistan Airways spoke at the forum.",
            ]
        )
    )
    assert "Ngo Duc Manh" in found.persons and "Russia" in found.locations
    assert not any("Ngo" in name for name in found.organizations)
    assert "Uzbekistan Airways" in found.organizations  # a company, no holder of a title


def test_a_surname_before_first_name_and_patronymic_is_the_persons() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Led by Minister of Trade of the Republic of Tatarstan Korobchenko Oleg "
                "Vladimirovich, the delegation arrived."
            ]
        )
    )
    assert "Korobchenko Oleg Vladimirovich" in found.persons
    assert "Oleg Vladimirovich" not in found.persons
    assert "Republic of Tatarstan" in found.locations


def test_a_title_set_off_by_a_comma_makes_its_holder_a_person() -> None:
    paragraph = "Talks were held between the Egyptian consul general, Amir Haddad, and the mayor."
    start = paragraph.index("Amir")
    kind = _kind_by_title(MentionKind.ORGANIZATION, "Amir Haddad", paragraph, start)
    assert kind is MentionKind.PERSON
    found = collect_entities(
        recognizer.mentions(
            ["Timur Abdullaev, the director general of Gamma Engineering, said they are ready."]
        )
    )
    assert "Gamma Engineering" in found.organizations  # a director general's body
    assert "Gamma Engineering" not in found.persons


def test_a_place_joined_by_a_dash_opens_an_organisations_name() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            ["Firms met at the session of the Kazakhstan–China Business Council in Astana."]
        )
    )
    assert "Kazakhstan–China Business Council" in found.organizations
    assert "China Business Council" not in found.organizations


def test_a_name_followed_by_an_organisations_head_word_names_the_organisation() -> None:
    found = collect_entities(
        recognizer.mentions(
            ["Samruk Kazyna Sovereign Wealth Fund signed two agreements with its partners."]
        )
    )
    assert "Samruk Kazyna Sovereign Wealth Fund" in found.organizations
    assert "Samruk Kazyna" not in found.persons


def test_a_title_after_a_one_word_name_makes_it_a_person() -> None:
    found = collect_entities(
        recognizer.mentions(
            ["Bayinchaolu, the provincial Party secretary, led the delegation to Khabarovsk."]
        )
    )
    assert "Bayinchaolu" in found.persons and "Bayinchaolu" not in found.organizations


def test_one_word_ending_like_a_town_after_in_is_a_place() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "The firm signed a deal with Inter RAO on a coal power plant in Verkhneutkinsk. "
                "The work starts soon."
            ]
        )
    )
    assert "Verkhneutkinsk" not in found.organizations
    paragraph = "a power plant in Staroutkinsk, and a stake in Sberbank"
    assert _town_after_in("Staroutkinsk", paragraph, paragraph.index("Staroutkinsk"))
    assert not _town_after_in("Sberbank", paragraph, paragraph.index("Sberbank"))


def test_a_name_given_mostly_as_an_organisation_is_one_everywhere() -> None:
    name = "Delta Machinery"
    mentions = [
        Mention(MentionKind.ORGANIZATION, name, 0, 0, 15),
        Mention(MentionKind.ORGANIZATION, name, 1, 0, 15),
        Mention(MentionKind.PERSON, name, 2, 0, 15),
        Mention(MentionKind.PERSON, "Ivan Petrov", 2, 20, 31),
    ]
    kinds = [m.kind for m in _kind_by_majority(mentions)]
    assert kinds == [MentionKind.ORGANIZATION] * 3 + [MentionKind.PERSON]


def test_a_name_may_open_with_a_lower_case_letter() -> None:
    found = collect_entities(
        recognizer.mentions(["The visitors toured the eMed Harbin Diagnostic Center last week."])
    )
    assert any(name.startswith("eMed") for name in found.organizations)
    assert "Harbin Diagnostic Center" not in found.organizations


def test_xi_is_a_chinese_surname_after_a_title() -> None:
    found = collect_entities(
        recognizer.mentions(["The talks with Vice Premier of China Xi Mingde lasted an hour."])
    )
    assert "Xi Mingde" in found.persons


def test_two_places_round_a_spaced_dash_open_an_organisations_name() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Later the Mongolia – Russia Joint Venture Bank signed an agreement "
                "with the Sberbank of Russia."
            ]
        )
    )
    assert "Mongolia – Russia Joint Venture Bank" in found.organizations
    assert "Russia Joint Venture Bank" not in found.organizations


def test_a_place_and_a_title_make_no_organisation() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Russian Federation Consul General Boris K Orlov and senior officer Ivan D "
                "Semenov called on Chief Minister Ram Kumar Singh at the secretariat here."
            ]
        )
    )
    assert not any("Consul" in name for name in found.organizations)


def test_a_unit_named_by_its_place_belongs_to_the_organisation_before_it() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            ["Kama Trade Group's India Division Director Pavel Sokolov gave a talk."]
        )
    )
    assert "India Division" not in found.organizations


def test_two_places_round_a_dash_are_two_places() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            ["The leaders proposed to draft the Central Asia - China transport plan next year."]
        )
    )
    assert "China" in found.locations
    assert not any("-" in name for name in found.locations)


def test_regional_nationalities_alone_and_sign_off_initials_are_no_names() -> None:
    found = collect_entities(
        recognizer.mentions(["The Tatar delegation met the Tatar Chamber of Commerce.", "KL/DM"])
    )
    assert "Tatar" not in found.organizations
    assert "Tatar Chamber of Commerce" in found.organizations
    assert "KL" not in found.organizations and "DM" not in found.organizations


def test_a_vietnamese_name_after_a_title_is_a_person() -> None:
    found = collect_entities(
        recognizer.mentions(
            [
                "The new rules will help foreign investors, said Deputy Minister of Finance "
                "and Planning Vu Thanh Binh. The delegation then flew to Ho Chi Minh City."
            ]
        )
    )
    assert "Vu Thanh Binh" in found.persons
    assert "Thanh Binh" not in found.persons
    assert "Ho Chi Minh" not in found.persons


def test_two_compass_points_joined_name_no_place() -> None:
    found = collect_entities(
        recognizer.mentions(
            ["Officials praised the North-South corridor as the backbone of the new trade ties."]
        )
    )
    assert "North-South" not in found.locations


def test_a_ministers_field_before_the_title_is_no_body() -> None:
    """ "Kazakh Industry Minister Kanat Sharlapaev", "Industry and Trade Minister Denis
    Manturov": the field of a title before it; a named body keeps its head word."""
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                '"The project will create jobs," said Kazakh Industry Minister Kanat Sharlapaev.',
                "Industry and Trade Minister Denis Manturov visited the plant.",
                "The Foreign Ministry Minister of State met the delegation.",
            ]
        )
    )
    assert {"Kanat Sharlapaev", "Denis Manturov"} <= set(found.persons)
    assert not {"Kazakh Industry", "Industry and Trade", "Trade"} & set(found.organizations)
    assert "Foreign Ministry" in found.organizations


def test_a_firm_whose_name_a_place_leads_is_an_organisation_and_a_country_stays_a_place() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "The Kyzylorda region administration and China's Hong Kong Huaxin Group signed an"
                " agreement on the construction of a glass plant worth $300 million.",
                "The Russian Federation and the Eurasian Economic Union were named in it.",
            ]
        )
    )
    assert "Hong Kong Huaxin Group" in found.organizations
    assert "Hong Kong Huaxin Group" not in found.locations
    assert "Russian Federation" in found.locations


def test_a_name_of_two_words_after_a_company_word_is_the_company_not_a_person() -> None:
    found = collect_entities(
        EnglishEntityRecognizer(ShippedPlaces()).mentions(
            [
                "Buryat company Baikal Meat and a Mongolian firm are to sign an agreement.",
                "The statement was signed by the company Chairman John Smith in Ulan-Ude.",
            ]
        )
    )
    assert "Baikal Meat" in found.organizations and "Baikal Meat" not in found.persons
    assert "John Smith" in found.persons

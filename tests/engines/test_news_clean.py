"""Cleaning scraped pages: furniture goes (with its reason), every article line stays."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.engines.news.clean import clean


@pytest.fixture(scope="module")
def seeds(shared: Path) -> dict[str, str]:
    return {
        p.name[:3]: p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))
    }


def test_page_furniture_is_removed_with_reasons(seeds: dict[str, str]) -> None:
    reasons = {
        name: {r.text: r.reason for r in clean(text).removed} for name, text in seeds.items()
    }
    assert reasons["002"]["news_header_top_970_100"] == "ad slot"
    assert reasons["002"]["16+"] == "age rating"
    assert reasons["003"]["- Share on Facebook"] == "share button"
    assert reasons["003"]["10:05, 27 December"] == "publication time"
    assert reasons["001"]["Читайте также"] == "related links heading"
    assert reasons["001"]["Оставить комментарий"] == "comment form"
    assert reasons["004"]["Please enter your comment!"] == "comment form"
    assert reasons["004"]["128"] == "counter"
    assert reasons["000"]["News"] == "menu item"


def test_titles_are_found_once_and_repeats_dropped(seeds: dict[str, str]) -> None:
    articles = {name: clean(text) for name, text in seeds.items()}
    assert articles["004"].title.startswith("Ульяновская область и Республика Мордовия")
    assert (
        articles["002"].title
        == "Рустам Минниханов пригласил Alibaba Group разместить производство в Татарстане"
    )
    caption = "Визит делегации Республики Татарстан во главе с Президентом Республики Татарстан"
    assert sum(p.startswith(caption) for p in articles["002"].paragraphs) == 1
    assert articles["003"].published == "10:05, 27 December"


def test_every_article_sentence_survives(seeds: dict[str, str]) -> None:
    for fragment, name in [
        ("565 млн долларов США", "002"),
        ("изготовления части комплектующих вагонов", "004"),
        ("Approximately 10,000 people will participate", "000"),
        ("SF Frozen Logistics", "001"),
        ("Integral and Planar", "003"),
    ]:
        assert fragment in clean(seeds[name]).text, (name, fragment)


lines = st.lists(
    st.one_of(
        st.text(
            alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=80
        ),
        st.sampled_from(
            ["16+", "Share on VK", "Читайте также", "news_top_970_90", "*****", "128", ""]
        ),
    ),
    max_size=25,
)


@given(lines)
def test_nothing_is_dropped_unexplained(page: list[str]) -> None:
    raw = "\n".join(page)
    article = clean(raw)
    inputs = [(n, " ".join(line.split())) for n, line in enumerate(raw.splitlines(), 1)]
    cut = {r.line for r in article.removed}
    assert all(inputs[r.line - 1][1] == r.text for r in article.removed)
    rest = [line for n, line in inputs if line and n not in cut]
    kept = ([article.title] if article.title else []) + list(article.paragraphs)
    # What is not removed is kept, in order (hard-wrapped lines joined into one paragraph).
    assert " ".join(kept) == " ".join(rest)


@given(lines)
def test_cleaning_is_idempotent(page: list[str]) -> None:
    once = clean("\n".join(page))
    twice = clean(once.text)
    assert (twice.title, twice.paragraphs) == (once.title, once.paragraphs)


def test_hard_wrapped_lines_are_joined_into_their_paragraph() -> None:
    article = clean(
        "Chinese automobile manufacturer Chery Automotive Co (CAC) has\n"
        "signed a partnership agreement with the Russian-based Avtotor to\n"
        "assemble cars in Russia.\nDetails are still under discussion.\nshort line\nnext\n"
    )
    assert article.title == ""
    assert article.paragraphs[0] == (
        "Chinese automobile manufacturer Chery Automotive Co (CAC) has signed a partnership "
        "agreement with the Russian-based Avtotor to assemble cars in Russia."
    )
    assert article.paragraphs[1:] == ("Details are still under discussion.", "short line", "next")


def test_a_rubric_over_the_title_and_tag_lines_go() -> None:
    article = clean(
        "Главная\nЭкономика\nНижегородские предприятия ищут партнёров в Узбекистане\n"
        "Делегация приняла участие в форуме.\nТеги: экономика, промышленность\n"
    )
    assert article.title == "Нижегородские предприятия ищут партнёров в Узбекистане"
    assert {r.text: r.reason for r in article.removed} == {
        "Главная": "menu item",
        "Экономика": "section heading",
        "Теги: экономика, промышленность": "tags",
    }
    assert [r.line for r in article.removed] == [1, 2, 5]


@pytest.mark.parametrize(
    ("top", "title"),
    [
        (  # a government's site: its name, a section, the headline, a stamp
            "Правительство Пензенской области\nНовости\n"
            "Пензенскую область посетила делегация деловых кругов Республики Узбекистан\n"
            "2 декабря 2026, 10:15",
            "Пензенскую область посетила делегация деловых кругов Республики Узбекистан",
        ),
        (  # an agency's name and its section, each alone on a line
            "БелТА\nЭкономика\n"
            "Минская область и Калужская область договорились о создании производства",
            "Минская область и Калужская область договорились о создании производства",
        ),
        (  # a section of three words under the agency's name
            "ТАСС\nЭкономика и бизнес\n"
            "Китайская Haval инвестирует 15 млрд рублей в расширение завода в Тульской области",
            "Китайская Haval инвестирует 15 млрд рублей в расширение завода в Тульской области",
        ),
        (
            "Russian Export Center\nPress centre\n"
            "Sverdlovsk business mission to India ends with export contracts signed",
            "Sverdlovsk business mission to India ends with export contracts signed",
        ),
        (  # an agency's name of five words, then its menu, some items in lower case
            "Агентство инвестиционного развития Республики Татарстан\n"
            "О нас Проекты Новости Контакты\n"
            "Китайская компания Sany откроет в «Алабуге» завод по выпуску строительной техники",
            "Китайская компания Sany откроет в «Алабуге» завод по выпуску строительной техники",
        ),
        (  # a ministry's full name of six words over its breadcrumb trail
            "Министерство промышленности и торговли Российской Федерации\n"
            "Главная / Пресс-центр / Новости\n"
            "Правительство расширило перечень промышленной продукции, на которую распространяется"
            " запрет на закупки иностранных товаров",
            "Правительство расширило перечень промышленной продукции, на которую распространяется"
            " запрет на закупки иностранных товаров",
        ),
        (  # a Chinese agency's name, longer than a section's
            "俄罗斯卫星通讯社\n中国长城汽车将在图拉州扩建工厂",
            "中国长城汽车将在图拉州扩建工厂",
        ),
        (  # a stamp with no year
            "19 июня, 12:26\nБизнес-миссия из Перми начала работу в китайском городе Чанчжоу",
            "Бизнес-миссия из Перми начала работу в китайском городе Чанчжоу",
        ),
    ],
)
def test_a_masthead_and_a_section_over_the_headline_go(top: str, title: str) -> None:
    article = clean(f"{top}\nДелегация приняла участие в форуме и провела переговоры.")
    assert article.title == title
    assert article.paragraphs == ("Делегация приняла участие в форуме и провела переговоры.",)


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # a short title over a heading of about its length: both are the story's
        ("Россия и Китай\nНовые горизонты сотрудничества регионов", "Россия и Китай"),
        # a short title over its lead, which ends a sentence
        ("Ставка на Китай", "Ставка на Китай"),
        # a short Chinese title: its words are only counted by characters
        ("中俄地方合作\n黑龙江省代表团访问新西伯利亚州并签署多项合作协议", "中俄地方合作"),
    ],
)
def test_a_short_title_stays(top: str, title: str) -> None:
    article = clean(f"{top}\nГубернатор провёл переговоры с делегацией провинции Цзянсу.")
    assert article.title == title


def test_a_hard_wrapped_page_is_joined_back_into_paragraphs() -> None:
    page = (
        "The delegation of the region visited\n"
        "the China Association of Automobile\n"
        "Manufacturers and the plant of the company, which plans to open\n"
        "a factory in the region and to hire\n"
        "local staff.\n"
        "The plant will make engines for the trucks that are assembled\n"
        "in the region."
    )
    article = clean(page)
    assert article.title == ""
    assert article.paragraphs == (
        "The delegation of the region visited the China Association of Automobile Manufacturers "
        "and the plant of the company, which plans to open a factory in the region and to hire "
        "local staff.",
        "The plant will make engines for the trucks that are assembled in the region.",
    )


def test_a_title_over_unwrapped_lines_stays_a_title() -> None:
    article = clean("Regions sign a deal\nThe governor said the deal was signed.\nIt covers cars.")
    assert article.title == "Regions sign a deal"


def test_a_crawlers_date_stamp_opening_a_line_is_kept_aside() -> None:
    article = clean(
        " date 2023-04-05 Officials of the two provinces met in Harbin.\nThey signed a plan.\n"
    )
    assert article.published == "2023-04-05"
    assert article.text.startswith("Officials of the two provinces met in Harbin.")
    assert "2023-04-05" not in article.text


ARTICLE = (
    "Турецкая компания откроет производство в Ульяновской области\n"
    "Турецкая компания откроет в ОЭЗ «Ульяновск» производство текстильных изделий, сообщили"
    " в правительстве области.\n"
)
HEADLINES = (
    "Губернатор Пензенской области встретился с послом Китая\n"
    "Белорусский МТЗ будет собирать тракторы в Брянской области\n"
    "В Татарстане подписали соглашение с Вьетнамом\n"
)


def test_headlines_in_a_row_after_the_article_are_links_to_other_stories() -> None:
    article = clean(ARTICLE + "Популярное\n" + HEADLINES + "© 2024 Все права защищены.\n")
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Популярное"] == "related links heading"
    assert {reasons.get(line) for line in HEADLINES.splitlines()} == {"list of headlines"}
    assert article.title.startswith("Турецкая компания откроет производство")


def test_headlines_before_the_article_two_in_a_row_or_a_list_introduced_stay() -> None:
    # before any prose the lines may be the title; two headlines are no list; a colon
    # introduces the article's own list
    before = clean(HEADLINES + ARTICLE)
    assert not [r for r in before.removed if r.reason == "list of headlines"]
    two = clean(ARTICLE + "\n".join(HEADLINES.splitlines()[:2]))
    assert not [r for r in two.removed if r.reason == "list of headlines"]
    introduced = clean(ARTICLE + "Подписаны следующие документы:\n" + HEADLINES)
    assert not [r for r in introduced.removed if r.reason == "list of headlines"]


def test_chinese_headlines_after_the_article_are_counted_in_characters() -> None:
    article = clean(
        "黑龙江省代表团访问阿穆尔州\n"
        "应阿穆尔州政府邀请，黑龙江省代表团日前访问了布拉戈维申斯克市，双方就扩大经贸合作进行了会谈。\n"
        "热门推荐\n"
        "哈尔滨市与叶卡捷琳堡市签署友好城市协议\n"
        "中俄博览会吸引三千家企业参展\n"
        "吉林省企业赴俄罗斯滨海边疆区考察\n"
    )
    removed = {r.text: r.reason for r in article.removed}
    assert removed["热门推荐"] == "related links heading"
    assert removed["中俄博览会吸引三千家企业参展"] == "list of headlines"
    assert article.title == "黑龙江省代表团访问阿穆尔州"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Главная / Новости / Экономика", "menu"),
        ("Вход | Регистрация | Поиск", "menu"),
        ("Home | Business | Industry | Contact us", "menu"),
        ("首页 | 新闻中心 | 经贸动态 | 联系我们", "menu"),
        ("Новости » Экономика » Промышленность", "menu"),
        ("© 2026 Ульяновск-Новости. Все права защищены.", "copyright"),
        ("Copyright 2026 BelTA. All rights reserved.", "copyright"),
        ("版权所有 黑龙江日报社", "copyright"),
        ("Читайте также: В Ульяновске открылся новый торговый центр", "related link"),
        ("Related news: Belarus, Vietnam discuss agricultural cooperation", "related link"),
        ("相关新闻：哈尔滨举办冰雪节", "related link"),
        ("Subscribe to our newsletter", "subscription"),
        ("Новости Беларуси | Экономика", "menu"),
        ("Политика Экономика Общество Происшествия", "menu"),
        ("News | Business", "menu"),
        ("新闻中心 | 经贸动态", "menu"),
        ("Меню", "menu item"),
        ("Menu", "menu item"),
        ("菜单", "menu item"),
        ("Поиск", "menu item"),
        ("Материалы по теме", "related links heading"),
    ],
)
def test_menus_copyright_related_links_and_subscriptions_go(line: str, reason: str) -> None:
    article = clean(f"{line}\nThe title of the story\nThe region signed an agreement with China.")
    assert {r.text: r.reason for r in article.removed} == {line: reason}
    assert article.title == "The title of the story"


@pytest.mark.parametrize(
    "line",
    [
        # a title with a slash or a dash, prose listing items, a quote about rights
        "Россия / Китай: новые горизонты промышленной кооперации",
        "Компания выпускает тракторы, комбайны и погрузчики для Казахстана.",
        "Haier | Midea: two plants for Tatarstan",
        "Беларусь | Китай",
        "Татарстан и Хубэй создадут СП",
        "Минпромторг России",
        "The investor's rights are protected by the agreement.",
    ],
)
def test_article_lines_like_furniture_stay(line: str) -> None:
    assert not clean(f"{line}\nThe region signed an agreement with China.").removed


def test_a_chinese_title_with_a_space_is_no_rubric() -> None:
    """A Chinese title of two space-separated phrases is a title, not a section heading."""
    article = clean("首页\n黑龙江省代表团访问新西伯利亚州 签署多项合作协议\n双方签署了合作备忘录。")
    assert article.title == "黑龙江省代表团访问新西伯利亚州 签署多项合作协议"


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Xinhua | Updated: 2026-11-25 09:14", "2026-11-25 09:14"),
        ("Опубликовано: 15.11.2026 12:40", "15.11.2026 12:40"),
        ("发布时间：2026-11-18 10:22", "2026-11-18 10:22"),
        ("Posted 25 November 2026", "25 November 2026"),
    ],
)
def test_a_labelled_publication_stamp_is_no_title(line: str, published: str) -> None:
    article = clean(f"{line}\nThe title of the story\nThe region signed an agreement with China.")
    assert article.title == "The title of the story"
    assert article.published == published
    assert [r.reason for r in article.removed] == ["publication time"]


def test_prose_that_says_published_stays() -> None:
    text = "The ministry published 2 new rules on localization of car production for the region."
    assert clean(f"Title\n{text}").paragraphs == (text,)


def test_a_heading_ending_in_a_names_closing_quote_is_no_sentence() -> None:
    """A masthead «ИА «Амур.инфо»» above the headline is a heading, not the story's first
    sentence; a headline ending in a quoted name is the title."""
    article = clean(
        "ИА «Амур.инфо»\nКитайский инвестор вложит 12 млрд рублей в Приамурье\n"
        "Губернатор провел встречу с инвестором.\n"
    )
    assert article.title == "Китайский инвестор вложит 12 млрд рублей в Приамурье"
    article = clean("«Росатом» построит завод в «Алабуге»\nСоглашение подписано в Казани.\n")
    assert article.title == "«Росатом» построит завод в «Алабуге»"

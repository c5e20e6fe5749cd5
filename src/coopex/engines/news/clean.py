"""Stripping a scraped news page down to its article, line by line, saying why for each cut.

Scraped text carries page furniture: ad-slot ids (`news_header_top_970_100`), age ratings,
view counters, share buttons, comment forms, "read also" headings, menus, repeated titles and
captions. Each rule below names what it removes; the rules are about page furniture in
general (in Russian, English and Chinese), not about particular sites. Every input line ends
up either kept or in `removed` with its reason, so nothing disappears unexplained.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

_FLAGS = re.IGNORECASE | re.UNICODE
_SENTENCE_END = re.compile(r"[.!?…。！？»”\"')]\s*$")
# A heading may end in a name's closing quote («ИА «Амур.инфо»», «"Росатом" построит завод в
# "Алабуге"»): only a stop, before any closing quotes, ends it as a sentence.
_STOPPED = re.compile(r"[.!?…。！？][»”\"')]*\s*$")
MAX_FURNITURE_WORDS = 12  # longer lines are prose, whatever words they contain
_WRAPPED_LINES = 3  # lines going on in the next one that make a page hard-wrapped

RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ad slot", re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+){2,}$", _FLAGS)),
    ("age rating", re.compile(r"^\d{1,2}\s?\+$")),
    ("counter", re.compile(r"^\d{1,7}$")),
    ("separator", re.compile(r"^[\W_]+$", _FLAGS)),
    (
        "share button",
        re.compile(
            r"^[-•*·\s]*(share( on)?|tweet|pin it|поделиться|поделись|分享(到)?)\b.{0,40}$", _FLAGS
        ),
    ),
    (
        "comment form",
        re.compile(
            r"(leave a (reply|comment)|please enter your (comment|name)|add (a )?comment|"
            r"оставить комментарий|оставьте (ответ|комментарий)|войти,? чтобы оставить|"
            r"комментари(и|ев)\s*\(\d+\)|发表评论|评论\s*\(\d+\))",
            _FLAGS,
        ),
    ),
    (
        "related links heading",
        re.compile(
            r"^(читайте также|читать также|смотрите также|см\. также|по теме|другие новости|"
            r"похожие новости|материалы по теме|популярное|самое (читаемое|популярное)|"
            r"новости партн[её]ров|"
            r"лента новостей|read (also|more)|see also|related( news| articles| stories)?|"
            r"most (read|popular)|popular( news)?|latest news|"
            r"相关(新闻|阅读|文章)|热门(新闻|文章|推荐)?|推荐阅读|最新(新闻|资讯))\s*[:.]?$",
            _FLAGS,
        ),
    ),
    (
        "menu item",
        re.compile(
            r"^(news|новости|главная|home|新闻|首页|menu|меню|菜单|search|поиск|搜索|"
            r"log ?in|sign in|вход|войти|登录)$",
            _FLAGS,
        ),
    ),
    ("tags", re.compile(r"^(теги|метки|tags|标签)\s*[:：]", _FLAGS)),
    (
        "copyright",
        re.compile(
            r"(©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|все права защищены|"
            r"版权所有|版权声明)",
            _FLAGS,
        ),
    ),
    (
        "related link",
        re.compile(
            r"^(читайте также|читать также|смотрите также|см\. также|по теме|"
            r"related( news| articles| stories)?|read (also|more)|see also|"
            r"相关(新闻|阅读|文章)|推荐阅读)\s*[:：]\s*\S",
            _FLAGS,
        ),
    ),
    (
        "subscription",
        re.compile(
            r"^(subscribe|sign up|подпис(ывайтесь|аться|ка)|订阅|关注我们)\b.{0,60}$", _FLAGS
        ),
    ),
)
# "Главная / Новости / Экономика", "Home | Business | Contact us", "首页 | 新闻中心 | 联系我们":
# a menu or breadcrumb trail, three or more short items between separators.
_MENU_SEPARATOR = re.compile(r"\s+[|/»>•·→]\s+|\s*[|»•·→]\s*")
_MENU_ITEMS = 3
# "Политика Экономика Общество Происшествия": a menu whose items only spaces divide; Russian
# headlines are written in sentence case, so three or more capitalised words alone are none.
_SPACED_MENU = re.compile(r"^(?:[А-ЯЁ][а-яё]+\s+){2,7}[А-ЯЁ][а-яё]+$")
_MENU_ITEM_WORDS = 4
# "10:05, 27 December" / "27 декабря 2023, 10:05" / "19 июня, 12:26" / "2023-12-27": a
# publication stamp, kept aside.
TIMESTAMP = re.compile(
    r"^(\d{1,2}:\d{2},?\s+\d{1,2}\s+[^\W\d_]+(\s+\d{4})?|\d{1,2}\s+[^\W\d_]+\s+\d{4}(,?\s+\d{1,2}:\d{2})?|"
    r"\d{1,2}\s+[^\W\d_]+,?\s+\d{1,2}:\d{2}|"
    r"\d{1,2}\.\d{1,2}\.\d{4}(,?\s+\d{1,2}:\d{2})?|"
    r"\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2})?|\d{4}年\d{1,2}月\d{1,2}日)$",
    _FLAGS,
)
# "Xinhua | Updated: 2026-11-25 09:14", "Опубликовано: 15.11.2026", "发布时间：2026-11-18": a
# labelled publication stamp in a short line of furniture, kept aside like a bare stamp.
STAMP_LINE = re.compile(
    r"(?:\b(?:updated|published|posted|обновлено|опубликовано|дата публикации)|"
    r"发布时间|更新时间|发布日期)\s*[:：]?\s*(\d.*)$",
    _FLAGS,
)
MAX_STAMP_LINE_WORDS = 8
# "date 2025-10-10 During his meeting with …": a crawler's publication stamp opening the first
# line of the article, kept aside like a stamp of its own line (its digits are no figure of the
# sentence they open).
STAMP_PREFIX = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\s+(?=\S)")
SECTION_PREFIXES = ("новости", "news", "新闻")


@dataclass(frozen=True, slots=True)
class Removed:
    line: int  # 1-based line number in the input
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Article:
    title: str
    paragraphs: tuple[str, ...]
    published: str | None
    removed: tuple[Removed, ...]

    @property
    def text(self) -> str:
        return (
            "\n".join([self.title, *self.paragraphs]) if self.title else "\n".join(self.paragraphs)
        )


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded).split())


def _furniture(line: str) -> str | None:
    if len(line.split()) > MAX_FURNITURE_WORDS:
        return None
    for reason, pattern in RULES:
        if pattern.search(line):
            return reason
    return "menu" if _menu(line) or _SPACED_MENU.match(line) else None


def _menu(line: str) -> bool:
    items = [item.strip() for item in _MENU_SEPARATOR.split(line)]
    # two items make a trail when the first is the site's news section ("Новости Беларуси |
    # Экономика", "News | Business")
    sectioned = len(items) == 2 and items[0].casefold().startswith(SECTION_PREFIXES)
    return (
        (len(items) >= _MENU_ITEMS or sectioned)
        and all(item and _words(item) <= _MENU_ITEM_WORDS for item in items)
        and not _SENTENCE_END.search(line)
    )


def clean(raw: str) -> Article:
    """The article in `raw` (plain text, one paragraph or block per line)."""
    lines = [
        (number, " ".join(original.split())) for number, original in enumerate(raw.splitlines(), 1)
    ]
    lines = [(number, line) for number, line in lines if line]
    first_seen: dict[str, int] = {}
    for number, line in lines:
        first_seen.setdefault(_key(line), number)
    kept: list[tuple[int, str]] = []
    removed: list[Removed] = []
    seen: set[str] = set()
    published: str | None = None
    for number, line in lines:
        if (stamp := STAMP_PREFIX.match(line)) is not None:
            published = published or stamp.group(1)
            line = line[stamp.end() :]
        key = _key(line)
        reason = _furniture(line)
        if reason is None and TIMESTAMP.match(line):
            reason = "publication time"
            published = published or line
        if (
            reason is None
            and _words(line) <= MAX_STAMP_LINE_WORDS
            and (labelled := STAMP_LINE.search(line)) is not None
        ):
            reason = "publication time"
            published = published or labelled.group(1)
        if reason is None and key in seen:
            reason = f"repeats line {first_seen[key]}"
        if reason is None:
            prefix, _, rest = key.partition(" ")
            if prefix in SECTION_PREFIXES and rest in first_seen:
                reason = f"section name + line {first_seen[rest]}"
        if reason is not None:
            removed.append(Removed(number, line, reason))
            continue
        seen.add(key)
        kept.append((number, line))
    kept = _unwrapped(kept)
    kept, listed = _headline_lists(kept)
    removed.extend(listed)
    while len(kept) > 1 and _is_rubric(kept[0][1], [line for _, line in kept[1:]]):
        removed.append(Removed(*kept.pop(0), "section heading"))
    title, paragraphs = _split_title([line for _, line in kept])
    removed.sort(key=lambda cut: cut.line)
    return Article(title, tuple(paragraphs), published, tuple(removed))


# A line cut mid-sentence by a hard wrap goes on, in lower case, on the next line.
_WRAPPED_ON = re.compile(r"^[a-zа-яё]")
MIN_WRAPPED_WORDS = 5  # shorter unfinished lines are headings or menu items, not wrapped prose


def _unwrapped(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Hard-wrapped prose ("... Chery Automotive Co (CAC) has" / "signed a partnership ...")
    joined back into its paragraph, numbered by its first line. On a page wrapped at a fixed
    width (lines going on in lower case again and again) a long line ending mid-sentence goes
    on in the next one whatever its first letter, so that no name is cut in two ("China
    Association of Automobile" / "Manufacturers"); the first line only when the next one
    starts in lower case (it may be a title)."""

    def unfinished(line: str) -> bool:
        return len(line.split()) >= MIN_WRAPPED_WORDS and not _SENTENCE_END.search(line)

    going_on = sum(
        1
        for (_, line), (_, following) in pairwise(lines)
        if unfinished(line) and _WRAPPED_ON.match(following)
    )
    wrapped_page = going_on >= _WRAPPED_LINES and going_on * 3 >= len(lines)
    joined: list[tuple[int, str]] = []
    for number, line in lines:
        if joined and unfinished(joined[-1][1]):
            first, previous = joined[-1]
            may_be_title = len(joined) == 1 and previous == lines[0][1]
            if _WRAPPED_ON.match(line) or (wrapped_page and not may_be_title):
                joined[-1] = (first, f"{previous} {line}")
                continue
        joined.append((number, line))
    return joined


# Three or more headlines in a row after the article has begun are links to other stories
# ("Популярное", "Related news", a sidebar), whose facts are not the page's.
HEADLINE_RUN = 3
MIN_PROSE_WORDS = 8  # a line this long that ends a sentence is the article's prose
_LIST_MARKER = re.compile(r"^\s*(?:[-–—•·*▪]|\d{1,2}[.)])")


_HAN = re.compile(r"[\u3400-\u9fff]")


def _words(line: str) -> int:
    """About how many words a line has: Chinese writes no spaces, and its words average about
    two characters."""
    han = len(_HAN.findall(line))
    return han // 2 + len(_HAN.sub(" ", line).split()) if han else len(line.split())


def _headline(line: str) -> bool:
    """A line that reads like a story's headline: a few words, no closing stop, no list item."""
    return (
        3 <= _words(line) <= 20
        and not _SENTENCE_END.search(line)
        and not line.rstrip().endswith((":", "：", ",", ";"))
        and not _LIST_MARKER.match(line)
    )


def _prose(line: str) -> bool:
    return _words(line) >= MIN_PROSE_WORDS and bool(_SENTENCE_END.search(line))


def _headline_lists(
    lines: list[tuple[int, str]],
) -> tuple[list[tuple[int, str]], list[Removed]]:
    """The lines without the runs of `HEADLINE_RUN` or more headlines after the first line of
    prose (a list a line ending in a colon introduces is the article's own)."""
    body = next((at for at, (_, line) in enumerate(lines) if _prose(line)), None)
    if body is None:
        return lines, []
    kept = list(lines[: body + 1])
    cut: list[Removed] = []
    run: list[tuple[int, str]] = []
    for number, line in [*lines[body + 1 :], (0, "")]:
        introduced = not run and kept[-1][1].rstrip().endswith((":", "："))
        if line and _headline(line) and not introduced:
            run.append((number, line))
            continue
        if len(run) >= HEADLINE_RUN:
            cut.extend(Removed(n, text, "list of headlines") for n, text in run)
        else:
            kept.extend(run)
        run = []
        if line:
            kept.append((number, line))
    return kept, cut


# Above a headline, a page may carry its site's or publisher's name and a section's:
# «Правительство Пензенской области», «Российский экспортный центр», «Экономика и бизнес».
RUBRIC_WORDS = 2  # a heading this short over a longer one is a section's name
MASTHEAD_WORDS = 6  # a heading this short over one far longer is a masthead (or a menu)
MASTHEAD_MARGIN = 4  # "far longer": this many words more
_RUBRICS_IN_A_ROW = 3
# A Chinese masthead names its medium ("俄罗斯卫星通讯社", "黑龙江日报", "东北网"): Chinese
# words, counted by characters, cannot tell it from a short title by its length.
_CHINESE_MEDIUM = re.compile(
    r"^[\u3400-\u9fff]{1,10}(?:通讯社|新闻社|新闻网|日报|晚报|时报|商报|电视台|网)$"
)


def _is_rubric(line: str, following: Sequence[str]) -> bool:
    """ "Экономика" above "Нижегородские предприятия ищут партнёров", "БелТА" and "Экономика"
    above a headline, «Российский экспортный центр» above «Бизнес-миссия свердловских
    предприятий в Индию завершилась подписанием контрактов»: a short heading over the real
    title is a section's or a masthead's name."""

    def heading(text: str) -> bool:
        return not _STOPPED.search(text) and len(text) <= 250

    words = _words(line)
    if not heading(line) or words > MASTHEAD_WORDS:
        return False
    # Chinese words are only counted by characters: a short Chinese title stays.
    counted = not _HAN.search(line)
    medium = _CHINESE_MEDIUM.match(line) is not None
    for text in following[:_RUBRICS_IN_A_ROW]:
        if not heading(text):
            return False
        longer = _words(text)
        masthead = medium or (counted and longer >= words + MASTHEAD_MARGIN)
        if longer >= 3 and (words <= RUBRIC_WORDS or masthead):
            return True
        if longer > MASTHEAD_WORDS:
            return False  # a heading of about its length: both are the story's
    return False


def _split_title(lines: list[str]) -> tuple[str, list[str]]:
    """The first line is the title when it reads like one: short, without a closing stop."""
    if lines and len(lines[0]) <= 250 and not _STOPPED.search(lines[0]):
        return lines[0], lines[1:]
    return "", lines

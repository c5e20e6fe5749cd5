"""The wordings news events are read by, per language, as shipped data
(`data/reference/event_cues.csv`, read by `reference/event_cues.py`): trigger wordings per
event type, tried in file order, and the wordings of each role the reader needs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from coopex.domain.news import EventType
from coopex.engines.screen import Screen

_I = re.IGNORECASE
# "About 20 agreements worth 250 bn roubles will be signed": a statistic, not a lead.
STATISTICS = frozenset({EventType.AGREEMENT, EventType.INVESTMENT})
# What a coming event's programme lists (signings, presentations, exhibitions): no event yet.
PROGRAMME_ITEMS = frozenset({EventType.AGREEMENT, EventType.PRODUCT_PRESENTATION})


def _any(alternatives: Sequence[str]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(alternatives) + ")" if alternatives else "(?!)", _I)


def _whole(alternatives: Sequence[str]) -> re.Pattern[str]:
    """A cue that must match all of a text (a joint between two names), spaces around it."""
    return re.compile(r"^\s*" + _any(alternatives).pattern + r"\s*$", _I)


def _country_adjectives(by_cue: Mapping[str, list[str]]) -> tuple[re.Pattern[str], ...]:
    """Each `country_adjective` row before a party's noun, then each `joint_adjective` row."""
    nouns = "|".join(by_cue.get("party_noun", [])) or "(?!)"
    return tuple(
        re.compile(adjective + rf"(?=\s+(?:{nouns}))")
        for adjective in by_cue.get("country_adjective", [])
    ) + tuple(re.compile(joint) for joint in by_cue.get("joint_adjective", []))


# Roles of the cue table besides the event types (data/reference/event_cues.csv).
CUE_ROLES = (
    "inviting",  # somebody invites or offers: a localization invitation, not a plan
    "invites_alone",  # an inviting verb with its subject before it: "пригласил", "invites"
    "lends",  # a loan or financing granted: the lender is no party of the plant it finances
    "local_partner",  # "local partner ", «местным партнёром »: the firm after helps a plan
    "production_of",  # «локализации производства компании »: the firm after owns what is made
    "financed_by",  # "financed by ", «за счёт кредита »: the bank after finances a plan
    "planning",  # the company plans it itself: a localization plan
    "same_again",  # "Схожее предложение поступит и компании X": the previous event with X
    "points_back",  # "этой компании": an organisation named earlier
    "not_a_forum",  # a press conference is not a forum
    "not_signed_yet",  # "表示，将尽快签署协议": a signing a speaker only intends is none yet
    "called_off",  # "отказалась от строительства", "talks were cancelled": nothing happens
    "document_referred",  # "按照合作协议", "协议的落实": a document referred to, no signing told
    "hired",  # "signed a contract with a Chinese striker": a person hired or enrolled, no partner
    "counted",  # "20 agreements are planned": a statistic, not a lead
    "signed_count",  # "signed 16 agreements with": counted as they are signed, no statistic
    "owner_before",  # "白俄罗斯共和国经贸合作推介会": the place right before presents
    "programme",  # "期间将举办推介会、举行签约仪式": a coming event's programme, nothing held yet
    "tallied",  # "подписали документы на $3,5 миллиарда": documents totalled, a statistic too
    "dated",  # "15 марта", "2023 году": a number that is a day or a year counts nothing
    "venue_before",  # "на территории ОЭЗ «Иннополис»": a venue, not a party
    "held_in",  # "в Пекине", "in Beijing", "在哈尔滨": before a place an event is held in
    "said",  # the verb of an attribution: "...," said X; ", reported X"; «…», — сообщил X
    "media",  # an organisation name that is a news medium: it reports, it is not a party
    "occasion",  # "at the meeting", "в ходе переговоров": talks as the occasion of a statement
    "frame",  # "в рамках встречи": talks that frame what the sentence tells are not its news
    "states",  # a verb of saying: "заявил", "stated", "表示"
    "background",  # "previously", "ранее", "之前": an earlier fact told as context
    "told_again",  # "the document was signed by", "会见时在座": an event the page has told of
    "title",  # "Чрезвычайный и Полномочный Посол Италии": a person's title taken for a name
    "document_name",  # "Eurasian Economic Union Treaty": a document signed, not a party
    "document_item",  # "- Agreement on …" after "the following agreements were signed:"
    "delegations_meet",  # "the Russian delegation …, and the Chinese delegation …": talks, no visit
    "owner_after",  # "'s" right after a name: what follows is its own ("X's investment potential")
    "firm",  # "компания", "company", "公司": a sentence that speaks of a firm, named or not
    "respectively",  # "分别与 A 和 B" (with A and B respectively): one event with each
    "speaker_before",  # "По словам ", "According to ", "据": the speaker's organisation follows
    "speaker_after",  # "…厅长表示，": the words after the organisation of a speaker who opens
    "sought_in",  # "партнёров в ", "partners in ", "在": the words before where partners are sought
    "with_party",  # "с компаниями ", "with ", "与": the words right before a party governed
    "list_joint",  # ", ", " и ", " and ", "、": all that stands between two parties listed
    "between",  # "between ", "между ": the words before the first of two parties a document joins
    "signed_by",  # "were signed by ": the words before the signer who signs with each listed after
    "pair_joint",  # " и ", " с ", " with ", "与": all that stands between the two parties of a pair
    "pairs_apart",  # ", а также между ", "、": all that stands between one pair and the next
    "name_joint",  # " и крупнейший производитель ": between two organisations named as one side
    "clause_apart",  # ", а ", ", and ", "，": where a later clause of a sentence begins
    "gapped_joint",  # " — с ", " with ": between a later clause's two parties, its verb left out
    "governs",  # "Администрация Перми", "people's government": a place's own body is the place
    "delegation_of",  # "делегация провинции ", "delegation from ": the words before its party
    "delegation_by",  # "… delegation", "…代表团": the words after the party a delegation is of
    "representatives",  # "представители индийской компании ": the words before a visiting firm
    "visitor_noun",  # "ambassador", "delegation": who comes on a visit, called by its country
    "envoy_to",  # "Ambassador to ": an envoy's title before the country he is sent to, no host
    "visited_body",  # "visited the ": the words right before a body abroad a visit goes to
    "short_country",  # "对华", "中俄", "俄方": a country by one character, its group named by code
    "place_back",  # "该市", "该州", "该国": a place named before, by the word its name ends in
    # "Chinese" in "Chinese partners": a country the page may never name, group by code; it
    # names the country only before a `party_noun`
    "country_adjective",
    "party_noun",  # "partners", "компании": the nouns a `country_adjective` must qualify
    "joint_adjective",  # "российско-китайский": the other country, with no noun needed
    "country_name",  # "CN=China": the name a country goes by where the page only says "Chinese"
    "talks_apart",  # "会见", "会谈": talks reported on their own, even on a visit or at a forum
    "plant_name",  # "…汽车总装厂": an organisation named as a plant, not a party to its plan
    "one_document",  # "a three-lateral agreement with A and B": one document of all the parties
    "abroad_before",  # "провинции ", "префектуры ": a place word of no home country, before a name
    "body_of",  # "of" in "People's Committee of Quang Nam Province": the body's place follows
    "agreed_only",  # "договорились": agreeing, no document; agreeing to do an event is that event
    # "…代表团一行", "бизнес-миссия": a visit told on its own (or an organised mission), not
    # absorbed by a forum it attends
    "visit_apart",
    "visit_to",  # "во время визита в ": the words right before the place a visit comes to
    "delegation_noun",  # "турецкая делегация": a word and the delegation noun it may qualify
    "home_back",  # «посетила регион», "visited the region", 来我省: the story's own place, unnamed
    "one_firm",  # «Китайский производитель», "a Chinese carmaker", 一家中国企业: one firm, unnamed
    "visitor_person",  # "представитель ", "посол ": who comes, right after the place visited
    "invited_only",  # "пригласил … посетить регион", "邀请…出席": invited, no visit or forum yet
    "exhibition_venue",  # "подписано … на выставке": an exhibition where another event happened
    "seated",  # "Посольство РФ", "Embassy of": an office named with the place it sits in after it
    "required",  # "инвестор должен вложить": what a party must do is a rule, not an event
    "trend",  # "more Chinese companies are seeking …", «всё больше компаний»: a trend, no firm's
    "our_place",  # "我省", "我市": the writer's own place; the page is told from its country
    "title_owner",  # "…活动周", "…代表团赴": after a region a title tells holds or sends it
    "state_visit",  # "俄罗斯总统将访华": a head of state's visit is diplomacy, no business mission
    "other_field",  # "туристы", "athletes": sport, culture, tourism, study — no cooperation
    "purpose",  # "станет площадкой для переговоров": what a place is for, not what happened
    "document_back",  # "соответствующее соглашение": the document of the event just told
    "sides_back",  # "Стороны", "главы регионов": the two sides of the talks just told
    "home_meeting",  # "заседание правительства области": the home side's own meeting
    "firms_listed",  # "Турецкие компании ": the words right before firms listed as each acting
    "together",  # "совместно", "совместное": firms acting together, one plant of theirs
    "plants",  # "заводы", "plants", 分别: plants in the plural, one of each firm a sentence lists
    "each_one",  # "по 1 млрд рублей", "$100 million each": a sum each firm listed puts in
    "zone",  # "ОЭЗ «Алабуга»", "industrial park": a zone that hosts plants, its place's side
    "trade_measure",  # "вдвое", "две трети", "первое место": a trade figure told in words
    "trade_change",  # "вырос", "сократился": a change of trade reported as a fact
    "trade_forecast",  # "может вырасти", "по прогнозам": a trade figure only foreseen
    "trade_history",  # "в 1990-е годы", "напомним": trade told as history or a recap
    "contract_value",  # "договоры на поставку … на $67 млн": the sum is the contracts' value
    "joint_venture",  # "совместные предприятия": ventures formed together, no plant named
    "head_unnamed",  # "акимом области": a head called by his title, his region not named
    "head_before",  # "акима ": a head's title right before the region he heads
    "plant_or_project",  # "завод", "the project", "该项目": the money is for a plant or project
)


@dataclass(frozen=True, slots=True)
class EventCues:
    """The wordings events are read by, per language, as shipped data: trigger wordings per
    event type (in the order they are tried) and the wordings of each role in `CUE_ROLES`."""

    triggers: tuple[tuple[EventType, re.Pattern[str]], ...]
    # the types whose wordings may match a sentence (most sentences have none), in one scan
    screen: Screen[EventType]
    inviting: re.Pattern[str]
    planning: re.Pattern[str]
    same_again: re.Pattern[str]
    points_back: re.Pattern[str]
    not_a_forum: re.Pattern[str]
    counted: re.Pattern[str]
    venue_before: re.Pattern[str]
    held_in: re.Pattern[str]
    attribution: re.Pattern[str]
    media: re.Pattern[str]
    occasion: re.Pattern[str]
    frame: re.Pattern[str]
    states: re.Pattern[str]
    background: re.Pattern[str]
    told_again: re.Pattern[str]
    document_name: re.Pattern[str]
    title: re.Pattern[str]
    document_item: re.Pattern[str]
    owner_after: re.Pattern[str]
    delegations_meet: re.Pattern[str]
    governs: re.Pattern[str]
    respectively: re.Pattern[str]
    with_party: re.Pattern[str]
    sought_in: re.Pattern[str]
    speaker_before: re.Pattern[str]
    speaker_after: re.Pattern[str]
    list_joint: re.Pattern[str]
    firm: re.Pattern[str]
    delegation_of: re.Pattern[str]
    delegation_by: re.Pattern[str]
    representatives: re.Pattern[str] = re.compile("(?!)")
    # Who comes on a visit ("ambassador", "delegation", "businessmen"): the country adjective
    # right before the first of them names the visitor ("The Iranian ambassador visited …").
    visitor_noun: re.Pattern[str] = re.compile("(?!)")
    # An envoy's title right before the country he is sent to ("Vietnamese Ambassador to
    # Russia"): that place is part of his title, not the place a visit comes to.
    envoy_to: re.Pattern[str] = re.compile("(?!)")
    # The words right before a body a visit goes to ("visited the Istanbul Chamber of …").
    visited_body: re.Pattern[str] = re.compile("(?!)")
    # "Agreements were signed by A and B, and C as well": A signs with B and with C.
    signed_by: re.Pattern[str] = re.compile("(?!)")
    # "- Agreement … between Tosno district of X and Alamudun district of Y": A and B sign.
    between: re.Pattern[str] = re.compile("(?!)")
    # "соглашения между A и B, а также между C и D", "A与B、C与D": documents of pairs, the
    # joint within a pair and the one between pairs (each matched whole).
    pair_joint: re.Pattern[str] = re.compile("(?!)")
    pairs_apart: re.Pattern[str] = re.compile("(?!)")
    # "Концерн A и крупнейший европейский производитель B подписали меморандум": all that
    # stands between two organisations named together as one side, which act together (matched
    # whole).
    name_joint: re.Pattern[str] = re.compile("(?!)")
    # A later clause of a sentence ("…, а Омская область — с Павлодарской"): where it begins,
    # and the joint of its two parties when its verb is left out (matched whole).
    clause_apart: re.Pattern[str] = re.compile("(?!)")
    gapped_joint: re.Pattern[str] = re.compile("(?!)")
    # A signing a speaker only intends ("双方表示，将尽快签署合作协议"): none yet.
    not_signed_yet: re.Pattern[str] = re.compile("(?!)")
    # What was refused, abandoned or cancelled ("отказалась от строительства завода",
    # "the talks were cancelled", "放弃了建厂计划"): no current fact of any type.
    called_off: re.Pattern[str] = re.compile("(?!)")
    # A document referred to as a frame or basis ("按照合作协议"), no signing told.
    document_referred: re.Pattern[str] = re.compile("(?!)")
    # A contract with a player, a coach or students: a person hired or enrolled, no partner.
    hired: re.Pattern[str] = re.compile("(?!)")
    # An inviting verb in a form whose subject comes before it ("Минпромторг пригласил"); a
    # plural may follow its object ("Компанию пригласили").
    invites_alone: re.Pattern[str] = re.compile("(?!)")
    # A loan, a credit line or financing granted ("предоставит кредит на строительство").
    lends: re.Pattern[str] = re.compile("(?!)")
    # The words right before a local firm a plant is built with ("with local partner ").
    local_partner: re.Pattern[str] = re.compile("(?!)")
    production_of: re.Pattern[str] = re.compile("(?!)")
    # The words right before a bank or fund that finances a plant ("financed by ").
    financed_by: re.Pattern[str] = re.compile("(?!)")
    # Each on its own: the name of the group that matched is the country's code.
    short_country: tuple[re.Pattern[str], ...] = ()
    # "该市企业": the place named before whose name ends in the group `word` ("撒马尔罕市"), or
    # with a group `country`, the country named before.
    place_back: tuple[re.Pattern[str], ...] = ()
    # A country's name by its code ("CN" → "China"), for a country the page names only by its
    # adjective ("Chinese partners", "китайские компании", "中方企业").
    country_name: Mapping[str, str] = field(default_factory=dict)
    country_adjective: tuple[re.Pattern[str], ...] = ()
    # The same adjectives with no noun required, for one word ("Turkish" before "ambassador").
    adjective_word: tuple[re.Pattern[str], ...] = ()
    # Talks worded so are reported on their own, even on a visit or at a forum.
    talks_apart: re.Pattern[str] = re.compile("(?!)")
    # An organisation named as a plant ("中吉合资汽车总装厂"): its plan's wording, not its party.
    plant_name: re.Pattern[str] = re.compile("(?!)")
    # One document signed by all the parties a sentence lists ("трёхстороннее соглашение").
    one_document: re.Pattern[str] = re.compile("(?!)")
    # A place word no home country uses, right before a place the gazetteer does not know.
    abroad_before: re.Pattern[str] = re.compile("(?!)")
    # The word after which a body's name names the place it governs ("… Committee of …").
    body_of: re.Pattern[str] = re.compile("(?!)")
    # Agreeing with no document named: what is agreed to be done is the event.
    agreed_only: re.Pattern[str] = re.compile("(?!)")
    # A visit worded so is told on its own, beside a forum the visitors attend.
    visit_apart: re.Pattern[str] = re.compile("(?!)")
    # The words right before the place a visit comes to ("во время визита в Приамурье").
    visit_to: re.Pattern[str] = re.compile("(?!)")
    # Who comes on a visit, right after the place it comes to ("… в Приамурье представитель
    # комитета …"): a visitor the sentence names by no place is of the story's other side.
    visitor_person: re.Pattern[str] = re.compile("(?!)")
    # A word and the noun of a delegation or guests after it ("турецкая делегация").
    delegation_noun: re.Pattern[str] = re.compile("(?!)")
    # The story's own place pointed back to by its kind, not named («Китайская делегация
    # посетила регион», "visited the region", 来我省): the place a visit received comes to.
    home_back: re.Pattern[str] = re.compile("(?!)")
    # One firm called by its country's adjective, not named («Китайский производитель», "a
    # Chinese carmaker", 一家中国企业): the firm a page goes on to name.
    one_firm: re.Pattern[str] = re.compile("(?!)")
    # A visit or forum somebody is only invited to ("пригласил делегацию посетить регион",
    # "пригласил посла на форум", "邀请…出席"): it did not happen.
    invited_only: re.Pattern[str] = re.compile("(?!)")
    # The words before an exhibition's wording that name it as where something else happened.
    exhibition_venue: re.Pattern[str] = re.compile("(?!)")
    # An office of one country named with the place it sits in ("Посольство РФ в Белоруссии").
    seated: re.Pattern[str] = re.compile("(?!)")
    # What a party must do ("инвестор должен вложить не менее …"): a condition, not an event.
    required: re.Pattern[str] = re.compile("(?!)")
    # A growing number of firms doing it: a trend told, no firm's own plan or search.
    trend: re.Pattern[str] = re.compile("(?!)")
    # The writer calls a place their own ("我省企业"): the page is told from that place's side.
    our_place: re.Pattern[str] = re.compile("(?!)")
    # The words after a region the title names as the holder of its event or the sender of its
    # delegation ("新疆|活动周在阿斯塔纳启幕", "黑龙江省|在俄罗斯阿穆尔州举办洽谈会"), other
    # places masked: the page is told from that region's country.
    title_owner: re.Pattern[str] = re.compile("(?!)")
    # A head of state's visit ("俄罗斯总统今年将访华"): diplomacy, no business mission.
    state_visit: re.Pattern[str] = re.compile("(?!)")
    # "X signed 16 agreements with Y": a signing told with its count, not a statistic.
    signed_count: re.Pattern[str] = re.compile("(?!)")
    # A coming event's programme ("座谈会期间，将举办推介会、举行签约仪式"): its items are
    # covered by the event, no signing or presentation has taken place.
    programme: re.Pattern[str] = re.compile("(?!)")
    # From a place's name to the end of a presentation's word it names, nouns only
    # ("白俄罗斯共和国|经贸合作推介会"): the place presents, it is no venue.
    owner_before: re.Pattern[str] = re.compile("(?!)")
    # Sport, culture, tourism or study: a visit, meeting, show or forum of no cooperation.
    other_field: re.Pattern[str] = re.compile("(?!)")
    # What a place is for ("где компании смогут представлять продукцию"), not what happened.
    purpose: re.Pattern[str] = re.compile("(?!)")
    # A document signed for the event the previous sentence told ("Соответствующее соглашение
    # подписано", "Соглашение об этом подписали").
    document_back: re.Pattern[str] = re.compile("(?!)")
    # The sides of the talks just told ("Стороны подписали соглашение").
    sides_back: re.Pattern[str] = re.compile("(?!)")
    # The home side's own sitting ("на заседании правительства области …"): no talks.
    home_meeting: re.Pattern[str] = re.compile("(?!)")
    # The words right before firms listed as each building or investing ("Турецкие компании
    # A и B вложат …": a plant or an investment of each).
    firms_listed: re.Pattern[str] = re.compile("(?!)")
    # Firms acting together ("совместное производство"): the firms a sentence lists build one.
    together: re.Pattern[str] = re.compile("(?!)")
    # Plants in the plural ("построят заводы"): firms listed before build one each.
    plants: re.Pattern[str] = re.compile("(?!)")
    # A sum each of the firms listed puts in ("вложат по 1 млрд рублей", "… each").
    each_one: re.Pattern[str] = re.compile("(?!)")
    # A special economic zone or an industrial park by its name: it hosts plants on the side of
    # the place it lies in, it is no firm's partner.
    zone: re.Pattern[str] = re.compile("(?!)")
    # A trade figure told in words, no digit ("вырос вдвое", "две трети продукции",
    # "первое место по товарообороту"), or a change reported as a fact ("поставки выросли").
    trade_measure: re.Pattern[str] = re.compile("(?!)")
    trade_change: re.Pattern[str] = re.compile("(?!)")
    # A trade figure only foreseen ("товарооборот может вырасти до …"): no current fact, unless
    # the sentence also reports a change.
    trade_forecast: re.Pattern[str] = re.compile("(?!)")
    # Trade told as history or recalled ("в 1990-е годы товарооборот составлял …",
    # "напомним, товарооборот вырос …"): background, not the story's figure.
    trade_history: re.Pattern[str] = re.compile("(?!)")
    # Contracts and their sum ("заключили экспортные договоры на поставку продукции на $67
    # млн"): the value of documents signed, no trade figure.
    contract_value: re.Pattern[str] = re.compile("(?!)")
    # Joint ventures, no plant named ("создадут совместные предприятия"): two places that form
    # them together agreed on them.
    joint_venture: re.Pattern[str] = re.compile("(?!)")
    # A head called by his title only ("между акимом области X и …"), and a head's title right
    # before the region he heads ("пресс-служба акима Карагандинской области"): that region.
    head_unnamed: re.Pattern[str] = re.compile("(?!)")
    head_before: re.Pattern[str] = re.compile("(?!)")
    # A plant or a project named ("в новый завод", "the project", "该项目"): the money its
    # sentence tells is the plant's, its plan's.
    plant_or_project: re.Pattern[str] = re.compile("(?!)")
    # The same cues of one language each: a sentence is read by its own language's wordings.
    languages: Mapping[str, EventCues] = field(default_factory=dict)

    def of(self, lang: str | None) -> EventCues:
        """The cues of one language (all of them for a language without cues of its own)."""
        return self.languages.get(lang or "", self)

    def adjective_countries(self, text: str) -> list[str]:
        """The codes of the countries `text` names by their adjective ("китайские компании":
        CN), pattern by pattern, as often as named."""
        return [
            match.lastgroup
            for pattern in self.country_adjective
            for match in pattern.finditer(text)
            if match.lastgroup
        ]

    def adjective_country_names(self, text: str) -> list[str]:
        """The countries `text` names by their adjective, once each in the order named, by
        their names in the cues' language ("китайские компании": "Китай")."""
        return list(
            dict.fromkeys(
                name
                for code in self.adjective_countries(text)
                if (name := self.country_name.get(code))
            )
        )

    def country_of_adjective(self, word: str) -> str | None:
        """The code of the country whose adjective the word is ("Turkish": TR, not Turkmenistan,
        whose name it merely begins like), whatever noun it qualifies."""
        return next(
            (
                match.lastgroup
                for pattern in self.adjective_word
                if (match := pattern.fullmatch(word)) and match.lastgroup
            ),
            None,
        )

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> EventCues:
        """`rows`: (cue, lang, pattern), a cue being an event type's value or a role; a bad cue
        or pattern is a ValueError naming it."""
        rows = list(rows)
        merged = cls._of_rows((cue, pattern) for cue, _, pattern in rows)
        languages = {
            lang: cls._of_rows((cue, pattern) for cue, of, pattern in rows if of == lang)
            for lang in dict.fromkeys(lang for _, lang, _ in rows)
        }
        return replace(merged, languages=languages)

    @classmethod
    def _of_rows(cls, rows: Iterable[tuple[str, str]]) -> EventCues:
        by_cue: dict[str, list[str]] = {}
        for cue, pattern in rows:
            if cue not in CUE_ROLES and cue not in EventType._value2member_map_:
                raise ValueError(f"unknown event cue {cue!r} (pattern {pattern!r})")
            try:
                re.compile(pattern)
            except re.error as error:
                raise ValueError(f"bad pattern for cue {cue!r}: {pattern!r}: {error}") from None
            by_cue.setdefault(cue, []).append(pattern)
        triggers = tuple(
            (EventType(cue), _any(patterns))
            for cue, patterns in by_cue.items()
            if cue not in CUE_ROLES
        )
        said = "|".join(by_cue.get("said", [])) or "(?!)"
        return cls(
            triggers=triggers,
            screen=Screen(
                [
                    (EventType(cue), pattern)
                    for cue, patterns in by_cue.items()
                    if cue not in CUE_ROLES
                    for pattern in patterns
                ]
            ),
            inviting=_any(by_cue.get("inviting", [])),
            planning=_any(by_cue.get("planning", [])),
            same_again=_any(by_cue.get("same_again", [])),
            points_back=_any(by_cue.get("points_back", [])),
            not_a_forum=_any(by_cue.get("not_a_forum", [])),
            not_signed_yet=_any(by_cue.get("not_signed_yet", [])),
            called_off=_any(by_cue.get("called_off", [])),
            document_referred=_any(by_cue.get("document_referred", [])),
            hired=_any(by_cue.get("hired", [])),
            invites_alone=_any(by_cue.get("invites_alone", [])),
            lends=_any(by_cue.get("lends", [])),
            local_partner=re.compile(_any(by_cue.get("local_partner", [])).pattern + r"\s*$", _I),
            production_of=re.compile(_any(by_cue.get("production_of", [])).pattern + r"\s*$", _I),
            financed_by=re.compile(_any(by_cue.get("financed_by", [])).pattern + r"\s*$", _I),
            # "20 agreements", "10 специальных инвестконтрактов": up to two words between.
            # … or documents totalled by a sum ("подписали документы на $3,5 миллиарда").
            # A day or a year before the words ("15 марта подписано соглашение") counts nothing.
            counted=re.compile(
                r"\d+\s+(?!"
                + _any(by_cue.get("dated", [])).pattern
                + r")(?:[^\W\d]+\s+){0,2}\w*"
                + _any(by_cue.get("counted", [])).pattern
                + "|"
                + _any(by_cue.get("tallied", [])).pattern,
                _I,
            ),
            venue_before=re.compile(_any(by_cue.get("venue_before", [])).pattern + r"\s*$", _I),
            held_in=re.compile(_any(by_cue.get("held_in", [])).pattern + r"\s*$", _I),
            media=_any(by_cue.get("media", [])),
            occasion=_any(by_cue.get("occasion", [])),
            frame=_any(by_cue.get("frame", [])),
            states=_any(by_cue.get("states", [])),
            background=_any(by_cue.get("background", [])),
            told_again=_any(by_cue.get("told_again", [])),
            document_name=_any(by_cue.get("document_name", [])),
            title=_any(by_cue.get("title", [])),
            owner_after=_any(by_cue.get("owner_after", [])),
            delegations_meet=_any(by_cue.get("delegations_meet", [])),
            # A list item: its marker ("- ", "• ", "2) "), then the document's name.
            document_item=re.compile(
                r"^\s*(?:[-–—•·*▪]|\d{1,2}[.)])\s*" + _any(by_cue.get("document_item", [])).pattern,
                _I,
            ),
            governs=_any(by_cue.get("governs", [])),
            respectively=_any(by_cue.get("respectively", [])),
            speaker_before=re.compile(_any(by_cue.get("speaker_before", [])).pattern + r"\s*$", _I),
            speaker_after=re.compile(r"^" + _any(by_cue.get("speaker_after", [])).pattern, _I),
            sought_in=re.compile(_any(by_cue.get("sought_in", [])).pattern + r"\s*$", _I),
            with_party=re.compile(_any(by_cue.get("with_party", [])).pattern + r"\s*$", _I),
            signed_by=re.compile(_any(by_cue.get("signed_by", [])).pattern + r"\s*$", _I),
            between=re.compile(_any(by_cue.get("between", [])).pattern + r"\s*$", _I),
            list_joint=_whole(by_cue.get("list_joint", [])),
            pair_joint=_whole(by_cue.get("pair_joint", [])),
            pairs_apart=_whole(by_cue.get("pairs_apart", [])),
            name_joint=_whole(by_cue.get("name_joint", [])),
            clause_apart=_any(by_cue.get("clause_apart", [])),
            gapped_joint=_whole(by_cue.get("gapped_joint", [])),
            firm=_any(by_cue.get("firm", [])),
            # The wording right before or right after the name of the party a delegation is of.
            delegation_of=re.compile(_any(by_cue.get("delegation_of", [])).pattern + r"\s*$", _I),
            delegation_by=re.compile(r"^\s*" + _any(by_cue.get("delegation_by", [])).pattern, _I),
            visitor_noun=_any(by_cue.get("visitor_noun", [])),
            envoy_to=re.compile(_any(by_cue.get("envoy_to", [])).pattern + r"\s*$", _I),
            visited_body=re.compile(_any(by_cue.get("visited_body", [])).pattern + r"\s*$", _I),
            representatives=re.compile(
                _any(by_cue.get("representatives", [])).pattern + r"\s*$", _I
            ),
            short_country=tuple(re.compile(p) for p in by_cue.get("short_country", [])),
            place_back=tuple(re.compile(p) for p in by_cue.get("place_back", [])),
            country_adjective=_country_adjectives(by_cue),
            adjective_word=tuple(re.compile(a) for a in by_cue.get("country_adjective", [])),
            country_name=dict(
                row.split("=", 1) for row in by_cue.get("country_name", []) if "=" in row
            ),
            talks_apart=_any(by_cue.get("talks_apart", [])),
            plant_name=_any(by_cue.get("plant_name", [])),
            one_document=_any(by_cue.get("one_document", [])),
            agreed_only=_any(by_cue.get("agreed_only", [])),
            abroad_before=re.compile(_any(by_cue.get("abroad_before", [])).pattern + r"\s*$", _I),
            body_of=_any(by_cue.get("body_of", [])),
            visit_apart=_any(by_cue.get("visit_apart", [])),
            visit_to=re.compile(_any(by_cue.get("visit_to", [])).pattern + r"\s*$", _I),
            delegation_noun=_any(by_cue.get("delegation_noun", [])),
            home_back=_any(by_cue.get("home_back", [])),
            one_firm=_any(by_cue.get("one_firm", [])),
            visitor_person=re.compile(r"\s*" + _any(by_cue.get("visitor_person", [])).pattern, _I),
            invited_only=_any(by_cue.get("invited_only", [])),
            seated=_any(by_cue.get("seated", [])),
            exhibition_venue=re.compile(
                _any(by_cue.get("exhibition_venue", [])).pattern + r"$", _I
            ),
            required=_any(by_cue.get("required", [])),
            trend=_any(by_cue.get("trend", [])),
            our_place=_any(by_cue.get("our_place", [])),
            title_owner=_any(by_cue.get("title_owner", [])),
            state_visit=_any(by_cue.get("state_visit", [])),
            signed_count=_any(by_cue.get("signed_count", [])),
            programme=_any(by_cue.get("programme", [])),
            owner_before=re.compile(_any(by_cue.get("owner_before", [])).pattern + "$", _I),
            other_field=_any(by_cue.get("other_field", [])),
            purpose=_any(by_cue.get("purpose", [])),
            document_back=_any(by_cue.get("document_back", [])),
            sides_back=_any(by_cue.get("sides_back", [])),
            home_meeting=_any(by_cue.get("home_meeting", [])),
            together=_any(by_cue.get("together", [])),
            plants=_any(by_cue.get("plants", [])),
            each_one=_any(by_cue.get("each_one", [])),
            zone=_any(by_cue.get("zone", [])),
            firms_listed=re.compile(_any(by_cue.get("firms_listed", [])).pattern + r"\s*$", _I),
            trade_measure=_any(by_cue.get("trade_measure", [])),
            trade_change=_any(by_cue.get("trade_change", [])),
            trade_forecast=_any(by_cue.get("trade_forecast", [])),
            trade_history=_any(by_cue.get("trade_history", [])),
            contract_value=_any(by_cue.get("contract_value", [])),
            joint_venture=_any(by_cue.get("joint_venture", [])),
            head_unnamed=_any(by_cue.get("head_unnamed", [])),
            head_before=_any(by_cue.get("head_before", [])),
            plant_or_project=_any(by_cue.get("plant_or_project", [])),
            # Where reported speech ends and its attribution begins: «...», — сказал X /
            # "...," said X / "…,”said X" / ..., reported X / …, X reports.
            attribution=re.compile(
                r"[»”\"]\s*,?\s*[—–-]\s+\w|(?:[”\"],?\s*|,\s+)(?:" + said + r")\b"
                r"|,\s+(?:\S+\s+){1,12}?(?:" + said + r")\b\W*$",
                _I,
            ),
        )


# What a sentence may tell somebody is only invited to (`invited_only`): it did not happen.
_INVITED_ONLY = frozenset({EventType.FORUM, EventType.BUSINESS_MISSION})


def trigger_types(sentence: str, cues: EventCues) -> list[tuple[EventType, int, int]]:
    found: list[tuple[EventType, int, int]] = []
    possible = cues.screen.keys_in(sentence)
    if possible and cues.called_off.search(sentence):
        return found  # refused, abandoned or cancelled: nothing happens
    for kind, pattern in cues.triggers:
        if kind not in possible:
            continue
        match = pattern.search(sentence)
        if match is None:
            continue
        if (
            kind in STATISTICS
            and cues.counted.search(sentence)
            and not (kind is EventType.AGREEMENT and cues.signed_count.search(sentence))
        ):
            continue
        if kind is EventType.FORUM and cues.not_a_forum.search(sentence):
            continue
        if kind in PROGRAMME_ITEMS and cues.programme.search(sentence):
            continue  # "期间将举办推介会、举行签约仪式": items of a programme, none held yet
        if kind in _INVITED_ONLY and cues.invited_only.search(sentence):
            continue  # "пригласил делегацию посетить регион": only invited, nothing happened
        if (
            kind is EventType.AGREEMENT
            and cues.not_signed_yet.search(sentence)
            and cues.states.search(sentence)
        ):
            continue  # "双方表示，将尽快签署合作协议": an intent told, no document signed yet
        if kind is EventType.AGREEMENT and cues.document_referred.search(sentence):
            continue  # "按照合作协议，…", "协议的落实取得进展": the document as a frame or basis
        if kind is EventType.AGREEMENT and cues.hired.search(sentence):
            continue  # "signed a contract with a Chinese striker": a person hired, no partner
        # An invitation when somebody invites or offers, a plan of the company's own when it
        # plans, whichever wording named it.
        invited = cues.inviting.search(sentence)
        if kind is EventType.LOCALIZATION_INVITATION and not invited:
            if cues.planning.search(sentence) or cues.firm.search(sentence, 0, match.start()):
                kind = EventType.LOCALIZATION_PLAN
        elif kind is EventType.LOCALIZATION_PLAN and invited:
            kind = EventType.LOCALIZATION_INVITATION
        if any(k is kind for k, _, _ in found):
            continue
        found.append((kind, match.start(), match.end()))
    return _named_documents(_talked_about(_one_localization(found, sentence, cues), sentence, cues))


def _one_localization(
    found: list[tuple[EventType, int, int]], sentence: str, cues: EventCues
) -> list[tuple[EventType, int, int]]:
    """A sentence with a plan's wording and an invitation's ("Haval открыла в регионе завод по
    производству автомобилей": "открыла … производств" and "открыла … завод") where nobody
    invites or offers tells one plan, not also an invitation."""
    kinds = [kind for kind, _, _ in found]
    if (
        EventType.LOCALIZATION_PLAN not in kinds
        or EventType.LOCALIZATION_INVITATION not in kinds
        or cues.inviting.search(sentence)
    ):
        return found
    return [f for f in found if f[0] is not EventType.LOCALIZATION_INVITATION]


def _talked_about(
    found: list[tuple[EventType, int, int]], sentence: str, cues: EventCues
) -> list[tuple[EventType, int, int]]:
    """Production talked about at talks ("На переговорах уточнялись проекты … создания
    мебельного производства на амурской территории") is an invitation to localize, not a plan
    (the annotation guideline: talks about localizing production on the region's territory),
    unless the firm plans it itself ("планирует", "откроет")."""
    kinds = [kind for kind, _, _ in found]
    if EventType.NEGOTIATION not in kinds or EventType.LOCALIZATION_PLAN not in kinds:
        return found
    if cues.planning.search(sentence):
        return found
    invited = EventType.LOCALIZATION_INVITATION in kinds
    return [
        (EventType.LOCALIZATION_INVITATION, start, end)
        if kind is EventType.LOCALIZATION_PLAN
        else (kind, start, end)
        for kind, start, end in found
        if not (kind is EventType.LOCALIZATION_PLAN and invited)
    ]


def _named_documents(found: list[tuple[EventType, int, int]]) -> list[tuple[EventType, int, int]]:
    """ "signing an investment agreement": a document named for another event is that event —
    and the plant it is signed for is that investment too ("signing an investment agreement
    with CONCH to build a cement production facility": the dev gold's investment), not a plan
    beside it."""
    invested = any(
        kind is EventType.AGREEMENT
        and any(other is EventType.INVESTMENT and s < end and start < e for other, s, e in found)
        for kind, start, end in found
    )
    if not invested:
        return found
    return [
        (kind, start, end)
        for kind, start, end in found
        if kind not in (EventType.AGREEMENT, EventType.LOCALIZATION_PLAN)
    ]

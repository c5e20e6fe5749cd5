"""Matches as shown: languages folded into one entry, reasons in the reader's words."""

from __future__ import annotations

from coopex.domain.codes import parse_code
from coopex.domain.geography import Proximity
from coopex.domain.listings import Listing, ListingKind
from coopex.domain.matching import CodeMatch, Explanation, Match, Signals, TermMatch
from coopex.engines.matching.wording import surface_words
from coopex.nlp.analysis import MultilingualAnalyzer
from coopex.reference.catalog import ShippedCatalog
from coopex.web.ui.explain import fold_languages, reasons
from coopex.web.ui.i18n import I18n


def offer(
    ref: str, org: str, language: str, title: str, codes: tuple[str, ...] = ("HS:8607",)
) -> Listing:
    return Listing(
        ref=ref,
        kind=ListingKind.OFFER,
        org_ref=org,
        title=title,
        description="",
        language=language,
        codes=tuple(parse_code(c) for c in codes),
        sectors=("rail",),
    )


def match(listing: Listing, score: float, explanation: Explanation | None = None) -> Match:
    return Match(listing, score, Signals(), explanation or Explanation(0.3))


def test_one_offer_in_three_languages_is_shown_once_under_its_best_score() -> None:
    ru = offer("a-ru", "a", "ru", "Тележки")
    en = offer("a-en", "a", "en", "Bogies")
    zh = offer("a-zh", "a", "zh", "转向架")
    other = offer("b-en", "b", "en", "Bogies")
    different = offer("a-en-2", "a", "en", "Couplers", codes=("HS:8609",))
    folded = fold_languages(
        [match(en, 0.8), match(other, 0.7), match(ru, 0.6), match(different, 0.5), match(zh, 0.4)]
    )
    assert [(m.listing.ref, [v.ref for v in versions]) for m, versions in folded] == [
        ("a-en", ["a-ru", "a-zh"]),
        ("b-en", []),
        ("a-en-2", []),
    ]


def test_reasons_are_plain_words_in_the_readers_language() -> None:
    analyzer = MultilingualAnalyzer()
    query = "Ищем тележки для грузовых вагонов"
    listing = offer("q", "q", "en", "Bogies for freight wagons")
    terms = analyzer.terms(query)
    theirs = analyzer.terms(listing.title)
    explanation = Explanation(
        0.55,
        matched_terms=(TermMatch(terms[1], theirs[0]),),
        shared_codes=(CodeMatch(parse_code("HS:8607"), parse_code("HS:8607"), "8607"),),
        shared_sectors=("rail",),
        proximity=Proximity.SAME_UNION,
    )
    said = reasons(
        I18n("ru", ShippedCatalog()),
        match(listing, 0.6, explanation),
        lambda ts: surface_words(analyzer, query, ts),
        lambda x, ts: surface_words(analyzer, x.title, ts),
    )
    assert said[0] == "Общие слова: тележки — bogies."
    assert (
        "HS:8607" in said[1]
        and said[2] == "Та же отрасль: Железнодорожная техника и комплектующие."
    )
    assert said[3:] == ["В том же экономическом союзе.", "Очень близко по смыслу."]


def test_surface_words_give_the_texts_own_words() -> None:
    analyzer = MultilingualAnalyzer()
    text = "Колёсные пары и детали тележек; 冷链物流 services"
    terms = analyzer.terms(text)
    words = surface_words(analyzer, text, terms)
    assert set(words.values()) <= {w.lower() for w in text.replace(";", " ").split()} | set(
        analyzer.terms("冷链物流")
    )
    assert "тележек" in words.values()


def test_names_dates_and_money_in_the_readers_locale() -> None:
    from datetime import date
    from decimal import Decimal

    catalog = ShippedCatalog()
    ru, zh, en = (I18n(lang, catalog) for lang in ("ru", "zh", "en"))
    assert (
        ru.country("CN") == "Китай"
        and zh.country("RU") == "俄罗斯"
        and en.country("BY") == "Belarus"
    )
    assert ru.region("RU-TA") == "Республика Татарстан" and "鞑靼" in zh.region("RU-TA")
    assert (
        ru.date(date(2026, 3, 1)).replace("\u202f", " ") == "1 мар. 2026 г."
        and zh.date(date(2026, 3, 1)) == "2026年3月1日"
    )
    assert (
        ru.number(Decimal("1234.5")) == "1\xa0234,5" and en.number(Decimal("1234.5")) == "1,234.5"
    )
    assert "565" in ru.money(565_000_000, "USD") and "$" in ru.money(1, "USD")
    assert zh.union("EAEU") == "欧亚经济联盟"

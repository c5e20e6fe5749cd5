"""Money amounts in Russian, English and Chinese text: value, ISO 4217 currency, and what the
amount measures (trade turnover, investment, ...) read from the words of its sentence.

The words (scales such as "млрд", "bln", "亿"; currency names; what an amount measures) are
data (`data/reference/money_words.csv`), read into `MoneyWords` by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from coopex.engines.news.sentences import sentences

_NUMBER = r"(?P<number>\d{1,3}(?:[\s\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_SPACE = r"[\s\u00a0\u202f]*"
# what joins a range's two ends: "10–15 млн", "от 10 до 15 млн", "10 to 15 million", "3至5亿元"
_TO = _SPACE + r"(?:[-–—~～]|до|to|and|至|到)" + _SPACE
# the lower end of a range just before an amount, which takes the amount's currency, and its
# scale unless it tells its own ("от 2 млн до 3 млн рублей", "5000万至8000万美元")
_RANGE_LOW = r"(?:(?<![\w.,])(?:от|from|between)\s+)?(?<![\d.,A-Za-zА-Яа-яЁё])" + _NUMBER.replace(
    "?P<number>", "?P<low>"
)
# A figure in Chinese numerals ("三十", "五千", "一百二十", "三点五") before a scale: "三十亿元",
# "五千万美元" (a scale is required: "一元化" and "二元结构" are words, not money; "数十亿美元",
# "几百万元" are no figure).
_CHINESE_NUMBER = (
    r"(?<![数數几幾上成])"
    r"(?P<chinese>[零〇一二两兩三四五六七八九十百千]+(?:点[零〇一二两兩三四五六七八九]+)?)"
)
# scale: a multiplier's words; currency: an ISO code's; measure: what an amount measures; approx:
# words between a figure and its unit that make it approximate ("3亿多美元"); worded: a figure
# told in words with its scale, the key its value ("миллиард", "полтора миллиарда", "a billion");
# spent: verbs that spend a figure whose currency the sentence before gave ("Ещё 300 миллионов
# инвестируют"), the key what it measures.
# per_unit: the unit a price is told for, right after it ("5 тыс. рублей за тонну", "$300 per
# ton", "500元/吨"); per_unit_before: the same told before it ("每吨售价500元"); the key is
# what such an amount measures.
_KINDS = (
    "scale",
    "currency",
    "measure",
    "approx",
    "worded",
    "spent",
    "per_unit",
    "per_unit_before",
)
# "1 USD 77.8247", "1 EUR = 91.2 руб.", "USD 100.68 +0.46": a rate table or ticker, not an
# amount of the story.
_RATE_AFTER = re.compile(r"[\s\u00a0]*(?:[=\d]|[+\-−]\d+[.,]\d)")
_LEAD_REACH = 40  # characters before an amount a larger figure of it may take
_DIGIT = re.compile(r"\d")
_SAME_FIGURE = Decimal("0.01")  # values this close are one figure told twice (rounded)
_RATE_BEFORE = re.compile(r"[\d=][\s\u00a0]*$")
# "$1 – 11914.67": one unit of a currency, a dash and its price to two decimals
_RATE_DASH = re.compile(r"[\s\u00a0]*[–—-][\s\u00a0]*\d+[.,]\d{2}")


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    currency: str
    what: str | None
    evidence: str  # the sentence it was found in


def _any(by_key: dict[str, list[str]]) -> str:
    """One alternation of every key's patterns; one that never matches for none."""
    return "|".join(p for patterns in by_key.values() for p in patterns) or "(?!)"


def _groups(prefix: str, by_key: dict[str, list[str]]) -> tuple[str, dict[str, str]]:
    """One alternation with a named group per key; the group names map back to the keys."""
    names = {f"{prefix}{i}": key for i, key in enumerate(by_key)}
    pattern = "|".join(f"(?P<{name}>{'|'.join(by_key[key])})" for name, key in names.items())
    return pattern, names


@dataclass(frozen=True, slots=True)
class MoneyWords:
    """Patterns for amounts written after their number ("565 млн долларов", "3亿元"), before
    it ("$10 million", "USD 1.2 bn") or with no number at all ("миллиард рублей"), and what
    amounts measure."""

    after: re.Pattern[str]
    before: re.Pattern[str]
    worded: re.Pattern[str]
    # a figure in Chinese numerals with its scale ("三十亿元")
    numerals: re.Pattern[str]
    # a figure with its scale just before another ("1 млрд 200 млн рублей": 1 200 000 000)
    leading: re.Pattern[str]
    # a figure with its scale and no currency that a verb spends ("ещё 300 миллионов
    # инвестируют"): in the currency of the amount told just before
    carried: re.Pattern[str]
    # the upper end of a range whose lower end a currency opened ("$10-15 million": "-15
    # million" after "$10")
    range_end: re.Pattern[str]
    # the lower end of a range told just before an amount, with or without its own scale
    range_start: re.Pattern[str]
    scales: dict[str, Decimal]  # group name -> multiplier, or a worded figure's value
    currencies: dict[str, str]  # group name -> ISO 4217 code
    spent: dict[str, str]  # group name -> what a figure spent measures
    # the unit a price is told for, after the amount and before it (what it then measures)
    per_unit: re.Pattern[str]
    per_unit_before: re.Pattern[str]
    unit_price: str | None
    measures: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, str]]) -> MoneyWords:
        """`rows`: (kind, key, pattern) with kind scale (key: the multiplier), currency (key:
        the ISO code) or measure (key: its name); a bad row is a ValueError naming it."""
        by_kind: dict[str, dict[str, list[str]]] = {kind: {} for kind in _KINDS}
        for kind, key, pattern in rows:
            if kind not in by_kind:
                raise ValueError(f"unknown kind {kind!r} (key {key!r}); one of {_KINDS}")
            try:
                re.compile(pattern)
                if kind in ("scale", "worded"):
                    Decimal(key)
            except (re.error, InvalidOperation) as error:
                raise ValueError(f"bad {kind} {key!r}: {pattern!r}: {error}") from None
            by_kind[kind].setdefault(key, []).append(pattern)
        # The largest scale first: "万亿" before "万".
        scales = dict(sorted(by_kind["scale"].items(), key=lambda kv: -Decimal(kv[0])))
        scale, scale_names = _groups("s", scales)
        worded, worded_names = _groups("w", by_kind["worded"])
        currency, currency_names = _groups("c", by_kind["currency"])
        approx = f"(?:{_any(by_kind['approx'])})?" if by_kind["approx"] else ""
        leading = _NUMBER + _SPACE + f"(?:{scale})" + _SPACE + "$"
        spent, spent_names = _groups("v", by_kind["spent"])
        carried = _NUMBER + _SPACE + f"(?:{scale})" + r"[\s,]+" + f"(?:{spent or '(?!)'})"
        range_end = _TO + f"(?:{currency})?" + _SPACE + _NUMBER + _SPACE + f"(?:{scale})"
        low_scale, low_scale_names = _groups("l", scales)
        range_start = _RANGE_LOW + _SPACE + f"(?:{low_scale})?" + _TO + "$"
        scaled = f"(?:{scale})"
        scale = f"(?:{scale})?"
        currency = f"(?:{currency})"
        return cls(
            after=re.compile(
                _NUMBER + _SPACE + approx + scale + approx + _SPACE + currency, re.IGNORECASE
            ),
            numerals=re.compile(
                _CHINESE_NUMBER + approx + scaled + approx + _SPACE + currency, re.IGNORECASE
            ),
            # "a $200-million plant": a hyphen may join the figure to its scale
            before=re.compile(
                currency + _SPACE + _NUMBER + f"(?:(?:{_SPACE}|-){scaled})?", re.IGNORECASE
            ),
            worded=re.compile(f"(?:{worded or '(?!)'})" + _SPACE + currency, re.IGNORECASE),
            leading=re.compile(leading, re.IGNORECASE),
            carried=re.compile(carried, re.IGNORECASE),
            range_end=re.compile(range_end, re.IGNORECASE),
            range_start=re.compile(range_start, re.IGNORECASE),
            scales={
                name: Decimal(key)
                for name, key in (scale_names | low_scale_names | worded_names).items()
            },
            currencies=currency_names,
            spent=spent_names,
            per_unit=re.compile(_any(by_kind["per_unit"]), re.IGNORECASE),
            per_unit_before=re.compile(f"(?:{_any(by_kind['per_unit_before'])})$"),
            unit_price=next(iter({**by_kind["per_unit"], **by_kind["per_unit_before"]}), None),
            measures=tuple(
                (what, re.compile("|".join(patterns), re.IGNORECASE))
                for what, patterns in by_kind["measure"].items()
            ),
        )


def _value(number: str, multiplier: Decimal) -> Decimal | None:
    digits = re.sub(r"[\s\u00a0\u202f]", "", number)
    if "," in digits and "." not in digits and not re.fullmatch(r"\d{1,3}(?:,\d{3})+", digits):
        digits = digits.replace(",", ".")  # a decimal comma ("1,5 млрд", "$66,1 bln")
    digits = digits.replace(",", "")
    try:
        return _scaled(Decimal(digits), multiplier)
    except InvalidOperation:
        return None


def _chinese_value(numerals: str, multiplier: Decimal) -> Decimal | None:
    """Three times 10⁹ for "三十" before "亿"; "百亿" is one hundred 亿."""
    import cn2an  # here, not at the top: it takes ~0.1 s to import, and few pages need it

    if numerals[0] in "百千":
        numerals = "一" + numerals
    try:
        return _scaled(Decimal(str(cn2an.cn2an(numerals, "normal"))), multiplier)
    except (ValueError, KeyError):  # no numeral (cn2an raises KeyError on some, "二十十二")
        return None


def _scaled(value: Decimal, multiplier: Decimal) -> Decimal:
    """The figure times its scale, a whole number where it is one."""
    result = value * multiplier
    return (
        result.to_integral_value() if result == result.to_integral_value() else result.normalize()
    )


def _free(taken: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether no amount already read overlaps `start`..`end` of the sentence."""
    return not any(start < taken_end and taken_start < end for taken_start, taken_end in taken)


def _a_rate(sentence: str, found: re.Match[str]) -> bool:
    """A currency's rate in a table or ticker beside the story ("1 EUR = 91,2 руб.",
    "$1 – 11914.67"), not an amount of it."""
    if _RATE_AFTER.match(sentence, found.end()) or _RATE_BEFORE.search(sentence[: found.start()]):
        return True
    number = found.groupdict().get("number")
    return number == "1" and bool(_RATE_DASH.match(sentence, found.end()))


def _scale_of(found: re.Match[str], words: MoneyWords) -> Decimal:
    """The multiplier of the scale (or worded figure) a match took, 1 without one."""
    named = (g for g, v in found.groupdict().items() if v is not None and g in words.scales)
    return next((words.scales[g] for g in named), Decimal(1))


def _with_leading(
    sentence: str, start: int, value: Decimal, scale: Decimal, words: MoneyWords
) -> tuple[int, Decimal]:
    """The amount's start and value with a larger figure told just before it in one
    ("1 млрд 200 млн рублей", "2 млн 300 тыс. рублей")."""
    lead = words.leading.search(sentence, max(0, start - _LEAD_REACH), start)
    if lead is None:
        return start, value
    lead_scale = _scale_of(lead, words)
    lead_value = _value(lead.group("number"), lead_scale)
    if lead_value is None or lead_scale <= scale:
        return start, value
    return lead.start(), lead_value + value


def _measure(sentence: str, start: int, words: MoneyWords) -> str | None:
    """The measure named closest before the amount, else anywhere in its sentence."""
    best: tuple[int, str] | None = None
    for what, pattern in words.measures:
        for found in pattern.finditer(sentence):
            distance = (
                start - found.end() if found.end() <= start else 10_000 + found.start() - start
            )
            if best is None or distance < best[0]:
                best = (distance, what)
    return None if best is None else best[1]


def find_amounts(text: str, words: MoneyWords) -> list[Amount]:
    amounts: list[Amount] = []
    carried_currency: str | None = None  # the currency of the sentence before's last amount
    for sentence in sentences(text):
        found = _sentence_amounts(sentence, words, carried_currency)
        amounts.extend(found)
        carried_currency = found[-1].currency if found else None
    return amounts


def _sentence_amounts(
    sentence: str, words: MoneyWords, carried_currency: str | None
) -> list[Amount]:
    """The sentence's amounts in the order read; `carried_currency`: the currency a figure
    with no currency of its own that a verb spends takes."""
    amounts: list[Amount] = []
    taken: list[tuple[int, int]] = []
    # figures need a digit; only a figure told in words goes without one
    patterns = (words.after, words.before) if _DIGIT.search(sentence) else ()
    carried = (words.carried,) if patterns and carried_currency else ()
    for pattern in (*patterns, words.numerals, words.worded, *carried):
        for found in pattern.finditer(sentence):
            if not _free(taken, found.start(), found.end()):
                continue
            if _a_rate(sentence, found):
                continue
            groups = {k for k, v in found.groupdict().items() if v is not None}
            currency = next(
                (words.currencies[g] for g in groups if g in words.currencies), carried_currency
            )
            scale = _scale_of(found, words)
            if pattern is words.numerals:
                value = _chinese_value(found.group("chinese"), scale)
            else:
                value = _value(found.groupdict().get("number") or "1", scale)
            if currency is None or value is None or value == 0:
                continue
            start, end = found.start(), found.end()
            what = next(
                (words.spent[g] for g in groups if g in words.spent),
                _measure(sentence, found.start(), words),
            )
            if pattern is words.after and scale > 1:
                start, value = _with_leading(sentence, start, value, scale, words)
            ends = [value]
            upper = words.range_end.match(sentence, end) if pattern is words.before else None
            if upper is not None and scale == 1:
                # "$10-15 million": both ends in the scale told after the second
                upper_scale = _scale_of(upper, words)
                high = _value(upper.group("number"), upper_scale)
                if high is not None and high > value:
                    scale = upper_scale
                    ends = [value * scale, high]
                    end = upper.end()
            reach = max(0, start - _LEAD_REACH)
            lower = words.range_start.search(sentence[reach:start])
            if lower is not None and _free(taken, reach + lower.start(), start) and len(ends) == 1:
                # "от 10 до 15 млн долларов", "3至5亿元": the lower end in the upper's unit,
                # unless it names its own ("от 500 тыс. до 2 млн рублей")
                low_scale = _scale_of(lower, words)
                low = _value(lower.group("low"), scale if low_scale == 1 else low_scale)
                if low is not None and 0 < low < ends[0]:
                    ends = [low, *ends]
                    start -= len(lower.group(0))
            if words.per_unit.match(sentence, end) or words.per_unit_before.search(
                sentence, max(0, start - _LEAD_REACH), start
            ):
                what = words.unit_price or what  # a price per ton or unit, no sum of the story
            taken.append((start, end))
            amounts.extend(Amount(v, currency, what, sentence.strip()) for v in ends)
    return amounts


def each_once(amounts: Iterable[Amount]) -> list[Amount]:
    """A figure a page repeats is one amount of the page: the title's "$3.5 bln" told again
    in the body, or rounded in another sentence ("超68亿美元" in the title, "68.4亿美元" in the
    body): one figure, kept where first told, in its most precise telling. Close values in one
    sentence are figures of their own ("trade $270 mln, exports $268 mln")."""
    kept: list[Amount] = []
    for amount in amounts:
        same = next(
            (
                at
                for at, other in enumerate(kept)
                if other.currency == amount.currency
                and (
                    other.value == amount.value
                    or (
                        other.evidence != amount.evidence
                        and abs(other.value - amount.value)
                        <= _SAME_FIGURE * max(other.value, amount.value)
                    )
                )
            ),
            None,
        )
        if same is None:
            kept.append(amount)
        elif _precision(amount.value) > _precision(kept[same].value):
            kept[same] = amount
    return kept


def _precision(value: Decimal) -> int:
    """Significant digits: 6840000000 (68.4亿) is more precise than 6800000000 (68亿)."""
    return len(value.normalize().as_tuple().digits)

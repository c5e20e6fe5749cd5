"""Money amounts in Russian, English and Chinese text: value, ISO 4217 currency, and what the
amount measures (trade turnover, investment, ...) read from the words of its sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from coopex.engines.news.sentences import sentences

_NUMBER = r"(?P<number>\d{1,3}(?:[\s\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_SCALES = {
    "тыс": 10**3,
    "тысяч": 10**3,
    "тысячи": 10**3,
    "thousand": 10**3,
    "k": 10**3,
    "млн": 10**6,
    "миллион": 10**6,
    "миллиона": 10**6,
    "миллионов": 10**6,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "млрд": 10**9,
    "миллиард": 10**9,
    "миллиарда": 10**9,
    "миллиардов": 10**9,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "трлн": 10**12,
    "триллион": 10**12,
    "триллиона": 10**12,
    "триллионов": 10**12,
    "trillion": 10**12,
    "万": 10**4,
    "亿": 10**8,
}
_SCALE = (
    r"(?P<scale>тыс(?:яч[аи]?)?\.?|млн\.?|миллион(?:а|ов)?|млрд\.?|миллиард(?:а|ов)?|трлн\.?|"
    r"триллион(?:а|ов)?|thousand|million|billion|trillion|mn|bn|[kmb](?![a-z])|万|亿)?"
)
_CURRENCIES = (
    ("USD", r"долл(?:ар(?:а|ов|ы)?)?\.?(?:\s+сша)?|us\s*dollars?|dollars?|usd|us\$|\$|美元"),
    ("EUR", r"евро|euros?|eur|€|欧元"),
    ("BYN", r"белорусск(?:их|ий|ого)\s+рубл(?:ей|я|ь)|byn"),
    ("RUB", r"рубл(?:ей|я|ь)|руб\.?|₽|roubles?|rubles?|rub|卢布"),
    ("CNY", r"юан(?:ей|я|ь|и)|yuan|cny|rmb|人民币|元"),
    ("KZT", r"тенге|tenge|kzt"),
)
_CURRENCY = (
    "(?P<currency>" + "|".join(f"(?P<{code}>{pattern})" for code, pattern in _CURRENCIES) + ")"
)
_SPACE = r"[\s\u00a0\u202f]*"
# "565 млн долларов США", "20 million euros", "1,5 млрд рублей", "3亿元", "1200万美元"
_AFTER = re.compile(_NUMBER + _SPACE + _SCALE + _SPACE + _CURRENCY, re.IGNORECASE)
# "$10 million", "USD 1.2 bn", "€300m"
_BEFORE = re.compile(_CURRENCY + _SPACE + _NUMBER + _SPACE + _SCALE, re.IGNORECASE)

MEASURES = (
    (
        "trade turnover",
        r"товарооборот|торгов\w+ оборот|торговл\w*|trade turnover|trade volume|bilateral trade|"
        r"\btrade\b|贸易额|贸易总额|贸易",
    ),
    ("investment", r"инвестиц\w*|вложени\w*|investment\w*|invest\w*|投资"),
    ("exports", r"экспорт\w*|exports?|出口"),
    ("imports", r"импорт\w*|imports?|进口"),
    ("contract value", r"контракт\w*|соглашени\w*|contract\w*|agreement\w*|deal\w*|合同|协议"),
    ("loan", r"кредит\w*|займ\w*|заём|loan\w*|credit\w*|贷款"),
    ("sales", r"продаж\w*|выручк\w*|sales|revenue\w*|销售"),
)


@dataclass(frozen=True, slots=True)
class Amount:
    value: Decimal
    currency: str
    what: str | None
    evidence: str  # the sentence it was found in


def _value(number: str, scale: str | None) -> Decimal | None:
    digits = re.sub(r"[\s\u00a0\u202f]", "", number)
    if "," in digits and "." not in digits:
        digits = digits.replace(",", ".")  # Russian decimal comma
    digits = digits.replace(",", "")
    try:
        value = Decimal(digits)
    except InvalidOperation:
        return None
    key = (scale or "").lower().rstrip(".")
    result = value * _SCALES.get(key, 1)
    return (
        result.to_integral_value() if result == result.to_integral_value() else result.normalize()
    )


def _measure(sentence: str, start: int) -> str | None:
    """The measure named closest before the amount, else anywhere in its sentence."""
    best: tuple[int, str] | None = None
    for what, pattern in MEASURES:
        for found in re.finditer(pattern, sentence, re.IGNORECASE):
            distance = (
                start - found.end() if found.end() <= start else 10_000 + found.start() - start
            )
            if best is None or distance < best[0]:
                best = (distance, what)
    return None if best is None else best[1]


def find_amounts(text: str) -> list[Amount]:
    amounts: list[Amount] = []
    for sentence in sentences(text):
        taken: list[tuple[int, int]] = []
        for pattern in (_AFTER, _BEFORE):
            for found in pattern.finditer(sentence):
                if any(found.start() < end and start < found.end() for start, end in taken):
                    continue
                currency = next(code for code, _ in _CURRENCIES if found.group(code))
                value = _value(found.group("number"), found.group("scale"))
                if value is None or value == 0:
                    continue
                taken.append((found.start(), found.end()))
                amounts.append(
                    Amount(value, currency, _measure(sentence, found.start()), sentence.strip())
                )
    return amounts

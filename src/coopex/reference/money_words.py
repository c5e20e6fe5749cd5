"""Words of money amounts (scales, currencies, what an amount measures) in RU/EN/ZH, shipped
as data (`money_words.csv`: kind, key, lang, pattern)."""

from __future__ import annotations

from functools import cache

from coopex.engines.news.amounts import MoneyWords
from coopex.reference.catalog import read_reference_csv

FILE = "money_words.csv"


@cache
def shipped_money_words() -> MoneyWords:
    rows = read_reference_csv(FILE)
    for number, row in enumerate(rows, start=2):
        if (
            not row.get("pattern")
            or not row.get("key")
            or row.get("lang") not in ("ru", "en", "zh")
        ):
            raise ValueError(
                f"{FILE}, row {number}: needs a key, a pattern and a lang of ru, en or zh"
            )
    try:
        return MoneyWords.from_rows((row["kind"], row["key"], row["pattern"]) for row in rows)
    except ValueError as error:
        raise ValueError(f"{FILE}: {error}") from None

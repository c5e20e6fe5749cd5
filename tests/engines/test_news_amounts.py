from __future__ import annotations

from decimal import Decimal

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st

from coopex.engines.news.amounts import each_once, find_amounts
from coopex.reference.money_words import shipped_money_words

WORDS = shipped_money_words()


@pytest.mark.parametrize(
    ("text", "value", "currency", "what"),
    [
        ("Товарооборот превысил 565 млн долларов США.", 565_000_000, "USD", "trade turnover"),
        ("Инвестиции в завод составят 1,5 млрд рублей.", 1_500_000_000, "RUB", "investment"),
        ("Стоимость контракта — 12 000 евро.", 12_000, "EUR", "contract value"),
        ("Экспорт вырос до 2,3 млрд долл.", 2_300_000_000, "USD", "exports"),
        ("The deal is worth $10 million.", 10_000_000, "USD", "contract value"),
        ("Bilateral trade reached USD 1.2 bn.", 1_200_000_000, "USD", "trade turnover"),
        ("Loans of 300m euros were approved.", 300_000_000, "EUR", "loan"),
        ("双方贸易额达到3亿美元。", 300_000_000, "USD", "trade turnover"),
        ("投资1200万元人民币。", 12_000_000, "CNY", "investment"),
        ("Белорусская сторона выделит 40 млн белорусских рублей.", 40_000_000, "BYN", None),
        # money spent on a facility or a project's cost, in the words Russian news uses
        (
            "Компания выделит на модернизацию завода 40 млн белорусских рублей.",
            40_000_000,
            "BYN",
            "investment",
        ),
        ("Бюджет проекта - 55 млн долларов.", 55_000_000, "USD", "investment"),
        ("Финансирование составит 2 млрд рублей.", 2_000_000_000, "RUB", "investment"),
        ("Холдинг потратит 300 млн рублей.", 300_000_000, "RUB", "investment"),
        ("Банк выделит кредит на 5 млрд рублей.", 5_000_000_000, "RUB", "loan"),
        ("The project is worth $1.5 billion.", 1_500_000_000, "USD", "investment"),
        (
            "Agreements worth a total of $4.4 bln were reached.",
            4_400_000_000,
            "USD",
            "contract value",
        ),
        ("Trade has grown by 30-40% ($66,1 bln).", 66_100_000_000, "USD", "trade turnover"),
        ("全省地区生产总值首次突破3万亿元。", 3_000_000_000_000, "CNY", None),
        ("政府为此拨款500亿坚戈。", 50_000_000_000, "KZT", None),
        ("該項目預計耗資約50億盧布。", 5_000_000_000, "RUB", "investment"),
        ("The project cost is 111 billion tenge.", 111_000_000_000, "KZT", "investment"),
        (
            "The Chinese partner will finance the plant with $30 million.",
            30_000_000,
            "USD",
            "investment",
        ),
        # a scale named without a figure is one of it
        (
            "Инвестиции в экономику региона — почти миллиард рублей.",
            1_000_000_000,
            "RUB",
            "investment",
        ),
        ("They will invest a billion dollars in the plant.", 1_000_000_000, "USD", "investment"),
        ("Инвестиции составят полтора миллиарда рублей.", 1_500_000_000, "RUB", "investment"),
        ("Инвестиции — около полмиллиарда рублей.", 500_000_000, "RUB", "investment"),
        # one figure told in two scales
        ("Инвестиции составят 1 млрд 200 млн рублей.", 1_200_000_000, "RUB", "investment"),
        ("项目投资1亿2000万元。", 120_000_000, "CNY", "investment"),
        ("项目投资2亿美金。", 200_000_000, "USD", "investment"),
        # "多", "余": more than the figure, whose value it is
        ("展会上共签订贸易协议3亿多美元。", 300_000_000, "USD", "contract value"),
        ("项目投资1000余万元。", 10_000_000, "CNY", "investment"),
        # the currencies of the partners the pages write about
        (
            "Подписано 28 контрактов на сумму 165 миллиардов сумов.",
            165_000_000_000,
            "UZS",
            "contract value",
        ),
        ("Инвестиции составят 2 млрд сомов.", 2_000_000_000, "KGS", "investment"),
        (
            "Agreements were signed to the total value R172 billion.",
            172_000_000_000,
            "RUB",
            "contract value",
        ),
        ("該項目投資5億港元。", 500_000_000, "HKD", "investment"),
        ("该项目投资3.6亿韩元。", 360_000_000, "KRW", "investment"),
        ("Инвестиции составят 500 млрд южнокорейских вон.", 500_000_000_000, "KRW", "investment"),
        ("Samsung will invest 2 trillion Korean won.", 2_000_000_000_000, "KRW", "investment"),
        # more partners' currencies, named in all three languages
        ("Подписан контракт на 2 млрд донгов.", 2_000_000_000, "VND", "contract value"),
        ("投资2万亿越南盾。", 2_000_000_000_000, "VND", "investment"),
        ("Инвестиции составят 10 млрд тугриков.", 10_000_000_000, "MNT", "investment"),
        ("Exports reached 5 million Armenian drams.", 5_000_000, "AMD", "exports"),
        ("Инвестиции — 100 млн азербайджанских манатов.", 100_000_000, "AZN", "investment"),
        ("Инвестиции составят 50 млн сомони.", 50_000_000, "TJS", "investment"),
        ("Инвестиции — 20 млн лари.", 20_000_000, "GEL", "investment"),
        ("投资10亿泰铢。", 1_000_000_000, "THB", "investment"),
        ("Инвестиции — 5 млн швейцарских франков.", 5_000_000, "CHF", "investment"),
        ("The investment is S$5 million.", 5_000_000, "SGD", "investment"),
        ("投资5亿澳元。", 500_000_000, "AUD", "investment"),
        ("Инвестиции — 2 млрд канадских долларов.", 2_000_000_000, "CAD", "investment"),
        # Indian pages count in crores and lakhs, and write the rupee "Rs." or "₹"
        ("The company will invest Rs 500 crore in the plant.", 5_000_000_000, "INR", "investment"),
        ("The project cost is ₹1,200 crore.", 12_000_000_000, "INR", "investment"),
        ("They invested Rs. 50 lakh in the unit.", 5_000_000, "INR", "investment"),
        # figures in Chinese numerals, with their scale
        ("项目总投资三十亿元。", 3_000_000_000, "CNY", "investment"),
        ("双方贸易额达一百二十亿美元。", 12_000_000_000, "USD", "trade turnover"),
        ("该项目投资五千万美元。", 50_000_000, "USD", "investment"),
        ("總投資近百億元人民幣。", 10_000_000_000, "CNY", "investment"),
        ("项目投资三点五亿元。", 350_000_000, "CNY", "investment"),
        ("展会签约金额达二十多亿元。", 2_000_000_000, "CNY", "contract value"),
        # currencies named with their country, abbreviated or by their sign
        (
            "Инвестиции превысят 10 миллиардов российских рублей.",
            10_000_000_000,
            "RUB",
            "investment",
        ),
        ("The investment is worth 500 million U.S. dollars.", 500_000_000, "USD", "investment"),
        ("Инвестиции составят 50 млн бел. руб.", 50_000_000, "BYN", "investment"),
        ("The company invested Br 10 million in the plant.", 10_000_000, "BYN", "investment"),
        ("Sales reached ¥300 million.", 300_000_000, "CNY", "sales"),
        ("合同金额为￥5000万。", 50_000_000, "CNY", "contract value"),
        # a hyphen joining a figure to its scale: $200, not "$200-million"
        ("They will open a $200-million factory.", 200_000_000, "USD", None),
    ],
)
def test_amounts(text: str, value: int, currency: str, what: str | None) -> None:
    [amount] = find_amounts(text, WORDS)
    assert (amount.value, amount.currency, amount.what) == (Decimal(value), currency, what)
    assert amount.evidence == text


@pytest.mark.parametrize(
    "text",
    [
        "В 2023 году в стадии переговоров 25 проектов.",
        "Participants from 32 countries",
        "70 бизнес-сессий",
        "1 USD77.824777.5159",  # a rate table
        "Курс: 1 EUR = 91,2 руб.",
        "USD 100.68 +0.46 EUR 106.08 +0.27",  # a ticker with the day's change
        "$1 – 11914.67",  # a rate beside the story
        "€1 - 13735.23",
        "Общая сумма сделок растёт.",  # "сумма" is no currency
        "Сотни миллионов людей",  # a scale with no currency
        "Несколько сотен сомнений",
        "Полтора миллиона человек",  # worded figures need a currency too
        "推动管理一元化。",  # Chinese numerals need a scale to be money
        "打破城乡二元结构。",
        "带来数百万美元的损失。",  # "several million", "tens of billions": no figure
        "几十亿元的市场。",
        "三十万人参观了展会。",  # a scale with no currency
        "In 2019 won the tender.",  # "won" after a year is a verb
        "Mrs 5 visits were planned.",  # "rs" inside a word is no rupee
        "They bought 2 gel pens.",  # a currency's code that is a word needs its name
        "Zhang Dong 2019 annual report.",
    ],
)
def test_numbers_without_currency_are_not_money(text: str) -> None:
    assert find_amounts(text, WORDS) == []


SCALES = {"тыс.": 10**3, "млн": 10**6, "млрд": 10**9}
CURRENCIES = {"долларов США": "USD", "рублей": "RUB", "евро": "EUR", "юаней": "CNY"}


@given(
    st.integers(1, 999_999),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from(sorted(CURRENCIES)),
)
def test_any_russian_amount(number: int, scale: str, currency: str) -> None:
    written = f"{number:,}".replace(",", " ")
    [amount] = find_amounts(f"Объём инвестиций составил {written} {scale} {currency}.", WORDS)
    assert amount.value == number * SCALES[scale]
    assert amount.currency == CURRENCIES[currency]
    assert amount.what == "investment"


@pytest.mark.parametrize(
    ("text", "values", "currency"),
    [
        ("Инвестиции составят от 10 до 15 млн долларов.", [10 * 10**6, 15 * 10**6], "USD"),
        ("Инвестиции — 10–15 млрд рублей.", [10 * 10**9, 15 * 10**9], "RUB"),
        ("The plant will cost $10-15 million.", [10 * 10**6, 15 * 10**6], "USD"),
        ("The plant will cost $10 to $15 million.", [10 * 10**6, 15 * 10**6], "USD"),
        ("Investment of between 2 and 3 billion dollars.", [2 * 10**9, 3 * 10**9], "USD"),
        ("项目投资额为3至5亿元。", [3 * 10**8, 5 * 10**8], "CNY"),
        ("项目投资额为3-5亿元。", [3 * 10**8, 5 * 10**8], "CNY"),
        # a lower end with a scale of its own
        ("投资额为5000万至8000万美元。", [5 * 10**7, 8 * 10**7], "USD"),
        ("Инвестиции составят от 500 тыс. до 2 млн рублей.", [5 * 10**5, 2 * 10**6], "RUB"),
        ("Товарооборот вырос с 1,2 млрд до 1,5 млрд долларов.", [12 * 10**8, 15 * 10**8], "USD"),
        ("Trade grew from 1.2 billion to 1.5 billion dollars.", [12 * 10**8, 15 * 10**8], "USD"),
        # both ends with their currency are two amounts, each once
        ("The project costs between $10 million and $15 million.", [10**7, 15 * 10**6], "USD"),
        # a year before a dash is no lower end; nor a figure inside a word
        ("В 2023 – 5 млрд рублей.", [5 * 10**9], "RUB"),
        ("В 2024-2025 годах — 5 млрд рублей.", [5 * 10**9], "RUB"),
        ("Модель A5-10 млн рублей.", [10 * 10**6], "RUB"),
    ],
)
def test_a_range_is_both_its_ends_in_one_unit(text: str, values: list[int], currency: str) -> None:
    found = find_amounts(text, WORDS)
    assert [(a.value, a.currency) for a in found] == [(Decimal(v), currency) for v in values]


@given(st.integers(1, 998), st.integers(1, 999), st.sampled_from(sorted(SCALES)))
def test_any_russian_range(low: int, step: int, scale: str) -> None:
    high = low + step
    found = find_amounts(f"Инвестиции составят от {low} до {high} {scale} рублей.", WORDS)
    assert [a.value for a in found] == [low * SCALES[scale], high * SCALES[scale]]


@given(
    st.integers(1, 999),
    st.integers(1, 999),
    st.sampled_from(sorted(SCALES)),
    st.sampled_from(sorted(SCALES)),
)
def test_any_russian_range_with_a_scale_at_each_end(
    low: int, high: int, low_scale: str, high_scale: str
) -> None:
    low_value, high_value = low * SCALES[low_scale], high * SCALES[high_scale]
    text = f"Инвестиции составят от {low} {low_scale} до {high} {high_scale} рублей."
    found = [a.value for a in find_amounts(text, WORDS)]
    # the lower end is read when it is lower; a "range" down is the upper figure alone
    assert found == ([low_value, high_value] if low_value < high_value else [high_value])


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("Уголь продают по цене 5 тыс. рублей за тонну.", 5_000, "RUB"),
        ("Цена — 300 долл./т.", 300, "USD"),
        ("Стоимость — 2 млн рублей за единицу техники.", 2_000_000, "RUB"),
        ("Steel was sold at $300 per ton.", 300, "USD"),
        ("The buses cost $1.5 million each.", 1_500_000, "USD"),
        ("每吨售价500元。", 500, "CNY"),
        ("价格为500元/吨。", 500, "CNY"),
        ("每辆车售价20万元。", 200_000, "CNY"),
    ],
)
def test_a_price_per_unit_is_an_amount_that_measures_a_unit_price(
    text: str, value: int, currency: str
) -> None:
    [amount] = find_amounts(text, WORDS)
    assert (amount.value, amount.currency, amount.what) == (Decimal(value), currency, "unit price")


@pytest.mark.parametrize(
    "text",
    [
        "Товарооборот достиг 3 млрд долларов в год.",  # a year is no unit of a price
        "Bilateral trade reached $3 billion a year.",
        "投资30亿元建设年产10万吨的工厂。",  # tons counted after the amount, not its unit
    ],
)
def test_a_sum_told_with_a_period_or_a_capacity_is_no_unit_price(text: str) -> None:
    [amount] = find_amounts(text, WORDS)
    assert amount.what != "unit price"


CHINESE_SCALES = {"万": 10**4, "亿": 10**8, "萬": 10**4, "億": 10**8}
CHINESE_CURRENCIES = {"元": "CNY", "美元": "USD", "卢布": "RUB", "欧元": "EUR"}


@given(
    st.integers(1, 9_999),
    st.sampled_from(sorted(CHINESE_SCALES)),
    st.sampled_from(sorted(CHINESE_CURRENCIES)),
)
def test_any_chinese_amount_in_chinese_numerals(number: int, scale: str, currency: str) -> None:
    written = cn2an.an2cn(number)  # the library's writer; coopex reads with its reader
    [amount] = find_amounts(f"项目总投资{written}{scale}{currency}。", WORDS)
    assert amount.value == number * CHINESE_SCALES[scale]
    assert amount.currency == CHINESE_CURRENCIES[currency]


@given(
    st.text(alphabet="零〇一二两兩三四五六七八九十百千点", min_size=1, max_size=20),
    st.sampled_from(sorted(CHINESE_SCALES)),
)
def test_any_run_of_chinese_numerals_is_a_positive_amount_or_none(run: str, scale: str) -> None:
    for amount in find_amounts(f"项目总投资{run}{scale}元。", WORDS):
        assert amount.value > 0 and amount.currency == "CNY"


def _page_amounts(*sentences: str) -> list[tuple[Decimal, str]]:
    found = [a for sentence in sentences for a in find_amounts(sentence, WORDS)]
    return [(a.value, a.currency) for a in each_once(found)]


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        (
            "На завод направят 500 миллионов рублей. Ещё 300 миллионов инвестируют в склад.",
            300_000_000,
            "RUB",
        ),
        (
            "The plant costs $50 million. Another 20 million will be invested later.",
            20_000_000,
            "USD",
        ),
    ],
)
def test_a_figure_spent_takes_the_currency_of_the_sentence_before(
    text: str, value: int, currency: str
) -> None:
    *_, carried = find_amounts(text, WORDS)
    assert (carried.value, carried.currency, carried.what) == (
        Decimal(value),
        currency,
        "investment",
    )


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # no amount just before to take a currency from
        ("Ещё 300 миллионов инвестируют в склад.", []),
        ("На заводе 500 рабочих. Ещё 300 миллионов инвестируют в склад.", []),
        # a figure of something else between the figure and the verb
        (
            "На завод направят 500 миллионов рублей. Ещё 2 млн человек выделят время.",
            [500_000_000],
        ),
    ],
)
def test_a_figure_without_a_currency_before_it_is_no_amount(text: str, values: list[int]) -> None:
    assert [a.value for a in find_amounts(text, WORDS)] == [Decimal(v) for v in values]


def test_a_figure_the_page_repeats_is_one_amount() -> None:
    assert _page_amounts(
        "Регионы подписали документы на $3,5 миллиарда",
        "В Казани подписаны документы на $3,5 млрд.",
        "Контракт на 100 млн рублей.",
    ) == [(Decimal(3_500_000_000), "USD"), (Decimal(100_000_000), "RUB")]


def test_a_rounded_retelling_is_the_figure_told_precisely() -> None:
    assert _page_amounts("黑龙江1-5月对俄贸易超68亿美元", "黑龙江对俄贸易实现68.4亿美元。") == [
        (Decimal(6_840_000_000), "USD")
    ]


def test_close_figures_in_one_sentence_are_figures_of_their_own() -> None:
    assert _page_amounts("進出口貿易額達2.7億美元,其中出口2.68億美元,進口367萬美元。") == [
        (Decimal(270_000_000), "USD"),
        (Decimal(268_000_000), "USD"),
        (Decimal(3_670_000), "USD"),
    ]


@given(st.lists(st.integers(1, 10**9), max_size=8))
def test_each_once_keeps_every_distinct_value_of_a_sentence(values: list[int]) -> None:
    sentence = ", ".join(f"{v} рублей" for v in values)
    assert sorted(v for v, _ in _page_amounts(sentence)) == sorted({Decimal(v) for v in values})


def test_figures_listed_apart_are_not_one() -> None:
    found = find_amounts("Выделено 5 млрд, 200 млн рублей из них — на оборудование.", WORDS)
    assert [(a.value, a.currency) for a in found] == [(Decimal(200_000_000), "RUB")]

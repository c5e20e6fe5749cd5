"""A deterministic synthetic corpus of listings in Russian, English and Chinese.

Products come from the evaluation set's HS/OKPD2 headings (real classifier wording), combined
with what is asked or offered, materials, volumes and places, so a million listings are a
million different texts with realistic overlap.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

QUERIES = Path(__file__).parent.parent / "evaluation" / "matching" / "queries.jsonl"

LEADS = {
    "offer": {
        "en": [
            "We manufacture",
            "Supply of",
            "Serial production of",
            "We offer",
            "Export of",
            "Contract manufacturing of",
        ],
        "ru": [
            "Производим",
            "Поставка",
            "Серийное производство:",
            "Предлагаем",
            "Экспорт:",
            "Контрактное производство:",
        ],
        "zh": ["生产", "供应", "批量生产", "提供", "出口", "代工生产"],
    },
    "request": {
        "en": [
            "We are looking for",
            "Purchase of",
            "Seeking a supplier of",
            "Partner wanted for",
            "Tender for",
            "Localization partner for",
        ],
        "ru": [
            "Ищем поставщика:",
            "Закупка:",
            "Требуется",
            "Ищем партнёра:",
            "Тендер:",
            "Партнёр для локализации:",
        ],
        "zh": ["寻找", "采购", "求购", "寻求合作伙伴：", "招标：", "寻求本地化合作伙伴："],
    },
}
DETAILS = {
    "en": [
        "to GOST and ISO standards",
        "with EAC certification",
        "for export to the EAEU",
        "small batches welcome",
        "with after-sales service",
        "to customer drawings",
        "annual contract",
        "delivery by rail",
        "for OEM assembly lines",
    ],
    "ru": [
        "по ГОСТ и ISO",
        "с сертификацией ЕАЭС",
        "для поставок в страны ЕАЭС",
        "возможны малые партии",
        "с сервисным обслуживанием",
        "по чертежам заказчика",
        "годовой контракт",
        "доставка железной дорогой",
        "для сборочных конвейеров",
    ],
    "zh": [
        "符合国标和ISO标准",
        "具有EAC认证",
        "出口欧亚经济联盟",
        "接受小批量",
        "提供售后服务",
        "按客户图纸",
        "年度合同",
        "铁路运输交货",
        "用于整车装配线",
    ],
}
VOLUME = {"en": "{n} units per year", "ru": "{n} единиц в год", "zh": "每年{n}件"}
PLACES = [
    ("RU", "RU-MOW"),
    ("RU", "RU-TA"),
    ("RU", "RU-ULY"),
    ("RU", "RU-MO"),
    ("RU", "RU-SMO"),
    ("RU", "RU-SVE"),
    ("BY", "BY-HM"),
    ("BY", "BY-HO"),
    ("KZ", None),
    ("CN", "CN-ZJ"),
    ("CN", "CN-JS"),
    ("CN", "CN-GD"),
    ("CN", "CN-BJ"),
]


@dataclass(frozen=True, slots=True)
class SyntheticListing:
    id: int
    kind: str
    language: str
    title: str
    description: str
    codes: tuple[str, ...]
    country: str
    region: str | None


def _products() -> list[tuple[tuple[str, ...], dict[str, str]]]:
    """(codes, {lang: product phrase}) from the evaluation set's concepts."""
    concepts: dict[str, dict[str, object]] = {}
    for line in QUERIES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        key = row["id"].rsplit("-", 1)[0]
        concept = concepts.setdefault(key, {"source": row["source"]})
        concept[row["lang"]] = row["query"]
    result: list[tuple[tuple[str, ...], dict[str, str]]] = []
    for key, concept in concepts.items():
        code = str(concept["source"]).split()[-1] if key.startswith(("hs", "okpd2")) else ""
        scheme = "HS" if key.startswith("hs") else "OKPD2"
        codes = (f"{scheme}:{code}",) if code else ()
        result.append((codes, {lang: str(concept[lang]) for lang in ("en", "ru", "zh")}))
    return result


def generate(count: int, seed: int = 20261122) -> Iterator[SyntheticListing]:
    rng = random.Random(seed)
    products = _products()
    for index in range(count):
        codes, names = rng.choice(products)
        language = rng.choice(("ru", "en", "zh"))
        kind = rng.choice(("offer", "request"))
        product = names[language]
        country, region = rng.choice(PLACES)
        lead = rng.choice(LEADS[kind][language])
        details = rng.sample(DETAILS[language], 2)
        volume = VOLUME[language].format(n=rng.randrange(10, 100_000))
        separator = "" if language == "zh" else " "
        title = (
            f"{lead}{separator}{product[:1].lower() + product[1:] if language != 'zh' else product}"
        )
        description = f"{details[0]}; {details[1]}; {volume}."
        yield SyntheticListing(
            index + 1, kind, language, title, description, codes, country, region
        )

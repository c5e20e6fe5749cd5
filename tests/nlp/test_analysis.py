from __future__ import annotations

import numpy as np
import pytest

from coopex.nlp.analysis import MultilingualAnalyzer
from coopex.nlp.embeddings import UseEmbedder

analyzer = MultilingualAnalyzer()


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Изготовление комплектующих вагонов", ["изготовление", "комплектующие", "вагон"]),
        ("Ищем партнёров по металлообработке", ["искать", "партнер", "металлообработка"]),
        ("Freight car bogies and couplers", ["freight", "car", "bogi", "coupler"]),
        ("货车转向架", ["货车", "转向架"]),
        ("Поставка IGBT-модулей", ["поставка", "igbt", "модуль"]),
        ("Geely 乘用车 и SUV", ["geeli", "乘用车", "suv"]),
        ("1520 mm, 2027", ["mm"]),
        ("", []),
    ],
)
def test_terms_by_script(text: str, terms: list[str]) -> None:
    assert analyzer.terms(text) == terms


def test_embeddings_align_translations_across_languages() -> None:
    embedder = UseEmbedder()
    vectors = embedder.embed(
        [
            "Колёсные пары для грузовых вагонов",
            "Wheelsets for freight wagons",
            "货车轮对",
            "Natural apple juice",
        ]
    )
    assert vectors.shape == (4, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    similarity = vectors @ vectors.T
    assert similarity[0, 1] > similarity[0, 3]
    assert similarity[1, 2] > similarity[1, 3]
    assert embedder.embed([]).shape == (0, 512)


def test_parallel_embedding_gives_the_same_vectors() -> None:
    texts = [
        f"{word} для грузовых вагонов №{n}"
        for n in range(40)
        for word in ("Тележки", "Bogies", "转向架")
    ]
    parallel = UseEmbedder(processes=2, parallel_from=50, chunk=16)
    try:
        together = parallel.embed(texts)
    finally:
        parallel.close()
    alone = UseEmbedder(processes=1).embed(texts)
    assert together.shape == (120, 512)
    assert np.abs(together - alone).max() < 1e-5


def test_a_name_form_keeps_its_stem_and_foreign_endings() -> None:
    from coopex.nlp.russian_forms import plausible_name_form

    assert plausible_name_form("Бабушкин", "Бабушкиным")
    assert plausible_name_form("Слюсарева", "Слюсаревой")
    assert not plausible_name_form("Модящий", "Моди")  # a participle made up for a name
    assert not plausible_name_form("Мехдь", "Мехди")  # a foreign name that does not decline

from __future__ import annotations

import pytest

from coopex.interchange.decoding import UndecodableDocument, decode

RUSSIAN = "Ульяновская область и Республика Мордовия расширяют промышленную кооперацию."
CHINESE = "提供冷链仓储、冷藏运输及跨境冷链配送服务，适用于肉类、乳制品和果汁。"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "utf-8"),
        (RUSSIAN, "cp1251"),
        ("Ищем поставщика", "cp1251"),
        (CHINESE * 3, "gb18030"),
        (CHINESE, "utf-8"),
    ],
)
def test_decodes_the_encodings_of_the_sources(text: str, encoding: str) -> None:
    decoded = decode(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_utf8_byte_order_mark_is_dropped() -> None:
    assert decode("\ufeffНовости".encode()).text == "Новости"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),
        (bytes(range(256)) * 4, "not text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(300), "not text"),
        ("текст\x00\x01\x02\x03\x04\x05".encode() * 3, "binary"),
    ],
)
def test_non_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(UndecodableDocument, match=reason):
        decode(data)

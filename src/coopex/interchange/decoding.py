"""Bytes of a scraped page -> text: UTF-8 when it is, else the likeliest of the encodings
Russian and Chinese sites use (Windows-1251, KOI8-R, GB18030), detected by charset-normalizer."""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

CANDIDATES = ["utf_8", "cp1251", "koi8_r", "gb18030", "utf_16"]
MAX_CONTROL_SHARE = 0.02  # more control characters than this: not text


class UndecodableDocument(Exception):
    """The bytes are not text in an encoding we read (empty, binary, or unknown)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return controls > MAX_CONTROL_SHARE * len(text)


def decode(data: bytes) -> Decoded:
    if not data.strip():
        raise UndecodableDocument("empty document")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=CANDIDATES).best()
        if best is None:
            raise UndecodableDocument(
                "not text in UTF-8, Windows-1251, KOI8-R or GB18030"
            ) from None
        text, encoding = str(best), best.encoding
    if _looks_binary(text):
        raise UndecodableDocument("binary content, not text")
    return Decoded(text, encoding.replace("_", "-"))

"""Hostile inputs, made on demand (the big ones would bloat the repository): each is what an
attacker or a careless export sends, and each must get a clear error naming what and where,
with the database unchanged. `good_*` files are the awkward but legitimate ones."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

ORG_HEADER = "ref,name,kind,country,region\n"
LISTING_HEADER = "ref,kind,org,title,quantity,unit,valid_until\n"


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def bad_imports(folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (file, a phrase its error must contain)."""
    deep = "[" * 100_000 + "]" * 100_000
    files: dict[str, tuple[bytes | str, str]] = {
        "giant-cell.csv": (
            LISTING_HEADER + "l1,offer,ru-plant," + "x" * 200_000 + ",,,\n",
            "row 2",
        ),
        "deep.json": ('{"organizations": ' + deep + "}", "nested too deeply"),
        "huge-number.json": (
            '{"listings": [{"ref": "l1", "kind": "offer", "org": "ru-plant", '
            '"title": "Couplers", "quantity": ' + "9" * 5000 + "}]}",
            "digits",
        ),
        "surrogate.json": (
            '{"listings": [{"ref": "l1", "kind": "offer", "org": "ru-plant", '
            '"title": "Couplers \\ud800"}]}',
            "surrogate",
        ),
        "nul.json": (
            '{"listings": [{"ref": "l1", "kind": "offer", "org": "ru-plant", '
            '"title": "Coup\\u0000lers"}]}',
            "NUL",
        ),
        "long-quantity.csv": (
            LISTING_HEADER + "l1,offer,ru-plant,Couplers," + "1" * 41 + ",pcs,\n",
            "quantity",
        ),
        "bad-date.csv": (LISTING_HEADER + "l1,offer,ru-plant,Couplers,,,31.02.2027\n", "date"),
        "binary.csv": (b"\x00\x01\x02\x03" * 1000, "binary"),
        "not-json.json": ("{organizations: [", "not valid JSON"),
    }
    return {name: (_write(folder, name, data), phrase) for name, (data, phrase) in files.items()}


def good_cp1251_semicolons(folder: Path) -> Path:
    """What Excel in a Russian office saves: Windows-1251, ';' separators, dd.mm.yyyy."""
    text = (
        "ref;kind;org;title;quantity;unit;valid_until\r\n"
        "ru-plant-01;request;ru-plant;Литьё корпусов букс;1200;шт;31.12.2027\r\n"
    )
    return _write(folder, "excel-ru.csv", text.encode("cp1251"))


def formula_cells(folder: Path) -> Path:
    """Cells a spreadsheet would run as formulas if exported unchanged."""
    text = (
        LISTING_HEADER
        + 'l-f1,offer,ru-plant,"=HYPERLINK(""http://evil.example/"",""click"")",,,\n'
        + "l-f2,offer,ru-plant,@SUM(1+1)*cmd|' /C calc'!A0,,,\n"
        + "l-f3,offer,ru-plant,+cmd,,,\n"
        + "l-f4,offer,ru-plant,'-already quoted,,,\n"
    )
    return _write(folder, "formulas.csv", text)


def zip_bomb() -> bytes:
    """A small zip that inflates to 100 MB: a news upload of it must not be inflated."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.txt", b"\0" * (100 * 1024 * 1024))
    return buffer.getvalue()


HTML_WITH_SCRIPT = (
    b"<html><head><title>Forum</title><script>fetch('/api/v1/audit')</script></head><body>"
    b"<article><p>The Ulyanovsk region and Mordovia held a round table on rail-wagon parts."
    b"</p><img src=x onerror=alert(1)></article></body></html>"
)


def hostile_json_bodies() -> dict[str, tuple[bytes, str]]:
    """Raw request bodies for POST /listings: name -> (body, phrase in the error)."""
    start = b'{"kind": "offer", "org": "ru-plant", "title": '
    return {
        "surrogate": (start + b'"Couplers \\ud800"}', "surrogate"),
        "nul": (start + b'"Coup\\u0000lers"}', "NUL"),
        "deep": (b"[" * 100_000 + b"]" * 100_000, "nested"),
        "huge-number": (start + b'"Couplers", "quantity": ' + b"9" * 5000 + b"}", "digits"),
        "long-quantity": (start + b'"Couplers", "quantity": "' + b"1" * 41 + b'"}', "quantity"),
        "not-json": (b"{kind: offer", "not JSON"),
    }


def as_json(value: object) -> bytes:
    return json.dumps(value).encode()

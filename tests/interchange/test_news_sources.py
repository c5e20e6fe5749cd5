"""Reading news files and folders: formats, and every bad entry reported, never fatal."""

from __future__ import annotations

import json
from pathlib import Path

from coopex.engines.news.pipeline import RawDocument
from coopex.interchange.news_sources import (
    MAX_DOCUMENT_BYTES,
    SourceProblem,
    read_sources,
    uploaded,
)


def test_a_folder_with_good_and_bad_entries(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Заголовок\nТекст статьи.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<p>Article</p>", encoding="utf-8")
    (tmp_path / "page").write_bytes(b"  <!DOCTYPE html><html><body><p>x</p></body></html>")
    (tmp_path / "huge.txt").write_bytes(b"x" * (MAX_DOCUMENT_BYTES + 1))
    (tmp_path / ".hidden").write_text("ignored")
    (tmp_path / "broken-link").symlink_to(tmp_path / "nowhere")
    nested = tmp_path / "more"
    nested.mkdir()
    (nested / "c.txt").write_text("Text", encoding="utf-8")
    found = list(read_sources([tmp_path, tmp_path / "missing.txt"]))
    documents = {d.name: d.format for d in found if isinstance(d, RawDocument)}
    problems = {Path(p.source).name: p.reason for p in found if isinstance(p, SourceProblem)}
    assert documents == {"a.txt": "text", "b.html": "html", "page": "html", "c.txt": "text"}
    assert problems["huge.txt"].startswith("too large for one article: 5.0 MB")
    assert problems["broken-link"] == "not a regular file"
    assert problems["missing.txt"] == "no such file or folder"
    assert len(found) == 7


def test_json_lines_with_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "crawl.jsonl"
    lines = [
        json.dumps({"url": "https://a.example/1", "html": "<p>Один</p>"}),
        "",
        "{not json",
        json.dumps({"url": "https://a.example/2", "text": "Два"}),
        json.dumps({"url": "https://a.example/3"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Без адреса"}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    found = list(read_sources([path]))
    assert [type(item).__name__ for item in found] == [
        "RawDocument",
        "SourceProblem",
        "RawDocument",
        "SourceProblem",
        "SourceProblem",
        "RawDocument",
    ]
    first, bad_json, second, no_body, not_object, nameless = found
    assert isinstance(first, RawDocument) and first.format == "html"
    assert first.name == first.url == "https://a.example/1"
    assert isinstance(second, RawDocument) and second.format == "text"
    assert isinstance(bad_json, SourceProblem) and bad_json.source == f"{path}:3"
    assert "not a JSON object" in bad_json.reason
    assert isinstance(no_body, SourceProblem) and '"html" or "text"' in no_body.reason
    assert isinstance(not_object, SourceProblem) and not_object.reason == "not a JSON object"
    assert isinstance(nameless, RawDocument) and nameless.name == "crawl.jsonl:7"


def test_format_can_be_forced(tmp_path: Path) -> None:
    path = tmp_path / "pages.dat"
    path.write_text(json.dumps({"url": "u", "text": "t"}), encoding="utf-8")
    [document] = read_sources([path], "jsonl")
    assert isinstance(document, RawDocument) and document.name == "u"
    [as_text] = read_sources([path], "text")
    assert isinstance(as_text, RawDocument) and as_text.format == "text"


def test_uploads_read_like_files() -> None:
    [page] = uploaded("x.htm", b"<p>hi</p>")
    assert isinstance(page, RawDocument) and page.format == "html"
    [problem] = uploaded("big.txt", b"x" * (MAX_DOCUMENT_BYTES + 1))
    assert isinstance(problem, SourceProblem)
    pages = list(uploaded("p.jsonl", b'{"url":"a","text":"b"}\n{"url":"c","text":"d"}'))
    assert [p.name for p in pages if isinstance(p, RawDocument)] == ["a", "c"]

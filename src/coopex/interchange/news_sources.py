"""Reading news documents from files and folders: plain text as scraped, HTML pages, and
JSON Lines of crawled pages (`{"url": ..., "html": ...}` or `{"url": ..., "text": ...}`).

Reading never stops at a bad entry: an unreadable file, an oversized document or a broken
JSON line is yielded as a `SourceProblem` naming the file (and line) and why, and the rest
is read on. Documents are read lazily, so a folder of any size streams.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from coopex.domain.fields import text_problem
from coopex.engines.news.pipeline import Format, RawDocument

SourceFormat = Literal["auto", "text", "html", "jsonl"]
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024  # one article; a bigger "page" is not one
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_JSONL_SUFFIXES = {".jsonl", ".ndjson"}
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<p>", b"<div")


@dataclass(frozen=True, slots=True)
class SourceProblem:
    source: str  # file, or file:line for a JSON Lines entry
    reason: str


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def _too_large(size: int) -> str:
    return (
        f"too large for one article: {_megabytes(size)} "
        f"(the limit is {_megabytes(MAX_DOCUMENT_BYTES)})"
    )


def sniff_format(name: str, head: bytes) -> Format:
    if Path(name).suffix.lower() in _HTML_SUFFIXES:
        return "html"
    start = head[:2048].lstrip().lower()
    return "html" if start.startswith(_HTML_MARKERS) else "text"


def _files(paths: Iterable[Path]) -> Iterator[Path | SourceProblem]:
    for path in paths:
        if path.is_dir():
            try:
                entries = sorted(path.rglob("*"))
            except OSError as error:
                yield SourceProblem(str(path), f"cannot list the folder: {error.strerror}")
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                if entry.is_file():
                    yield entry
                elif not entry.is_dir():
                    yield SourceProblem(str(entry), "not a regular file")
        elif path.is_file():
            yield path
        elif path.exists():
            yield SourceProblem(str(path), "not a regular file")
        else:
            yield SourceProblem(str(path), "no such file or folder")


def _json_lines(path: Path) -> Iterator[RawDocument | SourceProblem]:
    with path.open("rb") as lines:
        yield from json_lines(str(path), path.name, lines)


def json_lines(
    label: str, name: str, lines: Iterable[bytes]
) -> Iterator[RawDocument | SourceProblem]:
    """Documents of a JSON Lines stream; `label` names it in problems, `name` in documents."""
    for number, line in enumerate(lines, 1):
        source = f"{label}:{number}"
        if not line.strip():
            continue
        if len(line) > MAX_DOCUMENT_BYTES:
            yield SourceProblem(source, _too_large(len(line)))
            continue
        try:
            entry = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            yield SourceProblem(source, f"not a JSON object: {error}")
            continue
        except RecursionError:
            yield SourceProblem(source, "not a JSON object: nested too deeply")
            continue
        except ValueError as error:  # a number with more digits than Python converts
            yield SourceProblem(source, f"not a JSON object: {str(error).split(';')[0]}")
            continue
        if not isinstance(entry, dict):
            yield SourceProblem(source, "not a JSON object")
            continue
        url = entry.get("url")
        body = entry.get("html", entry.get("text"))
        if not isinstance(body, str) or (url is not None and not isinstance(url, str)):
            yield SourceProblem(
                source, 'needs "html" or "text" as a string (and "url" as a string)'
            )
            continue
        broken = text_problem(body)
        if broken is not None and "surrogate" in broken:  # NUL is dropped when decoding
            yield SourceProblem(source, f"the page {broken}")
            continue
        broken = text_problem(url) if url else None
        if broken is not None:
            yield SourceProblem(source, f'"url" {broken}')
            continue
        format: Format = "html" if "html" in entry else "text"
        yield RawDocument(url or f"{name}:{number}", body.encode("utf-8"), format, url)


def read_sources(
    paths: Iterable[Path], format: SourceFormat = "auto"
) -> Iterator[RawDocument | SourceProblem]:
    """Every document under `paths`, or the problem that kept one from being read."""
    for item in _files(paths):
        if isinstance(item, SourceProblem):
            yield item
            continue
        try:
            if format == "jsonl" or (format == "auto" and item.suffix.lower() in _JSONL_SUFFIXES):
                yield from _json_lines(item)
                continue
            size = item.stat().st_size
            if size > MAX_DOCUMENT_BYTES:
                yield SourceProblem(str(item), _too_large(size))
                continue
            data = item.read_bytes()
        except OSError as error:
            yield SourceProblem(str(item), f"cannot read: {error.strerror or error}")
            continue
        yield from uploaded(item.name, data, format)


def uploaded(
    name: str, data: bytes, format: SourceFormat = "auto"
) -> Iterator[RawDocument | SourceProblem]:
    """The documents of one file's bytes (an upload): one page, or JSON Lines of pages."""
    name = name.replace("\x00", "")  # an uploaded file name is stored as text
    if format == "jsonl" or (format == "auto" and Path(name).suffix.lower() in _JSONL_SUFFIXES):
        yield from json_lines(name, name, data.splitlines())
        return
    if len(data) > MAX_DOCUMENT_BYTES:
        yield SourceProblem(name, _too_large(len(data)))
        return
    kind: Format = sniff_format(name, data) if format == "auto" else format
    yield RawDocument(name, data, kind)

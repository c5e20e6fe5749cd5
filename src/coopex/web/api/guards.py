"""What every request passes before a route sees it, and what every response carries.

- Bodies are counted as they arrive, whatever Content-Length says (chunked bodies too): past
  the route's limit the request ends with 413 before the rest is read.
- JSON bodies are parsed once here, within limits (nesting depth, digits of a number), and
  their strings checked: a NUL or a lone surrogate cannot be stored in any database, so it is
  refused with 422 naming where it is, instead of failing deep inside a transaction.
- Query strings and paths are checked for NUL the same way.
- Every response gets the headers that keep browsers from sniffing, framing or leaking it,
  and API responses are not cached (they are per user, and carry tokens).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

from coopex.domain.errors import FieldError, ValidationFailed
from coopex.domain.fields import shown, text_problem

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_JSON_DEPTH = 32
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
# JSON answers are never rendered: nothing in them may run or load anything.
API_CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")


class BodyTooLarge(Exception):
    """The request body passed the route's limit; answered with 413."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        super().__init__(f"the request body is larger than {_size(limit)}")


def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / 1024 / 1024:g} MB"
    return f"{limit / 1024:g} KB"


def check_json(data: bytes) -> Any:
    """The parsed JSON document, or ValidationFailed naming what is wrong and where."""
    try:
        document = json.loads(data)
    except RecursionError:
        raise ValidationFailed(
            [FieldError("body", f"nested deeper than {MAX_JSON_DEPTH} levels")]
        ) from None
    except json.JSONDecodeError as error:
        raise ValidationFailed(
            [FieldError("body", f"not JSON: {error.msg} at line {error.lineno}")]
        ) from None
    except ValueError as error:  # e.g. an integer of more digits than Python converts
        reason = str(error).split(";")[0]
        raise ValidationFailed([FieldError("body", f"not acceptable JSON: {reason}")]) from None
    except UnicodeDecodeError:
        raise ValidationFailed([FieldError("body", "not UTF-8 text")]) from None
    _walk(document, "body", 0)
    return document


def _walk(value: Any, where: str, depth: int) -> None:
    if depth > MAX_JSON_DEPTH:
        raise ValidationFailed([FieldError(where, f"nested deeper than {MAX_JSON_DEPTH} levels")])
    if isinstance(value, str):
        problem = text_problem(value)
        if problem is not None:
            raise ValidationFailed([FieldError(where, problem, shown(value))])
    elif isinstance(value, dict):
        for key, item in value.items():
            problem = text_problem(key)
            if problem is not None:
                raise ValidationFailed([FieldError(where, f"a key {problem}", shown(key))])
            _walk(item, f"{where}.{key}", depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _walk(item, f"{where}[{index}]", depth + 1)


def _query_problem(query: bytes) -> FieldError | None:
    try:
        pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True, encoding="utf-8")
    except ValueError:
        return FieldError("query", "is not a valid query string")
    for name, value in pairs:
        for text in (name, value):
            problem = text_problem(text)
            if problem is not None:
                return FieldError(shown(name, 40), problem, shown(value))
    return None


class RequestGuard:
    """ASGI middleware: body limits, JSON and query checks, security headers."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body: int,
        upload_limits: dict[str, int],
        problem: Callable[[Scope, int, str, str, list[FieldError]], Awaitable[Any]],
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.upload_limits = upload_limits  # path -> limit, for routes that take files
        self.problem = problem

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(scope, send)
        path: str = scope.get("path", "")
        where = _query_problem(scope.get("query_string", b"")) or (
            FieldError("path", problem, shown(path))
            if (problem := text_problem(path)) is not None
            else None
        )
        if where is not None:
            await self._answer(scope, receive, send, 422, "validation", "Invalid input", [where])
            return
        upload = self.upload_limits.get(path.rstrip("/"))
        limit = upload or self.max_body
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await self._too_large(scope, receive, send, limit)
            return
        counted = _counting(receive, limit)
        if upload is None and _is_json(scope) and scope.get("method") in ("POST", "PUT", "PATCH"):
            try:
                body = await _read_all(counted)
                if body.strip():  # no body at all is the route's business (often fine)
                    check_json(body)
            except BodyTooLarge:
                await self._too_large(scope, receive, send, limit)
                return
            except ValidationFailed as failure:
                await self._answer(
                    scope, receive, send, 422, "validation", "Invalid input", list(failure.errors)
                )
                return
            counted = _replay(body, receive)
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, tracking_send)
        except BodyTooLarge:
            if started:
                raise
            await self._too_large(scope, receive, send, limit)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send, limit: int) -> None:
        await self._answer(
            scope,
            receive,
            send,
            413,
            "too-large",
            "Request body too large",
            [FieldError("body", f"larger than {_size(limit)}")],
        )

    async def _answer(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        status: int,
        slug: str,
        title: str,
        errors: list[FieldError],
    ) -> None:
        response = await self.problem(scope, status, slug, title, errors)
        await response(scope, receive, send)

    @staticmethod
    def _with_headers(scope: Scope, send: Send) -> Send:
        is_api = scope.get("path", "").startswith("/api/")

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if is_api and b"cache-control" not in present:
                    extra.append((b"cache-control", b"no-store"))
                if (
                    is_api
                    and not content_type.startswith(b"text/html")
                    and API_CSP[0] not in present
                ):
                    extra.append(API_CSP)
                message["headers"] = headers + extra
            await send(message)

        return sending


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name.lower() == b"content-type":
            media: bytes = value.split(b";")[0].strip().lower()
            return media == b"application/json" or media.endswith(b"+json")
    return False


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise BodyTooLarge(limit)
        return message

    return counted


async def _read_all(receive: Receive) -> bytes:
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed

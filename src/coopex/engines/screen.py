"""Which of many regular expressions may match a text, found in one scan.

Python's `re` tries a long alternation one wording after another at every position of the
text, so screening each sentence against every event type's wordings cost a third of the
events stage. RE2's sets (the `google-re2` wheel) scan for all of them at once, with a
lazily built automaton. RE2 has no look-arounds or `\\b` and reads `\\w` and `\\s` as ASCII,
so each pattern is loosened for it: look-arounds and word boundaries dropped, `re`'s own
character classes spelt out, a pattern RE2 cannot take at all always passed. A screen may
therefore pass a text the pattern then rejects, but never rejects a text it matches: `re`
still decides.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Hashable, Sequence
from functools import cache
from typing import Any, Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)

# An escape, a character class, a group's opening, or one character.
_TOKEN = re.compile(
    r"\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{8}|\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\(\?(?:P<\w+>|<?[=!]|[aiLmsux-]*:)|.",
    re.DOTALL,
)
_LOOK_AROUND = ("(?=", "(?!", "(?<=", "(?<!")
_NEGATED = re.compile(r"\\[WSD]")
_RE2_MEMORY = 64 << 20  # the automaton's budget: the Russian wordings compile at 24 MB, not 16
# RE2 gives up on a text silently when its automaton runs out of memory mid-scan, and a set then
# reports nothing. A sentence is far shorter; a text longer than this passes every key.
_LONGEST_SCANNED = 1 << 16


@cache
def _every_character() -> str:
    return "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, sys.maxunicode + 1)))


@cache
def _members(shorthand: str) -> str:
    """The characters `re` reads `\\w`, `\\s` or `\\d` as, in RE2's range syntax, so that the
    loosened pattern reads them exactly as `re` does."""
    every = _every_character()
    return "".join(
        rf"\x{{{ord(m.group()[0]):x}}}-\x{{{ord(m.group()[-1]):x}}}"
        for m in re.finditer(rf"[{shorthand}]+", every)
    )


def _code_point(hex_digits: str) -> str:
    """`re`'s "\\u0416" or "\\U0001F600" in RE2's syntax."""
    return rf"\x{{{hex_digits}}}"


# An escape inside a class: a code point, a shorthand RE2 reads otherwise, or any other (kept).
_CLASS_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|([wsd])|.)", re.DOTALL)


def _class_escape(escape: re.Match[str]) -> str:
    four, eight, shorthand = escape.groups()
    if shorthand:
        return _members("\\" + shorthand)
    return _code_point(four or eight) if four or eight else escape.group()


def _class(token: str) -> str:
    if _NEGATED.search(token):
        return "(?s:.)"  # "[^\W\d]": any character, looser than the class and always safe
    return _CLASS_ESCAPE.sub(_class_escape, token)


def _shorthand(token: str) -> str | None:
    letter = token[1:]
    if letter in ("w", "s", "d"):
        return f"[{_members(token)}]"
    if letter in ("W", "S", "D"):
        return f"[^{_members(token.lower())}]"
    return {"b": "", "B": "", "Z": r"\z"}.get(letter)


def loosened(pattern: str) -> str:
    """`pattern` in RE2's syntax, matching at least every text `re` matches it in."""
    out: list[str] = []
    skipped = 0  # depth inside a look-around being dropped
    for token in (m.group() for m in _TOKEN.finditer(pattern)):
        if skipped:
            skipped += token.startswith("(") - (token == ")")
        elif token in _LOOK_AROUND:
            skipped = 1
        elif token.startswith(("\\u", "\\U")):
            out.append(_code_point(token[2:]))
        elif token.startswith("[") and len(token) > 1:
            out.append(_class(token))
        elif token.startswith("\\") and (spelt := _shorthand(token)) is not None:
            out.append(spelt)
        elif token == "$":
            out.append(r"\n?$")  # `re`'s end also stands before a last line break
        else:
            out.append(token)
    return re.sub(r"\{,(\d+)\}", r"{0,\1}", "".join(out))  # "{,6}": RE2 wants "{0,6}"


class Screen(Generic[Key]):
    """Patterns (case-insensitive, as the cue table's are), each under a key; `keys_in(text)`
    is the keys of those that may match it.

    The set is compiled on first use, once per process; RE2's sets are safe to search from
    several threads at once."""

    def __init__(self, patterns: Sequence[tuple[Key, str]]) -> None:
        self._patterns = tuple(patterns)
        self._compiled: tuple[Any, tuple[Key, ...], frozenset[Key]] | None = None
        self._lock = threading.Lock()

    def keys_in(self, text: str) -> frozenset[Key]:
        matcher, keys, always = self._compiled or self._compile()
        if matcher is None:
            return always
        data = text.encode()
        if len(data) > _LONGEST_SCANNED:
            return always.union(keys)
        return always.union(keys[index] for index in matcher.Match(data) or ())

    def _compile(self) -> tuple[Any, tuple[Key, ...], frozenset[Key]]:
        import re2

        with self._lock:
            if self._compiled is None:
                options = re2.Options()
                options.case_sensitive = False
                options.max_mem = _RE2_MEMORY
                options.log_errors = False
                matcher = re2.Set.SearchSet(options)
                keys: list[Key] = []
                always: set[Key] = set()
                for key, pattern in self._patterns:
                    try:
                        matcher.Add(loosened(pattern))
                    except re2.error:
                        always.add(key)  # a construct RE2 lacks: `re` alone decides
                    else:
                        keys.append(key)
                if keys:
                    matcher.Compile()
                self._compiled = (matcher if keys else None, tuple(keys), frozenset(always))
            return self._compiled

    # A compiled set belongs to one process: a copy sent to another compiles its own.
    def __getstate__(self) -> dict[str, object]:
        return {"patterns": self._patterns}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._patterns = state["patterns"]
        self._compiled, self._lock = None, threading.Lock()

"""Find many names in free text in time that does not grow with the number of names.

Why not one regular expression of every name: Python's `re` tries each alternative in turn at
each place in the text, so a text costs time in proportion to the names, and a repository with
twice the people has twice the names and twice the texts (the rule WG404 grew with the square of
the records). Here the names are indexed by their first characters and, at each place a name may
start, only the few names with those first characters are compared.

The matches are exactly those of the expression `freetext.hiding` used to compile:
`(?<![\\w-])(?:(?-i:SHORT...)|LONG...)(?![\\w-])` with IGNORECASE, each group longest first:
at each place a name may start, the longest short name (four characters or fewer, compared as
written) that ends at a word boundary, else the longest long name (compared ignoring case, as
`re` does), then on from its end. `tests/test_namescan.py` checks this against `re`.
"""

from __future__ import annotations

import re
from functools import cache

# Where a name may start: not after a word character or a hyphen.
_START = re.compile(r"(?<![\w-])")
SHORT = 4  # names of up to four characters match only as written ("us" is not "US")
KEY = 4  # long names are indexed by their first four characters
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# ASCII letters that `re` with IGNORECASE also matches to a non-ASCII character (dotless i,
# long s, Kelvin sign): the index cannot tell them apart, so it treats them as unknown.
_UNSURE = str.maketrans(dict.fromkeys("iks", "\0"))


def coarse(text: str) -> str:
    """A key equal for any two texts of the same length that `re` with IGNORECASE matches to
    each other (and for some others: candidates are compared in full)."""
    if not text.isascii():
        text = _NON_ASCII.sub("\0", text)
    return text.lower().translate(_UNSURE)


@cache
def _ignoring_case(name: str) -> re.Pattern[str]:
    return re.compile(re.escape(name), re.IGNORECASE)


def same_ignoring_case(name: str, text: str) -> bool:
    """Whether `re` with IGNORECASE matches `name` to all of `text`."""
    if name.isascii() and text.isascii():
        return name.lower() == text.lower()
    return _ignoring_case(name).fullmatch(text) is not None


def _is_boundary(text: str, end: int) -> bool:
    """No word character or hyphen follows `end`."""
    if end >= len(text):
        return True
    after = text[end]
    return not (after.isalnum() or after in "_-")


Index = tuple[dict[str, list[str]], dict[str, list[str]]]  # (short, long), longest first


def _index(names: list[str]) -> Index:
    short: dict[str, list[str]] = {}
    long: dict[str, list[str]] = {}
    for name in sorted({n for n in names if len(n) >= 2}, key=len, reverse=True):
        if len(name) <= SHORT:
            short.setdefault(name[:2], []).append(name)
        else:
            long.setdefault(coarse(name[:KEY]), []).append(name)
    return short, long


class NameScan:
    """The names, indexed: short ones by their first two characters as written, long ones by
    the coarse key of their first four; `plus` adds names in an index of their own."""

    def __init__(self, names: list[str], below: tuple[Index, ...] = ()) -> None:
        self._layers = (*below, _index(names))

    def plus(self, names: list[str]) -> NameScan:
        """These names and `names`, sharing this index (a Chatham House meeting's participants
        are added once per meeting: copying every hidden name each time grew with the square)."""
        return NameScan(names, self._layers)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every name in `text`, left to right, never overlapping."""
        found: list[tuple[int, int]] = []
        keys = coarse(text)  # character by character, so a slice of it is the slice's key
        done = 0
        for start in _START.finditer(text):
            at = start.start()
            if at < done:
                continue
            end = self._short_at(text, at) or self._long_at(text, keys, at)
            if end:
                found.append((at, end))
                done = end
        return found

    def _short_at(self, text: str, at: int) -> int:
        """The end of the longest short name that matches at `at`, or 0."""
        best = 0
        for short, _ in self._layers:
            for name in short.get(text[at : at + 2], ()):
                end = at + len(name)
                if end <= best:
                    break
                if text.startswith(name, at) and _is_boundary(text, end):
                    best = end
                    break
        return best

    def _long_at(self, text: str, keys: str, at: int) -> int:
        """The end of the longest long name that matches at `at`, or 0."""
        best = 0
        for _, long in self._layers:
            for name in long.get(keys[at : at + KEY], ()):
                end = at + len(name)
                if end <= best:
                    break
                if (
                    end <= len(text)
                    and _is_boundary(text, end)
                    and same_ignoring_case(name, text[at:end])
                ):
                    best = end
                    break
        return best

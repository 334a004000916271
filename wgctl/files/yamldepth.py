"""Where flow nesting ([ and {) first goes deeper than a bound, found in the text before any parser runs.

Why: wgctl's depth limit (rule WG008) must not depend on a YAML library's own limits. libyaml's
scanner looks ahead across a run of `[` (each could start a key) and, since PyYAML 6.0.4, stops at
1,000 levels with its own error before any event reaches wgctl. This scan finds a cut point past
which the text is too deep, so the caller can give the parser only the text before it, where the
exact line and column come from the parser's own events.

The scan is a candidate finder, not a verdict: it follows quotes, comments, block scalars and
which `[` can start a node, and the caller confirms the depth with the parser. A miss costs only
the library's own limit (which the caller maps to WG008 as well); a false alarm costs nothing.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[\[\]{}'\"#|>\n]")
_BLANK = " \t\r"
_INDICATORS = "-?:"  # followed by a space, these end a key or an entry: a node may start after them


def _node_start(text: str, index: int, depth: int) -> bool:
    """Whether a node may start at `index`: after an indicator, a line start or, in flow, a `,`."""
    k = index - 1
    while k >= 0 and text[k] in _BLANK:
        k -= 1
    if depth:
        while k >= 0 and text[k] in _BLANK + "\n":
            k -= 1
        return k < 0 or text[k] in "[{,:?"
    if k < 0 or text[k] == "\n":
        return True
    return text[k] in _INDICATORS and k + 1 < index  # "- [" or "key: [", never "a-[" or "key:["


def _skip_quoted(text: str, index: int) -> int:
    """The index just after the quoted scalar starting at `index` (len(text) if unterminated)."""
    quote = text[index]
    i = index + 1
    while True:
        i = text.find(quote, i)
        if i < 0:
            return len(text)
        if quote == "'":
            if text.startswith("''", i):
                i += 2
                continue
            return i + 1
        backslashes = 0
        while text[i - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return i + 1
        i += 1


def _line_indent(text: str, index: int) -> int:
    start = text.rfind("\n", 0, index) + 1
    end = start
    while end < len(text) and text[end] == " ":
        end += 1
    return end - start


def _skip_block_scalar(text: str, index: int) -> int:
    """The index of the first line after a `|` or `>` block scalar whose header is at `index`."""
    parent = _line_indent(text, index)
    i = text.find("\n", index)
    while i >= 0:
        line_end = text.find("\n", i + 1)
        line = text[i + 1 : len(text) if line_end < 0 else line_end]
        if line.strip() and len(line) - len(line.lstrip(" ")) <= parent:
            return i + 1
        i = line_end
    return len(text)


def too_deep_at(text: str, limit: int) -> int | None:
    """The index of the first `[` or `{` that nests flow collections deeper than `limit`, if any."""
    if text.count("[") + text.count("{") <= limit:
        return None
    depth = 0
    i = 0
    while (found := _TOKEN.search(text, i)) is not None:
        i = found.start()
        char = text[i]
        if char in "]}":
            depth = max(depth - 1, 0)
            i += 1
        elif char == "#" and (i == 0 or text[i - 1] in _BLANK + "\n"):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        elif char == "\n" or not _node_start(text, i, depth):
            i += 1
            if depth == 0 and char in "[{'\"":  # inside a block plain scalar: skip its line
                end = text.find("\n", i)
                i = len(text) if end < 0 else end
        elif char in "'\"":
            i = _skip_quoted(text, i)
        elif char in "|>":
            i = _skip_block_scalar(text, i) if depth == 0 else i + 1
        elif char in "[{":
            depth += 1
            if depth > limit:
                return i
            i += 1
        else:
            i += 1
    return None

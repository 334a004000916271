"""One Markdown escaper for every Markdown output: record text is data, never markup (R17).

Reports, the roster, `wgctl diff` and anything rendered later share this one policy, the
strictest any of them had: one line (no newline starts a block or a table row), every character
that can start markup escaped (emphasis, code, links, tables, headings, quotes, raw HTML,
strikethrough), a leading list or heading marker made literal, entities shown as written, and
script URLs (`javascript:`, `vbscript:`, `data:`) broken so no renderer makes them a link.
"""

from __future__ import annotations

import re
from typing import Any

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]|<>#~"})
# Anything that may need work; most record text has none of it and is returned as it is.
_NEEDS_WORK = re.compile(r"[\\`*_\[\]|<>&#~:\n\r\t\f\v]|  |^\s|^(?:[-+=]+|[0-9]+[.)])(?:\s|$)")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_SCRIPT_URL = re.compile(r"(javascript|vbscript|data)(\s*):", re.IGNORECASE)
# A list item or a setext underline where the text starts a line: "- x", "+ x", "1. x", "===".
_BLOCK_MARK = re.compile(r"^(?:[-+=]+|[0-9]+[.)])(?=\s|$)")


def md_escape(value: Any) -> str:
    """Markdown-safe text on one line: no markup, links, HTML, tables, quotes or headings."""
    if value is None:
        return ""
    text = str(value)
    if not _NEEDS_WORK.search(text):
        return text
    text = " ".join(text.split())
    if "&" in text:
        text = _ENTITY.sub("&amp;", text)
    text = text.translate(_SPECIAL)
    if ":" in text:
        text = _SCRIPT_URL.sub(r"\1\2\\:", text)
    mark = _BLOCK_MARK.match(text)
    if mark is None:
        return text
    # Escape the marker's last character: "\-", "1\.", "==\=".
    end = mark.end()
    return text[: end - 1] + "\\" + text[end - 1 :]

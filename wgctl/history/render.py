"""Render computed record changes as terminal text or escaped Markdown for a pull request."""

from __future__ import annotations

from wgctl.history.diffing import CHANGE_ORDER, RecordChange
from wgctl.markdown import md_escape


def _counts(changes: list[RecordChange]) -> str:
    counts = {c: sum(x.change == c for x in changes) for c in CHANGE_ORDER}
    return ", ".join(f"{n} {c}" for c, n in counts.items() if n) or "no changes"


def _unnamed(hidden: int, invalid: int) -> list[str]:
    """The changes left unnamed, as counts only."""
    out = []
    if hidden:
        out.append(f"{_n(hidden, 'change')} to records this audience may not see (not shown).")
    if invalid:
        out.append(
            f"{_n(invalid, 'change')} to files that are not valid records "
            "(not shown; run wgctl validate)."
        )
    return out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def render_text(changes: list[RecordChange], span: str, hidden: int = 0, invalid: int = 0) -> str:
    """Plain text for a terminal: one block per record, then what was left unnamed."""
    lines = [f"Changes to the records {span}: {_counts(changes)}."]
    lines += _unnamed(hidden, invalid)
    for c in changes:
        title = f' "{c.title}"' if c.title else ""
        moved = f" (from {c.old_path})" if c.old_path else ""
        lines.append(f"{c.change} {c.kind} {c.id}{title}: {c.path}{moved}")
        lines += [f"    - {d}" for d in c.details]
    return "\n".join(lines) + "\n"


def _code(text: str) -> str:
    return "`" + text.replace("`", "'") + "`"


def render_markdown(
    changes: list[RecordChange], span: str, hidden: int = 0, invalid: int = 0
) -> str:
    """Markdown for a pull-request comment; every piece of record data is escaped."""
    lines = [
        "### What this change does to the records",
        "",
        f"{md_escape(span)}: {_counts(changes)}.",
        *(md_escape(line) for line in _unnamed(hidden, invalid)),
        "",
    ]
    for c in changes:
        title = f": {md_escape(c.title)}" if c.title else ""
        moved = f" (renamed from {_code(c.old_path)})" if c.old_path else ""
        lines.append(f"- **{c.change.capitalize()}** {c.kind} {_code(c.id)}{title}{moved}")
        lines += [f"  - {md_escape(d)}" for d in c.details]
    return "\n".join(lines) + "\n"

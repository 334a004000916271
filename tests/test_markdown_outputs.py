"""Every Markdown output wgctl has reads hostile record text as text (issue 10, point 1).

Hostile strings (a quote, a newline starting a heading, a table pipe, a heading, raw HTML, a
`javascript:` link, backticks, a list marker) are planted in the fields each output shows; each
output is parsed as Markdown (CommonMark with tables) and no markup may come from the records.
A new Markdown output is added to `OUTPUTS`.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable

import pytest
from markdown_it import MarkdownIt

from tests.repo import RecordsRepo

Result = subprocess.CompletedProcess[str]

HOSTILE = {
    "quote": "> HXQ quoted",
    "newline": "HXN first\n# HXN heading",
    "pipe": "HXP a | b | c",
    "heading": "# HXH heading",
    "html": "<b>HXB</b><script>alert('HXS')</script>",
    "link": "[HXL](javascript:alert(1))",
    "ticks": "`HXT code`",
    "list": "- HXI item",
    "ordered": "1. HXO item",
}
ALL = " ".join(HOSTILE.values()).replace("\n", " ")


def led_by(key: str) -> str:
    """All the hostile text, led by one of them (a marker only works at the start of a line)."""
    return json.dumps(f"{HOSTILE[key]} {ALL}")  # a JSON string is a YAML double-quoted scalar


def plant(repo: RecordsRepo) -> None:
    """Hostile text in every field the Markdown outputs show (names, titles, text, notes)."""
    quoted = led_by("html")
    edits = {
        "records/organisations/aland.yaml": ("name: Aland", f"name: {quoted}"),
        "records/groups/ewg.yaml": ("name: Example Working Group", f"name: {quoted}"),
        "records/meetings/som-2014.yaml": (
            "location: Canberra, Australia",
            f"location: {quoted}\ndecisions: [{{text: {led_by('list')}}}]\n"
            f"outcomes: [{led_by('quote')}]\nagenda: [{led_by('ordered')}]",
        ),
        "records/initiatives/joint-action.yaml": (
            "text: The first period of action ended.",
            f"text: {led_by('ordered')}",
        ),
        "records/actions/nominate-focal-point.yaml": (
            "text: Nominate a focal point.",
            f"text: {led_by('list')}\nclosing_note: {led_by('heading')}",
        ),
    }
    for path, (old, new) in edits.items():
        repo.edit(path, old, new)
    repo.edit(
        "records/initiatives/joint-action.yaml",
        "title: Conduct joint periods of action",
        f"title: {led_by('quote')}",
    )
    # The newline case needs a real newline inside one value.
    repo.edit(
        "records/themes/cooperation.yaml",
        "title: Law enforcement cooperation",
        "title: |-\n  HXN first\n  # HXN heading",
    )


OUTPUTS: dict[str, tuple[str, ...]] = {
    "report progress": ("report", "progress", "--since", "2014-01-01", "--until", "2015-12-31"),
    "report progress --changes": (
        "report", "progress", "--since", "2014-01-01", "--until", "2015-12-31", "--changes",
    ),
    "report annual": ("report", "annual", "ewg", "--year", "2015"),
    "report oral": ("report", "oral", "ewg", "--until", "2015-12-31"),
    "report actions": ("report", "actions", "--as-of", "2015-12-31"),
    "report meeting": ("report", "meeting", "som-2014", "--as-of", "2015-12-31"),
    "roster show": ("roster", "show", "--format", "md"),
    "roster next": ("roster", "next", "--as-of", "2016-06-01", "--format", "md"),
    "roster plan": ("roster", "plan", "--as-of", "2016-06-01", "--format", "md"),
    "diff": ("diff", "HEAD~1", "--format", "md"),
}  # fmt: skip


def rendered(run_cli: Callable[..., Result], repo: RecordsRepo, args: tuple[str, ...]) -> str:
    done = run_cli(*args, "--repo", repo.root)
    assert done.returncode == 0, done.stderr
    assert "HX" in done.stdout, "the output must show the planted text"
    return done.stdout


def markup_from_records(markdown: str) -> list[str]:
    """What the planted text turned into, other than text: each a short description."""
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    found = []
    checks = {
        "raw HTML": r"<(b|script)>",
        "script link": r'href="(javascript|vbscript|data):',
        "a link": r"<a [^>]*>HXL",
        "a quote": r"<blockquote>",
        "a heading": r"<h[1-6]>\s*HX",
        "code": r"<code>[^<]*HX",
        "a list": r"<li>\s*(HXI|HXO|<ul>|<ol>)",
    }
    found += [name for name, pattern in checks.items() if re.search(pattern, html)]
    for table in re.findall(r"<table>.*?</table>", html, re.DOTALL):
        widths = {
            len(re.findall(r"<t[hd][ >]", row))
            for row in re.findall(r"<tr>.*?</tr>", table, re.DOTALL)
        }
        if len(widths) > 1:
            found.append(f"a table row split by a pipe ({sorted(widths)} cells)")
    return found


@pytest.mark.parametrize("name", OUTPUTS)
def test_hostile_record_text_is_text_in_every_markdown_output(
    repo: RecordsRepo, run_cli: Callable[..., Result], name: str
) -> None:
    plant(repo)
    repo.commit("hostile text")
    text = rendered(run_cli, repo, OUTPUTS[name])
    assert markup_from_records(text) == [], text
    # The planted newline never starts a line of its own.
    assert not [line for line in text.splitlines() if line.lstrip("#> -").startswith("HXN heading")]

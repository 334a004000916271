"""The cover block every report carries: who issues it, for whom, for when, which version.

An official files a report by its number and version and checks its marking before sending it;
the Word and HTML outputs show this block under the title, and the marking on every page.
"""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path
from typing import Any

from wgctl import dates
from wgctl.gitcmd import run_git
from wgctl.report.profile import Profile


def issued_on(params: dict[str, Any]) -> date:
    """The date a report speaks as of: its `until` or as-of day, else the end of its year."""
    day = params.get("until") or params.get("today")
    if isinstance(day, date):
        return day
    return date(int(params.get("year", date.today().year)), 12, 31)


def period_of(context: dict[str, Any], issued: date) -> str:
    """The period a report covers, in words, from what its builder put in the context."""
    if isinstance(context.get("period"), dict):
        start = date.fromisoformat(context["period"]["start"])
        end = date.fromisoformat(context["period"]["end"])
        return dates.range_label(start, end, "day")
    if "year" in context:
        return str(context["year"])
    if "since" in context:
        return f"Since {context['since']} to {dates.label(issued)}"
    meeting = context.get("meeting")
    if isinstance(meeting, dict) and meeting.get("when"):
        return str(meeting["when"])
    return f"As of {dates.label(issued)}"


def cover(
    report: str, context: dict[str, Any], params: dict[str, Any], profile: Profile, version: str
) -> dict[str, str]:
    """The cover block's lines as plain strings (empty ones are left out by the templates)."""
    # A builder that knows its own date (the SOM pack: the SOM's first day) says so as `issued`.
    issued = context["issued"] if isinstance(context.get("issued"), date) else issued_on(params)
    number = "/".join(filter(None, (profile.document_prefix, report.upper(), issued.isoformat())))
    group = context.get("group")
    return {
        "organisation": profile.organisation,
        "group": group if isinstance(group, str) else "",
        "period": period_of(context, issued),
        "marking": str(context.get("page_marking", "")),
        "number": number,
        "version": version,
        "date": dates.label(issued),
        "iso_date": issued.isoformat(),
        "category": f"{report} report",
    }


def records_version(repo: Path | None) -> str:
    """Which state of the records a report was made from: the commit, and whether edited since.

    Plain git (two small processes), not GitPython: its import alone cost a Markdown report
    100 ms."""
    if repo is None:
        return ""
    try:
        head = run_git(repo, "rev-parse", "--verify", "--quiet", "HEAD^{commit}")
        status = run_git(repo, "status", "--porcelain", "--untracked-files=all", "--", "records")
    except (OSError, subprocess.SubprocessError):
        return ""
    sha, edited = head.decode().strip()[:7], bool(status.strip())
    return f"records at commit {sha}" + (", with uncommitted changes" if edited else "")

"""A synthetic records repository of N small valid records (20-40 lines each), for benchmarks."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

STATES = 40
THEMES = 6
GIT_ENV = {
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.org",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.org",
}


def _sources(n: int) -> str:
    return (
        f"sources:\n- document: report-{n % 50}\n  section: Part {n % 7}\n"
        f"- document: report-{(n + 1) % 50}\n  section: Annex {n % 5}, table {n % 3}\n"
    )


def _state(i: int) -> str:
    return (
        f"# Member state {i}.\nid: state-{i}\nsensitivity: public\nname: State number {i}\n"
        f"short_name: S{i}\ntype: state\nahg_member: true\n" + _sources(i)
    )


def _document(i: int) -> str:
    return (
        f"id: report-{i}\nsensitivity: public\ntype: progress-report\n"
        f"title: Progress report number {i}\ndate: 2017-10-{1 + i % 28:02d}\n"
    )


def _theme(i: int) -> str:
    return f"id: theme-{i}\nsensitivity: public\nnumber: '{i}'\ntitle: Theme {i}\n" + _sources(i)


def _meeting(i: int) -> str:
    parts = "".join(f"- state-{(i + k) % STATES}\n" for k in range(6))
    return (
        f"# Meeting {i}, generated.\nid: meeting-{i}\nsensitivity: public\ntype: workshop\n"
        f"title: Workshop on topic {i} with a reasonably long title\n"
        f"start: 20{10 + i % 8}-0{1 + i % 9}-1{i % 10}\nlocation: City {i % 97}, Country\n"
        f"host: state-{i % STATES}\nparticipants:\n{parts}agenda:\n- Opening\n- Item {i}\n"
        f"- Close\noutcomes:\n- Agreed to meet again ({i}).\n" + _sources(i)
    )


def _initiative(i: int) -> str:
    theme = 1 + i % THEMES
    return (
        f"id: initiative-{i}\nsensitivity: public\nnumber: '{theme}.{i}'\ntheme: theme-{theme}\n"
        f"title: Carry out activity {i}\nwho:\n- party: state-{i % STATES}\n"
        f"- party: state-{(i + 1) % STATES}\n  qualifier: as coordination point\n"
        f"status: ongoing\nupdates:\n- date: 2016-0{1 + i % 9}-15\n"
        f"  text: >-\n    Activity {i} went ahead, with participants from several members and\n"
        f"    a report to the group.\n  figures:\n  - name: participants\n"
        f"    value: {10 + i % 90}\n- date: 2017-0{1 + i % 9}-15\n  text: Continued.\n"
        + _sources(i)
    )


def _action(i: int) -> str:
    return (
        f"# Action {i}: raised at meeting {i}.\n# Closed after the report; kept for the record.\n"
        f"id: action-{i}\nsensitivity: members\ntext: Follow up on item {i} and report back.\n"
        f"raised_at: meeting-{i}\nowner: state-{i % STATES}\ndue: 2017-0{1 + i % 9}-20\n"
        f"status: closed\nclosed: 2017-0{1 + i % 9}-21\nclosing_note: Done, see report {i}.\n"
        f"initiative: initiative-{i}\n" + _sources(i)
    )


def records(n: int) -> dict[str, str]:
    """{repo-relative path: text} for n records of six kinds, references all resolving."""
    files = {f"records/organisations/state-{i}.yaml": _state(i) for i in range(STATES)}
    files |= {f"records/documents/report-{i}.yaml": _document(i) for i in range(50)}
    files |= {f"records/themes/theme-{i}.yaml": _theme(i) for i in range(1, THEMES + 1)}
    i = 0
    while len(files) < n:
        files[f"records/meetings/meeting-{i}.yaml"] = _meeting(i)
        files[f"records/initiatives/initiative-{i}.yaml"] = _initiative(i)
        files[f"records/actions/action-{i}.yaml"] = _action(i)
        i += 1
    return dict(list(files.items())[:n])


def build(root: Path, n: int, *, git: bool = True) -> list[Path]:
    """Write the repository (and commit it, for cache keys); returns the record paths."""
    paths = []
    for rel, text in records(n).items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    if git:
        env = {**os.environ, **GIT_ENV}
        for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "bench"]):
            subprocess.run(
                ["git", "-C", str(root), *args], check=True, env=env, capture_output=True
            )
    return paths

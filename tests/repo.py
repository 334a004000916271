"""A real temporary git repository of records, built with plain git (not the code under test)."""

from __future__ import annotations

import json
import os
import subprocess
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

# A small, valid, fictional repository every test can start from and then break on purpose.
MINIMAL: dict[str, str] = {
    "records/documents/tor.yaml": """\
        # yaml-language-server: $schema=../../schemas/documents.schema.json
        id: tor
        sensitivity: public
        type: terms-of-reference
        title: Terms of reference of the Example Working Group
        date: 2014-06-01
    """,
    "records/organisations/ahg.yaml": """\
        id: ahg
        sensitivity: public
        name: Ad Hoc Group
        short_name: AHG
        type: body
        sources: [{document: tor}]
    """,
    "records/organisations/steering-group.yaml": """\
        id: steering-group
        sensitivity: public
        name: Steering Group
        type: body
        sources: [{document: tor}]
    """,
    "records/organisations/aland.yaml": """\
        id: aland
        sensitivity: public
        name: Aland
        type: state
        ahg_member: true
        sources: [{document: tor}]
    """,
    "records/organisations/borduria.yaml": """\
        id: borduria
        sensitivity: public
        name: Borduria
        type: state
        ahg_member: true
        sources: [{document: tor}]
    """,
    "records/organisations/carpania.yaml": """\
        id: carpania
        sensitivity: public
        name: Carpania
        type: state
        ahg_member: true
        sources: [{document: tor}]
    """,
    "records/organisations/iom.yaml": """\
        id: iom
        sensitivity: public
        name: International Organization for Migration
        short_name: IOM
        type: international-organisation
        ahg_member: true
        sources: [{document: tor}]
    """,
    "records/meetings/som-2014.yaml": """\
        id: som-2014
        sensitivity: public
        type: som
        title: 8th AHG Senior Officials Meeting
        number: 8
        start: 2014-08-06
        location: Canberra, Australia
        sources: [{document: tor}]
    """,
    "records/groups/ewg.yaml": """\
        # The example working group.
        id: ewg
        sensitivity: public
        name: Example Working Group
        short_name: EWG
        parent: ahg
        established: 2014-08-06
        endorsed_at: som-2014
        policy:
          seats: 2
          max_term_years: 2
          staggered: true
          membership: ahg-member-states
        terms:
          - seat: 1
            member: aland
            start: 2015-01-01
            end: 2016-12-31
            decided_at: som-2014
          - seat: 2
            member: borduria
            start: 2015-01-01
            end: 2016-12-31
            decided_at: som-2014
        sources: [{document: tor, section: Chairing arrangements}]
    """,
    "records/themes/cooperation.yaml": """\
        id: cooperation
        sensitivity: public
        number: "1"
        title: Law enforcement cooperation
        sources: [{document: tor}]
    """,
    "records/initiatives/joint-action.yaml": """\
        id: joint-action
        sensitivity: public
        number: "1.1"
        theme: cooperation
        title: Conduct joint periods of action
        who: [{party: ewg}]
        status: ongoing
        updates:
          - date: 2015-10-28
            text: The first period of action ended.
            figures: [{name: countries, value: 8}]
        sources: [{document: tor}]
    """,
    "records/actions/nominate-focal-point.yaml": """\
        id: nominate-focal-point
        sensitivity: public
        text: Nominate a focal point.
        raised_at: som-2014
        owner: ahg
        due: 2014-08-20
        status: closed
        closed: 2014-08-19
        sources: [{document: tor}]
    """,
}

GIT_ENV = {
    # No template: `git init` copies no sample hooks, so each repository (and each copy of the
    # template repository a test starts from) has a fifth fewer files to write and delete.
    "GIT_TEMPLATE_DIR": "",
    "GIT_CONFIG_GLOBAL": "/dev/null",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_AUTHOR_DATE": "2017-10-01T00:00:00+00:00",
    "GIT_COMMITTER_DATE": "2017-10-01T00:00:00+00:00",
}


class RecordsRepo:
    """A records repository in a temporary folder, under git."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        """Run git in the repository and return its output."""
        full_env = {**os.environ, **(env or {})}
        done = subprocess.run(
            ["git", "-C", str(self.root), *args],
            check=True,
            capture_output=True,
            text=True,
            env=full_env,
        )
        return done.stdout

    def write(self, files: dict[str, str]) -> RecordsRepo:
        """Write files (dedented); a None-like empty mapping writes nothing."""
        for rel, text in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return self

    def write_bytes(self, rel: str, data: bytes) -> RecordsRepo:
        """Write raw bytes to a file."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return self

    def edit(self, rel: str, old: str, new: str) -> RecordsRepo:
        """Replace one exact piece of text in a file (it must be there)."""
        path = self.root / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return self

    def remove(self, rel: str) -> RecordsRepo:
        """Delete a file."""
        (self.root / rel).unlink()
        return self

    def read(self, rel: str) -> str:
        """A file's text."""
        return (self.root / rel).read_text(encoding="utf-8")

    def commit(
        self, message: str = "change records", *, date: str | None = None, author: str | None = None
    ) -> str:
        """Stage everything and commit (optionally at an ISO date, by "Name <email>")."""
        self.git("add", "-A")
        env = {}
        if date:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
        if author:
            name, _, email = author.partition(" <")
            env["GIT_AUTHOR_NAME"], env["GIT_AUTHOR_EMAIL"] = name, email.rstrip(">")
        self.git("commit", "-q", "--allow-empty", "-m", message, env=env)
        return self.git("rev-parse", "HEAD").strip()


def problems(
    run_cli: Callable[..., Any], repo: RecordsRepo, *args: str | Path
) -> tuple[int, list[tuple[Any, ...]]]:
    """Exit code and (path, line, rule, message) of every problem, via the real CLI."""
    result = run_cli("validate", "--repo", repo.root, "--format", "json", *args)
    doc = json.loads(result.stdout)
    return result.returncode, [
        (p["path"], p["line"], p["rule"], p["message"]) for p in doc["problems"]
    ]

"""Template overrides, the sandbox, StrictUndefined, and one-line errors for bad report requests."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.repo import RecordsRepo

Result = subprocess.CompletedProcess[str]
UNTIL = ("--until", "2017-10-31")


def one_line_error(done: Result, code: int = 1) -> str:
    assert done.returncode == code, (done.stdout, done.stderr)
    assert done.stderr.startswith("wgctl: ")
    assert len(done.stderr.strip().splitlines()) == 1
    return done.stderr


def test_a_records_repository_overrides_a_template(
    run_cli: Callable[..., Result], repo: RecordsRepo
) -> None:
    repo.write({"templates/progress.md.j2": "OURS {{ title }} / {{ themes | length }}\n"})
    done = run_cli("report", "progress", *UNTIL, "--repo", repo.root)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "OURS Progress Report: October 2017 / 1\n"  # no profile: neutral


def test_template_option_uses_that_file_and_can_extend_the_bundled_base(
    run_cli: Callable[..., Result], repo: RecordsRepo, tmp_path: Path
) -> None:
    custom = tmp_path / "mine.html.j2"
    custom.write_text(
        '{% extends "base.html.j2" %}{% block content %}<p>MINE</p>{% endblock %}\n',
        encoding="utf-8",
    )
    done = run_cli(
        "report", "progress", *UNTIL, "--repo", repo.root, "--format", "html", "--template", custom
    )
    assert done.returncode == 0, done.stderr
    assert "<p>MINE</p>" in done.stdout and "@page" in done.stdout


def test_html_autoescapes_every_template_whatever_its_name(
    run_cli: Callable[..., Result], repo: RecordsRepo, tmp_path: Path
) -> None:
    repo.edit(
        "records/initiatives/joint-action.yaml",
        "title: Conduct joint periods of action",
        "title: <b onmouseover=x>bold</b>",
    )
    repo.commit("markup in a title")
    custom = tmp_path / "plain.txt"
    custom.write_text(
        "{% for t in themes %}{% for e in t.entries %}{{ e.title }}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    args = ["--repo", repo.root, "--format", "html", "--template", custom]
    done = run_cli("report", "progress", *UNTIL, *args)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "&lt;b onmouseover=x&gt;bold&lt;/b&gt;"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "template"),
        ("{{ no_such_value }}", "undefined value"),
        ("{% for x in %}", "template error"),
        ("{{ themes[0].entries[0].who.format.__globals__ }}", "template"),
    ],
)
def test_a_bad_or_hostile_template_gives_one_line(
    run_cli: Callable[..., Result], repo: RecordsRepo, tmp_path: Path, source: str, expected: str
) -> None:
    custom = tmp_path / "bad.md.j2"
    custom.write_text(source, encoding="utf-8")
    done = run_cli("report", "progress", *UNTIL, "--repo", repo.root, "--template", custom)
    assert expected in one_line_error(done)
    assert done.stdout == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("progress", "--since", "last week", *UNTIL), "neither a meeting nor a date"),
        (("progress", "--until", "2014-08-31"), "no Senior Officials Meeting before August 2014"),
        (("annual", "nope", "--year", "2016"), "unknown group 'nope'"),
        (("oral", "nope"), "unknown group 'nope'"),
        (("meeting", "nope"), "unknown meeting 'nope'"),
        (("actions", "--owner", "nope"), "unknown organisation or group 'nope'"),
        (("progress", "--template", "missing.j2"), "no such file"),
    ],
)
def test_bad_requests_give_one_line(
    run_cli: Callable[..., Result], repo: RecordsRepo, args: tuple[str, ...], message: str
) -> None:
    done = run_cli("report", *args, "--repo", repo.root)
    assert message in one_line_error(done)


def test_since_a_meeting_starts_the_period_there(
    run_cli: Callable[..., Result], repo: RecordsRepo
) -> None:
    done = run_cli("report", "progress", "--since", "som-2014", *UNTIL, "--repo", repo.root)
    assert done.returncode == 0, done.stderr
    assert "since the previous Senior Officials Meeting (August 2014)" in done.stdout
    assert "The first period of action ended. |" in done.stdout


def test_an_invalid_repository_leaves_the_old_report_untouched(
    run_cli: Callable[..., Result], repo: RecordsRepo, tmp_path: Path
) -> None:
    target = tmp_path / "report.md"
    assert run_cli("report", "progress", *UNTIL, "--repo", repo.root, "-o", target).returncode == 0
    before = target.read_bytes()
    repo.edit("records/initiatives/joint-action.yaml", "theme: cooperation", "theme: nowhere")
    done = run_cli("report", "progress", *UNTIL, "--repo", repo.root, "-o", target)
    assert "[WG103]" in one_line_error(done)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "report.md"]
    forced = run_cli("report", "progress", *UNTIL, "--repo", repo.root, "--force", "-o", target)
    assert forced.returncode == 0, forced.stderr
    assert "Other items" in target.read_text(encoding="utf-8")

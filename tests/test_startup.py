"""Startup: a command imports only what it needs, since imports are most of a small run's time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.repo import RecordsRepo

ROOT = Path(__file__).resolve().parent.parent

PROBE = """\
import sys
from pathlib import Path

import pytest
sys.argv = ["wgctl", "validate", "--repo", sys.argv[1]]
from wgctl.cli import main
try:
    main()
except SystemExit:
    pass
heavy = ("pydantic", "jinja2", "ruamel", "git", "docx", "yaml")
print(sorted({m.split(".")[0] for m in sys.modules} & set(heavy)))
print(sorted(m for m in ("wgctl.checks", "wgctl.models", "wgctl.files.load") if m in sys.modules))
"""


def test_validate_of_an_unchanged_tree_imports_neither_models_nor_checks(
    repo: RecordsRepo,
) -> None:
    """The second run of an unchanged tree comes from the memo and says the same."""
    runs = [
        subprocess.run(
            [sys.executable, "-c", PROBE, str(repo.root)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
        for _ in range(2)
    ]
    first, second = runs
    assert first[-1] == "['wgctl.checks', 'wgctl.files.load', 'wgctl.models']"
    assert second[-1] == "[]"
    assert first[:-2] == second[:-2]
    assert "files checked" in second[-3]


def test_validate_of_an_unchanged_tree_imports_no_heavy_library(repo: RecordsRepo) -> None:
    """Answered from the memo, `validate` needs neither pydantic (not even for reading its
    options), nor YAML, templates, git or Word: they would be most of its time."""
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", PROBE, str(repo.root)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    assert "files checked" in out[-3]
    assert out[-2] == "[]"


def test_validate_changed_since_of_an_unchanged_tree_imports_no_models(repo: RecordsRepo) -> None:
    """Reviewing a change answered from the memo needs the records only to look into a
    problem outside the changed files; with none, no models (a third of its time)."""
    repo.edit("records/themes/cooperation.yaml", "Law enforcement", "Law-enforcement")
    probe = PROBE.replace(
        '"validate", "--repo", sys.argv[1]',
        '"validate", "--changed-since", "HEAD", "--repo", sys.argv[1]',
    )
    for _ in range(2):
        out = subprocess.run(
            [sys.executable, "-c", probe, str(repo.root)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    assert out[-3] == "1 files checked: 0 errors, 0 warnings: ok"
    assert out[-2] == "[]"
    assert out[-1] == "[]"


def test_log_imports_no_models(repo: RecordsRepo) -> None:
    """A record's history compares plain data: building the models would double its time."""
    probe = PROBE.replace(
        '"validate", "--repo", sys.argv[1]', '"log", "iom", "--repo", sys.argv[1]'
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(repo.root)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert any("created" in line for line in out)
    assert out[-1] == "[]"
    assert "pydantic" not in out[-2]


def test_the_command_table_names_every_command_where_it_is_registered() -> None:
    """`wgctl NAME` builds only NAME's module: the table must say which module that is."""
    import typer.main

    from wgctl.cli import COMMANDS, build

    for module in set(COMMANDS.values()):
        tree = typer.main.get_command(build([module]))
        names = set(tree.commands)  # type: ignore[attr-defined]
        assert names == {name for name, owner in COMMANDS.items() if owner == module}, module
    whole = typer.main.get_command(build(COMMANDS.values()))
    assert set(whole.commands) == set(COMMANDS)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "module"),
    [
        (["validate"], "validate"),
        (["--repo", "som-pack", "roster", "next"], "roster"),
        (["--repo=x", "som-pack"], "sompack"),
        (["--version"], None),
        (["--help"], None),
        (["valdate"], None),
        (["--repo", "x"], None),
        ([], None),
    ],
)
def test_the_chosen_module_comes_from_the_first_word_after_the_root_options(
    args: list[str], module: str | None
) -> None:
    from wgctl.cli import chosen_module

    assert chosen_module(args) == module


def test_a_command_builds_and_imports_only_its_own_module(repo: RecordsRepo) -> None:
    """Root options before the command still count; the other command modules stay unread."""
    probe = PROBE.replace(
        '"validate", "--repo", sys.argv[1]', '"--repo", sys.argv[1], "validate"'
    ).replace(
        '("wgctl.checks",', '("wgctl.commands.report", "wgctl.commands.roster", "wgctl.checks",'
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(repo.root)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert "files checked" in out[-3]
    assert "wgctl.commands" not in out[-1]


def test_the_cache_is_void_when_pydantic_is_reinstalled(tmp_path: Path) -> None:
    """The code fingerprint notices another pydantic without importing it (nor reading
    package metadata, a fifth of a memo-hit run): cached records would be its objects."""
    fake = tmp_path / "pydantic"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('never imported')\n")
    (fake / "version.py").write_text("VERSION = '2.0.0'\n")
    probe = "from wgctl.files.cache import code_fingerprint; print(code_fingerprint())"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)])}

    def fingerprint() -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        )
        return done.stdout.strip()

    first = fingerprint()
    assert first == fingerprint()
    (fake / "version.py").write_text("VERSION = '2.0.10'\n")
    assert fingerprint() != first


def test_a_report_names_the_commit_and_says_when_records_changed_since(
    repo: RecordsRepo, tmp_path: Path
) -> None:
    """The cover's version line, read with plain git: clean, edited, untracked, no git."""
    from wgctl.report.cover import records_version

    sha = repo.git("rev-parse", "HEAD").strip()[:7]
    assert records_version(repo.root) == f"records at commit {sha}"
    (repo.root / "notes.txt").write_text("outside the records\n")
    assert records_version(repo.root) == f"records at commit {sha}"
    repo.write({"records/meetings/new-one.yaml": "id: new-one\n"})
    assert records_version(repo.root) == f"records at commit {sha}, with uncommitted changes"
    plain = tmp_path / "plain"
    plain.mkdir()
    assert records_version(plain) == ""
    assert records_version(None) == ""


@pytest.mark.parametrize("args", [["--help"], [], ["valdate"], ["--version"]])
def test_the_outline_answers_as_the_whole_tree_does(args: list[str]) -> None:
    """Root help, no arguments, a typo and the version read only names and docstrings."""
    from typer.testing import CliRunner

    from wgctl.cli import COMMANDS, build, outline

    runner = CliRunner()
    whole = runner.invoke(build(COMMANDS.values()), args)
    brief = runner.invoke(outline(build(COMMANDS.values())), args)
    assert (brief.exit_code, brief.output) == (whole.exit_code, whole.output)
    assert "validate" in whole.output or "wgctl" in whole.output


BUILT = """\
import sys
sys.argv = ["wgctl", *sys.argv[1:]]
from wgctl.cli import main
try:
    main()
except SystemExit:
    pass
import pydantic
def below(c):
    for s in c.__subclasses__():
        yield s
        yield from below(s)
print(sorted({c.__name__ for c in below(pydantic.BaseModel)
              if c.__module__.startswith("wgctl.models") and c.__pydantic_complete__}))
"""


def test_records_from_the_cache_build_no_validators(repo: RecordsRepo) -> None:
    """A second `roster show` unpickles its records: it validates nothing, so it builds no
    model validators (the first run, which parses the files, builds those it uses)."""
    args = [sys.executable, "-c", BUILT, "roster", "show", "--repo", str(repo.root)]
    first, second = (
        subprocess.run(args, capture_output=True, text=True, check=True).stdout.splitlines()
        for _ in range(2)
    )
    assert "Group" in first[-1]
    assert second[-1] == "[]"
    assert first[:-1] == second[:-1]

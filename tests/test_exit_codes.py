"""User errors and odd-but-valid data end in one line and exit 1 or 2, never "internal error" (3)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.repo import RecordsRepo

Run = Callable[..., Any]
YEAR_RANGE = "year must be between 1900 and 2200"
SOM = """\
    id: som-{year}
    sensitivity: public
    type: som
    title: AHG Senior Officials Meeting {year}
    start: {day}
    sources: [{{document: tor}}]
"""


def _one_line(result: Any, code: int, message: str) -> None:
    """Exit `code`, `message` in stderr, no internal error (the fixture already bans tracebacks)."""
    assert result.returncode == code, (result.stdout, result.stderr)
    assert message in result.stderr, result.stderr
    assert "internal error" not in result.stderr


def _bad_date(result: Any, option: str, text: str) -> None:
    """A bad date, as every command says it: one line, exit 2 (a request that cannot be read)."""
    assert (result.returncode, result.stderr) == (2, f"wgctl: {option} {text}\n")


# Finding 1 and 4: dates on the command line.


@pytest.mark.parametrize("command", ["next", "plan"])
@pytest.mark.parametrize(
    ("value", "why"),
    [
        ("tomorrow", "'tomorrow' is not a date (YYYY-MM-DD)"),
        ("2017-W44-2", "'2017-W44-2' is not a date (YYYY-MM-DD)"),
        ("20171031", "'20171031' is not a date (YYYY-MM-DD)"),
        ("2017-02-30", "'2017-02-30': not a real date"),
        ("9999-12-31", f"'9999-12-31': {YEAR_RANGE}"),
        ("9999-01-01", f"'9999-01-01': {YEAR_RANGE}"),
        ("1899-12-31", f"'1899-12-31': {YEAR_RANGE}"),
    ],
)
def test_roster_dates_are_usage_errors(
    repo: RecordsRepo, run_cli: Run, command: str, value: str, why: str
) -> None:
    result = run_cli("roster", command, "ewg", "--as-of", value, "--repo", repo.root)
    _bad_date(result, "--as-of", why)


def test_roster_apply_start_on_a_day_that_does_not_exist(repo: RecordsRepo, run_cli: Run) -> None:
    result = run_cli(
        "roster", "apply", "ewg", "--seat", "1", "--member", "carpania",
        "--decided-at", "som-2014", "--start", "2028-02-30", "--repo", repo.root,
    )  # fmt: skip
    _bad_date(result, "--start", "'2028-02-30': not a real date")
    assert "carpania" not in repo.read("records/groups/ewg.yaml")


def test_roster_accepts_the_edges_of_the_range(repo: RecordsRepo, run_cli: Run) -> None:
    for day in ("1900-01-01", "2200-12-31"):
        result = run_cli("roster", "plan", "ewg", "--as-of", day, "--repo", repo.root)
        assert "Invalid value" not in result.stderr
        assert "internal error" not in result.stderr
        assert result.returncode in (0, 1), result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("oral", "ewg", "--until", "9999-12-31"),
        ("progress", "--until", "9999-12-31"),
        ("actions", "--as-of", "9999-12-31"),
        ("meeting", "som-2014", "--as-of", "9999-12-31"),
    ],
)
def test_report_dates_out_of_range_are_usage_errors(
    repo: RecordsRepo, run_cli: Run, args: tuple[str, ...]
) -> None:
    result = run_cli("report", *args, "--repo", repo.root)
    _bad_date(result, args[-2], f"'9999-12-31': {YEAR_RANGE}")


def test_report_week_dates_are_refused(repo: RecordsRepo, run_cli: Run) -> None:
    result = run_cli("report", "oral", "ewg", "--until", "2017-W44-2", "--repo", repo.root)
    _bad_date(result, "--until", "'2017-W44-2' is not a date (YYYY-MM-DD)")


def test_every_command_family_says_a_bad_date_alike(repo: RecordsRepo, run_cli: Run) -> None:
    bad = "'2017-02-30': not a real date"  # the shape of a date, but no such day
    for args, option in (
        (("report", "actions", "--as-of", "2017-02-30"), "--as-of"),
        (("roster", "next", "ewg", "--as-of", "2017-02-30"), "--as-of"),
        (("codeowners", "--today", "2017-02-30"), "--today"),
        (
            ("action", "close", "nominate-focal-point", "--note", "x", "--date", "2017-02-30"),
            "--date",
        ),
    ):
        _bad_date(run_cli(*args, "--repo", repo.root), option, bad)


@pytest.mark.parametrize(
    ("since", "reason"),
    [("20171031", "must be a date written YYYY-MM-DD"), ("9999-12-31", YEAR_RANGE)],
)
def test_report_since_takes_a_meeting_or_a_bounded_date(
    repo: RecordsRepo, run_cli: Run, since: str, reason: str
) -> None:
    args = ("report", "progress", "--until", "2017-10-31", "--repo", repo.root)
    result = run_cli(*args, "--since", since)
    _one_line(result, 1, f"--since '{since}' is neither a meeting nor a date ({reason})")
    assert run_cli(*args, "--since", "2016-11-01").returncode == 0


# Finding 4: dates in records that validated but crashed commands.


def test_a_meeting_ending_in_9999_is_a_located_problem_not_a_crash(
    repo: RecordsRepo, run_cli: Run
) -> None:
    far = SOM.format(year=2015, day="2015-11-01").replace("som-2015", "far")
    repo.write({"records/meetings/far.yaml": far + "    end: 9999-12-31\n"}).commit("far")
    validate = run_cli("validate", "--repo", repo.root)
    assert validate.returncode == 1
    assert f"records/meetings/far.yaml:7:6: error: end: {YEAR_RANGE}" in validate.stdout
    ics = run_cli("export", "ics", "--repo", repo.root)
    _one_line(ics, 1, "records/meetings/far.yaml:7:6")
    assert len(ics.stderr.splitlines()) == 1


def test_a_som_on_9999_12_31_stops_roster_next_with_the_problem(
    repo: RecordsRepo, run_cli: Run
) -> None:
    repo.write({"records/meetings/som-9999.yaml": SOM.format(year=9999, day="9999-12-31")})
    repo.commit("a SOM far away")
    result = run_cli("roster", "next", "ewg", "--repo", repo.root)
    _one_line(result, 1, "records/meetings/som-9999.yaml:5:8 [WG010]")  # validate says why


@pytest.mark.parametrize("day", ["1900-01-01", "2200-12-31"])
def test_years_1900_and_2200_are_valid_in_records(
    repo: RecordsRepo, run_cli: Run, day: str
) -> None:
    repo.write({"records/meetings/som-edge.yaml": SOM.format(year="edge", day=day)}).commit("x")
    assert run_cli("validate", "--repo", repo.root).returncode == 0
    result = run_cli("export", "ics", "--repo", repo.root)
    assert result.returncode == 0, result.stderr
    assert f"DTSTART;VALUE=DATE:{day.replace('-', '')}" in result.stdout


# Finding 2: output files.


def _writers(target: Path) -> list[tuple[str, ...]]:
    return [
        ("report", "progress", "-o", str(target)),
        ("export", "ics", "-o", str(target)),
        *(("export", kind, str(target)) for kind in ("xlsx", "csv", "sqlite", "popolo")),
    ]


def test_output_to_a_folder_is_refused_by_report_and_export(
    repo: RecordsRepo, run_cli: Run, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for args in _writers(folder):
        result = run_cli(*args, "--repo", repo.root)
        assert result.stderr == f"wgctl: {folder}: is a folder\n"
        assert result.returncode == 1
    assert list(folder.iterdir()) == []


def test_output_in_a_missing_folder_is_refused_and_never_created(
    repo: RecordsRepo, run_cli: Run, tmp_path: Path
) -> None:
    target = tmp_path / "no" / "such" / "x.out"
    for args in _writers(target):
        result = run_cli(*args, "--repo", repo.root)
        assert result.stderr == f"wgctl: {target}: folder {target.parent} does not exist\n"
        assert result.returncode == 1
    assert not (tmp_path / "no").exists()


def test_output_below_a_file_is_refused(repo: RecordsRepo, run_cli: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("keep\n")
    for args in _writers(blocker / "x.out"):
        result = run_cli(*args, "--repo", repo.root)
        assert result.stderr == f"wgctl: {blocker / 'x.out'}: folder {blocker} is not a folder\n"
        assert result.returncode == 1
    assert blocker.read_text() == "keep\n"


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_output_where_the_system_refuses_is_one_line(repo: RecordsRepo, run_cli: Run) -> None:
    for args in _writers(Path("/proc/x.md")):
        result = run_cli(*args, "--repo", repo.root)
        _one_line(result, 1, "wgctl: cannot write /proc/x.md: ")
        assert len(result.stderr.splitlines()) == 1


def test_output_name_too_long_is_one_line(repo: RecordsRepo, run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / ("a" * 300) / "x.md"
    for args in _writers(target):
        _one_line(run_cli(*args, "--repo", repo.root), 1, f"wgctl: cannot write {target}: ")


# Finding 3: `wgctl log` with a path outside records/.


@pytest.mark.parametrize(
    "record",
    ["../../etc/passwd", "/etc/passwd", "records/../../x.yaml", "records/themes", "tor.yaml"],
)
def test_log_refuses_paths_outside_records(repo: RecordsRepo, run_cli: Run, record: str) -> None:
    result = run_cli("log", record, "--repo", repo.root)
    assert result.stderr == (
        f"wgctl: {record!r}: not a record path (give an id or records/KIND/ID.yaml)\n"
    )
    assert result.returncode == 1
    assert result.stdout == ""


def test_log_still_takes_a_record_path(repo: RecordsRepo, run_cli: Run) -> None:
    result = run_cli("log", "./records/documents/tor.yaml", "--repo", repo.root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == "    - created"


# Finding 5: the "quote it" hint never invents the text.


@pytest.mark.parametrize("written", ["0o17", "0x0F"])
def test_numbers_in_other_notations_are_not_requoted_as_decimals(
    repo: RecordsRepo, run_cli: Run, written: str
) -> None:
    repo.edit("records/documents/tor.yaml", "id: tor", f"id: {written}")
    result = run_cli("validate", "--repo", repo.root)
    assert result.returncode == 1
    line = next(x for x in result.stdout.splitlines() if "records/documents/tor.yaml:2:" in x)
    assert line.endswith("id: expected text, got the number 15: quote it [WG010]")
    assert "'15'" not in result.stdout


# Finding 6: the Word file's metadata.


def test_docx_properties_name_wgctl_and_the_report(
    repo: RecordsRepo, run_cli: Run, tmp_path: Path
) -> None:
    target = tmp_path / "oral.docx"
    result = run_cli(
        "report", "oral", "ewg", "--until", "2016-06-01", "--format", "docx",
        "-o", target, "--repo", repo.root,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    props = Document(io.BytesIO(target.read_bytes())).core_properties
    assert props.author == "wgctl"
    assert props.last_modified_by == "wgctl"
    assert props.comments == ""
    assert props.title
    with zipfile.ZipFile(target) as docx:
        assert not [n for n in docx.namelist() if b"python-docx" in docx.read(n)]

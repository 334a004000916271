"""`wgctl export xlsx|csv`: typed sheets a secretariat can filter, the same bytes for one commit."""

from __future__ import annotations

import csv
import io
import subprocess
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import PROJECT

Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled records' workbook for members, written by the real command."""
    from typer.testing import CliRunner

    from wgctl.cli import app

    target = tmp_path_factory.mktemp("xlsx") / "records.xlsx"
    args = ["export", "xlsx", str(target), "--audience", "members", "--repo", str(PROJECT)]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return target


def test_one_sheet_per_kind_with_the_action_tracker_first(workbook: Path) -> None:
    wb = openpyxl.load_workbook(workbook)
    assert wb.sheetnames == [
        "Action items",
        "Initiatives",
        "Meetings",
        "Co-chair terms",
        "Organisations",
    ]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.max_row > 1, ws.title
        assert all(ws.column_dimensions[c].width > 5 for c in "ABC")
        assert ws.oddHeader.center.text.endswith("MEMBERS ONLY")
        assert ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows in {"1:1", "$1:$1"}
    tracker = wb["Action items"]
    # A long action wraps: its row is tall enough for every line (LibreOffice does not grow it).
    long_row = next(r[0].row for r in tracker.iter_rows(min_row=2) if len(str(r[0].value)) > 150)
    assert tracker.row_dimensions[long_row].height >= 45


def test_cells_are_typed_and_the_tracker_flags_overdue_items(workbook: Path) -> None:
    wb = openpyxl.load_workbook(workbook)
    ws = wb["Action items"]
    headers = [c.value for c in ws[1]]
    assert headers[:5] == ["Action", "Owner", "Status", "Due", "Raised at"]
    rows = {r[headers.index("ID")]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    focal = rows["catalogue-focal-point"]
    assert focal[headers.index("Due")] == datetime(2011, 10, 26)
    assert focal[headers.index("Owner")] == "AHG"
    assert focal[headers.index("Raised on")] == datetime(2011, 10, 12)
    statuses = [r[headers.index("Status")] for r in rows.values()]
    assert statuses == sorted(statuses, key=lambda s: s != "open")
    rules = [r.formula[0] for rng in ws.conditional_formatting for r in rng.rules]
    assert any("TODAY()" in f and '"open"' in f for f in rules)
    (choices,) = ws.data_validations.dataValidation
    assert choices.formula1 == '"open,closed,cancelled"'
    meetings = wb["Meetings"]
    mh = [c.value for c in meetings[1]]
    first = next(meetings.iter_rows(min_row=2, values_only=True))
    assert isinstance(first[mh.index("First day")], datetime)
    assert isinstance(first[mh.index("Chatham House")], bool)
    initiatives = wb["Initiatives"]
    ih = [c.value for c in initiatives[1]]
    item = next(r for r in initiatives.iter_rows(min_row=2, values_only=True) if r[0] == "1.3")
    assert isinstance(item[ih.index("Latest update")], datetime)
    assert item[ih.index("Latest update text")]
    assert isinstance(item[ih.index("Updates")], int)


def test_same_commit_same_bytes_and_no_silent_overwrite(
    workbook: Path, run_cli: Run, tmp_path: Path
) -> None:
    again = tmp_path / "again.xlsx"
    done = run_cli("export", "xlsx", again, "--audience", "members", "--repo", PROJECT)
    assert done.returncode == 0, done.stderr
    assert again.read_bytes() == workbook.read_bytes()
    refused = run_cli("export", "xlsx", again, "--repo", PROJECT)
    assert refused.returncode == 1
    assert refused.stderr == f"wgctl: {again}: already exists (--force replaces it)\n"
    assert again.read_bytes() == workbook.read_bytes()
    forced = run_cli("export", "xlsx", again, "--force", "--repo", PROJECT)
    assert forced.returncode == 0
    assert again.read_bytes() != workbook.read_bytes()


def test_csv_matches_the_sheet_and_bad_input_is_one_line(
    workbook: Path, run_cli: Run, tmp_path: Path
) -> None:
    target = tmp_path / "actions.csv"
    done = run_cli("export", "csv", target, "--audience", "members", "--repo", PROJECT)
    assert done.returncode == 0, done.stderr
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    sheet = openpyxl.load_workbook(workbook)["Action items"]
    assert rows[0] == [c.value for c in sheet[1]]
    assert len(rows) == sheet.max_row
    assert "2011-10-26" in next(r for r in rows if r[-1] == "catalogue-focal-point")
    unknown = run_cli("export", "csv", tmp_path / "x.csv", "--kind", "people", "--repo", PROJECT)
    assert unknown.returncode == 1
    assert unknown.stderr.startswith("wgctl: unknown kind 'people' (choose from actions,")
    audience = run_cli("export", "csv", tmp_path / "x.csv", "--audience", "all", "--repo", PROJECT)
    assert audience.returncode == 2
    assert "Invalid value for '--audience'" in audience.stdout + audience.stderr
    missing = tmp_path / "no" / "x.csv"
    folder = run_cli("export", "csv", missing, "--repo", PROJECT)
    assert folder.stderr == f"wgctl: {missing}: folder {missing.parent} does not exist\n"
    assert not (tmp_path / "x.csv").exists()

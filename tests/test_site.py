"""`wgctl site`: pages from the records for one audience, deterministic, written only on change."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.repo import GIT_ENV, RecordsRepo

Result = subprocess.CompletedProcess[str]
AS_OF = "2026-10-01"


def examples_repo(root: Path) -> RecordsRepo:
    """A committed git repository holding a copy of the bundled example records."""
    root.mkdir(parents=True)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    shutil.copytree(PROJECT / "examples" / "records", root / "records")
    repo = RecordsRepo(root)
    repo.commit("example records")
    return repo


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsRepo]:
    with pytest.MonkeyPatch.context() as patch:
        for key, value in GIT_ENV.items():
            patch.setenv(key, value)
        yield examples_repo(tmp_path_factory.mktemp("site") / "repo")


def build(run_cli: Callable[..., Result], repo: RecordsRepo, out: Path, *extra: str) -> Result:
    done = run_cli("site", "--repo", repo.root, "--out", out, "--as-of", AS_OF, *extra)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def text(out: Path, rel: str) -> str:
    """A page's text without tags, spaces collapsed: what a reader sees."""
    html = (out / rel).read_text(encoding="utf-8")
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_public_site_has_every_page_linked_from_the_navigation(
    examples: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    done = build(run_cli, examples, out)
    assert "for a public audience" in done.stderr
    for rel in (
        "index.html",
        "initiatives/index.html",
        "meetings/index.html",
        "actions/index.html",
        "organisations/index.html",
        "history/index.html",
        "search/index.html",
        "groups/fwg.html",
        "initiatives/2-1-inspector-training.html",
        "initiatives/status-completed.html",
        "meetings/som-2026.html",
        "organisations/caldera.html",
        "meetings/meetings.ics",
        "pagefind/pagefind.js",
    ):
        assert (out / rel).is_file(), rel
    home = (out / "index.html").read_text(encoding="utf-8")
    for href in ("initiatives/index.html", "meetings/index.html", "search/index.html"):
        assert f'href="{href}"' in home
    group = (out / "groups/fwg.html").read_text(encoding="utf-8")
    assert 'href="../index.html"' in group  # relative links: works from any folder or host


def test_dashboard_shows_next_som_days_to_go_and_what_is_due(
    examples: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(run_cli, examples, out)
    home = text(out, "index.html")
    assert "Ad Hoc Group Senior Officials Meeting 2026 : 10 November 2026" in home
    assert "40 days to go" in home
    assert "Dunmore (seat 1, to 31 December 2026); Estuaria (seat 2, to 31 December 2027)" in home
    assert "Harbour WG: written report 2026 to the Steering Group" in home
    assert "Harbour WG: written report 2023 to the Steering Group" in home  # still owed
    assert "Records as of 1 October 2026" in home
    # A members-only initiative is not on a public dashboard.
    assert "Pilot a harbour safety data exchange" not in home
    later = tmp_path / "later"
    run_cli("site", "--repo", examples.root, "--out", later, "--as-of", "2026-12-01")
    assert "Nominations for Harbour WG co-chair seat 2 from 2028" in text(later, "index.html")


def test_group_page_has_terms_of_reference_seat_chart_and_next_rotation(
    examples: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(run_cli, examples, out)
    html = (out / "groups/fwg.html").read_text(encoding="utf-8")
    page = text(out, "groups/fwg.html")
    assert "To establish the stagger, the first co-chair in seat 2 serves one year only." in page
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "<title" in svg and "<desc" in svg and "<script" not in svg
    assert "Seat 1" in svg and "Seat 2" in svg
    assert "Next rotation" in page and "Next SOM:" in page
    assert "Co-chair terms" in page


def test_restricted_build_shows_what_the_public_build_leaves_out(
    examples: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    public, restricted = tmp_path / "public", tmp_path / "restricted"
    build(run_cli, examples, public)
    build(run_cli, examples, restricted, "--audience", "restricted")
    assert not (public / "initiatives/1-2-vessel-watch-list.html").exists()
    page = text(restricted, "initiatives/1-1-data-exchange-pilot.html")
    assert "Pilot flagged 14 vessels of interest." in page
    assert "Restricted: cleared participants only" in page


def test_two_builds_are_byte_identical_and_a_rebuild_writes_only_changes(
    examples: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    build(run_cli, examples, first)
    build(run_cli, examples, second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for rel in files:
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel
    again = build(run_cli, examples, first)
    assert "0 file(s) written" in again.stderr


def test_a_stale_page_is_removed_and_other_files_are_left_alone(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    extra = "records/meetings/extra-workshop.yaml"
    repo.write(
        {
            extra: "id: extra-workshop\nsensitivity: public\ntype: workshop\n"
            "title: Extra workshop\nstart: 2025-02-03\n"
            "sources: [{document: fwg-terms-of-reference}]\n"
        }
    )
    repo.commit("add a workshop")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    assert (out / "meetings/extra-workshop.html").is_file()
    (out / "CNAME").write_text("records.example.org\n")
    repo.remove(extra)
    repo.commit("drop the workshop")
    done = build(run_cli, repo, out)
    assert "1 removed" in done.stderr
    assert not (out / "meetings/extra-workshop.html").exists()
    assert (out / "CNAME").read_text() == "records.example.org\n"
    assert "Extra workshop" not in (out / "meetings/index.html").read_text(encoding="utf-8")


def test_invalid_records_are_refused_in_one_line_and_nothing_is_written(
    repo: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo.write(
        {"records/actions/bad.yaml": "id: bad\nsensitivity: public\ntext: x\nowner: nobody\n"}
    )
    out = tmp_path / "site"
    done = run_cli("site", "--repo", repo.root, "--out", out)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.yaml" in lines[0] and "not rendering" in lines[0]
    assert not out.exists()


def test_serve_previews_on_localhost_and_rebuilds_when_a_record_changes(tmp_path: Path) -> None:
    repo = examples_repo(tmp_path / "repo")
    out = tmp_path / "site"
    command = [sys.executable, "-m", "wgctl", "site", "--serve", "--port", "0", "--as-of", AS_OF]
    command += ["--repo", str(repo.root), "--out", str(out)]
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True) as proc:
        try:
            assert proc.stderr is not None
            url = ""
            while not url:
                line = proc.stderr.readline()
                assert line, "the preview stopped before serving"
                found = re.search(r"http://127\.0\.0\.1:\d+/", line)
                url = found.group(0) if found else ""
            page = urllib.request.urlopen(url + "meetings/som-2026.html").read().decode()  # noqa: S310
            assert "Ad Hoc Group Senior Officials Meeting 2026" in page
            repo.edit(
                "records/meetings/som-2026.yaml",
                "title: Ad Hoc Group Senior Officials Meeting 2026",
                "title: Renamed SOM 2026",
            )
            deadline = time.monotonic() + 30
            while "Renamed SOM 2026" not in page and time.monotonic() < deadline:
                time.sleep(0.5)
                page = urllib.request.urlopen(url + "meetings/som-2026.html").read().decode()  # noqa: S310
            assert "Renamed SOM 2026" in page
        finally:
            proc.terminate()


def test_the_history_page_shows_changes_since_the_last_som_for_the_audience(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    shutil.copytree(PROJECT / "examples" / "records", root / "records")
    repo = RecordsRepo(root)
    repo.commit("example records", date="2025-01-01T00:00:00+00:00")
    repo.edit(
        "records/initiatives/2-1-inspector-training.yaml",
        "more than 40 inspectors",
        "more than 45 inspectors",
    )
    repo.edit(
        "records/initiatives/1-1-data-exchange-pilot.yaml",
        "Pilot started between two ports.",
        "Pilot started between two harbours.",
    )
    repo.edit("records/meetings/som-2026.yaml", "oral_updates:\n- fwg\n", "")
    repo.commit("update the training figures", date="2026-01-10T00:00:00+00:00")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    assert "Harbour WG: oral update 2026 to the AHG SOM" in text(out, "index.html")
    page = text(out, "initiatives/2-1-inspector-training.html")
    log = page.split("History in git")[1]
    assert log.index("10 January 2026") < log.index("more than 45 inspectors")
    assert log.index("more than 45 inspectors") < log.index("1 January 2025 created")
    history = text(out, "history/index.html")
    assert "Changed initiative: Train harbour inspectors" in history
    assert "1 other change(s) are not shown to this audience" in history  # the members-only one
    assert "harbours" not in history


def test_an_initiatives_updates_are_listed_newest_first_whatever_their_order_in_the_file(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    repo = examples_repo(tmp_path / "repo")
    repo.edit(
        "records/initiatives/2-1-inspector-training.yaml",
        "sources:\n",
        "- date: 2023-05-01\n  precision: month\n  text: Course design agreed.\n"
        "- date: 2025-02-01\n  precision: month\n  text: Refresher planned.\n"
        "sources:\n",
    )
    repo.commit("updates in the order they were reported")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    page = text(out, "initiatives/2-1-inspector-training.html").split("History in git")[0]
    texts = ("Refresher planned.", "Two training courses", "Course design agreed.")
    order = [page.index(m) for m in texts]
    assert order == sorted(order), page


def test_an_output_that_is_not_a_site_folder_is_refused_in_one_line(
    repo: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "notes.txt").write_text("mine\n")
    cases = {
        tmp_path / "file.txt": "is not a folder",
        tmp_path / "missing" / "site": "does not exist",
        busy: "no earlier site in it",
    }
    (tmp_path / "file.txt").write_text("x\n")
    for out, message in cases.items():
        done = run_cli("site", "--repo", repo.root, "--out", out)
        assert done.returncode == 1, out
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and message in lines[0] and str(out) in lines[0]
    assert sorted(p.name for p in busy.iterdir()) == ["notes.txt"]


def test_a_tampered_manifest_never_removes_a_file_outside_the_site(
    repo: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    keep = tmp_path / "keep.txt"
    keep.write_text("precious\n")
    assert run_cli("site", "--repo", repo.root, "--out", out).returncode == 0
    manifest = out / ".wgctl-site"
    manifest.write_text(manifest.read_text() + "../keep.txt\n")
    assert run_cli("site", "--repo", repo.root, "--out", out).returncode == 0
    assert keep.read_text() == "precious\n"


def test_initiative_pages_have_a_timeline_figures_and_filters_without_script(
    examples: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(run_cli, examples, out, "--audience", "members")
    html = (out / "initiatives/1-1-data-exchange-pilot.html").read_text(encoding="utf-8")
    charts = re.findall(r"<svg.*?</svg>", html, re.DOTALL)
    assert len(charts) == 2  # the updates on a time axis, and the figures as bars
    assert all("<desc" in c and "<script" not in c for c in charts)
    assert "March 2024: ongoing" in charts[0]  # dates as written, in the text alternative
    assert "ports: 2" in charts[1]
    completed = text(out, "initiatives/status-completed.html")
    assert "2.1 Train harbour inspectors" in completed and "1.1 Pilot" not in completed
    who = text(out, "initiatives/who-caldera.html")
    assert "1.1 Pilot a harbour safety data exchange" in who
    assert "<script" not in (out / "initiatives/index.html").read_text(encoding="utf-8")


def test_a_records_repository_overrides_the_style_and_a_broken_template_is_one_line(
    repo: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo.write({"templates/site/style.css": "body { color: #123456; }\n"})
    out = tmp_path / "site"
    assert run_cli("site", "--repo", repo.root, "--out", out).returncode == 0
    assert (out / "style.css").read_text() == "body { color: #123456; }\n"
    assert (out / "favicon.svg").is_file()  # not overridden: the bundled one
    repo.write({"templates/site/actions.html.j2": "{% extends 'site/base.html.j2' %}{% block %}"})
    done = run_cli("site", "--repo", repo.root, "--out", tmp_path / "other")
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith("wgctl: site template error: ") and "actions.html.j2" in line
    assert not (tmp_path / "other").exists()


def test_seat_timeline_marks_an_extension_and_escapes_names() -> None:
    from datetime import date

    from wgctl.site.svg import Bar, timeline

    bars = [
        Bar("Seat 1", "A <b>&", date(2015, 1, 1), date(2017, 6, 30), date(2016, 12, 31)),
        Bar("Seat 2", "B", date(2015, 1, 1), date(2016, 12, 31)),
    ]
    svg = timeline("seats", "Terms", bars, "Seat 1: A, extended")
    assert svg.count('fill="url(#seats-ext)"') == 1  # only the extended term is hatched
    assert "A &lt;b&gt;&amp;" in svg and "<b>" not in svg
    assert '<desc id="seats-d">Seat 1: A, extended</desc>' in svg
    assert timeline("seats", "Terms", bars, "x") == svg.replace("Seat 1: A, extended", "x")


def test_a_folder_without_git_builds_a_site_without_history(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    root = tmp_path / "plain"
    shutil.copytree(PROJECT / "examples" / "records", root / "records")
    done = run_cli("site", "--repo", root, "--out", tmp_path / "site", "--as-of", AS_OF)
    assert done.returncode == 0, done.stderr
    history = text(tmp_path / "site", "history/index.html")
    assert "Record changes None." in history
    assert "History in git" not in text(tmp_path / "site", "groups/fwg.html")


def test_bundled_records_site_has_jpa_charts_and_groups_without_terms_of_reference(
    run_cli: Callable[..., Result], empty_repo: RecordsRepo, tmp_path: Path
) -> None:
    shutil.copytree(PROJECT / "records", empty_repo.root / "records")
    empty_repo.commit("bundled records")
    out = tmp_path / "site"
    done = run_cli("site", "--repo", empty_repo.root, "--out", out, "--as-of", "2017-10-31")
    assert done.returncode == 0, done.stderr
    meetings = (out / "meetings/index.html").read_text(encoding="utf-8")
    chart = meetings[meetings.index("Third Joint Period of Action: figures") :]
    assert "persons convicted: 72" in chart[: chart.index("</svg>")]
    assert "meets 1 to 2 times a year" in text(out, "groups/dwg.html")
    tewg = text(out, "groups/tewg.html")
    assert "Terms of reference" not in tewg and "Next rotation" not in tewg
    home = text(out, "index.html")
    assert "No future SOM is recorded." in home
    assert "Overdue (8)" in home and "26 October 2011" in home


def test_remembered_changes_are_used_until_the_next_commit(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    repo = examples_repo(tmp_path / "repo")
    repo.edit("records/meetings/som-2026.yaml", "Port Example", "Port Sample")
    repo.commit("move the SOM", date="2026-02-01T00:00:00+00:00")
    out = tmp_path / "site"
    build(run_cli, repo, out)
    memo = repo.root / ".git" / "wgctl-site-changes.json"
    assert "Port Sample" in memo.read_text(encoding="utf-8")
    assert "Port Sample" in text(out, "history/index.html")
    again = build(run_cli, repo, out)
    assert "0 file(s) written" in again.stderr  # the remembered answer gives the same site
    repo.edit("records/meetings/som-2026.yaml", "Port Sample", "Port Other")
    repo.commit("move it again", date="2026-03-01T00:00:00+00:00")
    build(run_cli, repo, out)
    assert "Port Other" in text(out, "history/index.html")
    memo.write_text("{not json")
    build(run_cli, repo, tmp_path / "fresh")
    assert "Port Other" in memo.read_text(encoding="utf-8")
    assert "Port Other" in text(tmp_path / "fresh", "history/index.html")

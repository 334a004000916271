"""`wgctl site`: the meetings calendar page, month grids built from the audience's view."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.repo import GIT_ENV, RecordsRepo
from tests.test_site import Result, build, examples_repo

PAGE = "meetings/calendar.html"

SPANNING = """\
id: jpa-turn-of-month
sensitivity: public
type: joint-period-of-action
title: Turn of the month patrols
group: fwg
start: 2026-11-28
end: 2026-12-02
sources:
- document: som-2026-statement
"""
CANCELLED = """\
id: fwg-called-off
sensitivity: public
type: working-group-meeting
title: Called off workshop
group: fwg
start: 2026-03-17
cancelled: true
sources:
- document: som-2026-statement
"""
HIDDEN = """\
id: restricted-briefing
sensitivity: restricted
type: working-group-meeting
title: Zz restricted briefing canary
group: fwg
start: 2026-11-24
sources:
- document: som-2026-statement
"""


@pytest.fixture(scope="module")
def records(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsRepo]:
    with pytest.MonkeyPatch.context() as patch:
        for key, value in GIT_ENV.items():
            patch.setenv(key, value)
        repo = examples_repo(tmp_path_factory.mktemp("calendar") / "repo")
        repo.write(
            {
                "records/meetings/jpa-turn-of-month.yaml": SPANNING,
                "records/meetings/fwg-called-off.yaml": CANCELLED,
                "records/meetings/restricted-briefing.yaml": HIDDEN,
            }
        ).commit("calendar meetings")
        yield repo


def month(html: str, name: str) -> str:
    """The section of the page for one month, by its heading (`December 2026`)."""
    found = re.search(rf'<h3 id="[^"]+">{name}</h3>(.*?)</section>', html, re.S)
    assert found, name
    return found.group(1)


def days_linking(section: str, href: str) -> list[int]:
    """The days of a month grid whose cell links to `href`."""
    cells = re.findall(r'<td[^>]*><span class="day"[^>]*>(\d+)</span>(.*?)</td>', section)
    return [int(day) for day, body in cells if f'href="../meetings/{href}"' in body]


def test_calendar_spans_months_marks_cancelled_and_keeps_hidden_meetings_out(
    records: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    public, restricted = tmp_path / "public", tmp_path / "restricted"
    build(run_cli, records, public)
    build(run_cli, records, restricted, "--audience", "restricted")
    html = (public / PAGE).read_text(encoding="utf-8")

    assert days_linking(month(html, "November 2026"), "jpa-turn-of-month.html") == [28, 29, 30]
    assert days_linking(month(html, "December 2026"), "jpa-turn-of-month.html") == [1, 2]
    assert "28 November 2026 to 2 December 2026" in month(
        html, "December 2026"
    )  # the list, as written

    march = month(html, "March 2026")
    assert days_linking(march, "fwg-called-off.html") == [17]
    assert '<s><a href="../meetings/fwg-called-off.html">Called off workshop</a></s>' in march
    assert "(cancelled)" in march
    assert "(planned)" in month(html, "November 2026")  # after the as-of date
    assert "(held)" in month(html, "May 2024") or "(held)" in month(html, "June 2024")

    assert "restricted briefing canary" not in html.casefold()
    assert "restricted-briefing" not in html
    wider = (restricted / PAGE).read_text(encoding="utf-8")
    assert days_linking(month(wider, "November 2026"), "restricted-briefing.html") == [24]


def test_calendar_is_linked_from_the_navigation_and_the_meetings_page(
    records: RecordsRepo, run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    out = tmp_path / "site"
    build(run_cli, records, out)
    assert 'href="meetings/calendar.html"' in (out / "index.html").read_text(encoding="utf-8")
    listing = (out / "meetings/index.html").read_text(encoding="utf-8")
    assert 'href="calendar.html"' in listing
    grid = month((out / PAGE).read_text(encoding="utf-8"), "November 2026")
    heads = re.findall(r'<abbr title="(\w+)">', grid)
    assert heads == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

"""`wgctl export ics`: read back with the icalendar library, event by event."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import icalendar
import pytest

from tests.repo import RecordsRepo

Run = Callable[..., Any]


def _meeting(mid: str, extra: str, sensitivity: str = "public") -> str:
    return (
        f"id: {mid}\nsensitivity: {sensitivity}\ntitle: {mid.upper()} meeting\n"
        f"sources: [{{document: tor}}]\n{extra}"
    )


@pytest.fixture
def meetings(repo: RecordsRepo) -> RecordsRepo:
    repo.write(
        {
            "records/meetings/ewg-1.yaml": _meeting(
                "ewg-1",
                "type: working-group-meeting\ngroup: ewg\nstart: 2015-03-02\nend: 2015-03-04\n"
                "location: Bangkok, Thailand; Room 2\nparticipants: [aland, borduria]\n",
            ),
            "records/meetings/jpa-9.yaml": _meeting(
                "jpa-9",
                "type: joint-period-of-action\ngroup: ewg\nstart: 2016-05-01\n"
                "end: 2016-11-30\nprecision: month\n",
            ),
            "records/meetings/som-x.yaml": _meeting(
                "som-x", "type: som\nstart: 2016-11-01\nprecision: month\n"
            ),
            "records/meetings/ewg-secret.yaml": _meeting(
                "ewg-secret",
                "type: working-group-meeting\ngroup: ewg\nstart: 2016-02-02\n",
                "restricted",
            ),
            "records/meetings/ewg-members.yaml": _meeting(
                "ewg-members",
                "type: working-group-meeting\ngroup: ewg\nstart: 2016-03-03\n"
                "chatham_house: true\nparticipants: [aland, carpania]\n",
                "members",
            ),
        }
    )
    repo.commit("meetings")
    return repo


def _events(run_cli: Run, repo: RecordsRepo, *args: str) -> dict[str, Any]:
    result = run_cli("export", "ics", "--repo", repo.root, *args)
    assert result.returncode == 0, result.stderr
    cal = icalendar.Calendar.from_ical(result.stdout)
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def _dates(event: Any) -> tuple[date, date]:
    return event.decoded("DTSTART"), event.decoded("DTEND")


def test_public_calendar_has_all_day_events_with_exclusive_ends(
    meetings: RecordsRepo, run_cli: Run
) -> None:
    events = _events(run_cli, meetings)
    assert sorted(events) == ["ewg-1@wgctl", "jpa-9@wgctl", "som-2014@wgctl", "som-x@wgctl"]
    assert _dates(events["som-2014@wgctl"]) == (date(2014, 8, 6), date(2014, 8, 7))
    assert _dates(events["ewg-1@wgctl"]) == (date(2015, 3, 2), date(2015, 3, 5))
    assert _dates(events["jpa-9@wgctl"]) == (date(2016, 5, 1), date(2016, 12, 1))
    assert _dates(events["som-x@wgctl"]) == (date(2016, 11, 1), date(2016, 12, 1))
    assert str(events["som-x@wgctl"]["SUMMARY"]) == "SOM-X meeting (November 2016)"
    assert "known to the month only" in str(events["som-x@wgctl"]["DESCRIPTION"])
    assert str(events["jpa-9@wgctl"]["TRANSP"]) == "TRANSPARENT"
    ewg1 = events["ewg-1@wgctl"]
    assert str(ewg1["LOCATION"]) == "Bangkok, Thailand; Room 2"
    assert "Participants: Aland, Borduria." in str(ewg1["DESCRIPTION"])
    assert "Group: EWG." in str(ewg1["DESCRIPTION"])
    assert str(ewg1["CLASS"]) == "PUBLIC"


def test_restricted_only_when_asked_and_chatham_house_never_names_anyone(
    meetings: RecordsRepo, run_cli: Run
) -> None:
    members = _events(run_cli, meetings, "--audience", "members")
    assert "ewg-members@wgctl" in members
    assert "ewg-secret@wgctl" not in members
    chatham = str(members["ewg-members@wgctl"]["DESCRIPTION"])
    assert "Held under the Chatham House Rule: participants are not named." in chatham
    assert str(members["ewg-members@wgctl"]["SUMMARY"]).endswith("[Chatham House Rule]")
    assert "Aland" not in chatham
    assert "Carpania" not in chatham
    everything = _events(run_cli, meetings, "--include-restricted")
    assert str(everything["ewg-secret@wgctl"]["CLASS"]) == "CONFIDENTIAL"
    assert "Carpania" not in str(everything["ewg-members@wgctl"]["DESCRIPTION"])


def test_group_filter_file_output_and_stable_uids(
    meetings: RecordsRepo, run_cli: Run, tmp_path: Any
) -> None:
    target = tmp_path / "ewg.ics"
    result = run_cli("export", "ics", "--repo", meetings.root, "--group", "ewg", "-o", target)
    assert result.stdout == f"wrote {target} (2 events)\n"
    raw = target.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal["X-WR-CALNAME"]) == "EWG: meetings"
    assert [str(e["UID"]) for e in cal.walk("VEVENT")] == ["ewg-1@wgctl", "jpa-9@wgctl"]
    refused = run_cli("export", "ics", "--repo", meetings.root, "--group", "ewg", "-o", target)
    assert refused.returncode == 1
    assert refused.stderr == f"wgctl: {target}: already exists (--force replaces it)\n"
    run_cli("export", "ics", "--repo", meetings.root, "--group", "ewg", "-o", target, "--force")
    assert target.read_bytes() == raw
    unknown = run_cli("export", "ics", "--repo", meetings.root, "--group", "nope")
    assert unknown.returncode == 1
    assert unknown.stderr == "wgctl: --group 'nope': no such group (for this audience)\n"


def test_long_unicode_lines_fold_within_75_octets(
    repo: RecordsRepo, run_cli: Run, tmp_path: Any
) -> None:
    title = "Réunion régionale sur la coopération — 協力会議 " * 4
    repo.write(
        {
            "records/meetings/long.yaml": _meeting(
                "long", f"type: workshop\nstart: 2017-01-02\nlocation: '{title}'\n"
            )
        }
    )
    repo.commit("long")
    run_cli("export", "ics", "--repo", repo.root, "-o", tmp_path / "all.ics")
    out = (tmp_path / "all.ics").read_bytes().decode()
    assert all(len(line.encode()) <= 75 for line in out.split("\r\n"))
    cal = icalendar.Calendar.from_ical(out)
    (event,) = [e for e in cal.walk("VEVENT") if str(e["UID"]) == "long@wgctl"]
    assert str(event["LOCATION"]) == title.strip() or str(event["LOCATION"]) == title


def test_feed_round_trips_to_the_records_and_updates_in_place(
    meetings: RecordsRepo, run_cli: Run
) -> None:
    """Parse the feed back and compare with the records; an edit bumps SEQUENCE only there."""
    meetings.write(
        {
            "records/meetings/ewg-2.yaml": _meeting(
                "ewg-2",
                "type: working-group-meeting\ngroup: ewg\nstart: 2017-04-03\nend: 2017-04-05\n"
                "agenda: [Adoption of the agenda, 'Joint operations: review']\n"
                "outcomes: [Agreed a work plan.]\ncancelled: true\n",
            )
        }
    )
    meetings.commit("ewg-2 planned")
    before = _events(run_cli, meetings)
    ewg2 = before["ewg-2@wgctl"]
    assert _dates(ewg2) == (date(2017, 4, 3), date(2017, 4, 6))
    assert str(ewg2["STATUS"]) == "CANCELLED"
    assert str(before["ewg-1@wgctl"]["STATUS"]) == "CONFIRMED"
    assert str(ewg2["DESCRIPTION"]).splitlines() == [
        "EWG-2 meeting",
        "Working group meeting.",
        "This meeting was cancelled.",
        "Group: EWG.",
        "Agenda:",
        "1. Adoption of the agenda",
        "2. Joint operations: review",
        "Outcomes:",
        "- Agreed a work plan.",
        "Marking: Public.",
    ]
    som = str(before["som-2014@wgctl"]["DESCRIPTION"]).splitlines()
    assert som[1] == "Senior Officials Meeting."
    assert int(ewg2["SEQUENCE"]) == 0
    text = (meetings.root / "records/meetings/ewg-1.yaml").read_text()
    meetings.write({"records/meetings/ewg-1.yaml": text.replace("Room 2", "Room 3")})
    meetings.commit("ewg-1 moved room", date="2030-01-02T03:04:05Z")
    after = _events(run_cli, meetings)
    assert int(after["ewg-1@wgctl"]["SEQUENCE"]) == int(before["ewg-1@wgctl"]["SEQUENCE"]) + 1
    assert after["ewg-1@wgctl"].decoded("LAST-MODIFIED").isoformat() == "2030-01-02T03:04:05+00:00"
    assert after["ewg-1@wgctl"].decoded("DTSTAMP") == after["ewg-1@wgctl"].decoded("LAST-MODIFIED")
    assert int(after["jpa-9@wgctl"]["SEQUENCE"]) == int(before["jpa-9@wgctl"]["SEQUENCE"])
    assert after["jpa-9@wgctl"].decoded("LAST-MODIFIED") == before["jpa-9@wgctl"].decoded(
        "LAST-MODIFIED"
    )


def test_bundled_records_round_trip_through_the_feed(run_cli: Run) -> None:
    """Every meeting of the bundled records comes back from the parsed feed as it was recorded."""
    import calendar
    from datetime import timedelta

    from tests.conftest import PROJECT
    from wgctl.files.load import load_repo

    result = run_cli("export", "ics", "--audience", "members", "--repo", PROJECT)
    assert result.returncode == 0, result.stderr
    events = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(result.stdout).walk("VEVENT")}
    meetings = [m for m in load_repo(PROJECT).records.meetings if m.sensitivity != "restricted"]
    assert sorted(events) == sorted(f"{m.id}@wgctl" for m in meetings)
    for m in meetings:
        event = events[f"{m.id}@wgctl"]
        first, last = m.start, m.end or m.start
        if m.precision == "month":
            first = first.replace(day=1)
            last = last.replace(day=calendar.monthrange(last.year, last.month)[1])
        elif m.precision == "year":
            first, last = first.replace(month=1, day=1), last.replace(month=12, day=31)
        assert _dates(event) == (first, last + timedelta(days=1)), m.id
        assert str(event["SUMMARY"]).startswith(m.title)
        assert str(event["DESCRIPTION"]).splitlines()[0] == m.title
        assert str(event.get("LOCATION", "")) == (m.location or "")
        assert str(event["STATUS"]) == ("CANCELLED" if m.cancelled else "CONFIRMED")
        for item in m.agenda if not m.chatham_house else []:
            assert item in str(event["DESCRIPTION"])
        assert int(event["SEQUENCE"]) >= 0
        assert event.decoded("LAST-MODIFIED") <= event.decoded("DTSTAMP")

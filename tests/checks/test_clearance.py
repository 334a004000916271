"""WG401: attendees of a meeting that requires clearance hold one valid on its last day."""

from __future__ import annotations

from tests.checks.helpers import found, meeting, problems
from tests.repo import RecordsRepo

GROUP = "records/groups/ewg.yaml"
POLICY = "  membership: ahg-member-states\n"
PATH = "records/meetings/ewg-2015.yaml"


def _person(person_id: str, clearance: str | None) -> dict[str, str]:
    extra = f"clearance: {clearance}\n" if clearance else ""
    return {
        f"records/people/{person_id}.yaml": f"id: {person_id}\nsensitivity: restricted\n"
        f"name: Official {person_id}\nmember: aland\nsources: [{{document: tor}}]\n{extra}"
    }


def _setup(repo: RecordsRepo, *, required: bool = True) -> None:
    if required:
        repo.edit(GROUP, POLICY, POLICY + "  clearance_required: national\n")
    repo.write(_person("valid", "{level: national, expires: 2020-01-01}"))
    repo.write(_person("no-expiry", "{level: national}"))
    repo.write(_person("on-last-day", "{level: national, expires: 2015-03-02}"))
    repo.write(_person("none", None))
    repo.write(_person("level-none", "{level: none}"))
    repo.write(_person("mid-meeting", "{level: national, expires: 2015-03-01}"))
    attendees = ("valid", "no-expiry", "on-last-day", "none", "level-none", "mid-meeting")
    extra = "end: 2015-03-02\nattendees:\n" + "".join(f"- {name}\n" for name in attendees)
    repo.write(meeting("ewg-2015", "working-group-meeting", "2015-03-01", extra=extra))


def test_attendees_without_a_valid_clearance_are_errors(repo: RecordsRepo) -> None:
    _setup(repo)
    assert found(repo) == [(PATH, 13, "WG401"), (PATH, 14, "WG401"), (PATH, 15, "WG401")]
    messages = [p.message for p in problems(repo)]
    assert messages == [
        "attendees.3: none holds no national security clearance, required by ewg on 2015-03-02",
        "attendees.4: level-none holds no national security clearance, required by ewg on 2015-03-02",
        "attendees.5: mid-meeting has a national clearance that expired on 2015-03-01, "
        "required by ewg on 2015-03-02",
    ]


def test_no_clearance_needed_when_the_policy_does_not_require_it(repo: RecordsRepo) -> None:
    _setup(repo, required=False)
    assert found(repo) == []


def test_meetings_of_no_group_need_no_clearance(repo: RecordsRepo) -> None:
    _setup(repo)
    repo.edit(PATH, "group: ewg\n", "")
    assert found(repo) == []

"""Datasette metadata for the SQLite export: titles, descriptions and the canned queries.

Why canned queries: the questions a secretariat asks every year ("who chaired in 2016?") should
be one click, with the SQL kept beside the tables it reads. Dates are ISO text, so comparing
them as text compares them as dates.
"""

from __future__ import annotations

import json

from wgctl.confidentiality.audience import View

AUDIENCE = {
    "public": "Public: for circulation.",
    "members": "MEMBERS ONLY: not for circulation beyond Ad Hoc Group members.",
    "restricted": "RESTRICTED: cleared participants only.",
}

TABLES = {
    "organisations": "Member states, international organisations, Bali Process bodies, partners.",
    "people": "Nominated officials (personal data; never in a public export).",
    "groups": "Working groups and task forces.",
    "group_members": "Members of groups whose terms of reference list them.",
    "terms": "Co-chair terms: group, seat, holder, start and end (and an agreed extension).",
    "nominations": "Nominations of members for co-chair seats.",
    "meetings": "SOMs, working-group meetings, workshops and Joint Periods of Action.",
    "meeting_participants": "Organisations taking part in a meeting (none under the Chatham House Rule).",
    "meeting_attendees": "People taking part in a meeting (none under the Chatham House Rule).",
    "agenda_items": "A meeting's agenda, in order.",
    "decisions": "What a meeting decided or endorsed.",
    "outcomes": "What came of a meeting.",
    "themes": "Themes of the Ad Hoc Group progress report.",
    "initiatives": "Numbered action and recommendation items of the progress report.",
    "initiative_who": "Who is responsible for an initiative.",
    "updates": "Dated status updates of initiatives.",
    "documents": "Source documents and written reports.",
    "actions": "Action items: raised at a meeting, owner, due date, status.",
    "sources": "Which document (and section) each record's facts come from.",
}

CHAIRS_IN_YEAR = """\
select g.id as group_id, coalesce(g.short_name, g.name) as "group", t.seat,
  coalesce(o.short_name, o.name, '(not named)') as co_chair, t.start,
  coalesce(t.extended_until, t."end") as "end"
from terms t
join groups g on g.id = t.group_id
left join organisations o on o.id = t.member_id
where substr(t.start, 1, 4) <= :year
  and substr(coalesce(t.extended_until, t."end"), 1, 4) >= :year
order by g.id, t.seat, t.start"""

STALE_INITIATIVES = """\
select i.number, i.title, i.status, max(u.date) as last_update
from initiatives i
left join updates u on u.initiative_id = i.id
where i.status not in ('completed', 'closed')
group by i.id
having last_update is null or last_update < date(:as_of, '-2 years')
order by cast(substr(i.number, 1, instr(i.number, '.') - 1) as integer),
  cast(substr(i.number, instr(i.number, '.') + 1) as integer)"""

NEVER_HOSTED = """\
select o.id, o.name
from organisations o
where o.ahg_member
  and not exists (
    select 1 from meetings m join organisations h on h.id = m.host_id
    where o.id in (h.id, h.parent_id, h.country_id)
  )
order by o.name"""

QUERIES = {
    "chairs_in_year": {
        "title": "Who chaired each group in a given year",
        "description": "Co-chair terms running at any time in :year (e.g. 2016).",
        "sql": CHAIRS_IN_YEAR,
    },
    "initiatives_without_update": {
        "title": "Initiatives with no update for two years",
        "description": "Open initiatives whose latest update is more than two years before "
        ":as_of (YYYY-MM-DD), or that have none.",
        "sql": STALE_INITIATIVES,
    },
    "members_never_hosted": {
        "title": "Members that never hosted a meeting",
        "description": "Ad Hoc Group members that hosted no recorded meeting, themselves or "
        "through an institution based in or belonging to them.",
        "sql": NEVER_HOSTED,
    },
}


def metadata(view: View, name: str, tables: list[str]) -> bytes:
    """Datasette's metadata JSON for database `name` (the file name without `.db`)."""
    marking = AUDIENCE[view.audience.value]
    document = {
        "title": "Working group records",
        "description": f"Records of the Bali Process working groups. {marking}",
        "databases": {
            name: {
                "description": marking,
                "tables": {t: {"description": TABLES.get(t, t)} for t in tables},
                "queries": QUERIES,
            }
        },
    }
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")

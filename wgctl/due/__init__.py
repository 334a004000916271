"""What is due: obligations computed from the records and each group's terms of reference.

For other outputs (a dashboard, a site): build an audience view, then ask for the obligations::

    view = wgctl.confidentiality.audience.for_audience(records, Sensitivity.PUBLIC)
    found = wgctl.due.obligations.obligations(view, as_of, group_id=None)
    rows = [o.to_dict() for o in found]  # stable keys; `id` is stable across runs

`wgctl.due.model.Obligation` documents the fields; `formats` and `issues` render them.
"""

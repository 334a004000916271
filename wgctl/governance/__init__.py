"""The terms of reference as rules: terms and seats over time, membership, chairing clauses.

Both `checks/` (what `validate` reports) and `roster/` (what `roster next/plan/apply` propose
and refuse) stand on this package, so a clause is implemented once and never imports upward.
"""

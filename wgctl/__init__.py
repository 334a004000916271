"""wgctl: a working group's records, rules and reports, kept as YAML in git."""

__version__ = "0.1.0"

"""Who may see what: the one audience filter every output goes through, and free text it redacts."""

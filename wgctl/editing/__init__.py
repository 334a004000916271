"""Edits from a request to a file: new records from options, and edits refused for their own problems."""

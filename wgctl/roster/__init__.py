"""Co-chair rotation from a group's terms of reference: pure functions, no I/O, no git."""

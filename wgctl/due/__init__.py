"""What is due: obligations computed from the records and each group's terms of reference."""

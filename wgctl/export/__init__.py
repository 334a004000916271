"""Records in the formats people already work with: calendar, spreadsheets, SQLite, Popolo.

Every export takes an audience view (`wgctl.confidentiality.audience.View`), never the raw records, so nothing
an audience may not see can reach its file.
"""

"""confidentiality: see ARCHITECTURE.md."""

"""history: see ARCHITECTURE.md."""

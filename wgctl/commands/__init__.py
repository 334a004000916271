"""Command groups, one module each; every module exposes `register(app)`."""

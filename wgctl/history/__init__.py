"""Records over git: the one way to git (gitio), what changed and when, and how a change reads."""

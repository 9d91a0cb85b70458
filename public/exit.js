// Placeholder: the quick-exit enhancement. The exit link works without it.

"""Facts beyond the tree: countries and people (entities)."""

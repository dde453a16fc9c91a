"""Sync bundles between focal points and the hub (DESIGN.md §3, docs/bundle-format.md)."""

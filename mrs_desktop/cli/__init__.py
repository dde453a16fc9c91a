"""The `mrs` command line: scripting, the hub, and tests (DESIGN.md section 5)."""

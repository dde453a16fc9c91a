"""Runs `mrs bundle import` once told to: for the crash test, which kills it at a random moment.

Usage: python import_on_cue.py DB BUNDLE. Loads the program first, prints "ready", waits for a
line on stdin, then runs the command exactly as `mrs --db DB bundle import BUNDLE` would (its
output discarded) and prints "imported" — so the moment of the kill falls in the import, not in
Python's start-up, and the test can time the import alone.
"""

import os
import sys

from mrs_desktop.cli.main import main
from mrs_desktop.services.sync import inbound  # noqa: F401  (loaded now, not after the cue)

if __name__ == "__main__":
    db, path = sys.argv[1:3]
    talk = sys.stdout
    print("ready", file=talk, flush=True)
    sys.stdin.readline()
    sys.stdout = open(os.devnull, "w")  # the command's report: nobody reads it, it must not block
    code = main(["--db", db, "bundle", "import", path])
    print("imported" if code == 0 else f"exit {code}", file=talk, flush=True)
    sys.exit(code)

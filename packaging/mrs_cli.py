"""What the frozen `mrs` runs: the command line's own entry point (`mrs_desktop.cli.main`)."""

import sys

from mrs_desktop.cli.main import main

if __name__ == "__main__":
    sys.exit(main())

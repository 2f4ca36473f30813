"""The frozen program's entry point: what `evdesk` (the console script) and `python -m evdesk` run."""

import sys

from evdesk.app import main

if __name__ == "__main__":
    sys.exit(main())

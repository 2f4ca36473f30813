"""The frozen program's entry point: what `evdesk` (the console script) and `python -m evdesk` run.

`multiprocessing.freeze_support()` comes first: the invoice PDF workers and the report PDF child
(`evdesk.core.invoicing.render_pool`) are spawned processes, and in a frozen program each
of them starts this executable again; freeze_support turns such a start into the worker
(and exits) before anything of the application is imported.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from evdesk.app import main

    sys.exit(main())

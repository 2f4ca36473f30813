import sys

from evdesk.app import main

if __name__ == "__main__":
    import multiprocessing

    multiprocessing.freeze_support()  # a report PDF's child process ("spawn") starts here in a bundle
    sys.exit(main())

"""Entry script of the bundled program (PyInstaller): the same ``main`` as ``planner``."""

import multiprocessing
import sys

from planner.__main__ import main

if __name__ == "__main__":
    # the roll-up's pool starts its workers with spawn: in the frozen program each worker
    # runs this script again, and freeze_support turns it into the worker (issue 24)
    multiprocessing.freeze_support()
    sys.exit(main())

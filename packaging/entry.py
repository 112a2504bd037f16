"""Entry script of the bundled program (PyInstaller): the same ``main`` as ``planner``."""

import sys

from planner.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

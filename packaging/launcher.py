"""PyInstaller entry point: the `shoeadvisor` command, frozen."""

import sys

from shoeadvisor.__main__ import main

if __name__ == "__main__":
    sys.exit(main())

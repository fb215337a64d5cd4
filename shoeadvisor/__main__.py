"""`shoeadvisor` and `python -m shoeadvisor`: the window, or a headless command."""

from __future__ import annotations

import sys

#: First arguments that mean "run headless"; anything else opens the window.
HEADLESS = {
    "advise",
    "profiles",
    "report",
    "runs",
    "shoes",
    "--version",
    "-V",
    "--help",
    "-h",
    "help",
}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in HEADLESS:
        from shoeadvisor import cli

        return cli.main(args)
    from shoeadvisor.gui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())

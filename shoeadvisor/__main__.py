"""`shoeadvisor` and `python -m shoeadvisor`: the window, or a headless command."""

from __future__ import annotations

import signal
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
    if hasattr(signal, "SIGXFSZ"):
        # Under a file size limit (`ulimit -f`) a save then fails with EFBIG and is
        # reported, in the window too, instead of the signal killing the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    if args and args[0] in HEADLESS:
        from shoeadvisor import cli

        return cli.main(args)
    from shoeadvisor.gui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())

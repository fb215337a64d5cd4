"""`shoeadvisor` and `python -m shoeadvisor`: the window, or a headless command."""

from __future__ import annotations

import contextlib
import gc
import os
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


#: Short commands that write nothing but their output (report's PDF is written and
#: fsynced before it returns): they run without the cycle collector, and their process
#: ends without the interpreter's teardown, which frees every object one by one (~20 ms
#: of a 240 ms `advise`).
EXIT_AT_ONCE = {"advise", "report"}


def _exit_at_once(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # In the standalone app, the run importer's parsing processes start this same
        # executable: freeze_support runs them (and exits) instead of opening a window.
        import multiprocessing

        multiprocessing.freeze_support()
    args = list(sys.argv[1:] if argv is None else argv)
    if hasattr(signal, "SIGXFSZ"):
        # Under a file size limit (`ulimit -f`) a save then fails with EFBIG and is
        # reported, in the window too, instead of the signal killing the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    if args and args[0] in HEADLESS:
        from shoeadvisor import cli

        at_once = argv is None and args[0] in EXIT_AT_ONCE
        if at_once:
            # A short run that builds acyclic data (10,000 shoes: 250,000 small dicts):
            # reference counting frees it all; the cycle collector would only re-scan
            # the growing heap again and again (16% of `advise --shoes 10k --json`).
            gc.disable()
        code = cli.main(args)
        if at_once:
            _exit_at_once(code)
        return code
    from shoeadvisor.gui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())

"""Headless entry: `shoeadvisor advise|profiles|report|runs|shoes ...`. Never imports the GUI."""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from typing import Any

from shoeadvisor.commands.terminal import CommandError, error_line, safe_line
from shoeadvisor.core.files import InputFileError

#: Sub-command name -> module in shoeadvisor.commands with `register(subparsers)`.
COMMANDS = ("advise", "profiles", "report", "runs", "shoes")
#: Commands that read the knowledge base: they take the validated copy the window keeps
#: in the cache folder (storage.knowledge_cache), ~10 ms less than validating resources/.
USE_KNOWLEDGE = ("advise", "report", "runs")

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as every other input error does."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"shoeadvisor: {safe_line(message)}\n")


class _Version(argparse.Action):
    """--version, looked up only when asked (importlib.metadata costs ~20 ms at start)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from shoeadvisor import __version__

        sys.stdout.write(f"shoeadvisor {__version__}\n")
        parser.exit(0)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `only`, just that sub-command is set up (a faster start)."""
    parser = _Parser(
        prog="shoeadvisor",
        description="Running-shoe and knee-care advice. Without a command it opens the window.",
        epilog="Window options: shoeadvisor [--profile FILE] [--screenshot PATH] "
        "(--screenshot renders the window to a PNG and exits).",
    )
    parser.add_argument("--version", "-V", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS if only is None else (only,):
        import_module(f"shoeadvisor.commands.{name}").register(sub)
    return parser


def _prepare_streams() -> None:
    # A name the terminal's encoding cannot show becomes "?" instead of a traceback.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace" if stream is sys.stdout else "backslashreplace")
    # Under a file size limit (`ulimit -f`) a write then fails with EFBIG, which is
    # reported in one line, instead of the signal killing the process mid-write.
    if hasattr(signal, "SIGXFSZ"):
        with contextlib.suppress(ValueError):  # not the main thread (a test calling main())
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "help":
        args_list = ["--help"]
    _prepare_streams()
    only = args_list[0] if args_list and args_list[0] in COMMANDS else None
    parser = build_parser(only)
    args = parser.parse_args(args_list)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    if args.command in USE_KNOWLEDGE:
        from shoeadvisor.storage.knowledge_cache import install

        install()
    try:
        return handler(args)
    except (InputFileError, CommandError) as exc:
        error_line(str(exc))
        return 2
    except BrokenPipeError:  # e.g. `shoeadvisor advise p.json | head`
        _silence_stdout()
        return 0


def _silence_stdout() -> None:
    """After a closed pipe, let the interpreter's last flush go nowhere (no second error)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass


if __name__ == "__main__":
    sys.exit(main())

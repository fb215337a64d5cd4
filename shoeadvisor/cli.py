"""Headless entry: `shoeadvisor advise|profiles|report ...`. Never imports the GUI."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from shoeadvisor import __version__
from shoeadvisor.core.files import InputFileError

#: Sub-command name -> module in shoeadvisor.commands with `register(subparsers)`.
COMMANDS = ("advise", "profiles", "report")

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one line, as every other input error does."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"shoeadvisor: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="shoeadvisor",
        description="Running-shoe and knee-care advice. Without a command it opens the window.",
        epilog="Window options: shoeadvisor [--profile FILE] [--screenshot PATH] "
        "(--screenshot renders the window to a PNG and exits).",
    )
    parser.add_argument("--version", "-V", action="version", version=f"shoeadvisor {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMANDS:
        import_module(f"shoeadvisor.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] == "help":
        args_list = ["--help"]
    parser = build_parser()
    args = parser.parse_args(args_list)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except InputFileError as exc:
        print(f"shoeadvisor: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `shoeadvisor advise p.json | head`
        return 0


if __name__ == "__main__":
    sys.exit(main())

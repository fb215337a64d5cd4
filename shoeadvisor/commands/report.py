"""`shoeadvisor report`: placeholder until its issue lands."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(sub: Any) -> None:
    parser = sub.add_parser("report", help="(not available yet)")
    parser.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    print("shoeadvisor: 'report' is not available in this version yet", file=sys.stderr)
    return 2

"""`shoeadvisor profiles list|import|export|delete`: the saved profiles, headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from shoeadvisor.core.files import InputFileError

from .terminal import error_line, safe_line, say, write_json, write_text


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "profiles",
        help="list, import, export or delete the profiles saved on this computer",
        description="Work with the runner profiles saved on this computer "
        "(the folder can be changed with SHOEADVISOR_DATA_DIR).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    parser.set_defaults(handler=lambda _args: _usage(parser))

    listing = actions.add_parser("list", help="show the saved profiles")
    listing.add_argument("--json", action="store_true", help="print a JSON list of objects")
    listing.set_defaults(handler=_list)

    importing = actions.add_parser("import", help="add a profile from a JSON file")
    importing.add_argument("file", metavar="FILE", type=Path)
    importing.set_defaults(handler=_import)

    exporting = actions.add_parser(
        "export", help="write a profile to a file that `shoeadvisor advise` reads"
    )
    exporting.add_argument("id", metavar="ID", help="the profile id (or its first characters)")
    exporting.add_argument("-o", "--output", metavar="FILE", type=Path, required=True)
    exporting.set_defaults(handler=_export)

    deleting = actions.add_parser("delete", help="move a profile to the trash folder")
    deleting.add_argument("id", metavar="ID", help="the profile id (or its first characters)")
    deleting.set_defaults(handler=_delete)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    return 2


def _store() -> Any:
    """Open the store; storage errors become one line on stderr (exit status 2)."""
    from .stored import open_store

    return open_store()


def _resolve(store: Any, text: str) -> str:
    """A full id, or the one id that starts with text."""
    from shoeadvisor.storage.schema import is_profile_id

    text = text.strip().lower()
    if is_profile_id(text):
        return text
    entries, _ = store.list_profiles()
    matches = [entry.id for entry in entries if text and entry.id.startswith(text)]
    if len(matches) == 1:
        return str(matches[0])
    why = "matches several profiles" if matches else "matches no saved profile"
    raise InputFileError(text or "ID", f"{why} (see `shoeadvisor profiles list`)")


def _list(args: argparse.Namespace) -> int:
    with _store() as store:
        entries, problems = store.list_profiles()
    for problem in problems:
        error_line(str(problem))
    if args.json:
        rows = [
            {
                "id": entry.id,
                "name": entry.name,
                "created": entry.created.isoformat(timespec="seconds"),
                "modified": entry.modified.isoformat(timespec="seconds"),
            }
            for entry in entries
        ]
        write_json(rows)
        return 0
    if not entries:
        say("No saved profiles.")
    lines = []
    for entry in entries:
        when = entry.modified.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(f"{entry.id}  {when}  {safe_line(entry.name)}\n")
    write_text("".join(lines))
    return 0


def _import(args: argparse.Namespace) -> int:
    with _store() as store:
        profile_id = store.import_file(args.file)
        name = store.load(profile_id).name
    write_text(f"Imported {safe_line(repr(name))} as {profile_id}\n")
    return 0


def _export(args: argparse.Namespace) -> int:
    with _store() as store:
        profile_id = _resolve(store, args.id)
        store.export(profile_id, args.output)
    say(f"Exported {profile_id} to {args.output}")
    return 0


def _delete(args: argparse.Namespace) -> int:
    with _store() as store:
        profile_id = _resolve(store, args.id)
        name = store.load(profile_id).name
        store.delete(profile_id)
    say(f"Moved {name!r} ({profile_id}) to {store.root / 'trash'}")
    return 0

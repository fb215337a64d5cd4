"""`shoeadvisor shoes list|add|retire|default|start-km`: a runner's shoes, their km and wear."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from shoeadvisor.core.files import InputFileError

from .runs import _profile_option, _usage
from .stored import open_store, printable, resolve_profile
from .terminal import write_json


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "shoes",
        help="a saved profile's shoes: kilometres, wear, rotation",
        description="The shoes of a saved profile, with the kilometres logged in each and how "
        "they stand against the usual replacement range (a convention, not an injury limit).",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    parser.set_defaults(handler=lambda _args: _usage(parser))

    listing = actions.add_parser("list", help="show the shoes with km and wear")
    _profile_option(listing)
    listing.add_argument("--json", action="store_true", help="print a JSON object")
    listing.set_defaults(handler=_list)

    adding = actions.add_parser("add", help="add a shoe to the profile's list")
    adding.add_argument("name", metavar="NAME")
    adding.add_argument("--id", help="its id (default: made from the name)")
    adding.add_argument("--start-km", type=float, default=0.0, help="km it had before its runs")
    _profile_option(adding)
    adding.set_defaults(handler=_add)

    retire = actions.add_parser("retire", help="retire a shoe (its runs and km are kept)")
    retire.add_argument("shoe_id", metavar="SHOE_ID")
    retire.add_argument("--undo", action="store_true", help="bring a retired shoe back")
    _profile_option(retire)
    retire.set_defaults(handler=_retire)

    default = actions.add_parser("default", help="the shoe new runs on a surface go in")
    default.add_argument("surface", choices=("asphalt", "track", "trail", "treadmill"))
    default.add_argument("shoe_id", metavar="SHOE_ID", help="a shoe id, or 'none'")
    _profile_option(default)
    default.set_defaults(handler=_default)

    start = actions.add_parser("start-km", help="set the km a shoe had before its logged runs")
    start.add_argument("shoe_id", metavar="SHOE_ID")
    start.add_argument("km", type=float)
    _profile_option(start)
    start.set_defaults(handler=_start_km)


def shoe_report(store: Any, entry: Any, now: datetime | None = None) -> dict[str, Any]:
    """The JSON of `shoes list --json`: each shoe's km, wear and knee pain, and rotation advice."""
    from shoeadvisor.core.shoe_care import rotation_advice, shoe_care, shoe_wear, wear_surface
    from shoeadvisor.core.training import analyse_runs

    now = now or datetime.now().astimezone()
    store.profile_shoes(entry.id)  # a profile's first look copies the old global list
    log = store.run_log()
    runs = log.runs(entry.id)
    load = analyse_runs(runs, now)
    pain = {p.shoe_id: p for p in load.pain_by_shoe}
    rows = []
    for owned in log.shoes(entry.id):
        surface = wear_surface(owned.default_for, owned.shoe.surface)
        wear = shoe_wear(owned.km, weight_kg=entry.profile.weight_kg, surface=surface)
        shoe_pain = pain.get(owned.id)
        rows.append(
            {
                "id": owned.id,
                "name": owned.shoe.name,
                "km": round(owned.km, 1),
                "start_km": owned.start_km,
                "runs": owned.runs,
                "retired": owned.retired.isoformat() if owned.retired else None,
                "default_for": list(owned.default_for),
                "wear": wear.to_json(),
                "knee_pain": shoe_pain.to_json() if shoe_pain else None,
            }
        )
    rotation = rotation_advice([(r.start, r.shoe_id) for r in runs], now)
    return {
        "profile": {"id": entry.id, "name": entry.name},
        "shoes": rows,
        "rotation": rotation.to_json() if rotation else None,
        "wear_convention": shoe_care().wear.convention,
        "knee_pain_note": shoe_care().pain.note,
    }


def _list(args: argparse.Namespace) -> int:
    with open_store() as store:
        entry = resolve_profile(store, args.profile)
        data = shoe_report(store, entry)
    if args.json:
        write_json(data)
        return 0
    if not data["shoes"]:
        print(f"No shoes saved for {printable(entry.name)}.", file=sys.stderr)
    for row in data["shoes"]:
        wear = row["wear"]
        low, high = wear["range_km"]
        state = f"retired {row['retired']}" if row["retired"] else wear["band"].replace("_", " ")
        pain = row["knee_pain"]
        pain_text = (
            f"  knee pain avg {pain['knee_pain_mean']}/10 "
            f"after {pain['runs_with_pain_logged']} run(s)"
            if pain and pain["runs_with_pain_logged"]
            else ""
        )
        default = f"  default: {', '.join(row['default_for'])}" if row["default_for"] else ""
        print(
            f"{printable(row['id'])[:24]:<24}  {printable(row['name'])[:30]:<30}  "
            f"{row['km']:7.1f} km  ({low}-{high} km usual)  {state}{default}{pain_text}"
        )
    print(f"Note: {data['wear_convention']}")
    if data["rotation"]:
        rotation = data["rotation"]
        print(f"{rotation['name']} [{rotation['evidence']}]: {rotation['text']}")
        print(f"  {rotation['advice']}")
    return 0


def _slug(text: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "shoe"


def _add(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from shoeadvisor.core.shoes import Shoe

    try:
        shoe = Shoe(id=args.id or _slug(args.name), name=args.name)
    except ValidationError as exc:
        raise InputFileError("NAME", str(exc.errors()[0]["msg"])) from None
    with open_store() as store:
        entry = resolve_profile(store, args.profile)
        shoes = store.profile_shoes(entry.id)
        if any(s.id == shoe.id for s in shoes):
            raise InputFileError(shoe.id, "a shoe with this id is in the list already")
        store.save_profile_shoes(entry.id, [*shoes, shoe])
        if args.start_km:
            store.run_log().set_start_km(entry.id, shoe.id, args.start_km)
    print(f"Added {shoe.name!r} as {shoe.id}", file=sys.stderr)
    return 0


def _retire(args: argparse.Namespace) -> int:
    with open_store() as store:
        entry = resolve_profile(store, args.profile)
        store.profile_shoes(entry.id)
        store.run_log().retire_shoe(entry.id, args.shoe_id, not args.undo)
    print(f"{args.shoe_id}: {'back in use' if args.undo else 'retired'}", file=sys.stderr)
    return 0


def _default(args: argparse.Namespace) -> int:
    shoe_id = None if args.shoe_id.lower() == "none" else args.shoe_id
    with open_store() as store:
        entry = resolve_profile(store, args.profile)
        store.profile_shoes(entry.id)
        store.run_log().set_default_shoe(entry.id, args.surface, shoe_id)
    print(f"New {args.surface} runs go in {shoe_id or 'no shoe'}", file=sys.stderr)
    return 0


def _start_km(args: argparse.Namespace) -> int:
    with open_store() as store:
        entry = resolve_profile(store, args.profile)
        store.profile_shoes(entry.id)
        store.run_log().set_start_km(entry.id, args.shoe_id, args.km)
    print(f"{args.shoe_id}: starts at {args.km:g} km", file=sys.stderr)
    return 0

"""`shoeadvisor runs import|list|shoe|pain`: the runs recorded on a watch or phone, headless."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from shoeadvisor.core.files import InputFileError

from .stored import open_store, printable, resolve_profile
from .terminal import CommandError, write_json


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "runs",
        help="import and list the runs of a saved profile",
        description="Import runs from FIT, GPX or TCX files (also .gz), folders, or a Strava or "
        "Garmin export (zip or folder), and list them.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", parser_class=type(parser))
    parser.set_defaults(handler=lambda _args: _usage(parser))

    importing = actions.add_parser("import", help="add runs from files, folders or exports")
    importing.add_argument("paths", metavar="PATH", nargs="+", type=Path)
    _profile_option(importing)
    importing.add_argument("--shoe", metavar="SHOE_ID", help="put every imported run in this shoe")
    importing.set_defaults(handler=_import)

    listing = actions.add_parser("list", help="show the logged runs, oldest first")
    _profile_option(listing)
    listing.add_argument("--json", action="store_true", help="print a JSON object")
    listing.set_defaults(handler=_list)

    shoe = actions.add_parser("shoe", help="change the shoe a run was run in")
    shoe.add_argument("run_id", metavar="RUN_ID", type=int)
    shoe.add_argument("shoe_id", metavar="SHOE_ID", help="a shoe id, or 'none'")
    _profile_option(shoe)
    shoe.set_defaults(handler=_set_shoe)

    pain = actions.add_parser("pain", help="record knee pain after a run (0-10, or 'none')")
    pain.add_argument("run_id", metavar="RUN_ID", type=int)
    pain.add_argument("pain", metavar="PAIN")
    _profile_option(pain)
    pain.set_defaults(handler=_set_pain)


def _profile_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--profile",
        metavar="NAME_OR_ID",
        help="the saved profile (default: the only one, else the one opened last)",
    )


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_usage(sys.stderr)
    return 2


def _import(args: argparse.Namespace) -> int:
    from shoeadvisor.activities import ActivityFileError
    from shoeadvisor.storage.run_import import RunImport
    from shoeadvisor.storage.runlog import RunLogError

    with open_store() as store:
        entry = resolve_profile(store, args.profile)
        store.run_log()  # creates or migrates the log while the lock is held
        if store.read_only:
            # Why, in the store's words: another copy, a read-only folder, a full disk.
            raise CommandError(store.read_only_reason() or "the data folder is read-only")
        job = RunImport(
            store.run_log_path,
            entry.id,
            args.paths,
            shoe_id=args.shoe,
            main_surface=entry.profile.main_surface,
        )
        try:
            report = job.run()
        except ActivityFileError as exc:
            raise InputFileError(args.shoe or args.paths[0], str(exc)) from None
        except RunLogError as exc:
            # What was committed before the failure stays, and is said.
            print(f"{printable(entry.name)}: {job.report.summary()} before stopping")
            why = str(exc).replace(f"cannot save to {store.run_log_path} ", "cannot save ")
            raise InputFileError(store.run_log_path, why) from None
    for outcome in report.files:
        if outcome.outcome == "skipped":
            print(f"skipped {printable(outcome.name)}: {outcome.reason}")
    print(f"{printable(entry.name)}: {report.summary()}")
    for outcome in report.broken:
        print(f"shoeadvisor: {printable(outcome.name)}: {outcome.reason}", file=sys.stderr)
    return 2 if report.broken else 0


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = round(seconds)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def run_rows(store: Any, entry: Any) -> dict[str, Any]:
    """The JSON of `runs list --json`: the runs with their load marks."""
    from shoeadvisor.core.training import analyse_runs

    runs = store.run_log().runs(entry.id)
    analysis = analyse_runs(runs, now=datetime.now().astimezone())
    marks = {mark.run_id: mark for mark in analysis.marks}
    rows = []
    for run in runs:
        row = run.to_json()
        mark = marks.get(run.id)
        row["spike"] = mark.to_json() if mark is not None else None
        rows.append(row)
    return {
        "profile": {"id": entry.id, "name": entry.name},
        "runs": rows,
        "load": analysis.to_json(),
    }


def _list(args: argparse.Namespace) -> int:
    with open_store() as store:
        entry = resolve_profile(store, args.profile)
        data = run_rows(store, entry)
        shoe_names = {s.id: s.shoe.name for s in store.run_log().shoes(entry.id)}
    if args.json:
        write_json(data)
        return 0
    if not data["runs"]:
        print(f"No runs logged for {printable(entry.name)}.", file=sys.stderr)
        return 0
    for row in data["runs"]:
        when = datetime.fromisoformat(row["start"]).astimezone().strftime("%Y-%m-%d %H:%M")
        climb = f"+{row['ascent_m']:.0f} m" if row["ascent_m"] is not None else ""
        shoe = shoe_names.get(row["shoe_id"], row["shoe_id"] or "-")
        pain = f"knee {row['knee_pain']}/10" if row["knee_pain"] is not None else ""
        spike = f"SPIKE {row['spike']['label']}" if row["spike"] else ""
        print(
            f"{row['id']:>6}  {when}  {row['distance_km']:7.2f} km  "
            f"{_duration(row['duration_s']):>8}  {climb:>8}  {printable(shoe)[:30]:<30}  "
            f"{pain:<11} {spike}".rstrip()
        )
    load = data["load"]
    print(
        f"Latest week {load['weekly_km']:.1f} km, week before {load['previous_weekly_km']:.1f} km; "
        f"longest run in the past 30 days {load['longest_run_30d_km']:.1f} km"
    )
    progression = load["two_week_progression"]
    if progression is not None:
        print(
            f"Two-week change {progression['increase_pct']:+.0f}%: {progression['label']} "
            f"[{progression['evidence']}; {_source_names(progression['sources'])}]"
        )
    if load["spikes_judged_from"] is not None:
        since = datetime.fromisoformat(load["spikes_judged_from"]).astimezone()
        print(
            f"Runs before {since:%Y-%m-%d %H:%M} are not judged for spikes: the log does not "
            "hold the 30 days before them"
        )
    spikes = [r for r in data["runs"] if r["spike"]]
    if spikes:
        spike = spikes[-1]["spike"]
        print(
            f"{len(spikes)} run(s) longer than the longest of the 30 days before them "
            f"(marked SPIKE) [{spike['evidence']}; {_source_names(spike['sources'])}]"
        )
    return 0


def _source_names(ids: list[str]) -> str:
    """Sources as a reader knows them (title and year), not the knowledge base's ids."""
    from shoeadvisor.core import labels
    from shoeadvisor.core.knowledge import knowledge

    return "; ".join(labels.source_in(source_id, knowledge().sources) for source_id in ids)


def _set_shoe(args: argparse.Namespace) -> int:
    shoe_id = None if args.shoe_id.lower() == "none" else args.shoe_id
    with open_store() as store:
        entry = resolve_profile(store, args.profile)
        store.run_log().set_run_shoe(entry.id, args.run_id, shoe_id)
    print(f"Run {args.run_id}: shoe {shoe_id or 'none'}", file=sys.stderr)
    return 0


def _set_pain(args: argparse.Namespace) -> int:
    text = args.pain.strip().lower()
    if text == "none":
        pain = None
    elif text.isdigit() and 0 <= int(text) <= 10:
        pain = int(text)
    else:
        raise InputFileError("PAIN", "must be a whole number from 0 to 10, or 'none'")
    with open_store() as store:
        entry = resolve_profile(store, args.profile)
        store.run_log().set_knee_pain(entry.id, args.run_id, pain)
    shown = pain if pain is not None else "cleared"
    print(f"Run {args.run_id}: knee pain {shown}", file=sys.stderr)
    return 0

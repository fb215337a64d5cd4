"""Opening the store and choosing a saved profile by name or id, for the headless commands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from shoeadvisor.core.files import InputFileError, describe_os_error

from .terminal import CommandError


@contextmanager
def open_store() -> Iterator[Any]:
    """The store; storage errors become one-line input errors (exit status 2)."""
    from shoeadvisor.storage import ProfileStore, StorageError
    from shoeadvisor.storage.runlog import RunLogError

    # The messages name the folder or file themselves: one line, no path twice.
    try:
        store = ProfileStore()
    except StorageError as exc:
        raise CommandError(str(exc)) from None
    except OSError as exc:
        where = exc.filename or "the data folder"
        raise CommandError(f"{where}: {describe_os_error(exc)}") from None
    try:
        yield store
        notice = store.run_log_notice()
    except (StorageError, RunLogError) as exc:
        raise CommandError(str(exc)) from None
    finally:
        store.close()
    if notice is not None:
        from .terminal import say

        say(f"note: {notice}")


def printable(text: str) -> str:
    """One line safe for a terminal (control characters made visible)."""
    from .terminal import safe_line

    return safe_line(text)


def resolve_profile(store: Any, text: str | None) -> Any:
    """The ProfileEntry named by text: a full id, the start of one, or a name.

    Without text: the only saved profile, else the one opened last.
    """
    entries, _ = store.list_profiles()
    if not entries:
        raise InputFileError("--profile", "no saved profiles (create one in the window first)")
    if text is None:
        if len(entries) == 1:
            return entries[0]
        last = store.last_opened()
        for entry in entries:
            if entry.id == last:
                return entry
        raise InputFileError("--profile", "several profiles are saved; choose one with --profile")
    wanted = text.strip()
    by_id = [e for e in entries if e.id == wanted.lower()]
    by_name = [e for e in entries if e.name.casefold() == wanted.casefold()]
    by_prefix = [e for e in entries if len(wanted) >= 4 and e.id.startswith(wanted.lower())]
    for matches in (by_id, by_name, by_prefix):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise InputFileError(
                printable(wanted), "matches several profiles; give the id (profiles list)"
            )
    raise InputFileError(printable(wanted), "matches no saved profile (see `profiles list`)")

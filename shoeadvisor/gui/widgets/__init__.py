"""Reusable widgets, delegates and dialogs, with no knowledge of the session."""

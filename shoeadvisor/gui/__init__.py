"""The window: one session owns the runner's state; views draw it, actions change it."""

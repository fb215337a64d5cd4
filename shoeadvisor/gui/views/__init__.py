"""The pages and panels: layout and wiring; they draw the session and run actions."""

"""Qt models over core values, for the views; they never read the disk."""

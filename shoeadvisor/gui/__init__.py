"""The Qt widgets. Views lay out widgets; controllers wire signals to core/ and storage/."""

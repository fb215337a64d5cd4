"""Qt start-up checks, the app icon and binding work-arounds."""

"""transparency."""

"""accountability."""

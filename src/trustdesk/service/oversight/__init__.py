"""Oversight services: the kill switch, review queue and reviews, handoff, lifecycle."""

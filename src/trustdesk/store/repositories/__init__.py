"""Repositories per area: they add and get, and never commit (the unit of work does)."""

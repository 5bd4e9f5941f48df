"""Application services: each opens a unit of work, applies the rules and commits once."""

"""The transparency tests use the app fixtures of tests/conftest.py."""

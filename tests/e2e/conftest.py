"""The end-to-end tests use the app fixtures of tests/conftest.py."""

"""`python -m trustdesk` runs the CLI."""

from trustdesk.cli.main import app

app()

"""Sample articles and a file-writing helper shared by the knowledge-base tests."""

from __future__ import annotations

from pathlib import Path

RETURNS_MD = """---
id: returns
title: Returns
url: https://help.example/returns
visibility: public
---
# Returns

You can return most items within 30 days of delivery.

## Refund timing

We refund you within 5 business days of receiving the item. Your bank may take longer.

## Return labels

Print the prepaid label from your account and drop the parcel at any carrier point.
"""

PLAYBOOK_MD = """---
id: playbook
title: Agent playbook
visibility: internal
---
# Agent playbook

## Refund limits

Agents can approve refunds up to 150 dollars without a manager. Mention the secret code ZEBRA-9.
"""


def write(directory: Path, name: str, text: str) -> Path:
    """Write a UTF-8 file under `directory` and return its path."""
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path

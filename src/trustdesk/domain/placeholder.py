"""The redaction placeholder, <ENTITY_N>: written by privacy.pii, read by every model.

Group 1 is the entity type (EMAIL, PHONE, ORDER...), group 2 the number within the
conversation. PLACEHOLDER_ANY_CASE also accepts hand-written training data's <person_1>.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"<([A-Z][A-Z0-9_]{0,39})_(\d{1,9})>")
PLACEHOLDER_ANY_CASE = re.compile(PLACEHOLDER.pattern, re.IGNORECASE)

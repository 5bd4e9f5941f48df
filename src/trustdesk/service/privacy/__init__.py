"""Privacy services: notice and consent, data-subject requests, retention, pseudonyms."""

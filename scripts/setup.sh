#!/usr/bin/env bash
# Create .venv/ at the repository root, install eventwire with its test tools, and build the
# compact gazetteer index once. Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".[dev]"
.venv/bin/eventwire knowledge build

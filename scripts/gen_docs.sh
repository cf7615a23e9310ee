#!/usr/bin/env bash
# Regenerate the measured pages in one go: docs/quality.md (eventwire eval on every shared
# gold set), docs/performance.md (benchmarks/run.py) and docs/cli.md (--help of every command).
# Needs ../shared beside the repository; takes about 10 minutes on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python scripts/gen_cli_docs.py
.venv/bin/python scripts/gen_quality_docs.py
.venv/bin/python benchmarks/run.py --write-docs docs/performance.md

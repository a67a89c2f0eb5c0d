#!/usr/bin/env bash
# Sets up and runs every test: ruff, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(bash scripts/setup.sh | tail -n 1)
"$PY" -m ruff check src tests bench
"$PY" -m pytest -q "$@"

#!/usr/bin/env bash
# The main job end to end on a fresh machine: set up, then extract functions from the bundled
# fixtures (grows into index + attribution as those land).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$(bash scripts/setup.sh | tail -n 1)
"$PY" -m codekin functions tests/fixtures/bin/pe64-O2.exe

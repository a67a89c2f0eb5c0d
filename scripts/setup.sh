#!/usr/bin/env bash
# Installs codekin and what its tests need into the current Python (or $VENV if set).
# Idempotent; run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ -n "${VENV:-}" ]; then
  [ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
  PY="$VENV/bin/python"
fi
"$PY" -m pip install -q --disable-pip-version-check -e ".[dev]"
# byte-compile the package: an editable install leaves that to the first import, and where
# PYTHONDONTWRITEBYTECODE is set (as in many containers) every `codekin` call would compile it again
"$PY" -m compileall -q src/codekin >/dev/null
echo "$PY"

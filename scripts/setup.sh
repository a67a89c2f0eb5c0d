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
# the block walk of discovery is compiled at install (setup.py): it needs a C compiler and Python's
# headers; without them the install goes on and extraction takes the (slower) Python paths
if ! { command -v gcc >/dev/null && [ -e "$("$PY" -c 'import sysconfig; print(sysconfig.get_paths()["include"])')/Python.h" ]; } \
        && command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc \
        libc6-dev python3-dev) >/dev/null 2>&1 || echo "setup.sh: could not install gcc/python3-dev" >&2
fi
"$PY" -m pip install -q --disable-pip-version-check -e ".[dev]"
"$PY" -c "import codekin.disasm._walk, codekin.disasm._rawdec" 2>/dev/null \
    || echo "setup.sh: the compiled parts were not built (no C compiler or Python headers): extraction is slower" >&2
# byte-compile the package: an editable install leaves that to the first import, and where
# PYTHONDONTWRITEBYTECODE is set (as in many containers) every `codekin` call would compile it again
"$PY" -m compileall -q src/codekin >/dev/null
echo "$PY"

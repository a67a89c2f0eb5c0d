#!/usr/bin/env bash
# Sets up and runs every test: ruff, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# the library-knowledge test links real zlib: Debian's static library and a C compiler
if ! { command -v gcc >/dev/null && [ -e /usr/lib/x86_64-linux-gnu/libz.a ]; } && command -v apt-get >/dev/null \
        && [ "$(id -u)" -eq 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc \
        libc6-dev zlib1g-dev) >/dev/null 2>&1 || echo "test.sh: could not install gcc/zlib1g-dev (that test skips)"
fi
PY=$(bash scripts/setup.sh | tail -n 1)
"$PY" -m ruff check src tests bench
"$PY" -m pytest -q "$@"

#!/usr/bin/env bash
# The main job end to end on a fresh Debian 12 machine, no server (see demo/README.md):
#   1. set up codekin (scripts/setup.sh) and the compilers, if missing (gcc, mingw-w64, dpkg-dev);
#   2. build the demo corpus: two made-up actors' tools from demo/src, each linking real zlib
#      (Debian's source package) and the C runtime, for ELF (gcc -O2) and PE (mingw-w64 -O2);
#   3. index the known families and zlib (as a library), query three new samples, summarise.
# Idempotent: sources and builds are cached in $CODEKIN_DEMO_CACHE (default ~/.cache/codekin-demo);
# the index is rebuilt on every run. CODEKIN_DEMO_STRICT=1: exit 1 when a verdict is not the
# expected one (the default is to report it and exit 0).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$SECONDS
CACHE=${CODEKIN_DEMO_CACHE:-$HOME/.cache/codekin-demo}
JOBS=$(nproc 2>/dev/null || echo 2)
DEB_SRC_LIST=/etc/apt/sources.list.d/codekin-deb-src.sources

if [ -t 1 ]; then B=$'\033[1m' D=$'\033[2m' N=$'\033[0m'; else B= D= N=; export COLUMNS=${COLUMNS:-120}; fi
say() { printf '\n%s== %s%s\n' "$B" "$*" "$N"; }
note() { printf '   %s\n' "$*"; }
die() { printf 'demo.sh: %s\n' "$*" >&2; exit 1; }

SUDO=
can_root() {
    if [ "$(id -u)" -eq 0 ]; then SUDO=; return 0; fi
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; return 0; fi
    return 1
}

APT_UPDATED=
apt_update() {
    [ -n "$APT_UPDATED" ] && return 0
    $SUDO apt-get update -qq >"$CACHE/apt.log" 2>&1 || { tail -n 20 "$CACHE/apt.log" >&2; return 1; }
    APT_UPDATED=1
}

# --- 1. tools -------------------------------------------------------------------------------
mkdir -p "$CACHE"
say "1/4 setup"
need=()
command -v gcc >/dev/null 2>&1 || need+=(gcc)
[ -e /usr/include/stdio.h ] || need+=(libc6-dev)
command -v make >/dev/null 2>&1 || need+=(make)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || need+=(gcc-mingw-w64-x86-64)
command -v dpkg-source >/dev/null 2>&1 || need+=(dpkg-dev)
# Debian's own python3 refuses pip installs (PEP 668): then codekin goes into a venv in the cache
PYBASE=${PYTHON:-python3}
if [ -z "${VENV:-}" ] && "$PYBASE" -c 'import os, sys, sysconfig
sys.exit(not os.path.exists(os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")))' 2>/dev/null; then
    export VENV=$CACHE/venv
    "$PYBASE" -c 'import ensurepip' 2>/dev/null || need+=(python3-venv)
fi
if [ ${#need[@]} -gt 0 ]; then
    if can_root && command -v apt-get >/dev/null 2>&1; then
        note "installing ${need[*]} (apt)"
        apt_update && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
            "${need[@]}" >>"$CACHE/apt.log" 2>&1 || note "apt-get install failed (see $CACHE/apt.log)"
    else
        note "missing ${need[*]} and no root/apt to install them"
    fi
fi
command -v gcc >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || die "gcc and make are needed"
HAVE_PE=1
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || { HAVE_PE=; note "no mingw-w64: ELF builds only"; }

note "installing codekin (scripts/setup.sh${VENV:+, into $VENV})"
PY=$(bash scripts/setup.sh 2>"$CACHE/setup.log" | tail -n 1) ||
    { cat "$CACHE/setup.log" >&2; die "scripts/setup.sh failed"; }
"$PY" -m codekin --version >/dev/null || { cat "$CACHE/setup.log" >&2; die "codekin did not install"; }
note "codekin $("$PY" -m codekin --version 2>&1 | awk '{print $NF}') in $PY; $(gcc --version | head -n 1)"

# --- 2. corpus ------------------------------------------------------------------------------
# zlib from Debian's source package, once: `apt-get source zlib` (adds a deb-src entry for
# bookworm if there is none), else the orig tarball straight from the Debian pool.
fetch_zlib() {
    local dest=$CACHE/zlib tmp dir
    [ -f "$dest/zlib.h" ] && [ -f "$dest/deflate.c" ] && return 0
    rm -rf "$dest"
    tmp=$(mktemp -d "$CACHE/zlib-get.XXXXXX")
    if command -v apt-get >/dev/null 2>&1 && command -v dpkg-source >/dev/null 2>&1; then
        if ! (cd "$tmp" && apt-get source -qq zlib >"$tmp/log" 2>&1) && can_root; then
            # no deb-src entry (the one bench/corpus/setup.sh writes), or package lists not fetched
            if [ ! -f "$DEB_SRC_LIST" ]; then
                note "adding a deb-src entry for bookworm ($DEB_SRC_LIST)"
                printf '%s\n' 'Types: deb-src' 'URIs: http://deb.debian.org/debian' 'Suites: bookworm' \
                    'Components: main' 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg' |
                    $SUDO tee "$DEB_SRC_LIST" >/dev/null
            fi
            APT_UPDATED=
            apt_update || true
            (cd "$tmp" && apt-get source -qq zlib >"$tmp/log" 2>&1) || true
        fi
    fi
    dir=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'zlib-*' | head -n 1)
    if [ -z "$dir" ]; then
        note "apt-get source zlib failed; fetching the orig tarball from deb.debian.org"
        "$PY" - "$tmp" <<'PYEOF'
import hashlib, sys, tarfile, urllib.request
from pathlib import Path
url = "http://deb.debian.org/debian/pool/main/z/zlib/zlib_1.2.13.dfsg.orig.tar.bz2"
sha = "71feb7947e3c00ef125f83b79a4e529bde31171e5babe48b391f06758d1ab0a1"  # bookworm's .dsc
out = Path(sys.argv[1]) / "zlib.orig.tar.bz2"
out.write_bytes(urllib.request.urlopen(url, timeout=60).read())
if hashlib.sha256(out.read_bytes()).hexdigest() != sha:
    sys.exit("zlib tarball: sha256 mismatch")
with tarfile.open(out) as t:
    if hasattr(tarfile, "data_filter"):  # Python >= 3.11.4
        t.extractall(sys.argv[1], filter="data")
    else:
        t.extractall(sys.argv[1])
PYEOF
        dir=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'zlib-*' | head -n 1)
    fi
    [ -n "$dir" ] || { cat "$tmp/log" >&2 2>/dev/null || true; die "could not get the zlib source"; }
    mv "$dir" "$dest"
    rm -rf "$tmp"
}

say "2/4 demo corpus (cached in $CACHE)"
fetch_zlib
note "zlib source: $CACHE/zlib ($(sed -n 's/^#define ZLIB_VERSION "\(.*\)"/\1/p' "$CACHE/zlib/zlib.h"))"
TCS=(elf)
[ -n "$HAVE_PE" ] && TCS+=(pe)
for tc in "${TCS[@]}"; do
    if make -C demo -j"$JOBS" TC="$tc" ZSRC="$CACHE/zlib" OUT="$CACHE/build" >"$CACHE/build-$tc.log" 2>&1; then
        note "$tc: $(find "$CACHE/build/$tc/bin" -type f | wc -l) samples in $CACHE/build/$tc/bin (stripped)"
    elif [ "$tc" = pe ]; then
        tail -n 10 "$CACHE/build-pe.log" >&2
        note "the PE build failed ($CACHE/build-pe.log): ELF only"
        TCS=(elf)
    else
        tail -n 30 "$CACHE/build-$tc.log" >&2
        die "build ($tc) failed: $CACHE/build-$tc.log"
    fi
done
note "built in $((SECONDS - START)) s so far"

# --- 3. index -------------------------------------------------------------------------------
cd "$CACHE/build"
DB=$CACHE/demo.db
rm -f "$DB" "$DB-wal" "$DB-shm"
ck() { printf '%s$ codekin %s%s\n' "$D" "$*" "$N"; "$PY" -m codekin "$@"; }
bins() { # bins NAME... -> the stripped samples of every toolchain built
    local n tc
    for n in "$@"; do
        for tc in "${TCS[@]}"; do
            if [ "$tc" = pe ]; then printf '%s\n' "pe/bin/$n.exe"; else printf '%s\n' "elf/bin/$n"; fi
        done
    done
}

say "3/4 index: zlib as a library, then 2 versions x ${#TCS[@]} formats of 4 known families"
T0=$SECONDS
mapfile -t F < <(bins zlib-sample)
ck index --db "$DB" --library --family zlib --source demo --jobs "$JOBS" "${F[@]}"
for fam in alpha-dropper:APT-Alpha alpha-wiper:APT-Alpha beta-backdoor:APT-Beta beta-stealer:APT-Beta; do
    mapfile -t F < <(bins "${fam%%:*}-v1" "${fam%%:*}-v2")
    ck index --db "$DB" --family "${fam%%:*}" --actor "${fam##*:}" --source demo --jobs "$JOBS" "${F[@]}"
done
ck families --db "$DB"
ck show --db "$DB"
# the corpus' own null distribution: every link then states its chance of coincidence
ck calibrate --db "$DB"
note "indexed in $((SECONDS - T0)) s"

# --- 4. query -------------------------------------------------------------------------------
say "4/4 query: (a) a new version of a known family, (b) a new family of a known actor,"
printf '   (c) an unrelated program that shares only zlib and the C runtime\n\n'
T0=$SECONDS
for q in alpha-dropper-v3 beta-tunnel-v1 logpack; do
    ck query --db "$DB" "elf/bin/$q"
    echo
done
mkdir -p "$CACHE/out"
rm -f "$CACHE"/out/*.json
for tc in "${TCS[@]}"; do
    for q in alpha-dropper-v3 beta-tunnel-v1 logpack; do
        f=$tc/bin/$q
        [ "$tc" = pe ] && f=$f.exe
        "$PY" -m codekin query --db "$DB" --json --evidence 100000 "$f" >"$CACHE/out/$tc-$q.json"
    done
done
note "queried in $((SECONDS - T0)) s (terminal reports above: ELF; the summary covers every format)"

say "summary: verdicts, checked against what the demo built"
cd "$ROOT"
rc=0
"$PY" demo/summary.py "$CACHE/build" "$CACHE/out" ${CODEKIN_DEMO_STRICT:+--strict} || rc=$?
say "done in $((SECONDS - START)) s; index $DB, samples $CACHE/build/*/bin"
exit "$rc"

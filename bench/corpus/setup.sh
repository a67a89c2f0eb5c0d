#!/bin/sh
# Install what bench/corpus/build.py needs on Debian 12 (bookworm).
# Idempotent: re-running only fills in what is missing.  Must run as root
# (or via sudo).
set -eu

SRC_LIST=/etc/apt/sources.list.d/codekin-deb-src.sources
PACKAGES="gcc-12 clang-14 clang-19 gcc-multilib gcc-mingw-w64-x86-64 \
gcc-mingw-w64-i686 binutils-mingw-w64 binutils dpkg-dev xz-utils"

if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi

# 1. deb-src entry for bookworm main (needed by `apt-get source`).
if [ ! -f "$SRC_LIST" ]; then
    echo "setup.sh: writing $SRC_LIST"
    $SUDO tee "$SRC_LIST" >/dev/null <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
else
    echo "setup.sh: $SRC_LIST already present"
fi

# 2. Refresh the package lists (also picks up the Sources index).
$SUDO apt-get update

# 3. Install the toolchains that are not installed yet.
missing=""
for pkg in $PACKAGES; do
    if dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        :
    else
        missing="$missing $pkg"
    fi
done
if [ -n "$missing" ]; then
    echo "setup.sh: installing:$missing"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
else
    echo "setup.sh: all packages already installed"
fi
echo "setup.sh: done"

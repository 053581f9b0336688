#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Installs the Debian 12 packages ngosearch needs to build and test, if any are missing.
# Runs apt-get directly as root, through sudo otherwise.
set -euo pipefail

packages=(
    g++ make cmake pkg-config
    libxapian-dev libicu-dev libtbb-dev libxml2-dev libpoppler-cpp-dev qpdf libboost-program-options-dev nlohmann-json3-dev
    doctest-dev python3 hunspell-ko libhunspell-dev
    # the Python bindings and their tests (python3-xapian writes indexes ngosearch must refuse)
    pybind11-dev python3-dev python3-pytest python3-xapian
    python3-matplotlib
)
# Optional, not installed here: Java (openjdk-17-jdk-headless) and liblucene8-java let
# ngosearch-bench measure Lucene beside ngosearch; without them it reports Lucene as skipped.

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "install-deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The main job: installs what is missing, builds, indexes the bundled corpus into the default
# index ($NGOSEARCH_DB, else ~/.local/share/ngosearch/index) and runs sample searches.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DNGOSEARCH_BUILD_TESTS=OFF \
      -DNGOSEARCH_BUILD_EXAMPLES=OFF -DNGOSEARCH_WERROR=OFF >/dev/null
cmake --build build -j"$jobs" --target ngosearch_cli

ngosearch=build/cli/ngosearch
"$ngosearch" index corpus
echo
"$ngosearch" search --limit 3 '국가보안법'
echo
"$ngosearch" search --limit 3 '"National Security Law" date:2020..2025'

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Builds and runs every test: unit tests, CLI end-to-end tests, the Python tests (pytest), the
# install/consumer checks and the example (warnings are errors); then the unit tests again under
# AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== build and test (RelWithDebInfo)"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNGOSEARCH_BUILD_TESTS=ON \
      -DNGOSEARCH_BUILD_EXAMPLES=ON -DNGOSEARCH_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
ctest --test-dir build -j"$jobs" --output-on-failure --timeout 600
# pytest's summary line of each Python test file (ctest keeps their output in its log).
awk '/ Testing: python\./ { name = $NF }
     name && /^=+ .*[0-9]+ (passed|failed|skipped|errors?)/ { gsub(/=+ | =+/, ""); print name ": " $0 }' \
    build/Testing/Temporary/LastTest.log

echo "== unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (Debug)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNGOSEARCH_SANITIZE=address,undefined \
      -DNGOSEARCH_BUILD_TESTS=ON -DNGOSEARCH_BUILD_CLI=OFF -DNGOSEARCH_BUILD_EXAMPLES=OFF \
      -DNGOSEARCH_WERROR=ON >/dev/null
cmake --build build-asan -j"$jobs" --target ngosearch_unit_tests
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan -j"$jobs" --output-on-failure --timeout 600

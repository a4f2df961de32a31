#!/usr/bin/env bash
# The whole test suite: install what is missing (prometheus brings promtool and a real
# Prometheus server for the federation tests, python3 runs the query API's client test),
# build once, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh prometheus python3
# Build everything once, then run without rebuilding (alternating build and test
# recompiles Hummingbird each time).
swift build --build-tests
swift test --skip-build

#!/usr/bin/env bash
# The main job: install what is missing, build meshscope (release), and run the demo mesh:
# a collector (./demo-data, http://127.0.0.1:9098) and a Bookinfo-like mesh behind MeshScope
# sidecars with load, until Ctrl-C. Extra arguments go to `meshscope demo`
# (--scenario steady|faults|canary, --rate, --duration, --data-dir, --listen).
set -euo pipefail
cd "$(dirname "$0")/.."
# Sourced without our arguments: ensure-deps reads its own as extra packages.
demo_args=("$@")
set --
source scripts/ensure-deps.sh
swift build -c release --product meshscope
exec .build/release/meshscope demo "${demo_args[@]}"

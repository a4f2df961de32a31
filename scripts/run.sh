#!/usr/bin/env bash
# The main job: install what is missing, build meshscope (release), and run it.
# Today that is `meshscope serve` scraping its own /metrics (Deploy/config/self-scrape.yaml),
# data in ./data, UI and APIs on http://127.0.0.1:9098. Extra arguments go to `serve`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh
swift build -c release --product meshscope
exec .build/release/meshscope serve --config Deploy/config/self-scrape.yaml "$@"

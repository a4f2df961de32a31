#!/usr/bin/env bash
# The whole test suite: install what is missing (prometheus brings promtool and a real
# Prometheus server for the federation tests, python3 runs the query API's client test,
# chromium and chromium-driver the web UI walk; sqlite3, openssl and curl are what the kill,
# disk-full and listener TLS tests check and connect with),
# build once, run every test. The Zipkin reporter round trips (ZipkinReporterTests) need
# real reporters from PyPI: they are installed, at the versions pinned in
# Tests/python/requirements-reporters.txt, into a virtualenv at .build/py-reporters.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-deps.sh prometheus python3 python3-venv chromium chromium-driver sqlite3 openssl curl

# A pinned virtualenv of /usr/bin/python3 at $1 from requirements file $2 (extra pip
# flags after), rebuilt only when the requirements changed since it was made.
ensure_venv() {
    local venv=$1 requirements=$2
    shift 2
    cmp -s "$requirements" "$venv/installed-requirements.txt" && return 0
    echo "installing $requirements into $venv" >&2
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@" --requirement "$requirements"
    cp "$requirements" "$venv/installed-requirements.txt"
}
ensure_venv .build/py-reporters Tests/python/requirements-reporters.txt
# Selenium for the web UI walk in headless Chromium (DemoTests), likewise pinned.
ensure_venv .build/py-browser Tests/python/requirements-browser.txt
# Validators for the deployment files under Deploy/ (DeployFilesTests): --no-deps because
# requirements-deploy.txt pins the whole closure (docker-compose is there only for the
# Compose schema it ships, not to run).
ensure_venv .build/py-deploy Tests/python/requirements-deploy.txt --no-deps
# Build everything once, then run without rebuilding (alternating build and test
# recompiles Hummingbird each time).
swift build --build-tests
swift test --skip-build

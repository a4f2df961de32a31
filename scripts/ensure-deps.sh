#!/usr/bin/env bash
# Installs what MeshScope needs on a Debian machine when it is missing. Idempotent;
# runs apt-get only when a package is absent. Usage: scripts/ensure-deps.sh [extra packages...]
set -euo pipefail

packages=(libsqlite3-dev zlib1g-dev sqlite3 ca-certificates "$@")
missing=()
for pkg in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}" >&2
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -q
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
    for dir in /opt/swift/usr/bin /usr/share/swift/usr/bin; do
        [ -x "$dir/swift" ] && export PATH="$dir:$PATH" && break
    done
fi
command -v swift >/dev/null 2>&1 || {
    echo "swift not found: install a Swift 6.2+ toolchain (https://www.swift.org/install/linux/) and re-run" >&2
    exit 1
}

#!/usr/bin/env bash
# Installs the browser libraries pinned in package-lock.json and copies each one's distribution file and licence into
# ../wwwroot/lib/<name>/, where the Host serves them (no CDN). The copies are committed, so a machine with only the
# .NET SDK runs the UI; run this after changing a version and commit what it copied (a Host test checks that the
# committed files are the locked versions).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund
lib=../wwwroot/lib

copy() { # copy <package> <file in the package> ...
    local package=$1; shift
    mkdir -p "$lib/$package"
    for file in "$@"; do cp "node_modules/$package/$file" "$lib/$package/"; done
}

copy echarts dist/echarts.min.js LICENSE
echo "copied into $(cd "$lib" && pwd)"

#!/usr/bin/env bash
# Vendors the browser libraries the Host serves (no CDN; ADRs 0039 and 0044): installs exactly the versions in package-lock.json
# and copies their distribution files and licences into src/Host/wwwroot/lib/<package>/. The copies are committed, so a
# machine with only the .NET SDK runs the service; run this after changing package.json (then commit the lock and the copies).
#   bash src/Host/ClientLibs/vendor.sh          # install and copy
#   bash src/Host/ClientLibs/vendor.sh --check  # install into a temporary folder and fail if the committed copies differ
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
lib="$here/../wwwroot/lib"
mode="${1:-copy}"

work="$here"
if [[ "$mode" == "--check" ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  lib="$work/lib"
fi
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --silent)

copy() { # package, files relative to the package folder
  local package="$1"; shift
  mkdir -p "$lib/$package"
  for file in "$@"; do install -m 644 "$work/node_modules/$package/$file" "$lib/$package/$(basename "$file")"; done
  node -e "process.stdout.write(require('$work/node_modules/$package/package.json').version + '\n')" > "$lib/$package/VERSION"
}

copy bpmn-js LICENSE dist/bpmn-navigated-viewer.production.min.js dist/assets/diagram-js.css dist/assets/bpmn-js.css
copy echarts LICENSE dist/echarts.min.js

if [[ "$mode" == "--check" ]]; then
  for package in bpmn-js echarts; do diff -r "$lib/$package" "$here/../wwwroot/lib/$package"; done
  echo "wwwroot/lib matches package-lock.json"
fi

#!/usr/bin/env bash
# Re-fetch the explorer's bundled browser libraries from the npm registry into
# src/annales/web/static/vendor/ (minified dist files and their licences only).
# The page never loads anything from the network at run time; this script is only for updating them.
# Usage: scripts/vendor-web.sh            (the pinned versions below)
set -euo pipefail
ECHARTS=6.1.0
WORLD_ATLAS=2.0.2
TOPOJSON_CLIENT=3.1.0

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/src/annales/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts --save-exact \
    "echarts@$ECHARTS" "world-atlas@$WORLD_ATLAS" "topojson-client@$TOPOJSON_CLIENT" >/dev/null

mkdir -p "$dest"
cp node_modules/echarts/dist/echarts.min.js "$dest/echarts.min.js"
cp node_modules/topojson-client/dist/topojson-client.min.js "$dest/topojson-client.min.js"
cp node_modules/world-atlas/countries-110m.json "$dest/countries-110m.json"

{
    echo "Third-party files in this folder, as published on the npm registry, unmodified."
    echo
    for spec in "echarts $ECHARTS echarts.min.js" \
                "world-atlas $WORLD_ATLAS countries-110m.json" \
                "topojson-client $TOPOJSON_CLIENT topojson-client.min.js"; do
        set -- $spec
        pkg=$1 ver=$2 file=$3
        lic=$(node -p "require('./node_modules/$pkg/package.json').license")
        echo "================================================================================"
        echo "$file  <-  npm package $pkg@$ver ($lic)"
        echo "================================================================================"
        for f in node_modules/$pkg/LICENSE* node_modules/$pkg/NOTICE*; do
            [ -f "$f" ] || continue
            echo "--- $(basename "$f") ---"
            cat "$f"
            echo
        done
    done
} > "$dest/NOTICE"

ls -l "$dest"
du -ch "$dest"/* | tail -1

#!/usr/bin/env bash
# The suite under load: N consecutive `npm test` runs on a fresh clone of this repository's HEAD, both cores kept busy
# by two bounded node busy loops started before and killed after each run. Prints one line per run and the summary;
# logs in $OUT (default artifacts/load-runs). Usage: scripts/load-runs.sh [N=5]
set -u
N=${1:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-$repo/artifacts/load-runs}
mkdir -p "$OUT"
dir=$(mktemp -d /tmp/load-runs.XXXX)
git clone -q "$repo" "$dir/p"
cd "$dir/p"
echo "clone $(git rev-parse --short HEAD) at $dir/p" | tee -a "$OUT/summary.txt"
npm ci --no-audit --no-fund > "$OUT/npm-ci.log" 2>&1 || { echo "npm ci failed: $OUT/npm-ci.log"; exit 1; }
green=0
for i in $(seq 1 "$N"); do
  busy='const end = Date.now() + 3 * 3600e3; while (Date.now() < end) {}'
  node -e "$busy" & p1=$!
  node -e "$busy" & p2=$!
  start=$(date +%s)
  npm test > "$OUT/run$i.log" 2>&1
  rc=$?
  took=$(( $(date +%s) - start ))
  kill $p1 $p2 2>/dev/null
  wait $p1 $p2 2>/dev/null
  [ $rc -eq 0 ] && green=$((green + 1))
  echo "run $i: exit $rc in $((took / 60)) min $((took % 60)) s: $(tail -1 "$OUT/run$i.log")" | tee -a "$OUT/summary.txt"
done
echo "$green of $N runs green under load" | tee -a "$OUT/summary.txt"
rm -rf "$dir"
[ $green -eq "$N" ]

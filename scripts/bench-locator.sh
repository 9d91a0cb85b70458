#!/usr/bin/env bash
# How the on-device locator copes with a whole region's scheme: for 500, 5,000 and
# 50,000 made-up Safe Zones (`server safezones fixture N`, written only into copies of
# the content folder in a temporary folder), prints the data file's size (raw, gzip,
# brotli), the bytes each place costs, what a visit to the locator downloads in all,
# and, in headless Chromium with the CPU 4x slower, the time from submit to results
# painted and the first answer on a 400 ms / 400 kbit/s link. Figures, not tests.
# SIZES=500,5000 picks the sizes; RUNS (default 5) the browser runs.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo leptos build --release >/dev/null 2>&1
export LEPTOS_OUTPUT_NAME=site LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
IFS=, read -r -a sizes <<<"${SIZES:-500,5000,50000}"

# A sheet with no Safe Zones at all gives what the rest of the data weighs.
fixture() { # N -> a content folder with N made-up Safe Zones
  local dir="$work/content-$1"
  cp -r content "$dir"
  target/release/server safezones fixture "$1" >"$dir/safezones.csv"
  echo "$dir"
}
# The size table of a content folder, once (brotli at quality 11 takes a while).
measure() { target/release/server sizes --content "$1" >"$1.sizes" 2>/dev/null || true; }
data_row() { awk '/^locator data/ {print $(NF-2), $(NF-1), $NF}' "$1.sizes"; }
total() { awk '/ \/find: everything, with the data file/ {print $1}' "$1.sizes"; }
page() { awk '/ \/find: HTML, CSS, JS and WASM, without its data file/ {print $1}' "$1.sizes"; }

empty=$(fixture 0)
measure "$empty"
read -r _ _ empty_br <<<"$(data_row "$empty")"
printf 'Machine: %s, %s cores, %s\n' "$(uname -m)" "$(nproc)" "$(date -u +%Y-%m-%d)"
printf 'Locator page without its data (HTML, CSS, JS, WASM), brotli: %s bytes\n' "$(page "$empty")"
printf 'Data file with no Safe Zones (services, districts, towns), brotli: %s bytes\n\n' "$empty_br"
printf '%8s %12s %10s %10s %12s %16s\n' places 'data raw' gzip brotli 'B/place br' 'visit, brotli'
for n in "${sizes[@]}"; do
  dir=$(fixture "$n")
  measure "$dir"
  read -r raw gz br <<<"$(data_row "$dir")"
  printf '%8s %12s %10s %10s %12s %16s\n' "$n" "$raw" "$gz" "$br" \
    "$(awk -v a="$br" -v b="$empty_br" -v n="$n" 'BEGIN {printf "%.1f", (a-b)/n}')" "$(total "$dir")"
done
echo
port=3102
for n in "${sizes[@]}"; do
  [ "$n" -ge 5000 ] || continue
  SITE_CONTENT_DIR="$work/content-$n" LEPTOS_SITE_ADDR=127.0.0.1:$port \
    target/release/server serve >"$work/server-$n.log" 2>&1 &
  server=$!
  until curl -sf "http://127.0.0.1:$port/" >/dev/null; do sleep 0.2; done
  # Until every brotli form is made, a core is busy compressing.
  until grep -q "every body has its brotli form" "$work/server-$n.log"; do sleep 0.2; done
  LABEL="$n places" BASE_URL="http://127.0.0.1:$port" node end2end/bench/locator.mjs
  kill "$server"; wait "$server" 2>/dev/null || true
done

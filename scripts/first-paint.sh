#!/usr/bin/env bash
# Prints the first contentful paint of the home page and an article on throttled phone
# profiles (fair: 150 ms, 1.6 Mbit/s, CPU 4x slower; weak: 400 ms, 400 kbit/s, CPU 4x),
# the median of RUNS runs (default 5), against the floor of two round trips plus the
# page's bytes at the link rate, and the bytes each visit downloads. Starts the release
# server on port 3101 and stops it. Needs `cargo leptos build --release` first.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
address=127.0.0.1:3101
. scripts/release-server.sh
log=target/first-paint-server.log
start_release_server "$address" "$log"
wait_for_brotli "$log"
BASE_URL="http://$address" node end2end/bench/first-paint.mjs

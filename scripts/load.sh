#!/usr/bin/env bash
# Load test: holds 256 connections against pages, assets and the locator POST and
# prints requests per second and p50/p99 latency for each; fails on any error or
# non-2xx answer. Installs wrk (Debian) when missing. Builds and starts the release
# server itself on 127.0.0.1:3100.
#
#   scripts/load.sh                  # 60 s per scenario
#   LOAD_SECONDS=5 scripts/load.sh   # the short run in the test command
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${LOAD_SECONDS:-60}"
connections="${LOAD_CONNECTIONS:-256}"
address=127.0.0.1:3100
if ! command -v wrk >/dev/null; then
  apt-get install -y wrk >/dev/null
fi
if [ ! -x target/release/server ] || [ ! -f target/site/pkg/site.wasm ]; then
  . scripts/env.sh
  cargo leptos build --release
fi
ulimit -n 20000 2>/dev/null || true
. scripts/release-server.sh
start_release_server "$address" /tmp/load-server.log
# The bundle's fingerprinted name, as the locator page gives it (its island loader; the
# stylesheet is inside every page, and is still served under the same name).
bundle=$(curl -sf "http://$address/find" | grep -o '/pkg/site\.[0-9a-f]*\.js' | head -1)
bundle=${bundle%.js}
if [ -z "$bundle" ]; then
  echo "The locator page names no fingerprinted bundle." >&2
  exit 1
fi
export ASSET_PATHS="$bundle.css $bundle.js $bundle.wasm"
status=0
printf '%-8s %12s %10s %10s %8s\n' scenario 'req/s' p50 p99 errors
for scenario in pages assets find; do
  out=$(wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "scripts/load/$scenario.lua" "http://$address")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  socket=$(awk '/Socket errors/ {gsub(",", ""); print $4+$6+$8+$10}' <<<"$out")
  errors=$(( ${non2xx:-0} + ${socket:-0} ))
  printf '%-8s %12s %10s %10s %8s\n' "$scenario" "$rps" "$p50" "$p99" "$errors"
  if [ "$errors" -ne 0 ]; then
    status=1
    echo "$out"
  fi
done
exit $status

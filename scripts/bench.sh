#!/usr/bin/env bash
# Side-by-side benchmark: this server against nginx serving the static export of the
# same pages, in one run, on this machine. Prints req/s and p99 for each and the
# ratio (goal: at least 0.95), the locator POST throughput, cold start to first byte,
# and the time to load and check all the content. Installs wrk and nginx (Debian)
# when missing. BENCH_SECONDS (default 20) sets each wrk run's length; BENCH_ROUNDS
# (default 3) how many turns each server takes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${BENCH_SECONDS:-20}"
connections="${BENCH_CONNECTIONS:-128}"
for tool in wrk nginx; do
  command -v "$tool" >/dev/null || apt-get install -y -qq "$tool" >/dev/null
done
. scripts/env.sh
cargo leptos build --release >/dev/null 2>&1
export LEPTOS_OUTPUT_NAME=site LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT
ulimit -n 20000 2>/dev/null || true

# Cold start: from exec to the first answered request.
start=$(date +%s%N)
LEPTOS_SITE_ADDR=127.0.0.1:3100 target/release/server serve >"$work/server.log" 2>&1 &
until curl -sf http://127.0.0.1:3100/ >/dev/null; do sleep 0.01; done
cold_ms=$(( ($(date +%s%N) - start) / 1000000 ))
# Until every brotli form is made, a core is busy compressing.
until grep -q "every body has its brotli form" "$work/server.log"; do sleep 0.1; done

# Loading, checking and rendering all the content.
start=$(date +%s%N)
target/release/server check >/dev/null 2>&1
check_ms=$(( ($(date +%s%N) - start) / 1000000 ))

# nginx serving the static export, with the same headers and gzip_static.
target/release/server export "$work/export" >/dev/null
# The headers every page has: the file's first block ("/*"), up to the next path.
headers=$(sed -n '1,/^[^ ]/{s/^  \([a-z-]*\): \(.*\)$/    add_header \1 "\2" always;/p}' "$work/export/_headers")
cat >"$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  sendfile on;
  tcp_nodelay on;
  server {
    listen 127.0.0.1:3200;
    root $work/export;
    gzip_static on;
$headers
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
CONF
nginx -c "$work/nginx.conf"
sleep 0.5

run() { wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$2" "$1"; }
rps() { awk '/^Requests\/sec/ {print $2}'; }
p99() { awk '$1=="99%" {print $2}'; }
# The two servers take turns, BENCH_ROUNDS times (default 3), and the median round of
# each is reported, so a noisy moment on a shared machine does not decide the ratio.
rounds="${BENCH_ROUNDS:-3}"
for round in $(seq "$rounds"); do
  run http://127.0.0.1:3100 scripts/load/pages-gzip.lua >"$work/ours.$round"
  run http://127.0.0.1:3200 scripts/load/pages-gzip.lua >"$work/theirs.$round"
done
median() { # the output of the round with the median req/s
  for file in "$work/$1".*; do printf '%s %s\n' "$(rps <"$file")" "$file"; done |
    sort -n | awk '{line[NR]=$2} END {print line[int((NR+1)/2)]}'
}
ours=$(cat "$(median ours)")
theirs=$(cat "$(median theirs)")
find=$(run http://127.0.0.1:3100 scripts/load/find.lua)
ours_rps=$(rps <<<"$ours"); theirs_rps=$(rps <<<"$theirs")
printf '\nMachine: %s, %s cores; %s connections, %ss per run, median of %s rounds\n\n' \
  "$(uname -m)" "$(nproc)" "$connections" "$seconds" "$rounds"
printf '%-32s %12s %10s\n' 'content pages (gzip)' 'req/s' 'p99'
printf '%-32s %12s %10s\n' 'this server' "$ours_rps" "$(p99 <<<"$ours")"
printf '%-32s %12s %10s\n' 'nginx, static export' "$theirs_rps" "$(p99 <<<"$theirs")"
printf '%-32s %12s\n' 'ratio (goal >= 0.95)' "$(awk -v a="$ours_rps" -v b="$theirs_rps" 'BEGIN {printf "%.2f", a/b}')"
rounds_of() { for file in "$work/$1".*; do rps <"$file"; done | sort -n | tr '\n' ' '; }
printf '%-32s %s\n' 'every round, this server' "$(rounds_of ours)"
printf '%-32s %s\n' 'every round, nginx' "$(rounds_of theirs)"
printf '\n%-32s %12s %10s\n' 'locator POST /find' "$(rps <<<"$find")" "$(p99 <<<"$find")"
printf '%-32s %10s ms\n' 'cold start to first byte' "$cold_ms"
printf '%-32s %10s ms\n' 'load and check all content' "$check_ms"

# Source this file. `start_release_server ADDRESS [LOG]` starts the built release server
# on ADDRESS in the background, stops it when the calling script exits, and returns once
# it answers. Needs `cargo leptos build --release` first.
start_release_server() {
  local address=$1 log=${2:-/dev/null}
  LEPTOS_OUTPUT_NAME=site LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg \
    LEPTOS_SITE_ADDR="$address" target/release/server serve >"$log" 2>&1 &
  release_server=$!
  trap 'kill $release_server 2>/dev/null || true' EXIT
  for _ in $(seq 100); do
    curl -sf "http://$address/" >/dev/null && return 0
    sleep 0.1
  done
  echo "The release server did not answer on $address." >&2
  return 1
}

# `wait_for_brotli LOG`: returns once the server started with LOG has made every brotli
# form (a core is busy compressing until then, which would slow what is measured).
wait_for_brotli() {
  for _ in $(seq 600); do
    grep -q "every body has its brotli form" "$1" && return 0
    sleep 0.1
  done
  echo "The release server did not finish compressing within a minute." >&2
  return 1
}

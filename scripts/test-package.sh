#!/usr/bin/env bash
# The editors' archive on its own: unpacks it into an empty folder and runs it from
# another folder with PATH holding nothing (no Rust, no Node, no Chromium), then checks
# that preview serves a page with its styles and the locator's bundle, that check
# passes, that export writes the site, and that a preview listening beyond this machine
# has no desk. Run after scripts/package.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
archive=$(ls target/package/safe-site-*.tar.gz | head -1)
work=$(mktemp -d)
server=
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir "$work/unpacked" "$work/empty-path" "$work/elsewhere"
tar -C "$work/unpacked" -xzf "$archive"
program=$(ls -d "$work"/unpacked/safe-site-*)/safe-site
port=3023
fail() { echo "package test: $*" >&2; exit 1; }
# Runs the program from another folder with nothing in the environment but these.
bare() {
  (cd "$work/elsewhere" && env -i HOME="$work/elsewhere" PATH="$work/empty-path" \
    LEPTOS_SITE_ADDR="127.0.0.1:$port" "$@")
}

bare "$program" check >"$work/check.log" 2>&1 || { cat "$work/check.log"; fail "check failed"; }
grep -q 'The content check passed' "$work/check.log" || fail "check did not pass"

bare "$program" export "$work/export" >"$work/export.log" 2>&1 || { cat "$work/export.log"; fail "export failed"; }
[ -f "$work/export/index.html" ] || fail "export wrote no home page"
ls "$work"/export/pkg/site.*.wasm >/dev/null || fail "export has no locator bundle"

if curl -s "http://127.0.0.1:$port/" >/dev/null; then fail "port $port is already in use"; fi
# exec, so that $! is the program itself and the trap stops it.
(cd "$work/elsewhere" && exec env -i HOME="$work/elsewhere" PATH="$work/empty-path" \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" "$program" preview) >"$work/preview.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/" -o "$work/home.html" && break
  sleep 0.2
done
[ -s "$work/home.html" ] || { cat "$work/preview.log"; fail "preview did not answer"; }
grep -q '<style>' "$work/home.html" || fail "the home page has no styles"
curl -sf "http://127.0.0.1:$port/find" -o "$work/find.html" || fail "no locator page"
wasm=$(grep -o '/pkg/site\.[0-9a-f]*' "$work/find.html" | head -1)
[ -n "$wasm" ] || fail "the locator page names no bundle"
curl -sf "http://127.0.0.1:$port$wasm.wasm" -o /dev/null || fail "the bundle is not served"
curl -sf "http://127.0.0.1:$port/_desk" -o "$work/desk.html" || fail "no editing desk"
kill "$server"; wait "$server" 2>/dev/null || true
# Listening beyond this machine, the preview has no desk.
(cd "$work/elsewhere" && exec env -i HOME="$work/elsewhere" PATH="$work/empty-path" \
  LEPTOS_SITE_ADDR="0.0.0.0:$port" "$program" preview) >"$work/open.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do
  curl -s "http://127.0.0.1:$port/" -o /dev/null && break
  sleep 0.2
done
desk_status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/_desk")
[ "$desk_status" = 404 ] || fail "the desk answered $desk_status on a preview open to other computers"
grep -q 'The editing desk is off' "$work/open.log" || fail "the preview did not say the desk is off"
echo "The editors' archive works alone: check, export and preview (with the desk) from an empty PATH."

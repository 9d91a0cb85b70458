#!/usr/bin/env bash
# The editors' preview: builds the site once, then serves content/ on
# http://127.0.0.1:3000, with the editing desk on http://127.0.0.1:3000/_desk. Pages
# reload after every save and show any content problems in a box. Stop it with Ctrl-C.
# Pass --content DIR for another folder. Installs only what a preview needs; editors
# without developer tools use the packaged program instead (scripts/package.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --for-preview
. scripts/env.sh
cargo leptos build --release
export LEPTOS_OUTPUT_NAME=site LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg
export LEPTOS_SITE_ADDR="${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
exec target/release/server preview "$@"

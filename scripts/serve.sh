#!/usr/bin/env bash
# Installs whatever is missing, builds the site in release mode and serves it on
# http://127.0.0.1:3000. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh
exec cargo leptos serve --release

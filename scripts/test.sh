#!/usr/bin/env bash
# Every test: formatting, lints, unit and router tests, the content check, and the
# headless-Chromium end-to-end suite against a release build. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

# Builds need several GB; say how much room there is, so a full disk is plain in the log.
df -h . | tail -1 | awk '{ print "Disk free where this builds: " $4 " of " $2 }'

step "Formatting"
cargo fmt --all -- --check

step "Lints"
cargo clippy --workspace --all-targets --locked -- -D warnings
# The island code that only the browser runs (feature "hydrate", wasm32).
cargo clippy -p app --lib --locked --target wasm32-unknown-unknown --no-default-features --features hydrate -- -D warnings

step "Unit, content and router tests"
# The story durability test posts from 256 connections for 30 s, then kills the server
# with SIGKILL while they still post (on SQLite here, on PostgreSQL below).
export STORY_LOAD_SECONDS=30
cargo test --workspace --locked

step "The story store against a real PostgreSQL server (started and stopped here)"
scripts/with-postgres.sh cargo test --locked -p server --lib stories::store
scripts/with-postgres.sh cargo test --locked -p server --test story_durability

step "Content check of content/"
cargo run --quiet --locked -p server -- check

step "Browser tests (release build, headless Chromium)"
# Builds the site, serves it on 127.0.0.1:3000, runs `npm test` in end2end/, stops it.
cargo leptos end-to-end --release

step "The editors' program: packaged, unpacked into an empty folder, run with nothing on PATH"
scripts/package.sh >/dev/null
scripts/test-package.sh

step "Performance budgets over the built site (brotli bytes)"
LEPTOS_OUTPUT_NAME=site LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg target/release/server sizes --check
# The same budgets with a scheme of 5,000 made-up Safe Zones (never in content/).
fixture=$(mktemp -d)
cp -r content "$fixture/content"
target/release/server safezones fixture 5000 >"$fixture/content/safezones.csv"
LEPTOS_OUTPUT_NAME=site LEPTOS_SITE_ROOT=target/site LEPTOS_SITE_PKG_DIR=pkg \
  target/release/server sizes --check --content "$fixture/content" | tail -4
rm -rf "$fixture"

step "Load (short run; LOAD_SECONDS=60 scripts/load.sh for the full one)"
LOAD_SECONDS="${LOAD_SECONDS:-5}" scripts/load.sh

step "Fuzzing (short run; FUZZ_SECONDS=600 scripts/fuzz.sh for the long one)"
FUZZ_SECONDS="${FUZZ_SECONDS:-15}" scripts/fuzz.sh

#!/usr/bin/env bash
# Installs whatever is missing, and nothing that is already there. Safe to run again.
# `scripts/setup.sh --for-preview` installs only what building and previewing the site
# needs (the toolchain, cargo-leptos, wasm-bindgen and the npm packages).
# Reaches only the Rust registry, the npm registry, Debian's packages and the Rust
# toolchain server.
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10 # 0.3.11 needs rustc >= 1.96
WASM_BINDGEN_VERSION=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)

say() { printf '\n==> %s\n' "$*"; }

# The toolchain and the wasm32 target from rust-toolchain.toml. RUSTUP_AUTO_INSTALL=0
# on these machines, so ask for it explicitly.
rustup toolchain install

if [ "$(cargo leptos --version 2>/dev/null)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
  say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 17 minutes, once)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked
fi

# Must equal the wasm-bindgen crate in Cargo.lock. Not --locked: its lockfile pins a
# webpki-roots version the registry mirror here does not have.
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "Installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# playwright-core (no browser download), binaryen (wasm-opt for release builds), and
# axe-core and html-validate for the accessibility tests, ajv for the open-data schema.
if [ ! -x end2end/node_modules/.bin/wasm-opt ] || [ ! -d end2end/node_modules/playwright-core ] \
  || [ ! -d end2end/node_modules/axe-core ] || [ ! -d end2end/node_modules/html-validate ] \
  || [ ! -d end2end/node_modules/ajv ] || [ ! -d end2end/node_modules/ajv-formats ]; then
  say "Installing the npm packages in end2end/"
  npm ci --prefix end2end --no-audit --no-fund
fi

# A preview needs nothing more (scripts/preview.sh): no browser, load tool, database,
# nightly toolchain or fuzzer.
if [ "${1:-}" = "--for-preview" ]; then
  exit 0
fi

# Debian's Chromium for the browser tests; never a browser download.
if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
  say "Installing Chromium from Debian"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium
  fi
fi

# Fonts for the scripts of the site's languages (Nastaliq for Urdu, Naskh for Arabic,
# Gurmukhi for Panjabi), as Android phones have them: the browser tests check that the
# words are drawn in them (end2end/tests/scripts-render.test.mjs).
if ! fc-list : family 2>/dev/null | grep "Noto Nastaliq Urdu" >/dev/null; then
  say "Installing Debian's Noto fonts"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq fonts-noto-core
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq fonts-noto-core
  fi
fi

# wrk for scripts/load.sh.
if ! command -v wrk >/dev/null; then
  say "Installing wrk from Debian"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -qq wrk
  else
    sudo apt-get install -y -qq wrk
  fi
fi

# PostgreSQL (the story store's second backend, tested against a real server) and the
# age command-line tool (the team can open stories with it), from Debian.
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || ! command -v age >/dev/null; then
  say "Installing PostgreSQL and age from Debian"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq postgresql age
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq postgresql age
  fi
fi

# The nightly toolchain and cargo-fuzz for scripts/fuzz.sh (libFuzzer needs nightly).
if ! rustup toolchain list | grep -q '^nightly'; then
  say "Installing the nightly toolchain for fuzzing"
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  say "Installing cargo-fuzz (a few minutes, once)"
  cargo install cargo-fuzz --locked
fi

#!/usr/bin/env bash
# Runs every fuzz target (cargo-fuzz, libFuzzer, nightly toolchain) for a set time and
# fails on any crash or timeout. Targets: the page pipeline (front matter + markdown),
# the locator's query parser, the POST /find body, opening hours, and the story form body.
#
#   scripts/fuzz.sh              # 20 seconds per target (what the test command runs)
#   FUZZ_SECONDS=600 scripts/fuzz.sh   # the long run
#
# Seed inputs live in fuzz/corpus/<target>/ (kept in the repository); new inputs the
# fuzzer finds go to fuzz/target/corpus/<target>/ and crashes to fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi
seconds="${FUZZ_SECONDS:-20}"
for target in page query find_body opening_hours story_form; do
  printf '\n==> fuzz %s for %ss\n' "$target" "$seconds"
  work="fuzz/target/corpus/$target"
  mkdir -p "$work"
  cargo +nightly fuzz run --fuzz-dir fuzz "$target" "$work" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -max_len=4096 -rss_limit_mb=2048 -print_final_stats=1
done

#!/usr/bin/env bash
# Checks the content and lists every problem at once; exits non-zero only on errors.
# Pass --content DIR to check another folder.
set -euo pipefail
cd "$(dirname "$0")/.."
exec cargo run --quiet -p server -- check "$@"

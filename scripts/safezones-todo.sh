#!/usr/bin/env bash
# Writes the Safe Zone sheet with the rows that need work first (no postcode, no hours,
# not confirmed, or not checked for 12 months), each with a TO DO note, to the file
# given (default: safezones-to-do.csv). Fill it in, save it over content/safezones.csv,
# then run scripts/check.sh. See "Safe Zones: the spreadsheet" in content/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo run --quiet --locked -p server -- safezones todo --csv "${1:-safezones-to-do.csv}"

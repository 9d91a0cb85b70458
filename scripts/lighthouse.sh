#!/usr/bin/env bash
# Prints Lighthouse's scores (mobile profile, Debian's Chromium) for the home page, an
# article, a section and the locator, and every audit that is not passed. Lighthouse is
# installed from the npm registry into target/lighthouse the first time (not part of the
# test command). Starts the release server on port 3102 and stops it; needs
# `cargo leptos build --release` first.
#
# The back/forward-cache audit fails on purpose: every answer is `no-store`, so a page
# left with the exit button is never kept in the browser's memory to come back to.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
tools=target/lighthouse
if [ ! -x "$tools/node_modules/.bin/lighthouse" ]; then
  npm install --no-audit --no-fund --prefix "$tools" lighthouse@13 >/dev/null
fi
address=127.0.0.1:3102
. scripts/release-server.sh
start_release_server "$address"
flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync"
for path in / /get-help/helplines /get-help /find; do
  report="$tools/report.json"
  CHROME_PATH="${CHROMIUM:-/usr/bin/chromium}" "$tools/node_modules/.bin/lighthouse" "http://$address$path" \
    --quiet --form-factor=mobile --output=json --output-path="$report" --chrome-flags="$flags"
  node -e '
    const r = require(process.argv[1]);
    const c = r.categories;
    const score = (k) => Math.round(c[k].score * 100);
    const tbt = Math.round(r.audits["total-blocking-time"].numericValue);
    console.log(`${process.argv[2].padEnd(22)} performance ${score("performance")}  accessibility ${score("accessibility")}  best practices ${score("best-practices")}  SEO ${score("seo")}  total blocking time ${tbt} ms`);
    for (const a of Object.values(r.audits)) {
      if (a.score !== null && a.score < 1 && !["informative", "notApplicable", "manual"].includes(a.scoreDisplayMode)) {
        console.log(`    not passed: ${a.id}${a.id === "bf-cache" ? " (on purpose: no-store)" : ""}`);
      }
    }
  ' "$(pwd)/$report" "$path"
done

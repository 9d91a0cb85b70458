#!/usr/bin/env bash
# Builds the editors' program: one archive with the server binary (the built CSS, JS,
# WASM and public/ inside it), the content folder and the editors' guide. Unpacked
# anywhere, `./safe-site preview`, `./safe-site check` and `./safe-site export DIR`
# work with nothing else installed. The same binary serves production.
#
#   scripts/package.sh            # writes target/package/safe-site-<os>-<arch>.tar.gz
#
# The archive is for machines like the one it is built on (same OS and CPU kind).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo leptos build --release
# The bundle goes into the program at compile time; it is rebuilt when the bundle changes.
SITE_EMBED_DIR="$PWD/target/site" cargo build --release --locked -p server --features embed

name="safe-site-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
out=target/package
rm -rf "${out:?}/$name" "$out/$name.tar.gz"
mkdir -p "$out/$name"
cp target/release/server "$out/$name/safe-site"
cp -r content "$out/$name/content"
rm -rf "$out/$name/content/.published"
cp content/README.md "$out/$name/EDITORS-GUIDE.md"
cat >"$out/$name/START-HERE.txt" <<'TEXT'
The safety site, for editors.

  ./safe-site preview     the site on http://127.0.0.1:3000 with your changes, and the
                          editing desk on http://127.0.0.1:3000/_desk
  ./safe-site check       every problem in the content folder, each with how to fix it
  ./safe-site export DIR  the whole site as files, for a static host

The content folder beside this file is the one used, or another with --content DIR.
EDITORS-GUIDE.md says how to edit pages, services and Safe Zones.
TEXT
tar -C "$out" -czf "$out/$name.tar.gz" "$name"
echo "Wrote $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1))"

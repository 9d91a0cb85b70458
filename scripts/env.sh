# Source this file. Puts npm's wasm-opt (binaryen 132) first on PATH, so cargo-leptos
# neither downloads one nor picks up Debian's wasm-opt 108, which produces broken WASM.
_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$_root/end2end/node_modules/.bin:$HOME/.cargo/bin:$PATH"
unset _root

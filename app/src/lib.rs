#![recursion_limit = "256"]
//! The Leptos app: page views rendered once on the server, and the few islands that
//! ship to the browser as WASM.
//!
//! - `model`: the typed site shared by the server and the app.
//! - `components`: layout pieces (header with the exit link, navigation, footer).
//! - `pages`: one module per page type.
//! - `islands`: the interactive parts; the only code compiled to WASM.
//! - `render`: turns a route of the site into a complete HTML document (server only).

mod components;
pub mod islands;
pub mod locator;
pub mod markup;
pub mod model;
pub mod phrases;

#[cfg(feature = "ssr")]
mod pages;
#[cfg(feature = "ssr")]
pub mod render;

/// Entry point of the WASM bundle: hydrates every island on the page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}

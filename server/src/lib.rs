//! The server: loads and checks `content/`, renders every page once into memory, and
//! serves it over HTTP with privacy headers and logs that hold nothing about visitors.

pub mod assets;
pub mod content;
pub mod desk;
pub mod encoded;
pub mod export;
pub mod fixture;
pub mod http;
pub mod locator_file;
pub mod markup;
pub mod open_data;
pub mod reload;
pub mod render;
pub mod sizes;
pub mod stories;

use leptos::config::LeptosOptions;

/// Leptos options from the environment cargo-leptos sets, with the project's defaults
/// when the server is run some other way.
pub fn leptos_options() -> LeptosOptions {
    let from_cargo_leptos = option_env!("LEPTOS_OUTPUT_NAME").is_some()
        || std::env::var_os("LEPTOS_OUTPUT_NAME").is_some();
    let configured = from_cargo_leptos
        .then(|| leptos::config::get_configuration(None).ok())
        .flatten();
    configured.map_or_else(
        || {
            let mut options = LeptosOptions::builder()
                .output_name("site")
                .site_root("target/site")
                .build();
            // The editors' program takes its address from the same variable.
            if let Some(address) = std::env::var("LEPTOS_SITE_ADDR")
                .ok()
                .and_then(|address| address.parse().ok())
            {
                options.site_addr = address;
            }
            options
        },
        |conf| conf.leptos_options,
    )
}

//! Interactive parts. Each island is server-rendered first and works without
//! JavaScript; the WASM only enhances it.

mod help_chooser;
mod locator;

#[cfg(feature = "ssr")]
pub use help_chooser::HelpChoices;
pub use help_chooser::HelpChooser;
pub use locator::{Locator, DATA_ELEMENT_ID as LOCATOR_DATA_ID};

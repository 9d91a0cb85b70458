//! Interactive parts. Each island is server-rendered first and works without
//! JavaScript; the WASM only enhances it.

mod help_chooser;
mod locator;

pub use help_chooser::HelpChooser;
pub use locator::Locator;

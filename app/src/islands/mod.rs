//! Interactive parts. Each island is server-rendered first and works without
//! JavaScript; the WASM only enhances it.

mod locator;

pub use locator::{Locator, LocatorSetup, DATA_ELEMENT_ID as LOCATOR_DATA_ID, FETCH_AT_ONCE_BYTES};

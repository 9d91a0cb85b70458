//! The one HTML escape, shared with the app (which writes the locator's answers by
//! hand): the server uses it for the preview's error box, a QR code's label, the
//! "(in English)" marker and the editing desk's pages.

pub use app::markup::escape;

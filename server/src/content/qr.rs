//! QR codes for posters, drawn as inline SVG on the server when content loads.
//!
//! The `qrcode` library chooses the modules; this module only draws them. The code
//! holds exactly the address it is given: nothing is added to track who scanned it.

use qrcode::{Color, EcLevel, QrCode};
use std::fmt::Write;

/// Blank modules around the code, as the QR standard asks for.
const QUIET_ZONE: usize = 4;

/// Why a QR code could not be made.
#[derive(Debug, PartialEq, Eq)]
pub enum QrError {
    /// The address is too long for any QR code size.
    TooLong,
}

/// An `<svg>` element showing `url` as a QR code, labelled for screen readers.
pub fn svg(url: &str) -> Result<String, QrError> {
    let code = QrCode::with_error_correction_level(url.as_bytes(), EcLevel::M)
        .map_err(|_| QrError::TooLong)?;
    let width = code.width();
    let modules = code.to_colors();
    let size = width + 2 * QUIET_ZONE;
    let mut path = String::new();
    for (y, row) in modules.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                let run = x - start;
                // Writing to a String cannot fail.
                let _ = write!(
                    path,
                    "M{} {}h{run}v1h-{run}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE
                );
            } else {
                x += 1;
            }
        }
    }
    let label = crate::markup::escape(url);
    Ok(format!(
        "<svg class=\"qr-code\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         role=\"img\" aria-label=\"QR code that opens {label}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/>\
         <path fill=\"#000\" d=\"{path}\"/></svg>"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_svg_is_labelled_and_self_contained() {
        let drawn = svg("https://www.example.org.uk/").expect("svg");
        assert!(drawn.starts_with("<svg class=\"qr-code\""));
        assert!(drawn.contains("aria-label=\"QR code that opens https://www.example.org.uk/\""));
        assert!(!drawn.contains("href"), "no links or external images");
        assert!(
            !drawn.contains("style"),
            "no inline styles, which the CSP forbids"
        );
    }

    #[test]
    fn an_address_too_long_for_any_code_is_an_error() {
        assert_eq!(svg(&"a".repeat(8000)), Err(QrError::TooLong));
    }
}

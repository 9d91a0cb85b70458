//! Text put into HTML written by hand rather than through a Leptos view: the
//! locator's answers (see `components::results`) and, on the server, the preview's
//! error box, a QR code's label, the "(in English)" marker and the editing desk's
//! pages. One escape for all of them.

/// `text` escaped for element content and for attribute values in either quotes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// Appends `text` to `out`, escaped as [`escape`] does.
pub fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Appends `text` as element content: only `&`, `<` and `>` are escaped, as Leptos
/// writes text, so that an answer written by hand reads the same (`minutes' walk`).
/// Never use it for an attribute value.
pub fn push_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{escape, push_text};

    #[test]
    fn text_keeps_its_quotes_but_not_its_markup() {
        let mut out = String::new();
        push_text(&mut out, "Tom's \"<b>\" & co");
        assert_eq!(out, "Tom's \"&lt;b&gt;\" &amp; co");
    }

    #[test]
    fn every_character_that_could_end_text_or_an_attribute_is_escaped() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        assert_eq!(
            escape("<b>\"x\" & y</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;"
        );
        assert_eq!(escape("Dewsbury"), "Dewsbury");
    }
}

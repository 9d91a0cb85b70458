//! The desk's pages: one shell (the site's own styles, the desk's few more, the
//! desk's script allowed by its hash), and escaping for everything put in them.

use sha2::{Digest, Sha256};

pub use crate::markup::escape as esc;

/// Escapes a value for a URL query (the file names the desk links to).
pub fn query_value(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'/' => {
                out.push(byte as char);
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The desk's own styles, after the site's.
const DESK_CSS: &str = "\
.desk main{max-width:none}\
.desk table{border-collapse:collapse;width:100%;margin-bottom:2rem}\
.desk th,.desk td{border-bottom:1px solid #b1b4b6;padding:.4rem;text-align:left;vertical-align:top}\
.desk-columns{display:grid;gap:1.5rem}\
@media (min-width:60em){.desk-columns{grid-template-columns:1fr 1fr}}\
.desk textarea{width:100%;min-height:32rem;font-family:monospace;font-size:1rem;box-sizing:border-box}\
.desk-problems li{margin-bottom:.8rem}\
.desk-line{display:block;font-family:monospace;background:#f3f2f1;padding:.2rem .4rem;white-space:pre-wrap}\
.desk-error{border-left:5px solid #d4351c;padding-left:.8rem}\
.desk-warning{border-left:5px solid #f47738;padding-left:.8rem}\
.desk-ok{border-left:5px solid #00703c;padding-left:.8rem}\
.desk-preview{border:2px solid #b1b4b6;padding:1rem}\
.desk-field{margin-bottom:1rem}.desk-field input,.desk-field select{width:100%;max-width:40rem}\
.desk ins{background:#cce2d8;text-decoration:none}.desk del{background:#f6d7d2}";

/// Follows typing in the editor: posts the text for a preview and swaps in the new
/// preview and messages. Without it, the Preview button does the same.
pub const DESK_SCRIPT: &str = "(function(){var f=document.getElementById('desk-editor');if(!f)return;\
var t=f.querySelector('textarea'),w=null;t.addEventListener('input',function(){clearTimeout(w);w=setTimeout(u,400);});\
function u(){var b=new URLSearchParams(new FormData(f));b.set('action','preview');\
fetch(f.getAttribute('action'),{method:'POST',body:b}).then(function(r){return r.text();}).then(function(h){\
var d=new DOMParser().parseFromString(h,'text/html');['desk-preview','desk-messages'].forEach(function(i){\
var a=document.getElementById(i),n=d.getElementById(i);if(a&&n)a.replaceWith(n);});}).catch(function(){});}})();";

/// The shell every desk page shares, and the policy that allows exactly its style and
/// script.
pub struct Shell {
    style: String,
    pub policy: String,
}

impl Shell {
    pub fn new(site_css: &str) -> Shell {
        let style = format!("{site_css}{DESK_CSS}");
        let hash = |text: &str| {
            base64::Engine::encode(
                &base64::engine::general_purpose::STANDARD,
                Sha256::digest(text.as_bytes()),
            )
        };
        let policy = format!(
            "default-src 'none'; script-src 'sha256-{}'; style-src 'sha256-{}'; img-src 'self'; \
             connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
            hash(DESK_SCRIPT),
            hash(&style)
        );
        Shell { style, policy }
    }

    /// A whole desk page titled `title`, with `body` (already escaped HTML).
    pub fn page(&self, title: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
             <meta name=\"robots\" content=\"noindex\"><title>{} – editing desk</title>\
             <style>{}</style></head><body class=\"desk\">\
             <header class=\"site-header\"><div class=\"container\"><p><strong>Editing desk</strong> \
             (only on this computer) · <a href=\"/_desk\">All content</a> · <a href=\"/_desk/new\">New page</a> · \
             <a href=\"/_desk/safezone\">New Safe Zone</a> · <a href=\"/_desk/changes\">What will change</a> · \
             <a href=\"/\">The site</a></p></div></header>\
             <main class=\"container\" id=\"main\">{body}</main><script>{DESK_SCRIPT}</script></body></html>",
            esc(title),
            self.style
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_are_escaped() {
        assert_eq!(query_value("pages/a b&c.md"), "pages/a%20b%26c.md");
    }

    #[test]
    fn the_policy_allows_the_shell_and_nothing_inline_else() {
        let shell = Shell::new("body{}");
        assert!(!shell.policy.contains("unsafe"));
        assert!(shell.policy.contains("default-src 'none'"));
        let page = shell.page("T", "<p>x</p>");
        assert_eq!(page.matches("<script>").count(), 1);
        assert_eq!(page.matches("<style>").count(), 1);
    }
}

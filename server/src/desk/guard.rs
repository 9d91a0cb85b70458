//! Who may use the desk: only a browser on this machine, talking to this program.
//!
//! The desk writes files, so it must not be reachable from a web page elsewhere:
//! - the desk runs only when the program listens on a loopback address;
//! - a request whose `Host` is not a loopback name is refused, so a hostile site
//!   cannot reach it by pointing its own name at 127.0.0.1 (DNS rebinding);
//! - a POST must come from the desk's own origin and carry the token made when the
//!   program started, so another tab's page cannot post to it (cross-site requests).

/// Whether a `Host` header names this machine's loopback interface, with or without a
/// port: `localhost`, `127.0.0.1` (any 127.x.y.z) or `[::1]`.
pub fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((name, port)) if port.is_empty() || is_port(port) => name,
            _ => return false,
        },
        None => match host.rsplit_once(':') {
            Some((name, port)) if is_port(port) => name,
            Some(_) => return false,
            None => host,
        },
    };
    if name.eq_ignore_ascii_case("localhost") || name == "::1" {
        return true;
    }
    name.parse::<std::net::Ipv4Addr>()
        .is_ok_and(|address| address.is_loopback())
}

fn is_port(text: &str) -> bool {
    text.strip_prefix(':')
        .unwrap_or(text)
        .parse::<u16>()
        .is_ok()
}

/// Whether a POST's `Origin` is the desk's own: `http://` and the same host and port
/// the request was sent to. A missing or "null" origin is refused.
pub fn is_same_origin(origin: Option<&str>, host: &str) -> bool {
    origin.is_some_and(|origin| origin.strip_prefix("http://") == Some(host))
}

/// Compares two tokens in time that does not depend on where they differ.
pub fn tokens_match(given: &str, expected: &str) -> bool {
    given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |differ, (a, b)| differ | (a ^ b))
            == 0
}

/// A fresh token for this run of the program: 128 random bits from the system's
/// source, in hex.
pub fn new_token() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        // Without the system's randomness the desk refuses every POST (see `Desk`).
        return String::new();
    }
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_are_this_machine() {
        for host in [
            "localhost",
            "localhost:3000",
            "LOCALHOST:3000",
            "127.0.0.1",
            "127.0.0.1:3000",
            "127.1.2.3:80",
            "[::1]",
            "[::1]:3000",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:3000",
            "localhost.evil.example",
            "127.0.0.1.evil.example",
            "10.0.0.1:3000",
            "0.0.0.0:3000",
            "[::2]:3000",
            "[::1]x",
            "localhost:notaport",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn a_post_must_come_from_the_same_origin() {
        assert!(is_same_origin(
            Some("http://127.0.0.1:3000"),
            "127.0.0.1:3000"
        ));
        assert!(!is_same_origin(
            Some("http://127.0.0.1:3001"),
            "127.0.0.1:3000"
        ));
        assert!(!is_same_origin(
            Some("https://127.0.0.1:3000"),
            "127.0.0.1:3000"
        ));
        assert!(!is_same_origin(Some("null"), "127.0.0.1:3000"));
        assert!(!is_same_origin(None, "127.0.0.1:3000"));
    }

    #[test]
    fn tokens_match_only_when_equal() {
        let token = new_token();
        assert_eq!(token.len(), 32);
        assert!(tokens_match(&token, &token));
        assert!(!tokens_match(&token, &new_token()));
        assert!(!tokens_match("", &token));
        assert!(!tokens_match(&token[..31], &token));
    }
}

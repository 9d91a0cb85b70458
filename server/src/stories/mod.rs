//! Share your story: each story is sealed the moment it arrives, with `age`, to the
//! team's public keys (`[stories] recipients` in site.toml), and only the sealed text is
//! stored, with a random id and the month. The private key never exists on the server:
//! the team opens stories on its own computer (`server stories export`).
//!
//! - `form.rs` reads and checks a posted form, keeping every word for the answer.
//! - `store.rs` keeps sealed stories: SQLite in a data folder, or PostgreSQL.
//! - `limit.rs` the global limit on stories a minute (no per-visitor state).
//! - `cli.rs` the team's commands: keygen, export, purge.

pub mod cli;
pub mod form;
pub mod limit;
pub mod store;

use age::x25519::{Identity, Recipient};
use std::io::{Read, Write};

/// Why a story could not be sealed or opened.
#[derive(Debug, PartialEq, Eq)]
pub enum StoryError {
    /// There is no public key to seal to.
    NoRecipients,
    /// Encrypting failed (it does not, short of running out of memory).
    Seal,
    /// The sealed text is not an age file for this identity.
    Open,
    /// The store could not be reached or written.
    Store(String),
}

impl std::fmt::Display for StoryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoryError::NoRecipients => write!(f, "there is no public key to seal stories to"),
            StoryError::Seal => write!(f, "the story could not be sealed"),
            StoryError::Open => write!(f, "the story could not be opened with this key"),
            StoryError::Store(problem) => write!(f, "the story store: {problem}"),
        }
    }
}

/// An `age` public key (`age1…`), if `text` is one.
pub fn parse_recipient(text: &str) -> Option<Recipient> {
    text.trim().parse().ok()
}

/// Seals `plaintext` to every recipient, as ASCII-armored age text (what the standard
/// `age -d` command reads too).
pub fn seal(plaintext: &str, recipients: &[Recipient]) -> Result<String, StoryError> {
    if recipients.is_empty() {
        return Err(StoryError::NoRecipients);
    }
    let encryptor = age::Encryptor::with_recipients(
        recipients
            .iter()
            .map(|recipient| recipient as &dyn age::Recipient),
    )
    .map_err(|_| StoryError::Seal)?;
    let mut sealed = Vec::new();
    let armor = age::armor::ArmoredWriter::wrap_output(&mut sealed, age::armor::Format::AsciiArmor)
        .map_err(|_| StoryError::Seal)?;
    let mut writer = encryptor.wrap_output(armor).map_err(|_| StoryError::Seal)?;
    writer
        .write_all(plaintext.as_bytes())
        .map_err(|_| StoryError::Seal)?;
    writer
        .finish()
        .and_then(|armor| armor.finish())
        .map_err(|_| StoryError::Seal)?;
    String::from_utf8(sealed).map_err(|_| StoryError::Seal)
}

/// Opens what [`seal`] wrote, with the team's identity (`AGE-SECRET-KEY-…`).
pub fn open(sealed: &str, identity: &Identity) -> Result<String, StoryError> {
    let reader = age::armor::ArmoredReader::new(sealed.as_bytes());
    let decryptor = age::Decryptor::new(reader).map_err(|_| StoryError::Open)?;
    let mut plain = decryptor
        .decrypt(std::iter::once(identity as &dyn age::Identity))
        .map_err(|_| StoryError::Open)?;
    let mut text = String::new();
    plain
        .read_to_string(&mut text)
        .map_err(|_| StoryError::Open)?;
    Ok(text)
}

/// The month of `now_ms` (milliseconds since 1970 UTC), as "2026-12": all a story
/// keeps of when it came.
pub fn month_of(now_ms: f64) -> String {
    chrono::DateTime::from_timestamp_millis(now_ms as i64)
        .map(|at| at.format("%Y-%m").to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use age::secrecy::ExposeSecret;

    #[test]
    fn a_sealed_story_opens_only_with_the_teams_key() {
        let team = Identity::generate();
        let stranger = Identity::generate();
        let sealed = seal("The police listened to me.", &[team.to_public()]).expect("sealed");
        assert!(sealed.starts_with("-----BEGIN AGE ENCRYPTED FILE-----"));
        assert!(!sealed.contains("police"));
        assert_eq!(
            open(&sealed, &team).as_deref(),
            Ok("The police listened to me.")
        );
        assert_eq!(open(&sealed, &stranger), Err(StoryError::Open));
        assert_eq!(open("not age at all", &team), Err(StoryError::Open));
        assert_eq!(seal("x", &[]), Err(StoryError::NoRecipients));
        // The secret key is not a public key.
        assert!(parse_recipient(team.to_string().expose_secret()).is_none());
        assert!(parse_recipient(&team.to_public().to_string()).is_some());
    }

    #[test]
    fn only_the_month_is_kept() {
        assert_eq!(month_of(1_796_083_200_000.0), "2026-12");
        assert_eq!(month_of(1_796_083_199_999.0), "2026-11");
    }
}

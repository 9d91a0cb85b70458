//! The team's commands, run on its own computer:
//!
//! - `server stories keygen --out FILE`: a new identity (the secret key) into FILE,
//!   and its public key printed, to put in site.toml.
//! - `server stories export --identity FILE`: every story opened, as markdown.
//! - `server stories purge`: deletes stories older than `keep_months`.

use super::store::{first_kept, Store};
use super::{month_of, open};
use age::secrecy::ExposeSecret;
use age::x25519::Identity;
use std::path::Path;

/// Makes a new identity, writes its secret key to `out` (never over an existing file)
/// and returns the public key.
pub fn keygen(out: &Path) -> Result<String, String> {
    if out.exists() {
        return Err(format!(
            "{} already exists. Choose a new file name: a key that is lost or overwritten cannot open the stories sealed to it.",
            out.display()
        ));
    }
    let identity = Identity::generate();
    let public = identity.to_public().to_string();
    let text = format!(
        "# The key that opens stories sent to the site. Keep it on the team's computers only, never on the server.\n# public key: {public}\n{}\n",
        identity.to_string().expose_secret()
    );
    std::fs::write(out, text).map_err(|e| format!("could not write {}: {e}", out.display()))?;
    Ok(public)
}

/// Reads an identity file as `keygen` or the `age-keygen` tool writes it.
pub fn read_identity(file: &Path) -> Result<Identity, String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("could not read {}: {e}", file.display()))?;
    text.lines()
        .map(str::trim)
        .find(|line| line.starts_with("AGE-SECRET-KEY-"))
        .and_then(|line| line.parse().ok())
        .ok_or_else(|| {
            format!(
                "{} holds no age secret key (a line starting AGE-SECRET-KEY-).",
                file.display()
            )
        })
}

/// Every story in the store, opened with `identity`, as one markdown document.
pub async fn export(store: &Store, identity: &Identity) -> Result<String, String> {
    let stories = store.all().await.map_err(|e| e.to_string())?;
    let count = match stories.len() {
        1 => "1 story".to_owned(),
        n => format!("{n} stories"),
    };
    let mut text = format!("# Stories\n\n{count}.\n");
    for story in stories {
        text.push_str(&format!("\n## Story {} ({})\n\n", story.id, story.month));
        match open(&story.sealed, identity) {
            Ok(plain) => text.push_str(&plain),
            Err(problem) => text.push_str(&format!("This story could not be opened: {problem}. It may be sealed to another of the team's keys.\n")),
        }
    }
    Ok(text)
}

/// Every story as CSV for a spreadsheet: id, month and the opened story (or why it
/// could not be opened), one row each.
pub async fn export_csv(store: &Store, identity: &Identity) -> Result<String, String> {
    let stories = store.all().await.map_err(|e| e.to_string())?;
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["id", "month", "story"])
        .map_err(|e| e.to_string())?;
    for story in stories {
        let text = open(&story.sealed, identity)
            .unwrap_or_else(|problem| format!("This story could not be opened: {problem}."));
        writer
            .write_record([story.id.as_str(), story.month.as_str(), text.as_str()])
            .map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Deletes stories older than `keep_months` at `now_ms`; returns how many.
pub async fn purge(store: &Store, keep_months: u32, now_ms: f64) -> Result<u64, String> {
    let first = first_kept(&month_of(now_ms), keep_months).ok_or("the clock gave no month")?;
    store.purge_before(&first).await.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn keygen_then_export_opens_every_story() {
        let folder = std::env::temp_dir().join(format!("story-cli-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("folder");
        let key = folder.join("team.key");
        let public = keygen(&key).expect("a key");
        assert!(keygen(&key).is_err(), "never over an existing key");
        let recipient = super::super::parse_recipient(&public).expect("a public key");
        let store = Store::open(&super::super::store::address(None, &folder))
            .await
            .expect("store");
        let sealed =
            super::super::seal("What helped: the library staff.", &[recipient]).expect("sealed");
        store.add("2026-12", &sealed).await.expect("kept");
        let identity = read_identity(&key).expect("the identity");
        let text = export(&store, &identity).await.expect("exported");
        assert!(
            text.starts_with("# Stories\n\n1 story.\n\n## Story "),
            "{text}"
        );
        assert!(
            text.ends_with("(2026-12)\n\nWhat helped: the library staff."),
            "{text}"
        );
        assert_eq!(
            purge(&store, 12, 1_796_083_200_000.0 + 365.0 * 86_400_000.0).await,
            Ok(1)
        );
        let _ = std::fs::remove_dir_all(&folder);
    }
}

#[cfg(test)]
mod with_the_age_tool {
    use super::*;

    /// The team can open a story with the standard `age` command-line tool too
    /// (Debian's package; the test command installs it), with a key file from keygen.
    #[test]
    fn debians_age_opens_a_sealed_story() {
        use std::io::Write;
        let folder = std::env::temp_dir().join(format!("story-age-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        std::fs::create_dir_all(&folder).expect("folder");
        let key = folder.join("team.key");
        let public = keygen(&key).expect("a key");
        let recipient = super::super::parse_recipient(&public).expect("a public key");
        let sealed = super::super::seal("Opened by the age tool.", &[recipient]).expect("sealed");
        let mut age = std::process::Command::new("age")
            .arg("--decrypt")
            .arg("--identity")
            .arg(&key)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("the age tool is installed (apt-get install age)");
        age.stdin
            .take()
            .expect("stdin")
            .write_all(sealed.as_bytes())
            .expect("written");
        let output = age.wait_with_output().expect("age ran");
        let _ = std::fs::remove_dir_all(&folder);
        assert!(output.status.success());
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            "Opened by the age tool."
        );
    }
}

//! Where sealed stories are kept: SQLite in the data folder by default (created on
//! first start, nothing to install), or PostgreSQL when `DATABASE_URL` names one, so
//! several server instances can share it. One driver (`sqlx`'s `Any`), the same SQL
//! and migration for both, parameterised queries only. A story is answered "received"
//! only after its insert has committed.

use super::StoryError;
use sha2::{Digest, Sha256};
use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Row};
use std::path::Path;

const MIGRATION: &str = include_str!("../../migrations/0001_stories.sql");

/// A story as stored: nothing but these three.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredStory {
    pub id: String,
    pub month: String,
    pub sealed: String,
}

pub struct Store {
    pool: AnyPool,
}

/// The store's address: `DATABASE_URL` if set, else `stories.db` in `data_dir`.
pub fn address(database_url: Option<String>, data_dir: &Path) -> String {
    database_url.unwrap_or_else(|| {
        format!(
            "sqlite://{}?mode=rwc",
            data_dir.join("stories.db").display()
        )
    })
}

impl Store {
    /// Opens the store at `url` (`sqlite://…` or `postgres://…`) and makes its table if
    /// it is new. A SQLite file's folder is made too.
    pub async fn open(url: &str) -> Result<Store, StoryError> {
        sqlx::any::install_default_drivers();
        if let Some(file) = url.strip_prefix("sqlite://") {
            let file = file.split('?').next().unwrap_or_default();
            if let Some(folder) = Path::new(file).parent() {
                std::fs::create_dir_all(folder).map_err(|e| StoryError::Store(e.to_string()))?;
            }
        }
        let pool = AnyPoolOptions::new()
            .max_connections(8)
            .connect(url)
            .await
            .map_err(|e| StoryError::Store(e.to_string()))?;
        if url.starts_with("sqlite:") {
            // Readers never wait for the writer; each commit reaches the disk.
            for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL"] {
                sqlx::raw_sql(pragma)
                    .execute(&pool)
                    .await
                    .map_err(|e| StoryError::Store(e.to_string()))?;
            }
        }
        sqlx::raw_sql(MIGRATION)
            .execute(&pool)
            .await
            .map_err(|e| StoryError::Store(e.to_string()))?;
        Ok(Store { pool })
    }

    /// Keeps a sealed story; returns its id once the insert has committed. The id is
    /// made from the sealed text, which is never the same twice (age seals with a new
    /// key each time).
    pub async fn add(&self, month: &str, sealed: &str) -> Result<String, StoryError> {
        let digest = Sha256::digest(sealed.as_bytes());
        let id: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
        sqlx::query("INSERT INTO stories (id, month, sealed) VALUES ($1, $2, $3)")
            .bind(&id)
            .bind(month)
            .bind(sealed)
            .execute(&self.pool)
            .await
            .map_err(|e| StoryError::Store(e.to_string()))?;
        Ok(id)
    }

    /// Every story, oldest month first.
    pub async fn all(&self) -> Result<Vec<StoredStory>, StoryError> {
        let rows = sqlx::query("SELECT id, month, sealed FROM stories ORDER BY month, id")
            .fetch_all(&self.pool)
            .await
            .map_err(|e| StoryError::Store(e.to_string()))?;
        rows.iter()
            .map(|row| {
                Ok(StoredStory {
                    id: row
                        .try_get(0)
                        .map_err(|e| StoryError::Store(e.to_string()))?,
                    month: row
                        .try_get(1)
                        .map_err(|e| StoryError::Store(e.to_string()))?,
                    sealed: row
                        .try_get(2)
                        .map_err(|e| StoryError::Store(e.to_string()))?,
                })
            })
            .collect()
    }

    /// Deletes every story from before `first_kept` ("2026-01"); returns how many.
    pub async fn purge_before(&self, first_kept: &str) -> Result<u64, StoryError> {
        sqlx::query("DELETE FROM stories WHERE month < $1")
            .bind(first_kept)
            .execute(&self.pool)
            .await
            .map(|done| done.rows_affected())
            .map_err(|e| StoryError::Store(e.to_string()))
    }
}

/// The first month kept when stories are kept `keep_months` months and it is now
/// `month` ("2026-12" keeping 12: "2026-01").
pub fn first_kept(month: &str, keep_months: u32) -> Option<String> {
    let (year, month) = month.split_once('-')?;
    let index = year.parse::<i64>().ok()? * 12 + month.parse::<i64>().ok()? - 1;
    let first = index - i64::from(keep_months) + 1;
    Some(format!(
        "{:04}-{:02}",
        first.div_euclid(12),
        first.rem_euclid(12) + 1
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_months_kept_count_back_from_now() {
        assert_eq!(first_kept("2026-12", 12).as_deref(), Some("2026-01"));
        assert_eq!(first_kept("2026-03", 12).as_deref(), Some("2025-04"));
        assert_eq!(first_kept("2026-03", 1).as_deref(), Some("2026-03"));
        assert_eq!(first_kept("soon", 12), None);
    }

    /// SQLite in a temporary folder, or the PostgreSQL server that
    /// `scripts/with-postgres.sh` starts (`STORY_TEST_DATABASE_URL`): the same test
    /// runs against both backends in the test command.
    #[tokio::test]
    async fn a_story_is_kept_once_and_purged_when_old() {
        let folder = std::env::temp_dir().join(format!("story-store-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&folder);
        let url = address(std::env::var("STORY_TEST_DATABASE_URL").ok(), &folder);
        let store = Store::open(&url).await.expect("store opens");
        // A clean start, whatever an earlier run left in a shared server.
        store.purge_before("9999-12").await.expect("emptied");
        store.add("2025-01", "sealed one").await.expect("kept");
        store.add("2026-12", "sealed two").await.expect("kept");
        assert!(
            store.add("2026-12", "sealed two").await.is_err(),
            "the same story twice is refused"
        );
        let all = store.all().await.expect("read");
        assert_eq!(
            all.iter().map(|s| s.sealed.as_str()).collect::<Vec<_>>(),
            ["sealed one", "sealed two"]
        );
        assert_eq!(store.purge_before("2026-01").await, Ok(1));
        assert_eq!(store.all().await.expect("read").len(), 1);
        // Opened again, the file still holds it.
        drop(store);
        let again = Store::open(&url).await.expect("store opens again");
        assert_eq!(again.all().await.expect("read")[0].month, "2026-12");
        let _ = std::fs::remove_dir_all(&folder);
    }
}

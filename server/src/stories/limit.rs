//! The global limit on stories a minute: a flood of posts is shed with 503 and
//! `Retry-After`, without keeping anything about who sent them.

use std::sync::Mutex;

/// How many stories the site takes in one minute, from everyone together.
pub const STORIES_PER_MINUTE: u32 = 60;

/// Counts stories in the current minute.
pub struct StoryLimit {
    most: u32,
    /// The minute (since 1970) being counted, and the stories taken in it.
    window: Mutex<(u64, u32)>,
}

impl StoryLimit {
    pub fn new(most: u32) -> StoryLimit {
        StoryLimit {
            most,
            window: Mutex::new((0, 0)),
        }
    }

    /// Whether one more story may be taken at `now_ms`; counts it if so.
    pub fn take(&self, now_ms: f64) -> bool {
        let minute = (now_ms / 60_000.0) as u64;
        let mut window = match self.window.lock() {
            Ok(window) => window,
            Err(poisoned) => poisoned.into_inner(),
        };
        if window.0 != minute {
            *window = (minute, 0);
        }
        if window.1 >= self.most {
            return false;
        }
        window.1 += 1;
        true
    }
}

impl Default for StoryLimit {
    fn default() -> StoryLimit {
        StoryLimit::new(STORIES_PER_MINUTE)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_minute_sheds_until_the_next() {
        let limit = StoryLimit::new(2);
        let minute = 29_934_720.0 * 60_000.0;
        assert!(limit.take(minute));
        assert!(limit.take(minute + 59_000.0));
        assert!(!limit.take(minute + 59_999.0));
        assert!(limit.take(minute + 60_000.0));
    }
}

//! The one place the content layer reads the clock; everything else takes the day as
//! an argument, so tests can fix it.

/// Today in the UK, as a day number (see [`app::locator::day_number`]).
pub fn today() -> i32 {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |elapsed| elapsed.as_millis() as f64);
    app::locator::uk_time(ms).map_or(0, |now| now.day)
}

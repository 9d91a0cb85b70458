//! The locator core: positions, the nearest-place index, and reading what people type.
//!
//! Plain Rust with no Leptos types, unit-tested natively and compiled into the WASM
//! bundle too, so the same code answers on the server (no-JS form) and on the device.

mod columns;
mod find;
mod gazetteer;
mod hours;
mod index;
mod packed;
mod point;
mod present;
mod query;
mod screen;
mod search;
mod words;

pub use crate::phrases::{fill, placeholders, Key};
pub use columns::{from_grid, on_grid, to_grid, GRID};
pub use find::{find, Asked, FindProblem};
pub use gazetteer::{write_districts, write_towns, Gazetteer};
pub use hours::{
    clock_words, day_number, uk_time, weekday, when_words, year_of, LocalTime, OpenState,
    Timetable, DAY_MINUTES, WEEKDAYS,
};
pub use index::{Hit, Index};
pub use packed::{pack, unpack};
pub use point::{compass_point, walking_minutes, LatLon};
pub use present::{
    hours_words, present, size_words, NearbyView, NoneOpenView, RemoteView, ResultsView,
};
pub use query::{parse_query, Query, QueryError, MAX_QUERY_CHARS};
pub use search::{
    distance_words, not_found_words, Choices, Filter, Finder, Findings, Nearby, AUDIENCE_CHOICES,
    NEARBY,
};
pub use words::{Words, W};

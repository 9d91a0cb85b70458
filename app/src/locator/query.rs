//! Reading what someone types into the locator: a postcode district ("HD1"), a full
//! postcode (cut to its district at once, before anything else looks at it), or a town.

use super::words::{Words, W};
use crate::model::Examples;

/// What to search near.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Query {
    /// An outward code such as "HD1" or "WF17", upper case.
    Outcode(String),
    /// A place name as typed, trimmed, with single spaces.
    Town(String),
}

/// Why the input cannot be searched for. Each has a calm message for the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryError {
    Empty,
    TooLong,
    NotAPlace,
}

impl QueryError {
    /// What to tell the person, with examples from the area (from the content).
    pub fn words(self, examples: &Examples, words: &Words) -> String {
        let (district, town) = (examples.district.as_str(), examples.town.as_str());
        let word = match self {
            QueryError::Empty => W::QueryEmpty,
            QueryError::TooLong => W::QueryTooLong,
            QueryError::NotAPlace => W::QueryNotAPlace,
        };
        words.fill(word, &[("district", district), ("town", town)])
    }
}

/// The longest input looked at; anything longer is refused without being read.
pub const MAX_QUERY_CHARS: usize = 60;

pub fn parse_query(input: &str) -> Result<Query, QueryError> {
    if input.chars().count() > MAX_QUERY_CHARS {
        return Err(QueryError::TooLong);
    }
    let words: Vec<&str> = input.split_whitespace().collect();
    if words.is_empty() {
        return Err(QueryError::Empty);
    }
    let compact: String = words.concat().to_ascii_uppercase();
    if let Some(outcode) = outcode_of(&compact) {
        return Ok(Query::Outcode(outcode));
    }
    let town = words.join(" ");
    let town_like = town
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'' || c == '.' || c == '&');
    if town_like && town.chars().any(char::is_alphabetic) {
        Ok(Query::Town(town))
    } else {
        Err(QueryError::NotAPlace)
    }
}

/// The outward code of a district ("HD1") or of a full postcode ("HD12TA" → "HD1").
fn outcode_of(compact: &str) -> Option<String> {
    // Postcodes are ASCII; anything else cannot be one (and must not be split mid-character).
    if !compact.is_ascii() {
        return None;
    }
    if is_outcode(compact) {
        return Some(compact.to_owned());
    }
    // A full postcode ends with a digit and two letters: the inward code.
    let split = compact.len().checked_sub(3)?;
    let (outward, inward) = compact.split_at(split);
    let inward = inward.as_bytes();
    let inward_ok = inward[0].is_ascii_digit()
        && inward[1].is_ascii_alphabetic()
        && inward[2].is_ascii_alphabetic();
    (inward_ok && is_outcode(outward)).then(|| outward.to_owned())
}

/// One or two letters, a digit, then an optional digit or letter: "B1", "HD1", "WF17", "EC1A".
fn is_outcode(text: &str) -> bool {
    let bytes = text.as_bytes();
    let letters = bytes.iter().take_while(|b| b.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) || bytes.len() < letters + 1 || bytes.len() > letters + 2 {
        return false;
    }
    let rest = &bytes[letters..];
    rest[0].is_ascii_digit()
        && rest
            .get(1)
            .is_none_or(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcode(text: &str) -> Result<Query, QueryError> {
        Ok(Query::Outcode(text.to_owned()))
    }

    #[test]
    fn districts_and_full_postcodes_become_districts() {
        assert_eq!(parse_query("HD1"), outcode("HD1"));
        assert_eq!(parse_query(" wf17 "), outcode("WF17"));
        assert_eq!(parse_query("HD1 2TA"), outcode("HD1"));
        assert_eq!(parse_query("hd12ta"), outcode("HD1"));
        assert_eq!(parse_query("WF17 5AB"), outcode("WF17"));
        assert_eq!(parse_query("EC1A 1BB"), outcode("EC1A"));
        assert_eq!(parse_query("B1"), outcode("B1"));
    }

    #[test]
    fn towns_are_kept_as_typed() {
        assert_eq!(
            parse_query("  Dewsbury "),
            Ok(Query::Town("Dewsbury".into()))
        );
        assert_eq!(
            parse_query("Heckmondwike"),
            Ok(Query::Town("Heckmondwike".into()))
        );
        assert_eq!(
            parse_query("Batley  Carr"),
            Ok(Query::Town("Batley Carr".into()))
        );
    }

    #[test]
    fn nonsense_is_refused_calmly() {
        assert_eq!(parse_query(""), Err(QueryError::Empty));
        assert_eq!(parse_query("   "), Err(QueryError::Empty));
        assert_eq!(parse_query("<script>"), Err(QueryError::NotAPlace));
        assert_eq!(parse_query("12345"), Err(QueryError::NotAPlace));
        assert_eq!(parse_query(&"a".repeat(61)), Err(QueryError::TooLong));
        assert_eq!(parse_query("53.6,-1.7"), Err(QueryError::NotAPlace));
        let examples = Examples {
            district: "ZZ1".into(),
            town: "Fixton".into(),
        };
        assert!(QueryError::NotAPlace
            .words(&examples, &Words::english())
            .contains("such as ZZ1, or a town such as Fixton"));
    }

    #[test]
    fn letters_from_other_scripts_never_split_a_character() {
        // Found by the fuzzer (fuzz/corpus/query/non-ascii-split).
        assert_eq!(parse_query("H\u{600}D\u{1a}"), Err(QueryError::NotAPlace));
        assert_eq!(parse_query("ديوزبري"), Ok(Query::Town("ديوزبري".into())));
        assert_eq!(parse_query("HD1 2T\u{e9}"), Err(QueryError::NotAPlace));
    }
}

//! Words in one language, each named by a key: English is written in the code, another
//! language's come from a TOML file in its content folder, one value for each key,
//! checked at load. The locator ([`crate::locator::W`]) and the story form
//! ([`crate::model::S`]) each have their keys.
//!
//! A value may hold names in braces, such as `{town}`, filled in by [`Phrases::fill`];
//! a translation must use the same names as the English (the content check says so).
//! [`Phrases::encode`] writes them all into one string for a page to hand to an
//! island, which reads them back with [`Phrases::decode`]: no JSON parser in the WASM.

use std::marker::PhantomData;
use std::ops::Index;
use std::sync::Arc;

/// The keys of one set of words.
pub trait Key: Copy + Eq + 'static {
    /// Every key, in the order of [`Phrases`].
    const ALL: &'static [Self];
    /// Its name in the TOML file.
    fn name(self) -> &'static str;
    /// The English words.
    fn english(self) -> &'static str;
    /// Its place in [`Key::ALL`].
    fn position(self) -> usize;
}

/// Defines a [`Key`] enum with each key's name in the TOML file and its English words.
#[macro_export]
macro_rules! phrase_keys {
    ($(#[$meta:meta])* $enum:ident { $($key:ident $name:literal = $english:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $enum { $($key),* }

        impl $crate::phrases::Key for $enum {
            const ALL: &'static [$enum] = &[$($enum::$key),*];
            fn name(self) -> &'static str {
                match self { $($enum::$key => $name),* }
            }
            fn english(self) -> &'static str {
                match self { $($enum::$key => $english),* }
            }
            fn position(self) -> usize {
                self as usize
            }
        }
    };
}

/// Splits the words in [`Phrases::encode`]: a character no one types.
const SEPARATOR: char = '\u{1f}';

/// Every word of one set in one language, indexed by its key. Made once at load and
/// shared: a clone (one for each page or answer that says them) copies no word.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrases<K: Key> {
    values: Arc<[String]>,
    keys: PhantomData<K>,
}

impl<K: Key> Default for Phrases<K> {
    fn default() -> Self {
        Phrases::english()
    }
}

impl<K: Key> Index<K> for Phrases<K> {
    type Output = str;
    fn index(&self, key: K) -> &str {
        self.values.get(key.position()).map_or("", String::as_str)
    }
}

impl<K: Key> Phrases<K> {
    pub fn english() -> Phrases<K> {
        Phrases {
            values: K::ALL.iter().map(|key| key.english().to_owned()).collect(),
            keys: PhantomData,
        }
    }

    /// The words from one value per key, in order; `None` unless there is exactly one
    /// for each.
    pub fn from_values(values: Vec<String>) -> Option<Phrases<K>> {
        (values.len() == K::ALL.len()).then(|| Phrases {
            values: values.into(),
            keys: PhantomData,
        })
    }

    /// Every word in one string, for the page to hand to an island.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        for (n, word) in self.values.iter().enumerate() {
            if n > 0 {
                out.push(SEPARATOR);
            }
            out.push_str(word);
        }
        out
    }

    /// The words [`Phrases::encode`] wrote; `None` unless there is one for each key.
    pub fn decode(text: &str) -> Option<Phrases<K>> {
        Phrases::from_values(text.split(SEPARATOR).map(str::to_owned).collect())
    }

    /// The word with each `{name}` replaced by its value; a name with no value is left.
    pub fn fill(&self, key: K, values: &[(&str, &str)]) -> String {
        fill(&self[key], values)
    }

    /// The same words with `key` said as `value`.
    pub fn with(self, key: K, value: String) -> Phrases<K> {
        let mut values = self.values.to_vec();
        if let Some(slot) = values.get_mut(key.position()) {
            *slot = value;
        }
        Phrases {
            values: values.into(),
            keys: PhantomData,
        }
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (close, *value))
        });
        match named {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{names}` a word uses, in order of first use: a translation must use the same.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    phrase_keys! {
        T {
            One "one" = "Nearest to {origin}";
            Two "two" = "at {time} on {day}";
        }
    }

    #[test]
    fn words_round_trip_through_the_page_and_refuse_a_short_or_long_list() {
        let words = Phrases::<T>::english();
        assert_eq!(Phrases::decode(&words.encode()), Some(words.clone()));
        assert_eq!(Phrases::<T>::decode("Nearest to {origin}"), None);
        assert_eq!(
            Phrases::<T>::decode(&format!("{}{SEPARATOR}x", words.encode())),
            None
        );
        assert_eq!(
            &words.clone().with(T::Two, "o {time}".into())[T::Two],
            "o {time}"
        );
    }

    #[test]
    fn a_clone_shares_the_words_and_with_changes_only_its_own() {
        let words = Phrases::<T>::english();
        let clone = words.clone();
        assert!(Arc::ptr_eq(&words.values, &clone.values), "no word copied");
        let changed = clone.with(T::One, "Najbliżej {origin}".into());
        assert_eq!(&words[T::One], "Nearest to {origin}");
        assert_eq!(&changed[T::One], "Najbliżej {origin}");
        assert_eq!(&changed[T::Two], "at {time} on {day}");
    }

    #[test]
    fn fill_replaces_names_and_leaves_unknown_ones() {
        assert_eq!(
            fill("Nearest to {origin}, {x} {", &[("origin", "HD1 {x}")]),
            "Nearest to HD1 {x}, {x} {"
        );
        let words = Phrases::<T>::english();
        assert_eq!(
            words.fill(T::Two, &[("time", "9am"), ("day", "Monday")]),
            "at 9am on Monday"
        );
    }

    #[test]
    fn placeholders_are_listed_once_each() {
        assert_eq!(
            placeholders("{code} in or near {area}, {area}"),
            vec!["code", "area"]
        );
        assert_eq!(placeholders("no names {"), Vec::<&str>::new());
    }
}

//! How easy a page is to read: the Flesch-Kincaid grade of its words, turned into a
//! UK reading age (grade + 5). Pages are written for a reading age of about 11; the
//! check warns when a page reads much older than that.

/// The reading age above which the check warns.
pub const WARN_ABOVE_READING_AGE: f64 = 13.0;

/// What the check says about a page's reading level.
#[derive(Clone, Debug, PartialEq)]
pub struct Readability {
    pub reading_age: f64,
    pub words: usize,
    /// The longest sentence, to show the editor where to start.
    pub longest_sentence: String,
}

/// Scores `text`, or `None` when there is too little to judge (under 50 words).
pub fn score(text: &str) -> Option<Readability> {
    let sentences: Vec<&str> = text
        .split(['.', '!', '?', ';', ':', '\n'])
        .map(str::trim)
        .filter(|sentence| sentence.split_whitespace().any(is_word))
        .collect();
    let words: Vec<&str> = text.split_whitespace().filter(|w| is_word(w)).collect();
    if words.len() < 50 || sentences.is_empty() {
        return None;
    }
    let syllables: usize = words.iter().map(|word| syllables(word)).sum();
    let grade = 0.39 * (words.len() as f64 / sentences.len() as f64)
        + 11.8 * (syllables as f64 / words.len() as f64)
        - 15.59;
    let longest_sentence = sentences
        .iter()
        .max_by_key(|sentence| sentence.split_whitespace().count())
        .map(|sentence| (*sentence).to_owned())
        .unwrap_or_default();
    Some(Readability {
        reading_age: (grade + 5.0).max(5.0),
        words: words.len(),
        longest_sentence,
    })
}

fn is_word(token: &str) -> bool {
    token.chars().any(char::is_alphabetic)
}

/// An estimate of the syllables in an English word: groups of vowels, less a silent
/// final "e", at least one.
pub fn syllables(word: &str) -> usize {
    let letters: Vec<char> = word
        .chars()
        .filter(char::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if letters.is_empty() {
        return 0;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count = 0;
    let mut previous_vowel = false;
    for &letter in &letters {
        let is_vowel = vowel(letter);
        if is_vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = is_vowel;
    }
    // A final "e" after a consonant is silent ("safe"), but not in "-le" after a
    // consonant ("table").
    let n = letters.len();
    let ends_silent_e = n > 2
        && letters[n - 1] == 'e'
        && !vowel(letters[n - 2])
        && (letters[n - 2] != 'l' || vowel(letters[n - 3]));
    if ends_silent_e && count > 1 {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_estimated() {
        assert_eq!(syllables("help"), 1);
        assert_eq!(syllables("safe"), 1);
        assert_eq!(syllables("police"), 2);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("relationship"), 4);
        assert_eq!(syllables("999"), 0);
    }

    #[test]
    fn plain_words_read_younger_than_dense_ones() {
        let plain = "You can call us. We will listen. You do not have to give your name. \
                     It is free. It is safe. We are here all day and all night. "
            .repeat(4);
        let dense = "Organisational safeguarding responsibilities necessitate comprehensive \
                     multi-agency information-sharing arrangements, notwithstanding \
                     considerable implementation difficulties experienced historically. "
            .repeat(4);
        let plain = score(&plain).expect("enough words");
        let dense = score(&dense).expect("enough words");
        assert!(plain.reading_age < 9.0, "{plain:?}");
        assert!(dense.reading_age > WARN_ABOVE_READING_AGE, "{dense:?}");
        assert!(dense.longest_sentence.starts_with("Organisational"));
        assert_eq!(score("Too short to judge."), None);
    }
}

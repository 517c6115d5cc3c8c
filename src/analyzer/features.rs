//! Text to the analyzer's input: hashed words (negation-marked), word pairs and character n-grams.
//!
//! This is the twin of `models/featurize.py`; the two must agree to 1e-5, which
//! `tests/analyzer_parity.rs` checks against vectors the training script wrote. A text is split
//! into clauses at ASCII punctuation; a word within `NEGATION_WINDOW` words after a negator in
//! its clause is marked "not_", so "no personal data" does not read as "personal data".

/// The number of hashed feature buckets: the model's input width.
pub const DIM: usize = 8192;
/// How many words after a negator its scope covers (within one clause).
pub const NEGATION_WINDOW: usize = 4;

const FNV_OFFSET: u32 = 0x811C_9DC5;
const FNV_PRIME: u32 = 0x0100_0193;
/// "t" is what is left of "n't" once the apostrophe splits "don't", "can't" or "isn't".
const NEGATORS: &[&str] = &[
    "no", "not", "never", "without", "nor", "cannot", "t", "none", "nothing", "neither", "nobody",
];
const CLAUSE_BREAKS: &[u8] = b".,;:!?()[]";
const CHAR_NGRAMS: [usize; 3] = [3, 4, 5];

/// A lowercased word with a plural "s" dropped (longer than three letters, not "ss").
fn word(raw: String) -> String {
    if raw.len() > 3 && raw.ends_with('s') && !raw.ends_with("ss") {
        raw[..raw.len() - 1].to_owned()
    } else {
        raw
    }
}

/// Words (ASCII letters and digits, lowercased) per clause; other characters separate words,
/// and the punctuation in `CLAUSE_BREAKS` also ends a clause.
pub fn clauses(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = vec![Vec::new()];
    let mut current = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            current.push(c.to_ascii_lowercase());
            continue;
        }
        if !current.is_empty() {
            if let Some(clause) = out.last_mut() {
                clause.push(word(std::mem::take(&mut current)));
            }
        }
        let breaks = c.is_ascii() && CLAUSE_BREAKS.contains(&(c as u8));
        if breaks && out.last().is_some_and(|clause| !clause.is_empty()) {
            out.push(Vec::new());
        }
    }
    if !current.is_empty() {
        if let Some(clause) = out.last_mut() {
            clause.push(word(current));
        }
    }
    out.retain(|clause| !clause.is_empty());
    out
}

/// Every word of the text, clause after clause.
pub fn tokens(text: &str) -> Vec<String> {
    clauses(text).into_iter().flatten().collect()
}

/// Each word of a clause with whether it stands in a negation's scope ("not_" prefixed if so).
fn marked(clause: &[String]) -> Vec<(String, bool)> {
    let mut left = 0;
    clause
        .iter()
        .map(|w| {
            if NEGATORS.contains(&w.as_str()) {
                left = NEGATION_WINDOW;
                (w.clone(), false)
            } else if left > 0 {
                left -= 1;
                (format!("not_{w}"), true)
            } else {
                (w.clone(), false)
            }
        })
        .collect()
}

/// 32-bit FNV-1a over the UTF-8 bytes.
pub fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(FNV_OFFSET, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(FNV_PRIME)
    })
}

/// Every feature string of the text, in the same order as the Python twin's.
pub fn grams(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for clause in clauses(text) {
        let words = marked(&clause);
        for (w, negated) in &words {
            out.push(format!("w:{w}"));
            if !negated {
                // Words are ASCII, so byte windows are character windows.
                let padded = format!("<{w}>");
                for n in CHAR_NGRAMS {
                    for start in 0..(padded.len() + 1).saturating_sub(n) {
                        out.push(format!("c:{}", &padded[start..start + n]));
                    }
                }
            }
        }
        for pair in words.windows(2) {
            out.push(format!("b:{} {}", pair[0].0, pair[1].0));
        }
    }
    out
}

/// The feature vector for `text`: 1.0 in the bucket of every feature present.
///
/// Presence rather than counts, so a telling word keeps its weight in a long text.
pub fn features(text: &str) -> Vec<f32> {
    let mut out = vec![0.0f32; DIM];
    for gram in grams(text) {
        out[fnv1a(&gram) as usize % DIM] = 1.0;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_ascii_lowercased_and_plurals_trimmed() {
        assert_eq!(
            tokens("Summarize Patient-notes; class ÜBER 4GB"),
            ["summarize", "patient", "note", "class", "ber", "4gb"]
        );
        assert_eq!(clauses("One, two. Three").len(), 3);
    }

    #[test]
    fn negation_marks_the_words_after_a_negator_within_its_clause() {
        let g = grams("It doesn't need the cloud, no personal data. Works offline");
        assert!(g.contains(&"w:not_cloud".to_owned()));
        assert!(g.contains(&"w:not_personal".to_owned()));
        assert!(!g.contains(&"w:personal".to_owned()));
        assert!(g.contains(&"w:offline".to_owned()));
    }

    #[test]
    fn fnv1a_matches_the_published_test_values() {
        assert_eq!(fnv1a(""), 0x811c_9dc5);
        assert_eq!(fnv1a("a"), 0xe40c_292c);
        assert_eq!(fnv1a("foobar"), 0xbf9c_f968);
    }

    #[test]
    fn features_mark_each_gram_once() {
        // "ab": the word, its two 3-grams and one 4-gram ("<ab>"); nothing repeats.
        assert_eq!(grams("ab").len(), 4);
        let f = features("ab ab");
        assert!(f.iter().filter(|v| **v == 1.0).count() <= 5);
        assert!(features("!!!").iter().all(|v| *v == 0.0));
    }
}
